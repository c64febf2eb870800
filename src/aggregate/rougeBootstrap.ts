/**
 * Bootstrap percentiles of per-segment *averages* (macro metrics such as ROUGE), the method of rouge-score's
 * `BootstrapAggregator`: each resample draws as many rows as there are, with replacement, and takes their
 * column means; the low/mid/high bounds are numpy `percentile` (linear interpolation) of those means at
 * (1 − confidence)/2, 50 % and 1 − (1 − confidence)/2. The draws come from the seeded {@link Random}, so a
 * seed gives the same bounds on every run.
 * @internal
 */
import { Random } from './random.js';

/** Low, mid and high bounds per column. @internal */
export interface MeanPercentiles {
  low: Float64Array;
  mid: Float64Array;
  high: Float64Array;
}

/**
 * numpy's default (`linear`) percentile of ascending sorted values, with numpy's two-sided interpolation
 * (`a + (b − a)·t` below t = 0.5, `b − (b − a)·(1 − t)` from 0.5 up).
 */
export function percentileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const pos = (q / 100) * (n - 1);
  const lo = Math.max(0, Math.min(n - 1, Math.floor(pos)));
  const hi = Math.min(n - 1, lo + 1);
  const t = pos - lo;
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/**
 * Bootstrap percentiles of the column means of `n` rows of `width` numbers packed row-major in `data`.
 *
 * @param samples - Number of resamples (≥ 1).
 * @param confidence - Coverage in [0, 1].
 * @param seed - Seed of the generator.
 */
export function bootstrapMeanPercentiles(
  data: Float64Array,
  n: number,
  width: number,
  samples: number,
  confidence: number,
  seed: number,
): MeanPercentiles {
  const low = new Float64Array(width);
  const mid = new Float64Array(width);
  const high = new Float64Array(width);
  if (n === 0) return { low, mid, high };
  const rng = new Random(seed);
  const means = new Float64Array(samples * width); // column-major: means[k * samples + s]
  const sums = new Float64Array(width);
  for (let s = 0; s < samples; s++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      const o = rng.int(n) * width;
      for (let k = 0; k < width; k++) sums[k] = (sums[k] as number) + (data[o + k] as number);
    }
    for (let k = 0; k < width; k++) means[k * samples + s] = (sums[k] as number) / n;
  }
  const delta = (1 - confidence) / 2;
  for (let k = 0; k < width; k++) {
    const col = means.subarray(k * samples, (k + 1) * samples).sort();
    low[k] = percentileSorted(col, 100 * delta);
    mid[k] = percentileSorted(col, 50);
    high[k] = percentileSorted(col, 100 * (1 - delta));
  }
  return { low, mid, high };
}
