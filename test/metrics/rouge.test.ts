import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSum } from '../../src/aggregate/stats';
import {
  corpusRouge,
  corpusRougeBootstrap,
  createRougeScorer,
  finalizeRouge,
  resolveRougeOptions,
  rouge,
  RougeContext,
  rougeSegmentStats,
} from '../../src/metrics/rouge';
import type { RougeType } from '../../src/metrics/rouge';
import { rougeTokens } from '../../src/tokenize/rouge';

// ---------------------------------------------------------------------------------------------------------
// A plain, slow model of rouge-score 0.1.2 written from its documented algorithm (full DP tables, the
// `_backtrack_norec` walk, string-keyed counters), used as an oracle for the fast bit-parallel code.
// ---------------------------------------------------------------------------------------------------------
type S3 = { precision: number; recall: number; fmeasure: number };
const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const score = (hits: number, hyp: number, ref: number): S3 => {
  const precision = hits / Math.max(hyp, 1);
  const recall = hits / Math.max(ref, 1);
  return { precision, recall, fmeasure: f1(precision, recall) };
};
function table(ref: string[], can: string[]): number[][] {
  const t = Array.from({ length: ref.length + 1 }, () => new Array<number>(can.length + 1).fill(0));
  for (let i = 1; i <= ref.length; i++)
    for (let j = 1; j <= can.length; j++)
      t[i]![j] = ref[i - 1] === can[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  return t;
}
function backtrack(ref: string[], can: string[]): number[] {
  const t = table(ref, can);
  const out: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      out.unshift(i - 1);
      i--;
      j--;
    } else if (t[i]![j - 1]! > t[i - 1]![j]!) j--;
    else i--;
  }
  return out;
}
function ngramCount(toks: string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= toks.length; i++) {
    const k = JSON.stringify(toks.slice(i, i + n));
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}
function modelScore(type: string, ref: string, hyp: string, tok: (s: string) => string[]): S3 {
  if (type === 'rougeL') {
    const r = tok(ref);
    const h = tok(hyp);
    if (!r.length || !h.length) return score(0, 0, 0);
    return score(table(r, h)[r.length]![h.length]!, h.length, r.length);
  }
  if (type === 'rougeLsum') {
    const sents = (s: string) => s.split('\n').filter((x) => x.length > 0).map(tok);
    const rs = sents(ref);
    const hs = sents(hyp);
    const m = rs.reduce((a, s) => a + s.length, 0);
    const n = hs.reduce((a, s) => a + s.length, 0);
    if (!m || !n) return score(0, 0, 0);
    const cr = new Map<string, number>();
    const cc = new Map<string, number>();
    for (const s of rs) for (const t of s) cr.set(t, (cr.get(t) ?? 0) + 1);
    for (const s of hs) for (const t of s) cc.set(t, (cc.get(t) ?? 0) + 1);
    let hits = 0;
    for (const r of rs) {
      const union = [...new Set(hs.flatMap((c) => backtrack(r, c)))].sort((a, b) => a - b);
      for (const idx of union) {
        const t = r[idx]!;
        if ((cc.get(t) ?? 0) > 0 && (cr.get(t) ?? 0) > 0) {
          hits++;
          cc.set(t, cc.get(t)! - 1);
          cr.set(t, cr.get(t)! - 1);
        }
      }
    }
    return score(hits, n, m);
  }
  const n = Number(type.slice(5));
  const r = ngramCount(tok(ref), n);
  const h = ngramCount(tok(hyp), n);
  let hits = 0;
  for (const [k, c] of r) hits += Math.min(c, h.get(k) ?? 0);
  const tot = (c: Map<string, number>) => [...c.values()].reduce((a, b) => a + b, 0);
  return score(hits, tot(h), tot(r));
}
/** Skip-bigrams as ROUGE-1.5.5's createSkipBigram: pairs (i, j), j − i − 1 ≤ gap; -u adds unigrams of all but the last token. */
function modelSkip(ref: string[], hyp: string[], gap: number, unigrams: boolean): S3 {
  const grams = (toks: string[]) => {
    const m = new Map<string, number>();
    let count = 0;
    for (let i = 0; i < toks.length - 1; i++) {
      const add = (k: string) => {
        m.set(k, (m.get(k) ?? 0) + 1);
        count++;
      };
      if (unigrams) add(JSON.stringify([toks[i]]));
      for (let j = i + 1; j < toks.length && (gap < 0 || j <= i + gap + 1); j++) add(JSON.stringify([toks[i], toks[j]]));
    }
    return { m, count };
  };
  const r = grams(ref);
  const h = grams(hyp);
  let hits = 0;
  for (const [k, c] of r.m) hits += Math.min(c, h.m.get(k) ?? 0);
  return score(hits, h.count, r.count);
}

