import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index';
import { bleuSegmentStats, finalizeBleu, resolveBleuOptions } from '../../src/metrics/bleu';
import { chrfSegmentStats, finalizeChrf, resolveChrfOptions } from '../../src/metrics/chrf';
import { finalizeRouge, resolveRougeOptions, rougeSegmentStats } from '../../src/metrics/rouge';
import { finalizeSquad, squadSegmentStats } from '../../src/metrics/squad';
import { ExactSum } from '../../src/aggregate/stats';
import { pyRstrip } from '../../src/internal/pywhitespace';
import { PROTO_NAMES, textArb } from '../../fuzz/cases';


// The laws every metric obeys, one table of metrics per law, so that each law runs on every metric it
// applies to (and says why where it does not). Metric-specific laws live beside each metric's own tests.

const { accumulator, addStats, tokenize } = api;

/**
 * The number of 13a tokens BLEU scores in a segment. sacrebleu's BLEU rstrips a segment before tokenizing it, and
 * 13a deletes a "-\n" it sees, so `tokenize('a -\n', '13a')` has 1 token where BLEU scores 2.
 */
const bleuTokens = (t: string): number => tokenize(pyRstrip(t), '13a').length;

/** One segment: a hypothesis and its references. */
type Seg = readonly [string, readonly string[]];

// Texts that share words (so n-grams match and clipping matters), and arbitrary adversarial text.
const word = fc.constantFrom('the', 'cat', 'sat', 'on', 'a', 'mat', 'dog', 'x', 'y', ...PROTO_NAMES);
const plain = fc
  .array(fc.tuple(word, fc.constantFrom(' ', ' ', ' ', '\n', ', ', '. ')), { maxLength: 12 })
  .map((ws) => ws.map(([w, s]) => w + s).join(''));
const text = fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: textArb });
const seg: fc.Arbitrary<Seg> = fc.tuple(text, fc.array(text, { minLength: 1, maxLength: 3 }));
const corpusArb = fc.array(seg, { minLength: 0, maxLength: 6 });
const RUNS = { numRuns: 60 };

const hyps = (segs: readonly Seg[]) => segs.map((s) => s[0]);
const refs = (segs: readonly Seg[]) => segs.map((s) => s[1]);
const words = (t: string) => tokenize(t, 'whitespace');
const scoreNumbers = (s: api.Score) => [s.precision, s.recall, s.fmeasure];

// ---------------------------------------------------------------------------------------------------------
// The metrics, each as: score a list of segments (sentence-level functions get exactly one), the numbers to
// bound, the top score, and when a text scored against itself reaches it.

interface Metric {
  readonly name: string;
  readonly sentence: boolean;
  readonly top: number;
  readonly options: Record<string, unknown>;
  score(segs: readonly Seg[], options: Record<string, unknown>): unknown;
  numbers(result: unknown): number[];
  /** The numbers that reach the top on identity (default: all of `numbers`). */
  topNumbers?(result: unknown): number[];
  /** Whether the texts, each scored against itself, score `top` (every number of `numbers`). */
  identity(texts: readonly string[]): boolean;
}

const ROUGE_TYPES = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum', 'rougeSU4'] as const;
const rougeNumbers = (r: unknown) => ROUGE_TYPES.flatMap((t) => scoreNumbers((r as api.RougeScores)[t] as api.Score));
const rougeTokens = (t: string) => tokenize(t, 'rouge').length;
const bleuNumbers = (r: unknown) => {
  const b = r as api.BleuResult;
  return [b.score, ...b.precisions];
};
const chrfNumbers = (r: unknown) => [(r as api.ChrfResult).score];
const hasNonSpace = (t: string) => words(t).length > 0;

/** An accumulator fed segment by segment. */
function accumulate(metric: api.MetricName, segs: readonly Seg[], options: Record<string, unknown>): unknown {
  const acc = accumulator(metric as 'bleu', options);
  for (const [h, r] of segs) acc.add(h, r);
  return acc.result();
}

const one = (segs: readonly Seg[]): Seg => {
  expect(segs.length).toBe(1);
  return segs[0] as Seg;
};

