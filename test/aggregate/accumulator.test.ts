// accumulator(metric, options): parity with the reference fixtures when a corpus is split into shards whose
// statistics travel through JSON and merge in any order; equality with the corpus functions (exactly);
// refusal of foreign statistics, naming the field or option; bounded working state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulator, type Accumulator } from '../../src/aggregate/accumulator';
import { CONTEXT_SEGMENTS } from '../../src/aggregate/metricStats';
import { Random } from '../../src/aggregate/random';
import { corpusBleu, type BleuOptions, type BleuResult } from '../../src/metrics/bleu';
import { corpusChrf, type ChrfOptions, type ChrfResult } from '../../src/metrics/chrf';
import { corpusRouge, type RougeOptions, type RougeType } from '../../src/metrics/rouge';
import { SIGNATURE_VERSION } from '../../src/metrics/signature';
import type { Score } from '../../src/metrics/prf';
import { bleuOptionsOf, chrfOptionsOf, close, corpusInputs, fixtureCases } from '../helpers/fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixture records, read field by field
type Case = Record<string, any>;
const load = (name: string): Case[] => fixtureCases<Case>(name);

/**
 * Scores `hyps` with `make()` accumulators: the segments are cut into 1..5 shards at random places, each
 * shard's statistics go through JSON, and they are merged in a random order into a fresh accumulator (or into
 * one of the shards). The seed makes every case reproducible.
 */
function sharded<R>(make: () => Accumulator<R>, hyps: readonly string[], refs: readonly (string | readonly string[])[], seed: number): R {
  const rnd = new Random(seed);
  const k = 1 + rnd.int(Math.min(5, hyps.length + 1));
  const cuts = Array.from({ length: k - 1 }, () => rnd.int(hyps.length + 1)).sort((a, b) => a - b);
  const bounds = [0, ...cuts, hyps.length];
  const shards = bounds.slice(1).map((end, i) => {
    const acc = make();
    for (let j = bounds[i] as number; j < end; j++) acc.add(hyps[j] as string, refs[j] as string | readonly string[]);
    return JSON.parse(JSON.stringify(acc.stats())) as unknown;
  });
  for (let i = shards.length - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [shards[i], shards[j]] = [shards[j], shards[i]];
  }
  const into = make();
  for (const s of shards) into.merge(s);
  return into.result();
}

describe('parity with rouge-score 0.1.2 through sharded accumulators (rouge.jsonl)', () => {
  const cases = load('rouge.jsonl');
  const opts = (c: Case): RougeOptions => ({ types: c.options.rouge_types as RougeType[], stemmer: c.options.use_stemmer as boolean });
  const expectScores = (got: Record<string, Score>, want: Record<string, Score>, types: readonly string[]): void => {
    for (const t of types) {
      for (const f of ['precision', 'recall', 'fmeasure'] as const) {
        expect(close(got[t]?.[f], (want[t] as Score)[f]), `${t}.${f}: ${got[t]?.[f]} vs ${(want[t] as Score)[f]}`).toBe(true);
      }
    }
  };
  it('has the cases', () => expect(cases.length).toBe(737));
  it.each(cases.map((c, i) => [c.id as string, c, i] as const))('%s', (_id, c, i) => {
    if (c.level === 'corpus') {
      const refs = (c.references as string[][]).map((r) => (r.length === 1 ? (r[0] as string) : r));
      const got = sharded(() => accumulator('rouge', opts(c)), c.hypotheses as string[], refs, i);
      expectScores(got, c.expected.mean, c.options.rouge_types as string[]);
      expect(got).toStrictEqual(corpusRouge(c.hypotheses as string[], refs, opts(c)));
      return;
    }
    const refs: string | string[] = c.mode === 'score' ? (c.references as string[])[0] as string : (c.references as string[]);
    if ('error' in c.expected) {
      // rouge-score raised (an unknown type, no reference): the accumulator refuses it too.
      expect(() => accumulator('rouge', opts(c)).add(c.hypothesis as string, refs)).toThrow();
      return;
    }
    expectScores(sharded(() => accumulator('rouge', opts(c)), [c.hypothesis as string], [refs], i), c.expected, c.options.rouge_types as string[]);
  });
});

