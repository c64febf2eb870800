/**
 * The metrics of `score`: which ones were asked for (`--metrics`), their options from the flags, and one
 * runner per metric family that accumulates sufficient statistics segment by segment (streaming: no
 * segment is kept) and finalizes once. A runner is a thin layer over the mergeable statistics of
 * `aggregate/metricStats.ts` (the same as the library's `accumulator`), so a run's statistics can be written
 * out (`--stats-out`), computed in worker threads (`--jobs`) and merged (`merge`).
 * @internal
 */
import { BleuState, checkStats, ChrfState, RougeState, type AccumulatorStats, type MetricName } from '../aggregate/metricStats.js';
import { finalizeBleu, type BleuResult, type ResolvedBleuOptions } from '../metrics/bleu.js';
import { finalizeChrf, type ChrfResult } from '../metrics/chrf.js';
import type { Score } from '../metrics/prf.js';
import { finalizeRouge } from '../metrics/rouge.js';
import { parseType } from '../metrics/rouge/options.js';
import { UsageError } from './errors.js';

/** The chrF result as printed: the library's {@link ChrfResult}. */
export type ChrfValue = ChrfResult;

/** One result line: a metric name (as in the JSON output) and its value. */
export type MetricValue =
  | { readonly kind: 'rouge'; readonly key: string; readonly value: Score }
  | { readonly kind: 'bleu'; readonly key: string; readonly value: BleuResult }
  | { readonly kind: 'chrf'; readonly key: string; readonly value: ChrfValue };

/** A metric family working through a corpus. */
export interface MetricRunner {
  /** The runner's name in a statistics file: `rouge` (all ROUGE types), `bleu`, `chrf` or `chrf++`. */
  readonly key: string;
  /** Adds one segment's statistics; when `perSegment` is given, also stores that segment's scores in it. */
  add(hypothesis: string, references: readonly string[], perSegment: Record<string, unknown> | undefined): void;
  /** The corpus results, finalized from the summed statistics. */
  results(): MetricValue[];
  /** The summed statistics so far (plain JSON, as the library's `accumulator(...).stats()`). */
  stats(): AccumulatorStats;
  /** The metric of {@link stats}. */
  readonly metric: MetricName;
  /**
   * Adds statistics of the same metric and options (from a worker or a file), checked field by field;
   * `fn` and `here` word the error (`merge: b.json (bleu)`, `in a.json`).
   */
  merge(stats: unknown, fn: string, here?: string): void;
}

/** The metric names `score` knows, for help and error messages. */
export const METRIC_HELP = 'rouge1..rouge9, rougeL, rougeLsum, rougeS<d>, rougeSU<d>, rouge (= rouge1,rouge2,rougeL,rougeLsum), bleu, chrf, chrf++';
export const DEFAULT_METRICS = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum', 'bleu', 'chrf'] as const;

/** What `--metrics` selected, in the order given (duplicates removed). */
export interface MetricSelection {
  /** Output keys in order. */
  readonly keys: readonly string[];
  readonly rougeTypes: readonly string[];
  readonly bleu: boolean;
  readonly chrf: boolean;
  readonly chrfPlusPlus: boolean;
}

/**
 * Parses `--metrics` values (each a comma-separated list). `bleu`, `chrf`, `chrf++` are case-insensitive;
 * ROUGE types are validated by the ROUGE module itself (so any type it knows is accepted here).
 */
export function parseMetrics(lists: readonly string[] | undefined): MetricSelection {
  const names = (lists === undefined || lists.length === 0 ? [...DEFAULT_METRICS] : lists.flatMap((l) => l.split(',')))
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw new UsageError(`score: --metrics is empty (known: ${METRIC_HELP})`);
  const keys: string[] = [];
  const rougeTypes: string[] = [];
  const push = (k: string): void => {
    if (!keys.includes(k)) keys.push(k);
  };
  for (const raw of names) {
    const lower = raw.toLowerCase();
    if (lower === 'bleu' || lower === 'chrf' || lower === 'chrf++') push(lower);
    else if (raw === 'rouge') for (const t of ['rouge1', 'rouge2', 'rougeL', 'rougeLsum']) push(t);
    else if (raw.startsWith('rouge') && isRougeType(raw)) push(raw);
    else throw new UsageError(`score: unknown metric ${JSON.stringify(raw)} (known: ${METRIC_HELP})`);
  }
  for (const k of keys) if (k !== 'bleu' && k !== 'chrf' && k !== 'chrf++') rougeTypes.push(k);
  return { keys, rougeTypes, bleu: keys.includes('bleu'), chrf: keys.includes('chrf'), chrfPlusPlus: keys.includes('chrf++') };
}