const METRICS: readonly Metric[] = [
  {
    name: 'rouge',
    sentence: true,
    top: 1,
    options: { types: ROUGE_TYPES },
    score: (segs, o) => api.rouge(one(segs)[0], one(segs)[1], o),
    numbers: rougeNumbers,
    identity: (ts) => ts.every((t) => rougeTokens(t) >= 2),
  },
  {
    name: 'corpusRouge',
    sentence: false,
    top: 1,
    options: { types: ROUGE_TYPES },
    score: (segs, o) => api.corpusRouge(hyps(segs), refs(segs), o),
    numbers: rougeNumbers,
    identity: (ts) => ts.length > 0 && ts.every((t) => rougeTokens(t) >= 2),
  },
  {
    name: "accumulator('rouge')",
    sentence: false,
    top: 1,
    options: { types: ROUGE_TYPES },
    score: (segs, o) => accumulate('rouge', segs, o),
    numbers: rougeNumbers,
    identity: (ts) => ts.length > 0 && ts.every((t) => rougeTokens(t) >= 2),
  },
  {
    name: 'sentenceBleu',
    sentence: true,
    top: 100,
    options: {},
    score: (segs, o) => api.sentenceBleu(one(segs)[0], one(segs)[1], o),
    numbers: bleuNumbers,
    topNumbers: (r) => [(r as api.BleuResult).score],
    // Effective order: the orders the text has (the precisions of the others are 0).
    identity: (ts) => ts.every((t) => bleuTokens(t) >= 1),
  },
  {
    name: 'corpusBleu',
    sentence: false,
    top: 100,
    options: {},
    score: (segs, o) => api.corpusBleu(hyps(segs), refs(segs), o),
    numbers: bleuNumbers,
    topNumbers: (r) => [(r as api.BleuResult).score],
    // Every order needs an n-gram somewhere in the corpus: one segment of 4 tokens.
    identity: (ts) => ts.some((t) => bleuTokens(t) >= 4),
  },
  {
    name: "accumulator('bleu')",
    sentence: false,
    top: 100,
    options: {},
    score: (segs, o) => accumulate('bleu', segs, o),
    numbers: bleuNumbers,
    topNumbers: (r) => [(r as api.BleuResult).score],
    identity: (ts) => ts.some((t) => bleuTokens(t) >= 4),
  },
  {
    name: 'sentenceBleuNltk',
    sentence: true,
    top: 1,
    options: {},
    score: (segs, o) => api.sentenceBleuNltk(one(segs)[1].map(words), words(one(segs)[0]), o),
    numbers: (r) => [r as number],
    identity: (ts) => ts.every((t) => words(t).length >= 4),
  },
  {
    name: 'corpusBleuNltk',
    sentence: false,
    top: 1,
    options: {},
    score: (segs, o) => api.corpusBleuNltk(segs.map((s) => s[1].map(words)), segs.map((s) => words(s[0])), o),
    numbers: (r) => [r as number],
    // Each shorter segment adds an unmatched denominator of 1 to the orders it lacks (NLTK's max(1, count)).
    identity: (ts) => ts.length > 0 && ts.every((t) => words(t).length >= 4),
  },
  ...[
    ['chrF', {}],
    ['chrF++', { wordOrder: 2 }],
  ].flatMap(([label, options]) => [
    {
      name: `sentenceChrf (${label as string})`,
      sentence: true,
      top: 100,
      options: options as Record<string, unknown>,
      score: (segs: readonly Seg[], o: Record<string, unknown>) => api.sentenceChrf(one(segs)[0], one(segs)[1], o),
      numbers: chrfNumbers,
      identity: (ts: readonly string[]) => ts.every(hasNonSpace),
    },
    {
      name: `corpusChrf (${label as string})`,
      sentence: false,
      top: 100,
      options: options as Record<string, unknown>,
      score: (segs: readonly Seg[], o: Record<string, unknown>) => api.corpusChrf(hyps(segs), refs(segs), o),
      numbers: chrfNumbers,
      identity: (ts: readonly string[]) => ts.some(hasNonSpace),
    },
    {
      name: `accumulator('chrf') (${label as string})`,
      sentence: false,
      top: 100,
      options: options as Record<string, unknown>,
      score: (segs: readonly Seg[], o: Record<string, unknown>) => accumulate('chrf', segs, o),
      numbers: chrfNumbers,
      identity: (ts: readonly string[]) => ts.some(hasNonSpace),
    },
  ]),
  {
    name: 'tokenF1',
    sentence: true,
    top: 1,
    options: {},
    score: (segs) => api.tokenF1(one(segs)[0], one(segs)[1]),
    numbers: (r) => scoreNumbers(r as api.Score),
    identity: (ts) => ts.every((t) => api.normalizeAnswer(t) !== ''),
  },
  {
    name: 'exactMatch',
    sentence: true,
    top: 1,
    options: {},
    score: (segs) => api.exactMatch(one(segs)[0], one(segs)[1]),
    numbers: (r) => [r as number],
    identity: () => true,
  },
  {
    name: 'corpusSquad',
    sentence: false,
    top: 100,
    options: {},
    score: (segs) => api.corpusSquad(hyps(segs), refs(segs)),
    numbers: (r) => [(r as api.SquadScores).exactMatch, (r as api.SquadScores).f1],
    identity: (ts) => ts.length > 0 && ts.every((t) => api.normalizeAnswer(t) !== ''),
  },
];

