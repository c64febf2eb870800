import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  corpusSquad,
  exactMatch,
  finalizeSquad,
  normalizeAnswer,
  SquadCache,
  squadSegmentStats,
  tokenF1,
} from '../../src/metrics/squad.js';
import { close, fixtureCases } from '../helpers/fixtures';

interface PerGroundTruth {
  exact_match: boolean;
  precision: number;
  recall: number;
  f1: number;
}
interface SquadCase {
  id: string;
  level: 'sentence' | 'corpus';
  prediction?: string;
  ground_truths?: string[];
  predictions?: string[];
  // corpus: one list per prediction
  expected: {
    exact_match: boolean | number;
    f1: number;
    normalized_prediction?: string;
    normalized_ground_truths?: string[];
    per_ground_truth?: PerGroundTruth[];
  };
}

const CASES: SquadCase[] = fixtureCases<SquadCase>('squad.jsonl');

function expectClose(a: number, b: number, what: string): void {
  if (!close(a, b)) expect.fail(`${what}: expected ${b}, got ${a}`);
}

const sentences = CASES.filter((c) => c.level === 'sentence');
const corpora = CASES.filter((c) => c.level === 'corpus');

describe('SQuAD v1.1 parity (test/fixtures/squad.jsonl)', () => {
  it('has both sentence and corpus cases', () => {
    expect(sentences.length).toBeGreaterThan(100);
    expect(corpora.length).toBeGreaterThan(5);
  });

  it.each(sentences.map((c) => [c.id, c] as const))('%s: tokenF1, exactMatch, normalizeAnswer', (_id, c) => {
    const p = c.prediction as string;
    const gts = c.ground_truths as string[];
    expectClose(tokenF1(p, gts).fmeasure, c.expected.f1, 'f1');
    expect(exactMatch(p, gts)).toBe(c.expected.exact_match ? 1 : 0);
    expect(normalizeAnswer(p)).toBe(c.expected.normalized_prediction);
    expect(gts.map(normalizeAnswer)).toEqual(c.expected.normalized_ground_truths);
    const per = c.expected.per_ground_truth as PerGroundTruth[];
    gts.forEach((gt, k) => {
      const e = per[k] as PerGroundTruth;
      const s = tokenF1(p, gt);
      expectClose(s.precision, e.precision, `precision[${k}]`);
      expectClose(s.recall, e.recall, `recall[${k}]`);
      expectClose(s.fmeasure, e.f1, `f1[${k}]`);
      expect(exactMatch(p, gt)).toBe(e.exact_match ? 1 : 0);
    });
  });

  it.each(corpora.map((c) => [c.id, c] as const))('%s: corpusSquad and the mean of sentence scores', (_id, c) => {
    const preds = c.predictions as string[];
    const gts = c.ground_truths as unknown as string[][];
    const r = corpusSquad(preds, gts);
    expectClose(r.f1, c.expected.f1, 'f1');
    expectClose(r.exactMatch, c.expected.exact_match as number, 'exact_match');
    // the way the external checker (shared/tools/parity.mjs) computes it
    const n = preds.length;
    const f1 = (preds.reduce((s, p, i) => s + tokenF1(p, gts[i] as string[]).fmeasure, 0) / n) * 100;
    const em = (preds.reduce((s, p, i) => s + exactMatch(p, gts[i] as string[]), 0) / n) * 100;
    expectClose(f1, c.expected.f1, 'mean f1');
    expectClose(em, c.expected.exact_match as number, 'mean exact_match');
  });
});

