// BLEU's counting internals against plain string-keyed oracles: the occurrence-chain matcher (the
// single-reference path) and every path of BleuCounter (references' own dictionaries, corpus-wide ids for
// several references, orders above the chain matcher's, repetitive pairs past its work bound).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyRstrip } from '../../src/internal/pywhitespace';
import { BleuCounter, bleuCorpusRows, bleuSegmentStats, corpusBleu, finalizeBleu, resolveBleuOptions, sentenceBleu, type BleuOptions, type BleuTokenizerName } from '../../src/metrics/bleu';
import { pyLower } from '../../src/internal/pyLower';
import { CHAIN_MAX_ORDER, ChainMatcher } from '../../src/ngram/chainMatcher';
import { getTokenizer } from '../../src/tokenize/tokenizer';

/** n-gram counts of a token list by string keys (an independent oracle). */
function ngramCounts(tokens: readonly (string | number)[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const k = JSON.stringify(tokens.slice(i, i + n));
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** Σ over n-grams of min(count in hyp, max count over refs): sacrebleu's clipped matches. */
function clipped(hyp: readonly (string | number)[], refs: readonly (readonly (string | number)[])[], n: number): number {
  const max = new Map<string, number>();
  for (const r of refs) for (const [k, c] of ngramCounts(r, n)) max.set(k, Math.max(max.get(k) ?? 0, c));
  let s = 0;
  for (const [k, c] of ngramCounts(hyp, n)) s += Math.min(c, max.get(k) ?? 0);
  return s;
}

/** sacrebleu's statistics row of one segment from the public tokenizers' tokens, as a plain transcription. */
function oracleRow(hyp: string, refs: readonly string[], name: BleuTokenizerName, lowercase: boolean, N: number): number[] {
  const tok = getTokenizer(name);
  const tokens = (t: string) => tok.tokenize(pyRstrip(lowercase ? pyLower(t) : t));
  const h = tokens(hyp);
  const rs = refs.map(tokens);
  let closest = (rs[0] as string[]).length;
  for (const r of rs) {
    const d = Math.abs(h.length - r.length);
    const best = Math.abs(h.length - closest);
    if (d < best || (d === best && r.length < closest)) closest = r.length;
  }
  const row = [h.length, closest];
  for (let n = 1; n <= N; n++) row.push(clipped(h, rs, n));
  for (let n = 1; n <= N; n++) row.push(Math.max(0, h.length - n + 1));
  row.push(1, refs.length, refs.length * refs.length);
  return row;
}

/** Numbers the reference's tokens in order of first sight and links their positions, as BleuCounter does. */
function chainsOf(ref: readonly number[], hyp: readonly number[]) {
  const local = new Map<number, number>();
  const tok = ref.map((t) => {
    let id = local.get(t);
    if (id === undefined) local.set(t, (id = local.size));
    return id;
  });
  const m = local.size;
  const first = new Int32Array(m).fill(-1);
  const last = new Int32Array(m).fill(-1);
  const next = new Int32Array(ref.length).fill(-1);
  const occurrences = new Int32Array(m);
  tok.forEach((id, j) => {
    if ((first[id] as number) < 0) first[id] = j;
    else next[last[id] as number] = j;
    last[id] = j;
    occurrences[id] = (occurrences[id] as number) + 1;
  });
  return { tok: Int32Array.from(tok), next, first, occurrences, m, hyp: Int32Array.from(hyp, (t) => local.get(t) ?? m) };
}

/** Copies `a` into a larger array at `at`, with junk around it (the matcher must read only its range). */
function embed(a: Int32Array, at: number): Int32Array {
  const b = new Int32Array(a.length + at + 3).fill(7);
  b.set(a, at);
  return b;
}

// Small alphabets make repeated n-grams (the clipping) common.
const ids = (alphabet: number, max = 40) => fc.array(fc.nat(alphabet - 1), { maxLength: max });

describe('ChainMatcher', () => {
  it('gives the clipped overlap of every order at once, as a string-keyed count does (or declines)', () => {
    const matcher = new ChainMatcher();
    let answered = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((k) => fc.tuple(ids(k), ids(k))), fc.integer({ min: 1, max: 8 }), fc.nat(5), ([ref, hyp], N, at) => {
        const c = chainsOf(ref, hyp);
        const out = new Int32Array(N);
        if (!matcher.overlaps(embed(c.tok, at), embed(c.next, at), at, ref.length, embed(c.first, at), embed(c.occurrences, at), at, c.m, c.hyp, hyp.length, N, out)) return;
        answered++;
        for (let n = 1; n <= N; n++) expect(out[n - 1]).toBe(clipped(hyp, [ref], n));
      }),
      { numRuns: 500 },
    );
    expect(answered).toBeGreaterThan(400);
  });

  it('always answers when tokens rarely repeat, and for the highest order it takes', () => {
    const matcher = new ChainMatcher();
    fc.assert(
      fc.property(ids(400, 80), ids(400, 80), (ref, hyp) => {
        const c = chainsOf(ref, hyp);
        const out = new Int32Array(CHAIN_MAX_ORDER);
        expect(matcher.overlaps(c.tok, c.next, 0, ref.length, c.first, c.occurrences, 0, c.m, c.hyp, hyp.length, CHAIN_MAX_ORDER, out)).toBe(true);
        for (const n of [1, 2, 3, 5, 8, 30]) expect(out[n - 1]).toBe(clipped(hyp, [ref], n));
      }),
      { numRuns: 200 },
    );
  });

  it('declines a very repetitive pair within its work bound, and counts an identical one exactly', () => {
    const matcher = new ChainMatcher();
    const same = chainsOf(new Array<number>(500).fill(3), new Array<number>(400).fill(3));
    expect(matcher.overlaps(same.tok, same.next, 0, 500, same.first, same.occurrences, 0, same.m, same.hyp, 400, 4, new Int32Array(4))).toBe(false);
    const text = Array.from({ length: 300 }, (_, i) => (i * 7919) % 1000);
    const c = chainsOf(text, text);
    const out = new Int32Array(4);
    expect(matcher.overlaps(c.tok, c.next, 0, 300, c.first, c.occurrences, 0, c.m, c.hyp, 300, 4, out)).toBe(true);
    expect(Array.from(out)).toEqual([300, 299, 298, 297]);
  });

  it('handles empty sides', () => {
    const matcher = new ChainMatcher();
    const out = new Int32Array(3).fill(9);
    const c = chainsOf([1, 2], []);
    expect(matcher.overlaps(c.tok, c.next, 0, 2, c.first, c.occurrences, 0, c.m, c.hyp, 0, 3, out)).toBe(true);
    expect(Array.from(out)).toEqual([0, 0, 0]);
    const d = chainsOf([], [1, 2]);
    expect(matcher.overlaps(d.tok, d.next, 0, 0, d.first, d.occurrences, 0, d.m, d.hyp, 2, 3, out)).toBe(true);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });
});

