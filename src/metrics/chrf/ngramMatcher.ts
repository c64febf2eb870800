/**
 * Clipped n-gram overlap of a hypothesis with a reference, all orders 1..maxOrder at once, without maps,
 * strings or per-call allocation: for each order n, Σ over n-grams g of min(count of g in the hypothesis,
 * count of g in the reference).
 *
 * The n-gram core's interning scheme (`NgramSpace`): an n-gram is the pair (its (n-1)-gram prefix, its last
 * token), so each order is built from the one below. Here the pairs live in one open-addressing `Int32Array`
 * (the slot index is the n-gram's id), and both sides advance order by order, each only at the positions
 * whose (n-1)-gram occurs on the other side too: an n-gram whose prefix is missing on one side cannot be
 * shared, so it is neither counted nor looked up. On real MT output that skips about a third of the
 * reference's n-grams. Order 1 for tokens below {@link DIRECT} (code points of Latin, Greek, Cyrillic,
 * Hebrew, Arabic...; the first word ids) is counted in a plain array indexed by the token.
 *
 * One table, reused for every pair, stays hot in cache; it is sized for each pair and emptied by one `fill`.
 * It is filled again for every pair, even for a reference seen before: keeping a filled table per reference
 * and copying it back was measured slower (the copies are cold in cache, and allocating them costs about as
 * much as filling). Tokens are any int32 >= 0: code points for characters, `Vocabulary` ids for words; two
 * kinds of token share the table under different roots (-1 and -2).
 * @internal
 */

/** Lanes per slot: parent id + 3 (a root -1/-2 becomes 2/1; 0 = empty slot), token, count word (below). */
const LANES = 3;
const HASH = 0x9e3779b1;
/** Tokens below this have their unigram counted in a direct array. */
const DIRECT = 0x800;

// The count word of an n-gram: (reference occurrences not yet matched) << 1 | (seen in the hypothesis).

export class NgramMatcher {
  /** Slots of `LANES` int32s; the first `mask + 1` are in use. */
  private table: Int32Array = new Int32Array(LANES * 256);
  private shift = 32 - 8;
  private mask = 255;
  /** Int32s at the start of `table` that may be non-zero. */
  private dirty = 0;
  /** Count words of the unigrams of tokens below DIRECT, per root: [root -1 | root -2]; zero between pairs. */
  private readonly uni = new Int32Array(2 * DIRECT);
  /** Per reference / hypothesis position: the id of its n-gram of the current order. */
  private refCur = new Int32Array(256);
  private hypCur = new Int32Array(256);
  /** Reference / hypothesis positions still in play at the current order, ascending. */
  private refAlive = new Int32Array(256);
  private hypAlive = new Int32Array(256);

  /**
   * Empties the table and sizes it for `ngrams` n-grams (an upper bound of what the next pairs insert).
   *
   * @param ngrams - Reference n-grams (all orders, all roots) of the pairs about to be matched.
   */
  reset(ngrams: number): void {
    if (this.dirty > 0) this.table.fill(0, 0, this.dirty);
    const want = 2 * ngrams; // load factor <= 1/2
    let cap = 256;
    while (cap < want) cap *= 2;
    if (this.table.length < LANES * cap) this.table = new Int32Array(LANES * cap);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
    this.dirty = LANES * cap;
  }

  private fit(refLen: number, hypLen: number): void {
    if (this.refCur.length < refLen) {
      const n = Math.max(refLen, this.refCur.length * 2);
      this.refCur = new Int32Array(n);
      this.refAlive = new Int32Array(n);
    }
    if (this.hypCur.length < hypLen) {
      const n = Math.max(hypLen, this.hypCur.length * 2);
      this.hypCur = new Int32Array(n);
      this.hypAlive = new Int32Array(n);
    }
  }

