import { mtevalTokens } from './internal/mteval.js';

/**
 * The tokens of sacrebleu's `13a` tokenizer: its output string split on Python's white space, without
 * building that string. `tokenize13a(text) === tokens13a(text).join(' ')`.
 * @internal
 */
export function tokens13a(text: string): string[] {
  let s = text;
  // sacrebleu's language-independent part, as consecutive str.replace calls (each left to right, not
  // overlapping; a later one sees what an earlier one produced: `&amp;lt;` → `&lt;` → `<`). Skipped
  // entirely when none of the characters involved occurs, which is almost always.
  if (s.indexOf('<') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('&') >= 0) {
    s = s.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
    if (s.indexOf('&') >= 0) {
      s = s.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    }
  }
  const out: string[] = [];
  mtevalTokens(s, 0, s.length, true, false, out);
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
