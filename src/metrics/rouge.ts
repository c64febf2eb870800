/**
 * ROUGE (Lin, 2004) with the exact numbers of Google's rouge-score 0.1.2, plus skip-bigrams (ROUGE-S/SU as in
 * ROUGE-1.5.5), F-beta, any tokenizer, and seeded bootstrap intervals.
 *
 * Every score is *statistics + finalize*: a segment gives a row of [precision, recall, fmeasure] per type
 * ({@link rougeSegmentStats}); a corpus score is the exact sum of the rows divided by their number
 * ({@link finalizeRouge}), i.e. the macro average rouge-score's aggregators report.
 */
import { ExactSum } from '../aggregate/stats.js';
import { bootstrapMeanPercentiles } from '../aggregate/rougeBootstrap.js';
import { checkCorpus, checkInteger, checkNumber, checkReferences, checkString, rangeError } from '../internal/validate.js';
import type { Score } from './prf.js';
import { RougeContext } from './rouge/context.js';
import { resolveRougeOptions } from './rouge/options.js';
import type { ResolvedRougeOptions, RougeOptions, RougeType } from './rouge/options.js';
import { segmentRow } from './rouge/segment.js';

export type { RougeOptions, RougeType, ResolvedRougeOptions } from './rouge/options.js';
export { resolveRougeOptions } from './rouge/options.js';
export { RougeContext } from './rouge/context.js';

/** Scores per ROUGE type, keyed by the type names in the order requested. */
export type RougeScores = Record<RougeType, Score>;

/** Options of {@link corpusRougeBootstrap}: the ROUGE options plus the resampling settings. */
export interface RougeBootstrapOptions extends RougeOptions {
  /**
   * Number of bootstrap resamples (rouge-score's `n_samples`).
   * @defaultValue 1000
   */
  samples?: number;
  /**
   * Coverage of the interval between `low` and `high`, in [0, 1] (rouge-score's `confidence_interval`).
   * @defaultValue 0.95
   */
  confidence?: number;
  /**
   * Seed of the resampling generator: the same seed gives the same numbers on every run.
   * @defaultValue 0
   */
  seed?: number;
}

/** A bootstrap interval of one ROUGE type, as rouge-score's `AggregateScore`. */
export interface RougeInterval {
  /** The (1 − confidence)/2 percentile of the resampled means. */
  readonly low: Score;
  /** The median of the resampled means (close to, not equal to, the plain mean {@link corpusRouge} gives). */
  readonly mid: Score;
  /** The 1 − (1 − confidence)/2 percentile of the resampled means. */
  readonly high: Score;
}

/**
 * The statistics row of one segment for the accumulator layer: `[P, R, F]` per type, in the order of
 * `options.types` (plain JSON numbers; a corpus score is their column sums finalized by {@link finalizeRouge}).
 *
 * @param hypothesis - The generated text (a string; not checked here).
 * @param references - Its references, at least one string (not checked here).
 * @param options - Options from {@link resolveRougeOptions}.
 * @param context - A context to reuse across the segments of one computation (shares the vocabulary and the
 *   tokenized references); a fresh one when omitted.
 * @returns A new array of `3 × options.types.length` numbers.
 * @internal
 */
export function rougeSegmentStats(
  hypothesis: string,
  references: readonly string[],
  options: ResolvedRougeOptions,
  context?: RougeContext,
): number[] {
  return segmentRow(context ?? pairContext(options, 'rouge', hypothesis, references), hypothesis, references);
}

/** A context for one segment, sized for its texts. */
function pairContext(o: ResolvedRougeOptions, fn: string, hypothesis: string, references: readonly string[]): RougeContext {
  let chars = hypothesis.length;
  for (let i = 0; i < references.length; i++) chars += (references[i] as string).length;
  return sizedContext(o, fn, chars);
}

/**
 * A context for texts of `chars` characters in all, its interner sized for their distinct tokens and their
 * units, so a per-pair call seldom grows its tables and never fills a corpus-sized one (capped: a huge text
 * may hold few distinct tokens, or none; the tables grow as needed). Measured on WMT and DUC pairs: a median
 * of 0.11 distinct tokens per character (0.16 at the 99th percentile) holding 0.58 units per character
 * (0.80). Every slot allocated costs about a nanosecond in a ~6 µs call, so the guess is the median-ish
 * (a grow now and then is cheaper than oversizing every call).
 */
function sizedContext(o: ResolvedRougeOptions, fn: string, chars: number): RougeContext {
  return new RougeContext(o, fn, Math.min(((chars / 9) | 0) + 4, 1024), Math.min(((chars * 0.7) | 0) + 16, 8192));
}

