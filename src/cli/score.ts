/**
 * `nlg-metrics score`: ROUGE, BLEU and chrF of a corpus from text files or JSON Lines, streamed segment by
 * segment into each metric's sufficient statistics, printed as a table, JSON or Markdown, with thresholds
 * for CI (`--fail-under`) and per-segment scores (`--per-segment`).
 * @internal
 */
import { fileURLToPath } from 'node:url';
import { formatOptionHelp, parseCommandArgs, parseIntegerValue, parseNumberValue, type OptionTable, type ParsedArgs } from './args.js';
import { EXIT_OK, InputError, UsageError } from './errors.js';
import type { ScoreCaption } from './format.js';
import { commitOutputFile, createOutputFile, note, writeOut, type CliContext } from './io.js';
import { defaultJobs, scoreSource } from './jobs.js';
import { bleuRunner, chrfRunner, METRIC_HELP, parseMetrics, rougeRunner, type MetricRunner, type MetricSelection } from './metrics.js';
import { ProgressBar } from './progress.js';
import { orderResults, parseFormat, parseThresholds, report } from './report.js';
import { openJsonlSource, openTextSource, type SegmentSource } from './scoreInput.js';
import { scoreStatsJson } from './statsFile.js';

const INPUT = 'Input';
const ROUGE = 'ROUGE options';
const BLEU = 'BLEU options';
const CHRF = 'chrF options';
const OUTPUT = 'Output';
const RUN = 'Running';

/** Most worker threads `--jobs` accepts. */
export const MAX_JOBS = 256;

export const SCORE_OPTIONS: OptionTable = {
  hyp: { kind: 'string', value: 'FILE', help: 'hypotheses, one segment a line (- for standard input)', group: INPUT },
  ref: { kind: 'string', multiple: true, value: 'FILE', help: 'references, line by line with --hyp; repeat for several references', group: INPUT },
  jsonl: { kind: 'string', value: 'FILE', help: 'instead of --hyp/--ref: one {"hypothesis": ..., "references": [...]} a line', group: INPUT },
  example: { kind: 'boolean', help: 'score the example corpus bundled with the package', group: INPUT },
  metrics: { kind: 'string', multiple: true, value: 'LIST', help: `comma-separated: ${METRIC_HELP} (default rouge1,rouge2,rougeL,rougeLsum,bleu,chrf)`, group: INPUT },
  stemmer: { kind: 'boolean', help: "Porter-stem tokens longer than 3 characters (rouge-score's use_stemmer)", group: ROUGE },
  'rouge-tokenizer': { kind: 'string', value: 'NAME', help: "rouge (rouge-score's: ASCII letters and digits; default), unicode (every script), whitespace, 13a, intl, zh, char, none", group: ROUGE },
  'multi-reference': { kind: 'string', value: 'max|mean', help: "with several references: the best one per type (rouge-score's score_multi; default) or the mean", group: ROUGE },
  tokenize: { kind: 'string', value: 'NAME', help: "13a (default), intl, zh, char or none: sacrebleu's tokenizers", group: BLEU },
  'trg-lang': { kind: 'string', value: 'LANG', help: 'target language; zh selects the zh tokenizer unless --tokenize is given (sacrebleu -l)', group: BLEU },
  lowercase: { kind: 'boolean', help: 'case-insensitive BLEU and chrF (signature case:lc)', group: BLEU },
  'smooth-method': { kind: 'string', value: 'NAME', help: 'exp (default), floor, add-k or none', group: BLEU },
  'smooth-value': { kind: 'string', value: 'X', help: 'the value for floor (default 0.1) or add-k (default 1)', group: BLEU },
  'max-ngram-order': { kind: 'string', value: 'N', help: 'largest n-gram order (default 4)', group: BLEU },
  'effective-order': { kind: 'boolean', help: 'average only over the n-gram orders the hypotheses have (corpus BLEU)', group: BLEU },
  'char-order': { kind: 'string', value: 'N', help: 'character n-gram order (default 6)', group: CHRF },
  'word-order': { kind: 'string', value: 'N', help: 'word n-gram order of chrf (default 0; chrf++ always uses 2)', group: CHRF },
  beta: { kind: 'string', value: 'X', help: 'weight of recall (default 2)', group: CHRF },
  'chrf-whitespace': { kind: 'boolean', help: 'keep white space in character n-grams', group: CHRF },
  'eps-smoothing': { kind: 'boolean', help: "chrF++.py's epsilon smoothing instead of sacrebleu's default", group: CHRF },
  format: { kind: 'string', value: 'table|json|markdown', help: 'output format (default table; json prints one object and nothing else)', group: OUTPUT },
  'fail-under': { kind: 'string', multiple: true, value: 'NAME=VALUE', help: 'exit 1 if a metric is below VALUE (ROUGE F-measure 0..1; BLEU, chrF 0..100)', group: OUTPUT },
  'per-segment': { kind: 'string', value: 'FILE.jsonl', help: "write each segment's scores, one JSON object a line", group: OUTPUT },
  'stats-out': { kind: 'string', value: 'FILE.json', help: "also write the run's summed statistics, to combine shards with nlg-metrics merge", group: OUTPUT },
  'no-progress': { kind: 'boolean', help: 'never show the progress bar (shown on a terminal for long inputs)', group: OUTPUT },
  jobs: { kind: 'string', value: 'N', help: 'score in up to N threads (this one and N-1 workers, started for inputs over 20,000 segments), same output (default: the number of processors)', group: RUN },
  help: { kind: 'boolean', short: 'h', help: 'show this help', group: OUTPUT },
};

