import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyLower } from '../../src/internal/pyLower';
import { WordInterner } from '../../src/metrics/chrf/wordInterner';
import { chrfWordsRef } from '../helpers/python';

describe('pyLower is Python 3.11 str.lower()', () => {
  // Expected strings printed by Python 3.11.2 (Unicode 14.0): repr(s.lower()).
  const table: [string, string][] = [
    ['ΑΣ\u{10d50}', 'ας\u{10d50}'],
    ['\u{10d50}Σ', '\u{10d50}σ'],
    ['ΑΣ\u{10d50}Α', 'ας\u{10d50}α'],
    ['ΑΣ\u1c89', 'ας\u1c89'],
    ['Α\u1c89Σ', 'α\u1c89σ'],
    ['ΑΣ\u1c89Α', 'ας\u1c89α'],
    ['ΑΣ', 'ας'],
    ['Σ', 'σ'],
    ['ΑΣ.Α', 'ασ.α'],
    ['İ', 'i\u0307'],
    ['KELVIN \u212a', 'kelvin k'],
    ['Straße ÄÖÜ', 'straße äöü'],
  ];
  it.each(table)('%j', (input, expected) => {
    expect(pyLower(input)).toBe(expected);
  });

  it('keeps the 55 letters that are upper case only in Unicode > 14', () => {
    const kept = [0x1c89, 0xa7cb, 0xa7cc, 0xa7ce, 0xa7d2, 0xa7d4, 0xa7da, 0xa7dc];
    for (let c = 0x10d50; c <= 0x10d65; c++) kept.push(c);
    for (let c = 0x16ea0; c <= 0x16eb8; c++) kept.push(c);
    expect(kept).toHaveLength(55);
    for (const c of kept) expect(pyLower(`A${String.fromCodePoint(c)}B`)).toBe(`a${String.fromCodePoint(c)}b`);
  });

  it('is toLowerCase on text without those letters (and never changes a lone surrogate)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const special = /[\u1c89\ua7cb-\ua7dc]|\ud803[\udd50-\udd65]|\ud81b[\udea0-\udeb8]/u;
        if (!special.test(s)) expect(pyLower(s)).toBe(s.toLowerCase());
      }),
    );
    expect(pyLower('a\ud800B')).toBe('a\ud800b');
  });
});


describe('WordInterner tokenizes as sacrebleu chrF++ and interns tokens', () => {
  const decode = (wi: WordInterner, text: string) => {
    const [buf, n] = wi.tokenize(text, new Int32Array(1));
    return Array.from(buf.subarray(0, n), (id) => wi.word(id));
  };

  it('splits one punctuation character from the end, else from the start', () => {
    const wi = new WordInterner();
    expect(decode(wi, '(hi) ... a! !a "x" u.s. e-mail don\'t 😀 😀. ')).toEqual([
      '(hi', ')', '..', '.', 'a', '!', '!', 'a', '"x', '"', 'u.s', '.', 'e-mail', "don't", '😀', '😀', '.',
    ]);
  });

  it('matches the plain transcription on arbitrary text, and equal tokens get equal ids', () => {
    const wi = new WordInterner();
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 50 }), fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '(', '\u00a0', '😀'), maxLength: 40 })), (text) => {
        const [buf, n] = wi.tokenize(text, new Int32Array(2));
        const ids = Array.from(buf.subarray(0, n));
        const tokens = ids.map((id) => wi.word(id));
        expect(tokens).toEqual(chrfWordsRef(text));
        for (let i = 0; i < ids.length; i++) {
          for (let j = 0; j < ids.length; j++) expect(ids[i] === ids[j]).toBe(tokens[i] === tokens[j]);
        }
      }),
      { numRuns: 300 },
    );
    expect(() => wi.word(-1)).toThrow(RangeError);
  });

  it('keeps ids stable while it grows to many distinct tokens', () => {
    const wi = new WordInterner();
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const [first, n] = wi.tokenize(words.join(' '), new Int32Array(4));
    expect(n).toBe(5000);
    expect(wi.size).toBe(5000);
    const again = wi.tokenize([...words].reverse().join(' '), new Int32Array(4))[0];
    for (let i = 0; i < 5000; i++) expect(again[4999 - i]).toBe(first[i]);
    expect(wi.word(first[1234] as number)).toBe(words[1234]);
  });
});
