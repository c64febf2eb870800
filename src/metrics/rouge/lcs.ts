/**
 * Longest common subsequences on integer token ids, bit-parallel (Allison–Dix / Hyyrö): one machine word
 * holds 32 columns of a row of the LCS table, so a row costs ⌈columns/32⌉ word operations and the length
 * alone needs memory linear in the shorter sequence.
 *
 * Row `i` is stored as a bit vector `V` over the columns: bit `j - 1` is 0 exactly where the LCS table grows
 * along the row, `t[i][j] - t[i][j - 1] = 1`, so `t[i][j]` is the number of zero bits among the first `j`.
 * With `M` the columns holding row `i`'s token, `V ← (V + (V & M)) | (V & ~M)` (a multi-word addition).
 *
 * ROUGE-Lsum also needs *which* reference tokens rouge-score's backtrack picks (its tie-break changes the
 * score), so {@link LcsWorkspace.markUnion} keeps every row (one bit per table cell) and walks back through
 * them with the exact rules of rouge-score's `_backtrack_norec`.
 * @internal
 */

import { extend, NO_NUMBERS, TokenScratch } from '../../ngram/counter.js';

/** An empty array, replaced on first use (never written). */
const NONE = new Int32Array(0);

/** Multi-word columns get a dense mask for every distinct token while that takes at most this many words. */
const DENSE_ALL_WORDS = 1 << 14;

/** Number of 1 bits of a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** t[i][j] of a two-word row (`lo`: columns 1..32, `hi`: 33..64): j minus the ones among its first j bits. */
function at2(lo: number, hi: number, j: number): number {
  if (j <= 32) return j - popcount(j === 32 ? lo : lo & ((1 << j) - 1));
  return j - popcount(lo) - popcount(j === 64 ? hi : hi & ((1 << (j - 32)) - 1));
}

/** Reusable scratch space for the LCS computations of one scoring call (never shared between calls). */
export class LcsWorkspace {
  // Plain arrays wherever a per-pair call uses them: a typed array longer than 64 bytes is allocated outside
  // the heap and costs about a microsecond, more than scoring a short pair. By token id, all zero between calls.
  // `mask` (one-word masks; the low word of two-word ones; the clipping counts), `mask2` (the high word) and
  // `denseIdx` (1 + index of a token's dense mask in `denseBuf`, 0: sparse) live in the shared scratch.
  /** Occurrences in the column sequence. */
  private occ: number[] = NO_NUMBERS;
  /** 1 + first position in the column sequence (0: none); `next` chains the others. */
  private head: number[] = NO_NUMBERS;
  private next: number[] = NO_NUMBERS;
  private denseBuf: number[] = NO_NUMBERS;
  /** Mask of one row, for tokens kept sparse. */
  private rowMask: number[] = NO_NUMBERS;
  /** The bit rows of multi-word tables: one for the length, all of them for a backtrack. */
  private rows: Int32Array = NONE;
  /** The rows of one- and two-word tables (a hypothesis sentence of at most 64 tokens), for a backtrack. */
  private rows1: number[] = NO_NUMBERS;
  /** {@link lcsAndGrams}: the columns taken, two words per order. */
  private gramUsed: number[] = NO_NUMBERS;
  /** Marks of reference positions in a union LCS. */
  private marks: number[] = NO_NUMBERS;
  /** Columns and words of the current column sequence. */
  private cols: ArrayLike<number> = NONE;
  private colStart = 0;
  private colLen = 0;
  private words = 0;
  /** Multi-word columns: some masks are built per row (`occ`, `head`, `next` in use). */
  private sparse = false;
  /** Token ids are below this (the by-token arrays are grown on use to at least this length). */
  private vocabularySize = 0;

  /** @param scratch - By-token arrays shared with the other scratch users of the computation (all zero between calls). */
  constructor(private readonly scratch: TokenScratch = new TokenScratch()) {}

  private get mask(): number[] {
    return this.scratch.a;
  }

