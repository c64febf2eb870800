import { describe, expect, it } from 'vitest';
import { charNgrams, ngramCounts, ngrams } from '../../src/ngram/ngrams.js';

describe('n-gram functions refuse what they cannot answer exactly', () => {
  it('n is required (it used to default silently to an empty result or a crash)', () => {
    // @ts-expect-error n is missing on purpose
    expect(() => ngrams(['a', 'b'])).toThrow(/ngrams: n must be an integer >= 1/);
    // @ts-expect-error n is missing on purpose
    expect(() => ngramCounts(['a', 'b'])).toThrow(/ngramCounts: n must be an integer >= 1/);
    // @ts-expect-error n is missing on purpose
    expect(() => charNgrams('ab')).toThrow(/charNgrams: n must be an integer >= 1/);
  });

  it('ngramCounts refuses tokens with a space, whose joined keys would collide', () => {
    expect(() => ngramCounts(['a b', 'c'], 2)).toThrow(RangeError);
    expect(() => ngramCounts(['a b', 'c'], 2)).toThrow(/tokens\[0\] contains a space/);
    expect(ngrams(['a b', 'c'], 2)).toEqual([['a b', 'c']]);
  });

  it('an order larger than the text gives no n-grams, at once (2**31 used to exhaust memory)', () => {
    expect(ngramCounts(['a', 'b'], 2 ** 31)).toEqual(new Map());
    expect(ngrams(['a', 'b'], 2 ** 31)).toEqual([]);
    expect(charNgrams('ab', 2 ** 31)).toEqual([]);
  });

  it('empty tokens are keys like any other (no space, so no ambiguity)', () => {
    expect(ngramCounts(['', 'a', '', 'a'], 2)).toEqual(new Map([[' a', 2], ['a ', 1]]));
  });
});
