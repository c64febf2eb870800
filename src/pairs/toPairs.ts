/**
 * Rankings and ratings to reward-model preference pairs. Completions of equal rank (or score) form one
 * *level*; levels are ordered best to worst, a strategy says which levels are compared, and every pair of
 * completions from two compared levels becomes `{ prompt, chosen, rejected, margin }` unless it is dropped
 * (identical texts, margin below `minMargin`, sampled out by `maxPairsPerPrompt`).
 */
import { checkEnum, checkInteger, checkNumber, checkOptions, typeError } from '../internal/validate.js';
import { recordRandom, sampleIndices } from './sample.js';
import type { PairStrategy, PairsOptions, PairsResult, PairsSummary, PreferencePair, RankedRecord, RatedRecord } from './types.js';
import type { createPairsSummary } from './summary.js';

const STRATEGIES: readonly PairStrategy[] = ['all', 'best-vs-rest', 'best-vs-worst', 'adjacent'];
const OPTION_NAMES = ['strategy', 'ties', 'minMargin', 'maxPairsPerPrompt', 'seed', 'weight'] as const;

/** {@link PairsOptions} validated, with defaults applied. @internal */
export interface ResolvedPairsOptions {
  readonly strategy: PairStrategy;
  readonly ties: 'drop' | 'error';
  readonly minMargin: number;
  readonly maxPairsPerPrompt: number;
  readonly seed: number;
  readonly weight: 'none' | 'inverse-pairs';
}

/** Validates pair options (unknown names, types, ranges) and applies the defaults. @internal */
export function resolvePairsOptions(fn: string, options: unknown): ResolvedPairsOptions {
  const o = checkOptions<PairsOptions>(fn, options, OPTION_NAMES);
  return {
    strategy: checkEnum(fn, 'options.strategy', o.strategy, STRATEGIES, 'all'),
    ties: checkEnum(fn, 'options.ties', o.ties, ['drop', 'error'] as const, 'drop'),
    minMargin: checkNumber(fn, 'options.minMargin', o.minMargin, 0, 0),
    maxPairsPerPrompt: checkInteger(fn, 'options.maxPairsPerPrompt', o.maxPairsPerPrompt, Number.POSITIVE_INFINITY, 1),
    seed: checkInteger(fn, 'options.seed', o.seed, 0, Number.MIN_SAFE_INTEGER),
    weight: checkEnum(fn, 'options.weight', o.weight, ['none', 'inverse-pairs'] as const, 'none'),
  };
}

type Field = 'ranks' | 'scores';

interface CheckedRecord {
  readonly prompt: string;
  readonly completions: readonly string[];
  readonly values: readonly number[];
}

/** Checks a record's fields, naming the one at fault. */
function checkRecord(fn: string, field: Field, record: unknown): CheckedRecord {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) throw typeError(fn, 'record', 'an object', record);
  const r = record as Record<string, unknown>;
  const prompt = r.prompt;
  if (typeof prompt !== 'string') throw typeError(fn, 'record.prompt', 'a string', prompt);
  const completions = r.completions;
  if (!Array.isArray(completions)) throw typeError(fn, 'record.completions', 'an array of strings', completions);
  for (let i = 0; i < completions.length; i++) {
    if (typeof completions[i] !== 'string') throw typeError(fn, `record.completions[${i}]`, 'a string', completions[i]);
  }
  const values = r[field];
  if (!Array.isArray(values)) throw typeError(fn, `record.${field}`, 'an array of finite numbers', values);
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw typeError(fn, `record.${field}[${i}]`, 'a finite number', v);
  }
  if (values.length !== completions.length) {
    throw new RangeError(
      `${fn}: record.${field} must have one entry per completion (${completions.length}), got ${values.length}`,
    );
  }
  return { prompt, completions: completions as readonly string[], values: values as readonly number[] };
}

/** Pairs of level indices (best level is 0) compared by a strategy, in order. */
function levelPairs(strategy: PairStrategy, levels: number): [number, number][] {
  const out: [number, number][] = [];
  if (levels < 2) return out;
  if (strategy === 'all') {
    for (let a = 0; a < levels; a++) for (let b = a + 1; b < levels; b++) out.push([a, b]);
  } else if (strategy === 'best-vs-rest') {
    for (let b = 1; b < levels; b++) out.push([0, b]);
  } else if (strategy === 'best-vs-worst') {
    out.push([0, levels - 1]);
  } else {
    for (let a = 0; a + 1 < levels; a++) out.push([a, a + 1]);
  }
  return out;
}

