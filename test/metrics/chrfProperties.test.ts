import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ChrfContext,
  chrfSegmentStats,
  corpusChrf,
  finalizeChrf,
  resolveChrfOptions,
  sentenceChrf,
  type ChrfOptions,
  type ResolvedChrfOptions,
} from '../../src/metrics/chrf';
import { pyLower } from '../../src/internal/pyLower';
import { addStats } from '../../src/aggregate/stats';
import { chrfWordsRef, pySplitRef } from '../helpers/python';

// ---------------------------------------------------------------------------------------------------------
// A deliberately naive chrF, written from sacrebleu 2.6.0's description (chrf.py / helpers.py): string-keyed
// counters per order, nothing shared with the implementation except pyLower (tested on its own) and the final
// F-score (checked by the fixture parity test). The fast implementation must give the same statistics.



function counter(items: string[][], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const seq of items) {
    for (let i = 0; i + n <= seq.length; i++) {
      const k = JSON.stringify(seq.slice(i, i + n));
      m.set(k, (m.get(k) ?? 0) + 1);
    }
  }
  return m;
}

function orderStats(h: Map<string, number>, r: Map<string, number>): number[] {
  let hyp = 0;
  let match = 0;
  let ref = 0;
  for (const [k, c] of h) {
    hyp += c;
    match += Math.min(c, r.get(k) ?? 0);
  }
  for (const c of r.values()) ref += c;
  return [r.size > 0 ? hyp : 0, ref, match];
}

function naiveStats(hypothesis: string, references: string[], o: ResolvedChrfOptions): number[] {
  const prep = (s: string) => (o.lowercase ? pyLower(s) : s);
  const chars = (s: string) => Array.from(o.whitespace ? s : pySplitRef(s).join(''));
  const h = prep(hypothesis);
  let best: number[] = [];
  let bestF = -1;
  for (const refRaw of references) {
    const r = prep(refRaw);
    const row: number[] = [];
    for (let n = 1; n <= o.charOrder; n++) row.push(...orderStats(counter([chars(h)], n), counter([chars(r)], n)));
    for (let n = 1; n <= o.wordOrder; n++) row.push(...orderStats(counter([chrfWordsRef(h)], n), counter([chrfWordsRef(r)], n)));
    const f = finalizeChrf(row, o).score;
    if (f > bestF) {
      bestF = f;
      best = row;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------

/** Text from a small alphabet, so that n-grams repeat and match; with the characters that are traps. */
const TRICKY = [...'ab c.(Σ)', 'é', 'İ', '😀', '\u00a0', '\ufeff', '\u0085', '\u1c89', '\u{10d50}', '\t', '_', '\ud800'];
const trickyText = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 40 });
const anyText = fc.oneof(trickyText, fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 30 }));
const options: fc.Arbitrary<ChrfOptions> = fc.record(
  {
    charOrder: fc.integer({ min: 1, max: 8 }),
    wordOrder: fc.integer({ min: 0, max: 3 }),
    beta: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 5, noNaN: true })),
    lowercase: fc.boolean(),
    whitespace: fc.boolean(),
    epsSmoothing: fc.boolean(),
  },
  { requiredKeys: [] },
);
const refList = fc.array(anyText, { minLength: 1, maxLength: 3 });

describe('chrF statistics equal a naive string-keyed implementation of sacrebleu 2.6.0', () => {
  it('chrfSegmentStats(hypothesis, references) on tricky and arbitrary Unicode', () => {
    fc.assert(
      fc.property(anyText, refList, options, (h, refs, opts) => {
        const o = resolveChrfOptions('test', opts);
        expect(chrfSegmentStats(h, refs, o)).toEqual(naiveStats(h, refs, o));
      }),
      { numRuns: 400 },
    );
  });

  it('longer texts (table growth, long repeats)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'ä', '€', '𝄞'), minLength: 200, maxLength: 900 }), fc.string({ unit: fc.constantFrom('a', 'b', ' ', '€'), minLength: 0, maxLength: 900 }), (h, r) => {
        const o = resolveChrfOptions('test', { wordOrder: 2 });
        expect(chrfSegmentStats(h, r, o)).toEqual(naiveStats(h, [r], o));
      }),
      { numRuns: 30 },
    );
  });
});

