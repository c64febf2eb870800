import { isPyWhitespace } from '../internal/pywhitespace.js';
import { CAT_N, CAT_P, CAT_S, psnCategory } from './internal/unicode15.js';
import { emitSpan, Spans, startScan } from './internal/spans.js';

/**
 * Scans `text[0, to)` with the `intl` rules, giving the tokens to `scan`.
 *
 * The three substitutions of sacrebleu (Python `regex`, leftmost non-overlapping matches, one after the
 * other) each surround one character with spaces, so the scan only decides which characters are isolated:
 *  1. `(\P{N})(\p{P})` → `\1 \2 ` isolates the punctuation character at j iff s[j-1] exists, is not a
 *     number, and was not itself consumed as the punctuation of a match at j-1 (non-overlapping);
 *  2. `(\p{P})(\P{N})` → ` \1 \2` isolates again those of step 1 (now followed by a space), and a
 *     punctuation character not isolated by step 1 iff s[j+1] exists and is not a number, unless s[j-1] is
 *     a punctuation character that step 2 isolated without step 1 (its match consumed this one);
 *  3. `(\p{S})` → ` \1 ` isolates every symbol.
 * No padding: a final `1999.` stays whole (as in mteval-v14). Categories are Unicode 15.0's (the tables of
 * `regex` 2022.10.31), embedded, by code point.
 *
 * @param text - The line.
 * @param to - Where it ends (BLEU passes the end of Python's `rstrip()`).
 * @param scan - Receives the tokens.
 * @internal
 */
export function scanIntl(text: string, to: number, scan: Spans): void {
  const s = text;
  const n = to;
  startScan(scan, text);
  const out = scan.out; // string mode tested here rather than in emitSpan (measurably faster)
  let start = -1; // start of the current token
  let prevCat = -1; // category of the previous code point (CAT_WS for white space); -1 at the start
  let prevB = false; // previous code point is punctuation isolated by substitution 1
  let prevIsolated = false; // previous code point is punctuation and isolated
  // The current code point: its category and length in code units (each is classified once; the look-ahead
  // of a punctuation character is carried over to the next step).
  let i = 0;
  let len = 0;
  let cat = 0;
  if (n > 0) {
    const c = s.charCodeAt(0);
    len = c >= 0xd800 && c <= 0xdbff && n > 1 && isLow(s.charCodeAt(1)) ? 2 : 1;
    cat = classify(s, 0, c, len);
  }
  while (i < n) {
    const j = i + len;
    let nextLen = 0;
    let nextCat = -1;
    if (j < n) {
      const d = s.charCodeAt(j);
      nextLen = d >= 0xd800 && d <= 0xdbff && j + 1 < n && isLow(s.charCodeAt(j + 1)) ? 2 : 1;
      nextCat = classify(s, j, d, nextLen);
    }
    if (cat === CAT_WS) {
      if (start >= 0) {
        if (out !== null) out.push(s.slice(start, i));
        else emitSpan(scan, s, start, i);
        start = -1;
      }
    } else {
      let isolate = false;
      if (cat === CAT_S) isolate = true;
      else if (cat === CAT_P) {
        const b: boolean = prevCat >= 0 && prevCat !== CAT_N && !(prevCat === CAT_P && prevB);
        if (b) isolate = true;
        else if (nextCat >= 0 && nextCat !== CAT_N) isolate = !(prevCat === CAT_P && !prevB && prevIsolated);
        prevB = b;
        prevIsolated = isolate;
      }
      if (isolate) {
        if (start >= 0) {
          if (out !== null) out.push(s.slice(start, i));
          else emitSpan(scan, s, start, i);
          start = -1;
        }
        if (out !== null) out.push(len === 1 ? (s[i] as string) : s.slice(i, j));
        else emitSpan(scan, s, i, j);
      } else if (start < 0) start = i;
    }
    prevCat = cat;
    i = j;
    len = nextLen;
    cat = nextCat;
  }
  if (start >= 0) emitSpan(scan, s, start, n);
}

/**
 * The tokens of sacrebleu's `intl` tokenizer: its output split on Python's white space, without building
 * that string. `tokenizeIntl(text) === tokensIntl(text).join(' ')`.
 * @internal
 */
export function tokensIntl(text: string): string[] {
  const out: string[] = [];
  scanIntl(text, text.length, new Spans(out));
  return out;
}

/** Category code of Python white space (neither a number nor punctuation for the substitutions). */
const CAT_WS = 4;
/** Categories of the ASCII characters: 4 Python white space, else as {@link psnCategory}. */
const ASCII_CAT = '00000000044444000000000000004444' + '41112111111211113333333333112221' + '10000000000000000000000000011121' + '20000000000000000000000000012120';

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The category of the code point at `i` (first unit `c`, `len` units long), or {@link CAT_WS}. */
function classify(s: string, i: number, c: number, len: number): number {
  if (c < 0x80) return ASCII_CAT.charCodeAt(c) - 48;
  if (len === 2) return psnCategory(((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000);
  return isPyWhitespace(c) ? CAT_WS : psnCategory(c);
}

/**
 * sacrebleu's `intl` tokenizer (mteval-v14 international): splits off every Unicode punctuation character
 * unless it has a number on both sides (`1,000.50` stays whole), and every Unicode symbol.
 *
 * Exactly sacrebleu 2.6.0 with the `regex` module 2022.10.31 (Unicode 15.0 categories, embedded here so
 * every JavaScript engine gives the same tokens); Python `re.sub` match semantics, so `a..b` and `...` are
 * handled as sacrebleu handles them. No padding, unlike `13a`: a final `1999.` is not split. A single scan
 * over code points, linear time.
 *
 * @param text - One line.
 * @returns sacrebleu's output string, tokens separated by single spaces.
 * @remarks Reproduces `sacrebleu.tokenizers.tokenizer_intl.TokenizerV14International()(text)`.
 * @example
 * ```ts
 * tokenizeIntl('“Quoted” text, €5 and 1,000.50 in 1999.'); // '“ Quoted ” text , € 5 and 1,000.50 in 1999.'
 * ```
 */
export function tokenizeIntl(text: string): string {
  return tokensIntl(text).join(' ');
}
