/**
 * chrF++'s word tokens (sacrebleu 2.6.0 `CHRF._remove_punctuation`) as integer ids, straight from the text.
 *
 * The rule: split on Python white space; a word of two or more characters whose last character is ASCII
 * punctuation (`string.punctuation`) becomes (rest, last); otherwise, if its first character is punctuation,
 * (first, rest). Only one character is ever split off, so `(hi)` gives `(hi` and `)`, and `...` gives `..` and
 * `.`. Python tests `len(w) == 1` in code points, this scan in UTF-16 units; they differ only for a single
 * astral character, which neither rule splits (its units are surrogates, never punctuation).
 *
 * Each token's range of UTF-16 units is interned by the core's {@link TokenInterner} (`internRange`: no
 * substring is created and no string is used as a key, which makes chrF++ tokenization several times cheaper
 * than slicing words and looking them up in a `Map`). Ids are dense and stable for the life of the interner.
 * @internal
 */
import { isPyWhitespace } from '../../internal/pywhitespace.js';
import { TokenInterner } from '../../ngram/interner.js';

/** True for the 32 characters of Python's `string.punctuation`. */
function isAsciiPunct(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

export class WordInterner {
  private readonly interner = new TokenInterner(128);

  /** Number of distinct tokens seen. */
  get size(): number {
    return this.interner.size;
  }

  /**
   * Writes the ids of the word tokens of `text` into `out` (grown if needed) and returns the grown buffer and
   * how many were written. Hand-written scan: it is chrF++'s hot path.
   *
   * @param text - The (already lowercased, if asked) segment.
   * @param out - Buffer for the ids; a larger one is returned when it is too small.
   * @returns `[buffer, count]`.
   */
  tokenize(text: string, out: Int32Array): [Int32Array, number] {
    const interner = this.interner;
    let buf = out;
    let n = 0;
    const len = text.length;
    let startAt = -1;
    for (let i = 0; i <= len; i++) {
      if (i < len && !isPyWhitespace(text.charCodeAt(i))) {
        if (startAt < 0) startAt = i;
        continue;
      }
      if (startAt < 0) continue;
      if (n + 2 > buf.length) {
        const grown = new Int32Array(Math.max(16, buf.length * 2));
        grown.set(buf.subarray(0, n));
        buf = grown;
      }
      if (i - startAt > 1 && isAsciiPunct(text.charCodeAt(i - 1))) {
        buf[n++] = interner.internRange(text, startAt, i - 1);
        buf[n++] = interner.internRange(text, i - 1, i);
      } else if (i - startAt > 1 && isAsciiPunct(text.charCodeAt(startAt))) {
        buf[n++] = interner.internRange(text, startAt, startAt + 1);
        buf[n++] = interner.internRange(text, startAt + 1, i);
      } else buf[n++] = interner.internRange(text, startAt, i);
      startAt = -1;
    }
    return [buf, n];
  }

  /**
   * The id of the token `text[from..to)`, assigned on first sight.
   *
   * @param text - The text holding the token.
   * @param from - Its first unit.
   * @param to - One past its last unit.
   * @returns Its id.
   */
  id(text: string, from: number, to: number): number {
    return this.interner.internRange(text, from, to);
  }

  /**
   * The token of an id (for tests and debugging).
   *
   * @param id - An id this interner gave out.
   * @returns The token's text.
   * @throws RangeError for an id it did not give out.
   */
  word(id: number): string {
    return this.interner.word(id);
  }
}