  private get mask2(): number[] {
    return this.scratch.b;
  }

  private get denseIdx(): number[] {
    return this.scratch.a;
  }

  /** Declares that token ids are below `vocabularySize`. */
  reserve(vocabularySize: number): void {
    if (vocabularySize > this.vocabularySize) this.vocabularySize = vocabularySize;
  }

  /** The single-word masks by token, room for every token id (one allocation when growing). */
  private maskTable(): number[] {
    return (this.scratch.a = extend(this.scratch.a, this.vocabularySize));
  }

  /** The high-word masks of two-word columns, room for every token id. */
  private mask2Table(): number[] {
    return (this.scratch.b = extend(this.scratch.b, this.vocabularySize));
  }

  /** The by-token arrays of multi-word columns (`occ` and `head` only with sparse masks), room for every token id. */
  private multiWordTables(sparse: boolean): void {
    const n = this.vocabularySize;
    this.scratch.a = extend(this.scratch.a, n);
    if (sparse) {
      this.occ = extend(this.occ, n);
      this.head = extend(this.head, n);
    }
  }

  /** Length of the LCS of `a` and `b` (token ids below the reserved vocabulary size). */
  lcsLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
    // Columns: the shorter sequence (memory ⌈min/32⌉ words). The length does not depend on orientation.
    const rows = a.length >= b.length ? a : b;
    const cols = rows === a ? b : a;
    const n = cols.length;
    if (n === 0) return 0;
    this.setColumns(cols, 0, n);
    let zeros: number;
    if (n <= 32) {
      const mask = this.mask;
      let v = -1;
      for (let i = 0; i < rows.length; i++) {
        const m = mask[rows[i] as number] as number;
        if (m !== 0) {
          const u = v & m;
          v = ((v + u) | 0) | (v & ~m);
        }
      }
      zeros = n - popcount(n === 32 ? v : v & ((1 << n) - 1));
    } else if (n <= 64) {
      // Two words: the 64-bit addition with its carry, inline.
      const mask = this.mask;
      const mask2 = this.mask2;
      let v0 = -1;
      let v1 = -1;
      for (let i = 0; i < rows.length; i++) {
        const x = rows[i] as number;
        const m0 = mask[x] as number;
        const m1 = mask2[x] as number;
        if ((m0 | m1) !== 0) {
          const s0 = (v0 >>> 0) + ((v0 & m0) >>> 0);
          v1 = (((v1 >>> 0) + ((v1 & m1) >>> 0) + (s0 > 0xffffffff ? 1 : 0)) | 0) | (v1 & ~m1);
          v0 = (s0 | 0) | (v0 & ~m0);
        }
      }
      zeros = n - popcount(v0) - popcount(n === 64 ? v1 : v1 & ((1 << (n - 32)) - 1));
    } else {
      const w = this.words;
      const v = this.rowBuffer(w);
      v.fill(-1, 0, w);
      for (let i = 0; i < rows.length; i++) this.step(rows[i] as number, v, 0, v, 0);
      zeros = n - this.onesBefore(v, 0, n);
    }
    this.clearColumns();
    return zeros;
  }

  /**
   * {@link lcsLength} of `a` and `b` and, in the same pass, the clipped n-gram overlaps of every order
   * 1..`maxN` (Σ over n-grams of min(count in a, count in b)) into `out[0..maxN)`, when the shorter sequence
   * has at most 64 tokens; else -1 and nothing written (use {@link lcsLength} and an n-gram matcher).
   *
   * Hand-written for the hot path of a per-pair `rouge()` on short texts (ROUGE-1, -2 and -L together): the
   * column masks the LCS builds anyway (bit j of a token's mask: column j holds it) give the columns where an
   * n-gram of the row sequence starts, `mask[x0] & (mask[x1] >>> 1) & … & (mask[x(n-1)] >>> (n-1))`; each
   * row n-gram takes the lowest such column not taken yet. A column starts one n-gram of each order, so the
   * taken columns of an order belong to distinct n-grams, and greedily matching equal items gives exactly
   * Σ min(count in a, count in b). No chains, no count arrays, one setup for all the types.
   *
   * @param a - Token ids (below the reserved vocabulary size), non-empty.
   * @param b - Token ids, non-empty.
   * @param maxN - The highest n-gram order (0: the LCS only), at most 31.
   * @param out - Receives the overlaps of orders 1..maxN at indexes 0..maxN−1.
   * @returns The LCS length, or -1 when both sequences are longer than 64 tokens.
   */
  lcsAndGrams(a: ArrayLike<number>, b: ArrayLike<number>, maxN: number, out: number[]): number {
    const rows = a.length >= b.length ? a : b;
    const cols = rows === a ? b : a;
    const n = cols.length;
    const R = rows.length;
    if (n > 64) return -1;
    for (let g = 0; g < maxN; g++) out[g] = 0;
    if (n === 0) return 0;
    if (n <= 32 && maxN <= 2) {
      // rouge1 and rouge2 (the usual request) against at most 32 columns: the one-word masks set and cleared
      // here, the taken columns in two locals (no setColumns state, no per-order array).
      const mask = this.maskTable();
      for (let j = 0; j < n; j++) {
        const x = cols[j] as number;
        mask[x] = (mask[x] as number) | (1 << j);
      }
      let v = -1;
      let used1 = 0;
      let used2 = 0;
      let hits1 = 0;
      let hits2 = 0;
      for (let i = 0; i < R; i++) {
        const m = mask[rows[i] as number] as number;
        if (m === 0) continue;
        v = ((v + (v & m)) | 0) | (v & ~m);
        if (maxN === 0) continue;
        const f1 = m & ~used1;
        if (f1 !== 0) {
          used1 |= f1 & -f1;
          hits1++;
        }
        if (maxN === 2 && i + 1 < R) {
          const f2 = m & ((mask[rows[i + 1] as number] as number) >>> 1) & ~used2;
          if (f2 !== 0) {
            used2 |= f2 & -f2;
            hits2++;
          }
        }
      }
      for (let j = 0; j < n; j++) mask[cols[j] as number] = 0;
      if (maxN > 0) out[0] = hits1;
      if (maxN > 1) out[1] = hits2;
      return n - popcount(n === 32 ? v : v & ((1 << n) - 1));
    }
    this.setColumns(cols, 0, n);
    const mask = this.mask;
    // used[2g], used[2g + 1]: the columns (low word, high word) whose n-gram of order g + 1 is taken.
    const used = (this.gramUsed = extend(this.gramUsed, 2 * maxN));
    for (let g = 0; g < 2 * maxN; g++) used[g] = 0;
    let zeros: number;
    if (n <= 32) {
      let v = -1;
      for (let i = 0; i < R; i++) {
        const m = mask[rows[i] as number] as number;
        if (m === 0) continue; // no column holds this token: no LCS step, no n-gram starts here
        v = ((v + (v & m)) | 0) | (v & ~m);
        let cand = m;
        const top = Math.min(maxN, R - i);
        for (let g = 0; g < top; g++) {
          if (g > 0) {
            cand &= (mask[rows[i + g] as number] as number) >>> g;
            if (cand === 0) break; // no column starts this n-gram, nor any longer one
          }
          const free = cand & ~(used[2 * g] as number);
          if (free !== 0) {
            used[2 * g] = (used[2 * g] as number) | (free & -free);
            out[g] = (out[g] as number) + 1;
          }
        }
      }
      zeros = n - popcount(n === 32 ? v : v & ((1 << n) - 1));
    } else {
      const mask2 = this.mask2;
      let v0 = -1;
      let v1 = -1;
      for (let i = 0; i < R; i++) {
        const x = rows[i] as number;
        const m0 = mask[x] as number;
        const m1 = mask2[x] as number;
        if ((m0 | m1) === 0) continue;
        const s0 = (v0 >>> 0) + ((v0 & m0) >>> 0);
        v1 = (((v1 >>> 0) + ((v1 & m1) >>> 0) + (s0 > 0xffffffff ? 1 : 0)) | 0) | (v1 & ~m1);
        v0 = (s0 | 0) | (v0 & ~m0);
        let c0 = m0;
        let c1 = m1;
        const top = Math.min(maxN, R - i);
        for (let g = 0; g < top; g++) {
          if (g > 0) {
            // The masks of the token g rows on, shifted down g columns across the two words.
            const y = rows[i + g] as number;
            const y0 = mask[y] as number;
            const y1 = mask2[y] as number;
            c0 &= (y0 >>> g) | (y1 << (32 - g));
            c1 &= y1 >>> g;
            if ((c0 | c1) === 0) break;
          }
          const f0 = c0 & ~(used[2 * g] as number);
          if (f0 !== 0) {
            used[2 * g] = (used[2 * g] as number) | (f0 & -f0);
            out[g] = (out[g] as number) + 1;
          } else {
            const f1 = c1 & ~(used[2 * g + 1] as number);
            if (f1 !== 0) {
              used[2 * g + 1] = (used[2 * g + 1] as number) | (f1 & -f1);
              out[g] = (out[g] as number) + 1;
            }
          }
        }
      }
      zeros = n - popcount(v0) - popcount(n === 64 ? v1 : v1 & ((1 << (n - 32)) - 1));
    }
    this.clearColumns();
    return zeros;
  }

  /**
   * rouge-score's union LCS for ROUGE-Lsum, as clipped hits: for every reference sentence and every
   * hypothesis sentence, the reference positions of the LCS that `_backtrack_norec` reads out of the table
   * `_lcs_table(reference sentence, hypothesis sentence)` are marked; a marked reference token is a hit while
   * the hypothesis still has an unused token equal to it (the clipping of `_summary_level_lcs`).
   *
   * @param ref - Reference token ids, all sentences concatenated; `refStarts` are the sentence boundaries
   *   (`refStarts[k]..refStarts[k+1]`, last entry = `ref.length`).
   * @param hyp - Hypothesis token ids and `hypStarts` likewise.
   * @param maxCells - The largest table (reference sentence length × hypothesis sentence length, the latter
   *   counted as at least 64) allowed.
   * @param onTooLarge - Builds the error thrown when a table exceeds `maxCells`.
   */
  unionHits(
    ref: ArrayLike<number>,
    refStarts: ArrayLike<number>,
    hyp: ArrayLike<number>,
    hypStarts: ArrayLike<number>,
    maxCells: number,
    onTooLarge: (cells: number) => Error,
  ): number {
    const m = ref.length;
    if (m === 0 || hyp.length === 0) return 0;
    // The cell budget first, in the order of the tables (nothing is set up when one is too large).
    for (let h = 0; h + 1 < hypStarts.length; h++) {
      const cn = (hypStarts[h + 1] as number) - (hypStarts[h] as number);
      for (let k = 0; k + 1 < refStarts.length; k++) {
        const rn = (refStarts[k + 1] as number) - (refStarts[k] as number);
        // A table narrower than 64 columns still stores a row in one or two 8-byte array slots: charge it
        // as 64 columns, so the budget bounds memory (about maxCells / 4 bytes) for every shape.
        const cells = rn * (cn < 64 ? 64 : cn);
        if (cells > maxCells) throw onTooLarge(cells);
      }
    }
    const marks = (this.marks = extend(this.marks, m));
    for (let i = 0; i < m; i++) marks[i] = 0; // a loop: Array.prototype.fill is slower on small arrays
    for (let h = 0; h + 1 < hypStarts.length; h++) {
      const c0 = hypStarts[h] as number;
      const cn = (hypStarts[h + 1] as number) - c0;
      if (cn === 0) continue;
      this.setColumns(hyp, c0, cn);
      for (let k = 0; k + 1 < refStarts.length; k++) {
        const r0 = refStarts[k] as number;
        const rn = (refStarts[k + 1] as number) - r0;
        if (rn !== 0) this.markPair(ref, r0, rn, marks);
      }
      this.clearColumns();
    }
    // Clipping: a marked reference token is a hit while the hypothesis has an unused equal token.
    // Counts by token in the mask array (all zero outside setColumns/clearColumns).
    const counts = this.maskTable();
    for (let j = 0; j < hyp.length; j++) {
      const x = hyp[j] as number;
      counts[x] = (counts[x] as number) + 1;
    }
    let hits = 0;
    for (let i = 0; i < m; i++) {
      if (marks[i] === 0) continue;
      const t = ref[i] as number;
      if ((counts[t] as number) > 0) {
        counts[t] = (counts[t] as number) - 1;
        hits++;
      }
    }
    for (let j = 0; j < hyp.length; j++) counts[hyp[j] as number] = 0;
    return hits;
  }

  /** Fills the rows of the table of reference sentence `ref[r0..r0+rn)` against the current columns and marks its LCS. */
  private markPair(ref: ArrayLike<number>, r0: number, rn: number, marks: number[]): void {
    const cn = this.colLen;
    const w = this.words;
    if (w === 1) {
      const rows1 = (this.rows1 = extend(this.rows1, rn + 1));
      const mask = this.mask;
      let v = -1;
      let matching = 0;
      rows1[0] = v;
      for (let i = 1; i <= rn; i++) {
        const m = mask[ref[r0 + i - 1] as number] as number;
        if (m !== 0) {
          const u = v & m;
          v = ((v + u) | 0) | (v & ~m);
          matching++;
        }
        rows1[i] = v;
      }
      const lcs = cn - popcount(cn === 32 ? v : v & ((1 << cn) - 1));
      if (lcs === matching) this.markMatching(ref, r0, rn, marks);
      else this.backtrackOneWord(ref, r0, rn, rows1, marks);
      return;
    }
    if (w === 2) {
      const rows2 = (this.rows1 = extend(this.rows1, 2 * (rn + 1)));
      const mask = this.mask;
      const mask2 = this.mask2;
      let v0 = -1;
      let v1 = -1;
      let matching = 0;
      rows2[0] = -1;
      rows2[1] = -1;
      for (let i = 1; i <= rn; i++) {
        const x = ref[r0 + i - 1] as number;
        const m0 = mask[x] as number;
        const m1 = mask2[x] as number;
        if ((m0 | m1) !== 0) {
          const s0 = (v0 >>> 0) + ((v0 & m0) >>> 0);
          v1 = (((v1 >>> 0) + ((v1 & m1) >>> 0) + (s0 > 0xffffffff ? 1 : 0)) | 0) | (v1 & ~m1);
          v0 = (s0 | 0) | (v0 & ~m0);
          matching++;
        }
        rows2[2 * i] = v0;
        rows2[2 * i + 1] = v1;
      }
      if (at2(v0, v1, cn) === matching) this.markMatching(ref, r0, rn, marks);
      else this.backtrackTwoWords(ref, r0, rn, rows2, marks);
      return;
    }
    const rows = this.rowBuffer((rn + 1) * w);
    rows.fill(-1, 0, w);
    for (let i = 1; i <= rn; i++) this.step(ref[r0 + i - 1] as number, rows, (i - 1) * w, rows, i * w);
    // Backtrack as `_backtrack_norec`: on equal tokens go diagonally (and record the reference position),
    // else left when t[i][j-1] > t[i-1][j], else up. T = t[i][j] and U = t[i-1][j] are kept incrementally.
    const cols = this.cols;
    const c0 = this.colStart;
    let i = rn;
    let j = cn;
    let T = j - this.onesBefore(rows, i * w, j);
    if (T === 0) return;
    let U = j - this.onesBefore(rows, (i - 1) * w, j);
    for (;;) {
      if (ref[r0 + i - 1] === cols[c0 + j - 1]) {
        marks[r0 + i - 1] = 1;
        i--;
        j--;
        T--;
        if (T === 0) return;
        U = j - this.onesBefore(rows, (i - 1) * w, j);
      } else {
        // t[i][j-1] = T - (1 if the table grows at column j in row i); t[i-1][j-1] likewise from U.
        const b = j - 1;
        const left = T - (1 - (((rows[i * w + (b >>> 5)] as number) >>> (b & 31)) & 1));
        if (left > U) {
          U -= 1 - (((rows[(i - 1) * w + (b >>> 5)] as number) >>> (b & 31)) & 1);
          T = left;
          j--;
        } else {
          i--;
          T = U;
          U = j - this.onesBefore(rows, (i - 1) * w, j);
        }
      }
    }
  }

  /**
   * Marks every position of `ref[r0..r0+rn)` whose token is among the columns (one- and two-word columns).
   * When the LCS is as long as the number of such positions, every LCS uses all of them, so this is what the
   * backtrack would mark (38% of DUC's sentence pairs with a common token, without walking the table).
   */
  private markMatching(ref: ArrayLike<number>, r0: number, rn: number, marks: number[]): void {
    const mask = this.mask;
    if (this.words === 1) {
      for (let i = r0; i < r0 + rn; i++) if ((mask[ref[i] as number] as number) !== 0) marks[i] = 1;
    } else {
      const mask2 = this.mask2;
      for (let i = r0; i < r0 + rn; i++) if (((mask[ref[i] as number] as number) | (mask2[ref[i] as number] as number)) !== 0) marks[i] = 1;
    }
  }

  /**
   * {@link markPair}'s backtrack when a row is one word (a hypothesis sentence of at most 32 tokens).
   *
   * `_backtrack_norec` at (i, j) with unequal tokens moves left when t[i][j-1] > t[i-1][j], else up. As
   * t[i][j] = max(t[i-1][j], t[i][j-1]) and consecutive rows differ by at most 1 (T = t[i][j], U = t[i-1][j]):
   * U = T means up; U = T − 1 means left, and then t[i][j-1] = T and t[i-1][j-1] = T − 1 again, so the walk
   * keeps going left until the column holding the row's token, where it turns diagonal. That run is one step
   * here: the highest bit of the token's column mask below column j.
   */
  private backtrackOneWord(ref: ArrayLike<number>, r0: number, rn: number, rows: number[], marks: number[]): void {
    const cols = this.cols;
    const c0 = this.colStart;
    const mask = this.mask;
    let i = rn;
    let j = this.colLen;
    // t[i][j] = j − (ones among the first j bits of row i).
    let T = j - popcount(j === 32 ? (rows[i] as number) : (rows[i] as number) & ((1 << j) - 1));
    if (T === 0) return;
    let U = j - popcount(j === 32 ? (rows[i - 1] as number) : (rows[i - 1] as number) & ((1 << j) - 1));
    for (;;) {
      const x = ref[r0 + i - 1] as number;
      if (x === cols[c0 + j - 1]) {
        marks[r0 + i - 1] = 1;
        if (--T === 0) return;
        i--;
        j--;
        U = j - popcount((rows[i - 1] as number) & ((1 << j) - 1));
      } else if (U === T) {
        i--;
        U = j - popcount(j === 32 ? (rows[i - 1] as number) : (rows[i - 1] as number) & ((1 << j) - 1));
      } else {
        // Left to the nearest column before j holding x (columns 1..j-1 are bits 0..j-2); U stays T − 1.
        j = 32 - Math.clz32((mask[x] as number) & ((1 << (j - 1)) - 1));
        if (j === 0) throw new Error('nlg-metrics: internal error in the rougeLsum backtrack');
      }
    }
  }

  /** {@link markPair}'s backtrack when a row is two words (a hypothesis sentence of 33 to 64 tokens); as {@link backtrackOneWord}. */
  private backtrackTwoWords(ref: ArrayLike<number>, r0: number, rn: number, rows: number[], marks: number[]): void {
    const cols = this.cols;
    const c0 = this.colStart;
    const mask = this.mask;
    const mask2 = this.mask2;
    let i = rn;
    let j = this.colLen;
    let T = at2(rows[2 * i] as number, rows[2 * i + 1] as number, j);
    if (T === 0) return;
    let U = at2(rows[2 * i - 2] as number, rows[2 * i - 1] as number, j);
    for (;;) {
      const x = ref[r0 + i - 1] as number;
      if (x === cols[c0 + j - 1]) {
        marks[r0 + i - 1] = 1;
        if (--T === 0) return;
        i--;
        j--;
        U = at2(rows[2 * i - 2] as number, rows[2 * i - 1] as number, j);
      } else if (U === T) {
        i--;
        U = at2(rows[2 * i - 2] as number, rows[2 * i - 1] as number, j);
      } else {
        // Left to the nearest column before j holding x: in the high word (columns 33..64) if any, else the low.
        const hi = j > 33 ? (mask2[x] as number) & ((1 << (j - 33)) - 1) : 0;
        if (hi !== 0) j = 64 - Math.clz32(hi);
        else j = 32 - Math.clz32(j > 32 ? (mask[x] as number) : (mask[x] as number) & ((1 << (j - 1)) - 1));
        if (j === 0) throw new Error('nlg-metrics: internal error in the rougeLsum backtrack');
      }
    }
  }

  /** Number of 1 bits among the first `j` bits of the row at `off`. */
  private onesBefore(v: Int32Array, off: number, j: number): number {
    const full = j >>> 5;
    let s = 0;
    for (let k = 0; k < full; k++) s += popcount(v[off + k] as number);
    const rest = j & 31;
    if (rest !== 0) s += popcount((v[off + full] as number) & ((1 << rest) - 1));
    return s;
  }

  /** One row step for token `x` on multi-word rows: `dst = (src + (src & M)) | (src & ~M)`. */
  private step(x: number, src: Int32Array, so: number, dst: Int32Array, doff: number): void {
    const w = this.words;
    const d = this.denseIdx[x] as number;
    let m: number[];
    let mo: number;
    let lo: number;
    let hi: number;
    if (d !== 0) {
      m = this.denseBuf;
      mo = (d - 1) * w;
      lo = 0;
      hi = w - 1;
    } else {
      // Not dense: absent from the columns, or (sparse masks only) its mask is built from its positions.
      let p = this.sparse ? (this.head[x] as number) : 0;
      if (p === 0) {
        if (src !== dst || so !== doff) copyRow(src, so, dst, doff, w);
        return;
      }
      m = this.rowMask;
      mo = 0;
      lo = w;
      hi = -1;
      const next = this.next;
      while (p !== 0) {
        const q = p - 1;
        const k = q >>> 5;
        m[k] = (m[k] as number) | (1 << (q & 31));
        if (k < lo) lo = k;
        if (k > hi) hi = k;
        p = next[q] as number;
      }
    }
    if (src !== dst || so !== doff) copyRow(src, so, dst, doff, lo);
    let carry = 0;
    let k = lo;
    for (; k < w; k++) {
      const v = src[so + k] as number;
      if (k > hi && carry === 0) break;
      const mk = m[mo + k] as number;
      const u = v & mk;
      const sum = (v >>> 0) + (u >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      dst[doff + k] = (sum | 0) | (v & ~mk);
    }
    if (src !== dst || so !== doff) for (; k < w; k++) dst[doff + k] = src[so + k] as number;
    if (d === 0) m.fill(0, lo, hi + 1);
  }

  /** Indexes the column sequence `cols[start..start+len)`: masks (one word) or dense/sparse positions. */
  private setColumns(cols: ArrayLike<number>, start: number, len: number): void {
    this.cols = cols;
    this.colStart = start;
    this.colLen = len;
    const w = (len + 31) >>> 5;
    this.words = w;
    if (w === 1) {
      const mask = this.maskTable();
      for (let j = 0; j < len; j++) {
        const x = cols[start + j] as number;
        mask[x] = (mask[x] as number) | (1 << j);
      }
      return;
    }
    if (w === 2) {
      const mask = this.maskTable();
      const mask2 = this.mask2Table();
      for (let j = 0; j < 32; j++) {
        const x = cols[start + j] as number;
        mask[x] = (mask[x] as number) | (1 << j);
      }
      for (let j = 32; j < len; j++) {
        const x = cols[start + j] as number;
        mask2[x] = (mask2[x] as number) | (1 << (j - 32));
      }
      return;
    }
    // Every token gets a dense mask (w words) while that stays small (at most len·w words). Otherwise only
    // tokens occurring at least w times do (at most 32 of them: memory ≤ 32·w words), and the masks of the
    // others are built per row from the chains of their positions.
    const sparse = len * w > DENSE_ALL_WORDS;
    this.sparse = sparse;
    this.multiWordTables(sparse);
    const denseIdx = this.denseIdx;
    let dense = 0;
    if (!sparse) {
      for (let j = 0; j < len; j++) {
        const x = cols[start + j] as number;
        if (denseIdx[x] === 0) denseIdx[x] = ++dense;
      }
    } else {
      this.rowMask = extend(this.rowMask, w);
      this.next = extend(this.next, len);
      const occ = this.occ;
      const head = this.head;
      const next = this.next;
      for (let j = len - 1; j >= 0; j--) {
        const x = cols[start + j] as number;
        occ[x] = (occ[x] as number) + 1;
        next[j] = head[x] as number;
        head[x] = j + 1;
      }
      for (let j = 0; j < len; j++) {
        const x = cols[start + j] as number;
        if ((occ[x] as number) >= w && denseIdx[x] === 0) denseIdx[x] = ++dense;
      }
    }
    if (dense > 0) {
      const buf = (this.denseBuf = extend(this.denseBuf, dense * w));
      for (let k = 0; k < dense * w; k++) buf[k] = 0;
      for (let j = 0; j < len; j++) {
        const d = this.denseIdx[cols[start + j] as number] as number;
        if (d !== 0) buf[(d - 1) * w + (j >>> 5)] = (buf[(d - 1) * w + (j >>> 5)] as number) | (1 << (j & 31));
      }
    }
  }

  /** Undoes {@link setColumns} so the by-token arrays are all zero again. */
  private clearColumns(): void {
    const cols = this.cols;
    const start = this.colStart;
    const len = this.colLen;
    if (this.words === 1) {
      for (let j = 0; j < len; j++) this.mask[cols[start + j] as number] = 0;
    } else if (this.words === 2) {
      for (let j = 0; j < len; j++) {
        const x = cols[start + j] as number;
        this.mask[x] = 0;
        this.mask2[x] = 0;
      }
    } else if (!this.sparse) {
      for (let j = 0; j < len; j++) this.denseIdx[cols[start + j] as number] = 0;
    } else {
      for (let j = 0; j < len; j++) {
        const x = cols[start + j] as number;
        this.occ[x] = 0;
        this.head[x] = 0;
        this.denseIdx[x] = 0;
      }
    }
    this.cols = NONE;
    this.colLen = 0;
  }

  /** The row buffer, grown geometrically while small and to the exact size when large (budgeted tables). */
  private rowBuffer(size: number): Int32Array {
    if (this.rows.length < size) this.rows = new Int32Array(Math.max(size, Math.min(this.rows.length * 2, 1 << 16)));
    return this.rows;
  }
}

function copyRow(src: Int32Array, so: number, dst: Int32Array, doff: number, n: number): void {
  for (let k = 0; k < n; k++) dst[doff + k] = src[so + k] as number;
}