describe('normalizeAnswer follows Python 3.11 (Unicode 14.0), not JavaScript', () => {
  // Expected values computed with the official normalize_answer under Python 3.11.
  const table: [string, string][] = [
    ['Ωthe cat', 'ωthe cat'], // Greek letter is \w: "the" is not a whole word
    ['éthe', 'éthe'],
    ['the\u0301 cat', '\u0301 cat'], // a combining mark is not \w
    ['\u2460the', '\u2460the'], // circled digit one is numeric, so \w
    ['\u1c89the', '\u1c89'], // a letter of Unicode 16: unassigned (not \w, no lowercase) for Python 3.11
    ['\u0130stanbul', 'i\u0307stanbul'],
    ['a\u00a0an\u00a0the', ''],
    ['\ufeffthe', '\ufeff'], // BOM: neither white space nor \w
    ['the\u2028a\u0085an\u001cb', 'b'], // Python white space
    ['the_x', 'thex'], // "_" is punctuation, removed before the articles
    ['THE An a', ''],
    ['thea theá', 'thea theá'],
    ['\u{1d400}the', '\u{1d400}the'], // astral letter before "the"
    ['\u{10400}the', '\u{10428}the'], // astral uppercase letter, lowercased
    ['\u{105c0}the', '\u{105c0}'], // astral letter of Unicode 16
    ['the\u{1f600}', '\u{1f600}'],
    ['a\u2010the', '\u2010'],
    ['ΟΔΟΣ the', 'οδος'], // final sigma
    ['ΑΣ\u1c89', 'ας\u1c89'],
    ['\u212a the', 'k'], // Kelvin sign lowercases to ASCII k
  ];
  it.each(table)('normalizeAnswer(%j) is %j', (input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected);
  });
});

describe('tokenF1 and exactMatch', () => {
  it('count shared tokens as a multiset (clipped)', () => {
    // "new york new york" vs "new york": 2 shared of 4 and 2 -> P 0.5, R 1, F 2/3
    expect(tokenF1('New York New York', 'New York')).toEqual({ precision: 0.5, recall: 1, fmeasure: 2 / 3 });
  });

  it('pick the reference with the best F1, the first on ties', () => {
    const s = tokenF1('Santa Clara, California', ['California', 'Santa Clara', 'Clara California']);
    expect(s).toEqual({ precision: 2 / 3, recall: 1, fmeasure: 0.8 });
    // both references give F1 1/3 (P 1/3 R 1/3, and P 2/3 R 2/9): the first listed wins
    const tie = ['b y z', 'b c d e f g h i j'];
    expect(tokenF1('x b c', tie)).toEqual({ precision: 1 / 3, recall: 1 / 3, fmeasure: 1 / 3 });
    expect(tokenF1('x b c', [...tie].reverse()).precision).toBe(2 / 3);
  });

  it('give F1 0 but exact match 1 when both sides normalize to nothing', () => {
    expect(tokenF1('The', 'an')).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    expect(exactMatch('The', 'an')).toBe(1);
    expect(tokenF1('', '')).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    expect(exactMatch('', '')).toBe(1);
  });

  it('treat __proto__ and constructor as ordinary tokens', () => {
    expect(tokenF1('__proto__ constructor', 'proto constructor toString').fmeasure).toBe(0.8);
    expect(exactMatch('constructor', 'Constructor!')).toBe(1);
  });

  it('reject bad arguments with errors naming the function and argument', () => {
    expect(() => tokenF1(1 as unknown as string, 'a')).toThrow(/^tokenF1: prediction must be a string, got 1$/);
    expect(() => tokenF1('a', [])).toThrow(RangeError);
    expect(() => tokenF1('a', ['a', 2] as unknown as string[])).toThrow(/tokenF1: references\[1\] must be a string/);
    expect(() => exactMatch('a', null as unknown as string)).toThrow(/exactMatch: references/);
    expect(() => normalizeAnswer(undefined as unknown as string)).toThrow(TypeError);
    expect(() => corpusSquad(['a'], [])).toThrow(/corpusSquad: predictions and references must have the same length/);
    expect(() => corpusSquad(['a', 3] as unknown as string[], ['a', 'b'])).toThrow(/corpusSquad: predictions\[1\]/);
  });

  it('do not mutate frozen inputs', () => {
    const refs = Object.freeze(['The Broncos', 'Denver']);
    const preds = Object.freeze(['broncos']);
    const corpusRefs = Object.freeze([refs]);
    expect(tokenF1('broncos', refs).fmeasure).toBe(1);
    expect(corpusSquad(preds, corpusRefs)).toEqual({ exactMatch: 100, f1: 100 });
  });

  it('corpusSquad of nothing is 0, not NaN', () => {
    expect(corpusSquad([], [])).toEqual({ exactMatch: 0, f1: 0 });
    expect(finalizeSquad([0, 0, 0])).toEqual({ exactMatch: 0, f1: 0 });
  });
});