/** Segments as the metric takes them: one for sentence-level functions. */
const segsFor = (m: Metric) => (m.sentence ? seg.map((s) => [s]) : corpusArb);

function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** The same text as a different string object (a copy built from its pieces). */
const copy = (s: string) => [...s].join('');

describe('bounds: every score is a finite number between 0 and the top score, never NaN', () => {
  for (const m of METRICS) {
    it(m.name, () => {
      fc.assert(
        fc.property(segsFor(m), (segs) => {
          for (const v of m.numbers(m.score(segs, m.options))) {
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(m.top * (1 + 1e-15));
          }
        }),
        RUNS,
      );
    });
  }
});

describe('identity: a text against itself scores the top score exactly where the metric says so', () => {
  it('BLEU: the token count that decides the top score is taken after the rstrip (a "-\\n" found by fast-check)', () => {
    expect(tokenize('-\n', '13a')).toEqual([]);
    expect(bleuTokens('-\n')).toBe(1);
    expect(api.sentenceBleu('-\n', ['-\n']).score).toBeCloseTo(100, 12);
  });
  for (const m of METRICS) {
    it(m.name, () => {
      fc.assert(
        fc.property(segsFor(m), (segs) => {
          const texts = hyps(segs);
          const self = texts.map((t) => [t, [t]] as const);
          const r = m.score(self, m.options);
          const values = (m.topNumbers ?? m.numbers)(r);
          const top = m.identity(texts);
          if (top) for (const v of values) expect(Math.abs(v - m.top)).toBeLessThanOrEqual(1e-13 * m.top);
          // BLEU's exp(log(100)) is 100.00000000000004; otherwise nothing exceeds the top.
          else expect(Math.min(...values)).toBeLessThan(m.top);
        }),
        RUNS,
      );
    });
  }
});

// ---------------------------------------------------------------------------------------------------------
// Clipping: a hypothesis word repeated beyond its count in the reference never raises precision (its
// matches are clipped at the reference count). Per metric: how to read the unigram matches and precision,
// how to append a word, and which words its tokenizer would keep whole.

interface Clipped {
  readonly name: string;
  /** Matches and precision of unigrams (or the metric's score when it is monotone in them). */
  read(h: string, ref: string): { matches: number; precision: number };
  tokens(t: string): string[];
}

