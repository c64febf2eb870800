/**
 * Adding up what pair conversions produced and dropped, over a file, a stream or shards.
 */
import { typeError } from '../internal/validate.js';
import type { PairsSummary } from './types.js';

const FIELDS = [
  'prompts',
  'promptsWithoutPairs',
  'completions',
  'pairs',
  'tiedPairs',
  'identicalPairs',
  'underMarginPairs',
  'sampledOutPairs',
] as const satisfies readonly (keyof PairsSummary)[];

/** Adds {@link PairsSummary} counts; `result()` is their total so far. */
export interface PairsSummaryAccumulator {
  /** Adds the summary of one record (`recordToPairs(...).summary`) or the total of another accumulator. */
  add(summary: PairsSummary): this;
  /** The total of every summary added, as a new plain object (JSON-serializable). */
  result(): PairsSummary;
}

/**
 * A running total of {@link PairsSummary} counts: add each record's summary, or the totals of other
 * shards (addition is associative and commutative, so any split gives the same total).
 *
 * @returns An accumulator whose `result()` starts at all zeros.
 * @throws `add` throws a TypeError naming the field when a count is not a non-negative integer (for
 *   example a summary read back from a file).
 * @remarks Each candidate pair is counted once: identical, under margin, sampled out, or emitted; tied
 *   pairs are counted whatever the strategy. For `strategy: 'all'` without `minMargin` or
 *   `maxPairsPerPrompt`, `pairs + tiedPairs + identicalPairs` is Σ C(K, 2) over prompts of K completions.
 * @example
 * ```ts
 * const total = createPairsSummary();
 * total.add(recordToPairs({ prompt: 'Q1', completions: ['a', 'b', 'c'], ranks: [1, 2, 2] }).summary);
 * total.add(recordToPairs({ prompt: 'Q2', completions: ['d', 'e'], scores: [4, 4] }).summary);
 * total.result();
 * // { prompts: 2, promptsWithoutPairs: 1, completions: 5, pairs: 2, tiedPairs: 2, identicalPairs: 0, underMarginPairs: 0, sampledOutPairs: 0 }
 * ```
 */
export function createPairsSummary(): PairsSummaryAccumulator {
  const totals = emptyTotals();
  return {
    add(summary: PairsSummary) {
      if (summary === null || typeof summary !== 'object') throw typeError('PairsSummaryAccumulator.add', 'summary', 'an object', summary);
      for (const k of FIELDS) {
        const v: unknown = summary[k];
        if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
          throw typeError('PairsSummaryAccumulator.add', `summary.${k}`, 'a non-negative integer', v);
        }
      }
      for (const k of FIELDS) totals[k] += summary[k];
      return this;
    },
    result() {
      return { ...totals };
    },
  };
}

function emptyTotals(): { -readonly [K in keyof PairsSummary]: number } {
  return {
    prompts: 0,
    promptsWithoutPairs: 0,
    completions: 0,
    pairs: 0,
    tiedPairs: 0,
    identicalPairs: 0,
    underMarginPairs: 0,
    sampledOutPairs: 0,
  };
}