export const SCORE_USAGE = `usage: nlg-metrics score --hyp FILE --ref FILE [--ref FILE ...] [options]
       nlg-metrics score --jsonl FILE [options]
       nlg-metrics score --example [options]

Scores hypotheses against references with ROUGE (as Google's rouge-score 0.1.2), BLEU and chrF
(as sacrebleu 2.6.0). Text files hold one segment a line (\\n or \\r\\n, UTF-8); trailing white space of
a line is ignored, as sacrebleu's command line does.

${formatOptionHelp(SCORE_OPTIONS)}Output goes to standard output (table unless --format is given, also when piped); messages to
standard error. When GITHUB_STEP_SUMMARY is set, the Markdown table is also appended to that file.
Exit status: 0 success, 1 a --fail-under threshold not met, 2 bad usage or bad input.

examples:
  nlg-metrics score --hyp out.txt --ref ref.txt
  nlg-metrics score --hyp out.txt --ref ref1.txt --ref ref2.txt --metrics bleu,chrf++ --format json
  nlg-metrics score --jsonl eval.jsonl --fail-under rougeL=0.35 --fail-under bleu=20 --per-segment seg.jsonl
  nlg-metrics score --hyp part1.hyp --ref part1.ref --stats-out part1.json   (then: nlg-metrics merge part*.json)
`;

/** The bundled example: resolved next to the built file (dist/cli.js → ../examples), as the package ships it. */
export function examplePaths(): { hyp: string; ref: string; dir: string } {
  const dir = new URL('../examples/wmt17-ende/', import.meta.url);
  return {
    hyp: fileURLToPath(new URL('hyp.uedin-nmt.de', dir)),
    ref: fileURLToPath(new URL('ref.de', dir)),
    dir: fileURLToPath(new URL('../', dir)),
  };
}

function requireMetric(args: ParsedArgs, flags: readonly string[], present: boolean, what: string): void {
  if (present) return;
  for (const f of flags) {
    if (args.flags.has(f) || args.strings.has(f)) throw new UsageError(`score: --${f} applies to ${what}, which is not among --metrics`);
  }
}

