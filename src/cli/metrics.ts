/**
 * The metrics of `score`: which ones were asked for (`--metrics`), their options from the flags, and one
 * runner per metric family that accumulates sufficient statistics segment by segment (streaming: no
 * segment is kept) and finalizes once, through the metric modules' own `...SegmentStats`/`finalize...`.
 * @internal
 */
import { addInto, ExactSum } from '../aggregate/stats.js';
import { BleuCounter, finalizeBleu, resolveBleuOptions, type BleuResult, type ResolvedBleuOptions } from '../metrics/bleu.js';
import { ChrfContext, finalizeChrf, resolveChrfOptions, type ChrfOptions, type ChrfResult, type ResolvedChrfOptions } from '../metrics/chrf.js';
import type { Score } from '../metrics/prf.js';
import { finalizeRouge, resolveRougeOptions, RougeContext, rougeSegmentStats, type ResolvedRougeOptions } from '../metrics/rouge.js';
import { parseType } from '../metrics/rouge/options.js';
import { nrefsField } from '../metrics/signature.js';
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
  /** Adds one segment's statistics; when `perSegment` is given, also stores that segment's scores in it. */
  add(hypothesis: string, references: readonly string[], perSegment: Record<string, unknown> | undefined): void;
  /** The corpus results, finalized from the summed statistics. */
  results(): MetricValue[];
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
  let o: ResolvedBleuOptions;
  try {
    o = resolveBleuOptions('score', options, false);
  } catch (err) {
    throw optionErrorToUsage(err, BLEU_FLAGS);
  }
  const sentence: ResolvedBleuOptions = { ...o, effectiveOrder: true };
  const counter = new BleuCounter(o);
  const sum = new Float64Array(counter.width);
  const row = new Float64Array(counter.width);
  return {
    add(hypothesis, references, perSegment) {
      if (!perSegment) {
        counter.addSegment(hypothesis, references, sum);
        return;
      }
      row.fill(0);
      counter.addSegment(hypothesis, references, row);
      for (let i = 0; i < row.length; i++) sum[i] = (sum[i] as number) + (row[i] as number);
      perSegment.bleu = { score: finalizeBleu(row, sentence).score };
    },
    results: () => [{ kind: 'bleu', key: 'bleu', value: finalizeBleu(sum, o) }],
  };
}

const ROUGE_FLAGS = { stemmer: '--stemmer', tokenizer: '--rouge-tokenizer', multiReference: '--multi-reference' };

/**
 * ROUGE, as rouge-score: per segment a row of [P, R, F] per type; the corpus score is the exact column sums
 * divided by the number of segments (the macro mean), exactly as `corpusRouge`.
 */
export function rougeRunner(options: Record<string, unknown>): MetricRunner {
  let o: ResolvedRougeOptions;
  try {
    o = resolveRougeOptions('score', options);
  } catch (err) {
    throw optionErrorToUsage(err, ROUGE_FLAGS);
  }
  const ctx = new RougeContext(o, 'score');
  const sums = Array.from({ length: 3 * o.types.length }, () => new ExactSum());
  let count = 0;
  return {
    add(hypothesis, references, perSegment) {
      const row = rougeSegmentStats(hypothesis, references, o, ctx);
      for (let k = 0; k < row.length; k++) (sums[k] as ExactSum).add(row[k] as number);
      count++;
      if (perSegment) Object.assign(perSegment, finalizeRouge(row, 1, o));
    },
    results() {
      const scores: Record<string, Score> = finalizeRouge(
        sums.map((s) => s.valueOf()),
        count,
        o,
      );
      return o.types.map((t) => ({ kind: 'rouge' as const, key: t, value: scores[t] as Score }));
    },
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
  let o: ResolvedChrfOptions;
  try {
    o = resolveChrfOptions('score', options as ChrfOptions);
  } catch (err) {
    throw optionErrorToUsage(err, CHRF_FLAGS);
  }
  const ctx = new ChrfContext(o);
  const width = 3 * (o.charOrder + o.wordOrder);
  const sum = new Array<number>(width).fill(0);
  const row = new Array<number>(width).fill(0);
  let segments = 0;
  let refCount = 0;
  let refSquares = 0;
  return {
    add(hypothesis, references, perSegment) {
      segments++;
      refCount += references.length;
      refSquares += references.length * references.length;
      if (!perSegment) {
        ctx.addSegment(sum, hypothesis, references);
        return;
      }
      row.fill(0);
      ctx.addSegment(row, hypothesis, references);
      addInto(sum, row);
      perSegment[key] = { score: finalizeChrf(row, o, references.length).score };
    },
    results: () => [{ kind: 'chrf', key, value: finalizeChrf(sum, o, nrefsField(segments, refCount, refSquares)) }],
  };
}