describe('chrF laws', () => {
  it('score is finite and in [0, 100], and never NaN, on arbitrary Unicode', () => {
    fc.assert(
      fc.property(anyText, refList, options, (h, refs, opts) => {
        const s = sentenceChrf(h, refs, opts).score;
        expect(Number.isFinite(s)).toBe(true);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('identity gives exactly 100 for text with a non-white-space character (without eps smoothing)', () => {
    fc.assert(
      fc.property(anyText.filter((t) => pySplitRef(t).length > 0), options, (t, opts) => {
        expect(sentenceChrf(t, t, { ...opts, epsSmoothing: false }).score).toBe(100);
      }),
    );
  });

  it('clipping: matches never exceed either side, per order', () => {
    fc.assert(
      fc.property(anyText, refList, options, (h, refs, opts) => {
        const row = chrfSegmentStats(h, refs, resolveChrfOptions('test', opts));
        for (let k = 0; k < row.length; k += 3) {
          expect(row[k + 2]).toBeLessThanOrEqual(Math.min(row[k] as number, row[k + 1] as number));
        }
      }),
    );
  });

  it('swapping hypothesis and single reference swaps the hyp and ref counts; with beta 1 the score is the same', () => {
    fc.assert(
      fc.property(anyText, anyText, options, (a, b, opts) => {
        const o = resolveChrfOptions('test', { ...opts, beta: 1 });
        const ab = chrfSegmentStats(a, b, o);
        const ba = chrfSegmentStats(b, a, o);
        for (let k = 0; k < ab.length; k += 3) {
          expect(ba[k + 2]).toBe(ab[k + 2]); // the clipped overlap is symmetric
          // Counts swap wherever both sides have n-grams of the order (otherwise the hyp count is reported as 0).
          if ((ab[k] as number) > 0 && (ab[k + 1] as number) > 0) expect([ba[k + 1], ba[k]]).toEqual([ab[k], ab[k + 1]]);
          else expect((ba[k] as number) * (ba[k + 1] as number)).toBe(0);
        }
        const x = finalizeChrf(ab, o).score;
        const y = finalizeChrf(ba, o).score;
        expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-12 * Math.max(1, x));
      }),
    );
  });

  it('a corpus is the element-wise sum of its segments, and any split merges to the same result exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, refList), { minLength: 1, maxLength: 8 }), fc.nat(), options, (pairs, cut, opts) => {
        const hyps = pairs.map((p) => p[0]);
        const refs = pairs.map((p) => p[1]);
        const o = resolveChrfOptions('test', opts);
        const whole = corpusChrf(hyps, refs, opts);
        const rows = pairs.map(([h, r]) => chrfSegmentStats(h, r, o));
        expect(whole.stats).toEqual(rows.reduce((a, b) => addStats(a, b)));
        const k = cut % (pairs.length + 1);
        const left = corpusChrf(hyps.slice(0, k), refs.slice(0, k), opts).stats;
        const right = corpusChrf(hyps.slice(k), refs.slice(k), opts).stats;
        const merged = addStats(left, right);
        expect(merged).toEqual(whole.stats);
        const nrefs = new Set(refs.map((r) => r.length)).size === 1 ? (refs[0] as string[]).length : 'var';
        expect(finalizeChrf(merged, o, nrefs)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('a corpus whose references repeat (scored grouped by reference string) equals the sum of naive rows', () => {
    // A few references reused in any order, alone (as a string or a one-element list) or among several.
    const segment = (pool: string[]) =>
      fc.tuple(
        anyText,
        fc.oneof(
          fc.nat(pool.length - 1).map((i) => pool[i] as string),
          fc.nat(pool.length - 1).map((i) => [pool[i] as string]),
          fc.array(fc.nat(pool.length - 1), { minLength: 1, maxLength: 3 }).map((ix) => ix.map((i) => pool[i] as string)),
        ),
      );
    const corpus = fc.array(anyText, { minLength: 1, maxLength: 4 }).chain((pool) => fc.array(segment(pool), { minLength: 1, maxLength: 12 }));
    fc.assert(
      fc.property(corpus, options, (pairs, opts) => {
        const o = resolveChrfOptions('test', opts);
        const whole = corpusChrf(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
          opts,
        );
        const rows = pairs.map(([h, r]) => naiveStats(h, typeof r === 'string' ? [r] : r, o));
        expect(whole.stats).toEqual(rows.reduce((a, b) => addStats(a, b)));
      }),
      { numRuns: 150 },
    );
  });

  it('calls one after the other each equal the naive statistics, whatever the options (a large reference among them)', () => {
    const big = 'ab '.repeat(3000) + 'x';
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, refList, options, fc.boolean()), { minLength: 1, maxLength: 6 }), (calls) => {
        for (const [h, refs, opts, huge] of calls) {
          const o = resolveChrfOptions('test', opts);
          const r = huge ? [big, ...refs] : refs;
          expect(sentenceChrf(h, r, opts).stats).toEqual(naiveStats(h, r, o));
          expect(corpusChrf([h, h], [r, r], opts).stats).toEqual(addStats(naiveStats(h, r, o), naiveStats(h, r, o)));
        }
      }),
      { numRuns: 15 },
    );
  });

  it('sentenceChrf equals corpusChrf of a one-segment corpus', () => {
    fc.assert(
      fc.property(anyText, refList, options, (h, refs, opts) => {
        expect(sentenceChrf(h, refs, opts)).toEqual(corpusChrf([h], [refs], opts));
      }),
    );
  });

  it('a context reused across segments (with or without the corpus known in advance) gives the same rows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(trickyText, fc.array(trickyText, { minLength: 1, maxLength: 2 })), { minLength: 1, maxLength: 12 }), options, (pairs, opts) => {
        const o = resolveChrfOptions('test', opts);
        const repeated = [...pairs, ...pairs]; // references seen again: cached
        const known = new ChrfContext(o, repeated.map((p) => p[1]));
        const streaming = new ChrfContext(o);
        for (const [h, r] of repeated) {
          const fresh = chrfSegmentStats(h, r, o);
          expect(chrfSegmentStats(h, r, o, known)).toEqual(fresh);
          expect(chrfSegmentStats(h, r, o, streaming)).toEqual(fresh);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('inputs are not modified (frozen arrays are accepted)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, refList), { minLength: 1, maxLength: 4 }), options, (pairs, opts) => {
        const hyps = Object.freeze(pairs.map((p) => p[0]));
        const refs = Object.freeze(pairs.map((p) => Object.freeze([...p[1]])));
        const frozenOpts = Object.freeze({ ...opts });
        const before = JSON.stringify([hyps, refs, frozenOpts]);
        corpusChrf(hyps, refs, frozenOpts);
        sentenceChrf(hyps[0] as string, refs[0] as readonly string[], frozenOpts);
        expect(JSON.stringify([hyps, refs, frozenOpts])).toBe(before);
      }),
      { numRuns: 50 },
    );
  });
});