  /**
   * Adds the clipped overlap of order n of `hyp[0..hypLen)` with `ref[0..refLen)` into `out[n - 1]`, for
   * n = 1..maxOrder. Call {@link reset} before the first pair after a reset's worth of n-grams; pairs under
   * different roots can follow one reset.
   *
   * @param ref - Reference token ids (>= 0).
   * @param refLen - How many reference tokens to read.
   * @param hyp - Hypothesis token ids, same id space.
   * @param hypLen - How many hypothesis tokens to read.
   * @param maxOrder - Highest order, >= 1.
   * @param root - -1 or -2: which kind of token (characters, words), so both can share one table.
   * @param out - Receives the matches per order (added to).
   */
  pair(
    ref: ArrayLike<number>,
    refLen: number,
    hyp: ArrayLike<number>,
    hypLen: number,
    maxOrder: number,
    root: number,
    out: Int32Array,
  ): void {
    this.fit(refLen, hypLen);
    const t = this.table;
    const mask = this.mask;
    const shift = this.shift;
    const uni = this.uni;
    const refCur = this.refCur;
    const hypCur = this.hypCur;
    const refAlive = this.refAlive;
    const hypAlive = this.hypAlive;
    // An n-gram's id is its slot (< cap), or cap + index into `uni` for a direct unigram.
    const virt = this.mask + 1;
    const base = root === -1 ? 0 : DIRECT;
    const p1 = root + 3;

    // Order 1, reference: count every token.
    for (let i = 0; i < refLen; i++) {
      const token = ref[i] as number;
      if (token < DIRECT) {
        const u = base + token;
        uni[u] = (uni[u] as number) + 2;
        refCur[i] = virt + u;
        continue;
      }
      let s = (Math.imul((p1 << 8) ^ token, HASH) >>> shift) & mask;
      for (;;) {
        const at = s * LANES;
        const q = t[at] as number;
        if (q === 0) {
          t[at] = p1;
          t[at + 1] = token;
          t[at + 2] = 2;
          break;
        }
        if (q === p1 && t[at + 1] === token) {
          t[at + 2] = (t[at + 2] as number) + 2;
          break;
        }
        s = (s + 1) & mask;
      }
      refCur[i] = s;
    }

    // Order 1, hypothesis: look every token up, take a reference occurrence if one is left, mark it seen.
    let nHyp = 0;
    let matched = 0;
    for (let i = 0; i < hypLen; i++) {
      const token = hyp[i] as number;
      let v: number;
      let id: number;
      if (token < DIRECT) {
        const u = base + token;
        v = uni[u] as number;
        if (v === 0) continue; // not in the reference, nor is any n-gram starting here
        const take = v > 1 ? 1 : 0;
        uni[u] = (v - 2 * take) | 1;
        matched += take;
        id = virt + u;
      } else {
        let s = (Math.imul((p1 << 8) ^ token, HASH) >>> shift) & mask;
        let at = s * LANES;
        let q = t[at] as number;
        while (q !== 0 && (q !== p1 || t[at + 1] !== token)) {
          s = (s + 1) & mask;
          at = s * LANES;
          q = t[at] as number;
        }
        if (q === 0) continue;
        v = t[at + 2] as number;
        const take = v > 1 ? 1 : 0;
        t[at + 2] = (v - 2 * take) | 1;
        matched += take;
        id = s;
      }
      hypCur[i] = id;
      hypAlive[nHyp++] = i;
    }
    out[0] = (out[0] as number) + matched;

    // From here on the reference advances only at positions whose n-gram of the order below the hypothesis has
    // (its seen bit): that filter is folded into the next order's counting loop.
    let nRef = refLen;
    for (let n = 2; n <= maxOrder && nHyp > 0 && nRef > 0; n++) {
      const off = n - 1;
      // Reference: keep the positions whose (n-1)-gram the hypothesis has, and count their n-grams.
      const lastRef = refLen - n;
      let k = 0;
      for (let a = 0; a < nRef; a++) {
        const i = n === 2 ? a : (refAlive[a] as number);
        if (i > lastRef) break;
        const prev = refCur[i] as number;
        const seen = prev >= virt ? (uni[prev - virt] as number) : (t[prev * LANES + 2] as number);
        if ((seen & 1) === 0) continue;
        refAlive[k++] = i;
        const p = prev + 3;
        const token = ref[i + off] as number;
        let s = (Math.imul((p << 8) ^ token, HASH) >>> shift) & mask;
        for (;;) {
          const at = s * LANES;
          const q = t[at] as number;
          if (q === 0) {
            t[at] = p;
            t[at + 1] = token;
            t[at + 2] = 2;
            break;
          }
          if (q === p && t[at + 1] === token) {
            t[at + 2] = (t[at + 2] as number) + 2;
            break;
          }
          s = (s + 1) & mask;
        }
        refCur[i] = s;
      }
      nRef = k;
      // Hypothesis: look up the n-grams whose prefix the reference has.
      let kept = 0;
      matched = 0;
      const lastHyp = hypLen - n;
      for (let a = 0; a < nHyp; a++) {
        const i = hypAlive[a] as number;
        if (i > lastHyp) break;
        const p = (hypCur[i] as number) + 3;
        const token = hyp[i + off] as number;
        let s = (Math.imul((p << 8) ^ token, HASH) >>> shift) & mask;
        let at = s * LANES;
        let q = t[at] as number;
        while (q !== 0 && (q !== p || t[at + 1] !== token)) {
          s = (s + 1) & mask;
          at = s * LANES;
          q = t[at] as number;
        }
        if (q === 0) continue;
        const v = t[at + 2] as number;
        const take = v > 1 ? 1 : 0;
        t[at + 2] = (v - 2 * take) | 1;
        matched += take;
        hypCur[i] = s;
        hypAlive[kept++] = i;
      }
      out[n - 1] = (out[n - 1] as number) + matched;
      nHyp = kept;
    }
    // Empty the direct unigram counts for the next pair (only reference tokens were ever written).
    for (let i = 0; i < refLen; i++) {
      const token = ref[i] as number;
      if (token < DIRECT) uni[base + token] = 0;
    }
  }
}
