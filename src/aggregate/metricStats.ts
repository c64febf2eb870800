/**
 * The mergeable statistics of ROUGE, BLEU and chrF: one running state per metric (its resolved options, the
 * summed statistics, the data-dependent facts), the plain-JSON form of that state, and the checks that let
 * a state read from another process or machine be merged. The public {@link accumulator} and the command
 * line's `--stats-out`, `merge` and `--jobs` are thin layers over these.
 *
 * Memory stays bounded however many segments are added: the metric's working context (vocabulary, cached
 * references) is replaced by a fresh one every {@link CONTEXT_SEGMENTS} segments (ROUGE's also once the
 * references it keeps reach a size limit, see `RougeContext.worn`). Scores never depend on
 * the context, only the speed of repeated references within a window does.
 * @internal
 */
import { ExactSum } from './stats.js';
import { typeError } from '../internal/validate.js';
import { BleuCounter, finalizeBleu, resolveBleuOptions, type BleuOptions, type BleuResult, type ResolvedBleuOptions } from '../metrics/bleu.js';
import { ChrfContext, finalizeChrf, resolveChrfOptions, type ChrfOptions, type ChrfResult, type ResolvedChrfOptions } from '../metrics/chrf.js';
import { finalizeRouge, resolveRougeOptions, RougeContext, rougeSegmentStats, type ResolvedRougeOptions, type RougeOptions, type RougeScores } from '../metrics/rouge.js';

/** The metrics with mergeable statistics. */
export type MetricName = 'rouge' | 'bleu' | 'chrf';

/** The `format` field of every statistics object. */
export const STATS_FORMAT = 'nlg-metrics-stats';
/** The `version` field: the layout of the statistics object, raised when it changes incompatibly. */
export const STATS_VERSION = 1;
/** A metric's working context is replaced after this many segments, so memory does not grow with the corpus. */
export const CONTEXT_SEGMENTS = 10_000;

/**
 * The statistics of an accumulator as plain JSON: what was computed (`metric` and the `options` that change
 * the numbers, with defaults filled in), how many segments, and the sums. Merge it into an accumulator of the
 * same metric and options anywhere: another process, another machine, a later run.
 */
export interface AccumulatorStats {
  /** Always `'nlg-metrics-stats'`. */
  readonly format: typeof STATS_FORMAT;
  /** Layout version of this object, `1`. */
  readonly version: typeof STATS_VERSION;
  /** The metric. */
  readonly metric: MetricName;
  /**
   * The resolved options that change the numbers. ROUGE: `types`, `stemmer`, `tokenizer` (a built-in name, or
   * `{ name }` for your own tokenizer object), `multiReference`, `beta`. BLEU: `tokenize`, `lowercase`,
   * `smoothMethod`, `smoothValue`, `maxNgramOrder`, `effectiveOrder`. chrF: `charOrder`, `wordOrder`, `beta`,
   * `lowercase`, `whitespace`, `epsSmoothing`.
   */
  readonly options: Readonly<Record<string, unknown>>;
  /** Number of segments added. */
  readonly segments: number;
  /**
   * BLEU: the summed row `[sysLen, refLen, correct_1..N, total_1..N, segments, Σ nrefs, Σ nrefs²]`; chrF: the
   * summed `[hyp, ref, match]` counts per order (character orders, then word orders). All integers.
   */
  readonly stats?: number[];
  /**
   * ROUGE: for each type the exact sums of precision, recall and F-measure over the segments, each sum as the
   * non-overlapping partials of an exact floating-point sum (their total, correctly rounded, is the sum).
   */
  readonly sums?: number[][];
  /** chrF: the fewest and the most references of a segment (both 0 before any segment), for `nrefs` in the signature. */
  readonly references?: {
    /** The fewest references of any segment. */
    readonly min: number;
    /** The most references of any segment. */
    readonly max: number;
  };
}