/** A context for a checked corpus, sized by its texts (a corpus of one pair costs what a pair does). */
function corpusContext(o: ResolvedRougeOptions, fn: string, corpus: { hypotheses: readonly string[]; references: readonly (readonly string[])[] }): RougeContext {
  let chars = 0;
  for (let i = 0; i < corpus.hypotheses.length && chars < 1 << 16; i++) {
    chars += (corpus.hypotheses[i] as string).length;
    const refs = corpus.references[i] as readonly string[];
    for (let k = 0; k < refs.length; k++) chars += (refs[k] as string).length;
  }
  return sizedContext(o, fn, chars);
}

/**
 * Turns column sums of statistics rows into scores: each of precision, recall and F-measure is its sum
 * divided by `count` (0 when `count` is 0).
 *
 * @param sums - Column sums of `count` rows of {@link rougeSegmentStats} (not modified).
 * @param count - The number of rows summed.
 * @param options - The options the rows were computed with.
 * @returns Scores per type.
 * @internal
 */
export function finalizeRouge(sums: ArrayLike<number>, count: number, options: ResolvedRougeOptions): RougeScores {
  const out: Record<string, Score> = {};
  const types = options.types;
  for (let k = 0; k < types.length; k++) {
    out[types[k] as string] =
      count > 0
        ? { precision: (sums[3 * k] as number) / count, recall: (sums[3 * k + 1] as number) / count, fmeasure: (sums[3 * k + 2] as number) / count }
        : { precision: 0, recall: 0, fmeasure: 0 };
  }
  return out as RougeScores;
}

/**
 * ROUGE scores of one hypothesis against one or more references.
 *
 * @param hypothesis - The generated text.
 * @param references - One reference string, or a non-empty array of them.
 * @param options - {@link RougeOptions}: `types`, `stemmer`, `tokenizer`, `multiReference`, `beta`, limits.
 * @returns `{ precision, recall, fmeasure }` for each requested type; 0 (never NaN) for empty texts.
 * @throws TypeError for a non-string hypothesis or reference, an unknown option or a bad option value;
 *   RangeError for an empty reference list, an unknown type (`rouge0`, `rouge10`) or a text over a size limit.
 * @remarks One reference reproduces rouge-score 0.1.2's
 *   `rouge_scorer.RougeScorer(types, use_stemmer).score(reference, hypothesis)` (note its argument order:
 *   target first); several references reproduce `.score_multi(references, hypothesis)` (`multiReference: 'max'`).
 *   ROUGE-N and ROUGE-L follow ROUGE-1.5.5 `-n 2` as rouge-score does; rougeLsum splits texts on `\n` and
 *   scores the union LCS with rouge-score's exact backtrack and clipping. `rougeS<d>`/`rougeSU<d>` are
 *   ROUGE-1.5.5's skip-bigrams (`-2 d`, `-2 d -U`): all in-order token pairs with at most `d` tokens between
 *   them (`*`: any distance), counted over the whole text with clipping; SU adds the unigram of every
 *   token except the last, as ROUGE-1.5.5 does. Scoring many pairs one call at a time? A
 *   {@link createRougeScorer} gives the same numbers faster (options checked once, references tokenized once).
 * @example
 * ```ts
 * rouge('The quick brown dog jumps on the log.', 'The quick brown fox jumps over the lazy dog', { types: ['rouge1', 'rougeL'] });
 * // {
 * //   rouge1: { precision: 0.75, recall: 0.6666666666666666, fmeasure: 0.7058823529411765 },
 * //   rougeL: { precision: 0.625, recall: 0.5555555555555556, fmeasure: 0.5882352941176471 }
 * // }
 * // Skip-bigrams, the example of Lin (2004), Sec. 4: 3 of the 6 in-order pairs match.
 * rouge('police kill the gunman', 'police killed the gunman', { types: ['rougeS*'] });
 * // { 'rougeS*': { precision: 0.5, recall: 0.5, fmeasure: 0.5 } }
 * ```
 */
export function rouge(hypothesis: string, references: string | readonly string[], options?: RougeOptions): RougeScores {
  const fn = 'rouge';
  checkString(fn, 'hypothesis', hypothesis);
  const refs = checkReferences(fn, 'references', references);
  const o = resolveRougeOptions(fn, options);
  return finalizeRouge(segmentRow(pairContext(o, fn, hypothesis, refs), hypothesis, refs), 1, o);
}

/**
 * A reusable ROUGE scorer: the options are checked once, and the scorer keeps what it learns between calls
 * (the vocabulary, and each reference text it has tokenized), like rouge-score's `RougeScorer` object.
 * @see {@link createRougeScorer}
 */
