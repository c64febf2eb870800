/**
 * Sufficient statistics: every metric turns one segment into a flat array of numbers, and a corpus is
 * the element-wise sum of those arrays, finalized once. Sentence scores, corpus scores, streaming,
 * worker threads, bootstrap resampling and merging across machines all go through this one shape.
 */
import { typeError } from '../internal/validate.js';

/**
 * Element-wise sum of two statistics arrays of the same metric (associative and commutative).
 *
 * @param a - Statistics of one part of a corpus (not modified).
 * @param b - Statistics of another part, the same length (not modified).
 * @returns A new array `a[i] + b[i]`.
 * @throws TypeError when an argument is not an array or an element is not a finite number (naming it);
 *   RangeError when the lengths differ.
 * @remarks The statistics rows are sacrebleu's design (`BLEU._extract_corpus_statistics` sums per-segment
 *   rows, then `_compute_score_from_stats` finalizes once), and torchmetrics' `dist_reduce_fx="sum"`.
 * @example
 * ```ts
 * addStats([3, 4, 2], [1, 1, 0]); // [4, 5, 2]
 * ```
 */
export function addStats(a: readonly number[], b: readonly number[]): number[] {
  if (!Array.isArray(a)) throw new TypeError(`addStats: a must be an array of numbers, got ${typeof a}`);
  if (!Array.isArray(b)) throw new TypeError(`addStats: b must be an array of numbers, got ${typeof b}`);
  if (a.length !== b.length) {
    throw new RangeError(`addStats: a and b must have the same length, got ${a.length} and ${b.length}`);
  }
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    // A string would concatenate and a hole or NaN would spread NaN into every later sum.
    if (typeof x !== 'number' || !Number.isFinite(x)) throw typeError('addStats', `a[${i}]`, 'a finite number', x);
    if (typeof y !== 'number' || !Number.isFinite(y)) throw typeError('addStats', `b[${i}]`, 'a finite number', y);
    out[i] = x + y;
  }
  return out;
}

/** Adds `row` into `into` in place (internal hot-path twin of {@link addStats}). @internal */
export function addInto(into: number[], row: ArrayLike<number>): void {
  for (let i = 0; i < row.length; i++) into[i] = (into[i] as number) + (row[i] as number);
}

/**
 * Exact floating-point summation (Shewchuk's algorithm, as Python's `math.fsum`): the running sum is a
 * list of non-overlapping partials, so the rounded result does not depend on the order of additions or
 * on how a corpus was split into shards. The partials are plain numbers and merge by adding them.
 * @internal
 */
export class ExactSum {
  private readonly partials: number[];

  constructor(partials: readonly number[] = []) {
    this.partials = [];
    for (const p of partials) this.add(p);
  }

  add(x: number): this {
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j] as number;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    // As math.fsum: a zero is never kept as a partial, so the sum of zeros is +0 (never -0, which JSON
    // would turn into 0 and make a merged shard differ from the in-process sum).
    if (x !== 0) p.push(x);
    return this;
  }

  merge(other: ExactSum | readonly number[]): this {
    const parts = other instanceof ExactSum ? other.toJSON() : other;
    for (const x of parts) this.add(x);
    return this;
  }

  /** The correctly rounded sum. */
  valueOf(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n] as number;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n] as number;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    if (n > 0 && ((lo < 0 && (p[n - 1] as number) < 0) || (lo > 0 && (p[n - 1] as number) > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }

  /** The partials, JSON-serializable. */
  toJSON(): number[] {
    return this.partials.slice();
  }
}