describe('parity with sacrebleu 2.6.0 BLEU through sharded accumulators (bleu_sacrebleu.jsonl)', () => {
  const cases = load('bleu_sacrebleu.jsonl');
  it('has the cases', () => expect(cases.length).toBe(471));
  it.each(cases.map((c, i) => [c.id as string, c, i] as const))('%s', (_id, c, i) => {
    const options = bleuOptionsOf(c.options);
    const { hyps, refs } = c.level === 'corpus' ? corpusInputs(c) : { hyps: [c.hypothesis as string], refs: [c.references as string[]] };
    const got = sharded(() => accumulator('bleu', options), hyps, refs, i);
    const e = c.expected;
    expect(close(got.score, e.score), `score ${got.score} vs ${e.score}`).toBe(true);
    expect(close(got.bp, e.bp)).toBe(true);
    got.precisions.forEach((p, n) => expect(close(p, e.precisions[n]), `precisions[${n}]`).toBe(true));
    expect([got.counts, got.totals, got.sysLen, got.refLen]).toEqual([e.counts, e.totals, e.sys_len, e.ref_len]);
    expect(got.signature).toBe((e.signature as string).replace(/version:[^|]*$/, `version:${SIGNATURE_VERSION}`));
    expect(got).toStrictEqual(corpusBleu(hyps, refs, options));
  });
});

describe('parity with sacrebleu 2.6.0 chrF through sharded accumulators (chrf.jsonl)', () => {
  const cases = load('chrf.jsonl');
  it('has the cases', () => expect(cases.length).toBe(336));
  it.each(cases.map((c, i) => [c.id as string, c, i] as const))('%s', (_id, c, i) => {
    const options = chrfOptionsOf(c.options);
    const { hyps, refs } = c.level === 'corpus' ? corpusInputs(c) : { hyps: [c.hypothesis as string], refs: [c.references as string[]] };
    const got = sharded(() => accumulator('chrf', options), hyps, refs, i);
    expect(close(got.score, c.expected.score), `score ${got.score} vs ${c.expected.score}`).toBe(true);
    expect(got.stats).toEqual((c.expected.stats as number[][]).flat());
    expect(got.signature).toBe((c.expected.signature as string).replace(/version:[^|]*$/, `version:${SIGNATURE_VERSION}`));
    expect(got).toStrictEqual(corpusChrf(hyps, refs, options));
  });
});

// --- Properties -----------------------------------------------------------------------------------------

const WORDS = ['the', 'cat', 'sat', 'on', 'a', 'mat', 'dog', 'The', 'mat.', 'Ä', '猫', '__proto__', 'constructor', ',', '-', '\n'];
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);
const refsArb = fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 3 }));
const corpusArb = fc.array(fc.tuple(text, refsArb), { maxLength: 14 });
/** Split points and a merge order. */
const planArb = fc.record({ cuts: fc.array(fc.nat(), { maxLength: 4 }), order: fc.array(fc.nat(), { maxLength: 6 }) });