/** One metric's running statistics. @internal */
export interface MetricState<R> {
  readonly metric: MetricName;
  /** Segments added or merged. */
  readonly segments: number;
  /** Adds one segment (arguments already checked). */
  add(hypothesis: string, references: readonly string[]): void;
  /** Adds one segment and returns its own statistics row (for per-segment scores). */
  addRow(hypothesis: string, references: readonly string[]): number[];
  /** The options record written into the statistics. */
  optionsRecord(): Record<string, unknown>;
  /** The state as plain JSON (a fresh object). */
  stats(): AccumulatorStats;
  /** Merges statistics already checked by {@link checkStats} against this state. */
  mergeChecked(stats: AccumulatorStats): void;
  /** Checks the sums part of untrusted statistics (after metric and options were checked). */
  checkSums(fn: string, stats: Record<string, unknown>): void;
  /** The corpus result of everything added. */
  result(): R;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A non-negative safe integer, or throws naming `field`. */
function checkCount(fn: string, field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw typeError(fn, field, 'a non-negative integer', v);
  return v;
}

/** An array of `width` non-negative integers, or throws naming `field` (and the index). */
function checkCountArray(fn: string, field: string, v: unknown, width: number): number[] {
  if (!Array.isArray(v)) throw typeError(fn, field, `an array of ${width} non-negative integers`, v);
  if (v.length !== width) throw new RangeError(`${fn}: ${field} must have ${width} entries for these options, got ${v.length}`);
  for (let i = 0; i < width; i++) checkCount(fn, `${field}[${i}]`, v[i]);
  return v as number[];
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
  }
  return Object.is(a, b) || (a === 0 && b === 0);
}

/**
 * Checks untrusted statistics (e.g. `JSON.parse` of a file from another machine) against `state`: the
 * format, the version, the metric, every option (a difference is named: `options.tokenize is "intl" in the
 * statistics, "13a" here`; `here` words the other side), the segment count and the sums. Returns them typed;
 * never modifies anything.
 * @internal
 */
export function checkStats(fn: string, stats: unknown, state: MetricState<unknown>, here = 'here'): AccumulatorStats {
  if (!isRecord(stats)) throw typeError(fn, 'stats', `statistics (an object from an accumulator's stats())`, stats);
  if (stats.format !== STATS_FORMAT) {
    throw typeError(fn, 'stats.format', `${JSON.stringify(STATS_FORMAT)} (statistics from an accumulator's stats())`, stats.format);
  }
  if (stats.version !== STATS_VERSION) {
    throw new RangeError(
      `${fn}: stats.version must be ${STATS_VERSION}, got ${JSON.stringify(stats.version)}${typeof stats.version === 'number' && stats.version > STATS_VERSION ? ' (written by a newer nlg-metrics)' : ''}`,
    );
  }
  if (stats.metric !== state.metric) {
    throw new TypeError(`${fn}: these are statistics of ${JSON.stringify(stats.metric)}, this accumulator computes ${JSON.stringify(state.metric)}`);
  }
  if (!isRecord(stats.options)) throw typeError(fn, 'stats.options', 'an object', stats.options);
  const mine = state.optionsRecord();
  const theirs = stats.options;
  for (const key of Object.keys(mine)) {
    if (!Object.hasOwn(theirs, key) || theirs[key] === undefined) throw new TypeError(`${fn}: stats.options.${key} is missing (${JSON.stringify(mine[key])} ${here})`);
    if (!same(theirs[key], mine[key])) {
      throw new RangeError(
        `${fn}: statistics computed with other options: options.${key} is ${JSON.stringify(theirs[key])} in the statistics, ${JSON.stringify(mine[key])} ${here}`,
      );
    }
  }
  for (const key of Object.keys(theirs)) {
    if (!Object.hasOwn(mine, key)) throw new TypeError(`${fn}: stats.options.${key} is not an option of ${state.metric} statistics`);
  }
  checkCount(fn, 'stats.segments', stats.segments);
  state.checkSums(fn, stats);
  return stats as unknown as AccumulatorStats;
}

