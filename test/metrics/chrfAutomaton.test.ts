import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RefAutomaton } from '../../src/metrics/chrf/refAutomaton';

/** Σ over n-grams of min(count in a, count in b), per order, by string keys. */
function naiveOverlap(a: readonly number[], b: readonly number[], maxOrder: number): number[] {
  const out: number[] = [];
  for (let n = 1; n <= maxOrder; n++) {
    const count = (s: readonly number[]) => {
      const m = new Map<string, number>();
      for (let i = 0; i + n <= s.length; i++) {
        const k = s.slice(i, i + n).join(',');
        m.set(k, (m.get(k) ?? 0) + 1);
      }
      return m;
    };
    const ca = count(a);
    const cb = count(b);
    let s = 0;
    for (const [k, v] of ca) s += Math.min(v, cb.get(k) ?? 0);
    out.push(s);
  }
  return out;
}

/** Distinct n-grams of orders 1..maxOrder. */
function distinct(a: readonly number[], maxOrder: number): number {
  const keys = new Set<string>();
  for (let n = 1; n <= maxOrder; n++) for (let i = 0; i + n <= a.length; i++) keys.add(`${n}:${a.slice(i, i + n).join(',')}`);
  return keys.size;
}

const codePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0) as number);

describe('RefAutomaton counts the clipped overlap of every order', () => {
  // Small alphabets force repeats; tokens from 0x800 up (astral code points, large word ids) take the table path
  // for unigrams too.
  const token = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0x7ff, 0x800, 0x10ffff, 70000, 0x7fffffff));
  const seq = fc.array(token, { maxLength: 60 });

  it('equals a string-keyed count, one reference against several hypotheses, references one after the other', () => {
    const a = new RefAutomaton();
    fc.assert(
      fc.property(fc.array(fc.tuple(seq, fc.array(seq, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 3 }), (groups) => {
        for (const [ref, hyps, order] of groups) {
          a.build(Int32Array.from(ref), ref.length, order);
          expect(a.size).toBeLessThanOrEqual(distinct(ref, order)); // only the n-grams shared, and the first unique ones
          for (const hyp of hyps) {
            const out = new Int32Array(order);
            a.match(Int32Array.from(hyp), hyp.length, out);
            expect(Array.from(out)).toEqual(naiveOverlap(hyp, ref, order));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('equals a string-keyed count on code points of arbitrary text (astral characters, repeats)', () => {
    const a = new RefAutomaton();
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: fc.constantFrom('a', 'b', 'é', '😀', '\u{10d50}'), maxLength: 50 }));
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 7 }), (r, h, order) => {
        const ref = codePoints(r);
        const hyp = codePoints(h);
        a.build(ref, ref.length, order);
        const out = new Int32Array(order);
        a.match(hyp, hyp.length, out);
        expect(Array.from(out)).toEqual(naiveOverlap(hyp, ref, order));
      }),
      { numRuns: 300 },
    );
  });

  it('handles long sequences (table and buffers grow) and high orders', () => {
    const a = new RefAutomaton();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 500, maxLength: 3000 }), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3000 }), fc.constantFrom(1, 6, 40), (r, h, order) => {
        a.build(Int32Array.from(r), r.length, order);
        const out = new Int32Array(order);
        a.match(Int32Array.from(h), h.length, out);
        expect(Array.from(out)).toEqual(naiveOverlap(h, r, order));
      }),
      { numRuns: 12 },
    );
  });

  it('matches nothing against an empty reference, and reads only the lengths given', () => {
    const a = new RefAutomaton();
    a.build(new Int32Array(0), 0, 6);
    const out = new Int32Array(6);
    a.match(Int32Array.of(1, 2, 3), 3, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0, 0, 0]);
    a.build(Int32Array.of(1, 2, 3, 9, 9), 3, 2);
    a.match(Int32Array.of(1, 2, 9, 9), 2, out);
    expect(Array.from(out)).toEqual([2, 1, 0, 0, 0, 0]);
  });
});
