/**
 * Process entry of `nlg-metrics` (built to dist/cli.js): real streams, interrupt and broken-pipe handling,
 * exit code. The program itself is {@link run}.
 * @internal
 */
import { EXIT_OK, EXIT_USAGE } from './errors.js';
import type { CliContext } from './io.js';
import { run } from './run.js';

async function main(): Promise<void> {
  const ctx: CliContext = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, openFiles: new Set() };
  const onSignal = (signal: NodeJS.Signals): void => {
    for (const f of ctx.openFiles) f.abortSync(); // never leave a temporary or partial file behind
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // The reader of our output went away (`... | head`): stop quietly, discarding unfinished files.
    for (const f of ctx.openFiles) f.abortSync();
    process.exit(err.code === 'EPIPE' ? EXIT_OK : EXIT_USAGE);
  });
  const code = await run(ctx, process.argv.slice(2));
  process.exitCode = code;
  // Exit once both streams are flushed: an unread standard input must not keep the process waiting.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

void main();