function envelope(metric: MetricName, options: Record<string, unknown>, segments: number): Pick<AccumulatorStats, 'format' | 'version' | 'metric' | 'options' | 'segments'> {
  return { format: STATS_FORMAT, version: STATS_VERSION, metric, options, segments };
}

/** ROUGE: exact column sums of the per-segment `[P, R, F]` rows; the result is their mean (macro average). @internal */
export class RougeState implements MetricState<RougeScores> {
  readonly metric = 'rouge';
  segments = 0;
  private readonly sums: ExactSum[];
  private ctx: RougeContext;
  private readonly tokenizerRecord: string | { name: string };

  constructor(
    readonly options: ResolvedRougeOptions,
    private readonly fn: string,
    customTokenizer: boolean,
  ) {
    this.sums = Array.from({ length: 3 * options.types.length }, () => new ExactSum());
    this.ctx = new RougeContext(options, fn);
    this.tokenizerRecord = customTokenizer ? { name: options.tokenizerName } : options.tokenizerName;
  }

  /** From the public options. */
  static of(fn: string, options: unknown): RougeState {
    const o = resolveRougeOptions(fn, options);
    const t = isRecord(options) ? options.tokenizer : undefined;
    return new RougeState(o, fn, t !== undefined && typeof t !== 'string');
  }

  private context(): RougeContext {
    if (this.ctx.worn) this.ctx = new RougeContext(this.options, this.fn);
    return this.ctx;
  }

  add(hypothesis: string, references: readonly string[]): void {
    this.addRow(hypothesis, references);
  }

  addRow(hypothesis: string, references: readonly string[]): number[] {
    const row = rougeSegmentStats(hypothesis, references, this.options, this.context());
    for (let k = 0; k < row.length; k++) (this.sums[k] as ExactSum).add(row[k] as number);
    this.segments++;
    return row;
  }

  optionsRecord(): Record<string, unknown> {
    const o = this.options;
    return { types: [...o.types], stemmer: o.stemmer, tokenizer: this.tokenizerRecord, multiReference: o.multiReference, beta: o.beta };
  }

  stats(): AccumulatorStats {
    return { ...envelope('rouge', this.optionsRecord(), this.segments), sums: this.sums.map((s) => s.toJSON()) };
  }

  checkSums(fn: string, stats: Record<string, unknown>): void {
    const width = this.sums.length;
    const sums = stats.sums;
    if (!Array.isArray(sums)) throw typeError(fn, 'stats.sums', `an array of ${width} arrays of numbers`, sums);
    if (sums.length !== width) throw new RangeError(`${fn}: stats.sums must have ${width} entries for these options, got ${sums.length}`);
    for (let k = 0; k < width; k++) {
      const parts: unknown = sums[k];
      if (!Array.isArray(parts)) throw typeError(fn, `stats.sums[${k}]`, 'an array of numbers', parts);
      for (let j = 0; j < parts.length; j++) {
        const x: unknown = parts[j];
        if (typeof x !== 'number' || !Number.isFinite(x)) throw typeError(fn, `stats.sums[${k}][${j}]`, 'a finite number', x);
      }
    }
  }

  mergeChecked(stats: AccumulatorStats): void {
    const sums = stats.sums as number[][];
    for (let k = 0; k < this.sums.length; k++) (this.sums[k] as ExactSum).merge(sums[k] as number[]);
    this.segments += stats.segments;
  }

  result(): RougeScores {
    return finalizeRouge(
      this.sums.map((s) => s.valueOf()),
      this.segments,
      this.options,
    );
  }
}

/** BLEU: the summed row (integer counts, with the segment and reference counts for `nrefs`). @internal */
export class BleuState implements MetricState<BleuResult> {
  readonly metric = 'bleu';
  private readonly sum: Float64Array;
  private readonly row: Float64Array;
  private counter: BleuCounter;
  private ctxSegments = 0;

  constructor(readonly options: ResolvedBleuOptions) {
    this.counter = new BleuCounter(options);
    this.sum = new Float64Array(this.counter.width);
    this.row = new Float64Array(this.counter.width);
  }

