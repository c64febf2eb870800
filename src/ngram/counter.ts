/**
 * The one n-gram counting core every metric uses.
 *
 * Tokens arrive as integer ids (see {@link Vocabulary}; chrF uses code points directly). An n-gram is
 * interned as an integer too: the id of an n-gram is assigned to the pair (id of its first n-1 tokens,
 * id of its last token), so n-grams of every order are built incrementally from the order below, in one
 * pass each, with no string keys. Counts are `Map<number, number>`.
 *
 * Hand-written because it is the hot path of every metric.
 * @internal
 */

/** Counts keyed by an n-gram id. */
export type Counts = Map<number, number>;

/** Token ids and interned n-gram ids must stay below this, so `prefix * ID_LIMIT + token` is an exact double. */
export const ID_LIMIT = 2 ** 26;

/**
 * Interns n-grams of one order: (prefix id, token id) → n-gram id, ids given out 0, 1, 2, ... in order of
 * first sight. Keep one per order. An open-addressing hash table on typed arrays (linear probing, load <= 1/2),
 * so a look-up is a few integer operations with no allocation (a `Map` keyed by `prefix * ID_LIMIT + token`
 * boxes every key as a heap double and was the hot spot of corpus BLEU).
 */
export class NgramIndex {
  // 16 slots: 64-byte typed arrays stay on the V8 heap (cheap for sentence-level calls); the table doubles.
  private prefixes = new Int32Array(16);
  private tokens = new Int32Array(16);
  /** id + 1 of the n-gram in each slot; 0 = empty slot. */
  private slots = new Int32Array(16);
  private mask = 15;
  private count = 0;

  /** Number of distinct n-grams interned so far (the next id). */
  get size(): number {
    return this.count;
  }

  /** The id of the n-gram made of the (n-1)-gram `prefix` followed by `token`, interning it if new. */
  extend(prefix: number, token: number): number {
    const mask = this.mask;
    let i = hashPair(prefix, token) & mask;
    for (;;) {
      const v = this.slots[i] as number;
      if (v === 0) break;
      if (this.prefixes[i] === prefix && this.tokens[i] === token) return v - 1;
      i = (i + 1) & mask;
    }
    const id = this.count;
    if (id >= ID_LIMIT) throw new RangeError(`nlg-metrics: more than ${ID_LIMIT} distinct n-grams in one computation`);
    this.prefixes[i] = prefix;
    this.tokens[i] = token;
    this.slots[i] = id + 1;
    this.count = id + 1;
    if (this.count * 2 > mask) this.grow();
    return id;
  }

