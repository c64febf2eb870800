import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmeasure, prf, prfUnchecked } from '../../src/metrics/prf.js';

/** Counts with matches <= both totals. */
const counts = fc
  .tuple(fc.nat({ max: 10_000 }), fc.nat({ max: 10_000 }), fc.nat({ max: 10_000 }))
  .map(([a, b, c]) => {
    const m = Math.min(a, b, c);
    return { m, h: Math.max(a, b), r: Math.max(b, c) };
  });
const beta = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

describe('prf(matches, hypothesisTotal, referenceTotal, beta)', () => {
  it('computes precision, recall and F1', () => {
    expect(prf(2, 4, 5)).toEqual({ precision: 0.5, recall: 0.4, fmeasure: (2 * 0.5 * 0.4) / (0.5 + 0.4) });
    expect(prf(3, 3, 3)).toEqual({ precision: 1, recall: 1, fmeasure: 1 });
  });

  it('gives 0, never NaN, for zero denominators and zero matches', () => {
    expect(prf(0, 0, 0)).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    expect(prf(0, 0, 5)).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    expect(prf(0, 7, 0)).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    expect(prf(0, 3, 4, 2)).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    expect(fmeasure(0, 0, 0.5)).toBe(0);
  });

  it('F-beta weighs recall beta times as much as precision', () => {
    // p = 1/2, r = 1/4: F2 = 5 p r / (4 p + r) = (5/8) / (9/4) = 5/18
    expect(prf(1, 2, 4, 2).fmeasure).toBeCloseTo(5 / 18, 15);
    // F0.5 = 1.25 p r / (0.25 p + r) = (1.25/8) / (3/8) = 5/12
    expect(prf(1, 2, 4, 0.5).fmeasure).toBeCloseTo(5 / 12, 15);
    // beta = 1 is the harmonic mean, with rouge-score's arithmetic bit for bit
    const p = 5 / 7;
    const r = 5 / 9;
    expect(prf(5, 7, 9, 1).fmeasure).toBe((2 * p * r) / (p + r));
  });

  it('rejects bad arguments naming the argument', () => {
    expect(() => prf(-1, 2, 2)).toThrow(RangeError);
    expect(() => prf(-1, 2, 2)).toThrow(/^prf: matches must be >= 0, got -1$/);
    expect(() => prf(Number.NaN, 2, 2)).toThrow(/^prf: matches must be a finite number, got NaN$/);
    expect(() => prf(1, Number.POSITIVE_INFINITY, 2)).toThrow(/prf: hypothesisTotal must be a finite number/);
    expect(() => prf(1, 2, '3' as unknown as number)).toThrow(TypeError);
    expect(() => prf(1, 2, -3)).toThrow(/prf: referenceTotal must be >= 0/);
    expect(() => prf(1, 2, 3, 0)).toThrow(/^prf: beta must be > 0, got 0$/);
    expect(() => prf(1, 2, 3, Number.NaN)).toThrow(/prf: beta must be a finite number/);
    expect(() => prf(3, 2, 5)).toThrow(/prf: matches \(3\) cannot exceed hypothesisTotal \(2\) or referenceTotal \(5\)/);
    expect(() => prf(3, 5, 2)).toThrow(RangeError);
  });
});

describe('prf laws (fast-check)', () => {
  it('precision, recall and F-beta are finite and in 0..1', () => {
    fc.assert(
      fc.property(counts, beta, ({ m, h, r }, b) => {
        const s = prf(m, h, r, b);
        for (const v of [s.precision, s.recall, s.fmeasure]) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('F-beta lies between precision and recall', () => {
    fc.assert(
      fc.property(counts, beta, ({ m, h, r }, b) => {
        const s = prf(m, h, r, b);
        const eps = 1e-12;
        expect(s.fmeasure).toBeGreaterThanOrEqual(Math.min(s.precision, s.recall) - eps);
        expect(s.fmeasure).toBeLessThanOrEqual(Math.max(s.precision, s.recall) + eps);
      }),
    );
  });

  it('a larger beta moves F toward recall', () => {
    fc.assert(
      fc.property(counts, beta, beta, ({ m, h, r }, b1, b2) => {
        const [lo, hi] = b1 <= b2 ? [b1, b2] : [b2, b1];
        const a = prf(m, h, r, lo);
        const b = prf(m, h, r, hi);
        expect(Math.abs(b.fmeasure - b.recall)).toBeLessThanOrEqual(Math.abs(a.fmeasure - a.recall) + 1e-12);
      }),
    );
  });

  it('F1 is symmetric: swapping the totals swaps precision and recall', () => {
    fc.assert(
      fc.property(counts, ({ m, h, r }) => {
        const a = prf(m, h, r);
        const b = prf(m, r, h);
        expect(a.fmeasure).toBe(b.fmeasure);
        expect(a.precision).toBe(b.recall);
      }),
    );
  });

  it('F1 is 1 exactly when everything matches', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        expect(prf(n, n, n).fmeasure).toBe(1);
      }),
    );
  });

  it('prfUnchecked agrees with prf on valid input', () => {
    fc.assert(
      fc.property(counts, beta, ({ m, h, r }, b) => {
        expect(prfUnchecked(m, h, r, b)).toEqual(prf(m, h, r, b));
      }),
    );
  });
});