const rouge1 = (r: api.RougeScores) => r.rouge1 as api.Score;
const CLIPPED: readonly Clipped[] = [
  ...[
    ['rouge', (h: string, r: string) => rouge1(api.rouge(h, r, { types: ['rouge1'] }))],
    ['corpusRouge', (h: string, r: string) => rouge1(api.corpusRouge([h], [r], { types: ['rouge1'] }))],
    ["accumulator('rouge')", (h: string, r: string) => rouge1(accumulator('rouge', { types: ['rouge1'] }).add(h, r).result())],
  ].map(([name, f]) => ({
    name: name as string,
    // rouge1 recall = matches / reference tokens: the reference does not change, so recall stands for the matches.
    read: (h: string, r: string) => {
      const s = (f as (h: string, r: string) => api.Score)(h, r);
      return { matches: s.recall, precision: s.precision };
    },
    tokens: (t: string) => tokenize(t, 'rouge'),
  })),
  ...[
    ['sentenceBleu', (h: string, r: string) => api.sentenceBleu(h, r)],
    ['corpusBleu', (h: string, r: string) => api.corpusBleu([h], [r])],
    ["accumulator('bleu')", (h: string, r: string) => accumulator('bleu').add(h, r).result()],
  ].map(([name, f]) => ({
    name: name as string,
    read: (h: string, r: string) => {
      const b = (f as (h: string, r: string) => api.BleuResult)(h, r);
      return { matches: b.counts[0] as number, precision: b.precisions[0] as number };
    },
    tokens: (t: string) => tokenize(t, '13a'),
  })),
  ...[
    ['sentenceBleuNltk', (h: string[], r: string[]) => api.sentenceBleuNltk([r], h, { weights: [1] })],
    ['corpusBleuNltk', (h: string[], r: string[]) => api.corpusBleuNltk([[r]], [h], { weights: [1] })],
  ].map(([name, f]) => ({
    name: name as string,
    // With weights [1] the score is BP · p1, and BP = 1 once the hypothesis is at least as long as the reference.
    read: (h: string, r: string) => {
      const hw = words(h);
      const rw = words(r);
      fc.pre(hw.length >= rw.length);
      const p = (f as (h: string[], r: string[]) => number)(hw, rw);
      return { matches: Math.round(p * hw.length), precision: p };
    },
    tokens: words,
  })),
  ...[
    ['sentenceChrf', (h: string, r: string) => api.sentenceChrf(h, r)],
    ['corpusChrf', (h: string, r: string) => api.corpusChrf([h], [r])],
    ["accumulator('chrf')", (h: string, r: string) => accumulator('chrf').add(h, r).result()],
  ].map(([name, f]) => ({
    name: name as string,
    // Character unigrams: [hyp, ref, match] of order 1.
    read: (h: string, r: string) => {
      const s = (f as (h: string, r: string) => api.ChrfResult)(h, r).stats;
      return { matches: s[2] as number, precision: (s[2] as number) / Math.max(1, s[0] as number) };
    },
    tokens: (t: string) => [...words(t).join('')],
  })),
  {
    name: 'tokenF1',
    read: (h, r) => {
      const s = api.tokenF1(h, r);
      return { matches: s.recall, precision: s.precision };
    },
    tokens: (t) => api.normalizeAnswer(t).split(' ').filter(Boolean),
  },
  {
    name: 'corpusSquad',
    // One segment: f1 falls as unmatched tokens are added (precision falls, recall stays).
    read: (h, r) => ({ matches: api.tokenF1(h, r).recall, precision: api.corpusSquad([h], [r]).f1 }),
    tokens: (t) => api.normalizeAnswer(t).split(' ').filter(Boolean),
  },
];

const count = (xs: readonly string[], x: string) => xs.filter((y) => y === x).length;

describe('clipping: repeating a hypothesis word beyond its reference count never raises precision', () => {
  for (const c of CLIPPED) {
    it(c.name, () => {
      fc.assert(
        fc.property(plain, plain, fc.nat(), fc.integer({ min: 1, max: 4 }), (h, r, pick, extra) => {
          const ht = c.tokens(h);
          fc.pre(ht.length > 0);
          const w = ht[pick % ht.length] as string;
          const rt = c.tokens(r);
          // Top the word up to its reference count first, then go beyond it.
          const base = `${h}${` ${w}`.repeat(Math.max(0, count(rt, w) - count(ht, w)))}`;
          const more = `${base}${` ${w}`.repeat(extra)}`;
          fc.pre(c.tokens(more).length === c.tokens(base).length + extra);
          const before = c.read(base, r);
          const after = c.read(more, r);
          expect(after.matches).toBe(before.matches);
          expect(after.precision).toBeLessThanOrEqual(before.precision);
        }),
        RUNS,
      );
    });
  }
});

// ---------------------------------------------------------------------------------------------------------

