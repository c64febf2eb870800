import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapConfidence, summarizeScores } from '../../src/aggregate/bootstrap';

const ratio = (s: Float64Array): number => (s[1] ? (s[0] as number) / (s[1] as number) : 0);

describe('bootstrapConfidence', () => {
  it('reports the score of the whole corpus', () => {
    const rows = [[1, 2], [3, 4], [5, 6]];
    expect(bootstrapConfidence(rows, ratio, { samples: 50 }).score).toBe(9 / 12);
  });

  it('gives the same interval for the same seed and another for another seed', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i % 7, 7]);
    const a = bootstrapConfidence(rows, ratio, { samples: 200, seed: 1 });
    const b = bootstrapConfidence(rows, ratio, { samples: 200, seed: 1 });
    const c = bootstrapConfidence(rows, ratio, { samples: 200, seed: 2 });
    expect(a).toEqual(b);
    expect(c.mean).not.toBe(a.mean);
    expect(a.seed).toBe(1);
    expect(a.samples).toBe(200);
  });

  it('defaults to sacrebleu settings: 1000 samples, seed 12345, 95%', () => {
    const r = bootstrapConfidence([[1, 2], [2, 2]], ratio);
    expect([r.samples, r.seed, r.confidence]).toEqual([1000, 12345, 0.95]);
  });

  it('has no spread when every row is the same', () => {
    const r = bootstrapConfidence(Array.from({ length: 10 }, () => [3, 4]), ratio, { samples: 100 });
    expect(r).toMatchObject({ score: 0.75, mean: 0.75, low: 0.75, high: 0.75, ci: 0, std: 0 });
  });

  it('centres the resampled means of a mean statistic on the sample mean (law of the bootstrap)', () => {
    // Rows [x_i, 1]: the statistic is the mean of x; its bootstrap mean converges to the sample mean, its
    // standard deviation to sd(x)/sqrt(n).
    const xs = Array.from({ length: 200 }, (_, i) => (i * 37) % 101);
    const rows = xs.map((x) => [x, 1]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    const r = bootstrapConfidence(rows, ratio, { samples: 2000, seed: 7 });
    expect(Math.abs(r.mean - mean)).toBeLessThan(0.3);
    expect(r.std / (sd / Math.sqrt(xs.length))).toBeGreaterThan(0.9);
    expect(r.std / (sd / Math.sqrt(xs.length))).toBeLessThan(1.1);
    expect(r.low).toBeLessThan(mean);
    expect(r.high).toBeGreaterThan(mean);
  });

  it('keeps the interval inside the resampled range and the mean too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 })), { minLength: 1, maxLength: 30 }),
        fc.integer(),
        (pairs, seed) => {
          const r = bootstrapConfidence(pairs, ratio, { samples: 60, seed });
          expect(r.low).toBeLessThanOrEqual(r.high);
          expect(r.ci).toBeCloseTo((r.high - r.low) / 2, 12);
          expect(Number.isFinite(r.mean) && Number.isFinite(r.std)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('does not modify its rows', () => {
    const rows = Object.freeze([Object.freeze([1, 2]), Object.freeze([2, 3])]);
    expect(() => bootstrapConfidence(rows, ratio, { samples: 10 })).not.toThrow();
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => bootstrapConfidence([], ratio)).toThrow(/bootstrapConfidence: rows must be a non-empty array/);
    expect(() => bootstrapConfidence([[1, 2], [1]], ratio)).toThrow(RangeError);
    expect(() => bootstrapConfidence([[1, NaN]], ratio)).toThrow(/rows\[0\]\[1\] must be a finite number/);
    expect(() => bootstrapConfidence([[1, 2]], ratio, { samples: 0 })).toThrow(/options.samples/);
    expect(() => bootstrapConfidence([[1, 2]], ratio, { confidence: 1 })).toThrow(/options.confidence/);
    expect(() => bootstrapConfidence([[1, 2]], ratio, { seed: 1.5 })).toThrow(/options.seed/);
    expect(() => bootstrapConfidence([[1, 2]], ratio, { sample: 5 } as never)).toThrow(/unknown option "sample"/);
    expect(() => bootstrapConfidence([[1, 2]], 'f' as never)).toThrow(/finalize must be a function/);
  });
});

describe('summarizeScores', () => {
  it("picks sacrebleu's bounds: sorted, indices n // 40 and n - n // 40 - 1", () => {
    const n = 1000;
    const scores = Float64Array.from({ length: n }, (_, i) => (i * 389) % n); // a permutation of 0..999
    const s = summarizeScores(scores, 0.95);
    expect(s.low).toBe(25);
    expect(s.high).toBe(974);
    expect(s.ci).toBe(474.5);
    expect(s.mean).toBe(499.5);
    expect(s.std).toBeCloseTo(Math.sqrt((n * n - 1) / 12), 9);
  });
  it('places other coverages at floor(n (1 - c) / 2), despite 1 - 0.9 = 0.09999999999999998', () => {
    const scores = Float64Array.from({ length: 1000 }, (_, i) => i);
    expect(summarizeScores(scores, 0.9).low).toBe(50);
    expect(summarizeScores(scores, 0.9).high).toBe(949);
    expect(summarizeScores(scores, 0.5).low).toBe(250);
  });
  it('does not reorder its input', () => {
    const scores = Float64Array.from([3, 1, 2]);
    summarizeScores(scores, 0.95);
    expect(Array.from(scores)).toEqual([3, 1, 2]);
  });
});