  /** The id of an n-gram already interned, or -1 (never interns; a negative prefix or token gives -1). */
  find(prefix: number, token: number): number {
    if (prefix < 0 || token < 0) return -1;
    const mask = this.mask;
    let i = hashPair(prefix, token) & mask;
    for (;;) {
      const v = this.slots[i] as number;
      if (v === 0) return -1;
      if (this.prefixes[i] === prefix && this.tokens[i] === token) return v - 1;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { prefixes, tokens, slots } = this;
    const cap = slots.length * 2;
    const mask = cap - 1;
    this.prefixes = new Int32Array(cap);
    this.tokens = new Int32Array(cap);
    this.slots = new Int32Array(cap);
    this.mask = mask;
    for (let j = 0; j < slots.length; j++) {
      const v = slots[j] as number;
      if (v === 0) continue;
      const p = prefixes[j] as number;
      const t = tokens[j] as number;
      let i = hashPair(p, t) & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.prefixes[i] = p;
      this.tokens[i] = t;
      this.slots[i] = v;
    }
  }
}

/** A 32-bit mix of two ids (multiplicative hashing, then an xor-shift so low bits depend on all input bits). */
function hashPair(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

/**
 * A family of per-order indexes: `ofOrder(1)` is unused (unigram ids are token ids), `ofOrder(n)` interns
 * n-grams from (n-1)-grams. Share one across all segments of a computation so ids agree.
 */
export class NgramSpace {
  private readonly orders: NgramIndex[] = [];

  ofOrder(n: number): NgramIndex {
    let idx = this.orders[n];
    if (idx === undefined) {
      idx = new NgramIndex();
      this.orders[n] = idx;
    }
    return idx;
  }

  /**
   * The ids of the n-grams of `tokens` of every order 1..maxOrder: `result[n - 1][i]` is the id of the
   * n-gram starting at token `i` (so `result[n - 1].length === max(0, tokens.length - n + 1)`).
   */
  ladder(tokens: ArrayLike<number>, maxOrder: number): Int32Array[] {
    const out: Int32Array[] = [];
    let prev = Int32Array.from(tokens as ArrayLike<number>);
    out.push(prev);
    for (let n = 2; n <= maxOrder; n++) {
      const len = Math.max(0, tokens.length - n + 1);
      const cur = new Int32Array(len);
      if (len > 0) {
        const index = this.ofOrder(n);
        for (let i = 0; i < len; i++) cur[i] = index.extend(prev[i] as number, tokens[i + n - 1] as number);
      }
      out.push(cur);
      prev = cur;
    }
    return out;
  }
}

/** Counts of the ids in `ids`. */
export function count(ids: ArrayLike<number>): Counts {
  const m: Counts = new Map();
  for (let i = 0; i < ids.length; i++) {
    const k = ids[i] as number;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** Clipped overlap: Σ over n-grams of min(count in a, count in b). Symmetric. */
export function overlap(a: Counts, b: Counts): number {
  if (a.size > b.size) {
    const t = a;
    a = b;
    b = t;
  }
  let s = 0;
  for (const [k, ca] of a) {
    const cb = b.get(k);
    if (cb !== undefined) s += ca < cb ? ca : cb;
  }
  return s;
}

/** Per n-gram maximum over several count maps (BLEU's multi-reference clipping). */
export function maxCounts(list: readonly Counts[]): Counts {
  if (list.length === 1) return list[0] as Counts;
  const m: Counts = new Map();
  for (const c of list) {
    for (const [k, v] of c) {
      const cur = m.get(k);
      if (cur === undefined || v > cur) m.set(k, v);
    }
  }
  return m;
}

/** Σ of the counts. */
export function total(c: Counts): number {
  let s = 0;
  for (const v of c.values()) s += v;
  return s;
}

/**
 * A shared empty array for scratch fields not used yet (frozen: never written; {@link extend} replaces it).
 * A per-pair call makes all its scratch objects fresh, and every `[]` is an allocation.
 * @internal
 */
export const NO_NUMBERS: number[] = Object.freeze([]) as unknown as number[];

/**
 * `a` if it has at least `n` entries, else a copy of `a` extended with zeros to at least `n` entries (and at
 * least twice its length): one allocation, where growing by `push` reallocates several times, which is a
 * large part of a per-pair call's cost for its small scratch arrays.
 * @internal
 */
export function extend(a: number[], n: number): number[] {
  if (a.length >= n) return a;
  const len = Math.max(n, 2 * a.length);
  const b = new Array<number>(len);
  const m = a.length;
  for (let i = 0; i < m; i++) b[i] = a[i] as number;
  for (let i = m; i < len; i++) b[i] = 0;
  return b;
}

/**
 * Two by-token arrays of zeros, for the scratch users of one computation that run one after the other and
 * leave them zero ({@link NgramMatcher}, ROUGE's LCS workspace): sharing them halves the fresh memory a
 * per-pair call touches, which is much of its cost. Never module-level.
 * @internal
 */
export class TokenScratch {
  a: number[] = NO_NUMBERS;
  b: number[] = NO_NUMBERS;

  /** Makes room for token ids below `size` in both arrays. */
  reserve(size: number): void {
    if (this.a.length < size) this.a = extend(this.a, size);
    if (this.b.length < size) this.b = extend(this.b, size);
  }
}

/**
 * Clipped overlap of two multisets of dense ids (token ids, or n-gram ids of one order from an
 * {@link NgramSpace}) without building maps: a reusable counter array indexed by id, zero between calls. Keep one per computation (never module-level); it grows to the largest id seen. A plain array, not a
 * typed one: small typed arrays are allocated outside the heap, which costs more than a short overlap.
 */
export class OverlapCounter {
  private c: number[] = NO_NUMBERS;

  /** Makes room for ids below `size` in one allocation (optional: {@link overlap} grows as needed). */
  reserve(size: number): void {
    this.c = extend(this.c, size);
  }

  /** Σ over ids of min(count in `a`, count in `b`); the same value as `overlap(count(a), count(b))`. */
  overlap(a: ArrayLike<number>, b: ArrayLike<number>): number {
    let c = this.c;
    for (let i = 0; i < a.length; i++) {
      const k = a[i] as number;
      if (k >= c.length) c = this.c = extend(c, k + 1);
      c[k] = (c[k] as number) + 1;
    }
    let s = 0;
    for (let i = 0; i < b.length; i++) {
      const k = b[i] as number;
      if (k < c.length && (c[k] as number) > 0) {
        c[k] = (c[k] as number) - 1;
        s++;
      }
    }
    for (let i = 0; i < a.length; i++) c[a[i] as number] = 0;
    return s;
  }
}

/**
 * Clipped overlap of the n-grams of two token-id sequences, without interning the n-grams: every n-gram
 * of `b` is matched to a not yet matched equal n-gram of `a`, found through the chain of positions of `a`
 * that start with the same token. Matching equal items greedily gives exactly Σ over n-grams of
 * min(count in a, count in b). For short texts this is several times cheaper than interning (no hashing,
 * no growing tables). Keep one per computation. On highly repetitive texts the chains get long, so the
 * work is bounded and -1 returned instead: intern with {@link NgramSpace} and use {@link OverlapCounter}.
 */
export class NgramMatcher {
  // By token id, in `scratch`: `a` = 1 + first position in `a` of an n-gram starting with the token (0: none);
  // `b` = occurrences in `a` ({@link overlaps}' unigrams). Zero between calls.
  /** 1 + next position in `a` whose n-gram starts with the same token, by position. */
  private next: number[] = NO_NUMBERS;
  /** `stamp` where the n-gram of `a` at that position is already matched, by position. */
  private used: number[] = NO_NUMBERS;
  private stamp = 0;

  /** @param scratch - By-token arrays to share with other scratch users of the computation. */
  constructor(private readonly scratch: TokenScratch = new TokenScratch()) {}

  /**
   * Σ over n-grams of min(count in `a`, count in `b`), or -1 when the chain walks exceed
   * `workLimit` steps (default 16 per n-gram plus 1024).
   */
  overlap(a: ArrayLike<number>, b: ArrayLike<number>, n: number, workLimit = 16 * (a.length + b.length) + 1024): number {
    const la = a.length - n + 1;
    const lb = b.length - n + 1;
    if (la <= 0 || lb <= 0) return 0;
    const scratch = this.scratch;
    let head = scratch.a;
    const next = (this.next = extend(this.next, la));
    const used = (this.used = extend(this.used, la));
    for (let j = la - 1; j >= 0; j--) {
      const x = a[j] as number;
      if (x >= head.length) head = scratch.a = extend(head, x + 1);
      next[j] = head[x] as number;
      head[x] = j + 1;
    }
    const stamp = ++this.stamp;
    let hits = 0;
    let work = 0;
    for (let i = 0; i < lb && work <= workLimit; i++) {
      const x = b[i] as number;
      let p = x < head.length ? (head[x] as number) : 0;
      while (p !== 0) {
        const j = p - 1;
        work++;
        if (used[j] !== stamp) {
          let k = 1;
          while (k < n && a[j + k] === b[i + k]) k++;
          if (k === n) {
            used[j] = stamp;
            hits++;
            break;
          }
        }
        p = next[j] as number;
      }
    }
    for (let j = 0; j < la; j++) head[a[j] as number] = 0;
    return work <= workLimit ? hits : -1;
  }

  /**
   * The clipped overlaps of every order 1..`maxN` in one pass: `out[n - 1]` = Σ over n-grams of
   * min(count in `a`, count in `b`), the values of {@link overlap} for each `n`. The positions of `a` are
   * chained once; unigrams are matched by counts, and the orders of one position of `b` are searched together,
   * stopping at an order with no equal n-gram in `a` at all (none of a higher order can exist then).
   *
   * @param a - Token ids (e.g. the reference).
   * @param b - Token ids (e.g. the hypothesis).
   * @param maxN - The highest order, >= 1.
   * @param out - Receives the `maxN` overlaps (written from index 0).
   * @param workLimit - The most chain steps for orders >= 2 (default 16 per token, plus 1024 per order).
   * @returns `false` when the chain walks would exceed `workLimit` (a highly repetitive text): then only
   *   `out[0]` is valid, and higher orders must be counted another way (see {@link overlap}).
   */
  overlaps(a: ArrayLike<number>, b: ArrayLike<number>, maxN: number, out: number[], workLimit = 16 * (a.length + b.length) + 1024 * maxN): boolean {
    const la = a.length;
    const lb = b.length;
    for (let n = 0; n < maxN; n++) out[n] = 0;
    if (la === 0 || lb === 0) return true;
    const scratch = this.scratch;
    let head = scratch.a;
    let count = scratch.b;
    for (let j = 0; j < la; j++) {
      const x = a[j] as number;
      if (x >= head.length) head = scratch.a = extend(head, x + 1);
    }
    if (count.length < head.length) count = scratch.b = extend(count, head.length);
    const next = (this.next = extend(this.next, la));
    // used[(n - 2) * la + j] === stamp: the n-gram of `a` at j is matched (orders >= 2).
    const used = (this.used = extend(this.used, Math.max(1, maxN - 1) * la));
    for (let j = la - 1; j >= 0; j--) {
      const x = a[j] as number;
      next[j] = head[x] as number;
      head[x] = j + 1;
      count[x] = (count[x] as number) + 1;
    }
    const stamp = ++this.stamp;
    let unigrams = 0;
    let work = 0;
    let ok = true;
    for (let i = 0; i < lb; i++) {
      const x = b[i] as number;
      if (x >= head.length) continue;
      const c = count[x] as number;
      if (c > 0) {
        count[x] = c - 1;
        unigrams++;
      }
      if (!ok) continue;
      const top = Math.min(maxN, lb - i);
      for (let n = 2; n <= top; n++) {
        // The first unmatched equal n-gram of `a` along the chain of b[i]. Positions already matched are
        // skipped without comparing; if none was skipped and nothing matched, `a` has no equal n-gram at all,
        // hence none of a higher order either.
        let matched = false;
        let skipped = false;
        let p = head[x] as number;
        const base = (n - 2) * la;
        while (p !== 0) {
          const j = p - 1;
          if (j + n > la) break; // chain positions ascend: no room for an n-gram from here on
          work++;
          if (used[base + j] === stamp) skipped = true;
          else {
            let k = 1;
            while (k < n && a[j + k] === b[i + k]) k++;
            if (k === n) {
              used[base + j] = stamp;
              out[n - 1] = (out[n - 1] as number) + 1;
              matched = true;
              break;
            }
          }
          p = next[j] as number;
        }
        if (!matched && !skipped) break;
      }
      if (work > workLimit) ok = false;
    }
    out[0] = unigrams;
    for (let j = 0; j < la; j++) {
      const x = a[j] as number;
      head[x] = 0;
      count[x] = 0;
    }
    return ok;
  }

  /** Makes room for token ids below `size` in one allocation (optional: the methods grow as needed). */
  reserve(size: number): void {
    this.scratch.reserve(size);
  }
}

/**
 * Clipped overlap of two multisets given as ascending sorted arrays of numeric keys (any exact doubles,
 * e.g. `first * ID_LIMIT + second` for a pair of ids): Σ over keys of min(count in a, count in b), by one merge.
 */
export function overlapSorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      s++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}