describe('symmetry where it holds: swapping hypothesis and reference swaps precision and recall', () => {
  const swapPR = (a: api.Score, b: api.Score) => {
    expect(a.precision).toBe(b.recall);
    expect(a.recall).toBe(b.precision);
    expect(a.fmeasure).toBe(b.fmeasure);
  };
  const TABLE: readonly [string, (a: string, b: string) => void][] = [
    [
      'rouge (rougeN, rougeL, skip-bigrams; one reference)',
      (a, b) => {
        const types = ['rouge1', 'rouge2', 'rouge3', 'rougeL', 'rougeS4'] as const;
        const x = api.rouge(a, b, { types });
        const y = api.rouge(b, a, { types });
        for (const t of types) swapPR(x[t] as api.Score, y[t] as api.Score);
      },
    ],
    ['corpusRouge', (a, b) => swapPR(rouge1(api.corpusRouge([a, b], [b, a], { types: ['rouge1'] })), rouge1(api.corpusRouge([b, a], [a, b], { types: ['rouge1'] })))],
    ["accumulator('rouge')", (a, b) => swapPR(rouge1(accumulator('rouge', { types: ['rouge1'] }).add(a, b).result()), rouge1(api.rouge(b, a, { types: ['rouge1'] })))],
    // chrF with beta 1 weighs both sides alike; sacrebleu's orders count only where both sides have n-grams.
    ['sentenceChrf (beta 1, chrF++)', (a, b) => void expect(api.sentenceChrf(a, b, { beta: 1, wordOrder: 2 }).score).toBe(api.sentenceChrf(b, a, { beta: 1, wordOrder: 2 }).score)],
    ['corpusChrf (beta 1)', (a, b) => void expect(api.corpusChrf([a], [b], { beta: 1 }).score).toBe(api.corpusChrf([b], [a], { beta: 1 }).score)],
    ["accumulator('chrf') (beta 1)", (a, b) => void expect(accumulator('chrf', { beta: 1 }).add(a, b).result().score).toBe(api.sentenceChrf(b, a, { beta: 1 }).score)],
    ['tokenF1', (a, b) => swapPR(api.tokenF1(a, b), api.tokenF1(b, a))],
    ['exactMatch', (a, b) => void expect(api.exactMatch(a, b)).toBe(api.exactMatch(b, a))],
    ['corpusSquad', (a, b) => void expect(api.corpusSquad([a], [b])).toEqual(api.corpusSquad([b], [a]))],
  ];
  for (const [name, law] of TABLE) it(name, () => fc.assert(fc.property(text, text, law), RUNS));
  it("does not hold for chrF's epsSmoothing (an order missing on one side counts 1e-16, sacrebleu's quirk), BLEU and NLTK BLEU (the brevity penalty looks at the hypothesis only): witnesses", () => {
    expect(api.sentenceChrf('', 'the', { beta: 1, epsSmoothing: true }).score).not.toBe(api.sentenceChrf('the', '', { beta: 1, epsSmoothing: true }).score);
    expect(api.sentenceBleu('a b', 'a b c d').score).not.toBe(api.sentenceBleu('a b c d', 'a b').score);
    expect(api.sentenceBleuNltk([['a', 'b']], ['a', 'b', 'a', 'b'], { weights: [1] })).not.toBe(api.sentenceBleuNltk([['a', 'b', 'a', 'b']], ['a', 'b'], { weights: [1] }));
  });
});