/** Builds the runners from the flags (validated by the metric modules; errors name the flag). */
export function buildRunners(args: ParsedArgs, sel: MetricSelection): MetricRunner[] {
  const int = (f: string): number | undefined => {
    const v = args.strings.get(f);
    return v === undefined ? undefined : parseIntegerValue('score', `--${f}`, v);
  };
  const num = (f: string): number | undefined => {
    const v = args.strings.get(f);
    return v === undefined ? undefined : parseNumberValue('score', `--${f}`, v);
  };
  const defined = (o: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  requireMetric(args, ['stemmer', 'rouge-tokenizer', 'multi-reference'], sel.rougeTypes.length > 0, 'ROUGE');
  requireMetric(args, ['tokenize', 'trg-lang', 'smooth-method', 'smooth-value', 'max-ngram-order', 'effective-order'], sel.bleu, 'BLEU');
  requireMetric(args, ['lowercase'], sel.bleu || sel.chrf || sel.chrfPlusPlus, 'BLEU and chrF');
  requireMetric(args, ['char-order', 'beta', 'chrf-whitespace', 'eps-smoothing'], sel.chrf || sel.chrfPlusPlus, 'chrF');
  requireMetric(args, ['word-order'], sel.chrf, 'chrf (chrf++ always uses word order 2)');
  const lowercase = args.flags.has('lowercase') ? true : undefined;
  const runners: MetricRunner[] = [];
  if (sel.rougeTypes.length > 0) {
    runners.push(
      rougeRunner(
        defined({
          types: sel.rougeTypes,
          stemmer: args.flags.has('stemmer') ? true : undefined,
          tokenizer: args.strings.get('rouge-tokenizer'),
          multiReference: args.strings.get('multi-reference'),
        }),
      ),
    );
  }
  if (sel.bleu) {
    runners.push(
      bleuRunner(
        defined({
          tokenize: args.strings.get('tokenize'),
          trgLang: args.strings.get('trg-lang'),
          lowercase,
          smoothMethod: args.strings.get('smooth-method'),
          smoothValue: num('smooth-value'),
          maxNgramOrder: int('max-ngram-order'),
          effectiveOrder: args.flags.has('effective-order') ? true : undefined,
        }),
      ),
    );
  }
  const chrfCommon = defined({
    charOrder: int('char-order'),
    beta: num('beta'),
    lowercase,
    whitespace: args.flags.has('chrf-whitespace') ? true : undefined,
    epsSmoothing: args.flags.has('eps-smoothing') ? true : undefined,
  });
  if (sel.chrf) runners.push(chrfRunner('chrf', defined({ ...chrfCommon, wordOrder: int('word-order') })));
  if (sel.chrfPlusPlus) runners.push(chrfRunner('chrf++', { ...chrfCommon, wordOrder: 2 }));
  return runners;
}

/** Chooses the input from the flags and opens it. */
async function openSource(ctx: CliContext, args: ParsedArgs, example: boolean): Promise<SegmentSource> {
  const hyp = args.strings.get('hyp');
  const refs = args.lists.get('ref') ?? [];
  const jsonl = args.strings.get('jsonl');
  if (example || args.flags.has('example')) {
    if (hyp !== undefined || refs.length > 0 || jsonl !== undefined) throw new UsageError('score: --example cannot be combined with --hyp, --ref or --jsonl');
    const p = examplePaths();
    // The no-argument run says what it did (an explicit --example needs no such note).
    if (example)
      note(
        ctx,
        `nlg-metrics: scoring the bundled example: 40 lines of WMT17 English-German news translated by the uedin-nmt system, against the reference translation (${p.dir}).\n` +
          'To score your own files: nlg-metrics score --hyp hypotheses.txt --ref references.txt   (nlg-metrics --help for more)',
      );
    return openTextSource(p.hyp, [p.ref], ctx.stdin, 'the bundled example (examples/wmt17-ende: hyp.uedin-nmt.de against ref.de)');
  }
  if (jsonl !== undefined) {
    if (hyp !== undefined || refs.length > 0) throw new UsageError('score: give either --jsonl or --hyp with --ref, not both');
    return openJsonlSource(jsonl, ctx.stdin);
  }
  if (hyp === undefined && refs.length === 0) throw new UsageError('score: give --hyp FILE with --ref FILE, or --jsonl FILE (nlg-metrics score --help)');
  if (hyp === undefined) throw new UsageError('score: --ref needs --hyp FILE (the hypotheses)');
  if (refs.length === 0) throw new UsageError('score: --hyp needs at least one --ref FILE (the references)');
  return openTextSource(hyp, refs, ctx.stdin);
}

/** `--jobs`, checked; the number of processors when not given. */
export function parseJobs(args: ParsedArgs): number {
  const text = args.strings.get('jobs');
  if (text === undefined) return Math.min(defaultJobs(), MAX_JOBS);
  const n = parseIntegerValue('score', '--jobs', text);
  if (n < 1 || n > MAX_JOBS) throw new UsageError(`score: --jobs must be between 1 and ${MAX_JOBS}, got ${text}`);
  return n;
}

/** A debugging knob for tests: segments per chunk sent to a worker (`NLG_METRICS_CHUNK_SEGMENTS`). */
function chunkSize(ctx: CliContext): number | undefined {
  const v = ctx.env.NLG_METRICS_CHUNK_SEGMENTS;
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}

/** Runs `score`; returns the exit code. `example`: the no-argument run on the bundled corpus. */
export async function scoreCommand(ctx: CliContext, argv: readonly string[], example = false): Promise<number> {
  const args = parseCommandArgs('score', argv, SCORE_OPTIONS);
  if (args.flags.has('help')) {
    await writeOut(ctx, SCORE_USAGE);
    return EXIT_OK;
  }
  if (args.positionals.length > 0) {
    throw new UsageError(`score: unexpected argument ${JSON.stringify(args.positionals[0])} (files are given with --hyp, --ref or --jsonl)`);
  }
  const format = parseFormat('score', args.strings.get('format'));
  const selection = parseMetrics(args.lists.get('metrics'));
  const runners = buildRunners(args, selection);
  const thresholds = parseThresholds('score', args.lists.get('fail-under') ?? [], selection.keys, selection.rougeTypes);
  const jobs = parseJobs(args);
  const perSegmentPath = args.strings.get('per-segment');
  if (perSegmentPath === '-') throw new UsageError('score: --per-segment needs a file name (standard output carries the results)');
  const statsPath = args.strings.get('stats-out');
  if (statsPath === '-') throw new UsageError('score: --stats-out needs a file name (standard output carries the results)');
  if (statsPath !== undefined && statsPath === perSegmentPath) throw new UsageError('score: --stats-out and --per-segment must be different files');

  const source = await openSource(ctx, args, example);
  const perSegment = perSegmentPath === undefined ? undefined : await createOutputFile(ctx, perSegmentPath).catch(async (err: unknown) => {
    await source.dispose();
    throw err;
  });
  const showProgress = format !== 'json' && ctx.stderr.isTTY === true && !args.flags.has('no-progress');
  const progress = showProgress ? new ProgressBar(ctx.stderr, 'segments') : undefined;

  let segments: number;
  try {
    const size = chunkSize(ctx);
    // NLG_METRICS_DEBUG_JOBS (tests, debugging): say how many worker threads scored.
    const onWorkers = ctx.env.NLG_METRICS_DEBUG_JOBS ? (n: number) => ctx.stderr.write(`nlg-metrics: debug: ${n} worker threads\n`) : undefined;
    segments = await scoreSource({ source, runners, perSegment, progress, jobs, workerScript: ctx.workerScript, argv, ...(size ? { chunkSize: size } : {}), ...(onWorkers ? { onWorkers } : {}) });
  } catch (err) {
    progress?.finish();
    await source.dispose();
    throw err;
  }
  progress?.finish();
  if (segments === 0) throw new InputError(`nothing to score: ${source.description} has no segments`);

  const results = orderResults(
    runners.flatMap((r) => r.results()),
    selection.keys,
  );
  const caption: ScoreCaption = { segments, inputs: source.description };
  if (statsPath !== undefined) {
    const f = await createOutputFile(ctx, statsPath);
    await f.write(scoreStatsJson(selection.keys, runners, segments));
    await commitOutputFile(ctx, f);
  }
  if (perSegment) await commitOutputFile(ctx, perSegment);
  return report(ctx, results, caption, format, thresholds);
}
