/**
 * Bootstrap confidence intervals and paired significance tests for BLEU, on the generic machinery of
 * `aggregate/bootstrap` and `aggregate/significance`: every segment is tokenized and counted once, then
 * resampling only re-sums statistics rows.
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
import {
  type BleuOptions,
  type ResolvedBleuOptions,
  BleuCounter,
  bleuScoreOnly,
  bleuSignatureParts,
  resolveBleuOptions,
} from './bleu.js';
import { formatSignature, nrefsField, type SignaturePart } from './signature.js';

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

const BOOTSTRAP_NAMES = ['samples', 'seed', 'confidence'] as const;

/** Splits mixed options into BLEU's and the resampling's. */
function split(options: unknown, names: readonly string[]): [Record<string, unknown>, Record<string, unknown>] {
  const bleu: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  if (options && typeof options === 'object' && !Array.isArray(options)) {
    for (const [k, v] of Object.entries(options)) (names.includes(k) ? rest : bleu)[k] = v;
  }
  return [bleu, rest];
}

/** Rows of one or more systems on the same references, with one counter so each reference is tokenized once. */
function rowsOf(o: ResolvedBleuOptions, systems: readonly (readonly string[])[], references: readonly (readonly string[])[]) {
  const counter = new BleuCounter(o);
  const n = references.length;
  const width = counter.width;
  const data = systems.map((hyps) => {
    const d = new Float64Array(n * width);
    for (let i = 0; i < n; i++) counter.addSegment(hyps[i] as string, references[i] as readonly string[], d, i * width);
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

function signature(o: ResolvedBleuOptions, nrefs: number | 'var', extra: readonly SignaturePart[]): string {
  return formatSignature(bleuSignatureParts(o, nrefs, extra));
}

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
  const fn = 'bleuConfidence';
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw typeError(fn, 'options', 'an object', options);
  }
  const [bleuPart, bsPart] = split(options, BOOTSTRAP_NAMES);
  const o = resolveBleuOptions(fn, bleuPart, false, BOOTSTRAP_NAMES);
  const b = resolveBootstrapOptions(fn, bsPart);
  const c = checkCorpus(fn, hypotheses, references);
  const { data, n, width, nrefs } = rowsOf(o, [c.hypotheses], c.references);
  const sig = signature(o, nrefs, [['bs', b.samples], ['seed', b.seed]]);
  if (n === 0) {
    return { score: 0, mean: 0, std: 0, low: 0, high: 0, ci: 0, samples: b.samples, seed: b.seed, confidence: b.confidence, signature: sig };
  }
  const r = confidenceFromPacked(data[0] as Float64Array, n, width, (s) => bleuScoreOnly(s, o), b);
  return { ...r, signature: sig };
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
  const fn = 'pairedBleuTest';
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw typeError(fn, 'options', 'an object', options);
  }
  const [bleuPart, testPart] = split(options, PAIRED_OPTION_NAMES);
  const o = resolveBleuOptions(fn, bleuPart, false, PAIRED_OPTION_NAMES);
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
    t.method === 'bootstrap'
      ? [['bs', t.samples], ['seed', t.seed]]
      : [['bs', t.confidenceSamples], ['ar', t.samples], ['seed', t.seed]];
  const sig = signature(o, nrefs, extra);
  if (n === 0) {
    const zero = (samples: number): ConfidenceInterval => ({ score: 0, mean: 0, std: 0, low: 0, high: 0, ci: 0, samples, seed: t.seed, confidence: t.confidence });
    const samples = t.method === 'bootstrap' ? t.samples : t.confidenceSamples;
    return { method: t.method, samples: t.samples, seed: t.seed, baseline: zero(samples), candidate: zero(samples), difference: 0, pValue: 1, signature: sig };
  }
  const r = pairedFromPacked(data[0] as Float64Array, data[1] as Float64Array, n, width, (s) => bleuScoreOnly(s, o), t);
  return { ...r, signature: sig };
}