export interface RougeScorer {
  /** The types scored, in the order of each result's keys (repeated names once). */
  readonly types: readonly RougeType[];
  /**
   * ROUGE scores of one hypothesis against one or more references: the same numbers as
   * {@link rouge}`(hypothesis, references, options)` with the scorer's options.
   *
   * @param hypothesis - The generated text.
   * @param references - One reference string, or a non-empty array of them.
   * @returns `{ precision, recall, fmeasure }` for each type.
   * @throws TypeError for a non-string hypothesis or reference; RangeError for an empty reference list or a
   *   text over a size limit of the options.
   */
  score(hypothesis: string, references: string | readonly string[]): RougeScores;
}

/**
 * Makes a {@link RougeScorer}: the way to score many pairs one at a time (a loop, a stream, an evaluation
 * server) at the speed of {@link corpusRouge}. Its results are exactly those of {@link rouge}; what it
 * saves is work: the options are checked once, not per call, and a reference seen before (several systems
 * scored against the same references, several hypotheses per prompt) is not tokenized again.
 *
 * @param options - {@link RougeOptions}, as for {@link rouge}. Read once: changing the object afterwards
 *   does not change the scorer.
 * @returns A scorer. It holds no resources to release; drop it when done.
 * @throws As {@link rouge} for bad options.
 * @remarks The counterpart of rouge-score 0.1.2's `rouge_scorer.RougeScorer(types, use_stemmer)`:
 *   `scorer.score(hypothesis, reference)` reproduces its `.score(reference, hypothesis)` (note the argument
 *   order), and an array of references its `.score_multi(references, hypothesis)`. Memory stays bounded: the
 *   cache of tokenized references is started afresh every 10,000 calls or once it holds 8 million
 *   characters. A custom `tokenizer` must give the same tokens for the same text every time (a cached
 *   reference is not tokenized again). A scorer is not shared between threads (each worker makes its own).
 * @example
 * ```ts
 * const scorer = createRougeScorer({ types: ['rouge1', 'rougeL'] });
 * scorer.score('the cat sat on the mat', 'the cat is on the mat');
 * // {
 * //   rouge1: { precision: 0.8333333333333334, recall: 0.8333333333333334, fmeasure: 0.8333333333333334 },
 * //   rougeL: { precision: 0.8333333333333334, recall: 0.8333333333333334, fmeasure: 0.8333333333333334 }
 * // }
 * scorer.score('a cat on a mat', ['the cat is on the mat', 'a cat was on a mat']).rouge1.fmeasure; // 0.9090909090909091
 * ```
 */
export function createRougeScorer(options?: RougeOptions): RougeScorer {
  const o = resolveRougeOptions('createRougeScorer', options);
  const fn = 'RougeScorer.score';
  let ctx: RougeContext | null = null;
  return {
    types: Object.freeze(o.types.slice()) as readonly RougeType[],
    score(hypothesis: string, references: string | readonly string[]): RougeScores {
      checkString(fn, 'hypothesis', hypothesis);
      const refs = checkReferences(fn, 'references', references);
      if (ctx === null || ctx.worn) ctx = new RougeContext(o, fn);
      return finalizeRouge(segmentRow(ctx, hypothesis, refs), 1, o);
    },
  };
}

/** Per-segment rows of a checked corpus, packed row-major. */
function corpusRows(fn: string, hypotheses: unknown, references: unknown, o: ResolvedRougeOptions): { data: Float64Array; n: number; width: number } {
  const corpus = checkCorpus(fn, hypotheses, references);
  const n = corpus.hypotheses.length;
  const width = 3 * o.specs.length;
  const data = new Float64Array(n * width);
  const ctx = corpusContext(o, fn, corpus);
  for (let i = 0; i < n; i++) {
    const row = segmentRow(ctx, corpus.hypotheses[i] as string, corpus.references[i] as readonly string[]);
    for (let k = 0; k < width; k++) data[i * width + k] = row[k] as number;
  }
  return { data, n, width };
}

/**
 * Corpus ROUGE: the mean over segments of each segment's scores (a macro average).
 *
 * @param hypotheses - The generated texts.
 * @param references - `references[i]` holds the reference(s) of `hypotheses[i]`: a string or a non-empty array.
 * @param options - {@link RougeOptions}, as for {@link rouge}.
 * @returns For each type, the mean precision, recall and F-measure; zeros for an empty corpus.
 * @throws As {@link rouge}, naming the offending index (`hypotheses[3]`, `references[2][0]`), and a
 *   RangeError when the two arrays differ in length.
 * @remarks The plain mean of rouge-score 0.1.2's per-item `score`/`score_multi` results, i.e. what its
 *   `scoring.BootstrapAggregator` estimates (its `mid` is the median of random resampled means, close to
 *   this value but not reproducible; {@link corpusRougeBootstrap} gives seeded intervals). Sums are exact,
 *   so any split of the corpus into shards merges to the same digits. Each distinct reference string is
 *   tokenized once per call.
 * @example
 * ```ts
 * corpusRouge(['the cat sat', 'a dog'], ['the cat sat down', ['a dog barked', 'the dog']], { types: ['rouge1'] });
 * // { rouge1: { precision: 1, recall: 0.7083333333333333, fmeasure: 0.8285714285714285 } }
 * ```
 */
