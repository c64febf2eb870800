import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PSN_RUNS } from '../../src/tokenize/internal/unicode15';
import { tokenize13a, tokens13a } from '../../src/tokenize/sacrebleu13a';
import { tokenizeChar, tokensChar } from '../../src/tokenize/sacrebleuChar';
import { tokenizeIntl, tokensIntl } from '../../src/tokenize/sacrebleuIntl';
import { tokenizeZh, tokensZh } from '../../src/tokenize/sacrebleuZh';
import { tokenize } from '../../src/tokenize/tokenizer';
import { fixtureCases } from '../helpers/fixtures';
import { pySplitRef, pyStripRef } from '../helpers/python';

type SacreName = '13a' | 'intl' | 'zh' | 'char';

interface SacreCase {
  id: string;
  options: { tokenizer: SacreName };
  text: string;
  expected: { output: string };
}

const cases: SacreCase[] = fixtureCases<SacreCase>('tokenize_sacrebleu.jsonl');

const pyJoinSplit = (s: string): string => pySplitRef(s).join(' ');

const STRING_FN: Record<SacreName, (s: string) => string> = { '13a': tokenize13a, intl: tokenizeIntl, zh: tokenizeZh, char: tokenizeChar };
const TOKENS_FN: Record<SacreName, (s: string) => string[]> = { '13a': tokens13a, intl: tokensIntl, zh: tokensZh, char: tokensChar };