  /** From the public options. */
  static of(fn: string, options: unknown): BleuState {
    return new BleuState(resolveBleuOptions(fn, options, false));
  }

  get segments(): number {
    return this.sum[2 + 2 * this.options.maxNgramOrder] as number;
  }

  private context(): BleuCounter {
    if (++this.ctxSegments > CONTEXT_SEGMENTS) {
      this.counter = new BleuCounter(this.options);
      this.ctxSegments = 1;
    }
    return this.counter;
  }

  add(hypothesis: string, references: readonly string[]): void {
    this.context().addSegment(hypothesis, references, this.sum);
  }

  addRow(hypothesis: string, references: readonly string[]): number[] {
    const row = this.row;
    row.fill(0);
    this.context().addSegment(hypothesis, references, row);
    const sum = this.sum;
    for (let i = 0; i < row.length; i++) sum[i] = (sum[i] as number) + (row[i] as number);
    return Array.from(row);
  }

  optionsRecord(): Record<string, unknown> {
    const o = this.options;
    return {
      tokenize: o.tokenize,
      lowercase: o.lowercase,
      smoothMethod: o.smoothMethod,
      smoothValue: o.smoothValue,
      maxNgramOrder: o.maxNgramOrder,
      effectiveOrder: o.effectiveOrder,
    };
  }

  stats(): AccumulatorStats {
    return { ...envelope('bleu', this.optionsRecord(), this.segments), stats: Array.from(this.sum) };
  }

  checkSums(fn: string, stats: Record<string, unknown>): void {
    const row = checkCountArray(fn, 'stats.stats', stats.stats, this.sum.length);
    const N = this.options.maxNgramOrder;
    if (row[2 + 2 * N] !== stats.segments) {
      throw new RangeError(`${fn}: stats.stats[${2 + 2 * N}] (segments) is ${row[2 + 2 * N]}, but stats.segments is ${String(stats.segments)}`);
    }
  }

  mergeChecked(stats: AccumulatorStats): void {
    const row = stats.stats as number[];
    const sum = this.sum;
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (row[i] as number);
  }

  result(): BleuResult {
    return finalizeBleu(this.sum, this.options);
  }
}

/** chrF and chrF++: the summed `[hyp, ref, match]` counts, and the fewest and most references of a segment. @internal */
export class ChrfState implements MetricState<ChrfResult> {
  readonly metric = 'chrf';
  segments = 0;
  private readonly sum: number[];
  private readonly row: number[];
  private minRefs = 0;
  private maxRefs = 0;
  private ctx: ChrfContext;
  private ctxSegments = 0;

  constructor(readonly options: ResolvedChrfOptions) {
    const width = 3 * (options.charOrder + options.wordOrder);
    this.sum = new Array<number>(width).fill(0);
    this.row = new Array<number>(width).fill(0);
    this.ctx = new ChrfContext(options);
  }

  /** From the public options. */
  static of(fn: string, options: unknown): ChrfState {
    return new ChrfState(resolveChrfOptions(fn, options as ChrfOptions | undefined));
  }

  private context(): ChrfContext {
    if (++this.ctxSegments > CONTEXT_SEGMENTS) {
      this.ctx = new ChrfContext(this.options);
      this.ctxSegments = 1;
    }
    return this.ctx;
  }

  private count(refs: number): void {
    this.minRefs = this.segments === 0 || refs < this.minRefs ? refs : this.minRefs;
    this.maxRefs = refs > this.maxRefs ? refs : this.maxRefs;
    this.segments++;
  }

  add(hypothesis: string, references: readonly string[]): void {
    this.context().addSegment(this.sum, hypothesis, references);
    this.count(references.length);
  }

  addRow(hypothesis: string, references: readonly string[]): number[] {
    const row = this.row;
    row.fill(0);
    this.context().addSegment(row, hypothesis, references);
    const sum = this.sum;
    for (let i = 0; i < row.length; i++) sum[i] = (sum[i] as number) + (row[i] as number);
    this.count(references.length);
    return row.slice();
  }

