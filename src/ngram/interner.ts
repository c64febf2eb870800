/**
 * Token strings to dense integer ids without creating strings: the shared interner of the tokenizers (ROUGE's
 * built-in scan through `RougeInterner`, which stores 4 ASCII units in each of its "units"; custom tokenizers,
 * BLEU's corpus-wide ids and chrF++'s words through `internRange`).
 *
 * The table is keyed by a token's UTF-16 code units: a tokenizer writes the units of the token it is reading
 * straight into the interner's unit pool, hashes them as it goes with {@link hashUnit}, and asks for the id
 * with {@link TokenInterner.commit} when the token ends. No substring, no concatenation and no `Map` lookup on
 * a fresh string, which is where a slice-and-`Map` tokenizer spends most of its time.
 *
 * ```ts
 * const interner = new TokenInterner();
 * const units = interner.units;
 * let at = interner.tail; // the next token's units go to units[tail..)
 * let h = HASH_SEED;
 * for (const c of codesOfOneToken) { units[at++] = c; h = hashUnit(h, c); }
 * const id = interner.commit(at, h); // 0, 1, 2, ... in order of first sight
 * at = interner.tail;                // where the next token starts
 * ```
 *
 * Ids are dense (0 … size − 1) and stable for the life of the interner, so arrays indexed by id serve as
 * count tables. Strings in and out ({@link TokenInterner.intern}, {@link TokenInterner.word}) are for the
 * slow edges: custom tokenizers, stemmers, tests. A token is data, never an object key (`__proto__` is an
 * ordinary token). Storage is plain arrays of small integers: a typed array longer than 64 bytes is allocated
 * outside the JavaScript heap and costs about a microsecond, more than interning a whole sentence, and an
 * interner is often made per call.
 * @internal
 */

import { ID_LIMIT } from './counter.js';

/** The hash of the empty token: start every token's {@link hashUnit} chain here. */
export const HASH_SEED = 0x811c9dc5 | 0;

/**
 * One step of the token hash (FNV-1a on UTF-16 code units): `h = hashUnit(h, unit)` for each unit in order.
 *
 * @param h - The hash so far ({@link HASH_SEED} before the first unit).
 * @param unit - The next code unit (0 … 0xffff).
 * @returns The hash including `unit`, a 32-bit integer.
 */
