import { isPyWhitespace } from '../../internal/pywhitespace.js';
import { emitSpan, startScan, type Spans } from './spans.js';

/**
 * The mteval-v13a regular expressions that sacrebleu applies after its `13a` and `zh` preprocessing
 * (`sacrebleu.tokenizers.tokenizer_re.TokenizerRegexp`), as ONE left-to-right scan with one character of
 * look-behind and look-ahead, followed by Python's `' '.join(line.split())`.
 *
 * The four substitutions run one after another, each as Python's `re.sub` (leftmost, non-overlapping):
 *  A. `([\{-\~\[-\` -\&\(-\+\:-\@\/])` → ` \1 `: most ASCII punctuation (every one except `'`, `,`,
 *     `-`, `.`), and the space, is split off;
 *  B. `([^0-9])([\.,])` → `\1 \2 `;
 *  C. `([\.,])([^0-9])` → ` \1 \2` (i.e. followed by a non-digit);
 *  D. `([0-9])(-)` → `\1 \2 `.
 * Every substitution surrounds one character with spaces, so the result is determined by which characters
 * end up *isolated*; everything else stays glued to its neighbours. Derivation (s = the input, D = ASCII
 * digit, P = `.` or `,`; neighbours are those of the input, since an isolated character is never a digit):
 *  - a class-A character is isolated;
 *  - B matches the P at j iff s[j-1] exists and is not a digit, and s[j-1] was not itself consumed as the
 *    second group of a B match at j-1 (non-overlapping matches: in `a..b` only the first `.` matches B);
 *  - a P matched by B is followed by a space and so also matched by C. A P not matched by B is matched by
 *    C iff s[j+1] exists and is not a digit, and s[j-1] is not a P that C matched without B (then C's
 *    second group consumed this P: `a..b` → `a . . b`, but `1..2` → `1 . . 2` through B then C);
 *  - D isolates a `-` directly preceded by a digit (the spaces B and C add are only ever next to a P, so
 *    they never come between a digit and a `-`).
 * `13a` pads the line with a space on both sides (every character has neighbours); `zh` strips it instead
 * (the first P has no left neighbour, the last none on the right: `100.` at the end stays whole).
 *
 * `zh` also isolates its "Chinese" characters before the regexes; an isolated neighbour behaves like the
 * space it is surrounded with (neither a digit nor a P), so the same rules apply.
 * @internal
 */

/**
 * Kinds of the ASCII characters, one digit each: 0 glued, 1 split off (class A), 2 `.` or `,`, 3 `-`,
 * 4 digit, 5 Python white space.
 */
const KIND = '00000000055555000000000000005555' + '51111110111123214444444444111111' + '10000000000000000000000000011111' + '10000000000000000000000000011110';
const K_GLUED = 0;
const K_SPLIT = 1;
const K_PERIOD_COMMA = 2;
const K_DASH = 3;
const K_DIGIT = 4;
const K_SPACE = 5;

function kindOf(c: number, zh: boolean): number {
  if (c < 0x80) return KIND.charCodeAt(c) - 48;
  if (isPyWhitespace(c)) return K_SPACE;
  return zh && isZhChar(c) ? K_SPLIT : K_GLUED;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * sacrebleu zh's `_is_chinese_char` on one UTF-16 code unit. Its table compares one-character strings
 * with the range ends, and two ends are written with five hex digits (`'\u20000'`, `'\u2a6d6'`,
 * `'\u2f800'`, `'\u2fa1d'`), which Python reads as a four-digit escape followed by a digit. So the intended
 * CJK Extension B range acts as U+2001..U+2A6D (general punctuation, currency, arrows, math, ZWSP, ZWJ...)
 * and the compatibility supplement as U+2F81..U+2FA1; no astral character is ever "Chinese". A surrogate
 * code unit is in no range, so testing code units gives the answer for code points.
 * The ranges below are the table's 22 ranges merged.
 * @internal
 */
export function isZhChar(c: number): boolean {
  if (c < 0x2001) return false;
  if (c <= 0x2a6d) return true;
  if (c < 0x2e80) return false;
  if (c <= 0x4db5) {
    return c <= 0x2fdf || (c >= 0x2ff0 && c <= 0x303f) || (c >= 0x3100 && c <= 0x312f) || (c >= 0x31a0 && c <= 0x31ef) || c >= 0x3200;
  }
  if (c < 0x4e00) return false;
  if (c <= 0x9fbb) return true;
  if (c < 0xf900) return false;
  return (
    c <= 0xfa2d ||
    (c >= 0xfa30 && c <= 0xfa6a) ||
    (c >= 0xfa70 && c <= 0xfad9) ||
    (c >= 0xfe10 && c <= 0xfe1f) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef)
  );
}

