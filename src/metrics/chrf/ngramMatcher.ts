/**
 * Clipped n-gram overlap of one sequence (the hypothesis) with another (a reference), all orders at once,
 * without maps, strings or per-call allocation.
 *
 * The reference's n-grams of orders 1..maxOrder are counted into an open-addressing table by the n-gram
 * core's interning scheme: an n-gram is the pair (its (n-1)-gram prefix, its last token), so each is found
 * from the one below it, order by order (`NgramSpace` interns the same way). The slot index is the n-gram's
 * id. The hypothesis is then looked up order by order as well, and only at the positions whose (n-1)-gram
 * exists in the reference: an absent prefix has no extensions. Each hit that still has reference count left
 * takes one (the clipped count, Σ min(hyp count, ref count)).
 *
 * One table, reused for every pair, stays hot in L1; it is sized for each pair and emptied by one `fill`.
 * It is filled again for every pair, even for a reference seen before: keeping a copy of the filled table per
 * reference and copying it back was measured slower (the copies are cold in cache, and allocating them costs
 * about as much as filling). Tokens are any int32 ids: code points for characters, `Vocabulary` ids for words.
 * @internal
 */

/** Lanes per slot: parent slot + 3 (a root -1/-2 becomes 2/1; 0 = empty slot), token, remaining count. */
const LANES = 3;
const HASH = 0x9e3779b1;

export class NgramMatcher {
  /** Slots of `LANES` int32s; the first `mask + 1` are in use. */
  private table: Int32Array = new Int32Array(LANES * 256);
  private shift = 32 - 8;
  private mask = 255;
  /** Int32s at the start of `table` that may be non-zero. */
  private dirty = 0;
  /** Per position: the slot of the n-gram of the current order starting there. */
  private cur = new Int32Array(256);
  /** Positions whose n-gram of the current order exists in the reference, ascending. */
  private alive = new Int32Array(256);

  /**
   * Empties the table and makes room for `ngrams` n-grams (an upper bound of what {@link add} will insert).
   *
   * @param ngrams - Total n-grams (all orders, all sequences) about to be added.
   */
  reset(ngrams: number): void {
    if (this.dirty > 0) this.table.fill(0, 0, this.dirty);
    const want = ngrams + (ngrams >> 1); // load factor <= 2/3
    let cap = 256;
    while (cap < want) cap *= 2;
    if (this.table.length < LANES * cap) this.table = new Int32Array(LANES * cap);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
    this.dirty = LANES * cap;
  }

  private fit(length: number): void {
    if (this.cur.length < length) {
      const n = Math.max(length, this.cur.length * 2);
      this.cur = new Int32Array(n);
      this.alive = new Int32Array(n);
    }
  }

  /**
   * Counts the n-grams of orders 1..maxOrder of `tokens[0..length)` into the table.
   *
   * @param tokens - Token ids.
   * @param length - How many tokens to read.
   * @param maxOrder - Highest order.
   * @param root - -1 or -2, naming this sequence's kind of n-gram (e.g. characters and words).
   */
  add(tokens: ArrayLike<number>, length: number, maxOrder: number, root: number): void {
    this.fit(length);
    const cur = this.cur;
    const t = this.table;
    const mask = this.mask;
    const shift = this.shift;
    // Order 1 apart: its parent is the root, and most of its lookups find an existing entry.
    const p1 = root + 3;
    for (let i = 0; i < length; i++) {
      const token = tokens[i] as number;
      let s = (Math.imul((p1 << 8) ^ token, HASH) >>> shift) & mask;
      for (;;) {
        const at = s * LANES;
        const q = t[at] as number;
        if (q === 0) {
          t[at] = p1;
          t[at + 1] = token;
          t[at + 2] = 1;
          break;
        }
        if (q === p1 && t[at + 1] === token) {
          t[at + 2] = (t[at + 2] as number) + 1;
          break;
        }
        s = (s + 1) & mask;
      }
      cur[i] = s;
    }
    for (let n = 2; n <= maxOrder && n <= length; n++) {
      const last = length - n;
      for (let i = 0, j = n - 1; i <= last; i++, j++) {
        const p = (cur[i] as number) + 3;
        const token = tokens[j] as number;
        let s = (Math.imul((p << 8) ^ token, HASH) >>> shift) & mask;
        for (;;) {
          const at = s * LANES;
          const q = t[at] as number;
          if (q === 0) {
            t[at] = p;
            t[at + 1] = token;
            t[at + 2] = 1;
            break;
          }
          if (q === p && t[at + 1] === token) {
            t[at + 2] = (t[at + 2] as number) + 1;
            break;
          }
          s = (s + 1) & mask;
        }
        cur[i] = s;
      }
    }
  }

  /**
   * Matches `tokens[0..length)` against what was added under `root`: adds the clipped overlap of order n into
   * `out[n - 1]` for n = 1..maxOrder. Consumes the table's counts (call {@link reset} and add again before
   * matching another sequence).
   *
   * @param tokens - Token ids, same id space as the added sequence.
   * @param length - How many tokens to read.
   * @param maxOrder - Highest order (at most the order the reference was added with).
   * @param root - The root the reference was added under.
   * @param out - Receives the matches per order (added to).
   */
  match(tokens: ArrayLike<number>, length: number, maxOrder: number, root: number, out: Int32Array): void {
    this.fit(length);
    const cur = this.cur;
    const alive = this.alive;
    const t = this.table;
    const mask = this.mask;
    const shift = this.shift;
    const p1 = root + 3;
    let kept = 0;
    let matched = 0;
    for (let i = 0; i < length; i++) {
      const token = tokens[i] as number;
      let s = (Math.imul((p1 << 8) ^ token, HASH) >>> shift) & mask;
      let at = s * LANES;
      let q = t[at] as number;
      while (q !== 0 && (q !== p1 || t[at + 1] !== token)) {
        s = (s + 1) & mask;
        at = s * LANES;
        q = t[at] as number;
      }
      if (q === 0) continue; // absent here, and so are all its extensions
      const left = t[at + 2] as number;
      const take = left > 0 ? 1 : 0;
      t[at + 2] = left - take;
      matched += take;
      cur[i] = s;
      alive[kept++] = i;
    }
    if (maxOrder >= 1) out[0] = (out[0] as number) + matched;
    let nAlive = kept;
    for (let n = 2; n <= maxOrder && nAlive > 0; n++) {
      kept = 0;
      matched = 0;
      const last = length - n;
      const off = n - 1;
      for (let a = 0; a < nAlive; a++) {
        const i = alive[a] as number;
        if (i > last) break;
        const p = (cur[i] as number) + 3;
        const token = tokens[i + off] as number;
        let s = (Math.imul((p << 8) ^ token, HASH) >>> shift) & mask;
        let at = s * LANES;
        let q = t[at] as number;
        while (q !== 0 && (q !== p || t[at + 1] !== token)) {
          s = (s + 1) & mask;
          at = s * LANES;
          q = t[at] as number;
        }
        if (q === 0) continue;
        const left = t[at + 2] as number;
        const take = left > 0 ? 1 : 0;
        t[at + 2] = left - take;
        matched += take;
        cur[i] = s;
        alive[kept++] = i;
      }
      out[n - 1] = (out[n - 1] as number) + matched;
      nAlive = kept;
    }
  }
}
