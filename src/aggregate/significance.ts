/**
 * Paired significance tests between two systems scored on the same segments, generic over any metric's
 * per-segment statistics rows and `finalize`, as sacrebleu's `PairedTest` defines them:
 *
 * - paired bootstrap resampling (`--paired-bs`, after Koehn 2004 / Moses'
 *   `bootstrap-hypothesis-difference-significance.pl`): both systems are resampled with the same draws; the
 *   p-value counts resamples whose centred absolute difference exceeds the observed one;
 * - approximate randomization (`--paired-ar`, after Riezler & Maxwell 2005 / multeval): each trial swaps the
 *   two systems' rows of each segment with probability 1/2.
 *
 * In both, p = (c + 1) / (trials + 1). Rows are re-summed, never re-tokenized. Seeded, so reproducible; the
 * draws come from this package's generator, not numpy's, so p-values agree with sacrebleu's in law only.
 */
import { Random } from './random.js';
import {
  type ConfidenceInterval,
  type Finalize,
  type ResolvedBootstrapOptions,
  checkedFinalize,
  packRows,
  resampleScores,
  resolveBootstrapOptions,
  sumRows,
  summarizeScores,
} from './bootstrap.js';
import { checkEnum, checkInteger, rangeError, typeError } from '../internal/validate.js';

/** The two paired tests. */
export type PairedMethod = 'bootstrap' | 'randomization';

/** Options of {@link pairedTest}. */
export interface PairedTestOptions {
  /**
   * `bootstrap` (sacrebleu `--paired-bs`) or `randomization` (sacrebleu `--paired-ar`).
   * @defaultValue 'bootstrap'
   */
  method?: PairedMethod;
  /**
   * Resamples (bootstrap) or trials (randomization).
   * @defaultValue 1000 for bootstrap, 10000 for randomization (sacrebleu's defaults)
   */
  samples?: number;
  /**
   * Seed of the generator.
   * @defaultValue 12345 (sacrebleu's default `SACREBLEU_SEED`)
   */
  seed?: number;
  /**
   * Coverage of the confidence intervals reported for each system.
   * @defaultValue 0.95
   */
  confidence?: number;
  /**
   * Bootstrap resamples for the confidence intervals of the randomization test (the bootstrap test uses its
   * own resamples).
   * @defaultValue 1000
   */
  confidenceSamples?: number;
}

/** The outcome of a paired test. */
export interface PairedTestResult {
  /** The test that was run. */
  method: PairedMethod;
  /** Resamples or trials. */
  samples: number;
  /** The seed used. */
  seed: number;
  /** Score and bootstrap confidence interval of the baseline. */
  baseline: ConfidenceInterval;
  /** Score and bootstrap confidence interval of the candidate. */
  candidate: ConfidenceInterval;
  /** `candidate.score − baseline.score`. */
  difference: number;
  /** Probability of a difference at least this large by chance: (c + 1) / (samples + 1). */
  pValue: number;
}

/** Resolved options of a paired test. @internal */
export interface ResolvedPairedOptions extends ResolvedBootstrapOptions {
  method: PairedMethod;
  confidenceSamples: number;
}

export const PAIRED_OPTION_NAMES = ['method', 'samples', 'seed', 'confidence', 'confidenceSamples'] as const;

/** Validates the options of a paired test; `extra` names further options the caller accepts. @internal */
export function resolvePairedOptions(fn: string, options: unknown, extra: readonly string[] = []): ResolvedPairedOptions {
  const raw = (options ?? {}) as Partial<PairedTestOptions>;
  const method = checkEnum<PairedMethod>(fn, 'options.method', typeof raw === 'object' ? raw.method : undefined, ['bootstrap', 'randomization'], 'bootstrap');
  const b = resolveBootstrapOptions(fn, options, method === 'bootstrap' ? 1000 : 10000, ['method', 'confidenceSamples', ...extra]);
  const confidenceSamples = checkInteger(fn, 'options.confidenceSamples', raw.confidenceSamples, 1000, 1, 10_000_000);
  return { ...b, method, confidenceSamples };
}

/** Counts values strictly greater than `threshold` (multeval: a zero difference is not chance). */
function pValue(stats: Float64Array, threshold: number): number {
  let c = 0;
  for (let i = 0; i < stats.length; i++) if ((stats[i] as number) > threshold) c++;
  return (c + 1) / (stats.length + 1);
}

