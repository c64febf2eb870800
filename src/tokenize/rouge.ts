/**
 * rouge-score's default tokenizer (`rouge_score.tokenize.tokenize`): `text.lower()`, every run of characters
 * outside `[a-z0-9]` becomes a separator, and with a stemmer tokens longer than 3 characters go through
 * NLTK's Porter stemmer (NLTK_EXTENSIONS mode).
 *
 * One implementation of the rules, {@link scanRougePacked}: a single pass over the character codes that
 * lowercases on the fly and writes each token's units straight into a {@link RougeInterner}, so ROUGE gets
 * integer ids without a single substring. The public string tokenizer ({@link rougeTokens}) reads the same
 * token characters (`unitOf`) and slices each token out.
 * @internal
 */
import { ID_LIMIT } from '../ngram/counter.js';
import { HASH_SEED } from '../ngram/interner.js';
import { porterStem } from './porter.js';

/** FNV-1a's multiplier, for the hash of a {@link RougeInterner} token (one step per slot). */
const FNV_PRIME = 0x01000193;

/** Final mix of a slot hash into the 30 bits stored in the table (small integers stay unboxed). */
function finishHash(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) & 0x3fffffff;
}

/**
 * Units in the last slot of a token: 1..4 by its magnitude (every unit is 1..127, so a slot of k units is at
 * least 2^(7(k−1)) and below 2^(7k)).
 */
function slotUnits(w: number): number {
  return w >= 1 << 21 ? 4 : w >= 1 << 14 ? 3 : w >= 1 << 7 ? 2 : 1;
}

/**
 * The interner of ROUGE's built-in tokenizer: token strings to dense ids, like the core's `TokenInterner`, for
 * tokens whose UTF-16 units are all 1..127 (rouge-score's tokens are `[a-z0-9]+`, and so are their Porter
 * stems). A token is stored as slots of 4 units, 7 bits each, the first unit highest (`abcde` → `abcd`, `e`),
 * so equal tokens have equal slot sequences and a token of n units takes ⌈n/4⌉ slots: a quarter of the
 * memory of one unit a slot, a quarter of the stores while scanning and of the compares when a token is seen
 * again. Hand-written for the hot path of a per-pair `rouge()` call, where a fresh interner per call and the
 * scan ({@link scanRougePacked}) are half the time.
 * @internal
 */
export class RougeInterner {
  /** The slot pool: token `id` is `slots[starts[id] .. starts[id + 1])`; the scan writes a token's slots at `tail`. */
  readonly slots: number[];
  private readonly starts: number[];
  /**
   * Open addressing, linear probing, load <= 1/2: id + 1 per slot, a hole when empty. No stored hashes: a
   * probe compares the slot count, then the slots (a token is a slot or two; a different one differs at once).
   */
  private table: number[];
  private mask: number;
  private count = 0;
  private end = 0;

  /**
   * @param expected - How many distinct tokens to make room for (the tables grow as needed).
   * @param expectedSlots - How many slots they take (about one per 4 units, plus one per token).
   */
  constructor(expected = 32, expectedSlots = 3 * expected) {
    let cap = 16;
    while (cap < 2 * expected) cap *= 2;
    this.table = new Array<number>(cap);
    this.mask = cap - 1;
    this.slots = new Array<number>(expectedSlots);
    this.starts = new Array<number>(expected + 1);
    this.starts[0] = 0;
  }

  /** Number of distinct tokens interned: every id is below this. */
  get size(): number {
    return this.count;
  }

  /** Where the next token's slots are written in {@link slots}. */
  get tail(): number {
    return this.end;
  }

  /**
   * The id of the token whose slots the caller wrote at `slots[tail..end)`.
   *
   * @param end - One past its last slot.
   * @param hash - `h = Math.imul(h ^ slot, 0x01000193)` chained over its slots from {@link HASH_SEED}.
   * @returns Its id. A new token keeps its slots (the tail moves to `end`); a known one gives them back.
   */
  commit(end: number, hash: number): number {
    const slots = this.slots;
    const starts = this.starts;
    const from = this.end;
    const len = end - from;
    const t = this.table;
    const mask = this.mask;
    let s = finishHash(hash) & mask;
    for (;;) {
      const v = t[s];
      if (v === undefined) break;
      const a = starts[v - 1] as number;
      if ((starts[v] as number) - a === len) {
        let k = 0;
        while (k < len && slots[a + k] === slots[from + k]) k++;
        if (k === len) return v - 1;
      }
      s = (s + 1) & mask;
    }
    const id = this.count++;
    if (id >= ID_LIMIT) throw new RangeError(`nlg-metrics: more than ${ID_LIMIT} distinct tokens in one computation`);
    t[s] = id + 1;
    starts[id + 1] = end;
    this.end = end;
    if (2 * this.count > mask) this.grow();
    return id;
  }