const plainTok = (s: string) => rougeTokens(s, false);
const sameScore = (a: S3 | undefined, b: S3) => {
  expect(a).toBeDefined();
  expect(a!.precision).toBe(b.precision);
  expect(a!.recall).toBe(b.recall);
  expect(a!.fmeasure).toBe(b.fmeasure);
};

// Texts over a tiny vocabulary, so LCS ties (where the backtrack's tie-break matters) are everywhere;
// lines up to 80 words so both the one-word and the multi-word bit-parallel paths run.
const word = fc.constantFrom('a', 'b', 'c', 'd', 'the', 'cat');
const line = fc.array(word, { maxLength: 80 }).map((w) => w.join(' '));
const text = fc.array(line, { minLength: 1, maxLength: 5 }).map((l) => l.join('\n'));
const ALL: RougeType[] = ['rouge1', 'rouge2', 'rouge3', 'rougeL', 'rougeLsum'];

describe('rouge against a plain model of rouge-score', () => {
  it('rouge1-3, rougeL and rougeLsum equal the full-table algorithm bit for bit', () => {
    fc.assert(
      fc.property(text, text, (hyp, ref) => {
        const got = rouge(hyp, ref, { types: ALL });
        for (const t of ALL) sameScore(got[t], modelScore(t, ref, hyp, plainTok));
      }),
      { numRuns: 300 },
    );
  });

  it('rougeLsum follows the backtrack on long single lines (multi-word rows, many ties)', () => {
    // Three words: every token is frequent (dense masks); forty words: most are rare (sparse positions).
    const few = fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 30, maxLength: 200 });
    const many = fc.array(fc.integer({ min: 0, max: 39 }).map((i) => `w${i}`), { minLength: 30, maxLength: 200 });
    const long = fc.oneof(few, many).map((w) => w.join(' '));
    const multi = fc.array(long, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(multi, multi, (hyp, ref) => {
        sameScore(rouge(hyp, ref, { types: ['rougeLsum'] }).rougeLsum, modelScore('rougeLsum', ref, hyp, plainTok));
        sameScore(rouge(hyp, ref, { types: ['rougeL'] }).rougeL, modelScore('rougeL', ref, hyp, plainTok));
      }),
      { numRuns: 120 },
    );
  });

  it('rouge-N stays exact on highly repetitive texts (where n-gram matching falls back to interning)', () => {
    const rep = fc
      .tuple(fc.integer({ min: 200, max: 700 }), fc.array(fc.constantFrom('a', 'b'), { maxLength: 30 }))
      .map(([k, tail]) => [...Array<string>(k).fill('a'), ...tail].join(' '));
    fc.assert(
      fc.property(rep, rep, (hyp, ref) => {
        const got = rouge(hyp, ref, { types: ['rouge1', 'rouge2', 'rouge3'] });
        for (const t of ['rouge1', 'rouge2', 'rouge3'] as const) sameScore(got[t], modelScore(t, ref, hyp, plainTok));
      }),
      { numRuns: 20 },
    );
  });

  it('the union LCS tie-break of the ROUGE paper example (Sec. 3.2) gives 4 hits', () => {
    // Reference w1..w5; candidates "w1 w2 w6 w7 w8" and "w1 w3 w8 w9 w5": union LCS w1 w2 w3 w5 → 4/5.
    const r = rouge('w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5', 'w1 w2 w3 w4 w5', { types: ['rougeLsum'] }).rougeLsum!;
    expect(r.recall).toBe(4 / 5);
    expect(r.precision).toBe(4 / 10);
  });

  it('skip-bigrams equal ROUGE-1.5.5 createSkipBigram counting', () => {
    const gapType = fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 6 }));
    fc.assert(
      fc.property(text, text, gapType, fc.boolean(), (hyp, ref, gap, su) => {
        const type = `rougeS${su ? 'U' : ''}${gap < 0 ? '*' : gap}` as RougeType;
        sameScore(rouge(hyp, ref, { types: [type] })[type], modelSkip(plainTok(ref), plainTok(hyp), gap, su));
      }),
      { numRuns: 200 },
    );
  });

  it('skip-bigrams reproduce the ROUGE paper example (Lin 2004, Sec. 4)', () => {
    const s1 = 'police killed the gunman';
    expect(rouge('police kill the gunman', s1, { types: ['rougeS*'] })['rougeS*']!.fmeasure).toBe(0.5);
    expect(rouge('the gunman kill police', s1, { types: ['rougeS*'] })['rougeS*']!.fmeasure).toBe(1 / 6);
    expect(rouge('the gunman police killed', s1, { types: ['rougeS*'] })['rougeS*']!.fmeasure).toBe(1 / 3);
    // SU (ROUGE-1.5.5 -U): + unigrams of all tokens but the last: police, the shared → (3 + 2) / (6 + 3).
    expect(rouge('police kill the gunman', s1, { types: ['rougeSU*'] })['rougeSU*']!.recall).toBe(5 / 9);
    // Gap 0 is the bigram: police-killed, killed-the, the-gunman vs police-kill, kill-the, the-gunman.
    expect(rouge('police kill the gunman', s1, { types: ['rougeS0'] }).rougeS0!.precision).toBe(1 / 3);
  });

  it('rougeS0 is rouge2 and a gap as long as the text is rougeS*', () => {
    fc.assert(
      fc.property(text, text, (hyp, ref) => {
        const r = rouge(hyp, ref, { types: ['rouge2', 'rougeS0', 'rougeS*', 'rougeS500'] });
        expect(r.rougeS0).toEqual(r.rouge2);
        expect(r.rougeS500).toEqual(r['rougeS*']);
      }),
      { numRuns: 100 },
    );
  });
});

