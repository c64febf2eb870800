import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPairsSummary } from '../../src/pairs/summary.js';
import { rankingToPairs, ratingsToPairs, recordToPairs, resolvePairsOptions } from '../../src/pairs/toPairs.js';
import type { PairStrategy, PairsOptions, PreferencePair } from '../../src/pairs/types.js';
import { fixtureCases } from '../helpers/fixtures';

interface PairsCase {
  id: string;
  function: 'rankingToPairs' | 'ratingsToPairs';
  record: unknown;
  options: Record<string, unknown>;
  expected: { pairs: PreferencePair[] } | { error: string };
}

const CASES: PairsCase[] = fixtureCases<PairsCase>('pairs.jsonl');

const FNS = { rankingToPairs, ratingsToPairs } as const;
const key = (p: PreferencePair): string => JSON.stringify([p.prompt, p.chosen, p.rejected, p.margin]);
const keys = (ps: readonly PreferencePair[]): string[] => ps.map(key).sort();

describe('pairs parity (test/fixtures/pairs.jsonl)', () => {
  it('has cases of both functions, every strategy, and errors', () => {
    expect(CASES.length).toBeGreaterThan(100);
    expect(CASES.filter((c) => 'error' in c.expected).length).toBeGreaterThan(3);
  });

  it.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const fn = FNS[c.function];
    const call = (): PreferencePair[] => fn(c.record as never, c.options as PairsOptions);
    if ('error' in c.expected) {
      expect(call).toThrow();
      expect(() => recordToPairs(c.record as never, c.options as PairsOptions)).toThrow();
      return;
    }
    const got = call();
    expect(keys(got)).toEqual(keys(c.expected.pairs));
    expect(keys(recordToPairs(c.record as never, c.options as PairsOptions).pairs)).toEqual(keys(c.expected.pairs));
  });
});