  /**
   * The id of a token given as a string (interned if new): the same id a scan of the same units gets.
   *
   * @param token - A non-empty token of units 1..127 (a Porter stem of a rouge token).
   * @throws RangeError for an empty token or another unit.
   */
  intern(token: string): number {
    const slots = this.slots;
    let at = this.end;
    let h = HASH_SEED;
    let w = 0;
    let k = 0;
    if (token.length === 0) throw new RangeError('RougeInterner: an empty token');
    for (let i = 0; i < token.length; i++) {
      const u = token.charCodeAt(i);
      if (u < 1 || u > 127) throw new RangeError(`RougeInterner: unit ${u} of ${JSON.stringify(token)} is not 1..127`);
      w = (w << 7) | u;
      if (++k === 4) {
        slots[at++] = w;
        h = Math.imul(h ^ w, FNV_PRIME);
        w = 0;
        k = 0;
      }
    }
    if (k !== 0) {
      slots[at++] = w;
      h = Math.imul(h ^ w, FNV_PRIME);
    }
    return this.commit(at, h);
  }

  /** The number of units (characters) of a token. */
  length(id: number): number {
    const last = (this.starts[id + 1] as number) - 1;
    return 4 * (last - (this.starts[id] as number)) + slotUnits(this.slots[last] as number);
  }

  /**
   * The token of an id, as a string.
   *
   * @throws RangeError for an id it did not give out.
   */
  word(id: number): string {
    if (!(Number.isInteger(id) && id >= 0 && id < this.count)) throw new RangeError(`RougeInterner: unknown id ${id}`);
    let out = '';
    for (let s = this.starts[id] as number; s < (this.starts[id + 1] as number); s++) {
      const w = this.slots[s] as number;
      for (let k = slotUnits(w) - 1; k >= 0; k--) out += String.fromCharCode((w >>> (7 * k)) & 127);
    }
    return out;
  }

  private grow(): void {
    const cap = 2 * (this.mask + 1);
    const t = new Array<number>(cap);
    const mask = cap - 1;
    const slots = this.slots;
    const starts = this.starts;
    for (let id = 0; id < this.count; id++) {
      // The hash again from the slots (the table doubles seldom).
      let h = HASH_SEED;
      for (let a = starts[id] as number, e = starts[id + 1] as number; a < e; a++) h = Math.imul(h ^ (slots[a] as number), FNV_PRIME);
      let j = finishHash(h) & mask;
      while (t[j] !== undefined) j = (j + 1) & mask;
      t[j] = id + 1;
    }
    this.table = t;
    this.mask = mask;
  }
}

/**
 * Scans a text with rouge-score's tokenizer rules and gives the interned id of each token, its units packed
 * 4 to a {@link RougeInterner} slot as they are read.
 *
 * Python's `lower()` maps two non-ASCII characters to ASCII letters, and so does this scan: U+212A KELVIN
 * SIGN → `k` and U+0130 (capital I with dot above) → `i` followed by U+0307, which is a separator. Every
 * other non-ASCII character separates words (`café` → `caf`), exactly as in rouge-score.
 *
 * Hand-written for the hot path of `rouge()`: per character one `charCodeAt`, one class test and a shift;
 * a store and a hash step every fourth unit.
 *
 * @param text - The text.
 * @param interner - Receives the tokens (ids are the interner's).
 * @param ids - Receives the token ids at `ids[0..count)` (a scratch array, grown as written; entries
 *   after them are left as they were).
 * @param lines - If given (non-empty, its last entry 0): at the end of each line (`\n`) that added tokens,
 *   and at the end of the text, the number of tokens so far is appended. With `[0]` this gives rougeLsum's
 *   sentence boundaries: the tokens of `text.split('\n')`'s lines, empty lines dropped (a newline always
 *   separates tokens, so the lines' tokens concatenated are the text's tokens).
 * @returns The number of tokens, `count`.
 * @internal
 */
