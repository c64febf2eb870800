/**
 * Bootstrap confidence intervals and paired significance tests for BLEU: BLEU's part of the generic
 * `aggregate/resampledMetric` (every segment is tokenized and counted once, then resampling only re-sums
 * statistics rows).
 */
import type { BootstrapOptions, ConfidenceInterval } from '../aggregate/bootstrap.js';
import { type ResampledMetric, metricConfidence, pairedMetricTest } from '../aggregate/resampledMetric.js';
import type { PairedTestOptions, PairedTestResult } from '../aggregate/significance.js';
import { type BleuOptions, type ResolvedBleuOptions, BleuCounter, bleuScoreOnly, bleuSignatureParts, resolveBleuOptions } from './bleu.js';
import { formatSignature } from './signature.js';

/** Options of {@link bleuConfidence}: BLEU's options and the bootstrap's. */
export interface BleuConfidenceOptions extends BleuOptions, BootstrapOptions {}

/** A corpus BLEU score with a bootstrap confidence interval. */
export interface BleuConfidence extends ConfidenceInterval {
  /** sacrebleu-style signature with the resampling settings, e.g. `nrefs:1|bs:1000|seed:12345|case:mixed|...`. */
  signature: string;
}

/** Options of {@link pairedBleuTest}: BLEU's options and the test's. */
export interface PairedBleuOptions extends BleuOptions, PairedTestOptions {}

/** The outcome of a paired BLEU test. */
export interface PairedBleuResult extends PairedTestResult {
  /** sacrebleu-style signature with the test settings (`bs:`, `ar:` and `seed:` fields). */
  signature: string;
}

/** BLEU for resampling: one counter for all systems, so each reference is tokenized once. */
const BLEU: ResampledMetric<ResolvedBleuOptions> = {
  resolve: (fn, options, reserved) => resolveBleuOptions(fn, options, false, reserved),
  rows(o, systems, references) {
    const counter = new BleuCounter(o);
    const width = counter.width;
    const data = systems.map((hyps) => {
      const d = new Float64Array(references.length * width);
      references.forEach((refs, i) => counter.addSegment(hyps[i] as string, refs, d, i * width));
      return d;
    });
    return { data, width };
  },
  scorer: (o) => (s) => bleuScoreOnly(s, o),
  signature: (o, nrefs, extra) => formatSignature(bleuSignatureParts(o, nrefs, extra)),
};

/**
 * Corpus BLEU with a bootstrap confidence interval.
 *
 * @param hypotheses - One hypothesis per segment.
 * @param references - Per segment, its reference(s), as for `corpusBleu`.
 * @param options - BLEU's options (as `corpusBleu`) and `samples` (default 1000), `seed` (default 12345),
 *   `confidence` (default 0.95).
 * @returns `score` (= `corpusBleu(...).score`), `mean` and `std` of the resampled scores, the interval
 *   `low`..`high`, its half-width `ci` (sacrebleu's `±`) and a signature with `bs:` and `seed:`.
 * @throws TypeError or RangeError naming the argument, as `corpusBleu`, or for bad resampling options.
 * @remarks The method of `sacrebleu.metrics.BLEU(...).corpus_score(hyps, refs, n_bootstrap=1000)`
 *   (sacrebleu's `--confidence`): segments are resampled with replacement and their statistics re-summed; the
 *   draws come from this package's seeded generator, so the interval differs from numpy's draws slightly.
 *   An empty corpus gives all zeros.
 * @example
 * ```ts
 * const hyps = ['the cat sat on the mat', 'a dog ran', 'it rains today', 'hello there world'];
 * const refs = ['the cat sat on a mat', 'the dog ran off', 'it rains today', 'hello world'];
 * const r = bleuConfidence(hyps, refs, { samples: 100 });
 * r.score === corpusBleu(hyps, refs).score; // true
 * r.low <= r.mean && r.mean <= r.high; // true
 * r.signature; // 'nrefs:1|bs:100|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:nlg-metrics-0.1.0'
 * ```
 */
export function bleuConfidence(
  hypotheses: readonly string[],
  references: readonly (string | readonly string[])[],
  options?: BleuConfidenceOptions,
): BleuConfidence {
  return metricConfidence('bleuConfidence', BLEU, hypotheses, references, options);
}

/**
 * A paired significance test of a candidate system against a baseline, by BLEU on the same references.
 *
 * @param baseline - The baseline's hypotheses, one per segment.
 * @param candidate - The candidate's hypotheses for the same segments.
 * @param references - Per segment, its reference(s).
 * @param options - BLEU's options (as `corpusBleu`) and the test's: `method` (`'bootstrap'`, default, or
 *   `'randomization'`), `samples` (default 1000 resamples / 10000 trials), `seed` (default 12345),
 *   `confidence` (default 0.95), `confidenceSamples` (bootstrap resamples for the intervals of the
 *   randomization test, default 1000).
 * @returns Both scores with bootstrap intervals, `difference` = candidate − baseline, the `pValue` and a
 *   signature.
 * @throws TypeError or RangeError naming the argument (e.g. `candidate` and `references` differ in length).
 * @remarks The procedures of sacrebleu's `PairedTest` (`sacrebleu -t ... --paired-bs` / `--paired-ar`): paired
 *   bootstrap resampling (Koehn 2004) with p = (c + 1)/(n + 1), c = resamples whose centred |Δ| exceeds the
 *   observed |Δ|; approximate randomization (Riezler & Maxwell 2005) swapping each segment's pair of rows
 *   with probability 1/2. Each reference is tokenized once for both systems. The draws come from this
 *   package's seeded generator, not numpy's.
 * @example
 * ```ts
 * const refs = ['the cat sat on the mat', 'a dog ran off', 'it is raining', 'hello world'];
 * const base = ['a cat is on a mat', 'the dog ran', 'it rains', 'hi world'];
 * const cand = ['the cat sat on the mat', 'a dog ran off', 'it is raining', 'hello world'];
 * const t = pairedBleuTest(base, cand, refs, { method: 'randomization', samples: 999 });
 * t.candidate.score; // 100.00000000000004
 * t.difference > 0; // true
 * t.signature; // 'nrefs:1|bs:1000|ar:999|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:nlg-metrics-0.1.0'
 * ```
 */
export function pairedBleuTest(
  baseline: readonly string[],
  candidate: readonly string[],
  references: readonly (string | readonly string[])[],
  options?: PairedBleuOptions,
): PairedBleuResult {
  return pairedMetricTest('pairedBleuTest', BLEU, baseline, candidate, references, options);
}
