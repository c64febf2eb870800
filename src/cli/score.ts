/**
 * `nlg-metrics score`: ROUGE, BLEU and chrF of a corpus from text files or JSON Lines, streamed segment by
 * segment into each metric's sufficient statistics, printed as a table, JSON or Markdown, with thresholds
 * for CI (`--fail-under`) and per-segment scores (`--per-segment`).
 * @internal
 */
import { appendFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatOptionHelp, parseCommandArgs, parseIntegerValue, parseNumberValue, type OptionTable, type ParsedArgs } from './args.js';
import { EXIT_OK, EXIT_THRESHOLD, InputError, UsageError } from './errors.js';
import { formatHeadline, headline, renderJson, renderMarkdown, renderTable, type ScoreCaption } from './format.js';
import { commitOutputFile, createOutputFile, note, writeOut, type CliContext } from './io.js';
import { bleuRunner, chrfRunner, METRIC_HELP, parseMetrics, rougeRunner, type MetricRunner, type MetricSelection, type MetricValue } from './metrics.js';
import { ProgressBar } from './progress.js';
import { openJsonlSource, openTextSource, type SegmentSource } from './scoreInput.js';
import { describeFsError } from '../node/lineReader.js';

const INPUT = 'Input';
const ROUGE = 'ROUGE options';
const BLEU = 'BLEU options';
const CHRF = 'chrF options';
const OUTPUT = 'Output';

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
  'no-progress': { kind: 'boolean', help: 'never show the progress bar (shown on a terminal for long inputs)', group: OUTPUT },
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

type Format = 'table' | 'json' | 'markdown';

interface Threshold {
  readonly name: string;
  readonly value: number;
  readonly text: string;
}

/** Parses `--fail-under NAME=VALUE` values and checks each NAME is computed and VALUE on its metric's scale. */
export function parseThresholds(values: readonly string[], selection: MetricSelection): Threshold[] {
  const out: Threshold[] = [];
  for (const text of values) {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UsageError(`score: --fail-under needs NAME=VALUE (e.g. bleu=25 or rougeL=0.4), got ${JSON.stringify(text)}`);
    const raw = text.slice(0, eq).trim();
    const lower = raw.toLowerCase();
    const name = lower === 'bleu' || lower === 'chrf' || lower === 'chrf++' ? lower : raw;
    if (!selection.keys.includes(name)) {
      throw new UsageError(`score: --fail-under ${text}: ${JSON.stringify(raw)} is not among the computed metrics (${selection.keys.join(', ')})`);
    }
    const value = parseNumberValue('score', `--fail-under ${name}`, text.slice(eq + 1));
    const isRouge = selection.rougeTypes.includes(name);
    if (isRouge && (value < 0 || value > 1)) {
      throw new UsageError(`score: --fail-under ${text}: ROUGE thresholds are F-measures on the 0..1 scale${value > 1 && value <= 100 ? ` (did you mean ${name}=${value / 100}?)` : ''}`);
    }
    if (!isRouge && (value < 0 || value > 100)) throw new UsageError(`score: --fail-under ${text}: ${name} thresholds are on the 0..100 scale`);
    out.push({ name, value, text: `${name}=${text.slice(eq + 1).trim()}` });
  }
  return out;
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

function parseFormat(args: ParsedArgs): Format {
  const f = args.strings.get('format') ?? 'table';
  if (f !== 'table' && f !== 'json' && f !== 'markdown') throw new UsageError(`score: --format must be table, json or markdown, got ${JSON.stringify(f)}`);
  return f;
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

/** Orders the runners' results as the user listed the metrics. */
function ordered(results: readonly MetricValue[], sel: MetricSelection): MetricValue[] {
  return sel.keys.map((k) => results.find((r) => r.key === k)).filter((r): r is MetricValue => r !== undefined);
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
  const format = parseFormat(args);
  const selection = parseMetrics(args.lists.get('metrics'));
  const runners = buildRunners(args, selection);
  const thresholds = parseThresholds(args.lists.get('fail-under') ?? [], selection);
  const perSegmentPath = args.strings.get('per-segment');
  if (perSegmentPath === '-') throw new UsageError('score: --per-segment needs a file name (standard output carries the results)');

  const source = await openSource(ctx, args, example);
  const perSegment = perSegmentPath === undefined ? undefined : await createOutputFile(ctx, perSegmentPath).catch(async (err: unknown) => {
    await source.dispose();
    throw err;
  });
  const showProgress = format !== 'json' && ctx.stderr.isTTY === true && !args.flags.has('no-progress');
  const progress = showProgress ? new ProgressBar(ctx.stderr, 'segments') : undefined;

  let segments = 0;
  try {
    for await (const batch of source.batches()) {
      let lines = '';
      for (const seg of batch) {
        const row: Record<string, unknown> | undefined = perSegment ? { line: seg.line } : undefined;
        try {
          for (const r of runners) r.add(seg.hypothesis, seg.references, row);
        } catch (err) {
          // A metric refused this segment (e.g. a text over a size limit): say which line.
          if (err instanceof TypeError || err instanceof RangeError) throw new InputError(`${source.locate(seg.line)}: ${err.message}`);
          throw err;
        }
        if (row) lines += JSON.stringify(row) + '\n';
      }
      segments += batch.length;
      if (perSegment) await perSegment.write(lines);
      if (progress) {
        const p = source.progress();
        progress.update(segments, p.done, p.total);
      }
    }
  } catch (err) {
    progress?.finish();
    await source.dispose();
    throw err;
  }
  progress?.finish();
  if (segments === 0) throw new InputError(`nothing to score: ${source.description} has no segments`);

  const results = ordered(
    runners.flatMap((r) => r.results()),
    selection,
  );
  const caption: ScoreCaption = { segments, inputs: source.description };
  const text = format === 'json' ? renderJson(results) : format === 'markdown' ? renderMarkdown(results, caption) : renderTable(results, caption);
  if (perSegment) await commitOutputFile(ctx, perSegment);
  await writeOut(ctx, text);

  const summaryPath = ctx.env.GITHUB_STEP_SUMMARY;
  if (summaryPath) {
    try {
      await appendFile(summaryPath, (format === 'markdown' ? text : renderMarkdown(results, caption)) + '\n');
    } catch (err) {
      note(ctx, `nlg-metrics: warning: cannot append to GITHUB_STEP_SUMMARY (${summaryPath}): ${describeFsError(err)}`);
    }
  }

  const failures = thresholds.filter((t) => {
    const r = results.find((x) => x.key === t.name);
    return r !== undefined && !(headline(r) >= t.value);
  });
  for (const t of failures) {
    const r = results.find((x) => x.key === t.name) as MetricValue;
    const shown = formatHeadline(r);
    const value = Number(shown) >= t.value ? String(headline(r)) : shown; // never display a rounded value that looks like a pass
    note(ctx, `nlg-metrics: ${t.name} = ${value} is below the threshold ${t.value} (--fail-under ${t.text})`);
  }
  return failures.length > 0 ? EXIT_THRESHOLD : EXIT_OK;
}