describe('rankingToPairs / ratingsToPairs', () => {
  const rec = { prompt: 'Q', completions: ['w', 'x', 'y', 'z'], ranks: [3, 1, 2, 3] };

  it('pairs levels as each strategy says, chosen first, in level then input order', () => {
    const p = (chosen: string, rejected: string, margin: number): PreferencePair => ({ prompt: 'Q', chosen, rejected, margin });
    expect(rankingToPairs(rec)).toEqual([p('x', 'y', 1), p('x', 'w', 2), p('x', 'z', 2), p('y', 'w', 1), p('y', 'z', 1)]);
    expect(rankingToPairs(rec, { strategy: 'best-vs-rest' })).toEqual([p('x', 'y', 1), p('x', 'w', 2), p('x', 'z', 2)]);
    expect(rankingToPairs(rec, { strategy: 'best-vs-worst' })).toEqual([p('x', 'w', 2), p('x', 'z', 2)]);
    expect(rankingToPairs(rec, { strategy: 'adjacent' })).toEqual([p('x', 'y', 1), p('y', 'w', 1), p('y', 'z', 1)]);
    expect(rankingToPairs(rec, { minMargin: 2 })).toEqual([p('x', 'w', 2), p('x', 'z', 2)]);
  });

  it('gives no pairs for fewer than two levels', () => {
    expect(rankingToPairs({ prompt: 'Q', completions: [], ranks: [] })).toEqual([]);
    expect(rankingToPairs({ prompt: 'Q', completions: ['a'], ranks: [1] })).toEqual([]);
    expect(ratingsToPairs({ prompt: 'Q', completions: ['a', 'b'], scores: [2, 2] }, { strategy: 'best-vs-worst' })).toEqual([]);
  });

  it('never emits a pair of identical texts, and treats -0 and 0 as a tie', () => {
    expect(ratingsToPairs({ prompt: 'Q', completions: ['a', 'a', 'b'], scores: [3, 2, 1] })).toEqual([
      { prompt: 'Q', chosen: 'a', rejected: 'b', margin: 2 },
      { prompt: 'Q', chosen: 'a', rejected: 'b', margin: 1 },
    ]);
    expect(ratingsToPairs({ prompt: 'Q', completions: ['a', 'b'], scores: [0, -0] })).toEqual([]);
  });

  it('ties: "error" refuses ties, naming them', () => {
    expect(() => rankingToPairs({ prompt: 'Q', completions: ['a', 'b', 'c'], ranks: [2, 1, 2] }, { ties: 'error' })).toThrow(
      /^rankingToPairs: record\.ranks has a tie \(completions 0 and 2 both have rank 2\) and options\.ties is "error"$/,
    );
    expect(rankingToPairs({ prompt: 'Q', completions: ['a', 'b'], ranks: [2, 1] }, { ties: 'error' })).toHaveLength(1);
  });

  it('works with __proto__ and constructor as prompt and completions', () => {
    const r = JSON.parse('{"prompt":"__proto__","completions":["__proto__","constructor","toString"],"scores":[1,3,2]}');
    expect(ratingsToPairs(r, { strategy: 'adjacent' })).toEqual([
      { prompt: '__proto__', chosen: 'constructor', rejected: 'toString', margin: 1 },
      { prompt: '__proto__', chosen: 'toString', rejected: '__proto__', margin: 1 },
    ]);
  });

  it('weight "inverse-pairs" makes each prompt weigh 1 in total (1 / C(K, 2) for a full ranking)', () => {
    const pairs = rankingToPairs({ prompt: 'Q', completions: ['a', 'b', 'c', 'd'], ranks: [1, 2, 3, 4] }, { weight: 'inverse-pairs' });
    expect(pairs).toHaveLength(6);
    for (const p of pairs) expect(p.weight).toBe(1 / 6);
    expect(Object.keys(pairs[0] as object)).toEqual(['prompt', 'chosen', 'rejected', 'margin', 'weight']);
    expect(Object.keys(rankingToPairs(rec)[0] as object)).toEqual(['prompt', 'chosen', 'rejected', 'margin']);
  });

  it('rejects malformed records naming the field', () => {
    const bad = (r: unknown, re: RegExp, E: ErrorConstructor = TypeError): void => {
      expect(() => rankingToPairs(r as never)).toThrow(E);
      expect(() => rankingToPairs(r as never)).toThrow(re);
    };
    bad(null, /^rankingToPairs: record must be an object, got null$/);
    bad([], /record must be an object/);
    bad({ prompt: 1, completions: [], ranks: [] }, /^rankingToPairs: record\.prompt must be a string, got 1$/);
    bad({ prompt: 'p', completions: 'ab', ranks: [] }, /record\.completions must be an array of strings/);
    bad({ prompt: 'p', completions: ['a', 7], ranks: [1, 2] }, /^rankingToPairs: record\.completions\[1\] must be a string, got 7$/);
    bad({ prompt: 'p', completions: ['a', 'b'], ranks: [1, null] }, /^rankingToPairs: record\.ranks\[1\] must be a finite number, got null$/);
    bad({ prompt: 'p', completions: ['a', 'b'], ranks: [1, Number.NaN] }, /record\.ranks\[1\] must be a finite number, got NaN/);
    bad({ prompt: 'p', completions: ['a', 'b'], ranks: [1, Number.POSITIVE_INFINITY] }, /record\.ranks\[1\] must be a finite number/);
    bad({ prompt: 'p', completions: ['a', 'b'], ranks: [1, '2'] }, /record\.ranks\[1\] must be a finite number, got "2"/);
    bad({ prompt: 'p', completions: ['a', 'b'], scores: [1, 2] }, /record\.ranks must be an array of finite numbers, got undefined/);
    bad({ prompt: 'p', completions: ['a', 'b'], ranks: [1] }, /^rankingToPairs: record\.ranks must have one entry per completion \(2\), got 1$/, RangeError);
    expect(() => ratingsToPairs({ prompt: 'p', completions: ['a'], scores: [1, 2, 3] })).toThrow(/ratingsToPairs: record\.scores must have one entry per completion \(1\), got 3/);
    expect(() => ratingsToPairs({ prompt: 'p', completions: ['a', 'b'], scores: [1.7e308, -1.7e308] })).toThrow(/margin .* is not a finite number/);
  });

  it('rejects bad options naming them', () => {
    const r = { prompt: 'p', completions: ['a', 'b'], ranks: [1, 2] };
    const bad = (o: unknown, re: RegExp): void => expect(() => rankingToPairs(r, o as PairsOptions)).toThrow(re);
    bad({ strategy: 'no-such-strategy' }, /^rankingToPairs: options\.strategy must be one of "all", "best-vs-rest", "best-vs-worst", "adjacent", got "no-such-strategy"$/);
    bad({ ties: 'keep' }, /options\.ties must be one of "drop", "error"/);
    bad({ stratgy: 'all' }, /^rankingToPairs: unknown option "stratgy"/);
    bad({ minMargin: -1 }, /options\.minMargin must be >= 0, got -1/);
    bad({ minMargin: Number.NaN }, /options\.minMargin must be a finite number/);
    bad({ maxPairsPerPrompt: 0 }, /options\.maxPairsPerPrompt must be >= 1, got 0/);
    bad({ maxPairsPerPrompt: 1.5 }, /options\.maxPairsPerPrompt must be an integer/);
    bad({ seed: 0.5 }, /options\.seed must be an integer/);
    bad({ weight: 'uniform' }, /options\.weight must be one of "none", "inverse-pairs"/);
    bad('all', /rankingToPairs: options must be an object/);
    expect(resolvePairsOptions('f', undefined)).toEqual({
      strategy: 'all',
      ties: 'drop',
      minMargin: 0,
      maxPairsPerPrompt: Number.POSITIVE_INFINITY,
      seed: 0,
      weight: 'none',
    });
  });

  it('recordToPairs needs exactly one of ranks and scores', () => {
    expect(() => recordToPairs({ prompt: 'p', completions: ['a'], ranks: [1], scores: [1] } as never)).toThrow(/recordToPairs: record must have either "ranks" .* got both/);
    expect(() => recordToPairs({ prompt: 'p', completions: ['a'] } as never)).toThrow(/got neither/);
  });

  it('maxPairsPerPrompt keeps a seeded, reproducible subset in the original order', () => {
    const r = { prompt: 'Q', completions: ['a', 'b', 'c', 'd', 'e', 'f'], ranks: [1, 2, 3, 4, 5, 6] };
    const full = rankingToPairs(r);
    const some = rankingToPairs(r, { maxPairsPerPrompt: 4, seed: 7 });
    expect(some).toHaveLength(4);
    expect(rankingToPairs(r, { maxPairsPerPrompt: 4, seed: 7 })).toEqual(some);
    const positions = some.map((p) => full.findIndex((q) => key(q) === key(p)));
    expect(positions.every((x, i) => x >= 0 && (i === 0 || x > (positions[i - 1] as number)))).toBe(true);
    const seeds = Array.from({ length: 20 }, (_, s) => keys(rankingToPairs(r, { maxPairsPerPrompt: 4, seed: s })).join());
    expect(new Set(seeds).size).toBeGreaterThan(10);
    const res = recordToPairs(r, { maxPairsPerPrompt: 4 });
    expect(res.summary.sampledOutPairs).toBe(11);
    expect(res.summary.pairs).toBe(4);
  });

  it('maxPairsPerPrompt chooses every candidate pair about equally often', () => {
    const r = { prompt: 'Q', completions: ['a', 'b', 'c', 'd'], ranks: [1, 2, 3, 4] }; // 6 candidates
    const hits = new Map<string, number>();
    const trials = 3000;
    for (let seed = 0; seed < trials; seed++) {
      for (const p of rankingToPairs(r, { maxPairsPerPrompt: 2, seed })) hits.set(key(p), (hits.get(key(p)) ?? 0) + 1);
    }
    expect(hits.size).toBe(6);
    // each is chosen with probability 1/3: 1000 expected, sd about 26
    for (const v of hits.values()) expect(Math.abs(v - 1000)).toBeLessThan(130);
  });
});

