/**
 * Process entry of `nlg-metrics` (built to dist/cli.js): real streams, interrupt and broken-pipe handling,
 * exit code. The program itself is {@link run}. The same file is the entry of the worker threads of
 * `score --jobs` (started with this file's URL), which serve chunks instead.
 * @internal
 */
import { EXIT_OK, EXIT_USAGE } from './errors.js';
import type { CliContext } from './io.js';
import { isScoreWorker, runScoreWorker } from './jobsWorker.js';
import { run } from './run.js';

async function main(): Promise<void> {
  const ctx: CliContext = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    openFiles: new Set(),
    workerScript: new URL(import.meta.url),
  };
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
  // Debugging and tests: the peak resident memory of the whole process (all threads), in kilobytes.
  if (process.env.NLG_METRICS_DEBUG_RSS) process.stderr.write(`nlg-metrics: debug: maxRSS ${process.resourceUsage().maxRSS} kB\n`);
  // Exit once both streams are flushed: an unread standard input must not keep the process waiting.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

if (isScoreWorker()) runScoreWorker();
else void main();
