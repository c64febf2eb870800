/**
 * Bootstrap confidence intervals and paired significance tests for chrF / chrF++: chrF's part of the generic
 * `aggregate/resampledMetric` (every segment is counted once by one `ChrfContext`, then resampling only
 * re-sums statistics rows and re-scores them with `finalizeChrf`).
 */
import type { BootstrapOptions, ConfidenceInterval } from '../aggregate/bootstrap.js';
import { type ResampledMetric, metricConfidence, pairedMetricTest } from '../aggregate/resampledMetric.js';
import type { PairedTestOptions, PairedTestResult } from '../aggregate/significance.js';
import { type ChrfOptions, type ResolvedChrfOptions, ChrfContext, finalizeChrf, resolveChrfOptions } from './chrf.js';

/** Options of {@link chrfConfidence}: chrF's options and the bootstrap's. */
export interface ChrfConfidenceOptions extends ChrfOptions, BootstrapOptions {}

/** A corpus chrF score with a bootstrap confidence interval. */
export interface ChrfConfidence extends ConfidenceInterval {
  /** sacrebleu-style signature with the resampling settings, e.g. `nrefs:1|bs:1000|seed:12345|case:mixed|...`. */
  signature: string;
}

/** Options of {@link pairedChrfTest}: chrF's options and the test's. */
export interface PairedChrfOptions extends ChrfOptions, PairedTestOptions {}

/** The outcome of a paired chrF test. */
export interface PairedChrfResult extends PairedTestResult {
  /** sacrebleu-style signature with the test settings (`bs:`, `ar:` and `seed:` fields). */
  signature: string;
}

/** Numbers in a chrF statistics row. */
const widthOf = (o: ResolvedChrfOptions): number => 3 * (o.charOrder + o.wordOrder);

/** chrF for resampling: one context for all systems, so each reference is counted once. */
const CHRF: ResampledMetric<ResolvedChrfOptions> = {
  resolve: (fn, options) => resolveChrfOptions(fn, options as ChrfOptions),
  rows(o, systems, references) {
    const ctx = new ChrfContext(o);
    const width = widthOf(o);
    const row = new Array<number>(width);
    const data = systems.map(() => new Float64Array(references.length * width));
    references.forEach((refs, i) => {
      // A single reference is built once for every system's hypothesis (as corpusChrf does).
      if (refs.length === 1) ctx.setReference(refs[0] as string);
      systems.forEach((hyps, s) => {
        row.fill(0);
        if (refs.length === 1) ctx.addHypothesis(row, hyps[i] as string);
        else ctx.addSegment(row, hyps[i] as string, refs);
        (data[s] as Float64Array).set(row, i * width);
      });
    });
    return { data, width };
  },
  scorer(o) {
    const buf = new Array<number>(widthOf(o));
    return (s) => {
      for (let i = 0; i < buf.length; i++) buf[i] = s[i] as number;
      return finalizeChrf(buf, o).score;
    };
  },
  // sacrebleu puts the resampling fields right after nrefs.
  signature(o, nrefs, extra) {
    const base = finalizeChrf(new Array<number>(widthOf(o)).fill(0), o, nrefs).signature;
    const cut = base.indexOf('|');
    return `${base.slice(0, cut)}|${extra.map(([k, v]) => `${k}:${String(v)}`).join('|')}${base.slice(cut)}`;
  },
};

/**
 * Corpus chrF (or chrF++) with a bootstrap confidence interval.
 *
 * @param hypotheses - One hypothesis per segment.
 * @param references - Per segment, its reference(s), as for `corpusChrf`.
 * @param options - chrF's options (as `corpusChrf`) and `samples` (default 1000), `seed` (default 12345),
 *   `confidence` (default 0.95).
 * @returns `score` (= `corpusChrf(...).score`), `mean` and `std` of the resampled scores, the interval
 *   `low`..`high`, its half-width `ci` and a signature with `bs:` and `seed:`.
 * @throws TypeError or RangeError naming the argument, as `corpusChrf`, or for bad resampling options.
 * @remarks The method of `sacrebleu.metrics.CHRF(...).corpus_score(hyps, refs, n_bootstrap=1000)`; the
 *   draws come from this package's seeded generator, not numpy's. An empty corpus gives all zeros.
 * @example
 * ```ts
 * const hyps = ['the cat sat on the mat', 'a dog ran', 'it rains today', 'hello there world'];
 * const refs = ['the cat sat on a mat', 'the dog ran off', 'it rains today', 'hello world'];
 * const r = chrfConfidence(hyps, refs, { samples: 100 });
 * r.score === corpusChrf(hyps, refs).score; // true
 * r.signature; // 'nrefs:1|bs:100|seed:12345|case:mixed|eff:yes|nc:6|nw:0|space:no|version:nlg-metrics-0.1.0'
 * ```
 */
export function chrfConfidence(
  hypotheses: readonly string[],
  references: readonly (string | readonly string[])[],
  options?: ChrfConfidenceOptions,
): ChrfConfidence {
  return metricConfidence('chrfConfidence', CHRF, hypotheses, references, options);
}

/**
 * A paired significance test of a candidate system against a baseline, by chrF (or chrF++) on the same
 * references.
 *
 * @param baseline - The baseline's hypotheses, one per segment.
 * @param candidate - The candidate's hypotheses for the same segments.
 * @param references - Per segment, its reference(s).
 * @param options - chrF's options (as `corpusChrf`) and the test's: `method` (`'bootstrap'`, default, or
 *   `'randomization'`), `samples` (default 1000 resamples / 10000 trials), `seed` (default 12345),
 *   `confidence` (default 0.95), `confidenceSamples` (default 1000).
 * @returns Both scores with bootstrap intervals, `difference` = candidate − baseline, the `pValue` and a
 *   signature.
 * @throws TypeError or RangeError naming the argument.
 * @remarks The procedures of sacrebleu's `PairedTest` (`--paired-bs` / `--paired-ar`) with chrF as the
 *   metric; the draws come from this package's seeded generator, not numpy's.
 * @example
 * ```ts
 * const refs = ['the cat sat on the mat', 'a dog ran off', 'it is raining', 'hello world'];
 * const base = ['a cat is on a mat', 'the dog ran', 'it rains', 'hi world'];
 * const t = pairedChrfTest(base, refs, refs, { samples: 99 });
 * t.candidate.score; // 100
 * t.pValue; // 0.01
 * ```
 */
export function pairedChrfTest(
  baseline: readonly string[],
  candidate: readonly string[],
  references: readonly (string | readonly string[])[],
  options?: PairedChrfOptions,
): PairedChrfResult {
  return pairedMetricTest('pairedChrfTest', CHRF, baseline, candidate, references, options);
}