// ---------------------------------------------------------------------------------------------------
// Laws, against an independent O(N^2) oracle over completion indices.
// ---------------------------------------------------------------------------------------------------
interface Gen {
  prompt: string;
  completions: string[];
  values: number[];
}
const genRecord: fc.Arbitrary<Gen> = fc
  .array(fc.tuple(fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor', '', 'é\u0301'), fc.integer({ min: 1, max: 5 })), { maxLength: 8 })
  .chain((items) =>
    fc.record({
      prompt: fc.constantFrom('p', '__proto__', ''),
      completions: fc.constant(items.map((x) => x[0])),
      values: fc.constant(items.map((x) => x[1])),
    }),
  );

/** Oracle: index pairs (better, worse) of a strategy; values are scores (higher is better). */
function oracle(g: Gen, strategy: PairStrategy): [number, number][] {
  const distinct = [...new Set(g.values)].sort((a, b) => b - a);
  const best = distinct[0];
  const worst = distinct[distinct.length - 1];
  const out: [number, number][] = [];
  for (let i = 0; i < g.values.length; i++) {
    for (let j = 0; j < g.values.length; j++) {
      const vi = g.values[i] as number;
      const vj = g.values[j] as number;
      if (!(vi > vj) || g.completions[i] === g.completions[j]) continue;
      const ok =
        strategy === 'all' ||
        (strategy === 'best-vs-rest' && vi === best) ||
        (strategy === 'best-vs-worst' && vi === best && vj === worst) ||
        (strategy === 'adjacent' && distinct.indexOf(vj) === distinct.indexOf(vi) + 1);
      if (ok) out.push([i, j]);
    }
  }
  return out;
}
const toPairsOf = (g: Gen, idx: [number, number][]): string[] =>
  idx
    .map(([i, j]) => key({ prompt: g.prompt, chosen: g.completions[i] as string, rejected: g.completions[j] as string, margin: (g.values[i] as number) - (g.values[j] as number) }))
    .sort();
const rated = (g: Gen) => ({ prompt: g.prompt, completions: g.completions, scores: g.values });
const ranked = (g: Gen) => ({ prompt: g.prompt, completions: g.completions, ranks: g.values.map((v) => 10 - v) });
const STRATS: PairStrategy[] = ['all', 'best-vs-rest', 'best-vs-worst', 'adjacent'];

/** Multiset inclusion of sorted key lists. */
function isSubMultiset(small: string[], big: string[]): boolean {
  const m = new Map<string, number>();
  for (const k of big) m.set(k, (m.get(k) ?? 0) + 1);
  for (const k of small) {
    const c = m.get(k) ?? 0;
    if (c === 0) return false;
    m.set(k, c - 1);
  }
  return true;
}

describe('pairs laws (fast-check)', () => {
  it('every strategy gives exactly the oracle pairs; rankings and ratings agree', () => {
    fc.assert(
      fc.property(genRecord, fc.constantFrom(...STRATS), (g, strategy) => {
        const want = toPairsOf(g, oracle(g, strategy));
        expect(keys(ratingsToPairs(rated(g), { strategy }))).toEqual(want);
        expect(keys(rankingToPairs(ranked(g), { strategy }))).toEqual(want);
      }),
    );
  });

  it('all: N choose 2 less tied and identical pairs, each chosen strictly preferred, none twice', () => {
    fc.assert(
      fc.property(genRecord, (g) => {
        const n = g.values.length;
        let tied = 0;
        let identical = 0;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            if (g.values[i] === g.values[j]) tied++;
            else if (g.completions[i] === g.completions[j]) identical++;
          }
        }
        const { pairs, summary } = recordToPairs(rated(g));
        expect(pairs).toHaveLength((n * (n - 1)) / 2 - tied - identical);
        expect(summary).toEqual({
          prompts: 1,
          promptsWithoutPairs: pairs.length === 0 ? 1 : 0,
          completions: n,
          pairs: pairs.length,
          tiedPairs: tied,
          identicalPairs: identical,
          underMarginPairs: 0,
          sampledOutPairs: 0,
        });
        for (const p of pairs) {
          expect(p.margin).toBeGreaterThan(0);
          expect(p.chosen).not.toBe(p.rejected);
          // some completion with the chosen text is rated exactly `margin` above one with the rejected text
          const ok = g.values.some((vi, i) => g.completions[i] === p.chosen && g.values.some((vj, j) => g.completions[j] === p.rejected && vi - vj === p.margin));
          expect(ok).toBe(true);
        }
        if (new Set(g.completions).size === n) expect(new Set(pairs.map(key)).size).toBe(pairs.length);
      }),
    );
  });

  it('best-vs-worst ⊆ best-vs-rest ⊆ all, and adjacent ⊆ all', () => {
    fc.assert(
      fc.property(genRecord, (g) => {
        const [all, rest, worst, adj] = STRATS.map((strategy) => keys(ratingsToPairs(rated(g), { strategy })));
        expect(isSubMultiset(worst as string[], rest as string[])).toBe(true);
        expect(isSubMultiset(rest as string[], all as string[])).toBe(true);
        expect(isSubMultiset(adj as string[], all as string[])).toBe(true);
      }),
    );
  });

  it('minMargin keeps exactly the pairs with margin >= minMargin, and the summary accounts for every pair', () => {
    fc.assert(
      fc.property(genRecord, fc.constantFrom(...STRATS), fc.integer({ min: 0, max: 5 }), (g, strategy, minMargin) => {
        const all = ratingsToPairs(rated(g), { strategy });
        const { pairs, summary } = recordToPairs(rated(g), { strategy, minMargin });
        expect(pairs).toEqual(all.filter((p) => p.margin >= minMargin));
        expect(summary.underMarginPairs).toBe(all.length - pairs.length);
      }),
    );
  });

  it('maxPairsPerPrompt: min(k, n) pairs, a subsequence of the full list, same for the same seed; weights sum to 1', () => {
    fc.assert(
      fc.property(genRecord, fc.constantFrom(...STRATS), fc.integer({ min: 1, max: 6 }), fc.integer(), (g, strategy, k, seed) => {
        const full = ratingsToPairs(rated(g), { strategy });
        const opts: PairsOptions = { strategy, maxPairsPerPrompt: k, seed, weight: 'inverse-pairs' };
        const some = ratingsToPairs(rated(g), opts);
        expect(some).toHaveLength(Math.min(k, full.length));
        expect(ratingsToPairs(rated(g), opts)).toEqual(some);
        let at = 0;
        for (const p of some) {
          while (at < full.length && key(full[at] as PreferencePair) !== key(p)) at++;
          expect(at).toBeLessThan(full.length);
          at++;
        }
        if (some.length > 0) expect(Math.abs(some.reduce((s, p) => s + (p.weight as number), 0) - 1)).toBeLessThan(1e-12);
        expect(recordToPairs(rated(g), opts).summary.sampledOutPairs).toBe(full.length - some.length);
      }),
    );
  });

  it('ties: "error" throws exactly when two completions share a value', () => {
    fc.assert(
      fc.property(genRecord, (g) => {
        const hasTie = new Set(g.values).size < g.values.length;
        const call = (): unknown => ratingsToPairs(rated(g), { ties: 'error' });
        if (hasTie) expect(call).toThrow(RangeError);
        else expect(call()).toEqual(ratingsToPairs(rated(g)));
      }),
    );
  });

  it('leaves frozen inputs unchanged', () => {
    fc.assert(
      fc.property(genRecord, fc.constantFrom(...STRATS), (g, strategy) => {
        const r = rated(g);
        const frozen = Object.freeze({ prompt: r.prompt, completions: Object.freeze([...r.completions]), scores: Object.freeze([...r.scores]) });
        const opts = Object.freeze({ strategy, maxPairsPerPrompt: 3, weight: 'inverse-pairs' as const });
        const before = JSON.stringify([frozen, opts]);
        ratingsToPairs(frozen, opts);
        recordToPairs(frozen, opts);
        expect(JSON.stringify([frozen, opts])).toBe(before);
      }),
    );
  });

  it('summaries add up over records in any split', () => {
    fc.assert(
      fc.property(fc.array(genRecord, { maxLength: 6 }), fc.nat(), (gs, cut) => {
        const sums = gs.map((g) => recordToPairs(rated(g)).summary);
        const k = cut % (gs.length + 1);
        const left = createPairsSummary();
        const right = createPairsSummary();
        sums.slice(0, k).forEach((s) => left.add(s));
        sums.slice(k).forEach((s) => right.add(s));
        const whole = createPairsSummary();
        sums.forEach((s) => whole.add(s));
        expect(createPairsSummary().add(right.result()).add(left.result()).result()).toEqual(whole.result());
        expect(whole.result().pairs).toBe(gs.reduce((s, g) => s + ratingsToPairs(rated(g)).length, 0));
      }),
    );
  });
});

describe('createPairsSummary', () => {
  it('rejects counts that are not non-negative integers, naming the field', () => {
    const acc = createPairsSummary();
    const ok = acc.result();
    expect(ok.prompts).toBe(0);
    expect(() => acc.add({ ...ok, pairs: -1 })).toThrow(/^PairsSummaryAccumulator\.add: summary\.pairs must be a non-negative integer, got -1$/);
    expect(() => acc.add({ ...ok, tiedPairs: 1.5 })).toThrow(/summary\.tiedPairs/);
    expect(() => acc.add(null as never)).toThrow(TypeError);
    expect(acc.result()).toEqual(ok);
  });
});
