import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize13a } from '../../src/tokenize/sacrebleu13a';
import { tokenizeChar } from '../../src/tokenize/sacrebleuChar';
import { tokenizeIntl } from '../../src/tokenize/sacrebleuIntl';
import { tokenizeZh } from '../../src/tokenize/sacrebleuZh';
import { getTokenizer, tokenize, TOKENIZER_NAMES, type TokenizerName } from '../../src/tokenize/tokenizer';
import { isPyWhitespaceRef, pySplitRef } from '../helpers/python';

const anyText = fc.oneof(
  fc.string({ unit: 'binary' }), // includes lone surrogates
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('a', 'Z', '1', '.', ',', '-', ' ', '\n', '&amp;', '中', '😀', '\ud800', '\u0301', 'ก', '\x85', '\ufeff') }),
);

describe('getTokenizer / tokenize', () => {
  it('documented examples', () => {
    expect(getTokenizer('13a').tokenize('Hello, world!')).toEqual(['Hello', ',', 'world', '!']);
    expect(tokenize('The cats were running!', 'rouge', { stemmer: true })).toEqual(['the', 'cat', 'were', 'run']);
  });

  it('every built-in tokenizer: never throws, never yields an empty token or one containing white space', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const name of TOKENIZER_NAMES) {
          const toks = tokenize(s, name);
          expect(Array.isArray(toks)).toBe(true);
          for (const t of toks) {
            expect(typeof t).toBe('string');
            expect(t.length).toBeGreaterThan(0);
            expect([...t].some(isPyWhitespaceRef)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('13a, intl, zh, char give the output string split on Python white space (what BLEU counts)', () => {
    const strFn: Record<string, (s: string) => string> = { '13a': tokenize13a, intl: tokenizeIntl, zh: tokenizeZh, char: tokenizeChar };
    fc.assert(
      fc.property(anyText, (s) => {
        for (const name of ['13a', 'intl', 'zh', 'char'] as const) {
          expect(tokenize(s, name)).toEqual(pySplitRef((strFn[name] as (s: string) => string)(s)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('whitespace and none split on Python white space only (not on U+FEFF, but on U+0085 and U+001C)', () => {
    expect(tokenize('a\ufeffb c\x85d\x1ce\u3000f', 'whitespace')).toEqual(['a\ufeffb', 'c', 'd', 'e', 'f']);
    expect(tokenize(' x  y ', 'none')).toEqual(['x', 'y']);
  });

  // Idempotence: re-tokenizing the space-joined tokens gives the same tokens.
  //  - whitespace, none: tokens hold no white space, so joining with one space and splitting is the identity.
  //  - char: every token is one code point.
  //  - rouge without stemming: tokens are [a-z0-9]+, already lowercase.
  //  - unicode without stemming: see unicode.test.ts (texts without dictionary-segmented scripts).
  // Not idempotent: rouge/unicode WITH stemming (a stem is stemmed again), and 13a/intl/zh, whose rules look
  // at neighbours that re-tokenizing changes (below).
  it.each(['whitespace', 'none', 'char', 'rouge'] as TokenizerName[])('%s is idempotent', (name) => {
    fc.assert(
      fc.property(anyText, (s) => {
        const toks = tokenize(s, name);
        expect(tokenize(toks.join(' '), name)).toEqual(toks);
      }),
      { numRuns: 300 },
    );
  });

  it('13a, intl and zh are not idempotent', () => {
    // In "a..5" the first '.' is split off (after a letter); the second is consumed by that match, and is
    // followed by a digit, so it stays on "5". Once "a . .5" is re-tokenized it follows a space.
    for (const name of ['13a', 'intl', 'zh'] as const) {
      expect(tokenize('a..5', name)).toEqual(['a', '.', '.5']);
      expect(tokenize('a . .5', name)).toEqual(['a', '.', '.', '5']);
    }
  });

  it('stemming is not idempotent', () => {
    // agreed → agre (NLTK), and agre → agr (step 5a drops the final e: m(agr) = 1 and agr is not *o).
    expect(tokenize('agreed', 'rouge', { stemmer: true })).toEqual(['agre']);
    expect(tokenize('agre', 'rouge', { stemmer: true })).toEqual(['agr']);
    expect(tokenize('agreed', 'unicode', { stemmer: true })).toEqual(['agre']);
  });

  it('argument errors name the function and the argument', () => {
    expect(() => tokenize(42 as unknown as string, '13a')).toThrow(/tokenize: text must be a string/);
    expect(() => tokenize('x', 'nope' as TokenizerName)).toThrow(RangeError);
    expect(() => getTokenizer('13a', { stemmer: true })).toThrow(/stemmer/);
    expect(() => getTokenizer('unicode', { stemer: true } as unknown as { stemmer: boolean })).toThrow(/unknown option "stemer"/);
  });

  it('accepts a custom tokenizer object', () => {
    const custom = { name: 'chars', tokenize: (t: string) => [...t] };
    expect(tokenize('ab', custom)).toEqual(['a', 'b']);
  });
});
