/**
 * Streaming, sharding and merging: an accumulator adds segments one at a time and keeps only the summed
 * statistics of its metric; `stats()` is plain JSON that can travel to another process or machine and be
 * `merge`d there, exactly.
 */
import { checkReferences, checkString, rangeError, typeError } from '../internal/validate.js';
import type { BleuOptions, BleuResult } from '../metrics/bleu.js';
import type { ChrfOptions, ChrfResult } from '../metrics/chrf.js';
import type { RougeOptions, RougeScores } from '../metrics/rouge.js';
import { checkStats, createState, type AccumulatorStats, type MetricName, type MetricState } from './metricStats.js';

export type { AccumulatorStats, MetricName } from './metricStats.js';

/**
 * A running corpus score: add segments, merge statistics of other accumulators (of the same metric and
 * options), read the result at any time. Memory does not grow with the number of segments.
 */
export interface Accumulator<R> {
  /**
   * Adds one segment.
   * @param hypothesis - The generated text.
   * @param references - Its reference, or a non-empty array of references.
   * @returns This accumulator.
   */
  add(hypothesis: string, references: string | readonly string[]): this;
  /**
   * Adds the statistics of another accumulator (its `stats()`, possibly after a trip through JSON).
   * Merging is associative and commutative.
   * @param stats - Statistics of the same metric and options; checked field by field (nothing is merged when
   *   a check fails).
   * @returns This accumulator.
   */
  merge(stats: unknown): this;
  /** The statistics so far as plain JSON (a new object): metric, options, segment count and sums. */
  stats(): AccumulatorStats;
  /** The corpus result of every segment added or merged: what the corpus function returns on them. */
  result(): R;
}

const METRICS: readonly MetricName[] = ['rouge', 'bleu', 'chrf'];

class StatsAccumulator<R> implements Accumulator<R> {
  private readonly addFn: string;
  private readonly mergeFn: string;

  constructor(
    private readonly state: MetricState<R>,
    metric: MetricName,
  ) {
    this.addFn = `accumulator('${metric}').add`;
    this.mergeFn = `accumulator('${metric}').merge`;
  }

  add(hypothesis: string, references: string | readonly string[]): this {
    checkString(this.addFn, 'hypothesis', hypothesis);
    this.state.add(hypothesis, checkReferences(this.addFn, 'references', references));
    return this;
  }

  merge(stats: unknown): this {
    this.state.mergeChecked(checkStats(this.mergeFn, stats, this.state as MetricState<unknown>));
    return this;
  }

  stats(): AccumulatorStats {
    return this.state.stats();
  }

  result(): R {
    return this.state.result();
  }
}

/**
 * A streaming accumulator of corpus ROUGE, BLEU or chrF whose statistics merge exactly across processes
 * and machines.
 *
 * @param metric - `'rouge'`, `'bleu'` or `'chrf'` (chrF++ is `'chrf'` with `wordOrder: 2`).
 * @param options - The options of {@link corpusRouge}, {@link corpusBleu} or {@link corpusChrf}.
 * @returns An {@link Accumulator} whose `result()` equals that corpus function on every segment added.
 * @throws TypeError or RangeError for an unknown metric or a bad option (as the corpus function would);
 *   `add` throws as the corpus function does for a bad segment; `merge` throws, naming the field, for
 *   statistics that are malformed, of another metric, or of other options (`options.tokenize is "intl" in
 *   the statistics, "13a" here`), and then merges nothing.
 * @remarks `result()` is exactly `corpusRouge`, `corpusBleu` or `corpusChrf` of the same segments, however
 *   they were split between accumulators and in whatever order the statistics were merged: BLEU and chrF
 *   sum integer counts (sacrebleu's `_extract_corpus_statistics` rows, summed as its `corpus_score` does),
 *   and ROUGE keeps exact floating-point sums (as Python's `math.fsum`) of the per-segment scores, so its
 *   mean has the same digits for any split. The reference counts behind the signature's `nrefs:N|var` are
 *   part of the statistics. `stats()` survives `JSON.parse(JSON.stringify(...))` unchanged.
 *
 *   A custom ROUGE tokenizer object cannot be serialized: the statistics record its `name` (as
 *   `tokenizer: { name }`), and `merge` accepts statistics whose tokenizer has the same name; give different
 *   tokenizers different names. The limits `maxLcsCells` and `maxSkipBigrams` do not change any number and
 *   are not recorded. Memory: each distinct reference is tokenized once within a window of 10,000
 *   segments, after which the working state (vocabulary, cached references) starts afresh, so memory stays
 *   flat however many segments are added.
 * @example
 * ```ts
 * // Two shards scored apart (two processes, two machines), then merged.
 * const a = accumulator('bleu').add('the cat sat on a mat', 'the cat sat on the mat');
 * const b = accumulator('bleu').add('a dog', ['a dog barked', 'the dog']);
 * const shipped = JSON.stringify(b.stats());
 * a.merge(JSON.parse(shipped)).result().score; // 55.83948264724184
 * corpusBleu(['the cat sat on a mat', 'a dog'], ['the cat sat on the mat', ['a dog barked', 'the dog']]).score; // 55.83948264724184
 * a.result().signature; // 'nrefs:var|case:mixed|eff:no|tok:13a|smooth:exp|version:nlg-metrics-0.1.0'
 * // ROUGE: the macro mean, with the same digits for any split.
 * const r = accumulator('rouge', { types: ['rouge1'] }).add('the cat sat', 'the cat sat down');
 * r.merge(accumulator('rouge', { types: ['rouge1'] }).add('a dog', ['a dog barked', 'the dog']).stats());
 * r.result(); // { rouge1: { precision: 1, recall: 0.7083333333333333, fmeasure: 0.8285714285714285 } }
 * // Statistics of other options are refused, naming the option.
 * const refused = () => accumulator('chrf').merge(accumulator('chrf', { wordOrder: 2 }).stats());
 * const message = (() => { try { refused(); } catch (e) { return e.message; } })();
 * message; // "accumulator('chrf').merge: statistics computed with other options: options.wordOrder is 2 in the statistics, 0 here"
 * ```
 */
export function accumulator(metric: 'rouge', options?: RougeOptions): Accumulator<RougeScores>;
export function accumulator(metric: 'bleu', options?: BleuOptions): Accumulator<BleuResult>;
export function accumulator(metric: 'chrf', options?: ChrfOptions): Accumulator<ChrfResult>;
export function accumulator(metric: MetricName, options?: RougeOptions | BleuOptions | ChrfOptions): Accumulator<RougeScores | BleuResult | ChrfResult>;
export function accumulator(metric: MetricName, options?: RougeOptions | BleuOptions | ChrfOptions): Accumulator<RougeScores | BleuResult | ChrfResult> {
  const fn = 'accumulator';
  if (typeof metric !== 'string') throw typeError(fn, 'metric', `one of ${METRICS.map((m) => `"${m}"`).join(', ')}`, metric);
  if (!METRICS.includes(metric)) throw rangeError(fn, 'metric', `one of ${METRICS.map((m) => `"${m}"`).join(', ')}`, metric);
  const state = createState(fn, metric, options) as MetricState<RougeScores | BleuResult | ChrfResult>;
  return new StatsAccumulator(state, metric);
}