describe('a sentence score equals the corpus score of that one segment', () => {
  const TABLE: readonly [string, (s: Seg) => [unknown, unknown]][] = [
    ['rouge = corpusRouge', ([h, r]) => [api.rouge(h, r, { types: ROUGE_TYPES }), api.corpusRouge([h], [r], { types: ROUGE_TYPES })]],
    ["rouge = accumulator('rouge')", ([h, r]) => [api.rouge(h, r), accumulator('rouge').add(h, r).result()]],
    ['sentenceBleu = corpusBleu (same effective order)', ([h, r]) => [api.sentenceBleu(h, r), api.corpusBleu([h], [r], { effectiveOrder: true })]],
    ["sentenceBleu = accumulator('bleu')", ([h, r]) => [api.sentenceBleu(h, r, { effectiveOrder: false }), accumulator('bleu').add(h, r).result()]],
    ['sentenceChrf = corpusChrf (chrF++)', ([h, r]) => [api.sentenceChrf(h, r, { wordOrder: 2 }), api.corpusChrf([h], [r], { wordOrder: 2 })]],
    ["sentenceChrf = accumulator('chrf')", ([h, r]) => [api.sentenceChrf(h, r), accumulator('chrf').add(h, r).result()]],
    ['sentenceBleuNltk = corpusBleuNltk (every smoothing but 6)', ([h, r]) => {
      const s = (h.length + r.length) % 8;
      const o = { smoothing: (s === 6 ? 7 : s) as 0 };
      return [api.sentenceBleuNltk(r.map(words), words(h), o), api.corpusBleuNltk([r.map(words)], [words(h)], o)];
    }],
    ['tokenF1 and exactMatch = corpusSquad / 100', ([h, r]) => [{ exactMatch: 100 * api.exactMatch(h, r), f1: 100 * api.tokenF1(h, r).fmeasure }, api.corpusSquad([h], [r])]],
  ];
  for (const [name, law] of TABLE) {
    it(name, () =>
      fc.assert(
        fc.property(seg, (s) => {
          const [a, b] = law(s);
          expect(b).toEqual(a);
        }),
        RUNS,
      ),
    );
  }
  it('rankingToPairs / ratingsToPairs = recordToPairs(...).pairs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.integer({ min: 0, max: 3 })), { maxLength: 6 }), (items) => {
        const completions = items.map((x) => x[0]);
        const values = items.map((x) => x[1]);
        expect(api.recordToPairs({ prompt: 'p', completions, ranks: values }).pairs).toEqual(api.rankingToPairs({ prompt: 'p', completions, ranks: values }));
        expect(api.recordToPairs({ prompt: 'p', completions, scores: values }).pairs).toEqual(api.ratingsToPairs({ prompt: 'p', completions, scores: values }));
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Split and merge: a corpus cut anywhere, each part reduced to statistics and the statistics added up, gives
// the corpus score. Integer statistics (BLEU, chrF) add exactly with addStats; ROUGE's and SQuAD's rows are
// floating-point scores, whose sum depends on the order of additions by a last bit or so, so the exact
// guarantee is ROUGE's ExactSum (the accumulator) and addStats is held to 1e-12.

/** The parts of `segs` cut at the given points. */
function split<T>(xs: readonly T[], cuts: readonly number[]): T[][] {
  const at = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
  const parts: T[][] = [];
  let from = 0;
  for (const c of [...at, xs.length]) {
    parts.push(xs.slice(from, c));
    from = c;
  }
  return parts;
}

const sumRows = (rows: readonly number[][], width: number) => rows.reduce((a, r) => addStats(a, r), new Array<number>(width).fill(0));
const cutsArb = fc.array(fc.nat(), { maxLength: 4 });

describe('split and merge: statistics of the parts, added, give the corpus score', () => {
  it('BLEU: bleuSegmentStats rows + addStats + finalizeBleu = corpusBleu, exactly', () => {
    const o = resolveBleuOptions('test', {}, false);
    fc.assert(
      fc.property(corpusArb, cutsArb, (segs, cuts) => {
        const width = bleuSegmentStats('', '', o).length;
        const parts = split(segs, cuts).map((p) => sumRows(p.map(([h, r]) => bleuSegmentStats(h, r, o)), width));
        expect(finalizeBleu(sumRows(parts, width), o)).toEqual(api.corpusBleu(hyps(segs), refs(segs)));
      }),
      RUNS,
    );
  });

  it('chrF++: chrfSegmentStats rows + addStats + finalizeChrf = corpusChrf, exactly', () => {
    const o = resolveChrfOptions('test', { wordOrder: 2 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.array(text, { minLength: 2, maxLength: 2 })), { minLength: 1, maxLength: 6 }), cutsArb, (segs, cuts) => {
        const width = 3 * (o.charOrder + o.wordOrder);
        const parts = split(segs, cuts).map((p) => sumRows(p.map(([h, r]) => chrfSegmentStats(h, r, o)), width));
        expect(finalizeChrf(sumRows(parts, width), o, 2)).toEqual(api.corpusChrf(hyps(segs), refs(segs), { wordOrder: 2 }));
      }),
      RUNS,
    );
  });

  it('ROUGE: rougeSegmentStats rows summed exactly (ExactSum partials) = corpusRouge bit for bit; with addStats within 1e-12', () => {
    const o = resolveRougeOptions('test', { types: ROUGE_TYPES });
    fc.assert(
      fc.property(corpusArb, cutsArb, (segs, cuts) => {
        const width = 3 * ROUGE_TYPES.length;
        const whole = api.corpusRouge(hyps(segs), refs(segs), { types: ROUGE_TYPES });
        const rows = split(segs, cuts).map((p) => p.map(([h, r]) => rougeSegmentStats(h, r, o)));
        const exact = Array.from({ length: width }, (_, k) => {
          const partials = rows.map((part) => new ExactSum(part.map((row) => row[k] as number)).toJSON());
          return partials.reduce((s, p) => s.merge(p), new ExactSum()).valueOf();
        });
        expect(finalizeRouge(exact, segs.length, o)).toEqual(whole);
        const loose = finalizeRouge(sumRows(rows.map((part) => sumRows(part, width)), width), segs.length, o);
        for (const t of ROUGE_TYPES) {
          const a = scoreNumbers(loose[t] as api.Score);
          scoreNumbers(whole[t] as api.Score).forEach((v, i) => expect(Math.abs((a[i] as number) - v)).toBeLessThanOrEqual(1e-12));
        }
      }),
      RUNS,
    );
  });

  it('SQuAD: squadSegmentStats rows + addStats + finalizeSquad = corpusSquad within 1e-12 (exact match counts exactly)', () => {
    fc.assert(
      fc.property(corpusArb, cutsArb, (segs, cuts) => {
        const parts = split(segs, cuts).map((p) => sumRows(p.map(([h, r]) => squadSegmentStats(h, r)), 3));
        const merged = finalizeSquad(sumRows(parts, 3));
        const whole = api.corpusSquad(hyps(segs), refs(segs));
        expect(merged.exactMatch).toBe(whole.exactMatch);
        expect(Math.abs(merged.f1 - whole.f1)).toBeLessThanOrEqual(1e-12);
      }),
      RUNS,
    );
  });

  for (const [metric, options, corpus] of [
    ['rouge', { types: ROUGE_TYPES }, (s: readonly Seg[]) => api.corpusRouge(hyps(s), refs(s), { types: ROUGE_TYPES })],
    ['bleu', { tokenize: 'intl', smoothMethod: 'floor' }, (s: readonly Seg[]) => api.corpusBleu(hyps(s), refs(s), { tokenize: 'intl', smoothMethod: 'floor' })],
    ['chrf', { wordOrder: 2, lowercase: true }, (s: readonly Seg[]) => api.corpusChrf(hyps(s), refs(s), { wordOrder: 2, lowercase: true })],
  ] as const) {
    it(`accumulator('${metric}'): parts merged in any order after a trip through JSON = the corpus function, exactly`, () => {
      fc.assert(
        fc.property(corpusArb, cutsArb, fc.nat(), (segs, cuts, rot) => {
          const parts = split(segs, cuts).map((p) => {
            const acc = accumulator(metric as 'bleu', options as api.BleuOptions);
            for (const [h, r] of p) acc.add(h, r);
            return JSON.stringify(acc.stats());
          });
          const order = parts.map((_, i) => parts[(i + rot) % parts.length] as string);
          const total = accumulator(metric as 'bleu', options as api.BleuOptions);
          for (const p of order) total.merge(JSON.parse(p));
          expect(total.result()).toEqual(corpus(segs));
        }),
        RUNS,
      );
    });
  }

  it('pairs: createPairsSummary of the parts = of the whole', () => {
    const record = fc.record({ prompt: text, completions: fc.array(text, { maxLength: 5 }), ranks: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 }) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), cutsArb, (records, cuts) => {
        const ok = records.map((r) => ({ ...r, ranks: r.completions.map((_, i) => r.ranks[i] ?? i) }));
        const summary = (rs: typeof ok) => rs.reduce((s, r) => s.add(api.recordToPairs(r).summary), api.createPairsSummary()).result();
        const merged = split(ok, cuts).reduce((s, p) => s.add(summary(p)), api.createPairsSummary()).result();
        expect(merged).toEqual(summary(ok));
      }),
      RUNS,
    );
  });

  it('does not apply to NLTK BLEU: it has no statistics API, and its smoothing methods 4-7 read the corpus\'s last segment', () => {
    // A witness of the second point: the same segments in another order score differently (method 5).
    const a: [string[][], string[]] = [[['a', 'b', 'c', 'd', 'e']], ['a', 'b', 'x', 'y']];
    const b: [string[][], string[]] = [[['f', 'g', 'h', 'i', 'j', 'k']], ['f', 'g', 'h', 'i', 'j', 'k', 'l']];
    const ab = api.corpusBleuNltk([a[0], b[0]], [a[1], b[1]], { smoothing: 5 });
    const ba = api.corpusBleuNltk([b[0], a[0]], [b[1], a[1]], { smoothing: 5 });
    expect(ab).not.toBe(ba);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('JSON: statistics and results are plain JSON and survive a round trip unchanged', () => {
  const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  /** Deep equality that tells -0 from 0 (JSON writes -0 as 0). */
  const expectSame = (a: unknown, b: unknown) => {
    expect(b).toEqual(a);
    JSON.stringify(a, (_k, v) => {
      if (typeof v === 'number') expect(Object.is(v, -0), 'a -0 in statistics or a result').toBe(false);
      return v as unknown;
    });
  };
  it('segment statistics rows (BLEU, chrF, ROUGE, SQuAD), and finalizing the parsed row gives the same result', () => {
    const bo = resolveBleuOptions('test', { smoothMethod: 'add-k' }, true);
    const co = resolveChrfOptions('test', { wordOrder: 2 });
    const ro = resolveRougeOptions('test', { types: ROUGE_TYPES });
    fc.assert(
      fc.property(seg, ([h, r]) => {
        const b = bleuSegmentStats(h, r, bo);
        expectSame(b, roundTrip(b));
        expect(finalizeBleu(roundTrip(b), bo)).toEqual(finalizeBleu(b, bo));
        const c = chrfSegmentStats(h, r, co);
        expectSame(c, roundTrip(c));
        expect(finalizeChrf(roundTrip(c), co)).toEqual(finalizeChrf(c, co));
        const g = rougeSegmentStats(h, r, ro);
        expectSame(g, roundTrip(g));
        expect(finalizeRouge(roundTrip(g), 1, ro)).toEqual(finalizeRouge(g, 1, ro));
        const s = squadSegmentStats(h, r);
        expectSame(s, roundTrip(s));
      }),
      RUNS,
    );
  });
  it("accumulator stats() (rouge, bleu, chrf)", () => {
    fc.assert(
      fc.property(corpusArb, (segs) => {
        for (const metric of ['rouge', 'bleu', 'chrf'] as const) {
          const acc = accumulator(metric as 'bleu');
          for (const [h, r] of segs) acc.add(h, r);
          const st = acc.stats();
          expectSame(st, roundTrip(st));
          expect(accumulator(metric as 'bleu').merge(roundTrip(st)).result()).toEqual(acc.result());
        }
      }),
      RUNS,
    );
  });
  for (const m of METRICS) {
    it(`results of ${m.name}`, () => {
      fc.assert(
        fc.property(segsFor(m), (segs) => {
          const r = m.score(segs, m.options);
          expectSame(r, roundTrip(r));
        }),
        RUNS,
      );
    });
  }
});

describe('frozen inputs (deeply, options included) work, give the same result, and are left unchanged', () => {
  for (const m of METRICS) {
    it(m.name, () => {
      fc.assert(
        fc.property(segsFor(m), (segs) => {
          const plainSegs = segs.map(([h, r]) => [h, [...r]] as const);
          const frozenSegs = deepFreeze(structuredClone(plainSegs));
          const frozenOptions = deepFreeze(structuredClone(m.options));
          const expected = m.score(plainSegs, m.options);
          expect(m.score(frozenSegs, frozenOptions)).toEqual(expected);
          expect(frozenSegs).toEqual(plainSegs);
          expect(frozenOptions).toEqual(m.options);
        }),
        RUNS,
      );
    });
  }
  it('rankingToPairs / ratingsToPairs / recordToPairs', () => {
    const rec = deepFreeze({ prompt: 'p', completions: ['a', 'b', 'c', 'b'], ranks: [2, 1, 3, 1] });
    const rated = deepFreeze({ prompt: 'p', completions: ['a', 'b', 'c'], scores: [0.5, 2, -1] });
    const options = deepFreeze({ strategy: 'all' as const, minMargin: 0.5, maxPairsPerPrompt: 2, seed: 3 });
    expect(api.rankingToPairs(rec, options)).toEqual(api.rankingToPairs(structuredClone(rec), structuredClone(options)));
    expect(api.ratingsToPairs(rated, options)).toEqual(api.ratingsToPairs(structuredClone(rated), structuredClone(options)));
    expect(api.recordToPairs(rated, options).pairs).toHaveLength(2);
  });
});

describe('determinism: the same input gives the same output, whatever was scored before', () => {
  for (const m of METRICS) {
    it(m.name, () => {
      fc.assert(
        fc.property(segsFor(m), segsFor(m), (segs, other) => {
          const first = m.score(segs, m.options);
          m.score(other, m.options); // anything in between must not leave state behind
          const again = m.score(segs.map(([h, r]) => [copy(h), r.map(copy)] as const), { ...m.options });
          expect(again).toEqual(first);
        }),
        RUNS,
      );
    });
  }
  it('rankingToPairs / ratingsToPairs with maxPairsPerPrompt (a seeded sample)', () => {
    const rec = { prompt: 'p', completions: ['a', 'b', 'c', 'd', 'e'], ranks: [1, 2, 3, 4, 5] };
    const first = api.rankingToPairs(rec, { maxPairsPerPrompt: 3, seed: 7 });
    api.rankingToPairs({ ...rec, prompt: 'q' }, { maxPairsPerPrompt: 3, seed: 7 });
    expect(api.rankingToPairs(structuredClone(rec), { maxPairsPerPrompt: 3, seed: 7 })).toEqual(first);
    const rated = { prompt: 'p', completions: rec.completions, scores: rec.ranks };
    expect(api.ratingsToPairs(rated, { maxPairsPerPrompt: 3, seed: 7 })).toEqual(api.ratingsToPairs(structuredClone(rated), { maxPairsPerPrompt: 3, seed: 7 }));
  });
});