/** Whether the ROUGE module knows the type (its own parser decides, so every type it has is accepted). */
function isRougeType(name: string): boolean {
  try {
    parseType('score', '--metrics', name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Turns an option error of a metric module (resolved with the function name `score`) into the flag's
 * words: `score: options.smoothMethod must be ...` → `score: --smooth-method must be ...`.
 */
export function optionErrorToUsage(err: unknown, flags: Readonly<Record<string, string>>): UsageError {
  let msg = err instanceof Error ? err.message : String(err);
  for (const [opt, flag] of Object.entries(flags)) msg = msg.split(`options.${opt}`).join(flag);
  return new UsageError(msg);
}

const BLEU_FLAGS = {
  tokenize: '--tokenize',
  trgLang: '--trg-lang',
  lowercase: '--lowercase',
  smoothMethod: '--smooth-method',
  smoothValue: '--smooth-value',
  maxNgramOrder: '--max-ngram-order',
  effectiveOrder: '--effective-order',
};

/** BLEU, as sacrebleu: corpus statistics summed; per segment, sentence BLEU (effective order, as `sacrebleu --sentence-level`). */
export function bleuRunner(options: Record<string, unknown>): MetricRunner {
  let state: BleuState;
  try {
    state = BleuState.of('score', options);
  } catch (err) {
    throw optionErrorToUsage(err, BLEU_FLAGS);
  }
  return bleuStateRunner(state);
}

/** A runner over an existing BLEU state. */
export function bleuStateRunner(state: BleuState): MetricRunner {
  const sentence: ResolvedBleuOptions = { ...state.options, effectiveOrder: true };
  return {
    key: 'bleu',
    metric: 'bleu',
    add(hypothesis, references, perSegment) {
      if (!perSegment) state.add(hypothesis, references);
      else perSegment.bleu = { score: finalizeBleu(state.addRow(hypothesis, references), sentence).score };
    },
    results: () => [{ kind: 'bleu', key: 'bleu', value: state.result() }],
    stats: () => state.stats(),
    merge: (stats, fn, here) => state.mergeChecked(checkStats(fn, stats, state, here)),
  };
}

const ROUGE_FLAGS = { stemmer: '--stemmer', tokenizer: '--rouge-tokenizer', multiReference: '--multi-reference' };

/**
 * ROUGE, as rouge-score: per segment a row of [P, R, F] per type; the corpus score is the exact column sums
 * divided by the number of segments (the macro mean), exactly as `corpusRouge`.
 */
export function rougeRunner(options: Record<string, unknown>): MetricRunner {
  let state: RougeState;
  try {
    state = RougeState.of('score', options);
  } catch (err) {
    throw optionErrorToUsage(err, ROUGE_FLAGS);
  }
  return rougeStateRunner(state);
}

/** A runner over an existing ROUGE state. */
export function rougeStateRunner(state: RougeState): MetricRunner {
  const o = state.options;
  return {
    key: 'rouge',
    metric: 'rouge',
    add(hypothesis, references, perSegment) {
      if (!perSegment) state.add(hypothesis, references);
      else Object.assign(perSegment, finalizeRouge(state.addRow(hypothesis, references), 1, o));
    },
    results() {
      const scores: Record<string, Score> = state.result();
      return o.types.map((t) => ({ kind: 'rouge' as const, key: t, value: scores[t] as Score }));
    },
    stats: () => state.stats(),
    merge: (stats, fn, here) => state.mergeChecked(checkStats(fn, stats, state, here)),
  };
}

const CHRF_FLAGS = {
  charOrder: '--char-order',
  wordOrder: '--word-order',
  beta: '--beta',
  lowercase: '--lowercase',
  whitespace: '--chrf-whitespace',
  epsSmoothing: '--eps-smoothing',
};

/** chrF (`key` chrf) or chrF++ (`key` chrf++), as sacrebleu: statistics summed, per segment the sentence chrF. */
export function chrfRunner(key: 'chrf' | 'chrf++', options: Record<string, unknown>): MetricRunner {
  let state: ChrfState;
  try {
    state = ChrfState.of('score', options);
  } catch (err) {
    throw optionErrorToUsage(err, CHRF_FLAGS);
  }
  return chrfStateRunner(key, state);
}

/** A runner over an existing chrF state. */
export function chrfStateRunner(key: string, state: ChrfState): MetricRunner {
  const o = state.options;
  return {
    key,
    metric: 'chrf',
    add(hypothesis, references, perSegment) {
      if (!perSegment) state.add(hypothesis, references);
      else perSegment[key] = { score: finalizeChrf(state.addRow(hypothesis, references), o, references.length).score };
    },
    results: () => [{ kind: 'chrf', key, value: state.result() }],
    stats: () => state.stats(),
    merge: (stats, fn, here) => state.mergeChecked(checkStats(fn, stats, state, here)),
  };
}
