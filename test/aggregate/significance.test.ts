import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapConfidence } from '../../src/aggregate/bootstrap';
import { pairedTest } from '../../src/aggregate/significance';

const ratio = (s: Float64Array): number => (s[1] ? (s[0] as number) / (s[1] as number) : 0);

/** A deterministic pseudo-random 0/1 sequence. */
const bits = (n: number, salt: number): number[] => Array.from({ length: n }, (_, i) => (Math.imul(i + salt, 2654435761) >>> 13) & 1);

describe('pairedTest', () => {
  const n = 200;
  const base = bits(n, 1).map((b) => [b, 1]); // about 50% correct
  const better = base.map((r, i) => [i % 3 === 0 ? 1 : (r[0] as number), 1]); // strictly more correct
  const noisy = bits(n, 99).map((b) => [b, 1]); // another system of about the same quality

  for (const method of ['bootstrap', 'randomization'] as const) {
    it(`${method}: a clearly better candidate gets a small p-value`, () => {
      const r = pairedTest(base, better, ratio, { method, samples: 999 });
      expect(r.difference).toBeGreaterThan(0.1);
      expect(r.pValue).toBeLessThan(0.01);
      expect(r.pValue).toBeGreaterThanOrEqual(1 / 1000);
    });

    it(`${method}: a system of the same quality gets a large p-value`, () => {
      const r = pairedTest(base, noisy, ratio, { method, samples: 999 });
      expect(Math.abs(r.difference)).toBeLessThan(0.1);
      expect(r.pValue).toBeGreaterThan(0.05);
    });

    it(`${method}: the p-value does not depend on which system is the baseline`, () => {
      const a = pairedTest(base, noisy, ratio, { method, samples: 300, seed: 3 });
      const b = pairedTest(noisy, base, ratio, { method, samples: 300, seed: 3 });
      expect(b.pValue).toBe(a.pValue);
      expect(b.difference).toBe(-a.difference);
    });

    it(`${method}: p = (c + 1) / (samples + 1) is a multiple of 1/(samples + 1) in (0, 1]`, () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { minLength: 1, maxLength: 25 }), fc.integer(), (pairs, seed) => {
          const a = pairs.map(([x]) => [x, 3]);
          const b = pairs.map(([, y]) => [y, 3]);
          const r = pairedTest(a, b, ratio, { method, samples: 99, seed });
          const c = r.pValue * 100 - 1;
          expect(Math.abs(c - Math.round(c))).toBeLessThan(1e-9);
          expect(r.pValue).toBeGreaterThan(0);
          expect(r.pValue).toBeLessThanOrEqual(1);
        }),
        { numRuns: 30 },
      );
    });

    it(`${method}: as sacrebleu, a system against itself gets p = 1/(samples + 1) (a zero difference never exceeds 0)`, () => {
      const r = pairedTest(base, base, ratio, { method, samples: 99 });
      expect(r.difference).toBe(0);
      expect(r.pValue).toBe(1 / 100);
    });
  }

  it('bootstrap: both intervals come from the same draws as bootstrapConfidence of each system', () => {
    const r = pairedTest(base, better, ratio, { samples: 200, seed: 5 });
    const a = bootstrapConfidence(base, ratio, { samples: 200, seed: 5 });
    const b = bootstrapConfidence(better, ratio, { samples: 200, seed: 5 });
    expect(r.baseline).toEqual(a);
    expect(r.candidate).toEqual(b);
  });

  it('defaults to sacrebleu: 1000 bootstrap resamples, 10000 randomization trials, seed 12345', () => {
    const small = base.slice(0, 10);
    const smallBetter = better.slice(0, 10);
    expect(pairedTest(small, smallBetter, ratio).samples).toBe(1000);
    const ar = pairedTest(small, smallBetter, ratio, { method: 'randomization' });
    expect([ar.samples, ar.seed, ar.baseline.samples]).toEqual([10000, 12345, 1000]);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => pairedTest(base, better.slice(1), ratio)).toThrow(/pairedTest: candidateRows must be 200 rows/);
    expect(() => pairedTest(base, better, ratio, { method: 'ar' as never })).toThrow(/options.method/);
    expect(() => pairedTest(base, better, ratio, { samples: -1 })).toThrow(/options.samples/);
    expect(() => pairedTest(base, better, ratio, { trials: 5 } as never)).toThrow(/unknown option "trials"/);
    expect(() => pairedTest([], [], ratio)).toThrow(/baselineRows must be a non-empty array/);
  });

  it('does not modify its rows', () => {
    const a = Object.freeze(base.slice(0, 20).map((r) => Object.freeze(r)));
    const b = Object.freeze(better.slice(0, 20).map((r) => Object.freeze(r)));
    expect(() => pairedTest(a, b, ratio, { samples: 20 })).not.toThrow();
    expect(() => pairedTest(a, b, ratio, { samples: 20, method: 'randomization' })).not.toThrow();
  });
});