describe('laws (fast-check)', () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.array(fc.constantFrom('the', 'a', 'an', 'The', 'cat', 'Cat!', 'é', 'x_y', '__proto__', ' ', '\u00a0', ','), { maxLength: 8 }).map((w) => w.join(' ')),
  );
  const refs = fc.array(text, { minLength: 1, maxLength: 4 });

  it('scores are finite, in 0..1, and never throw on arbitrary Unicode', () => {
    fc.assert(
      fc.property(text, refs, (p, r) => {
        const s = tokenF1(p, r);
        for (const v of [s.precision, s.recall, s.fmeasure]) expect(v >= 0 && v <= 1).toBe(true);
        expect([0, 1]).toContain(exactMatch(p, r));
      }),
    );
  });

  it('identity: an answer matches itself', () => {
    fc.assert(
      fc.property(text, (p) => {
        expect(exactMatch(p, p)).toBe(1);
        expect(tokenF1(p, p).fmeasure).toBe(normalizeAnswer(p) === '' ? 0 : 1);
      }),
    );
  });

  it('symmetry: swapping prediction and reference swaps precision and recall, F1 unchanged', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ab = tokenF1(a, b);
        const ba = tokenF1(b, a);
        expect(ab.fmeasure).toBe(ba.fmeasure);
        expect(ab.precision).toBe(ba.recall);
        expect(exactMatch(a, b)).toBe(exactMatch(b, a));
      }),
    );
  });

  it('several references give the best single-reference score', () => {
    fc.assert(
      fc.property(text, refs, (p, r) => {
        expect(tokenF1(p, r).fmeasure).toBe(Math.max(...r.map((x) => tokenF1(p, x).fmeasure)));
        expect(exactMatch(p, r)).toBe(Math.max(...r.map((x) => exactMatch(p, x))));
      }),
    );
  });

  it('exact match implies F1 1 unless the answer normalizes to nothing', () => {
    fc.assert(
      fc.property(text, refs, (p, r) => {
        if (exactMatch(p, r) === 1) expect(tokenF1(p, r).fmeasure).toBe(normalizeAnswer(p) === '' ? 0 : 1);
      }),
    );
  });

  it('normalization is idempotent and yields no article and no double space', () => {
    fc.assert(
      fc.property(text, (p) => {
        const n = normalizeAnswer(p);
        expect(normalizeAnswer(n)).toBe(n);
        expect(n.split(' ')).not.toContain('the');
        expect(n).not.toMatch(/^ | $| {2}/);
      }),
    );
  });

  it('split-and-merge: summed segment rows give the corpus score; a corpus of one is the sentence score', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, refs), { maxLength: 12 }), fc.nat(), (segs, cut) => {
        const preds = segs.map((s) => s[0]);
        const rs = segs.map((s) => s[1]);
        const whole = corpusSquad(preds, rs);
        const k = segs.length === 0 ? 0 : cut % (segs.length + 1);
        const cache = new SquadCache();
        const sum = (part: [string, string[]][]): number[] =>
          part.reduce((acc, [p, r]) => acc.map((v, i) => v + (squadSegmentStats(p, r, cache)[i] as number)), [0, 0, 0]);
        const left = sum(segs.slice(0, k));
        const right = sum(segs.slice(k));
        const merged = finalizeSquad(left.map((v, i) => v + (right[i] as number)));
        expect(merged.exactMatch).toBe(whole.exactMatch);
        expect(close(merged.f1, whole.f1)).toBe(true);
        if (segs.length === 1) {
          const [p, r] = segs[0] as [string, string[]];
          expect(whole).toEqual({ exactMatch: 100 * exactMatch(p, r), f1: 100 * tokenF1(p, r).fmeasure });
        }
      }),
    );
  });
});
