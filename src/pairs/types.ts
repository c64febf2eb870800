/**
 * The shapes of preference data: ranked or rated completions of one prompt in, chosen/rejected pairs out.
 */

/** Completions of one prompt ranked by a labeler: `ranks[i]` is the rank of `completions[i]`, lower = better. */
export interface RankedRecord {
  /** The prompt the completions answer; copied onto every pair. */
  readonly prompt: string;
  /** The candidate responses to `prompt`. */
  readonly completions: readonly string[];
  /** Finite numbers; equal ranks are ties (one level). */
  readonly ranks: readonly number[];
}

/** Completions of one prompt rated by a labeler or a model: `scores[i]` rates `completions[i]`, higher = better. */
export interface RatedRecord {
  /** The prompt the completions answer; copied onto every pair. */
  readonly prompt: string;
  /** The candidate responses to `prompt`. */
  readonly completions: readonly string[];
  /** Finite numbers; equal scores are ties (one level). */
  readonly scores: readonly number[];
}

/**
 * One preference pair, in the row format TRL's `RewardTrainer` and `DPOTrainer` read:
 * `{"prompt", "chosen", "rejected", "margin"}`.
 */
export interface PreferencePair {
  /** The prompt both texts answer (always explicit, as TRL expects). */
  readonly prompt: string;
  /** The preferred completion. */
  readonly chosen: string;
  /** The other completion. */
  readonly rejected: string;
  /** The positive rank or score difference between the two. */
  readonly margin: number;
  /** Present only with `weight: 'inverse-pairs'`: 1 / (number of pairs of this prompt). */
  readonly weight?: number;
}

/**
 * Which pairs of levels (completions of equal rank or score) are compared, levels ordered best to worst:
 * - `'all'`: every level against every worse level: N choose 2 less the tied pairs (InstructGPT).
 * - `'best-vs-rest'`: the best level against every other level.
 * - `'best-vs-worst'`: the best level against the worst level.
 * - `'adjacent'`: each level against the next worse one.
 */
export type PairStrategy = 'all' | 'best-vs-rest' | 'best-vs-worst' | 'adjacent';

/** Options of `rankingToPairs`, `ratingsToPairs` and `recordToPairs`. */
export interface PairsOptions {
  /**
   * Which levels are paired (see `PairStrategy`).
   * @defaultValue `'all'`
   */
  strategy?: PairStrategy;
  /**
   * Ties are never paired; `'error'` throws when two completions have the same rank or score.
   * @defaultValue `'drop'`
   */
  ties?: 'drop' | 'error';
  /**
   * Pairs whose margin is smaller than this are dropped (a finite number >= 0).
   * @defaultValue `0`
   */
  minMargin?: number;
  /**
   * At most this many pairs per prompt (an integer >= 1), chosen uniformly at random, reproducibly:
   * the choice depends only on `seed` and the record's content, not on its position in a file.
   * @defaultValue no limit
   */
  maxPairsPerPrompt?: number;
  /**
   * Seed of the choice made by `maxPairsPerPrompt` (an integer).
   * @defaultValue `0`
   */
  seed?: number;
  /**
   * `'inverse-pairs'` adds `weight = 1 / (pairs of this prompt)` to every pair, so each prompt weighs 1 in
   * total however many pairs it yields (InstructGPT trains on each prompt's K choose 2 comparisons as one
   * batch element; for K completions without ties under `'all'` the weight is 1 / C(K, 2)).
   * @defaultValue `'none'`
   */
  weight?: 'none' | 'inverse-pairs';
}

/**
 * What a conversion produced and dropped. All fields are counts that add up over records, so summaries of
 * shards merge by adding them (see `createPairsSummary`). Every candidate pair of the strategy is
 * counted once, in the first category that applies: identical, under margin, sampled out, else emitted.
 */
export interface PairsSummary {
  /** Records (prompts) read. */
  readonly prompts: number;
  /** Records that yielded no pair. */
  readonly promptsWithoutPairs: number;
  /** Completions read. */
  readonly completions: number;
  /** Pairs emitted. */
  readonly pairs: number;
  /** Pairs of completions with equal rank or score (never paired, whatever the strategy). */
  readonly tiedPairs: number;
  /** Pairs of the strategy dropped because `chosen` and `rejected` are the same text. */
  readonly identicalPairs: number;
  /** Pairs of the strategy dropped because their margin is below `minMargin`. */
  readonly underMarginPairs: number;
  /** Pairs of the strategy left out by `maxPairsPerPrompt`. */
  readonly sampledOutPairs: number;
}

/** The pairs of one record and what was dropped on the way. */
export interface PairsResult {
  /** The pairs, as {@link rankingToPairs} / {@link ratingsToPairs} return them. */
  readonly pairs: PreferencePair[];
  /** What this record produced and dropped. */
  readonly summary: PairsSummary;
}