/** The shared implementation: `field` says whether lower (ranks) or higher (scores) is better. @internal */
export function convertRecord(fn: string, field: Field, record: unknown, options: unknown): PairsResult {
  const opts = resolvePairsOptions(fn, options);
  const { prompt, completions, values } = checkRecord(fn, field, record);
  const n = completions.length;
  const sign = field === 'ranks' ? 1 : -1; // sign * value: lower is better

  // Levels: completion indices grouped by equal value, best level first, input order within a level.
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((i, j) => {
    const a = sign * (values[i] as number);
    const b = sign * (values[j] as number);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const levels: number[][] = [];
  let tiedPairs = 0;
  for (const i of order) {
    const last = levels[levels.length - 1];
    if (last !== undefined && values[last[0] as number] === values[i]) {
      if (opts.ties === 'error') {
        const first = last[0] as number;
        throw new RangeError(
          `${fn}: record.${field} has a tie (completions ${Math.min(first, i)} and ${Math.max(first, i)} both have ${field === 'ranks' ? 'rank' : 'score'} ${values[i]}) and options.ties is "error"`,
        );
      }
      tiedPairs += last.length;
      last.push(i);
    } else levels.push([i]);
  }

  // Candidate pairs of the strategy, filtered in order: identical texts, then margin.
  let identicalPairs = 0;
  let underMarginPairs = 0;
  const kept: { chosen: number; rejected: number; margin: number }[] = [];
  for (const [a, b] of levelPairs(opts.strategy, levels.length)) {
    for (const i of levels[a] as number[]) {
      for (const j of levels[b] as number[]) {
        if (completions[i] === completions[j]) {
          identicalPairs++;
          continue;
        }
        const margin = sign * ((values[j] as number) - (values[i] as number));
        if (!Number.isFinite(margin)) {
          throw new RangeError(`${fn}: the margin between record.${field}[${i}] and record.${field}[${j}] is not a finite number (${margin})`);
        }
        if (margin < opts.minMargin) {
          underMarginPairs++;
          continue;
        }
        kept.push({ chosen: i, rejected: j, margin });
      }
    }
  }

  // Seeded choice of at most maxPairsPerPrompt pairs, in their original order.
  let selected = kept;
  if (kept.length > opts.maxPairsPerPrompt) {
    const rng = recordRandom(opts.seed, prompt, completions, values);
    selected = sampleIndices(kept.length, opts.maxPairsPerPrompt, rng).map((k) => kept[k] as (typeof kept)[number]);
  }
  const weight = opts.weight === 'inverse-pairs' ? 1 / selected.length : undefined;
  const pairs: PreferencePair[] = selected.map(({ chosen, rejected, margin }) =>
    weight === undefined
      ? { prompt, chosen: completions[chosen] as string, rejected: completions[rejected] as string, margin }
      : { prompt, chosen: completions[chosen] as string, rejected: completions[rejected] as string, margin, weight },
  );
  return {
    pairs,
    summary: {
      prompts: 1,
      promptsWithoutPairs: pairs.length === 0 ? 1 : 0,
      completions: n,
      pairs: pairs.length,
      tiedPairs,
      identicalPairs,
      underMarginPairs,
      sampledOutPairs: kept.length - selected.length,
    },
  };
}

/**
 * Turns one prompt's ranked completions into reward-model preference pairs.
 *
 * @param record - `{ prompt, completions, ranks }`; `ranks[i]` ranks `completions[i]`, lower is better, equal
 *   ranks are ties.
 * @param options - {@link PairsOptions}: `strategy` (default `'all'`), `ties` (`'drop'`), `minMargin` (0),
 *   `maxPairsPerPrompt` (no limit), `seed` (0), `weight` (`'none'`).
 * @returns The pairs, `chosen` always the better-ranked completion and `margin` the (positive) rank
 *   difference; ordered by the chosen level, then the rejected level (best first), then input order.
 *   Ties are never paired and pairs of identical texts never emitted; fewer than two levels give `[]`.
 * @throws TypeError when a field has the wrong type (naming it: `record.ranks[2]`) or an option is
 *   unknown; RangeError when the arrays differ in length, an option is out of range, or there is a tie
 *   and `ties` is `'error'`.
 * @remarks With `strategy: 'all'` this is the K choose 2 comparisons per prompt of InstructGPT (Ouyang et
 *   al., 2022); the rows are what TRL's `RewardTrainer` and `DPOTrainer` read. Inputs are not modified.
 * @example
 * ```ts
 * rankingToPairs({ prompt: 'Q', completions: ['x', 'y', 'z'], ranks: [2, 1, 3] }, { strategy: 'best-vs-rest' });
 * // [{ prompt: 'Q', chosen: 'y', rejected: 'x', margin: 1 }, { prompt: 'Q', chosen: 'y', rejected: 'z', margin: 2 }]
 * rankingToPairs({ prompt: 'Q', completions: ['x', 'y'], ranks: [1, 1] }); // []
 * ```
 */
export function rankingToPairs(record: RankedRecord, options?: PairsOptions): PreferencePair[] {
  return convertRecord('rankingToPairs', 'ranks', record, options).pairs;
}

/**
 * Turns one prompt's rated completions into reward-model preference pairs.
 *
 * @param record - `{ prompt, completions, scores }`; `scores[i]` rates `completions[i]`, higher is better,
 *   equal scores are ties.
 * @param options - {@link PairsOptions}: `strategy` (default `'all'`), `ties` (`'drop'`), `minMargin` (0),
 *   `maxPairsPerPrompt` (no limit), `seed` (0), `weight` (`'none'`).
 * @returns The pairs, `chosen` always the higher-rated completion and `margin` the (positive) score
 *   difference; ordered by the chosen level, then the rejected level (best first), then input order.
 *   Ties are never paired, pairs of identical texts never emitted, pairs with a margin below `minMargin`
 *   dropped; fewer than two levels give `[]`.
 * @throws TypeError when a field has the wrong type (naming it: `record.scores[2]`) or an option is
 *   unknown; RangeError when the arrays differ in length, an option is out of range, or there is a tie
 *   and `ties` is `'error'`.
 * @remarks Each prompt's comparisons as in InstructGPT (Ouyang et al., 2022), from ratings such as
 *   UltraFeedback's; the rows are what TRL's `RewardTrainer` and `DPOTrainer` read (`margin` feeds the
 *   reward trainer's margin loss). Inputs are not modified.
 * @example
 * ```ts
 * ratingsToPairs({ prompt: 'Q', completions: ['x', 'y', 'z'], scores: [7, 9, 6.5] }, { minMargin: 1 });
 * // [{ prompt: 'Q', chosen: 'y', rejected: 'x', margin: 2 }, { prompt: 'Q', chosen: 'y', rejected: 'z', margin: 2.5 }]
 * ratingsToPairs({ prompt: 'Q', completions: ['x', 'y', 'z'], scores: [7, 9, 6.5] }, { strategy: 'adjacent', weight: 'inverse-pairs' });
 * // [{ prompt: 'Q', chosen: 'y', rejected: 'x', margin: 2, weight: 0.5 }, { prompt: 'Q', chosen: 'x', rejected: 'z', margin: 0.5, weight: 0.5 }]
 * ```
 */
export function ratingsToPairs(record: RatedRecord, options?: PairsOptions): PreferencePair[] {
  return convertRecord('ratingsToPairs', 'scores', record, options).pairs;
}

/**
 * Turns one ranked or rated record into preference pairs and reports what was dropped: the variant for
 * data pipelines (the `nlg-metrics pairs` command uses it), with the same rules as {@link rankingToPairs}
 * and {@link ratingsToPairs}.
 *
 * @param record - A {@link RankedRecord} (with `ranks`) or a {@link RatedRecord} (with `scores`), not both.
 * @param options - {@link PairsOptions}.
 * @returns `{ pairs, summary }`: the pairs, and a {@link PairsSummary} of this record (add summaries up
 *   with {@link createPairsSummary}).
 * @throws TypeError / RangeError as {@link rankingToPairs}, and when the record has both or neither of
 *   `ranks` and `scores`.
 * @remarks Pairs are those of `rankingToPairs` / `ratingsToPairs` with the same options.
 * @example
 * ```ts
 * recordToPairs({ prompt: 'Q', completions: ['x', 'x', 'y', 'z'], ranks: [1, 2, 2, 3] }).summary;
 * // { prompts: 1, promptsWithoutPairs: 0, completions: 4, pairs: 4, tiedPairs: 1, identicalPairs: 1, underMarginPairs: 0, sampledOutPairs: 0 }
 * ```
 */
export function recordToPairs(record: RankedRecord | RatedRecord, options?: PairsOptions): PairsResult {
  const fn = 'recordToPairs';
  if (record === null || typeof record !== 'object' || Array.isArray(record)) throw typeError(fn, 'record', 'an object', record);
  const r = record as unknown as Record<string, unknown>;
  const hasRanks = r.ranks !== undefined;
  const hasScores = r.scores !== undefined;
  if (hasRanks === hasScores) {
    throw new TypeError(
      `${fn}: record must have either "ranks" (lower is better) or "scores" (higher is better), ${hasRanks ? 'got both' : 'got neither'}`,
    );
  }
  return convertRecord(fn, hasRanks ? 'ranks' : 'scores', record, options);
}