export function corpusRouge(
  hypotheses: readonly string[],
  references: readonly (string | readonly string[])[],
  options?: RougeOptions,
): RougeScores {
  const fn = 'corpusRouge';
  const o = resolveRougeOptions(fn, options);
  const corpus = checkCorpus(fn, hypotheses, references);
  const n = corpus.hypotheses.length;
  const width = 3 * o.specs.length;
  const sums: ExactSum[] = [];
  for (let k = 0; k < width; k++) sums.push(new ExactSum());
  const ctx = corpusContext(o, fn, corpus);
  for (let i = 0; i < n; i++) {
    const row = segmentRow(ctx, corpus.hypotheses[i] as string, corpus.references[i] as readonly string[]);
    for (let k = 0; k < width; k++) (sums[k] as ExactSum).add(row[k] as number);
  }
  return finalizeRouge(
    sums.map((s) => s.valueOf()),
    n,
    o,
  );
}

/**
 * Bootstrap confidence intervals of corpus ROUGE, like rouge-score's `BootstrapAggregator`, but seeded.
 *
 * @param hypotheses - The generated texts.
 * @param references - `references[i]` holds the reference(s) of `hypotheses[i]`.
 * @param options - {@link RougeBootstrapOptions}: the ROUGE options plus `samples`, `confidence`, `seed`.
 * @returns For each type `{ low, mid, high }`, each a {@link Score}; all zeros for an empty corpus.
 * @throws As {@link corpusRouge}; RangeError for `samples` < 1 or `confidence` outside [0, 1].
 * @remarks The method of rouge-score 0.1.2's `scoring.BootstrapAggregator(confidence_interval, n_samples)
 *   .aggregate()`: `samples` times, draw as many segments as the corpus has, with replacement, and average
 *   their scores; `low`/`mid`/`high` are numpy's linear percentiles of those averages at (1 − confidence)/2,
 *   50 % and 1 − (1 − confidence)/2, for precision, recall and F-measure separately. The draws come from
 *   this package's seeded generator instead of numpy's global one, so one seed always gives the same
 *   numbers (and they differ from any particular numpy run). Segments are scored once, never re-tokenized.
 * @example
 * ```ts
 * const r = corpusRougeBootstrap(['a b c', 'a b', 'x y'], ['a b c', 'a c', 'x z'], { types: ['rouge1'], seed: 1 });
 * r.rouge1.low.fmeasure; // 0.5
 * r.rouge1.mid.fmeasure; // 0.6666666666666666
 * r.rouge1.high.fmeasure; // 1
 * ```
 */
export function corpusRougeBootstrap(
  hypotheses: readonly string[],
  references: readonly (string | readonly string[])[],
  options?: RougeBootstrapOptions,
): Record<RougeType, RougeInterval> {
  const fn = 'corpusRougeBootstrap';
  const o = resolveRougeOptions(fn, options, ['samples', 'confidence', 'seed']);
  const b = (options ?? {}) as RougeBootstrapOptions;
  const samples = checkInteger(fn, 'options.samples', b.samples, 1000, 1, 10_000_000);
  const confidence = checkNumber(fn, 'options.confidence', b.confidence, 0.95);
  if (confidence < 0 || confidence > 1) throw rangeError(fn, 'options.confidence', 'a number between 0 and 1', confidence);
  const seed = checkInteger(fn, 'options.seed', b.seed, 0, Number.MIN_SAFE_INTEGER);
  const { data, n, width } = corpusRows(fn, hypotheses, references, o);
  const p = bootstrapMeanPercentiles(data, n, width, samples, confidence, seed);
  const low = finalizeRouge(p.low, 1, o);
  const mid = finalizeRouge(p.mid, 1, o);
  const high = finalizeRouge(p.high, 1, o);
  const out: Record<string, RougeInterval> = {};
  for (const t of o.types) out[t] = { low: low[t as RougeType] as Score, mid: mid[t as RougeType] as Score, high: high[t as RougeType] as Score };
  return out as Record<RougeType, RougeInterval>;
}
