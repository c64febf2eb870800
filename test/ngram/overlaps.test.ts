import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extend, NgramMatcher, OverlapCounter } from '../../src/ngram/counter';

/** Clipped overlap of the n-grams of two id sequences, by string keys (an independent oracle). */
function oracle(a: readonly number[], b: readonly number[], n: number): number {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= a.length; i++) {
    const k = a.slice(i, i + n).join(',');
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let s = 0;
  for (let i = 0; i + n <= b.length; i++) {
    const k = b.slice(i, i + n).join(',');
    const c = counts.get(k) ?? 0;
    if (c > 0) {
      counts.set(k, c - 1);
      s++;
    }
  }
  return s;
}

// Small alphabets make repeated n-grams (the clipping) common.
const ids = (alphabet: number, max = 40) => fc.array(fc.nat(alphabet - 1), { maxLength: max });

describe('NgramMatcher.overlaps', () => {
  it('gives the clipped overlap of every order 1..maxN, as overlap() and a string-keyed count do', () => {
    const m = new NgramMatcher();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), ids(4), ids(4), (maxN, a, b) => {
        const out: number[] = [];
        expect(m.overlaps(a, b, maxN, out)).toBe(true);
        expect(out.length).toBe(maxN);
        for (let n = 1; n <= maxN; n++) {
          expect(out[n - 1]).toBe(oracle(a, b, n));
          expect(m.overlap(a, b, n)).toBe(out[n - 1]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is symmetric and bounded by the smaller count, with large ids and one matcher reused', () => {
    const m = new NgramMatcher();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 30 }), ids(3, 30), (a, b0) => {
        const b = b0.map((x) => x * 1000);
        const ab: number[] = [];
        const ba: number[] = [];
        m.overlaps(a, b, 3, ab);
        m.overlaps(b, a, 3, ba);
        expect(ab).toEqual(ba);
        for (let n = 1; n <= 3; n++) expect(ab[n - 1]).toBeLessThanOrEqual(Math.max(0, Math.min(a.length, b.length) - n + 1));
      }),
      { numRuns: 200 },
    );
  });

  it('identity: a text against itself matches all its n-grams', () => {
    const m = new NgramMatcher();
    const a = [1, 2, 1, 2, 1, 3, 3, 3];
    const out: number[] = [];
    m.overlaps(a, a, 4, out);
    expect(out).toEqual([8, 7, 6, 5]);
  });

  it('on a highly repetitive text reports that orders >= 2 exceeded the work bound, unigrams still exact', () => {
    const m = new NgramMatcher();
    const a = new Array<number>(3000).fill(7);
    const b = new Array<number>(2000).fill(7);
    const out: number[] = [];
    expect(m.overlaps(a, b, 2, out, 10_000)).toBe(false);
    expect(out[0]).toBe(2000);
    // The matcher is left clean: a normal call afterwards is exact.
    expect(m.overlaps([1, 2, 3], [2, 3, 1], 2, out)).toBe(true);
    expect(out).toEqual([3, 1]);
  });

  it('empty sides give zeros for every order', () => {
    const out = [9, 9, 9];
    expect(new NgramMatcher().overlaps([], [1, 2], 3, out)).toBe(true);
    expect(out).toEqual([0, 0, 0]);
  });
});

describe('extend', () => {
  it('keeps the entries, adds zeros and returns the same array when it is long enough', () => {
    const a = [5, 6];
    const b = extend(a, 5);
    expect(b.slice(0, 2)).toEqual([5, 6]);
    expect(b.length).toBeGreaterThanOrEqual(5);
    expect(b.slice(2).every((x) => x === 0)).toBe(true);
    expect(extend(b, 3)).toBe(b);
  });

  it('OverlapCounter.reserve then overlap equals the unreserved count', () => {
    fc.assert(
      fc.property(ids(50), ids(50), fc.nat(100), (a, b, size) => {
        const c = new OverlapCounter();
        c.reserve(size);
        expect(c.overlap(a, b)).toBe(oracle(a, b, 1));
        expect(new OverlapCounter().overlap(a, b)).toBe(oracle(a, b, 1));
      }),
      { numRuns: 200 },
    );
  });
});
