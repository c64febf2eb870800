import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LcsWorkspace } from '../../src/metrics/rouge/lcs';
import { NgramMatcher, TokenScratch } from '../../src/ngram/counter';

// The bit-parallel LCS against the plain dynamic program, on token ids, across the three ways columns are
// indexed: one word (≤ 32 columns), multi-word with a dense mask for every token (small tables), and
// multi-word with masks built per row from position chains (more than 16,384 words of masks: > 724 columns).

function table(r: readonly number[], c: readonly number[]): Int32Array[] {
  const t = Array.from({ length: r.length + 1 }, () => new Int32Array(c.length + 1));
  for (let i = 1; i <= r.length; i++) {
    const row = t[i]!;
    const up = t[i - 1]!;
    for (let j = 1; j <= c.length; j++) row[j] = r[i - 1] === c[j - 1] ? up[j - 1]! + 1 : Math.max(up[j]!, row[j - 1]!);
  }
  return t;
}

/** rouge-score's `_backtrack_norec`: the reference positions of its LCS (left when t[i][j-1] > t[i-1][j], else up). */
function backtrack(r: readonly number[], c: readonly number[]): number[] {
  const t = table(r, c);
  const out: number[] = [];
  let i = r.length;
  let j = c.length;
  while (i > 0 && j > 0) {
    if (r[i - 1] === c[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if (t[i]![j - 1]! > t[i - 1]![j]!) j--;
    else i--;
  }
  return out;
}

/** `_summary_level_lcs` hits: the union of each reference sentence's LCS positions, clipped by token counts. */
function modelUnion(refSents: number[][], hypSents: number[][]): number {
  const cr = new Map<number, number>();
  const ch = new Map<number, number>();
  for (const s of refSents) for (const x of s) cr.set(x, (cr.get(x) ?? 0) + 1);
  for (const s of hypSents) for (const x of s) ch.set(x, (ch.get(x) ?? 0) + 1);
  let hits = 0;
  for (const r of refSents) {
    const union = [...new Set(hypSents.flatMap((c) => backtrack(r, c)))].sort((a, b) => a - b);
    for (const i of union) {
      const x = r[i]!;
      if ((ch.get(x) ?? 0) > 0 && (cr.get(x) ?? 0) > 0) {
        hits++;
        ch.set(x, ch.get(x)! - 1);
        cr.set(x, cr.get(x)! - 1);
      }
    }
  }
  return hits;
}

function concat(sents: number[][]): { ids: number[]; starts: number[] } {
  const starts = [0];
  for (const s of sents) starts.push(starts.at(-1)! + s.length);
  return { ids: sents.flat(), starts };
}

const never = (cells: number) => new RangeError(`${cells}`);
/** Token ids from a small alphabet (many ties) or a large one (rare tokens). */
const seq = (min: number, max: number) =>
  fc.oneof(fc.array(fc.nat(3), { minLength: min, maxLength: max }), fc.array(fc.nat(60), { minLength: min, maxLength: max }));

/** n-gram counts of `x`, keyed by the joined ids (a naive oracle). */
function grams(x: readonly number[], n: number): Map<string, number> {
  const c = new Map<string, number>();
  for (let i = 0; i + n <= x.length; i++) c.set(x.slice(i, i + n).join(), (c.get(x.slice(i, i + n).join()) ?? 0) + 1);
  return c;
}

/** Naive clipped overlap: Σ over n-grams of min(count in x, count in y), string keys. */
function clipped(x: readonly number[], y: readonly number[], n: number): number {
  const cx = grams(x, n);
  let s = 0;
  for (const [k, v] of grams(y, n)) s += Math.min(v, cx.get(k) ?? 0);
  return s;
}

describe('LcsWorkspace', () => {
  it('lcsLength equals the dynamic program: one-word, dense and sparse multi-word columns', () => {
    const w = new LcsWorkspace();
    w.reserve(61);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(seq(0, 40), seq(0, 40)), fc.tuple(seq(33, 200), seq(33, 200)), fc.tuple(seq(730, 800), seq(730, 800)), fc.tuple(seq(730, 800), seq(40, 300))), ([a, b]) => {
        expect(w.lcsLength(a, b)).toBe(table(a, b)[a.length]![b.length]);
        expect(w.lcsLength(b, a)).toBe(table(a, b)[a.length]![b.length]);
      }),
      { numRuns: 60 },
    );
  });

  it('lcsAndGrams: the LCS and the clipped n-gram overlaps of every order in one pass (one and two words), -1 past 64', () => {
    const scratch = new TokenScratch();
    const w = new LcsWorkspace(scratch);
    w.reserve(61);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(seq(1, 40), seq(1, 80)), fc.tuple(seq(30, 70), seq(30, 70)), fc.tuple(seq(60, 90), seq(60, 90))), fc.integer({ min: 0, max: 9 }), ([a, b], maxN) => {
        for (const [x, y] of [[a, b], [b, a]] as const) {
          const out: number[] = [];
          const lcs = w.lcsAndGrams(x, y, maxN, out);
          if (Math.min(x.length, y.length) > 64) {
            expect(lcs).toBe(-1);
            continue;
          }
          expect(lcs).toBe(table(x, y)[x.length]![y.length]);
          expect(out).toEqual(Array.from({ length: maxN }, (_, g) => clipped(x, y, g + 1)));
        }
        expect(scratch.a.every((v) => v === 0) && scratch.b.every((v) => v === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("unionHits follows rouge-score's backtrack and clipping, with sentences of every column layout", () => {
    const w = new LcsWorkspace();
    w.reserve(61);
    const sents = (max: number) => fc.array(fc.oneof(seq(0, 30), seq(33, 120)), { minLength: 1, maxLength: max });
    fc.assert(
      fc.property(sents(4), sents(4), (refSents, hypSents) => {
        const r = concat(refSents);
        const h = concat(hypSents);
        expect(w.unionHits(r.ids, r.starts, h.ids, h.starts, 1e9, never)).toBe(modelUnion(refSents, hypSents));
      }),
      { numRuns: 150 },
    );
  });

  it('unionHits with a hypothesis sentence of more than 724 tokens (masks built per row)', () => {
    const w = new LcsWorkspace();
    w.reserve(61);
    fc.assert(
      fc.property(fc.array(seq(20, 200), { minLength: 1, maxLength: 2 }), seq(730, 800), (refSents, long) => {
        const r = concat(refSents);
        const h = concat([long, long.slice(0, 20)]);
        expect(w.unionHits(r.ids, r.starts, h.ids, h.starts, 1e9, never)).toBe(modelUnion(refSents, [long, long.slice(0, 20)]));
      }),
      { numRuns: 8 },
    );
  });

  it('shares its by-token scratch with an NgramMatcher: each leaves it zero for the other', () => {
    const scratch = new TokenScratch();
    const w = new LcsWorkspace(scratch);
    const m = new NgramMatcher(scratch);
    w.reserve(61);
    m.reserve(61);
    fc.assert(
      fc.property(fc.array(seq(1, 70), { minLength: 1, maxLength: 3 }), fc.array(seq(1, 70), { minLength: 1, maxLength: 3 }), (refSents, hypSents) => {
        const r = concat(refSents);
        const h = concat(hypSents);
        const out: number[] = [];
        m.overlaps(r.ids, h.ids, 2, out);
        expect(out).toEqual([clipped(r.ids, h.ids, 1), clipped(r.ids, h.ids, 2)]);
        expect(w.lcsLength(r.ids, h.ids)).toBe(table(r.ids, h.ids)[r.ids.length]![h.ids.length]);
        expect(w.unionHits(r.ids, r.starts, h.ids, h.starts, 1e9, never)).toBe(modelUnion(refSents, hypSents));
        expect(scratch.a.every((x) => x === 0) && scratch.b.every((x) => x === 0)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('unionHits throws the caller’s error for a table over the cell budget', () => {
    const w = new LcsWorkspace();
    w.reserve(3);
    // 3 reference rows × 3 hypothesis columns, charged as 64 columns (a row is a whole word): 192 cells.
    expect(() => w.unionHits([0, 1, 2], [0, 3], [2, 1, 0], [0, 3], 191, never)).toThrow(new RangeError('192'));
    // The workspace is clean afterwards.
    expect(w.lcsLength([0, 1, 2], [2, 1, 0])).toBe(1);
  });
});
