/**
 * Bootstrap confidence intervals for any corpus metric, generic over its sufficient statistics: the corpus
 * is a list of per-segment rows (plain numbers that add up) and a `finalize` that turns a summed row into a
 * score. A resample draws `n` rows with replacement, sums them and finalizes the sum, so nothing is ever
 * re-tokenized or re-counted. This is sacrebleu's `corpus_score(..., n_bootstrap=N)` / `--confidence`, with
 * this package's seeded generator (the resamples themselves differ from numpy's, the method does not).
 */
import { ExactSum } from './stats.js';
import { Random } from './random.js';
import { checkOptions, checkInteger, checkNumber, rangeError, typeError } from '../internal/validate.js';

/** Turns the element-wise sum of some rows into a score. It must not keep or modify its argument. */
export type Finalize = (sum: Float64Array) => number;

/** Options of {@link bootstrapConfidence}. */
export interface BootstrapOptions {
  /**
   * Number of bootstrap resamples.
   * @defaultValue 1000 (sacrebleu's default)
   */
  samples?: number;
  /**
   * Seed of the generator; the same seed gives the same interval on every run and machine.
   * @defaultValue 12345 (sacrebleu's default `SACREBLEU_SEED`)
   */
  seed?: number;
  /**
   * Coverage of the interval, in (0, 1).
   * @defaultValue 0.95
   */
  confidence?: number;
}

/** A bootstrap estimate around a corpus score. */
export interface ConfidenceInterval {
  /** The score of the whole corpus (not resampled). */
  score: number;
  /** Mean of the resampled scores (sacrebleu's `μ`). */
  mean: number;
  /** Standard deviation of the resampled scores (dividing by the number of resamples). */
  std: number;
  /** Lower bound: the resampled score at rank `floor(samples·(1 − confidence)/2)` in ascending order. */
  low: number;
  /** Upper bound: the score at the mirrored rank from the top. */
  high: number;
  /** Half the width, `(high − low)/2` (sacrebleu's `±`). */
  ci: number;
  /** The number of resamples used. */
  samples: number;
  /** The seed used. */
  seed: number;
  /** The coverage used. */
  confidence: number;
}

/** Resolved bootstrap settings. @internal */
export interface ResolvedBootstrapOptions {
  samples: number;
  seed: number;
  confidence: number;
}

export const DEFAULT_SEED = 12345;

/** Validates bootstrap options (`samples`, `seed`, `confidence` and any `extra` names the caller allows). @internal */
export function resolveBootstrapOptions(
  fn: string,
  options: unknown,
  defaultSamples = 1000,
  extra: readonly string[] = [],
): ResolvedBootstrapOptions {
  const o = checkOptions<BootstrapOptions>(fn, options, ['samples', 'seed', 'confidence', ...extra]);
  const samples = checkInteger(fn, 'options.samples', o.samples, defaultSamples, 1, 10_000_000);
  const seed = checkInteger(fn, 'options.seed', o.seed, DEFAULT_SEED, Number.MIN_SAFE_INTEGER);
  const confidence = checkNumber(fn, 'options.confidence', o.confidence, 0.95, 0, false);
  if (confidence >= 1) throw rangeError(fn, 'options.confidence', 'a number between 0 and 1 (exclusive)', confidence);
  return { samples, seed, confidence };
}

/**
 * Packs rows into one row-major matrix, checking that they are equally long and finite. @internal
 */
export function packRows(fn: string, arg: string, rows: unknown): { data: Float64Array; n: number; width: number } {
  if (!Array.isArray(rows)) throw typeError(fn, arg, 'an array of statistics rows', rows);
  const n = rows.length;
  if (n === 0) throw rangeError(fn, arg, 'a non-empty array of statistics rows', rows);
  const first = rows[0] as ArrayLike<number> | undefined;
  if (!first || typeof first !== 'object' || typeof first.length !== 'number') throw typeError(fn, `${arg}[0]`, 'an array of numbers', first);
  const width = first.length;
  const data = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as ArrayLike<number> | undefined;
    if (!r || typeof r !== 'object' || r.length !== width) {
      throw rangeError(fn, `${arg}[${i}]`, `an array of ${width} numbers like ${arg}[0]`, r);
    }
    const o = i * width;
    for (let k = 0; k < width; k++) {
      const v = r[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw typeError(fn, `${arg}[${i}][${k}]`, 'a finite number', v);
      data[o + k] = v;
    }
  }
  return { data, n, width };
}

/**
 * A caller's `finalize`, checked: it must be a function, and each score it returns a finite number (a NaN
 * from, say, a ratio of a resample's zero counts would otherwise spread into the mean and the bounds). @internal
 */
export function checkedFinalize(fn: string, finalize: unknown): Finalize {
  if (typeof finalize !== 'function') throw typeError(fn, 'finalize', 'a function', finalize);
  const f = finalize as Finalize;
  return (sum) => {
    const v: unknown = f(sum);
    if (typeof v !== 'number' || !Number.isFinite(v)) throw typeError(fn, 'finalize', 'a function returning a finite number', v);
    return v;
  };
}

/** Element-wise sum of all rows of a packed matrix. @internal */
export function sumRows(data: Float64Array, n: number, width: number): Float64Array {
  const s = new Float64Array(width);
  for (let i = 0; i < n; i++) {
    const o = i * width;
    for (let k = 0; k < width; k++) s[k] = (s[k] as number) + (data[o + k] as number);
  }
  return s;
}

