import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charNgrams, ngramCounts, ngrams } from '../../src/ngram/ngrams';
import { fixtureCases } from '../helpers/fixtures';
import { isPyWhitespaceRef, pySplitRef } from '../helpers/python';

interface NgramCase {
  id: string;
  options: { function: '_create_ngrams' | 'extract_all_word_ngrams' | 'extract_all_char_ngrams'; n?: number; min_order?: number; max_order?: number; include_whitespace?: boolean };
  text?: string;
  tokens?: string[];
  expected: { ngrams: unknown[]; length?: number };
}

const cases: NgramCase[] = fixtureCases<NgramCase>('ngrams.jsonl');

/** [key, count] pairs in first-occurrence order, as Python's Counter iterates. */
function counted<T>(items: readonly T[], key: (x: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m];
}

describe('n-gram functions against ngrams.jsonl (sacrebleu extract_all_*_ngrams, rouge _create_ngrams)', () => {
  it('has cases of every function', () => {
    for (const f of ['_create_ngrams', 'extract_all_word_ngrams', 'extract_all_char_ngrams']) {
      expect(cases.filter((c) => c.options.function === f).length).toBeGreaterThan(30);
    }
  });

  const byFn = (f: NgramCase['options']['function']) => cases.filter((c) => c.options.function === f).map((c) => [c.id, c] as const);

  it.each(byFn('_create_ngrams'))('%s: rouge _create_ngrams(tokens, n)', (_id, c) => {
    const n = c.options.n as number;
    const tokens = c.tokens as string[];
    const expected = (c.expected.ngrams as [string[], number][]).map(([g, k]) => [JSON.stringify(g), k]);
    // ngrams(): the same multiset, in the same first-occurrence order.
    expect(counted(ngrams(tokens, n), (g) => JSON.stringify(g))).toEqual(expected);
    // ngramCounts(): keys are the tokens joined by a space (rouge tokens are [a-z0-9]+).
    expect([...ngramCounts(tokens, n)]).toEqual((c.expected.ngrams as [string[], number][]).map(([g, k]) => [g.join(' '), k]));
  });

  it.each(byFn('extract_all_word_ngrams'))('%s: sacrebleu extract_all_word_ngrams(text, 1, 4)', (_id, c) => {
    const tokens = pySplitRef(c.text as string);
    expect(tokens.length).toBe(c.expected.length);
    const expected = c.expected.ngrams as [string[], number][];
    const all: string[][] = [];
    for (let n = c.options.min_order as number; n <= (c.options.max_order as number); n++) {
      all.push(...ngrams(tokens, n));
      // Per order, ngramCounts gives that order's entries in the reference's order.
      expect([...ngramCounts(tokens, n)]).toEqual(expected.filter(([g]) => g.length === n).map(([g, k]) => [g.join(' '), k]));
    }
    expect(counted(all, (g) => JSON.stringify(g))).toEqual(expected.map(([g, k]) => [JSON.stringify(g), k]));
  });

  it.each(byFn('extract_all_char_ngrams'))('%s: sacrebleu extract_all_char_ngrams(text, 6, include_whitespace)', (_id, c) => {
    const expected = c.expected.ngrams as [string, number][][];
    for (let n = 1; n <= (c.options.max_order as number); n++) {
      const got = charNgrams(c.text as string, n, { whitespace: !!c.options.include_whitespace });
      expect(counted(got, (g) => g), `order ${n}`).toEqual(expected[n - 1]);
    }
  });
});

const RESERVED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
const tokenLists = fc.array(fc.oneof(fc.constantFrom('a', 'b', 'c', ...RESERVED), fc.string({ maxLength: 3 })), { maxLength: 30 });

describe('ngrams / ngramCounts / charNgrams properties', () => {
  it('ngrams: len − n + 1 overlapping windows, in order; the input is not modified', () => {
    fc.assert(
      fc.property(tokenLists, fc.integer({ min: 1, max: 6 }), (tokens, n) => {
        const frozen = Object.freeze(tokens.slice());
        const grams = ngrams(frozen, n);
        expect(grams.length).toBe(Math.max(0, tokens.length - n + 1));
        grams.forEach((g, i) => expect(g).toEqual(tokens.slice(i, i + n)));
        expect(frozen).toEqual(tokens);
      }),
    );
  });

  it('ngramCounts: Σ counts = len − n + 1 (or 0), one key per distinct n-gram, reserved names are ordinary words', () => {
    fc.assert(
      fc.property(tokenLists.map((t) => t.filter((x) => !x.includes(' '))), fc.integer({ min: 1, max: 4 }), (tokens, n) => {
        const m = ngramCounts(tokens, n);
        let sum = 0;
        for (const v of m.values()) sum += v;
        expect(sum).toBe(Math.max(0, tokens.length - n + 1));
        expect([...m]).toEqual(counted(ngrams(tokens, n), (g) => g.join(' ')));
      }),
    );
  });

  it('ngramCounts counts __proto__, constructor, toString and hasOwnProperty like any word', () => {
    const m = ngramCounts(['__proto__', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '__proto__', 'constructor'], 1);
    expect([...m]).toEqual([
      ['__proto__', 3],
      ['constructor', 2],
      ['toString', 1],
      ['hasOwnProperty', 1],
    ]);
    expect(ngramCounts(['__proto__', '__proto__', '__proto__'], 2).get('__proto__ __proto__')).toBe(2);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('charNgrams: by code point; Python white space removed unless whitespace: true', () => {
    expect(charNgrams('a b', 2)).toEqual(['ab']);
    expect(charNgrams('a b', 2, { whitespace: true })).toEqual(['a ', ' b']);
    expect(charNgrams('😀x', 1)).toEqual(['😀', 'x']);
    // U+FEFF is not Python white space, U+0085 is.
    expect(charNgrams('a\ufeff\x85b', 1)).toEqual(['a', '\ufeff', 'b']);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 6 }), fc.boolean(), (s, n, ws) => {
        const chars = [...s].filter((ch) => ws || !isPyWhitespaceRef(ch));
        const grams = charNgrams(s, n, { whitespace: ws });
        expect(grams.length).toBe(Math.max(0, chars.length - n + 1));
        grams.forEach((g, i) => expect(g).toBe(chars.slice(i, i + n).join('')));
      }),
    );
  });

  it('argument errors name the function and the argument', () => {
    expect(() => ngrams(['a'], 0)).toThrow(RangeError);
    expect(() => ngrams(['a'], 1.5)).toThrow(/ngrams: n must be an integer/);
    expect(() => ngrams('a b' as unknown as string[], 1)).toThrow(/ngrams: tokens must be an array of strings/);
    expect(() => ngramCounts(['a', 3 as unknown as string], 1)).toThrow(/ngramCounts: tokens\[1\] must be a string/);
    expect(() => charNgrams('ab', 1, { whitespaces: true } as unknown as { whitespace: boolean })).toThrow(/unknown option/);
    expect(() => charNgrams(5 as unknown as string, 1)).toThrow(TypeError);
  });
});
