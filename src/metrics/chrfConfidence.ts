/**
 * Bootstrap confidence intervals and paired significance tests for chrF / chrF++, on the generic machinery
 * of `aggregate/bootstrap` and `aggregate/significance`: every segment is counted once (`ChrfContext`), then
 * resampling only re-sums statistics rows and re-scores them with `finalizeChrf`.
 */
import { type BootstrapOptions, type ConfidenceInterval, confidenceFromPacked, resolveBootstrapOptions } from '../aggregate/bootstrap.js';
import {
  type PairedTestOptions,
  type PairedTestResult,
  PAIRED_OPTION_NAMES,
  pairedFromPacked,
  resolvePairedOptions,
} from '../aggregate/significance.js';
import { checkCorpus, rangeError, typeError } from '../internal/validate.js';
import { type ChrfOptions, type ResolvedChrfOptions, ChrfContext, finalizeChrf, resolveChrfOptions } from './chrf.js';
import { type SignaturePart, nrefsField } from './signature.js';

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

const BOOTSTRAP_NAMES = ['samples', 'seed', 'confidence'] as const;

function checkObject(fn: string, options: unknown): void {
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw typeError(fn, 'options', 'an object', options);
  }
}

/** Splits mixed options into chrF's and the resampling's; unknown names stay with chrF's (which rejects them). */
function split(options: unknown, names: readonly string[]): [Record<string, unknown>, Record<string, unknown>] {
  const metric: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  if (options && typeof options === 'object') {
    for (const [k, v] of Object.entries(options)) (names.includes(k) ? rest : metric)[k] = v;
  }
  return [metric, rest];
}

/** Rows of one or more systems on the same references; one context, so each reference is counted once. */
function rowsOf(o: ResolvedChrfOptions, systems: readonly (readonly string[])[], references: readonly (readonly string[])[]) {
  const all: (readonly string[])[] = [];
  for (let s = 0; s < systems.length; s++) all.push(...references);
  const ctx = new ChrfContext(o, all);
  const n = references.length;
  const width = 3 * (o.charOrder + o.wordOrder);
  const row = new Array<number>(width);
  const data = systems.map((hyps) => {
    const d = new Float64Array(n * width);
    for (let i = 0; i < n; i++) {
      row.fill(0);
      ctx.addSegment(row, hyps[i] as string, references[i] as readonly string[]);
      d.set(row, i * width);
    }
    return d;
  });
  let sum = 0;
  let sq = 0;
  for (const r of references) {
    sum += r.length;
    sq += r.length * r.length;
  }
  return { data, n, width, nrefs: nrefsField(n, sum, sq) };
}

/** chrF's signature with resampling fields inserted after `nrefs`, as sacrebleu orders them. */
function signature(o: ResolvedChrfOptions, nrefs: number | 'var', extra: readonly SignaturePart[]): string {
  const zero = new Array<number>(3 * (o.charOrder + o.wordOrder)).fill(0);
  const base = finalizeChrf(zero, o, nrefs).signature;
  const cut = base.indexOf('|');
  return `${base.slice(0, cut)}|${extra.map(([k, v]) => `${k}:${String(v)}`).join('|')}${base.slice(cut)}`;
}

const scorer = (o: ResolvedChrfOptions) => {
  const buf = new Array<number>(3 * (o.charOrder + o.wordOrder));
  return (s: Float64Array): number => {
    for (let i = 0; i < buf.length; i++) buf[i] = s[i] as number;
    return finalizeChrf(buf, o).score;
  };
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
  const fn = 'chrfConfidence';
  checkObject(fn, options);
  const [metricPart, bsPart] = split(options, BOOTSTRAP_NAMES);
  const o = resolveChrfOptions(fn, metricPart as ChrfOptions);
  const b = resolveBootstrapOptions(fn, bsPart);
  const c = checkCorpus(fn, hypotheses, references);
  const { data, n, width, nrefs } = rowsOf(o, [c.hypotheses], c.references);
  const sig = signature(o, nrefs, [['bs', b.samples], ['seed', b.seed]]);
  if (n === 0) {
    return { score: 0, mean: 0, std: 0, low: 0, high: 0, ci: 0, samples: b.samples, seed: b.seed, confidence: b.confidence, signature: sig };
  }
  return { ...confidenceFromPacked(data[0] as Float64Array, n, width, scorer(o), b), signature: sig };
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
  const fn = 'pairedChrfTest';
  checkObject(fn, options);
  const [metricPart, testPart] = split(options, PAIRED_OPTION_NAMES);
  const o = resolveChrfOptions(fn, metricPart as ChrfOptions);
  const t = resolvePairedOptions(fn, testPart);
  const base = checkCorpus(fn, baseline, references);
  if (!Array.isArray(candidate)) throw typeError(fn, 'candidate', 'an array of strings', candidate);
  if (candidate.length !== base.hypotheses.length) {
    throw rangeError(fn, 'candidate', `an array of ${base.hypotheses.length} hypotheses (one per reference)`, candidate);
  }
  candidate.forEach((h, i) => {
    if (typeof h !== 'string') throw typeError(fn, `candidate[${i}]`, 'a string', h);
  });
  const { data, n, width, nrefs } = rowsOf(o, [base.hypotheses, candidate], base.references);
  const extra: SignaturePart[] =
    t.method === 'bootstrap' ? [['bs', t.samples], ['seed', t.seed]] : [['bs', t.confidenceSamples], ['ar', t.samples], ['seed', t.seed]];
  const sig = signature(o, nrefs, extra);
  if (n === 0) {
    const samples = t.method === 'bootstrap' ? t.samples : t.confidenceSamples;
    const zero = (): ConfidenceInterval => ({ score: 0, mean: 0, std: 0, low: 0, high: 0, ci: 0, samples, seed: t.seed, confidence: t.confidence });
    return { method: t.method, samples: t.samples, seed: t.seed, baseline: zero(), candidate: zero(), difference: 0, pValue: 1, signature: sig };
  }
  return { ...pairedFromPacked(data[0] as Float64Array, data[1] as Float64Array, n, width, scorer(o), t), signature: sig };
}
