import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NgramIndex, NgramSpace } from '../../src/ngram/counter';

// The open-addressing NgramIndex that corpus BLEU relies on (ids in order of first sight, find never interns).

describe('NgramIndex', () => {
  it('gives ids 0, 1, 2, ... in order of first sight and the same id again', () => {
    const ix = new NgramIndex();
    expect(ix.extend(3, 4)).toBe(0);
    expect(ix.extend(4, 3)).toBe(1);
    expect(ix.extend(3, 4)).toBe(0);
    expect(ix.size).toBe(2);
  });
  it('find returns the id of an interned pair and -1 otherwise, without interning', () => {
    const ix = new NgramIndex();
    ix.extend(1, 2);
    expect(ix.find(1, 2)).toBe(0);
    expect(ix.find(2, 1)).toBe(-1);
    expect(ix.find(-1, 2)).toBe(-1);
    expect(ix.size).toBe(1);
  });
  it('agrees with a Map over many pairs, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })), { maxLength: 3000 }), (pairs) => {
        const ix = new NgramIndex();
        const m = new Map<string, number>();
        for (const [a, b] of pairs) {
          const k = `${a},${b}`;
          if (!m.has(k)) m.set(k, m.size);
          expect(ix.extend(a, b)).toBe(m.get(k));
        }
        expect(ix.size).toBe(m.size);
        for (const [a, b] of pairs) expect(ix.find(a, b)).toBe(m.get(`${a},${b}`));
      }),
      { numRuns: 30 },
    );
  });
  it('NgramSpace.ladder gives equal ids to equal n-grams', () => {
    const space = new NgramSpace();
    const [uni, bi, tri] = space.ladder([1, 2, 1, 2, 1], 3);
    expect(Array.from(uni as Int32Array)).toEqual([1, 2, 1, 2, 1]);
    const b = Array.from(bi as Int32Array);
    expect(b[0]).toBe(b[2]);
    expect(b[1]).toBe(b[3]);
    expect(b[0]).not.toBe(b[1]);
    const t = Array.from(tri as Int32Array);
    expect(t[0]).toBe(t[2]);
    expect(t).toHaveLength(3);
  });
});