describe('chrF against sacrebleu 2.6.0 on hand-made traps', () => {
  // Expected values from sacrebleu 2.6.0 (Python 3.11): CHRF(**options).sentence_score(hypothesis, references)
  // and its segment statistics.
  const cases: { hypothesis: string; references: string[]; options: ChrfOptions; score: number; stats: number[] }[] = [
    // Garay letters are unassigned in Python 3.11's Unicode 14: lower() keeps them, JavaScript's maps them.
    { hypothesis: '\u{10d50}\u{10d51}\u{10d52} abc', references: ['\u{10d70}\u{10d71}\u{10d72} abc'], options: { lowercase: true }, score: 19.16666666666666, stats: [6, 6, 3, 5, 5, 2, 4, 4, 1, 3, 3, 0, 2, 2, 0, 1, 1, 0] },
    { hypothesis: '\u1c89X', references: ['\u1c8ax'], options: { lowercase: true }, score: 25.0, stats: [2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
    // Final sigma, and İ → i + U+0307.
    { hypothesis: 'ΟΔΟΣ ΟΔΟΣ.', references: ['οδος οδος.'], options: { lowercase: true, wordOrder: 2 }, score: 100.0, stats: [9, 9, 9, 8, 8, 8, 7, 7, 7, 6, 6, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2] },
    { hypothesis: 'İstanbul', references: ['i̇stanbul'], options: { lowercase: true }, score: 100.0, stats: [9, 9, 9, 8, 8, 8, 7, 7, 7, 6, 6, 6, 5, 5, 5, 4, 4, 4] },
    // Python white space (NBSP, EM SPACE, NEL) is removed; BOM is not white space.
    { hypothesis: 'a\u00a0b\u2003c\u0085d', references: ['abcd'], options: {}, score: 100.0, stats: [4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0] },
    { hypothesis: 'a\ufeffb', references: ['ab'], options: {}, score: 45.45454545454545, stats: [3, 2, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
    // An emoji is one character.
    { hypothesis: '😀😀x', references: ['😀x'], options: { charOrder: 2 }, score: 87.49999999999999, stats: [3, 2, 2, 2, 1, 1] },
    // One punctuation character split off: '(hi)' → '(hi', ')'.
    { hypothesis: '(hi) (hi)', references: ['(hi) hi'], options: { wordOrder: 2 }, score: 43.870664267015705, stats: [8, 6, 6, 7, 5, 4, 6, 4, 2, 5, 3, 1, 4, 2, 0, 3, 1, 0, 4, 3, 2, 3, 2, 1] },
    // Words that are Object.prototype names are ordinary words.
    { hypothesis: '__proto__ constructor hasOwnProperty', references: ['constructor __proto__ toString'], options: { wordOrder: 2 }, score: 57.02495153179721, stats: [34, 28, 24, 33, 27, 18, 32, 26, 16, 31, 25, 14, 30, 24, 12, 29, 23, 10, 4, 4, 3, 3, 3, 1] },
    { hypothesis: 'a b', references: ['a b'], options: { whitespace: true, charOrder: 3 }, score: 100.0, stats: [3, 3, 3, 2, 2, 2, 1, 1, 1] },
    // eps smoothing averages over all orders, so a one-character identity scores 100/6.
    { hypothesis: 'x', references: ['x'], options: { epsSmoothing: true }, score: 16.666666666666668, stats: [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
    // Several references: the best sentence score wins.
    { hypothesis: 'the cat', references: ['dog', 'the cat', 'the cat'], options: {}, score: 100.0, stats: [6, 6, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1] },
    { hypothesis: 'the cat', references: ['the dog', 'the bat'], options: { wordOrder: 1 }, score: 31.190476190476197, stats: [6, 6, 5, 5, 5, 3, 4, 4, 1, 3, 3, 0, 2, 2, 0, 1, 1, 0, 2, 2, 1] },
  ];
  it.each(cases.map((c) => [JSON.stringify([c.hypothesis, c.references, c.options]), c] as const))('%s', (_name, c) => {
    const r = sentenceChrf(c.hypothesis, c.references, c.options);
    expect(r.stats).toEqual(c.stats);
    expect(Math.abs(r.score - c.score)).toBeLessThanOrEqual(Math.max(1e-9 * c.score, 1e-15));
  });

  it('on ties between references the first one counts', () => {
    // 'ab' and 'ba' both score 0 against 'xy' at order > 1 and identically at order 1; the first row is kept.
    const o = resolveChrfOptions('test', { charOrder: 2 });
    expect(chrfSegmentStats('ab', ['abx', 'xab'], o)).toEqual([2, 3, 2, 1, 2, 1]);
    expect(chrfSegmentStats('ab', ['xab', 'abx'], o)).toEqual([2, 3, 2, 1, 2, 1]);
    expect(chrfSegmentStats('a', ['ab', 'abc'], resolveChrfOptions('test', { charOrder: 1 }))).toEqual([1, 2, 1]);
  });
});

describe('chrF results, names and signatures', () => {
  it('corpusChrf reports score, name, signature and the summed statistics', () => {
    const r = corpusChrf(['the cat sat on the mat', 'a dog'], ['the cat is on the mat', ['one dog', 'a dog!']], { wordOrder: 2 });
    // sacrebleu 2.6.0: CHRF(word_order=2).corpus_score(hyps, [['the cat is on the mat', 'one dog'], [None, 'a dog!']])
    expect(Math.abs(r.score - 65.07671743905976)).toBeLessThanOrEqual(1e-9 * 65.07671743905976);
    expect(r.name).toBe('chrF2++');
    expect(r.signature).toMatch(/^nrefs:var\|case:mixed\|eff:yes\|nc:6\|nw:2\|space:no\|version:nlg-metrics-\d+\.\d+\.\d+$/);
    expect(r.stats).toEqual([21, 21, 19, 19, 19, 15, 17, 17, 12, 15, 15, 9, 13, 13, 6, 12, 11, 4, 8, 9, 7, 6, 7, 4]);
  });

  it('names and signature fields follow the options', () => {
    const r = sentenceChrf('a', ['a', 'b'], { charOrder: 4, wordOrder: 3, beta: 1, lowercase: true, whitespace: true, epsSmoothing: true });
    expect(r.name).toBe('chrF1+++');
    expect(r.signature.replace(/\|version:.*$/, '')).toBe('nrefs:2|case:lc|eff:no|nc:4|nw:3|space:yes');
    expect(sentenceChrf('a', 'a', { beta: 0 }).name).toBe('chrF0');
  });

  it('empty and white-space-only inputs score 0, never NaN', () => {
    for (const [h, r] of [
      ['', ''],
      ['', 'the cat'],
      ['the cat', ''],
      [' \t\n', ' '],
      ['\u00a0', 'x'],
    ] as const) {
      for (const opts of [{}, { wordOrder: 2 }, { epsSmoothing: true }, { whitespace: true }]) {
        const s = sentenceChrf(h, r, opts).score;
        expect(Number.isNaN(s)).toBe(false);
        if (!(opts as ChrfOptions).whitespace || h.trim() === '' || r.trim() === '') expect(s).toBeLessThan(100);
      }
      expect(sentenceChrf(h, r).score).toBe(0);
    }
    expect(corpusChrf([], []).score).toBe(0);
    expect(corpusChrf([], []).signature).toMatch(/^nrefs:0\|/);
  });
});

describe('chrF argument checks', () => {
  const bad: [string, () => unknown, typeof TypeError | typeof RangeError, RegExp][] = [
    ['hypotheses not an array', () => corpusChrf('x' as never, []), TypeError, /corpusChrf: hypotheses must be/],
    ['lengths differ', () => corpusChrf(['a'], []), RangeError, /same length/],
    ['empty reference list', () => corpusChrf(['a'], [[]]), RangeError, /references\[0\]/],
    ['non-string hypothesis', () => corpusChrf([1 as never], ['a']), TypeError, /hypotheses\[0\] must be a string/],
    ['non-string reference', () => corpusChrf(['a'], [[1 as never]]), TypeError, /references\[0\]\[0\] must be a string/],
    ['sentence hypothesis', () => sentenceChrf(1 as never, 'a'), TypeError, /sentenceChrf: hypothesis must be a string/],
    ['sentence references', () => sentenceChrf('a', 1 as never), TypeError, /sentenceChrf: references must be/],
    ['sentence no reference', () => sentenceChrf('a', []), RangeError, /sentenceChrf: references/],
    ['charOrder 0', () => sentenceChrf('a', 'a', { charOrder: 0 }), RangeError, /options\.charOrder must be between 1 and/],
    ['charOrder 1.5', () => sentenceChrf('a', 'a', { charOrder: 1.5 }), TypeError, /options\.charOrder must be an integer/],
    ['wordOrder -1', () => corpusChrf(['a'], ['a'], { wordOrder: -1 }), RangeError, /options\.wordOrder/],
    ['beta negative', () => sentenceChrf('a', 'a', { beta: -1 }), RangeError, /options\.beta must be >= 0/],
    ['beta NaN', () => sentenceChrf('a', 'a', { beta: Number.NaN }), TypeError, /options\.beta must be a finite number/],
    ['beta Infinity', () => sentenceChrf('a', 'a', { beta: Number.POSITIVE_INFINITY }), TypeError, /options\.beta/],
    ['lowercase not boolean', () => sentenceChrf('a', 'a', { lowercase: 'yes' as never }), TypeError, /options\.lowercase must be a boolean/],
    ['unknown option', () => sentenceChrf('a', 'a', { char_order: 6 } as never), TypeError, /unknown option "char_order"/],
    ['options not an object', () => corpusChrf(['a'], ['a'], 'x' as never), TypeError, /options must be an object/],
    ['finalize wrong width', () => finalizeChrf([1, 2, 3], resolveChrfOptions('t', {})), RangeError, /finalizeChrf: stats must be an array of 18 numbers/],
    ['context of other options', () => chrfSegmentStats('a', 'a', resolveChrfOptions('t', {}), new ChrfContext(resolveChrfOptions('t', { beta: 1 }))), RangeError, /context/],
  ];
  it.each(bad)('%s', (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
