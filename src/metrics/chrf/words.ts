/**
 * chrF++'s word tokenization (sacrebleu 2.6.0 `CHRF._remove_punctuation`): split on Python white space,
 * then a word of two or more characters whose last character is ASCII punctuation (`string.punctuation`)
 * is cut into (rest, last); otherwise, if its first character is punctuation, into (first, rest). Only one
 * character is ever split off, so `(hi)` gives `(hi` and `)`, and `...` gives `..` and `.`.
 * @internal
 */
import { isPyWhitespace } from '../../internal/pywhitespace.js';

/** True for the 32 characters of Python's `string.punctuation`. */
function isAsciiPunct(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

/**
 * Calls `emit` with each word token of `text`, in order.
 *
 * Python tests `len(w) == 1` in code points; here `w.length` counts UTF-16 units. They differ only for a
 * single astral character, which neither rule splits (its units are surrogates, never punctuation), so the
 * result is the same.
 *
 * @param text - The (already lowercased, if asked) segment.
 * @param emit - Receives each token.
 */
export function forEachChrfWord(text: string, emit: (token: string) => void): void {
  const n = text.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && !isPyWhitespace(text.charCodeAt(i))) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const len = i - start;
    if (len === 1) emit(text.slice(start, i));
    else if (isAsciiPunct(text.charCodeAt(i - 1))) {
      emit(text.slice(start, i - 1));
      emit(text.slice(i - 1, i));
    } else if (isAsciiPunct(text.charCodeAt(start))) {
      emit(text.slice(start, start + 1));
      emit(text.slice(start + 1, i));
    } else emit(text.slice(start, i));
    start = -1;
  }
}

/**
 * The word tokens of `text` as a list (for tests and tools; the metric uses {@link forEachChrfWord}).
 *
 * @param text - The segment.
 * @returns The tokens, in order.
 */
export function chrfWords(text: string): string[] {
  const out: string[] = [];
  forEachChrfWord(text, (t) => out.push(t));
  return out;
}