describe('sacrebleu tokenizers against tokenize_sacrebleu.jsonl (sacrebleu 2.6.0)', () => {
  it('has cases of every tokenizer', () => {
    for (const name of ['13a', 'intl', 'zh', 'char'] as const) {
      expect(cases.filter((c) => c.options.tokenizer === name).length).toBeGreaterThan(100);
    }
  });

  // What BLEU counts: tokenize(text, name) must equal Python's str.split() of sacrebleu's output string
  // (this is exactly what shared/tools/parity.mjs checks).
  it.each(cases.map((c) => [c.id, c.options.tokenizer, c] as const))('%s (%s): tokenize() = str.split() of the output', (_id, name, c) => {
    expect(tokenize(c.text, name)).toEqual(pySplitRef(c.expected.output));
  });

  // The raw output string. For 13a, intl and zh sacrebleu returns ' '.join(line.split()), and for char
  // " ".join(code points), so nothing is lost by white-space splitting: the strings must be IDENTICAL,
  // character for character (including the white-space items of char).
  it.each(cases.map((c) => [c.id, c.options.tokenizer, c] as const))('%s (%s): output string identical', (_id, name, c) => {
    expect(STRING_FN[name](c.text)).toBe(c.expected.output);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Oracles: literal transcriptions of sacrebleu's steps, one regex substitution after another. JavaScript's
// String.replace with a global regex finds leftmost, non-overlapping matches exactly as Python's re.sub
// does (none of these patterns can match the empty string), and replaceAll(string) is str.replace.
// They are slow (a chain of passes) but obviously faithful; the scanners must agree with them everywhere.

function oracleMteval(line: string): string {
  // Non-unicode regexes, as written in sacrebleu (identity escapes are legal without the u flag). A
  // surrogate pair is two units here and one code point in Python; the results are the same because no
  // pattern can match a surrogate as its punctuation, digit or dash.
  line = line.replace(/([\{-\~\[-\` -\&\(-\+\:-\@\/])/g, ' $1 ');
  line = line.replace(/([^0-9])([\.,])/g, '$1 $2 ');
  line = line.replace(/([\.,])([^0-9])/g, ' $1 $2');
  line = line.replace(/([0-9])(-)/g, '$1 $2 ');
  return pyJoinSplit(line);
}

function oracle13a(line: string): string {
  line = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  line = line.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  return oracleMteval(` ${line} `);
}

// sacrebleu's zh range table, with the same string literals: JavaScript, like Python, reads '\u20000' as
// U+2000 followed by the digit 0. Compared as Python compares strings: code point by code point.
const ZH_TABLE: readonly (readonly [string, string])[] = [
  ['\u3400', '\u4db5'], ['\u4e00', '\u9fa5'], ['\u9fa6', '\u9fbb'], ['\uf900', '\ufa2d'], ['\ufa30', '\ufa6a'],
  ['\ufa70', '\ufad9'], ['\u20000', '\u2a6d6'], ['\u2f800', '\u2fa1d'], ['\uff00', '\uffef'], ['\u2e80', '\u2eff'],
  ['\u3000', '\u303f'], ['\u31c0', '\u31ef'], ['\u2f00', '\u2fdf'], ['\u2ff0', '\u2fff'], ['\u3100', '\u312f'],
  ['\u31a0', '\u31bf'], ['\ufe10', '\ufe1f'], ['\ufe30', '\ufe4f'], ['\u2600', '\u26ff'], ['\u2700', '\u27bf'],
  ['\u3200', '\u32ff'], ['\u3300', '\u33ff'],
];
function pyCompare(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0) as number);
  const y = [...b].map((c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}
const isChineseOracle = (ch: string): boolean => ZH_TABLE.some(([lo, hi]) => pyCompare(lo, ch) <= 0 && pyCompare(ch, hi) <= 0);

function oracleZh(line: string): string {
  let chars = '';
  for (const ch of pyStripRef(line)) chars += isChineseOracle(ch) ? ` ${ch} ` : ch;
  return oracleMteval(chars);
}

// intl: the three regex-module substitutions, with character classes built from the embedded Unicode 15.0
// table (the table itself is checked against the fixtures and the engine in unicode15.test.ts).
function classOf(cat: number): string {
  let body = '';
  for (let i = 0; i < PSN_RUNS.length; i += 2) {
    const packed = PSN_RUNS[i + 1] as number;
    if ((packed & 3) === cat) body += `\\u{${(PSN_RUNS[i] as number).toString(16)}}-\\u{${(packed >>> 2).toString(16)}}`;
  }
  return body;
}
const P = `[${classOf(1)}]`;
const S = `[${classOf(2)}]`;
const NOT_N = `[^${classOf(3)}]`;
const INTL_1 = new RegExp(`(${NOT_N})(${P})`, 'gu');
const INTL_2 = new RegExp(`(${P})(${NOT_N})`, 'gu');
const INTL_3 = new RegExp(`(${S})`, 'gu');
function oracleIntl(line: string): string {
  return pyJoinSplit(line.replace(INTL_1, '$1 $2 ').replace(INTL_2, ' $1 $2').replace(INTL_3, ' $1 '));
}

const oracleChar = (line: string): string => Array.from(line).join(' ');

const ORACLE: Record<SacreName, (s: string) => string> = { '13a': oracle13a, intl: oracleIntl, zh: oracleZh, char: oracleChar };

/** Pieces that exercise every rule and its interactions: digits, `.,-`, entities, CJK, symbols, surrogates. */
const PIECES = [
  'a', 'Z', 'é', '0', '1', '9', '.', ',', '-', '..', '.,', ',1', '1.', '-\n', '\n', ' ', '\t', '\x1c', '\x85', '\xa0',
  '\u2000', '\u3000', '\ufeff', '&', ';', '&amp;', '&quot;', '&lt;', '&gt;', 'amp;', 'lt;', '<skipped>', '<skip', 'ped>',
  '<', '>', '"', "'", '(', '/', '$', '€', '%', '~', '_', '中', '。', '，', 'Ａ', '１', '\u200b', '\u2a6d', '\u2a6e',
  '\u2f81', '\u{20000}', '\u{2f800}', '😀', '👍🏽', '\ud800', '\udc00', '٣', '𝟙', '¡', '¿', '«', '»', '—', '\u2ffc', '\u{1039f}',
];
const adversarial = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));

describe('scanners agree with the regex-chain oracles (Python re.sub semantics)', () => {
  for (const name of ['13a', 'intl', 'zh', 'char'] as const) {
    it(`${name}: adversarial strings`, () => {
      fc.assert(
        fc.property(adversarial, (s) => {
          expect(STRING_FN[name](s)).toBe(ORACLE[name](s));
        }),
        { numRuns: 3000 },
      );
    });
    it(`${name}: arbitrary Unicode (lone surrogates included)`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
          expect(STRING_FN[name](s)).toBe(ORACLE[name](s));
        }),
        { numRuns: 1000 },
      );
    });
    it(`${name}: the token function is the output string split on Python white space`, () => {
      fc.assert(
        fc.property(fc.oneof(adversarial, fc.string({ unit: 'binary' })), (s) => {
          expect(TOKENS_FN[name](s)).toEqual(pySplitRef(STRING_FN[name](s)));
        }),
        { numRuns: 1000 },
      );
    });
  }
});

// Expected values below are worked out by hand from the regexes (see the comments), not copied from output.
describe('tokenize13a', () => {
  it.each([
    // B isolates the first '.', and consumes it, so the second '.' is isolated by C (followed by 'b').
    ['a..b', 'a . . b'],
    // Same, but the second '.' is followed by a digit: C cannot match it, it stays glued to 5.
    ['a..5', 'a . .5'],
    // '1' blocks B on the first '.', B matches ('.', '.') for the second, C then isolates the first.
    ['1..2', '1 . . 2'],
    // Every ',' has digits on both sides.
    ['1,2,3', '1,2,3'],
    // C isolates '.' (followed by '-'); D does not apply since '-' now follows a space, not '1'.
    ['1.-2', '1 . -2'],
    // B at (pad, '.') and ('.', '.') for the third; C for the second.
    ['...', '. . .'],
    ['1...', '1 . . .'],
    ['1.,2', '1 . , 2'],
    // Padding: ',' at the start follows the pad space.
    [',5', ', 5'],
    ['5.', '5 .'],
    // D: a dash after a digit, once: the second dash follows a dash.
    ['1--2', '1 - -2'],
    ['a-1', 'a-1'],
    // Entities, in order quot, amp, lt, gt: &amp;lt; becomes &lt; and then <; &amp;quot; stays &quot;.
    ['&amp;lt;', '<'],
    ['&amp;quot;', '& quot ;'],
    ['&amp;amp;', '& amp ;'],
    ['&apos; &#39;', '& apos ; & # 39 ;'],
    // <skipped> is removed first: what it leaves is not removed again, but '-\n' afterwards is joined.
    ['&lt;skipped&gt;', '< skipped >'],
    ['<skip<skipped>ped>', '< skipped >'],
    ['-<skipped>\nx', 'x'],
    ['hyphen-\nated and new\nline', 'hyphenated and new line'],
    // Python white space: U+0085 and U+001C separate, the BOM does not.
    ['a\x85b\x1cc', 'a b c'],
    ['\ufeffa b', '\ufeffa b'],
    ["It's", "It's"],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(tokenize13a(text)).toBe(expected);
    expect(tokens13a(text)).toEqual(expected === '' ? [] : expected.split(' '));
  });
});

describe('tokenizeIntl', () => {
  it.each([
    ['a..b', 'a . . b'],
    ['a..5', 'a . .5'],
    // Step 1 matches ('.', '-'); step 2 isolates '.', followed by a space now.
    ['1.-2', '1 . - 2'],
    ['1--2', '1 - - 2'],
    // No padding: a final number and period, a leading dash before a number stay whole.
    ['In 1999.', 'In 1999.'],
    ['In 1999. Yes', 'In 1999 . Yes'],
    ['-5', '-5'],
    ['x -5', 'x - 5'],
    // Numbers of any script protect punctuation; symbols are always split off.
    ['٣.٤ ٣.x', '٣.٤ ٣ . x'],
    ['$5 5€ a+b', '$ 5 5 € a + b'],
    ["don't", "don ' t"],
    // Astral characters are one code point: U+1D7D9 is a digit (Nd), U+1039F punctuation (Po).
    ['𝟙.𝟙 𝟙.x x.𝟙', '𝟙.𝟙 𝟙 . x x . 𝟙'],
    ['a\u{1039f}b', 'a \u{1039f} b'],
    // U+2FFC was assigned (So) in Unicode 15.1; the regex module 2022.10.31 (Unicode 15.0) sees Cn.
    ['a\u2ffcb', 'a\u2ffcb'],
    // U+2FF0 has been a symbol since Unicode 3.0.
    ['a\u2ff0b', 'a \u2ff0 b'],
    // Entities are not unescaped.
    ['&amp;', '& amp ;'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(tokenizeIntl(text)).toBe(expected);
  });
});

describe('tokenizeZh', () => {
  it.each([
    ['我爱北京天安门。', '我 爱 北 京 天 安 门 。'],
    // Not padded: the final '100.' stays whole; strip() first.
    ['价格是100.', '价 格 是 100.'],
    ['  ,5  ', ',5'],
    // The '\u20000' bug: U+2001..U+2A6D are "Chinese" (here € U+20AC, ZWSP U+200B, U+2A6D), U+2A6E is not,
    // and neither are real Extension B (U+20000) or the compatibility supplement (U+2F800).
    ['€5', '€ 5'],
    ['a\u200bb', 'a \u200b b'],
    ['a\u2a6db a\u2a6eb', 'a \u2a6d b a\u2a6eb'],
    ['a\u{20000}b a\u{2f800}b', 'a\u{20000}b a\u{2f800}b'],
    // Full-width forms are in U+FF00..U+FFEF.
    ['ＡＢ１', 'Ａ Ｂ １'],
    // The 13a regexes, without entity handling: the '&' is split off but the entity stays.
    ['&amp;', '& amp ;'],
    ['1.-2 a..b', '1 . -2 a . . b'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(tokenizeZh(text)).toBe(expected);
  });
});

describe('tokenizeChar', () => {
  it.each([
    ['I 😀 NY', 'I   😀   N Y'],
    ['a\ud800b', 'a \ud800 b'],
    ['👍🏽', '👍 🏽'],
    [' ', ' '],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(tokenizeChar(text)).toBe(expected);
  });
  it('tokensChar drops white-space items', () => {
    expect(tokensChar('a b\u3000c\ufeff')).toEqual(['a', 'b', 'c', '\ufeff']);
  });
});
