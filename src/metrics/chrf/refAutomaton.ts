/**
 * Clipped n-gram overlap against one reference, built once and matched against any number of hypotheses: for
 * each order n = 1..maxOrder, Σ over n-grams g of min(count of g in the hypothesis, count of g in the
 * reference).
 *
 * The reference's n-grams of orders 1..maxOrder form a trie (a node is a distinct n-gram, its parent the
 * n-gram without its last token; the root is the empty n-gram), with each node's count in the reference. The
 * set of those n-grams is closed under taking substrings, so every node of depth d > 1 has a *suffix link*:
 * the node of its last d - 1 tokens, which always exists (Aho–Corasick's failure link, here never missing a
 * level). A hypothesis is then read once, left to right, keeping the node of the longest suffix (at most
 * maxOrder tokens) of the text read so far that occurs in the reference: each token is one child lookup,
 * plus one more per level dropped on a miss (at most one drop per token on average). The n-grams of the
 * hypothesis ending at a position that also occur in the reference are exactly that node and its suffix-link
 * ancestors, so each is counted there, and a match is added while its hypothesis count is still within its
 * reference count: that is the clipped count, with no second pass. An n-gram absent from the reference is
 * never looked up beyond its first missing prefix, and nothing is stored for the hypothesis but per-node
 * counters.
 *
 * Hand-written because it is the hot path of chrF: integer node ids, one open-addressing `Int32Array` of
 * (parent, token) -> child, typed per-node arrays reused from reference to reference (nothing is allocated
 * once they are large enough), unigrams of tokens below {@link DIRECT} (code points of most alphabets, the
 * first word ids) found through a plain array indexed by the token.
 *
 * Tokens are any int32 >= 0 (code points, or word ids).
 * @internal
 */

/** Lanes per slot of the child table: parent node + 1 (0 = empty slot), token, child node. */
const LANES = 3;
const HASH = 0x9e3779b1;
/** Root children of tokens below this are found in a direct array. */
const DIRECT = 0x800;

export class RefAutomaton {
  /** Child table: slots of `LANES` int32s, the first `mask + 1` in use. */
  private table: Int32Array = new Int32Array(0);
  private shift = 32;
  private mask = 0;
  /** Int32s at the start of `table` that may be non-zero. */
  private dirty = 0;
  /** Root child (node id, 0 = none) of each token below DIRECT; zero but for the tokens of the reference built last. */
  private readonly rootDirect = new Int32Array(DIRECT);
  /** Per node (1..nodes; 0 is the root): suffix link, count in the reference, count in the current hypothesis. */
  private fail: Int32Array = new Int32Array(0);
  private refCount: Int32Array = new Int32Array(0);
  private hypCount: Int32Array = new Int32Array(0);
  private nodes = 0;
  /** Per depth 0..maxOrder: the node of the n-gram starting at the previous start position, and the current one. */
  private path: Int32Array = new Int32Array(0);
  private pathNext: Int32Array = new Int32Array(0);
  /** The tokens set in `rootDirect` (to empty it), and how many. */
  private rootTokens: Int32Array = new Int32Array(0);
  private nRoot = 0;
  /** Highest order of the trie built last. */
  private maxOrder = 1;

  /** Distinct n-grams of the reference built last. */
  get size(): number {
    return this.nodes;
  }