describe('rouge properties', () => {
  const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), text);
  const types: RougeType[] = ['rouge1', 'rouge2', 'rouge9', 'rougeL', 'rougeLsum', 'rougeS4', 'rougeSU*'];

  it('P, R and F are finite and in [0, 1] on arbitrary Unicode, for every tokenizer', () => {
    fc.assert(
      fc.property(anyText, fc.array(anyText, { minLength: 1, maxLength: 3 }), fc.constantFrom('rouge', 'unicode', 'whitespace'), (h, refs, tok) => {
        const r = rouge(h, refs, { types, tokenizer: tok as 'rouge' });
        for (const t of types) {
          for (const v of Object.values(r[t]!)) {
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a text against itself scores 1 when it has tokens (n-grams when it has n tokens)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const toks = plainTok(t);
        const r = rouge(t, t, { types: ['rouge1', 'rouge2', 'rougeL', 'rougeLsum', 'rougeS4', 'rougeSU4'] });
        const want = (ok: boolean) => (ok ? 1 : 0);
        expect(r.rouge1!.fmeasure).toBe(want(toks.length >= 1));
        expect(r.rouge2!.fmeasure).toBe(want(toks.length >= 2));
        expect(r.rougeL!.fmeasure).toBe(want(toks.length >= 1));
        expect(r.rougeLsum!.fmeasure).toBe(want(toks.length >= 1));
        expect(r.rougeS4!.fmeasure).toBe(want(toks.length >= 2));
      }),
      { numRuns: 200 },
    );
  });

  it('empty and punctuation-only texts score 0, never NaN', () => {
    for (const [h, r] of [['', ''], ['', 'a b'], ['a b', ''], ['!!! ...', '?'], ['\n\n', 'a\n\nb'], ['  \r\n', 'x']]) {
      const s = rouge(h!, r!, { types });
      for (const t of types) expect(s[t]).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    }
  });

  it('clipping: repeating a hypothesis word beyond its reference count never raises rouge1 precision', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 5 }), (h, ref, extra) => {
        const toks = plainTok(h);
        fc.pre(toks.length > 0);
        const w = toks[0]!;
        const inRef = plainTok(ref).filter((x) => x === w).length;
        const inHyp = toks.filter((x) => x === w).length;
        fc.pre(inHyp >= inRef);
        const before = rouge(h, ref, { types: ['rouge1'] }).rouge1!;
        const after = rouge(`${h} ${Array(extra).fill(w).join(' ')}`, ref, { types: ['rouge1'] }).rouge1!;
        expect(after.precision).toBeLessThanOrEqual(before.precision);
        expect(after.recall).toBe(before.recall);
      }),
      { numRuns: 200 },
    );
  });

  it('swapping hypothesis and reference swaps precision and recall (rougeN, rougeL, skip-bigrams)', () => {
    const sym: RougeType[] = ['rouge1', 'rouge2', 'rouge4', 'rougeL', 'rougeS2', 'rougeS*'];
    fc.assert(
      fc.property(text, text, (a, b) => {
        const x = rouge(a, b, { types: sym });
        const y = rouge(b, a, { types: sym });
        for (const t of sym) {
          expect(x[t]!.precision).toBe(y[t]!.recall);
          expect(x[t]!.recall).toBe(y[t]!.precision);
          expect(x[t]!.fmeasure).toBe(y[t]!.fmeasure);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a corpus of one is the sentence score', () => {
    fc.assert(
      fc.property(text, fc.array(text, { minLength: 1, maxLength: 3 }), (h, refs) => {
        expect(corpusRouge([h], [refs], { types: ALL })).toEqual(rouge(h, refs, { types: ALL }));
      }),
      { numRuns: 100 },
    );
  });

  it('statistics split anywhere and merged give the corpus result exactly', () => {
    const seg = fc.tuple(text, fc.array(text, { minLength: 1, maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(seg, { minLength: 1, maxLength: 12 }), fc.nat(), (segs, cut) => {
        const o = resolveRougeOptions('test', { types: ALL });
        const k = cut % (segs.length + 1);
        // Two shards, each with its own context (as two workers would have), partials merged.
        const shard = (part: typeof segs) => {
          const ctx = new RougeContext(o, 'test');
          const sums = Array.from({ length: 3 * ALL.length }, () => new ExactSum());
          for (const [h, r] of part) rougeSegmentStats(h, r, o, ctx).forEach((v, i) => sums[i]!.add(v));
          return sums.map((s) => s.toJSON());
        };
        const a = shard(segs.slice(0, k));
        const b = shard(segs.slice(k));
        const merged = a.map((p, i) => new ExactSum(p).merge(b[i]!).valueOf());
        const whole = corpusRouge(segs.map((s) => s[0]), segs.map((s) => s[1]), { types: ALL });
        expect(finalizeRouge(merged, segs.length, o)).toEqual(whole);
        // The rows are plain JSON numbers.
        const row = rougeSegmentStats(segs[0]![0], segs[0]![1], o);
        expect(JSON.parse(JSON.stringify(row))).toEqual(row);
      }),
      { numRuns: 60 },
    );
  });

  it('multiReference max picks per type the first reference with the best F; mean averages', () => {
    fc.assert(
      fc.property(text, fc.array(text, { minLength: 1, maxLength: 4 }), (h, refs) => {
        const each = refs.map((r) => rouge(h, r, { types: ALL }));
        const max = rouge(h, refs, { types: ALL });
        const mean = rouge(h, refs, { types: ALL, multiReference: 'mean' });
        for (const t of ALL) {
          let best = 0;
          each.forEach((s, i) => {
            if (s[t]!.fmeasure > each[best]![t]!.fmeasure) best = i;
          });
          expect(max[t]).toEqual(each[best]![t]);
          for (const k of ['precision', 'recall', 'fmeasure'] as const) {
            expect(mean[t]![k]).toBeCloseTo(each.reduce((a, s) => a + s[t]![k], 0) / refs.length, 12);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('beta weighs recall: F-beta = (1 + β²)PR / (β²P + R)', () => {
    fc.assert(
      fc.property(text, text, fc.double({ min: 0.1, max: 5, noNaN: true }), (h, r, beta) => {
        const s = rouge(h, r, { types: ['rouge1'], beta }).rouge1!;
        const b2 = beta * beta;
        const want = b2 * s.precision + s.recall > 0 ? ((1 + b2) * s.precision * s.recall) / (b2 * s.precision + s.recall) : 0;
        expect(s.fmeasure).toBeCloseTo(want, 12);
        expect(rouge(h, r, { types: ['rouge1'], beta: 1 }).rouge1).toEqual(rouge(h, r, { types: ['rouge1'] }).rouge1);
      }),
      { numRuns: 100 },
    );
  });

  it('the stemmer gives the same scores as scoring the stemmed tokens of the rouge tokenizer', () => {
    const words = fc.constantFrom('running', 'runs', 'dying', 'skies', 'agreed', 'flies', 'cat', 'cats', 'news', 'the');
    const stext = fc.array(fc.array(words, { maxLength: 20 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'));
    const custom = { name: 'stemmed', tokenize: (t: string) => rougeTokens(t, true) };
    fc.assert(
      fc.property(stext, stext, (h, r) => {
        expect(rouge(h, r, { types: ALL, stemmer: true })).toEqual(rouge(h, r, { types: ALL, tokenizer: custom }));
      }),
      { numRuns: 100 },
    );
  });

  it('__proto__, constructor and toString are ordinary words', () => {
    const tok = { name: 'spaces', tokenize: (t: string) => t.split(/\s+/).filter(Boolean) };
    const r = rouge('__proto__ constructor toString x', '__proto__ constructor toString y', { types: ALL, tokenizer: tok });
    expect(r.rouge1).toEqual({ precision: 0.75, recall: 0.75, fmeasure: 0.75 });
    expect(r.rouge2!.recall).toBe(2 / 3);
    expect(r.rougeL!.recall).toBe(0.75);
    expect(r.rougeLsum!.recall).toBe(0.75);
    expect(rouge('constructor', 'toString', { tokenizer: tok }).rouge1!.fmeasure).toBe(0);
  });

  it('frozen inputs work and are left unchanged', () => {
    const hyps = Object.freeze(['the cat sat', 'a dog\nran']);
    const refs = Object.freeze([Object.freeze(['the cat sat down', 'a cat']), 'a dog ran']);
    const opts = Object.freeze({ types: Object.freeze(['rouge1', 'rougeLsum'] as RougeType[]), multiReference: 'mean' as const });
    const copy = JSON.stringify([hyps, refs, opts]);
    const c = corpusRouge(hyps, refs, opts);
    expect(c.rouge1!.fmeasure).toBeGreaterThan(0);
    corpusRougeBootstrap(hyps, refs, { ...opts, samples: 20 });
    rouge(hyps[0]!, refs[0]!, opts);
    expect(JSON.stringify([hyps, refs, opts])).toBe(copy);
  });

  it("'unicode' scores non-Latin scripts where rouge-score's tokenizer scores 0", () => {
    for (const t of ['Привет, как дела сегодня?', '我们今天去北京开会。', 'مرحبا بالعالم']) {
      expect(rouge(t, t, { tokenizer: 'unicode' }).rouge1!.fmeasure).toBe(1);
      expect(rouge(t, t, { tokenizer: 'unicode' }).rougeL!.fmeasure).toBe(1);
      expect(rouge(t, t).rouge1).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    }
    expect(rouge('кошка сидит', 'кошка спит', { tokenizer: 'unicode', types: ['rouge1'] }).rouge1!.fmeasure).toBe(0.5);
  });

  it('the result keys are the requested types in order, repeated names once', () => {
    expect(Object.keys(rouge('a', 'a'))).toEqual(['rouge1', 'rouge2', 'rougeL', 'rougeLsum']);
    expect(Object.keys(rouge('a', 'a', { types: ['rougeL', 'rouge3', 'rougeL'] }))).toEqual(['rougeL', 'rouge3']);
    // rouge-score returns {} for no types; we refuse, so a threshold check cannot pass on an empty result.
    expect(() => rouge('a', 'a', { types: [] })).toThrow(RangeError);
    expect(corpusRouge([], [], { types: ['rouge1'] })).toEqual({ rouge1: { precision: 0, recall: 0, fmeasure: 0 } });
  });
});

describe('rouge errors', () => {
  it('rejects bad hypotheses and references, naming the argument', () => {
    expect(() => rouge(1 as unknown as string, 'a')).toThrow(new TypeError('rouge: hypothesis must be a string, got 1'));
    expect(() => rouge('a', [] as string[])).toThrow(RangeError);
    expect(() => rouge('a', [])).toThrow(/references/);
    expect(() => rouge('a', ['b', null as unknown as string])).toThrow(/references\[1\]/);
    expect(() => rouge('a', 5 as unknown as string)).toThrow(TypeError);
    expect(() => corpusRouge(['a'], [])).toThrow(RangeError);
    expect(() => corpusRouge(['a', 3 as unknown as string], ['a', 'b'])).toThrow(/hypotheses\[1\]/);
    expect(() => corpusRouge(['a'], [[]])).toThrow(/references\[0\]/);
    expect(() => corpusRouge('a' as unknown as string[], ['a'])).toThrow(TypeError);
  });

  it('rejects unknown types as rouge-score does (rouge0, rouge10, rougeX) and odd names', () => {
    expect(() => rouge('a', 'a', { types: ['rouge0'] as RougeType[] })).toThrow(/^rouge: options\.types\[0\] must be .*got "rouge0"$/);
    expect(() => rouge('a', 'a', { types: ['rouge1', 'rouge10'] as RougeType[] })).toThrow(/options\.types\[1\]/);
    for (const bad of ['rougeX', 'rouge', 'ROUGE1', 'rougel', 'rougeLSum', 'rougeS', 'rougeS-1', 'rougeSU', 'rougeS01', 'rougeW']) {
      expect(() => rouge('a', 'a', { types: [bad] as RougeType[] }), bad).toThrow(RangeError);
    }
    expect(() => rouge('a', 'a', { types: [1] as unknown as RougeType[] })).toThrow(TypeError);
    expect(() => rouge('a', 'a', { types: 'rouge1' as unknown as RougeType[] })).toThrow(TypeError);
  });

  it('rejects unknown options and bad option values, naming them', () => {
    expect(() => rouge('a', 'a', { use_stemmer: true } as never)).toThrow(/unknown option "use_stemmer"/);
    expect(() => rouge('a', 'a', { stemmer: 'yes' as unknown as boolean })).toThrow(/options\.stemmer/);
    expect(() => rouge('a', 'a', { multiReference: 'min' as 'max' })).toThrow(/options\.multiReference/);
    expect(() => rouge('a', 'a', { beta: 0 })).toThrow(/options\.beta/);
    expect(() => rouge('a', 'a', { beta: NaN })).toThrow(/options\.beta/);
    expect(() => rouge('a', 'a', { tokenizer: 'nope' as 'rouge' })).toThrow(/options\.tokenizer/);
    expect(() => rouge('a', 'a', { tokenizer: '13a', stemmer: true })).toThrow(/^rouge: options\.stemmer/);
    expect(() => rouge('a', 'a', { maxLcsCells: 0 })).toThrow(/options\.maxLcsCells/);
    expect(() => rouge('a', 'a', { tokenizer: { name: 'bad', tokenize: () => 'x' as unknown as string[] } })).toThrow(/options\.tokenizer/);
    expect(() => corpusRougeBootstrap(['a'], ['a'], { samples: 0 })).toThrow(/options\.samples/);
    expect(() => corpusRougeBootstrap(['a'], ['a'], { confidence: 1.5 })).toThrow(/options\.confidence/);
    expect(() => corpusRougeBootstrap(['a'], ['a'], { seed: 0.5 })).toThrow(/options\.seed/);
    expect(() => corpusRouge(['a'], ['a'], { samples: 10 } as never)).toThrow(/unknown option "samples"/);
  });
});

describe('rouge on very long texts', () => {
  const words = (n: number, seed: number) => {
    let s = seed;
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      out.push(`w${s % 5000}`);
    }
    return out.join(' ');
  };

  it('scores rougeL on 30,000-token texts in linear memory', () => {
    const a = words(30_000, 1);
    const b = words(30_000, 2);
    const r = rouge(a, b, { types: ['rouge1', 'rouge2', 'rougeL'] });
    expect(r.rougeL!.fmeasure).toBeGreaterThan(0);
    expect(r.rougeL!.fmeasure).toBeLessThanOrEqual(r.rouge1!.fmeasure);
  });

  it('rougeLsum beyond maxLcsCells throws a RangeError naming the option; lines keep tables small', () => {
    const a = words(20_000, 3);
    const b = words(20_000, 4);
    // One line each needs no table (the union is one LCS): it scores, and equals rougeL.
    const single = rouge(a, b, { types: ['rougeL', 'rougeLsum'] });
    expect(single.rougeLsum).toEqual(single.rougeL);
    // Two hypothesis lines of 15,000 tokens against a 20,000-token line: 3e8 cells per table.
    const two = `${words(15_000, 5)}\n${words(15_000, 6)}`;
    expect(() => rouge(two, b, { types: ['rougeLsum'] })).toThrow(/options\.maxLcsCells \(250000000\)/);
    expect(() => rouge('a b c\nd', 'a b c', { types: ['rougeLsum'], maxLcsCells: 2 })).toThrow(RangeError);
    const lines = (t: string) => t.replace(/((?:\S+ ){40})/g, '$1\n');
    const r = rouge(lines(a), lines(b), { types: ['rougeLsum'] });
    expect(r.rougeLsum!.fmeasure).toBeGreaterThan(0);
  });

  it('skip-bigrams beyond maxSkipBigrams throw a RangeError naming the option', () => {
    const a = words(5_000, 5);
    expect(() => rouge(a, a, { types: ['rougeS*'] })).toThrow(/options\.maxSkipBigrams/);
    expect(rouge(a, a, { types: ['rougeS4'] }).rougeS4!.fmeasure).toBe(1);
  });
});

describe('corpusRougeBootstrap', () => {
  const hyps = ['the cat sat on the mat', 'a dog ran', 'hello world', 'nothing here', 'the end'];
  const refs = ['the cat is on the mat', ['a dog ran away', 'the dog'], 'hello there world', 'something', 'the end'];

  it('is deterministic for a seed, ordered low ≤ mid ≤ high, and within [0, 1]', () => {
    const a = corpusRougeBootstrap(hyps, refs, { seed: 7, samples: 300 });
    const b = corpusRougeBootstrap(hyps, refs, { seed: 7, samples: 300 });
    expect(a).toEqual(b);
    expect(corpusRougeBootstrap(hyps, refs, { seed: 8, samples: 300 })).not.toEqual(a);
    for (const t of ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const) {
      for (const k of ['precision', 'recall', 'fmeasure'] as const) {
        const { low, mid, high } = a[t]!;
        expect(low[k]).toBeLessThanOrEqual(mid[k]);
        expect(mid[k]).toBeLessThanOrEqual(high[k]);
        expect(low[k]).toBeGreaterThanOrEqual(0);
        expect(high[k]).toBeLessThanOrEqual(1);
      }
    }
  });

  it('brackets the corpus mean, collapses on identical segments and gives zeros for an empty corpus', () => {
    const mean = corpusRouge(hyps, refs).rouge1!.fmeasure;
    const r = corpusRougeBootstrap(hyps, refs, { types: ['rouge1'], samples: 2000 }).rouge1!;
    expect(r.low.fmeasure).toBeLessThan(mean);
    expect(r.high.fmeasure).toBeGreaterThan(mean);
    const same = corpusRougeBootstrap(['a b', 'a b'], ['a c', 'a c'], { types: ['rouge1'], samples: 50 }).rouge1!;
    expect(same.low).toEqual({ precision: 0.5, recall: 0.5, fmeasure: 0.5 });
    expect(same.high).toEqual(same.low);
    const zero = { precision: 0, recall: 0, fmeasure: 0 };
    expect(corpusRougeBootstrap([], [], { types: ['rougeL'] })).toEqual({ rougeL: { low: zero, mid: zero, high: zero } });
  });

  it('confidence 0 puts low, mid and high on the median', () => {
    const r = corpusRougeBootstrap(hyps, refs, { types: ['rouge1'], confidence: 0, samples: 101 }).rouge1!;
    expect(r.low).toEqual(r.mid);
    expect(r.high).toEqual(r.mid);
  });
});

describe('createRougeScorer', () => {
  const types: RougeType[] = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum', 'rougeS4', 'rougeSU*'];

  it('gives the numbers of rouge() for any sequence of calls, references repeating or not, for every tokenizer', () => {
    const anyText = fc.oneof(text, fc.string({ unit: 'grapheme' }), fc.constantFrom('__proto__ constructor', 'toString\nvalueOf', ''));
    fc.assert(
      fc.property(
        fc.array(anyText, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(anyText, fc.array(fc.nat(3), { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('rouge', 'unicode', 'whitespace'),
        fc.boolean(),
        fc.constantFrom<'max' | 'mean'>('max', 'mean'),
        (pool, calls, tok, stemmer, multiReference) => {
          const options = { types, tokenizer: tok as 'rouge', stemmer: stemmer && tok !== 'whitespace', multiReference };
          const scorer = createRougeScorer(options);
          for (const [h, picks] of calls) {
            const refs = picks.map((k) => pool[k % pool.length]!);
            const arg = refs.length === 1 ? refs[0]! : refs;
            expect(scorer.score(h, arg)).toEqual(rouge(h, arg, options));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps giving the same numbers after its cache is started afresh (every 10,000 calls)', () => {
    const options = { types: ['rouge1', 'rougeL'] as RougeType[] };
    const scorer = createRougeScorer(options);
    const refs = ['the cat sat on the mat', 'a dog barked at the cat', 'the mat was red'];
    const hyps = ['the cat on a mat', 'the dog barked', 'a red mat'];
    const want = hyps.map((h, i) => rouge(h, refs[i]!, options));
    for (let k = 0; k < 10_050; k++) expect(scorer.score(hyps[k % 3]!, refs[k % 3]!)).toEqual(want[k % 3]);
  });

  it('checks the options once, when made, and is not changed by later changes to them', () => {
    expect(() => createRougeScorer({ types: ['rouge0'] as RougeType[] })).toThrow(/^createRougeScorer: options\.types\[0\]/);
    expect(() => createRougeScorer({ beta: -1 })).toThrow(/^createRougeScorer: options\.beta/);
    expect(() => createRougeScorer({ use_stemmer: true } as never)).toThrow(/^createRougeScorer: unknown option "use_stemmer"/);
    const options: { types: RougeType[]; stemmer: boolean } = { types: ['rouge1'], stemmer: false };
    const scorer = createRougeScorer(options);
    options.types.push('rouge2');
    options.stemmer = true;
    expect(scorer.types).toEqual(['rouge1']);
    expect(scorer.score('cats running', 'cat runs')).toEqual(rouge('cats running', 'cat runs', { types: ['rouge1'] }));
    expect(Object.isFrozen(scorer.types)).toBe(true);
  });

  it('rejects bad hypotheses and references, naming the argument, and does not modify its inputs', () => {
    const scorer = createRougeScorer();
    expect(() => scorer.score(1 as unknown as string, 'a')).toThrow(new TypeError('RougeScorer.score: hypothesis must be a string, got 1'));
    expect(() => scorer.score('a', [])).toThrow(RangeError);
    expect(() => scorer.score('a', ['b', null as unknown as string])).toThrow(/^RougeScorer\.score: references\[1\]/);
    const refs = Object.freeze(['the cat', 'a cat']);
    expect(scorer.score('the cat', refs).rouge1?.fmeasure).toBe(1);
    expect(refs).toEqual(['the cat', 'a cat']);
  });

  it('replaces its context once the references it keeps reach the size limit', () => {
    const o = resolveRougeOptions('rouge', { types: ['rouge1'] });
    const ctx = new RougeContext(o, 'rouge');
    rougeSegmentStats('a b', ['a c'], o, ctx);
    expect(ctx.worn).toBe(false);
    rougeSegmentStats('a b', ['x '.repeat(1 << 22)], o, ctx);
    expect(ctx.worn).toBe(true);
    const again = new RougeContext(o, 'rouge');
    for (let k = 0; k < 9_999; k++) rougeSegmentStats('a b', ['a c'], o, again);
    expect(again.worn).toBe(false);
    rougeSegmentStats('a b', ['a c'], o, again);
    expect(again.worn).toBe(true);
  });
});