export function hashUnit(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

/** The hash of `text[from..to)` as {@link hashUnit} chains it. */
function hashRange(text: string, from: number, to: number): number {
  let h = HASH_SEED;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** Final mix of a unit hash into the 30 bits stored in the table (small integers stay unboxed). */
function finish(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) & 0x3fffffff;
}

/** Maps tokens, given as runs of UTF-16 code units, to dense integer ids. See the module comment for use. */
export class TokenInterner {
  /**
   * The unit pool: the units of token `id` are `units[start(id) .. start(id + 1))`, tokens one after the other.
   * A tokenizer writes the units of the token it is reading at `units[tail..)` (writing past the end grows
   * the array: keep the reference, it stays the same object) and then calls {@link commit}. Entries at and
   * after the tail are scratch (possibly holes).
   */
  readonly units: number[];
  /** `starts[id]`: where token `id` begins in {@link units}; `starts[size]` = {@link tail}. */
  private readonly starts: number[];
  /** `hashes[id]`: the finished hash of token `id`. */
  private readonly hashes: number[];
  /**
   * Open addressing, linear probing, load <= 1/2: id + 1 per slot, a hole when empty (a fresh `new Array(n)`
   * costs no fill; every slot allocated costs about a nanosecond, which matters to a per-pair call).
   */
  private table: number[];
  private mask: number;
  private count = 0;
  private end = 0;

  /**
   * @param expected - How many distinct tokens to make room for before the table grows (a guess is fine).
   * @param expectedUnits - How many code units they take (the pool grows as written).
   * @defaultValue expected 32, expectedUnits 8 × expected
   */
  constructor(expected = 32, expectedUnits = 8 * expected) {
    let cap = 16;
    while (cap < 2 * expected) cap *= 2;
    this.table = new Array<number>(cap);
    this.mask = cap - 1;
    this.units = new Array<number>(expectedUnits);
    // Room for the expected tokens (writing past the end grows these).
    this.starts = new Array<number>(expected + 1);
    this.starts[0] = 0;
    this.hashes = new Array<number>(expected);
  }

  /** Number of distinct tokens interned: every id is below this. */
  get size(): number {
    return this.count;
  }

  /** Where the next token's units are written in {@link units} (the end of the last new token). */
  get tail(): number {
    return this.end;
  }

  /**
   * The id of the token whose units the caller wrote at `units[tail..end)`.
   *
   * @param end - One past its last unit (`end > tail`; an empty token is allowed but never made by tokenizers).
   * @param hash - {@link hashUnit} chained over its units from {@link HASH_SEED}.
   * @returns Its id. A new token keeps its units (the tail moves to `end`); a known one gives them back.
   */
  commit(end: number, hash: number): number {
    const units = this.units;
    const starts = this.starts;
    const hashes = this.hashes;
    const from = this.end;
    const len = end - from;
    const h = finish(hash);
    const t = this.table;
    const mask = this.mask;
    let s = h & mask;
    for (;;) {
      const v = t[s];
      if (v === undefined) break;
      if (hashes[v - 1] === h) {
        const a = starts[v - 1] as number;
        if ((starts[v] as number) - a === len) {
          let k = 0;
          while (k < len && units[a + k] === units[from + k]) k++;
          if (k === len) return v - 1;
        }
      }
      s = (s + 1) & mask;
    }
    return this.insert(s, h, end);
  }

  /** Makes the token at `units[tail..end)`, with finished hash `h`, a new token in the empty slot `s`. */
  private insert(s: number, h: number, end: number): number {
    const id = this.count++;
    if (id >= ID_LIMIT) throw new RangeError(`nlg-metrics: more than ${ID_LIMIT} distinct tokens in one computation`);
    this.table[s] = id + 1;
    this.hashes[id] = h;
    this.starts[id + 1] = end;
    this.end = end;
    if (2 * this.count > this.mask) this.grow();
    return id;
  }

  /**
   * The id of a token given as a string (interned if new).
   *
   * @param token - The token.
   * @returns Its id, the same as a scan writing the same units would get.
   */
  intern(token: string): number {
    return this.internRange(token, 0, token.length);
  }

  /**
   * The id of the token `text[from..to)` (interned if new), without slicing it out. A known token is found
   * by comparing the text with the pool; only a new one is copied.
   *
   * @param text - The text holding the token.
   * @param from - Its first unit.
   * @param to - One past its last unit.
   * @returns Its id.
   */
  internRange(text: string, from: number, to: number): number {
    const h = finish(hashRange(text, from, to));
    const found = this.lookup(text, from, to, h);
    if (found >= 0) return found;
    const units = this.units;
    let at = this.end;
    for (let i = from; i < to; i++) units[at++] = text.charCodeAt(i);
    return this.insert(~found, h, at);
  }

  /**
   * The id of a token if it was interned, else -1 (never assigns one).
   *
   * @param token - The token.
   * @returns Its id or -1.
   */
  find(token: string): number {
    const found = this.lookup(token, 0, token.length, finish(hashRange(token, 0, token.length)));
    return found >= 0 ? found : -1;
  }

  /** The id of `text[from..to)`, whose finished hash is `h`, or `~slot` of the empty slot where it would go. */
  private lookup(text: string, from: number, to: number, h: number): number {
    const len = to - from;
    const t = this.table;
    const mask = this.mask;
    const units = this.units;
    let s = h & mask;
    for (;;) {
      const v = t[s];
      if (v === undefined) return ~s;
      if (this.hashes[v - 1] === h) {
        const a = this.starts[v - 1] as number;
        if ((this.starts[v] as number) - a === len) {
          let k = 0;
          while (k < len && units[a + k] === text.charCodeAt(from + k)) k++;
          if (k === len) return v - 1;
        }
      }
      s = (s + 1) & mask;
    }
  }

  /**
   * Where a token's units begin in {@link units}.
   *
   * @param id - An id this interner gave out.
   * @returns The index of its first unit.
   */
  start(id: number): number {
    return this.starts[id] as number;
  }

  /**
   * The number of UTF-16 units of a token.
   *
   * @param id - An id this interner gave out.
   * @returns Its length.
   */
  length(id: number): number {
    return (this.starts[id + 1] as number) - (this.starts[id] as number);
  }

  /**
   * The token of an id, as a string (built from its units).
   *
   * @param id - An id this interner gave out.
   * @returns The token.
   * @throws RangeError for an id it did not give out.
   */
  word(id: number): string {
    if (!(Number.isInteger(id) && id >= 0 && id < this.count)) throw new RangeError(`TokenInterner: unknown id ${id}`);
    const a = this.starts[id] as number;
    const b = this.starts[id + 1] as number;
    const units = this.units;
    let out = '';
    for (let i = a; i < b; i++) out += String.fromCharCode(units[i] as number);
    return out;
  }

  private grow(): void {
    const cap = 2 * (this.mask + 1);
    const t = new Array<number>(cap);
    const mask = cap - 1;
    const hashes = this.hashes;
    for (let id = 0; id < this.count; id++) {
      let j = (hashes[id] as number) & mask;
      while (t[j] !== undefined) j = (j + 1) & mask;
      t[j] = id + 1;
    }
    this.table = t;
    this.mask = mask;
  }
}
