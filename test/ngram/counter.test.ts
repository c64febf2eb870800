import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, maxCounts, NgramIndex, NgramMatcher, NgramSpace, overlap, OverlapCounter, overlapSorted, total, type Counts } from '../../src/ngram/counter';
import { Vocabulary } from '../../src/ngram/vocabulary';

// Oracles with string keys (fine in a test): an n-gram is the JSON of its token ids.
function oracleCounts(ids: readonly number[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= ids.length; i++) {
    const k = JSON.stringify(ids.slice(i, i + n));
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}
function oracleOverlap(a: Map<string, number>, b: Map<string, number>): number {
  let s = 0;
  for (const [k, v] of a) s += Math.min(v, b.get(k) ?? 0);
  return s;
}

// Small alphabets so that n-grams repeat and collide often.
const ids = fc.array(fc.nat({ max: 4 }), { maxLength: 40 });
const order = fc.integer({ min: 1, max: 5 });

describe('Vocabulary', () => {
  it('gives dense ids in order of first sight; word(id) inverts id(); find() never assigns', () => {
    const v = new Vocabulary();
    expect(v.find('x')).toBe(-1);
    expect([...v.ids(['the', '__proto__', 'constructor', 'the', 'toString', 'hasOwnProperty'])]).toEqual([0, 1, 2, 0, 3, 4]);
    expect(v.size).toBe(5);
    expect(v.word(1)).toBe('__proto__');
    expect(v.find('constructor')).toBe(2);
    expect(v.find('valueOf')).toBe(-1);
    expect(v.size).toBe(5);
    expect(() => v.word(99)).toThrow(RangeError);
  });
});

describe('NgramIndex', () => {
  it('interns pairs to dense ids in order of first sight, find() looks up without interning, across growth', () => {
    const idx = new NgramIndex();
    const seen = new Map<string, number>();
    // 5,000 distinct pairs force several table growths; each pair is also looked up again later.
    for (let r = 0; r < 2; r++) {
      for (let p = 0; p < 100; p++) {
        for (let t = 0; t < 50; t++) {
          const id = idx.extend(p * 7919, t);
          const key = `${p},${t}`;
          if (r === 0) {
            expect(id).toBe(seen.size);
            seen.set(key, id);
          } else expect(id).toBe(seen.get(key));
        }
      }
    }
    expect(idx.size).toBe(5000);
    expect(idx.find(3 * 7919, 7)).toBe(seen.get('3,7'));
    expect(idx.find(1, 7)).toBe(-1);
    expect(idx.find(-1, 0)).toBe(-1);
    expect(idx.size).toBe(5000);
  });
});

describe('NgramSpace.ladder', () => {
  it('orders 1..N: lengths len − n + 1, and equal ids exactly for equal n-grams, across segments', () => {
    fc.assert(
      fc.property(ids, ids, order, (a, b, maxOrder) => {
        const space = new NgramSpace();
        const la = space.ladder(a, maxOrder);
        const lb = space.ladder(b, maxOrder);
        expect(la.length).toBe(maxOrder);
        for (let n = 1; n <= maxOrder; n++) {
          const ga = la[n - 1] as Int32Array;
          const gb = lb[n - 1] as Int32Array;
          expect(ga.length).toBe(Math.max(0, a.length - n + 1));
          // Id equality ⇔ n-gram equality, within and across the two segments.
          const keys = [...[...ga].map((_, i) => JSON.stringify(a.slice(i, i + n))), ...[...gb].map((_, i) => JSON.stringify(b.slice(i, i + n)))];
          const gramIds = [...ga, ...gb];
          for (let i = 0; i < keys.length; i++) {
            for (let j = i + 1; j < keys.length; j++) expect(gramIds[i] === gramIds[j]).toBe(keys[i] === keys[j]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('count / total / overlap / maxCounts', () => {
  it('Σ counts = len − n + 1 (or 0), and count matches the oracle n-gram by n-gram', () => {
    fc.assert(
      fc.property(ids, order, (a, n) => {
        const space = new NgramSpace();
        const grams = space.ladder(a, n)[n - 1] as Int32Array;
        const c = count(grams);
        expect(total(c)).toBe(Math.max(0, a.length - n + 1));
        expect([...c.values()].sort()).toEqual([...oracleCounts(a, n).values()].sort());
      }),
    );
  });

  it('overlap is symmetric, at most each total, and equals Σ min(counts)', () => {
    fc.assert(
      fc.property(ids, ids, order, (a, b, n) => {
        const space = new NgramSpace();
        const ca = count(space.ladder(a, n)[n - 1] as Int32Array);
        const cb = count(space.ladder(b, n)[n - 1] as Int32Array);
        const o = overlap(ca, cb);
        expect(overlap(cb, ca)).toBe(o);
        expect(o).toBeLessThanOrEqual(total(ca));
        expect(o).toBeLessThanOrEqual(total(cb));
        expect(o).toBe(oracleOverlap(oracleCounts(a, n), oracleCounts(b, n)));
        expect(overlap(ca, ca)).toBe(total(ca));
      }),
    );
  });

  it('maxCounts is, per n-gram, the maximum over the inputs (≥ each input), over the union of keys', () => {
    const countsArb = fc.array(fc.array(fc.tuple(fc.nat({ max: 6 }), fc.integer({ min: 1, max: 5 })), { maxLength: 6 }).map((pairs) => new Map(pairs) as Counts), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(countsArb, (list) => {
        const snapshot = list.map((c) => [...c]);
        const m = maxCounts(list);
        const keys = new Set(list.flatMap((c) => [...c.keys()]));
        expect(new Set(m.keys())).toEqual(keys);
        for (const k of keys) {
          const vals = list.map((c) => c.get(k) ?? 0);
          for (const v of vals) expect(m.get(k) as number).toBeGreaterThanOrEqual(v);
          expect(m.get(k)).toBe(Math.max(...vals));
        }
        expect(list.map((c) => [...c])).toEqual(snapshot); // inputs untouched
      }),
    );
  });

  it('clipping: a hypothesis repeating a word gets credit only up to the reference count', () => {
    const v = new Vocabulary();
    const hyp = count(v.ids(['the', 'the', 'the', 'the']));
    const ref = count(v.ids(['the', 'cat', 'the', 'mat']));
    expect(overlap(hyp, ref)).toBe(2);
    expect(overlap(hyp, maxCounts([ref, count(v.ids(['the', 'the', 'the']))]))).toBe(3);
  });
});

describe('OverlapCounter, NgramMatcher, overlapSorted agree with overlap(count(a), count(b))', () => {
  it('OverlapCounter, reused across calls', () => {
    const counter = new OverlapCounter();
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 300 }), { maxLength: 40 }), fc.array(fc.nat({ max: 300 }), { maxLength: 40 }), (a, b) => {
        const o = counter.overlap(a, b);
        expect(o).toBe(overlap(count(a), count(b)));
        expect(counter.overlap(b, a)).toBe(o);
      }),
    );
  });

  it('NgramMatcher, reused across calls: the clipped n-gram overlap, or -1 when its work bound is hit', () => {
    const matcher = new NgramMatcher();
    fc.assert(
      fc.property(ids, ids, order, (a, b, n) => {
        const o = matcher.overlap(a, b, n);
        const expected = oracleOverlap(oracleCounts(a, n), oracleCounts(b, n));
        if (o !== -1) expect(o).toBe(expected);
        expect(matcher.overlap(a, b, n, Number.MAX_SAFE_INTEGER)).toBe(expected);
      }),
    );
  });

  it('overlapSorted on sorted keys', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 8 }), { maxLength: 30 }), fc.array(fc.nat({ max: 8 }), { maxLength: 30 }), (a, b) => {
        const sa = a.slice().sort((x, y) => x - y);
        const sb = b.slice().sort((x, y) => x - y);
        expect(overlapSorted(sa, sb)).toBe(overlap(count(a), count(b)));
      }),
    );
  });
});