type AnyOptions = RougeOptions | BleuOptions | ChrfOptions;
const metricArb = fc.oneof(
  fc.record({
    metric: fc.constant('rouge' as const),
    options: fc.record(
      {
        types: fc.subarray(['rouge1', 'rouge2', 'rouge3', 'rougeL', 'rougeLsum', 'rougeS4', 'rougeSU*'] as RougeType[], { minLength: 1 }),
        stemmer: fc.boolean(),
        multiReference: fc.constantFrom('max' as const, 'mean' as const),
        beta: fc.constantFrom(0.5, 1, 2),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    metric: fc.constant('bleu' as const),
    options: fc.record(
      {
        tokenize: fc.constantFrom('13a' as const, 'intl' as const, 'zh' as const, 'char' as const, 'none' as const),
        lowercase: fc.boolean(),
        smoothMethod: fc.constantFrom('exp' as const, 'floor' as const, 'add-k' as const, 'none' as const),
        maxNgramOrder: fc.integer({ min: 1, max: 5 }),
        effectiveOrder: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    metric: fc.constant('chrf' as const),
    options: fc.record(
      {
        charOrder: fc.integer({ min: 1, max: 7 }),
        wordOrder: fc.integer({ min: 0, max: 3 }),
        beta: fc.constantFrom(0, 1, 2, 3),
        lowercase: fc.boolean(),
        whitespace: fc.boolean(),
        epsSmoothing: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  }),
);

function corpusResult(metric: 'rouge' | 'bleu' | 'chrf', hyps: string[], refs: (string | string[])[], options: AnyOptions): unknown {
  if (metric === 'rouge') return corpusRouge(hyps, refs, options as RougeOptions);
  if (metric === 'bleu') return corpusBleu(hyps, refs, options as BleuOptions);
  return corpusChrf(hyps, refs, options as ChrfOptions);
}

describe('accumulator properties', () => {
  it('any split of a corpus, merged in any order after a trip through JSON, gives exactly the corpus function', () => {
    fc.assert(
      fc.property(metricArb, corpusArb, planArb, ({ metric, options }, corpus, plan) => {
        const make = (): Accumulator<unknown> => accumulator(metric, options);
        const hyps = corpus.map((c) => c[0]);
        const refs = corpus.map((c) => c[1]);
        const cuts = plan.cuts.map((c) => c % (corpus.length + 1)).sort((a, b) => a - b);
        const bounds = [0, ...cuts, corpus.length];
        const stats = bounds.slice(1).map((end, i) => {
          const acc = make();
          for (let j = bounds[i] as number; j < end; j++) acc.add(hyps[j] as string, refs[j] as string | string[]);
          return JSON.parse(JSON.stringify(acc.stats())) as unknown;
        });
        for (let i = 0; i < plan.order.length && stats.length > 1; i++) {
          const a = (plan.order[i] as number) % stats.length;
          const b = (a + 1) % stats.length;
          [stats[a], stats[b]] = [stats[b], stats[a]];
        }
        const want = corpusResult(metric, hyps, refs, options);
        // Flat: everything into one fresh accumulator.
        const flat = make();
        for (const s of stats) flat.merge(s);
        expect(flat.result()).toStrictEqual(want);
        // Tree: pairwise merges of merged statistics (associativity), serialized at every level.
        let level = stats;
        while (level.length > 1) {
          const next: unknown[] = [];
          for (let i = 0; i < level.length; i += 2) {
            const acc = make().merge(level[i]);
            if (i + 1 < level.length) acc.merge(level[i + 1]);
            next.push(JSON.parse(JSON.stringify(acc.stats())));
          }
          level = next;
        }
        expect(make().merge(level[0]).result()).toStrictEqual(want);
      }),
      { numRuns: 150 },
    );
  });

  it('stats() survives JSON.parse(JSON.stringify(...)) unchanged, and result() reads the same from it', () => {
    fc.assert(
      fc.property(metricArb, corpusArb, ({ metric, options }, corpus) => {
        const acc = accumulator(metric, options);
        for (const [h, r] of corpus) acc.add(h, r);
        const s = acc.stats();
        expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s);
        expect(accumulator(metric, options).merge(JSON.parse(JSON.stringify(s))).result()).toStrictEqual(acc.result());
      }),
      { numRuns: 80 },
    );
  });

  it('scores stay in range and finite, never NaN, on arbitrary Unicode', () => {
    fc.assert(
      fc.property(metricArb, corpusArb, ({ metric, options }, corpus) => {
        const acc = accumulator(metric, options);
        for (const [h, r] of corpus) acc.add(h, r);
        const r = acc.result() as Record<string, unknown>;
        if (metric === 'rouge') {
          for (const s of Object.values(r) as Score[]) {
            for (const v of [s.precision, s.recall, s.fmeasure]) expect(v >= 0 && v <= 1).toBe(true);
          }
        } else {
          const score = (r as unknown as BleuResult | ChrfResult).score;
          expect(Number.isFinite(score) && score >= 0).toBe(true);
          if (metric === 'chrf') expect(score).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('merging is commutative: a+b and b+a give the same result; merging its own statistics doubles the counts', () => {
    fc.assert(
      fc.property(metricArb, corpusArb, corpusArb, ({ metric, options }, c1, c2) => {
        const a = accumulator(metric, options);
        const b = accumulator(metric, options);
        for (const [h, r] of c1) a.add(h, r);
        for (const [h, r] of c2) b.add(h, r);
        const ab = accumulator(metric, options).merge(a.stats()).merge(b.stats()).result();
        const ba = accumulator(metric, options).merge(b.stats()).merge(a.stats()).result();
        expect(ab).toStrictEqual(ba);
        const twice = accumulator(metric, options).merge(a.stats());
        twice.merge(twice.stats());
        expect(twice.stats().segments).toBe(2 * c1.length);
      }),
      { numRuns: 60 },
    );
  });

  it('never modifies its arguments (frozen references are fine)', () => {
    const refs = Object.freeze(['the cat sat on the mat', 'a cat sat']);
    for (const m of ['rouge', 'bleu', 'chrf'] as const) {
      const options = Object.freeze({});
      const acc = accumulator(m, options).add('the cat sat', refs);
      const stats = acc.stats();
      const frozen = JSON.parse(JSON.stringify(stats)) as unknown;
      Object.freeze(frozen);
      accumulator(m, options).merge(frozen);
      expect(refs).toEqual(['the cat sat on the mat', 'a cat sat']);
    }
  });
});

describe('accumulator statistics', () => {
  it('an empty accumulator gives what the corpus function gives on an empty corpus (zeros, never NaN)', () => {
    expect(accumulator('rouge').result()).toStrictEqual(corpusRouge([], []));
    expect(accumulator('bleu').result()).toStrictEqual(corpusBleu([], []));
    expect(accumulator('chrf').result()).toStrictEqual(corpusChrf([], []));
    expect(accumulator('bleu').result().score).toBe(0);
    expect(accumulator('rouge').result().rouge1).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
  });

  it('carries metric, resolved options (defaults filled in), format version and segment count', () => {
    expect(accumulator('bleu', { smoothMethod: 'floor' }).add('a b', 'a b').stats()).toEqual({
      format: 'nlg-metrics-stats',
      version: 1,
      metric: 'bleu',
      options: { tokenize: '13a', lowercase: false, smoothMethod: 'floor', smoothValue: 0.1, maxNgramOrder: 4, effectiveOrder: false },
      segments: 1,
      // sacrebleu's row [sys_len, ref_len, correct 1..4, total 1..4], then segments, Σ nrefs, Σ nrefs².
      stats: [2, 2, 2, 1, 0, 0, 2, 1, 0, 0, 1, 1, 1],
    });
    expect(accumulator('chrf', { charOrder: 2 }).add('ab', ['ab', 'x']).stats()).toEqual({
      format: 'nlg-metrics-stats',
      version: 1,
      metric: 'chrf',
      options: { charOrder: 2, wordOrder: 0, beta: 2, lowercase: false, whitespace: false, epsSmoothing: false },
      segments: 1,
      stats: [2, 2, 2, 1, 1, 1],
      references: { min: 2, max: 2 },
    });
    const r = accumulator('rouge', { types: ['rouge1', 'rouge1', 'rougeL'] }).add('a b', 'a c').stats();
    expect(r.options).toEqual({ types: ['rouge1', 'rougeL'], stemmer: false, tokenizer: 'rouge', multiReference: 'max', beta: 1 });
    expect(r.sums).toEqual([[0.5], [0.5], [0.5], [0.5], [0.5], [0.5]]);
  });

  it('the nrefs of the signature survive merging: equal counts give the count, different ones var', () => {
    const sig = (a: Accumulator<unknown>): string => (a.result() as BleuResult | ChrfResult).signature;
    for (const m of ['bleu', 'chrf'] as const) {
      const one = accumulator(m).add('a b', 'a b').add('c', 'c');
      const two = accumulator(m).add('a b', ['a b', 'b a']);
      expect(sig(accumulator(m).merge(one.stats()))).toMatch(/^nrefs:1\|/);
      expect(sig(accumulator(m).merge(two.stats()).merge(two.stats()))).toMatch(/^nrefs:2\|/);
      expect(sig(accumulator(m).merge(one.stats()).merge(two.stats()))).toMatch(/^nrefs:var\|/);
      expect(sig(accumulator(m).merge(two.stats()).merge(one.stats()))).toMatch(/^nrefs:var\|/);
      // An empty shard changes nothing.
      expect(sig(accumulator(m).merge(accumulator(m).stats()).merge(two.stats()))).toMatch(/^nrefs:2\|/);
    }
  });

  it('ROUGE sums are exact: a shard split does not change the digits of the mean', () => {
    // Per-segment scores whose plain left-to-right sum depends on the order of addition.
    const hyps = ['a b c', 'a', 'a b c d e f g', 'x y z', 'a b', 'b c d'];
    const refs = ['a b x', 'a b c', 'a b', 'x', 'a b c d e f g h i', 'd c b'];
    const want = corpusRouge(hyps, refs);
    for (let cut = 0; cut <= hyps.length; cut++) {
      const a = accumulator('rouge');
      const b = accumulator('rouge');
      hyps.forEach((h, i) => (i < cut ? a : b).add(h, refs[i] as string));
      expect(accumulator('rouge').merge(b.stats()).merge(a.stats()).result()).toStrictEqual(want);
    }
  });

  it(`keeps its working state bounded: a new context every ${CONTEXT_SEGMENTS} segments, with the same numbers`, () => {
    const n = 2 * CONTEXT_SEGMENTS + 17;
    const hyps: string[] = [];
    const refs: string[][] = [];
    for (let i = 0; i < n; i++) {
      hyps.push(`w${i % 97} w${i % 13} the cat ${i % 5}`);
      refs.push(i % 7 === 0 ? [`the cat w${i % 13}`, `w${i % 97} x`] : [`w${i % 89} the cat w${i % 13} ${i % 3}`]);
    }
    for (const m of ['rouge', 'bleu', 'chrf'] as const) {
      const acc = accumulator(m);
      for (let i = 0; i < n; i++) acc.add(hyps[i] as string, refs[i] as string[]);
      expect(acc.result(), m).toStrictEqual(corpusResult(m, hyps, refs, {}));
    }
  });
});

describe('accumulator errors', () => {
  it('refuses an unknown metric or option, as the corpus functions do, naming the argument', () => {
    expect(() => accumulator('meteor' as 'bleu')).toThrow(/accumulator: metric must be one of "rouge", "bleu", "chrf", got "meteor"/);
    expect(() => accumulator(7 as unknown as 'bleu')).toThrow(TypeError);
    expect(() => accumulator('bleu', { tokenizer: '13a' } as BleuOptions)).toThrow(/accumulator: unknown option "tokenizer"/);
    expect(() => accumulator('rouge', { types: ['rouge0' as RougeType] })).toThrow(/accumulator: options\.types\[0\]/);
    expect(() => accumulator('chrf', { charOrder: 0 })).toThrow(RangeError);
  });

  it('add() refuses a bad segment, naming the argument', () => {
    expect(() => accumulator('bleu').add(3 as unknown as string, 'a')).toThrow(/accumulator\('bleu'\)\.add: hypothesis must be a string, got 3/);
    expect(() => accumulator('chrf').add('a', [])).toThrow(/accumulator\('chrf'\)\.add: references must be a non-empty list/);
    expect(() => accumulator('rouge').add('a', ['b', 4 as unknown as string])).toThrow(/accumulator\('rouge'\)\.add: references\[1\] must be a string/);
  });

  it('merge() refuses statistics of another metric or other options, naming what differs', () => {
    const bleu = accumulator('bleu').add('a b', 'a b');
    expect(() => accumulator('chrf').merge(bleu.stats())).toThrow(/these are statistics of "bleu", this accumulator computes "chrf"/);
    const cases: [() => Accumulator<unknown>, AnyOptions, string][] = [
      [() => accumulator('bleu'), { tokenize: 'intl' }, 'options.tokenize is "intl" in the statistics, "13a" here'],
      [() => accumulator('bleu'), { lowercase: true }, 'options.lowercase is true in the statistics, false here'],
      [() => accumulator('bleu'), { smoothMethod: 'floor' }, 'options.smoothMethod is "floor"'],
      [() => accumulator('bleu', { smoothMethod: 'floor' }), { smoothMethod: 'floor', smoothValue: 0.2 }, 'options.smoothValue is 0.2 in the statistics, 0.1 here'],
      [() => accumulator('bleu'), { maxNgramOrder: 3 }, 'options.maxNgramOrder is 3'],
      [() => accumulator('bleu'), { effectiveOrder: true }, 'options.effectiveOrder is true'],
      [() => accumulator('chrf'), { beta: 1 }, 'options.beta is 1 in the statistics, 2 here'],
      [() => accumulator('chrf'), { whitespace: true }, 'options.whitespace is true'],
      [() => accumulator('rouge'), { types: ['rouge1'] }, 'options.types is ["rouge1"] in the statistics, ["rouge1","rouge2","rougeL","rougeLsum"] here'],
      [() => accumulator('rouge'), { stemmer: true }, 'options.stemmer is true'],
      [() => accumulator('rouge'), { tokenizer: 'unicode' }, 'options.tokenizer is "unicode" in the statistics, "rouge" here'],
      [() => accumulator('rouge'), { multiReference: 'mean' }, 'options.multiReference is "mean"'],
      [() => accumulator('rouge'), { beta: 2 }, 'options.beta is 2'],
    ];
    for (const [make, other, message] of cases) {
      const target = make();
      const metric = target.stats().metric;
      const theirs = accumulator(metric, other).add('a b', 'a c').stats();
      expect(() => target.merge(theirs), message).toThrow(message);
      expect(target.stats().segments, 'nothing merged').toBe(0);
    }
    // Limits that change no number are not compared.
    expect(() => accumulator('rouge').merge(accumulator('rouge', { maxLcsCells: 10 }).stats())).not.toThrow();
  });

  it('merge() checks untrusted statistics field by field and merges nothing when a check fails', () => {
    const good = accumulator('bleu').add('a b c', 'a b d').stats();
    const target = accumulator('bleu').add('x', 'x');
    const before = target.result();
    const bad: [unknown, RegExp][] = [
      [null, /accumulator\('bleu'\)\.merge: stats must be statistics/],
      [[1, 2], /stats must be statistics/],
      ['{}', /stats must be statistics/],
      [{ ...good, format: 'x' }, /stats\.format must be "nlg-metrics-stats"/],
      [{ ...good, version: 2 }, /stats\.version must be 1, got 2 \(written by a newer nlg-metrics\)/],
      [{ ...good, options: null }, /stats\.options must be an object, got null/],
      [{ ...good, options: { ...good.options, tokenize: undefined } }, /stats\.options\.tokenize is missing/],
      [{ ...good, options: { ...good.options, extra: 1 } }, /stats\.options\.extra is not an option of bleu statistics/],
      [{ ...good, segments: -1 }, /stats\.segments must be a non-negative integer, got -1/],
      [{ ...good, segments: 1.5 }, /stats\.segments must be a non-negative integer/],
      [{ ...good, stats: undefined }, /stats\.stats must be an array of 13 non-negative integers, got undefined/],
      [{ ...good, stats: [1, 2] }, /stats\.stats must have 13 entries for these options, got 2/],
      [{ ...good, stats: good.stats?.map((x, i) => (i === 3 ? -1 : x)) }, /stats\.stats\[3\] must be a non-negative integer, got -1/],
      [{ ...good, stats: good.stats?.map((x, i) => (i === 3 ? '1' : x)) }, /stats\.stats\[3\] must be a non-negative integer, got "1"/],
      [{ ...good, segments: 2 }, /stats\.stats\[10\] \(segments\) is 1, but stats\.segments is 2/],
    ];
    for (const [s, re] of bad) {
      expect(() => target.merge(s), String(re)).toThrow(re);
      expect(target.result()).toStrictEqual(before);
    }
    const rouge = accumulator('rouge', { types: ['rouge1'] }).add('a', 'a').stats();
    expect(() => accumulator('rouge', { types: ['rouge1'] }).merge({ ...rouge, sums: [[1], [1]] })).toThrow(/stats\.sums must have 3 entries/);
    expect(() => accumulator('rouge', { types: ['rouge1'] }).merge({ ...rouge, sums: [[1], [1], [null]] })).toThrow(/stats\.sums\[2\]\[0\] must be a finite number, got null/);
    expect(() => accumulator('rouge', { types: ['rouge1'] }).merge({ ...rouge, sums: [[1], 1, [1]] })).toThrow(/stats\.sums\[1\] must be an array of numbers/);
    const chrf = accumulator('chrf').add('a', 'a').stats();
    expect(() => accumulator('chrf').merge({ ...chrf, references: undefined })).toThrow(/stats\.references must be an object \{ min, max \}/);
    expect(() => accumulator('chrf').merge({ ...chrf, references: { min: 2, max: 1 } })).toThrow(/1 <= min <= max/);
    expect(() => accumulator('chrf').merge({ ...chrf, references: { min: 1, max: 1.5 } })).toThrow(/stats\.references\.max must be a non-negative integer/);
  });

  it('a custom ROUGE tokenizer is recorded by its name: equal names merge, other names and built-ins are refused', () => {
    const words = { name: 'words', tokenize: (t: string) => t.split(' ') };
    const sameName = { name: 'words', tokenize: (t: string) => t.split(' ') };
    const acc = accumulator('rouge', { tokenizer: words }).add('a b', 'a b');
    expect(acc.stats().options.tokenizer).toEqual({ name: 'words' });
    expect(() => accumulator('rouge', { tokenizer: sameName }).merge(acc.stats())).not.toThrow();
    expect(() => accumulator('rouge', { tokenizer: { name: 'other', tokenize: words.tokenize } }).merge(acc.stats())).toThrow(
      'options.tokenizer is {"name":"words"} in the statistics, {"name":"other"} here',
    );
    // A tokenizer object is never taken for the built-in of the same name (it may stem or not).
    expect(() => accumulator('rouge', { tokenizer: 'unicode' }).merge(accumulator('rouge', { tokenizer: { name: 'unicode', tokenize: words.tokenize } }).stats())).toThrow(
      /options\.tokenizer is \{"name":"unicode"\} in the statistics, "unicode" here/,
    );
  });
});