/** The paired test on packed, equally shaped matrices. @internal */
export function pairedFromPacked(
  base: Float64Array,
  cand: Float64Array,
  n: number,
  width: number,
  finalize: Finalize,
  o: ResolvedPairedOptions,
): PairedTestResult {
  const baseScore = finalize(sumRows(base, n, width));
  const candScore = finalize(sumRows(cand, n, width));
  const observed = Math.abs(baseScore - candScore);
  let p: number;
  let baseScores: Float64Array;
  let candScores: Float64Array;
  if (o.method === 'bootstrap') {
    const [bs, cs] = resampleScores(base, n, width, finalize, o.samples, new Random(o.seed), { data: cand, finalize });
    baseScores = bs;
    candScores = cs as Float64Array;
    // sacrebleu: diffs = |sys − bl| per resample, centred on their mean, compared with the observed |Δ|.
    const diffs = new Float64Array(o.samples);
    let mean = 0;
    for (let s = 0; s < o.samples; s++) {
      const d = Math.abs((candScores[s] as number) - (baseScores[s] as number));
      diffs[s] = d;
      mean += d;
    }
    mean /= o.samples;
    for (let s = 0; s < o.samples; s++) diffs[s] = (diffs[s] as number) - mean;
    p = pValue(diffs, observed);
  } else {
    p = pValue(randomizationDiffs(base, cand, n, width, finalize, o.samples, new Random(o.seed)), observed);
    // Confidence intervals from a separate bootstrap with the same draws for both systems.
    const [bs, cs] = resampleScores(base, n, width, finalize, o.confidenceSamples, new Random(o.seed), { data: cand, finalize });
    baseScores = bs;
    candScores = cs as Float64Array;
  }
  const interval = (score: number, scores: Float64Array): ConfidenceInterval => ({
    score,
    ...summarizeScores(scores, o.confidence),
    samples: scores.length,
    seed: o.seed,
    confidence: o.confidence,
  });
  return {
    method: o.method,
    samples: o.samples,
    seed: o.seed,
    baseline: interval(baseScore, baseScores),
    candidate: interval(candScore, candScores),
    difference: candScore - baseScore,
    pValue: p,
  };
}

/**
 * |score(A) − score(B)| for each approximate-randomization trial, where A takes each segment's row from the
 * baseline or the candidate by a fair coin and B takes the other one. Since A + B is the constant sum of both
 * systems, only A's swap term is accumulated: A = cand + Σ_swapped (base − cand), B = base − Σ_swapped (base − cand).
 */
function randomizationDiffs(
  base: Float64Array,
  cand: Float64Array,
  n: number,
  width: number,
  finalize: Finalize,
  trials: number,
  rng: Random,
): Float64Array {
  const baseSum = sumRows(base, n, width);
  const candSum = sumRows(cand, n, width);
  // Only segments where the systems differ can change anything.
  const diffRows: number[] = [];
  for (let i = 0; i < n; i++) {
    const o = i * width;
    for (let k = 0; k < width; k++) {
      if (base[o + k] !== cand[o + k]) {
        diffRows.push(i);
        break;
      }
    }
  }
  const m = diffRows.length;
  const delta = new Float64Array(m * width);
  for (let j = 0; j < m; j++) {
    const o = (diffRows[j] as number) * width;
    for (let k = 0; k < width; k++) delta[j * width + k] = (base[o + k] as number) - (cand[o + k] as number);
  }
  const out = new Float64Array(trials);
  const swap = new Float64Array(width);
  const a = new Float64Array(width);
  const b = new Float64Array(width);
  for (let t = 0; t < trials; t++) {
    swap.fill(0);
    let bits = 0;
    for (let j = 0; j < m; j++) {
      if ((j & 31) === 0) bits = rng.nextUint32();
      if (bits & 1) {
        const o = j * width;
        for (let k = 0; k < width; k++) swap[k] = (swap[k] as number) + (delta[o + k] as number);
      }
      bits >>>= 1;
    }
    for (let k = 0; k < width; k++) {
      a[k] = (candSum[k] as number) + (swap[k] as number);
      b[k] = (baseSum[k] as number) - (swap[k] as number);
    }
    out[t] = Math.abs(finalize(a) - finalize(b));
  }
  return out;
}

/**
 * A paired significance test of a candidate system against a baseline on the same segments, from their
 * per-segment statistics.
 *
 * @param baselineRows - The baseline's statistics, one row per segment.
 * @param candidateRows - The candidate's statistics for the same segments, in the same order and shape.
 * @param finalize - Turns a summed row into the score, a finite number (must not keep or modify its argument).
 * @param options - `method` (`bootstrap` | `randomization`), `samples`, `seed`, `confidence`, `confidenceSamples`.
 * @returns Both scores with bootstrap confidence intervals, their difference and the p-value.
 * @throws TypeError or RangeError naming the argument: rows of different shapes or with a non-finite number,
 *   a `finalize` that is not a function or returns anything but a finite number, a bad option.
 * @remarks Reproduces the procedures of sacrebleu's `PairedTest` (`--paired-bs`: 1000 resamples; `--paired-ar`:
 *   10000 trials), with this package's seeded generator in place of numpy's.
 * @example
 * ```ts
 * const ratio = (s) => s[0] / s[1];
 * const base = [[1, 2], [1, 2], [0, 2], [1, 2]];
 * const cand = [[2, 2], [2, 2], [1, 2], [2, 2]];
 * pairedTest(base, cand, ratio, { method: 'randomization', samples: 999 }).difference; // 0.5
 * ```
 */
export function pairedTest(
  baselineRows: readonly ArrayLike<number>[],
  candidateRows: readonly ArrayLike<number>[],
  finalize: Finalize,
  options?: PairedTestOptions,
): PairedTestResult {
  const fn = 'pairedTest';
  const f = checkedFinalize(fn, finalize);
  const o = resolvePairedOptions(fn, options);
  const a = packRows(fn, 'baselineRows', baselineRows);
  const b = packRows(fn, 'candidateRows', candidateRows);
  if (a.n !== b.n || a.width !== b.width) {
    throw rangeError(fn, 'candidateRows', `${a.n} rows of ${a.width} numbers like baselineRows`, candidateRows);
  }
  return pairedFromPacked(a.data, b.data, a.n, a.width, f, o);
}
