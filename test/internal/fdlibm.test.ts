import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exp, log } from '../../src/internal/fdlibm.js';

const view = new DataView(new ArrayBuffer(8));
/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  view.setFloat64(0, a);
  const ai = view.getBigInt64(0);
  view.setFloat64(0, b);
  const bi = view.getBigInt64(0);
  return Number(ai > bi ? ai - bi : bi - ai);
}

describe('fdlibm exp and log', () => {
  it('exp is within 1 ulp of Math.exp over the whole finite range', () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709.7, noNaN: true }), (x) => {
        expect(ulps(exp(x), Math.exp(x))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 20_000 },
    );
  });

  it('log is within 1 ulp of Math.log for every positive double, subnormals included', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        expect(ulps(log(x), Math.log(x))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 20_000 },
    );
  });

  it('handles the special values as IEEE-754 and Math do', () => {
    for (const x of [0, -0, 1, -1, Infinity, -Infinity, NaN, 710, -746, 2 ** -30, -(2 ** -30)]) {
      expect(exp(x)).toBe(Math.exp(x));
    }
    expect(exp(1)).toBe(Math.E);
    for (const x of [0, -0, 1, -1, Infinity, -Infinity, NaN, Number.MIN_VALUE]) {
      expect(log(x)).toBe(Math.log(x));
    }
  });

  it('is exact where the mathematics is: log(2**k) = k ln 2 to the last bit, exp(0) = 1', () => {
    for (let k = -1074; k <= 1023; k += 7) expect(ulps(log(2 ** k), k * Math.LN2)).toBeLessThanOrEqual(1);
    expect(exp(0)).toBe(1);
    expect(log(1)).toBe(0);
  });
});
