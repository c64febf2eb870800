/**
 * chrF++'s word tokens (sacrebleu 2.6.0 `CHRF._remove_punctuation`) as integer ids, straight from the text.
 *
 * The rule: split on Python white space; a word of two or more characters whose last character is ASCII
 * punctuation (`string.punctuation`) becomes (rest, last); otherwise, if its first character is punctuation,
 * (first, rest). Only one character is ever split off, so `(hi)` gives `(hi` and `)`, and `...` gives `..` and
 * `.`. Python tests `len(w) == 1` in code points, this scan in UTF-16 units; they differ only for a single
 * astral character, which neither rule splits (its units are surrogates, never punctuation).
 *
 * Each token's range of UTF-16 units is interned in an open-addressing table (FNV-1a hash, then a unit-by-unit
 * comparison with the stored copy): no substring is created and no string is used as a key, which makes
 * chrF++ tokenization several times cheaper than slicing words and looking them up in a `Map`. Ids are dense
 * and stable for the life of the interner, like a `Vocabulary`'s.
 * @internal
 */
import { isPyWhitespace } from '../../internal/pywhitespace.js';

/** FNV-1a over UTF-16 units. */
const SEED = 0x811c9dc5 | 0;
const PRIME = 0x01000193;

/** Lanes per slot: hash, id + 1 (0 = empty). */
const LANES = 2;

/** True for the 32 characters of Python's `string.punctuation`. */
function isAsciiPunct(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

export class WordInterner {
  private table = new Int32Array(LANES * 256);
  private mask = 255;
  /** The units of every token, one after the other. */
  private pool = new Uint16Array(1024);
  private poolLen = 0;
  /** Per id: where its units start in `pool`, and how many. */
  private start = new Int32Array(128);
  private length = new Int32Array(128);
  private count = 0;

  /** Number of distinct tokens seen. */
  get size(): number {
    return this.count;
  }

  /**
   * Writes the ids of the word tokens of `text` into `out` (grown if needed) and returns the grown buffer and
   * how many were written.
   *
   * @param text - The (already lowercased, if asked) segment.
   * @param out - Buffer for the ids; a larger one is returned when it is too small.
   * @returns `[buffer, count]`.
   */
  tokenize(text: string, out: Int32Array): [Int32Array, number] {
    let buf = out;
    let n = 0;
    const len = text.length;
    let startAt = -1;
    let h = SEED; // hash of the word so far
    for (let i = 0; i <= len; i++) {
      if (i < len) {
        const c = text.charCodeAt(i);
        if (!isPyWhitespace(c)) {
          if (startAt < 0) {
            startAt = i;
            h = SEED;
          }
          h = Math.imul(h ^ c, PRIME);
          continue;
        }
      }
      if (startAt < 0) continue;
      if (n + 2 > buf.length) {
        const grown = new Int32Array(Math.max(16, buf.length * 2));
        grown.set(buf.subarray(0, n));
        buf = grown;
      }
      if (i - startAt === 1) buf[n++] = this.idHashed(text, startAt, i, h);
      else if (isAsciiPunct(text.charCodeAt(i - 1))) {
        buf[n++] = this.id(text, startAt, i - 1);
        buf[n++] = this.id(text, i - 1, i);
      } else if (isAsciiPunct(text.charCodeAt(startAt))) {
        buf[n++] = this.id(text, startAt, startAt + 1);
        buf[n++] = this.id(text, startAt + 1, i);
      } else buf[n++] = this.idHashed(text, startAt, i, h);
      startAt = -1;
    }
    return [buf, n];
  }

  /** The id of the token `text[from..to)`, assigned on first sight. */
  id(text: string, from: number, to: number): number {
    let h = SEED;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), PRIME);
    return this.idHashed(text, from, to, h);
  }

  /** {@link id} given the FNV-1a hash of the range. */
  private idHashed(text: string, from: number, to: number, h: number): number {
    const t = this.table;
    const mask = this.mask;
    const len = to - from;
    let s = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const at = s * LANES;
      const stored = t[at + 1] as number;
      if (stored === 0) break;
      if (t[at] === h) {
        const id = stored - 1;
        if (this.length[id] === len && this.same(id, text, from)) return id;
      }
      s = (s + 1) & mask;
    }
    return this.insert(h, text, from, to);
  }

  private same(id: number, text: string, from: number): boolean {
    const pool = this.pool;
    const at = this.start[id] as number;
    const len = this.length[id] as number;
    for (let k = 0; k < len; k++) if (pool[at + k] !== text.charCodeAt(from + k)) return false;
    return true;
  }

  private insert(h: number, text: string, from: number, to: number): number {
    const id = this.count++;
    const len = to - from;
    if (id === this.start.length) {
      const s = new Int32Array(id * 2);
      s.set(this.start);
      this.start = s;
      const l = new Int32Array(id * 2);
      l.set(this.length);
      this.length = l;
    }
    if (this.poolLen + len > this.pool.length) {
      const p = new Uint16Array(Math.max(this.pool.length * 2, this.poolLen + len));
      p.set(this.pool.subarray(0, this.poolLen));
      this.pool = p;
    }
    for (let k = 0; k < len; k++) this.pool[this.poolLen + k] = text.charCodeAt(from + k);
    this.start[id] = this.poolLen;
    this.length[id] = len;
    this.poolLen += len;
    this.place(h, id);
    if (2 * this.count > this.mask + 1) this.grow();
    return id;
  }

  private place(h: number, id: number): void {
    const t = this.table;
    const mask = this.mask;
    let s = (h ^ (h >>> 16)) & mask;
    while (t[s * LANES + 1] !== 0) s = (s + 1) & mask;
    t[s * LANES] = h;
    t[s * LANES + 1] = id + 1;
  }

  private grow(): void {
    const old = this.table;
    const cap = (this.mask + 1) * 2;
    this.table = new Int32Array(LANES * cap);
    this.mask = cap - 1;
    for (let at = 0; at < old.length; at += LANES) {
      const stored = old[at + 1] as number;
      if (stored !== 0) this.place(old[at] as number, stored - 1);
    }
  }

  /**
   * The token of an id (for tests and debugging).
   *
   * @param id - An id this interner gave out.
   * @returns The token's text.
   */
  word(id: number): string {
    if (!(id >= 0 && id < this.count)) throw new RangeError(`WordInterner: unknown id ${id}`);
    const at = this.start[id] as number;
    let out = '';
    for (let k = 0; k < (this.length[id] as number); k++) out += String.fromCharCode(this.pool[at + k] as number);
    return out;
  }
}
