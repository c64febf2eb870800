/**
 * The `nlg-metrics` command-line program: `score` (ROUGE, BLEU, chrF of a corpus), `merge` (the scores of
 * shards' statistics), `pairs` (rankings or ratings to reward-model pairs), and with no arguments the
 * bundled example. Exit status 0 success,
 * 1 a `--fail-under` threshold not met, 2 bad usage or bad input (one line on standard error, no stack trace).
 * Everything outside the process (streams, environment) comes in a {@link CliContext}, so tests can run it
 * in-process; `main.ts` is the process entry.
 * @internal
 */
import { VERSION } from '../version.js';
import { EXIT_OK, EXIT_USAGE, InputError, UsageError } from './errors.js';
import { abortOutputFiles, writeOut, type CliContext } from './io.js';
import { mergeCommand } from './merge.js';
import { pairsCommand } from './pairs.js';
import { scoreCommand } from './score.js';

export const USAGE = `usage: nlg-metrics score --hyp FILE --ref FILE [--ref FILE ...] [options]
       nlg-metrics score --jsonl FILE [options]
       nlg-metrics merge FILE.json [FILE.json ...] [options]
       nlg-metrics pairs --in FILE.jsonl [--out FILE.jsonl] [options]
       nlg-metrics                     (no arguments: score the bundled example corpus)

commands:
  score   ROUGE (as rouge-score 0.1.2), BLEU and chrF (as sacrebleu 2.6.0) of a corpus;
          table, JSON or Markdown output, --fail-under thresholds for CI, --per-segment scores,
          --stats-out statistics for merge, --jobs N worker threads
  merge   the exact corpus scores of shards scored apart (their score --stats-out files)
  pairs   ranked or rated completions (JSON Lines) to chosen/rejected pairs for TRL's trainers

nlg-metrics COMMAND --help shows a command's options. nlg-metrics --version prints the version.
Exit status: 0 success, 1 a --fail-under threshold not met, 2 bad usage or bad input.
`;

/** Runs the program on `argv` (without `node` and the script); returns the exit code. */
export async function run(ctx: CliContext, argv: readonly string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) return await scoreCommand(ctx, [], true);
    if (command === '--help' || command === '-h' || command === 'help') {
      await writeOut(ctx, USAGE);
      return EXIT_OK;
    }
    if (command === '--version' || command === '-v') {
      await writeOut(ctx, `${VERSION}\n`);
      return EXIT_OK;
    }
    if (command === 'score') return await scoreCommand(ctx, rest);
    if (command === 'merge') return await mergeCommand(ctx, rest);
    if (command === 'pairs') return await pairsCommand(ctx, rest);
    if (command.startsWith('-')) throw new UsageError(`unknown option ${command} before a command (nlg-metrics score ${command} ...?)`);
    throw new UsageError(`unknown command ${JSON.stringify(command)} (commands: score, merge, pairs; nlg-metrics --help)`);
  } catch (err) {
    await abortOutputFiles(ctx);
    if (err instanceof UsageError || err instanceof InputError) {
      ctx.stderr.write(`nlg-metrics: ${err.message}\n`);
      return EXIT_USAGE;
    }
    if (err instanceof TypeError || err instanceof RangeError) {
      // A metric or option check of the library rejected the input: bad input, reported like one.
      ctx.stderr.write(`nlg-metrics: ${err.message}\n`);
      if (ctx.env.NLG_METRICS_DEBUG) ctx.stderr.write(`${err.stack ?? ''}\n`);
      return EXIT_USAGE;
    }
    const message = err instanceof Error ? err.message : String(err);
    ctx.stderr.write(`nlg-metrics: internal error: ${message}${ctx.env.NLG_METRICS_DEBUG ? `\n${err instanceof Error ? err.stack : ''}` : ' (set NLG_METRICS_DEBUG=1 for details)'}\n`);
    return EXIT_USAGE;
  }
}
