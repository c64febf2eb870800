// Tests of src/aggregate/stats.ts, the other half of the n-gram core (statistics rows and their sums).
// Kept beside the n-gram core tests: test/aggregate/ belongs to another work item.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addInto, addStats, ExactSum } from '../../src/aggregate/stats';

// --- An independent exact reference: each double is an integer multiple of 2^-1074, so the exact sum is
// a BigInt in those units; it is then rounded once to the nearest double, ties to even.
function toUnits(x: number): bigint {
  if (x === 0) return 0n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  // x = mant · 2^(e), with e = exp − 1075 (normal) or −1074 (subnormal); in units of 2^-1074:
  const units = exp === 0 ? frac : (frac | (1n << 52n)) << BigInt(exp - 1);
  return bits >> 63n ? -units : units;
}
function fromUnits(s: bigint): number {
  if (s === 0n) return 0;
  const neg = s < 0n;
  const a = neg ? -s : s;
  const bitsLen = a.toString(2).length;
  let r: number;
  if (bitsLen <= 53) r = Number(a) * 2 ** -1074; // exactly representable
  else {
    const k = bitsLen - 53;
    let q = a >> BigInt(k);
    const rem = a - (q << BigInt(k));
    const half = 1n << BigInt(k - 1);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    r = Number(q) * 2 ** (k - 1074);
  }
  return neg ? -r : r;
}
const exactSum = (xs: readonly number[]): number => fromUnits(xs.reduce((s, x) => s + toUnits(x), 0n));

// Finite doubles of very different magnitudes (no overflow of the running sum: |x| <= 1e300, <= 60 terms).
const dbl = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1, max: 1 }),
  fc.integer({ min: -1e6, max: 1e6 }).map((i) => i * 2 ** -1074), // subnormals
  fc.constantFrom(1e16, -1e16, 1, -1, 0.1, 1e-16, 2 ** 53, -0),
);
const doubles = fc.array(dbl, { maxLength: 60 });

describe('ExactSum (Shewchuk / Python math.fsum)', () => {
  it('the reference itself: exact on simple cases', () => {
    expect(exactSum([0.1, 0.2])).toBe(0.30000000000000004);
    expect(exactSum([1e100, 1, -1e100])).toBe(1);
    expect(exactSum([5e-324, 5e-324])).toBe(1e-323);
  });

  it('known values: 0.1 ten times is 1; cancellation; ties to even', () => {
    expect(new ExactSum(Array(10).fill(0.1)).valueOf()).toBe(1);
    expect(new ExactSum([1e100, 1, -1e100]).valueOf()).toBe(1);
    // 1 + 2^-53 + 2^-53: exact 1 + 2^-52 (the two halves together are representable).
    expect(new ExactSum([1, 2 ** -53, 2 ** -53]).valueOf()).toBe(1 + 2 ** -52);
    // 1 + 2^-53 alone is a tie and rounds to even (1); one tiny extra term breaks the tie upwards.
    expect(new ExactSum([1, 2 ** -53]).valueOf()).toBe(1);
    expect(new ExactSum([1, 2 ** -53, 2 ** -1074]).valueOf()).toBe(1 + 2 ** -52);
    expect(new ExactSum().valueOf()).toBe(0);
    // math.fsum([-0.0]) is +0.0: zeros are not kept as partials (and -0 would not survive JSON anyway).
    expect(Object.is(new ExactSum([-0]).valueOf(), 0)).toBe(true);
    expect(Object.is(new ExactSum([-0, -0]).valueOf(), 0)).toBe(true);
    expect(new ExactSum([1, -1]).toJSON()).toEqual([]);
  });

  it('equals the correctly rounded exact sum', () => {
    fc.assert(
      fc.property(doubles, (xs) => {
        const s = new ExactSum();
        for (const x of xs) s.add(x);
        expect(s.valueOf()).toBe(exactSum(xs));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the order of the terms', () => {
    fc.assert(
      fc.property(doubles, fc.integer(), (xs, seed) => {
        // A seeded Fisher-Yates permutation.
        const p = xs.slice();
        let r = seed >>> 0;
        for (let i = p.length - 1; i > 0; i--) {
          r = (Math.imul(r, 1664525) + 1013904223) >>> 0;
          const j = r % (i + 1);
          [p[i], p[j]] = [p[j] as number, p[i] as number];
        }
        const sorted = xs.slice().sort((a, b) => Math.abs(a) - Math.abs(b));
        const a = new ExactSum(xs).valueOf();
        expect(new ExactSum(p).valueOf()).toBe(a);
        expect(new ExactSum(sorted).valueOf()).toBe(a);
        expect(new ExactSum(sorted.slice().reverse()).valueOf()).toBe(a);
      }),
      { numRuns: 500 },
    );
  });

  it('split into shards, summed apart and merged (also through JSON) gives the same sum', () => {
    fc.assert(
      fc.property(doubles, fc.nat(), fc.nat(), (xs, i, j) => {
        const cut1 = xs.length ? i % (xs.length + 1) : 0;
        const cut2 = Math.max(cut1, xs.length ? j % (xs.length + 1) : 0);
        const parts = [xs.slice(0, cut1), xs.slice(cut1, cut2), xs.slice(cut2)].map((p) => new ExactSum(p));
        const viaJson = parts.map((p) => JSON.parse(JSON.stringify(p)) as number[]);
        const merged = new ExactSum().merge(parts[2] as ExactSum).merge(parts[0] as ExactSum).merge(parts[1] as ExactSum);
        const mergedJson = new ExactSum(viaJson[1]).merge(viaJson[0] as number[]).merge(viaJson[2] as number[]);
        const expected = exactSum(xs);
        expect(merged.valueOf()).toBe(expected);
        expect(mergedJson.valueOf()).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('partials are plain finite numbers (JSON round-trips exactly)', () => {
    fc.assert(
      fc.property(doubles, (xs) => {
        const parts = new ExactSum(xs).toJSON();
        for (const p of parts) expect(Number.isFinite(p)).toBe(true);
        expect(JSON.parse(JSON.stringify(parts))).toEqual(parts);
      }),
    );
  });
});

describe('addStats / addInto', () => {
  const row = (len: number) => fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: len, maxLength: len });
  const rows3 = fc.integer({ min: 0, max: 12 }).chain((len) => fc.tuple(row(len), row(len), row(len)));

  it('commutative for any finite numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }).chain((len) =>
          fc.tuple(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: len, maxLength: len }), fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: len, maxLength: len })),
        ),
        ([a, b]) => {
          expect(addStats(a, b)).toEqual(addStats(b, a));
        },
      ),
    );
  });

  // Exactly associative for count statistics (integers): float addition in general is not associative,
  // which is why float-valued sums go through ExactSum.
  it('associative on count rows, inputs not modified, addInto agrees', () => {
    fc.assert(
      fc.property(rows3, ([a, b, c]) => {
        const copies = [a.slice(), b.slice(), c.slice()];
        const left = addStats(addStats(a, b), c);
        expect(addStats(a, addStats(b, c))).toEqual(left);
        expect([a, b, c]).toEqual(copies);
        const acc = a.slice();
        addInto(acc, b);
        addInto(acc, c);
        expect(acc).toEqual(left);
      }),
    );
  });

  it('documented example and argument errors', () => {
    expect(addStats([3, 4, 2], [1, 1, 0])).toEqual([4, 5, 2]);
    expect(() => addStats([1, 2], [1])).toThrow(RangeError);
    expect(() => addStats('12' as unknown as number[], [1, 2])).toThrow(/addStats: a must be an array/);
  });
});
