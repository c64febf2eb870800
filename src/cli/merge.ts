/**
 * `nlg-metrics merge FILE.json ...`: adds up the statistics of shards scored apart (`score --stats-out`, on
 * other machines, in a CI matrix, by a batch job) and prints the corpus scores exactly as one `score` run on
 * all the segments would, in the same formats and with the same `--fail-under` thresholds.
 * @internal
 */
import { BleuState, ChrfState, RougeState, stateForStats } from '../aggregate/metricStats.js';
import { formatOptionHelp, parseCommandArgs, type OptionTable } from './args.js';
import { EXIT_OK, InputError, UsageError } from './errors.js';
import { commitOutputFile, createOutputFile, writeOut, type CliContext } from './io.js';
import { bleuStateRunner, chrfStateRunner, rougeStateRunner, type MetricRunner } from './metrics.js';
import { orderResults, parseFormat, parseThresholds, report } from './report.js';
import { readScoreStats, scoreStatsJson, type ScoreStats } from './statsFile.js';

const OUTPUT = 'Output';

export const MERGE_OPTIONS: OptionTable = {
  format: { kind: 'string', value: 'table|json|markdown', help: 'output format (default table; json prints one object and nothing else)', group: OUTPUT },
  'fail-under': { kind: 'string', multiple: true, value: 'NAME=VALUE', help: 'exit 1 if a metric is below VALUE (ROUGE F-measure 0..1; BLEU, chrF 0..100)', group: OUTPUT },
  'stats-out': { kind: 'string', value: 'FILE.json', help: 'also write the merged statistics (to merge again later)', group: OUTPUT },
  help: { kind: 'boolean', short: 'h', help: 'show this help', group: OUTPUT },
};

export const MERGE_USAGE = `usage: nlg-metrics merge FILE.json [FILE.json ...] [options]

Combines the statistics of shards scored apart (nlg-metrics score ... --stats-out FILE.json) and prints the
scores of all their segments together, as a single score run would: exactly the same numbers (BLEU and chrF
add integer counts, ROUGE adds exact sums), whatever the split and the order of the files. Every file must
come from the same metrics and options. A file may also hold one accumulator's stats() from the library.
- reads one file from standard input.

${formatOptionHelp(MERGE_OPTIONS)}Exit status: 0 success, 1 a --fail-under threshold not met, 2 bad usage or bad input (files of other
metrics or options: the message names what differs).

example:
  nlg-metrics score --hyp a.hyp --ref a.ref --stats-out a.json     (on one machine)
  nlg-metrics score --hyp b.hyp --ref b.ref --stats-out b.json     (on another)
  nlg-metrics merge a.json b.json --fail-under bleu=25
`;

/** A runner (empty) able to merge the statistics of `run`, from their own metric and options. */
function runnerFor(fn: string, key: string, stats: unknown): MetricRunner {
  const state = stateForStats(fn, stats);
  if (state instanceof RougeState) return rougeStateRunner(state);
  if (state instanceof BleuState) return bleuStateRunner(state);
  if (state instanceof ChrfState) return chrfStateRunner(key, state);
  throw new Error('unknown statistics');
}

const list = (xs: readonly string[]): string => xs.join(',');

/** Runs `merge`; returns the exit code. */
export async function mergeCommand(ctx: CliContext, argv: readonly string[]): Promise<number> {
  const args = parseCommandArgs('merge', argv, MERGE_OPTIONS);
  if (args.flags.has('help')) {
    await writeOut(ctx, MERGE_USAGE);
    return EXIT_OK;
  }
  const paths = args.positionals;
  if (paths.length === 0) throw new UsageError('merge: give the statistics files to merge (nlg-metrics merge a.json b.json; written by score --stats-out)');
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('merge: standard input (-) can be given only once');
  const format = parseFormat('merge', args.strings.get('format'));
  const statsPath = args.strings.get('stats-out');
  if (statsPath === '-') throw new UsageError('merge: --stats-out needs a file name (standard output carries the results)');
  const names = paths.map((p) => (p === '-' ? 'standard input' : p));

  const files: ScoreStats[] = [];
  for (const p of paths) files.push(await readScoreStats(p, ctx.stdin));
  const first = files[0] as ScoreStats;
  const firstName = names[0] as string;
  const thresholds = parseThresholds(
    'merge',
    args.lists.get('fail-under') ?? [],
    first.metrics,
    first.metrics.filter((m) => m !== 'bleu' && m !== 'chrf' && m !== 'chrf++'),
  );
  const runners = first.runs.map((r) => runnerFor(`merge: ${firstName} (${r.key})`, r.key, r.stats));
  let segments = 0;
  files.forEach((f, i) => {
    const name = names[i] as string;
    if (list(f.metrics) !== list(first.metrics) || list(f.runs.map((r) => r.key)) !== list(first.runs.map((r) => r.key))) {
      throw new InputError(`merge: ${name} has the metrics ${list(f.metrics)}, ${firstName} has ${list(first.metrics)}: merge statistics of the same score options`);
    }
    f.runs.forEach((r, k) => (runners[k] as MetricRunner).merge(r.stats, `merge: ${name} (${r.key})`, i === 0 ? 'here' : `in ${firstName}`));
    segments += f.segments;
  });
  if (segments === 0) throw new InputError(`nothing to score: ${names.join(', ')} hold no segments`);

  const results = orderResults(
    runners.flatMap((r) => r.results()),
    first.metrics,
  );
  if (statsPath !== undefined) {
    const f = await createOutputFile(ctx, statsPath);
    await f.write(scoreStatsJson(first.metrics, runners, segments));
    await commitOutputFile(ctx, f);
  }
  const inputs = `statistics of ${files.length === 1 ? firstName : `${files.length} files (${names.join(', ')})`}`;
  return report(ctx, results, { segments, inputs }, format, thresholds);
}
