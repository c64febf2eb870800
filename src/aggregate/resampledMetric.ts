/**
 * The one implementation behind every corpus metric's bootstrap confidence interval and paired significance
 * test (`bleuConfidence`/`pairedBleuTest`, `chrfConfidence`/`pairedChrfTest`): options are split into the
 * metric's and the resampling's, each segment is tokenized and counted once into a statistics row, and
 * resampling only re-sums rows (`aggregate/bootstrap`, `aggregate/significance`). A metric supplies a
 * {@link ResampledMetric}: how to resolve its options, make rows, score a sum of rows and sign the result.
 * @internal
 */
import { checkCorpus, isPlainObject, rangeError, typeError } from '../internal/validate.js';
import { type SignaturePart, nrefsField } from '../metrics/signature.js';
import { type ConfidenceInterval, type Finalize, confidenceFromPacked, resolveBootstrapOptions } from './bootstrap.js';
import { type PairedTestResult, PAIRED_OPTION_NAMES, pairedFromPacked, resolvePairedOptions } from './significance.js';

/** What resampling needs from a metric whose resolved options are `O`. @internal */
export interface ResampledMetric<O> {
  /**
   * Resolves the metric's own options. `reserved` are the resampling option names, already taken out of
   * `options`; a metric may name them in its error for an unknown option.
   */
  resolve(fn: string, options: Record<string, unknown>, reserved: readonly string[]): O;
  /**
   * The statistics rows of each system's hypotheses on the same references (`width` numbers a segment,
   * packed row-major), counting each reference once for all systems.
   */
  rows(o: O, systems: readonly (readonly string[])[], references: readonly (readonly string[])[]): { data: Float64Array[]; width: number };
  /** The corpus score of a sum of rows. */
  scorer(o: O): Finalize;
  /** The metric's signature with the resampling fields `extra` (`bs:`, `ar:`, `seed:`) where sacrebleu puts them. */
  signature(o: O, nrefs: number | 'var', extra: readonly SignaturePart[]): string;
}

/** The resampling option names of a confidence interval. */
const BOOTSTRAP_NAMES = ['samples', 'seed', 'confidence'] as const;

/** Throws unless `options` is undefined or a plain object. */
function checkObject(fn: string, options: unknown): void {
  if (options !== undefined && !isPlainObject(options)) throw typeError(fn, 'options', 'an object', options);
}

/** Splits mixed options into the metric's and the resampling's; unknown names stay with the metric's (which rejects them). */
function split(options: unknown, names: readonly string[]): [Record<string, unknown>, Record<string, unknown>] {
  const metric: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  if (options !== undefined) {
    for (const [k, v] of Object.entries(options as object)) (names.includes(k) ? rest : metric)[k] = v;
  }
  return [metric, rest];
}

/** sacrebleu's `nrefs:` field of a corpus whose segments have these reference lists. */
function nrefsOf(references: readonly (readonly string[])[]): number | 'var' {
  let sum = 0;
  let sq = 0;
  for (const r of references) {
    sum += r.length;
    sq += r.length * r.length;
  }
  return nrefsField(references.length, sum, sq);
}

/** An interval of an empty corpus: all zeros. */
function zeroInterval(samples: number, seed: number, confidence: number): ConfidenceInterval {
  return { score: 0, mean: 0, std: 0, low: 0, high: 0, ci: 0, samples, seed, confidence };
}

/**
 * A corpus score with a bootstrap confidence interval and its signature (the body of `bleuConfidence` and
 * `chrfConfidence`, which document the arguments).
 *
 * @param fn - The public function's name, for error messages.
 * @param metric - The metric.
 * @param hypotheses - As the public function's.
 * @param references - As the public function's.
 * @param options - The metric's options and `samples`, `seed`, `confidence`.
 * @returns The interval (all zeros for an empty corpus) and the signature with `bs:` and `seed:`.
 * @internal
 */
export function metricConfidence<O>(
  fn: string,
  metric: ResampledMetric<O>,
  hypotheses: unknown,
  references: unknown,
  options: unknown,
): ConfidenceInterval & { signature: string } {
  checkObject(fn, options);
  const [metricPart, bsPart] = split(options, BOOTSTRAP_NAMES);
  const o = metric.resolve(fn, metricPart, BOOTSTRAP_NAMES);
  const b = resolveBootstrapOptions(fn, bsPart);
  const c = checkCorpus(fn, hypotheses, references);
  const n = c.references.length;
  const signature = metric.signature(o, nrefsOf(c.references), [['bs', b.samples], ['seed', b.seed]]);
  if (n === 0) return { ...zeroInterval(b.samples, b.seed, b.confidence), signature };
  const { data, width } = metric.rows(o, [c.hypotheses], c.references);
  return { ...confidenceFromPacked(data[0] as Float64Array, n, width, metric.scorer(o), b), signature };
}

/**
 * A paired significance test of `candidate` against `baseline` on the same references, with its signature
 * (the body of `pairedBleuTest` and `pairedChrfTest`, which document the arguments).
 *
 * @param fn - The public function's name, for error messages.
 * @param metric - The metric.
 * @param baseline - As the public function's.
 * @param candidate - As the public function's: as many strings as `baseline`.
 * @param references - As the public function's.
 * @param options - The metric's options and the test's (`method`, `samples`, `seed`, `confidence`, `confidenceSamples`).
 * @returns The test's outcome (for an empty corpus: zero scores, difference 0, p-value 1) and the signature.
 * @internal
 */
export function pairedMetricTest<O>(
  fn: string,
  metric: ResampledMetric<O>,
  baseline: unknown,
  candidate: unknown,
  references: unknown,
  options: unknown,
): PairedTestResult & { signature: string } {
  checkObject(fn, options);
  const [metricPart, testPart] = split(options, PAIRED_OPTION_NAMES);
  const o = metric.resolve(fn, metricPart, PAIRED_OPTION_NAMES);
  const t = resolvePairedOptions(fn, testPart);
  const base = checkCorpus(fn, baseline, references);
  if (!Array.isArray(candidate)) throw typeError(fn, 'candidate', 'an array of strings', candidate);
  if (candidate.length !== base.hypotheses.length) {
    throw rangeError(fn, 'candidate', `an array of ${base.hypotheses.length} hypotheses (one per reference)`, candidate);
  }
  candidate.forEach((h: unknown, i) => {
    if (typeof h !== 'string') throw typeError(fn, `candidate[${i}]`, 'a string', h);
  });
  const extra: SignaturePart[] =
    t.method === 'bootstrap' ? [['bs', t.samples], ['seed', t.seed]] : [['bs', t.confidenceSamples], ['ar', t.samples], ['seed', t.seed]];
  const signature = metric.signature(o, nrefsOf(base.references), extra);
  const n = base.references.length;
  if (n === 0) {
    const zero = zeroInterval(t.method === 'bootstrap' ? t.samples : t.confidenceSamples, t.seed, t.confidence);
    return { method: t.method, samples: t.samples, seed: t.seed, baseline: zero, candidate: { ...zero }, difference: 0, pValue: 1, signature };
  }
  const { data, width } = metric.rows(o, [base.hypotheses, candidate as readonly string[]], base.references);
  return { ...pairedFromPacked(data[0] as Float64Array, data[1] as Float64Array, n, width, metric.scorer(o), t), signature };
}