  /**
   * Builds the trie of the n-grams of orders 1..maxOrder of `ref[0..refLen)`, replacing the previous one.
   *
   * @param ref - Reference tokens (>= 0); not kept (the caller may reuse the buffer).
   * @param refLen - How many tokens to read.
   * @param maxOrder - Highest order, >= 1.
   */
  build(ref: ArrayLike<number>, refLen: number, maxOrder: number): void {
    this.clear();
    this.maxOrder = maxOrder;
    // Upper bound of the nodes: every n-gram distinct.
    let total = 0;
    for (let n = 1; n <= maxOrder && n <= refLen; n++) total += refLen - n + 1;
    let cap = 64;
    while (cap < 2 * total) cap *= 2; // load factor <= 1/2
    if (this.table.length < LANES * cap) this.table = new Int32Array(LANES * cap);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
    this.dirty = LANES * cap;
    if (this.fail.length <= total) {
      const n = Math.max(total + 1, 256, 2 * this.fail.length);
      this.fail = new Int32Array(n);
      this.refCount = new Int32Array(n);
      this.hypCount = new Int32Array(n);
    }
    if (this.rootTokens.length < refLen) this.rootTokens = new Int32Array(Math.max(refLen, 64, 2 * this.rootTokens.length));
    if (this.path.length <= maxOrder) {
      this.path = new Int32Array(Math.max(maxOrder + 1, 8));
      this.pathNext = new Int32Array(Math.max(maxOrder + 1, 8));
    }
    const t = this.table;
    const mask = this.mask;
    const shift = this.shift;
    const rootDirect = this.rootDirect;
    const fail = this.fail;
    const refCount = this.refCount;
    const rootTokens = this.rootTokens;
    let nRoot = 0;
    let path = this.path; // path[d]: node of ref[i+1 .. i+1+d), the start position after this one
    let cur = this.pathNext;
    let nodes = 0;
    // Start positions from the last to the first, so the suffix of each new n-gram (the n-gram one position
    // later, one shorter) is already in `path`.
    for (let i = refLen - 1; i >= 0; i--) {
      const depth = refLen - i < maxOrder ? refLen - i : maxOrder;
      let node = 0;
      for (let d = 1; d <= depth; d++) {
        const token = ref[i + d - 1] as number;
        let child: number;
        if (d === 1 && token < DIRECT) {
          child = rootDirect[token] as number;
          if (child === 0) {
            child = ++nodes;
            rootDirect[token] = child;
            rootTokens[nRoot++] = token;
            fail[child] = 0;
            refCount[child] = 1;
          } else refCount[child] = (refCount[child] as number) + 1;
        } else {
          const p = node + 1;
          let s = (Math.imul((p << 8) ^ token, HASH) >>> shift) & mask;
          for (;;) {
            const at = s * LANES;
            const q = t[at] as number;
            if (q === 0) {
              child = ++nodes;
              t[at] = p;
              t[at + 1] = token;
              t[at + 2] = child;
              fail[child] = path[d - 1] as number;
              refCount[child] = 1;
              break;
            }
            if (q === p && t[at + 1] === token) {
              child = t[at + 2] as number;
              refCount[child] = (refCount[child] as number) + 1;
              break;
            }
            s = (s + 1) & mask;
          }
        }
        cur[d] = child;
        node = child;
      }
      const swap = path;
      path = cur;
      cur = swap;
    }
    this.nodes = nodes;
    this.nRoot = nRoot;
  }

  /** Empties the table and the direct root children. */
  private clear(): void {
    if (this.dirty > 0) this.table.fill(0, 0, this.dirty);
    this.dirty = 0;
    const rootDirect = this.rootDirect;
    const rootTokens = this.rootTokens;
    for (let i = 0; i < this.nRoot; i++) rootDirect[rootTokens[i] as number] = 0;
    this.nRoot = 0;
    this.nodes = 0;
  }

  /**
   * Adds the clipped overlap of order n of `hyp[0..hypLen)` with the reference into `out[n - 1]`, for
   * n = 1..maxOrder (the order given to {@link build}).
   *
   * @param hyp - Hypothesis tokens, in the reference's id space.
   * @param hypLen - How many tokens to read.
   * @param out - Receives the matches per order (added to), at least maxOrder long.
   */
  match(hyp: ArrayLike<number>, hypLen: number, out: Int32Array): void {
    const nodes = this.nodes;
    if (nodes === 0) return;
    const t = this.table;
    const mask = this.mask;
    const shift = this.shift;
    const rootDirect = this.rootDirect;
    const fail = this.fail;
    const refCount = this.refCount;
    const hypCount = this.hypCount;
    const maxOrder = this.maxOrder;
    hypCount.fill(0, 0, nodes + 1);
    let state = 0; // node of the longest suffix of hyp[0..j] (at most maxOrder tokens) in the reference
    let depth = 0;
    for (let j = 0; j < hypLen; j++) {
      const token = hyp[j] as number;
      if (depth === maxOrder) {
        state = fail[state] as number;
        depth--;
      }
      // Extend the state by the token, dropping its first token while the extension is missing.
      for (;;) {
        let child = 0;
        if (depth === 0 && token < DIRECT) child = rootDirect[token] as number;
        else {
          const p = state + 1;
          let s = (Math.imul((p << 8) ^ token, HASH) >>> shift) & mask;
          let at = s * LANES;
          let q = t[at] as number;
          while (q !== 0 && (q !== p || t[at + 1] !== token)) {
            s = (s + 1) & mask;
            at = s * LANES;
            q = t[at] as number;
          }
          if (q !== 0) child = t[at + 2] as number;
        }
        if (child !== 0) {
          state = child;
          depth++;
          break;
        }
        if (depth === 0) break;
        state = fail[state] as number;
        depth--;
      }
      // Count the n-grams ending here that the reference has: the state and its suffix links.
      let x = state;
      for (let d = depth - 1; d >= 0; d--) {
        const c = (hypCount[x] as number) + 1;
        hypCount[x] = c;
        if (c <= (refCount[x] as number)) out[d] = (out[d] as number) + 1;
        x = fail[x] as number;
      }
    }
  }
}