export function scanRougePacked(text: string, interner: RougeInterner, ids: number[], lines: number[] | null): number {
  const slots = interner.slots;
  const n = text.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let u = unitOf(c);
    if (u < 0) {
      if (c === 0x130) {
        // 'İ'.lower() is 'i' + U+0307 (a separator): after a separator, a word 'i' of its own.
        const at = interner.tail;
        slots[at] = 0x69;
        ids[count++] = interner.commit(at + 1, Math.imul(HASH_SEED ^ 0x69, FNV_PRIME));
      } else if (c === 10 && lines !== null && count > (lines[lines.length - 1] as number)) lines.push(count);
      i++;
      continue;
    }
    let at = interner.tail;
    let h = HASH_SEED;
    let w = 0;
    let k = 0;
    for (;;) {
      w = (w << 7) | u;
      if (++k === 4) {
        slots[at++] = w;
        h = Math.imul(h ^ w, FNV_PRIME);
        w = 0;
        k = 0;
      }
      if (++i === n) break;
      c = text.charCodeAt(i);
      u = unitOf(c);
      if (u < 0) {
        if (c === 0x130) {
          // 'İ'.lower() is 'i' + U+0307: the i ends the word, the combining dot separates.
          w = (w << 7) | 0x69;
          if (++k === 4) {
            slots[at++] = w;
            h = Math.imul(h ^ w, FNV_PRIME);
            k = 0;
          }
          i++;
        }
        break;
      }
    }
    if (k !== 0) {
      slots[at++] = w;
      h = Math.imul(h ^ w, FNV_PRIME);
    }
    ids[count++] = interner.commit(at, h);
    // The separator that ended the word (not a U+0130, consumed above) is handled here rather than read
    // again by the outer loop: one charCodeAt fewer per token.
    if (i < n && c !== 0x130) {
      if (c === 10 && lines !== null) lines.push(count); // the word just counted is on this line
      i++;
    }
  }
  if (lines !== null && count > (lines[lines.length - 1] as number)) lines.push(count);
  return count;
}

/**
 * The unit a character adds to a token, lowercased as Python's `lower()` does, or -1 for a separator
 * (U+0130, whose lowercase is `i` and a separator, is left to the caller).
 */
function unitOf(c: number): number {
  // c | 0x20 is a lowercase ASCII letter exactly when c is an ASCII letter (and then it is c lowercased).
  const l = c | 0x20;
  if ((l - 0x61) >>> 0 < 26) return l;
  if ((c - 0x30) >>> 0 < 10) return c;
  return c === 0x212a ? 0x6b : -1;
}

/**
 * Replaces, in place, the id of every token longer than 3 characters by the id of its Porter stem
 * (rouge-score's `use_stemmer`), stemming each distinct token once.
 *
 * @param interner - The interner the ids come from (stems are interned in it).
 * @param ids - Token ids from {@link scanRougePacked}; rewritten.
 * @param memo - 1 + the stem id of each token id already stemmed (0: not yet); keep one per interner.
 * @internal
 */
export function stemRougeIds(interner: RougeInterner, ids: number[], memo: number[]): void {
  while (memo.length < interner.size) memo.push(0);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (interner.length(id) <= 3) continue;
    let s = (memo[id] as number) - 1;
    if (s < 0) {
      s = interner.intern(porterStem(interner.word(id)));
      memo[id] = s + 1;
    }
    ids[i] = s;
  }
}

/**
 * The tokens of a text by rouge-score's tokenizer, as strings: the token characters are those of
 * {@link scanRougePacked} (`unitOf`), each token one slice of the text, lowercased when it has capitals.
 *
 * @param text - The text.
 * @param stemmer - Stem tokens longer than 3 characters with NLTK's Porter stemmer.
 * @returns The tokens, `[a-z0-9]+` each.
 * @internal
 */
export function rougeTokens(text: string, stemmer: boolean): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (unitOf(c) < 0) {
      // 'İ'.lower() is 'i' + U+0307 (a separator): after a separator, a word 'i' of its own.
      if (c === 0x130) out.push('i');
      i++;
      continue;
    }
    const from = i;
    while (++i < n && unitOf(text.charCodeAt(i)) >= 0);
    // ASCII capitals and U+212A KELVIN SIGN lowercase to ASCII in JavaScript as in Python.
    let w = isLowerAlnum(text, from, i) ? text.slice(from, i) : text.slice(from, i).toLowerCase();
    if (i < n && text.charCodeAt(i) === 0x130) {
      // The i of U+0130 ends the word; its combining dot separates.
      w += 'i';
      i++;
    }
    out.push(stemmer && w.length > 3 ? porterStem(w) : w);
  }
  return out;
}

/** True when every character of `text[from..to)` is `a`–`z` or `0`–`9`. */
function isLowerAlnum(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}
