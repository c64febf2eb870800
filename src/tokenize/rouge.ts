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
import { HASH_SEED, hashUnit, TokenInterner } from '../ngram/interner.js';
import { porterStem } from './porter.js';

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
 * again. The hash table is the core `TokenInterner`'s, with the slots as its units; this class only packs and
 * unpacks. For the hot path of a per-pair `rouge()` call, where a fresh interner per call and the scan
 * ({@link scanRougePacked}) are half the time.
 * @internal
 */
export class RougeInterner {
  /** The table itself: the core's interner, whose "units" are here the packed slots. */
  private readonly inner: TokenInterner;
  /** The slot pool: the scan writes a token's slots at `slots[tail..)` (writing past the end grows it). */
  readonly slots: number[];

  /**
   * @param expected - How many distinct tokens to make room for (the tables grow as needed).
   * @param expectedSlots - How many slots they take (about one per 4 units, plus one per token).
   */
  constructor(expected = 32, expectedSlots = 3 * expected) {
    this.inner = new TokenInterner(expected, expectedSlots);
    this.slots = this.inner.units;
  }

  /** Number of distinct tokens interned: every id is below this. */
  get size(): number {
    return this.inner.size;
  }

  /** Where the next token's slots are written in {@link slots}. */
  get tail(): number {
    return this.inner.tail;
  }

  /**
   * The id of the token whose slots the caller wrote at `slots[tail..end)`.
   *
   * @param end - One past its last slot.
   * @param hash - {@link hashUnit} chained over its slots from {@link HASH_SEED}.
   * @returns Its id. A new token keeps its slots (the tail moves to `end`); a known one gives them back.
   */
  commit(end: number, hash: number): number {
    return this.inner.commit(end, hash);
  }

  /**
   * The id of a token given as a string (interned if new): the id a scan of a text holding it gets, since it
   * is scanned by {@link scanRougePacked} itself (one packing of slots, one hash).
   *
   * @param token - A token of rouge-score's tokenizer, `[a-z0-9]+` (a Porter stem of one is one too).
   * @throws RangeError for anything else (empty, capitals, other characters).
   */
  intern(token: string): number {
    if (token.length === 0 || !isLowerAlnum(token, 0, token.length)) throw new RangeError(`RougeInterner: ${JSON.stringify(token)} is not a token of [a-z0-9]+`);
    const ids: number[] = [];
    scanRougePacked(token, this, ids, null);
    return ids[0] as number;
  }

  /** The number of units (characters) of a token. */
  length(id: number): number {
    const n = this.inner.length(id);
    return 4 * (n - 1) + slotUnits(this.slots[this.inner.start(id) + n - 1] as number);
  }

  /**
   * The token of an id, as a string.
   *
   * @throws RangeError for an id it did not give out.
   */
  word(id: number): string {
    if (!(Number.isInteger(id) && id >= 0 && id < this.size)) throw new RangeError(`RougeInterner: unknown id ${id}`);
    let out = '';
    const from = this.inner.start(id);
    for (let s = from; s < from + this.inner.length(id); s++) {
      const w = this.slots[s] as number;
      for (let k = slotUnits(w) - 1; k >= 0; k--) out += String.fromCharCode((w >>> (7 * k)) & 127);
    }
    return out;
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
        ids[count++] = interner.commit(at + 1, hashUnit(HASH_SEED, 0x69));
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
        h = hashUnit(h, w);
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
            h = hashUnit(h, w);
            k = 0;
          }
          i++;
        }
        break;
      }
    }
    if (k !== 0) {
      slots[at++] = w;
      h = hashUnit(h, w);
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