// Words that collide on BleuCounter's lookup key (same ends and length: `rat`/`rot`, `aab`/`abb`), case
// variants, Object.prototype names, punctuation that the tokenizers split or keep, and non-ASCII.
const word = fc.constantFrom('rat', 'rot', 'aab', 'abb', 'a', 'A', 'b', 'ab', 'Die', 'die', 'über', 'Über', '__proto__', 'constructor', '.', ',', '1,5', '-', '“x”', '😀', 'ß', 'İ');
const sep = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\u00a0', '', '.', ', ', '\n');
const line = fc.array(fc.tuple(word, sep), { maxLength: 14 }).map((ws) => ws.map(([w, s]) => w + s).join(''));
const text = fc.oneof({ weight: 4, arbitrary: line }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) });
const tokenizer = fc.constantFrom<BleuTokenizerName>('13a', 'intl', 'zh', 'char', 'none');

/** A corpus whose references come from a small pool, so they repeat (cached) interleaved with others. */
const corpus = fc
  .tuple(fc.array(text, { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(text, fc.array(fc.nat(4), { minLength: 1, maxLength: 3 })), { maxLength: 10 }))
  .map(([pool, segs]) => ({
    hyps: segs.map(([h]) => h),
    refs: segs.map(([, picks]) => picks.map((p) => pool[p % pool.length] as string)),
  }));

function expectRowsAsOracle(hyps: string[], refs: string[][], o: BleuOptions): void {
  const resolved = resolveBleuOptions('test', o);
  const { data, n, width } = bleuCorpusRows(hyps, refs, resolved);
  for (let i = 0; i < n; i++) {
    const row = Array.from(data.subarray(i * width, (i + 1) * width));
    expect(row).toEqual(oracleRow(hyps[i] as string, refs[i] as string[], resolved.tokenize, resolved.lowercase, resolved.maxNgramOrder));
  }
}

describe('BleuCounter statistics equal a string-keyed transcription of sacrebleu', () => {
  it('on corpora with repeated, single and several references, every tokenizer, both cases', () => {
    fc.assert(
      fc.property(corpus, tokenizer, fc.boolean(), fc.integer({ min: 1, max: 6 }), ({ hyps, refs }, tok, lowercase, maxNgramOrder) => {
        expectRowsAsOracle(hyps, refs, { tokenize: tok, lowercase, maxNgramOrder });
      }),
      { numRuns: 150 },
    );
  });

  it('above the chain matcher\'s highest order (counted on corpus-wide ids)', () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: CHAIN_MAX_ORDER - 1, max: CHAIN_MAX_ORDER + 3 }), ({ hyps, refs }, maxNgramOrder) => {
        expectRowsAsOracle(hyps, refs, { maxNgramOrder });
      }),
      { numRuns: 30 },
    );
  });

  it('on repetitive pairs past the chain matcher\'s work bound, mixed with ordinary ones', () => {
    const hyps = ['a a a a b a a a a b '.repeat(30), 'the cat sat', 'a '.repeat(400), 'b a '.repeat(100)];
    const refs = [['a a b a a a b '.repeat(40)], ['the cat sat on the mat'], ['a '.repeat(300)], ['a b '.repeat(120)]];
    expectRowsAsOracle(hyps, refs, { tokenize: 'none' });
    expectRowsAsOracle(hyps, refs, { tokenize: '13a', maxNgramOrder: 7 });
  });

  it('on lines that need 13a\'s preprocessing (entities, <skipped>, newlines), counted against their reference', () => {
    const hyps = ['a &amp; b &lt;c&gt;', 'x-\ny <skipped> z', 'q &quot;r&quot;\n', 'a & b'];
    const refs = [['a & b <c>'], ['xy z'], ['q "r"'], ['a &amp; b']];
    expectRowsAsOracle(hyps, refs, {});
    expect(corpusBleu(['a &amp; b &lt;c&gt; d'], ['a & b <c> d']).score).toBe(corpusBleu(['a & b <c> d'], ['a & b <c> d']).score);
  });

  it('a long reference of many distinct long words, repeated (the dictionary outgrows its first buffers mid-line)', () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i.toString(36).padStart(3, 'x')}ord${i % 7}`);
    const ref = [...words, ...words.slice(0, 300), ...words.slice(100, 400)].join(' ');
    const hyp = [...words.slice(50, 350), 'extra', ...words.slice(0, 250)].join(' ');
    expectRowsAsOracle([hyp, 'wxxxord0 extra'], [[ref], [ref]], { maxNgramOrder: 5 });
    expectRowsAsOracle([hyp], [[ref]], { tokenize: 'char' });
  });

  it('a reference seen before and one seen just now give the same counts, whatever came in between', () => {
    const r = 'die Katze saß auf der Matte .';
    const one = sentenceBleu('die Katze lag auf der Matte .', r);
    const c = corpusBleu(['die Katze lag auf der Matte .', 'ganz anders', 'die Katze lag auf der Matte .'], [r, 'etwas anderes hier', r]);
    expect(c.counts).toEqual(one.counts.map((x) => 2 * x));
  });
});

// Any sequence of sentenceBleu and bleuSegmentStats calls (arrays outgrown mid-line or not) counts each
// segment as the string-keyed oracle does: nothing carries over from one call to the next.
describe('sequences of one-segment calls', () => {
  const long = Array.from({ length: 3000 }, (_, i) => `t${i % 1700}`).join(' ');
  const segment = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(text, fc.array(text, { minLength: 1, maxLength: 3 })) },
    // Long and repeated tokens: arrays outgrown mid-line.
    { weight: 1, arbitrary: fc.constantFrom<[string, string[]]>([long, [long]], ['x'.repeat(20000) + ' b b b', ['b ' + 'x'.repeat(20000)]], ['a '.repeat(600), ['a '.repeat(500) + 'b']]) },
  );
  it('sentenceBleu / bleuSegmentStats in any order, with any options, give the oracle rows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(segment, tokenizer, fc.integer({ min: 1, max: 5 }), fc.boolean()), { minLength: 1, maxLength: 8 }), (calls) => {
        for (const [[hyp, refs], tok, maxNgramOrder, viaSentence] of calls) {
          const o = resolveBleuOptions('test', { tokenize: tok, maxNgramOrder });
          const expected = oracleRow(hyp, refs, tok, false, maxNgramOrder);
          if (viaSentence) {
            const r = sentenceBleu(hyp, refs, { tokenize: tok, maxNgramOrder, effectiveOrder: false });
            expect([r.sysLen, r.refLen, ...r.counts, ...r.totals]).toEqual(expected.slice(0, 2 + 2 * maxNgramOrder));
            expect(r).toEqual(corpusBleu([hyp], [refs], { tokenize: tok, maxNgramOrder }));
          } else {
            expect(bleuSegmentStats(hyp, refs, o)).toEqual(expected);
          }
        }
      }),
      { numRuns: 120 },
    );
  });

});

// corpusBleu and bleuCorpusRows count the segments grouped by their first reference (a repeated reference stays
// in cache): the same rows and the same sums as counting each segment on its own, in order.
describe('segments counted grouped by reference', () => {
  it('corpusBleu = the sum of independently counted rows; bleuCorpusRows = those rows, in place', () => {
    fc.assert(
      fc.property(corpus, tokenizer, fc.integer({ min: 1, max: 5 }), ({ hyps, refs }, tok, maxNgramOrder) => {
        const o = resolveBleuOptions('test', { tokenize: tok, maxNgramOrder });
        const rows = hyps.map((h, i) => bleuSegmentStats(h, refs[i] as string[], o));
        const sum = new Float64Array(2 * maxNgramOrder + 5);
        for (const row of rows) row.forEach((v, k) => (sum[k] = (sum[k] as number) + v));
        expect(corpusBleu(hyps, refs, { tokenize: tok, maxNgramOrder })).toEqual(finalizeBleu(sum, o));
        const { data, width } = bleuCorpusRows(hyps, refs, o);
        rows.forEach((row, i) => expect(Array.from(data.subarray(i * width, (i + 1) * width))).toEqual(row));
      }),
      { numRuns: 200 },
    );
  });

  it('three systems against the same references, interleaved or not', () => {
    const refs = ['die Katze saß auf der Matte .', 'ein Hund bellt laut', 'Äpfel und Birnen , 1,5 kg', 'die Katze saß auf der Matte .'];
    const systems = [
      ['die Katze lag auf der Matte .', 'ein Hund bellt', 'Äpfel , Birnen 1,5 kg', 'die Katze'],
      ['eine Katze saß auf einer Matte', 'Hund bellt laut', 'Äpfel und Birnen', 'auf der Matte .'],
      ['die Katze saß auf der Matte .', 'ein Hund', 'Birnen , 1,5 kg', 'saß auf der'],
    ];
    const hyps = systems.flat();
    const all = [...refs, ...refs, ...refs];
    const one = (h: string[]) => bleuCorpusRows(h, h.map((_, i) => [refs[i] as string]), resolveBleuOptions('test', {})).data;
    const expected = systems.flatMap((h) => Array.from(one(h)));
    expect(Array.from(bleuCorpusRows(hyps, all.map((r) => [r]), resolveBleuOptions('test', {})).data)).toEqual(expected);
    const interleaved = refs.flatMap((_, i) => systems.map((h) => h[i] as string));
    expect(corpusBleu(interleaved, refs.flatMap((r) => [r, r, r]))).toEqual(corpusBleu(hyps, all));
  });
});