/** `13a` on the raw line: padded; gives up (returns false) at a `<`, `&` or newline, which its preprocessing may change. */
export const MODE_13A_RAW = 0;
/** `13a` on an already preprocessed line: padded. */
export const MODE_13A = 1;
/** `zh` on a stripped line: not padded; sacrebleu zh's "Chinese" characters are isolated too. */
export const MODE_ZH = 2;

/**
 * Scans `s[from, to)`: the tokens after the four mteval regexes and Python's `split()`, given to `scan` (as
 * strings, or as spans of `s`: see {@link Spans}). The one implementation of the rules: the public tokenizers
 * take the strings, BLEU the spans, which it turns into integer ids without making strings.
 *
 * @param s - The text.
 * @param from - Start of the line in `s`.
 * @param to - End of the line in `s`.
 * @param mode - {@link MODE_13A_RAW}, {@link MODE_13A} or {@link MODE_ZH}.
 * @param scan - Receives the tokens (emptied first); `scan.text` is set to `s`.
 * @returns False, with `scan` incomplete, in {@link MODE_13A_RAW} when the line needs `13a`'s preprocessing.
 */
export function mtevalSpans(s: string, from: number, to: number, mode: number, scan: Spans): boolean {
  startScan(scan, s);
  const padded = mode !== MODE_ZH;
  const zh = mode === MODE_ZH;
  const raw = mode === MODE_13A_RAW;
  let start = -1; // start of the current token
  let prevIsPeriod = false; // the previous character is `.` or `,`
  let prevB = false; // ... and substitution B matched it
  let prevIsolated = false; // ... and it is isolated (by B or C)
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (((c | 0x20) - 0x61) >>> 0 < 26 || (c - 0x30) >>> 0 < 10) {
      // Fast path: ASCII letter or digit (glued to its neighbours).
      if (start < 0) start = i;
      prevIsPeriod = false;
      continue;
    }
    if (c === 0x20) {
      // Fast path: the space.
      if (start >= 0) {
        emitSpan(scan, s, start, i);
        start = -1;
      }
      prevIsPeriod = false;
      continue;
    }
    const kind = kindOf(c, zh);
    let isolate = false;
    if (kind === K_GLUED || kind === K_DIGIT) {
      if (start < 0) start = i;
      prevIsPeriod = false;
      continue;
    }
    if (kind === K_SPACE) {
      if (raw && c === 0x0a) return false;
      if (start >= 0) {
        emitSpan(scan, s, start, i);
        start = -1;
      }
      prevIsPeriod = false;
      continue;
    }
    if (kind === K_SPLIT) {
      if (raw && (c === 0x26 || c === 0x3c)) return false;
      isolate = true;
      prevIsPeriod = false;
    } else if (kind === K_PERIOD_COMMA) {
      const hasPrev = i > from || padded;
      const prevNonDigit = hasPrev && (i === from || !isDigitCode(s.charCodeAt(i - 1)));
      const b: boolean = prevNonDigit && !(prevIsPeriod && prevB);
      if (b) isolate = true;
      else {
        const hasNext = i + 1 < to || padded;
        const nextNonDigit = hasNext && (i + 1 === to || !isDigitCode(s.charCodeAt(i + 1)));
        const consumed: boolean = prevIsPeriod && !prevB && prevIsolated;
        isolate = nextNonDigit && !consumed;
      }
      prevIsPeriod = true;
      prevB = b;
      prevIsolated = isolate;
    } else {
      // K_DASH
      isolate = i > from && isDigitCode(s.charCodeAt(i - 1));
      prevIsPeriod = false;
    }
    if (isolate) {
      if (start >= 0) {
        emitSpan(scan, s, start, i);
        start = -1;
      }
      emitSpan(scan, s, i, i + 1);
    } else if (start < 0) start = i;
  }
  if (start >= 0) emitSpan(scan, s, start, to);
  return true;
}