  /** The `nrefs` field of the signature. */
  nrefs(): number | 'var' {
    return this.segments === 0 ? 0 : this.minRefs === this.maxRefs ? this.maxRefs : 'var';
  }

  optionsRecord(): Record<string, unknown> {
    const o = this.options;
    return { charOrder: o.charOrder, wordOrder: o.wordOrder, beta: o.beta, lowercase: o.lowercase, whitespace: o.whitespace, epsSmoothing: o.epsSmoothing };
  }

  stats(): AccumulatorStats {
    return { ...envelope('chrf', this.optionsRecord(), this.segments), stats: this.sum.slice(), references: { min: this.minRefs, max: this.maxRefs } };
  }

  checkSums(fn: string, stats: Record<string, unknown>): void {
    checkCountArray(fn, 'stats.stats', stats.stats, this.sum.length);
    const r = stats.references;
    if (!isRecord(r)) throw typeError(fn, 'stats.references', 'an object { min, max }', r);
    const min = checkCount(fn, 'stats.references.min', r.min);
    const max = checkCount(fn, 'stats.references.max', r.max);
    const segments = stats.segments as number;
    if (segments === 0 ? min !== 0 || max !== 0 : min < 1 || min > max) {
      throw new RangeError(
        `${fn}: stats.references must be { min: 0, max: 0 } without segments, otherwise 1 <= min <= max; got { min: ${min}, max: ${max} } for ${segments} segments`,
      );
    }
  }

  mergeChecked(stats: AccumulatorStats): void {
    const row = stats.stats as number[];
    const r = stats.references as { min: number; max: number };
    if (stats.segments > 0) {
      this.minRefs = this.segments === 0 ? r.min : Math.min(this.minRefs, r.min);
      this.maxRefs = Math.max(this.maxRefs, r.max);
    }
    this.segments += stats.segments;
    for (let i = 0; i < this.sum.length; i++) this.sum[i] = (this.sum[i] as number) + (row[i] as number);
  }

  result(): ChrfResult {
    return finalizeChrf(this.sum.slice(), this.options, this.nrefs());
  }
}

/** Public options of each metric. */
export interface MetricOptions {
  rouge: RougeOptions;
  bleu: BleuOptions;
  chrf: ChrfOptions;
}

/** A fresh state of `metric` from its public options (validated; errors name `fn`). @internal */
export function createState(fn: string, metric: MetricName, options: unknown): RougeState | BleuState | ChrfState {
  switch (metric) {
    case 'rouge':
      return RougeState.of(fn, options);
    case 'bleu':
      return BleuState.of(fn, options);
    case 'chrf':
      return ChrfState.of(fn, options);
  }
}

/**
 * A fresh, empty state for statistics of unknown origin, from their own `metric` and `options` (for merging
 * files whose options are not known in advance, as the command line's `merge` does). ROUGE statistics of a
 * custom tokenizer (`options.tokenizer` an object) cannot be re-created without that tokenizer.
 * @internal
 */
export function stateForStats(fn: string, stats: unknown): RougeState | BleuState | ChrfState {
  if (!isRecord(stats)) throw typeError(fn, 'stats', `statistics (an object from an accumulator's stats())`, stats);
  const metric = stats.metric;
  if (metric !== 'rouge' && metric !== 'bleu' && metric !== 'chrf') throw typeError(fn, 'stats.metric', '"rouge", "bleu" or "chrf"', metric);
  if (!isRecord(stats.options)) throw typeError(fn, 'stats.options', 'an object', stats.options);
  const options = { ...stats.options };
  if (metric === 'rouge' && options.tokenizer !== undefined && typeof options.tokenizer !== 'string') {
    throw new TypeError(`${fn}: these ROUGE statistics were computed with a custom tokenizer (${JSON.stringify(options.tokenizer)}), which only an accumulator made with that tokenizer can merge`);
  }
  try {
    return createState(fn, metric, options);
  } catch (err) {
    if (err instanceof Error) err.message = err.message.replace(`${fn}: options.`, `${fn}: stats.options.`);
    throw err;
  }
}
