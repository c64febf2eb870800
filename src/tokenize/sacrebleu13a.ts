import { MODE_13A, MODE_13A_RAW, mtevalSpans } from './internal/mteval.js';
import { Spans } from './internal/spans.js';

/**
 * sacrebleu 13a's language-independent part, as consecutive `str.replace` calls (each left to right, not
 * overlapping; a later one sees what an earlier one produced: `&amp;lt;` → `&lt;` → `<`).
 */
function preprocess13a(text: string): string {
  let s = text.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (s.indexOf('&') >= 0) {
    s = s.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  }
  return s;
}

/**
 * Scans `text[0, to)` with the `13a` rules, giving the tokens to `scan`. The preprocessing can only change a
 * line holding a `<`, `&` or newline, so the line is scanned as it is, and copied, preprocessed and scanned
 * again only when the scan meets one of those (almost never in real data).
 *
 * @param text - The line.
 * @param to - Where it ends (BLEU passes the end of Python's `rstrip()`, without slicing).
 * @param scan - Receives the tokens (and the string the spans point into).
 * @internal
 */
export function scan13a(text: string, to: number, scan: Spans): void {
  if (!mtevalSpans(text, 0, to, MODE_13A_RAW, scan)) {
    const s = preprocess13a(to === text.length ? text : text.slice(0, to));
    mtevalSpans(s, 0, s.length, MODE_13A, scan);
  }
}

/**
 * The tokens of sacrebleu's `13a` tokenizer: its output string split on Python's white space, without
 * building that string. `tokenize13a(text) === tokens13a(text).join(' ')`.
 * @internal
 */
export function tokens13a(text: string): string[] {
  const out: string[] = [];
  scan13a(text, text.length, new Spans(out));
  return out;
}

/**
 * sacrebleu's default BLEU tokenizer `13a` (mteval-v13a): returns the tokenized line, tokens separated by
 * single spaces.
 *
 * Steps, exactly as sacrebleu 2.6.0: remove `<skipped>`; join `-` + newline; newline → space; unescape only
 * `&quot;`, `&amp;`, `&lt;`, `&gt;` (in that order; not `&apos;` or numeric entities); pad with a space on
 * each side; split off ASCII punctuation except `'`, `,`, `-`, `.`; split off `.` and `,` unless between
 * two digits (with Python `re.sub`'s non-overlapping left-to-right matching, so `a..b` → `a . . b` and
 * `1,2,3` stays whole); split off `-` after a digit; collapse Python white space.
 *
 * A single scan over character codes (see `internal/mteval.ts`), linear time.
 *
 * @param text - One line (sacrebleu's BLEU passes `line.rstrip()`; callers do that).
 * @returns sacrebleu's output string.
 * @remarks Reproduces `sacrebleu.tokenizers.tokenizer_13a.Tokenizer13a()(text)` (sacrebleu 2.6.0).
 * @example
 * ```ts
 * tokenize13a('Hello, world! 1,000.50 dollars; 1990-2000 in 1999.'); // 'Hello , world ! 1,000.50 dollars ; 1990 - 2000 in 1999 .'
 * ```
 */
export function tokenize13a(text: string): string {
  return tokens13a(text).join(' ');
}