/**
 * The scores of `samples` bootstrap resamples of packed rows: each resample draws `n` rows uniformly with
 * replacement (as `rng.int(n)` would), counts how often each row was drawn and sums `count × row`. With
 * `paired`, the same draws also resample a second matrix of the same shape (paired bootstrap), whose
 * scores go to the second array. @internal
 */
export function resampleScores(
  data: Float64Array,
  n: number,
  width: number,
  finalize: Finalize,
  samples: number,
  rng: Random,
  paired?: { data: Float64Array; finalize: Finalize },
): [Float64Array, Float64Array | undefined] {
  const a = new Float64Array(samples);
  const b = paired ? new Float64Array(samples) : undefined;
  const counts = new Int32Array(n);
  const sa = new Float64Array(width);
  const sb = new Float64Array(width);
  // Random.int's rejection sampling with the bound hoisted: the same draws, without the per-call set-up.
  const limit = 2 ** 32 - (2 ** 32 % n);
  for (let s = 0; s < samples; s++) {
    counts.fill(0);
    for (let j = 0; j < n; j++) {
      let x: number;
      do x = rng.nextUint32();
      while (x >= limit);
      const i = x % n;
      counts[i] = (counts[i] as number) + 1;
    }
    weightedSum(data, counts, n, width, sa);
    a[s] = finalize(sa);
    if (paired && b) {
      weightedSum(paired.data, counts, n, width, sb);
      b[s] = paired.finalize(sb);
    }
  }
  return [a, b];
}

/** `out = Σ_i counts[i] · row_i` (rows never drawn are skipped). */
function weightedSum(data: Float64Array, counts: Int32Array, n: number, width: number, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < n; i++) {
    const c = counts[i] as number;
    if (c === 0) continue;
    const o = i * width;
    for (let k = 0; k < width; k++) out[k] = (out[k] as number) + c * (data[o + k] as number);
  }
}

/**
 * Mean, standard deviation and percentile bounds of resampled scores, as sacrebleu's `estimate_ci` picks
 * them (for 95%: sorted, indices `n // 40` and `n − n // 40 − 1`). @internal
 */
export function summarizeScores(scores: Float64Array, confidence: number): { mean: number; std: number; low: number; high: number; ci: number } {
  const n = scores.length;
  const sorted = Float64Array.from(scores).sort();
  const sum = new ExactSum();
  for (let i = 0; i < n; i++) sum.add(sorted[i] as number);
  const mean = sum.valueOf() / n;
  const sq = new ExactSum();
  for (let i = 0; i < n; i++) {
    const d = (sorted[i] as number) - mean;
    sq.add(d * d);
  }
  const std = Math.sqrt(sq.valueOf() / n);
  // + 1e-9 absorbs the representation error of 1 − confidence (1 − 0.9 = 0.09999999999999998).
  const lowIdx = Math.min(n - 1, Math.floor((n * (1 - confidence)) / 2 + 1e-9));
  const low = sorted[lowIdx] as number;
  const high = sorted[n - lowIdx - 1] as number;
  return { mean, std, low, high, ci: 0.5 * (high - low) };
}

/**
 * A bootstrap confidence interval for a corpus score from its per-segment statistics.
 *
 * @param rows - One statistics row per segment, all the same length (plain numbers that add up).
 * @param finalize - Turns a summed row into the score, a finite number (must not keep or modify its argument).
 * @param options - `samples` (default 1000), `seed` (default 12345), `confidence` (default 0.95).
 * @returns The corpus score with the mean, standard deviation and bounds of the resampled scores.
 * @throws TypeError or RangeError naming the argument: no rows, rows of different lengths or with a non-finite
 *   number, a `finalize` that is not a function or returns anything but a finite number, a bad option.
 * @remarks The method of sacrebleu's `Metric.corpus_score(..., n_bootstrap)` and `estimate_ci`; the resamples
 *   come from this package's seeded generator, so the numbers differ from numpy's draws but not in law.
 * @example
 * ```ts
 * const rows = [[1, 2], [3, 4], [5, 6]];
 * const ratio = (s) => s[0] / s[1];
 * bootstrapConfidence(rows, ratio, { samples: 200 }).score; // 0.75
 * ```
 */
export function bootstrapConfidence(
  rows: readonly ArrayLike<number>[],
  finalize: Finalize,
  options?: BootstrapOptions,
): ConfidenceInterval {
  const fn = 'bootstrapConfidence';
  const f = checkedFinalize(fn, finalize);
  const o = resolveBootstrapOptions(fn, options);
  const { data, n, width } = packRows(fn, 'rows', rows);
  return confidenceFromPacked(data, n, width, f, o);
}

/** {@link bootstrapConfidence} on an already packed matrix. @internal */
export function confidenceFromPacked(
  data: Float64Array,
  n: number,
  width: number,
  finalize: Finalize,
  o: ResolvedBootstrapOptions,
): ConfidenceInterval {
  const score = finalize(sumRows(data, n, width));
  const [scores] = resampleScores(data, n, width, finalize, o.samples, new Random(o.seed));
  return { score, ...summarizeScores(scores, o.confidence), samples: o.samples, seed: o.seed, confidence: o.confidence };
}
