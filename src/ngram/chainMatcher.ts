/**
 * Clipped n-gram overlap of one hypothesis with one reference, every order 1..maxOrder in one right-to-left
 * pass over the hypothesis, for a reference that numbers its own tokens (ids 0 … m − 1) and links the
 * positions of each: BLEU's single-reference counting on real text, where most tokens occur once.
 *
 * For each hypothesis position i (right to left) and each reference position j holding the same token (found
 * through the reference's occurrence chain of that token), the common extension ℓ(i, j) = the number of equal
 * tokens from (i, j) on is 1 + ℓ(i + 1, j + 1) when the next tokens are equal too, else 1: one array indexed by
 * reference position carries ℓ from one hypothesis position to the next, so each (i, j) pair costs O(1). The
 * hypothesis n-gram at i then occurs at exactly those j with ℓ(i, j) >= n (they all start with its first
 * token), and every one of them is the same n-gram g. So letting each hypothesis occurrence of g take a not yet
 * taken j (one bit per order per reference position) takes exactly min(count of g in the hypothesis, count of g
 * in the reference) of them: the clipped count. A token that occurs once in the reference has one candidate j,
 * and the orders j has been taken at are always 1..t for the largest t so far: for it the matcher keeps t and
 * counts the new orders (t, top] with a difference array, in O(1) per position.
 *
 * On repetitive text (a token occurring very often in both) the pairs grow quadratically, so the work is
 * bounded: from the number of occurrences of each token in the reference, the matcher knows the cost of a
 * position before walking its chain, and declines as soon as the total would pass the bound (so a declined
 * pair costs little); the caller counts such a pair another way (n-grams interned in an `NgramSpace`,
 * linear), as it does for orders above 30 (one bit each). Keep one per computation (never module-level); not
 * reentrant.
 * @internal
 */

/** Highest order this matcher handles (one bit of an int32 per order, bit 0 unused). */
export const CHAIN_MAX_ORDER = 30;

export class ChainMatcher {
  /**
   * Per reference position j: at `2j`, ℓ with the hypothesis position last processed whose token it holds; at
   * `2j + 1`, the orders its n-grams were taken at by hypothesis n-grams: bit n set for order n, or, for a
   * token that occurs once, the highest such order (they are 1..t). One array (a typed array over 64
   * bytes is allocated outside the heap, at a cost that matters for one sentence).
   */
  private state: Int32Array<ArrayBuffer>;
  /** Difference array of the orders taken through single-occurrence tokens (entry t: +1 for the orders above t). */
  private readonly diff: Int32Array;

  /**
   * @param state - The first scratch array (any length; a larger one replaces it when a longer reference
   *   comes), e.g. a view of a buffer shared with other scratch arrays.
   * @param diff - The difference array, at least {@link CHAIN_MAX_ORDER} + 1 long (e.g. such a view too).
   */
  constructor(state: Int32Array<ArrayBuffer> = new Int32Array(16), diff: Int32Array = new Int32Array(CHAIN_MAX_ORDER + 1)) {
    this.state = state;
    this.diff = diff;
  }

  /**
   * Writes into `out[n - 1]` the clipped overlap of order n of `hyp[0, hypLen)` with the reference, n = 1..maxOrder.
   *
   * @param ref - Holds the reference's token ids: position j is `ref[refFrom + j]`, j < refLen.
   * @param next - The reference's occurrence chains: `next[refFrom + j]` = the next position after j holding the
   *   same token, or -1.
   * @param first - `first[firstFrom + u]` = the first reference position holding token u (every u < m occurs).
   * @param occurrences - `occurrences[firstFrom + u]` = the number of reference positions holding token u.
   * @param firstFrom - Where token 0's entries are in `first` and `occurrences`.
   * @param m - The reference's number of distinct tokens: hypothesis ids >= m occur in no reference position.
   * @param hyp - The hypothesis' token ids, in the reference's numbering.
   * @param maxOrder - Highest order, 1..{@link CHAIN_MAX_ORDER}.
   * @param out - Receives the matches per order (overwritten).
   * @returns False (with `out` meaningless) when the pairs of equal tokens exceed the work bound: count this
   *   pair another way.
   */
  overlaps(
    ref: Int32Array,
    next: Int32Array,
    refFrom: number,
    refLen: number,
    first: Int32Array,
    occurrences: Int32Array,
    firstFrom: number,
    m: number,
    hyp: Int32Array,
    hypLen: number,
    maxOrder: number,
    out: Int32Array,
  ): boolean {
    const diff = this.diff;
    for (let n = 0; n < maxOrder; n++) out[n] = 0;
    for (let n = 0; n <= maxOrder; n++) diff[n] = 0;
    if (this.state.length < 2 * refLen) this.state = new Int32Array(Math.max(2 * refLen, 2 * this.state.length));
    const state = this.state;
    for (let j = 0; j < refLen; j++) state[2 * j + 1] = 0;
    let work = 0;
    const limit = 16 * (refLen + hypLen) + 1024;
    let nextTok = -1; // the token after position i (none after the last)
    for (let i = hypLen - 1; i >= 0; i--) {
      const u = hyp[i] as number;
      const after = nextTok;
      nextTok = u;
      if (u >= m) continue;
      const head = first[firstFrom + u] as number;
      const pairs = occurrences[firstFrom + u] as number; // positions of the reference holding u
      if (pairs > 1) {
        // Walking the chain, then up to maxOrder more walks to take an occurrence per order.
        work += pairs * (maxOrder + 1);
        if (work > limit) return false;
      }
      // ℓ(i, j) for every j holding u, ascending: position j + 1's ℓ is still ℓ(i + 1, j + 1) when read.
      let best = 0;
      for (let j = head; j >= 0; j = next[refFrom + j] as number) {
        const l = j + 1 < refLen && ref[refFrom + j + 1] === after ? 1 + (state[2 * j + 2] as number) : 1;
        state[2 * j] = l;
        if (l > best) best = l;
      }
      const top = best < maxOrder ? best : maxOrder;
      if (pairs === 1) {
        // The usual case: the token occurs once in the reference; its position has taken orders 1..t.
        const t = state[2 * head + 1] as number;
        if (top > t) {
          diff[t] = (diff[t] as number) + 1;
          diff[top] = (diff[top] as number) - 1;
          state[2 * head + 1] = top;
        }
      } else {
        for (let n = 1; n <= top; n++) {
          const bit = 1 << n;
          for (let j = head; j >= 0; j = next[refFrom + j] as number) {
            const w = state[2 * j + 1] as number;
            if ((state[2 * j] as number) >= n && (w & bit) === 0) {
              state[2 * j + 1] = w | bit;
              out[n - 1] = (out[n - 1] as number) + 1;
              break;
            }
          }
        }
      }
    }
    let taken = 0;
    for (let n = 1; n <= maxOrder; n++) {
      taken += diff[n - 1] as number;
      out[n - 1] = (out[n - 1] as number) + taken;
    }
    return true;
  }
}
