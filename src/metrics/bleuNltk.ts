/**
 * BLEU as NLTK 3.8 computes it (`nltk.translate.bleu_score`): `sentence_bleu` and `corpus_bleu` on token
 * arrays, with NLTK's argument order (references first), weights, `SmoothingFunction().method0..7` and
 * `auto_reweigh`, including NLTK's quirks, kept on purpose for parity (each marked "NLTK quirk" below).
 *
 * NLTK keeps precisions as `fractions.Fraction` (exact rationals) and only some smoothing methods turn them
 * into floats; the arithmetic here follows the same types: exact BigInt rationals where NLTK has a Fraction,
 * doubles where it has a float, and a correctly rounded conversion where Python converts.
 */
import { ExactSum } from '../aggregate/stats.js';
import { exp, log } from '../internal/fdlibm.js';
import { checkBoolean, checkInteger, checkNumber, checkOptions, rangeError, typeError } from '../internal/validate.js';
import { count, maxCounts, NgramSpace, overlap } from '../ngram/counter.js';
import { Vocabulary } from '../ngram/vocabulary.js';

/** NLTK smoothing: `SmoothingFunction().method<N>`; 0 (no smoothing) is NLTK's default. */
export type NltkSmoothing = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Options of {@link sentenceBleuNltk} and {@link corpusBleuNltk}: NLTK's keyword arguments in camelCase. */
export interface NltkBleuOptions {
  /**
   * Weights of the n-gram orders 1..N (BLEU-N); several weight lists give several scores (NLTK >= 3.7).
   * @defaultValue [0.25, 0.25, 0.25, 0.25]
   */
  weights?: readonly number[] | readonly (readonly number[])[];
  /**
   * The smoothing method number of `SmoothingFunction()`.
   * @defaultValue 0
   */
  smoothing?: NltkSmoothing;
  /**
   * Re-weight uniformly when the hypotheses are shorter than 4 tokens in total and the weights are the default.
   * @defaultValue false
   */
  autoReweigh?: boolean;
  /**
   * `SmoothingFunction(epsilon)`: the count given to zero matches by method 1.
   * @defaultValue 0.1
   */
  epsilon?: number;
  /**
   * `SmoothingFunction(alpha)`: the prior's weight in method 6.
   * @defaultValue 5
   */
  alpha?: number;
  /**
   * `SmoothingFunction(k)`: the constant of method 4 (and 7).
   * @defaultValue 5
   */
  k?: number;
}

/** Python's `sys.float_info.min`: NLTK's method0 puts it in place of a zero precision. */
const FLOAT_MIN = 2.2250738585072014e-308;
const DEFAULT_WEIGHTS: readonly number[] = [0.25, 0.25, 0.25, 0.25];

// ---------------------------------------------------------------------------------------------------------
// Python numbers: an exact rational (a Fraction, or an int with d = 1) or a float.

/** A `fractions.Fraction`; `n`/`d` are kept as given (NLTK builds them with `_normalize=False`). */
interface Frac {
  readonly n: bigint;
  readonly d: bigint;
}
type Num = Frac | number;

const isFrac = (x: Num): x is Frac => typeof x !== 'number';
const frac = (n: number | bigint, d: number | bigint = 1): Frac => ({ n: BigInt(n), d: BigInt(d) });

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** A normalized Fraction (Python's arithmetic results are normalized; only the value matters downstream). */
function norm(n: bigint, d: bigint): Frac {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** `float(Fraction)`: Python's correctly rounded integer true division `n / d`. */
export function fracToFloat(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const neg = n < 0n !== d < 0n;
  if (n < 0n) n = -n;
  if (d < 0n) d = -d;
  const LIMIT = 2n ** 53n;
  let r: number;
  if (n <= LIMIT && d <= LIMIT) r = Number(n) / Number(d); // both exact: IEEE division is correctly rounded
  else {
    // Scale so the integer quotient has at least 55 bits, fold the remainder into a sticky bit, and let
    // the BigInt → Number conversion round to nearest-even; then scale back by a power of two (exact).
    const shift = 55 - (bitLength(n) - bitLength(d));
    const num = shift > 0 ? n << BigInt(shift) : n;
    const den = shift < 0 ? d << BigInt(-shift) : d;
    let q = num / den;
    if (q * den !== num) q |= 1n;
    r = Number(q);
    let s = -shift;
    while (s > 1000) {
      r *= 2 ** 1000;
      s -= 1000;
    }
    while (s < -1000) {
      r *= 2 ** -1000;
      s += 1000;
    }
    r *= 2 ** s;
  }
  return neg ? -r : r;
}

const toFloat = (x: Num): number => (isFrac(x) ? fracToFloat(x.n, x.d) : x);
const isZero = (x: Num): boolean => (isFrac(x) ? x.n === 0n : x === 0);
const isPositive = (x: Num): boolean => (isFrac(x) ? x.n > 0n === x.d > 0n && x.n !== 0n : x > 0);

/** `a + b` with Python's numeric tower: Fraction + Fraction is exact, anything with a float is a float. */
function add(a: Num, b: Num): Num {
  if (isFrac(a) && isFrac(b)) return norm(a.n * b.d + b.n * a.d, a.d * b.d);
  return toFloat(a) + toFloat(b);
}
function mul(a: Num, b: Num): Num {
  if (isFrac(a) && isFrac(b)) return norm(a.n * b.n, a.d * b.d);
  return toFloat(a) * toFloat(b);
}
function div(a: Num, b: Num): Num {
  if (isFrac(a) && isFrac(b)) {
    if (b.n === 0n) throw new RangeError('bleuNltk: division by zero');
    return norm(a.n * b.d, a.d * b.n);
  }
  return toFloat(a) / toFloat(b);
}
/** A Python number from a JS number option: integral values are ints (exact), others floats. */
const pyNumber = (x: number): Num => (Number.isInteger(x) ? frac(x) : x);

// ---------------------------------------------------------------------------------------------------------
// Counting: one vocabulary and n-gram space per call, n-grams as integer ids from the shared core.

interface Tokens {
  readonly len: number;
  /** `grams[n - 1]` = ids of the n-grams, n = 1..maxOrder. */
  readonly grams: Int32Array[];
}

class NltkCounter {
  private readonly vocab = new Vocabulary();
  private readonly space = new NgramSpace();
  constructor(private readonly maxOrder: number) {}

  tokens(words: readonly string[]): Tokens {
    return { len: words.length, grams: this.space.ladder(this.vocab.ids(words), this.maxOrder) };
  }
}

/** NLTK's `modified_precision` as (numerator, denominator): clipped matches and max(1, hypothesis n-grams). */
function modifiedPrecision(references: readonly Tokens[], hypothesis: Tokens, n: number): [number, number] {
  const hyp = hypothesis.grams[n - 1] as Int32Array;
  if (hyp.length === 0) return [0, 1];
  const refMax = maxCounts(references.map((r) => count(r.grams[n - 1] as Int32Array)));
  return [overlap(count(hyp), refMax), Math.max(1, hyp.length)];
}

/** NLTK's `closest_ref_length`: the reference length closest to `hypLen`, the shorter one on ties. */
function closestRefLength(references: readonly Tokens[], hypLen: number): number {
  let best = -1;
  for (const r of references) {
    const d = Math.abs(r.len - hypLen);
    const bd = Math.abs(best - hypLen);
    if (best < 0 || d < bd || (d === bd && r.len < best)) best = r.len;
  }
  return best;
}

/** NLTK's `brevity_penalty(closest_ref_len, hyp_len)`. */
function brevityPenalty(refLen: number, hypLen: number): number {
  if (hypLen > refLen) return 1;
  if (hypLen === 0) return 0;
  return exp(1 - refLen / hypLen);
}

interface Resolved {
  weights: (readonly number[])[];
  multi: boolean;
  smoothing: NltkSmoothing;
  autoReweigh: boolean;
  epsilon: number;
  alpha: number;
  k: number;
}

const OPTION_NAMES = ['weights', 'smoothing', 'autoReweigh', 'epsilon', 'alpha', 'k'] as const;

function resolveOptions(fn: string, options: unknown): Resolved {
  const o = checkOptions<NltkBleuOptions>(fn, options, OPTION_NAMES);
  const raw: unknown = o.weights === undefined ? DEFAULT_WEIGHTS : o.weights;
  if (!Array.isArray(raw)) throw typeError(fn, 'options.weights', 'an array of numbers or an array of arrays of numbers', raw);
  if (raw.length === 0) throw rangeError(fn, 'options.weights', 'a non-empty array', raw);
  const multi = Array.isArray(raw[0]);
  const lists: unknown[] = multi ? raw : [raw];
  const weights = lists.map((w, i) => {
    const name = multi ? `options.weights[${i}]` : 'options.weights';
    if (!Array.isArray(w)) throw typeError(fn, name, 'an array of numbers', w);
    if (w.length === 0) throw rangeError(fn, name, 'a non-empty array of numbers', w);
    w.forEach((x, j) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw typeError(fn, `${name}[${j}]`, 'a finite number', x);
    });
    return w as readonly number[];
  });
  const smoothing = checkInteger(fn, 'options.smoothing', o.smoothing, 0, 0, 7) as NltkSmoothing;
  return {
    weights,
    multi,
    smoothing,
    autoReweigh: checkBoolean(fn, 'options.autoReweigh', o.autoReweigh, false),
    epsilon: checkNumber(fn, 'options.epsilon', o.epsilon, 0.1),
    alpha: checkNumber(fn, 'options.alpha', o.alpha, 5),
    k: checkNumber(fn, 'options.k', o.k, 5),
  };
}

function checkTokens(fn: string, arg: string, value: unknown): readonly string[] {
  if (!Array.isArray(value)) throw typeError(fn, arg, 'an array of token strings', value);
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') throw typeError(fn, `${arg}[${i}]`, 'a string', value[i]);
  return value as readonly string[];
}

function checkReferenceSet(fn: string, arg: string, value: unknown): readonly (readonly string[])[] {
  if (!Array.isArray(value)) throw typeError(fn, arg, 'an array of references (arrays of token strings)', value);
  if (value.length === 0) throw rangeError(fn, arg, 'a non-empty array of references', value);
  return value.map((r, i) => checkTokens(fn, `${arg}[${i}]`, r));
}

// ---------------------------------------------------------------------------------------------------------
// The smoothing functions, on `p_n` as NLTK holds it (Fractions, some turned into floats).

interface Context {
  /** The public function, for error messages. */
  readonly fn: string;
  /** NLTK quirk: the LAST hypothesis and references of the corpus loop (a leaked loop variable). */
  readonly lastRefs: readonly Tokens[];
  readonly lastHyp: Tokens;
  /** The TOTAL hypothesis length of the corpus (`hyp_len=hyp_lengths`). */
  readonly hypLen: number;
}

function smooth(p: Num[], s: NltkSmoothing, o: Resolved, ctx: Context): Num[] {
  switch (s) {
    case 0:
      // No smoothing: a zero precision becomes sys.float_info.min (log = -708.4) and NLTK warns.
      return p.map((x) => (isZero(x) ? FLOAT_MIN : x));
    case 1:
      return p.map((x) => (isFrac(x) && x.n === 0n ? (0 + o.epsilon) / Number(x.d) : x));
    case 2:
      // NLTK quirk: +1 on numerator and denominator of every order >= 2, zero or not.
      return p.map((x, i) => (i === 0 || !isFrac(x) ? x : frac(x.n + 1n, x.d + 1n)));
    case 3: {
      let inc = 1;
      return p.map((x) => {
        if (isFrac(x) && x.n === 0n) return fracToFloat(1n, 2n ** BigInt(inc++) * x.d); // Python int / int
        return x;
      });
    }
    case 4:
      return method4(p, o, ctx);
    case 5:
      return method5(p, ctx);
    case 6:
      return method6(p, o, ctx);
    case 7:
      return method5(method4(p, o, ctx), ctx);
  }
}

function method4(p: Num[], o: Resolved, ctx: Context): Num[] {
  let inc = 1;
  const hypLen = ctx.hypLen ? ctx.hypLen : ctx.lastHyp.len;
  return p.map((x) => {
    if (isFrac(x) && x.n === 0n && hypLen > 1) {
      // Python: 1 / (2**incvnt * self.k / math.log(hyp_len)), then / denominator.
      const numerator = 1 / ((2 ** inc * o.k) / log(hypLen));
      inc++;
      return numerator / fracToFloat(x.d, 1n);
    }
    return x;
  });
}

function method5(p: Num[], ctx: Context): Num[] {
  // NLTK quirk: the extra order is always the 5-gram precision of the LAST pair, whatever the weights' length.
  const [n5, d5] = modifiedPrecision(ctx.lastRefs, ctx.lastHyp, 5);
  const plus1: Num[] = [...p, frac(n5, d5)];
  const out = p.slice();
  let m: Num = add(p[0] as Num, frac(1));
  for (let i = 0; i < out.length; i++) {
    const v = div(add(add(m, out[i] as Num), plus1[i + 1] as Num), frac(3));
    out[i] = v;
    m = v;
  }
  return out;
}

function method6(p: Num[], o: Resolved, ctx: Context): Num[] {
  // NLTK quirk: `assert p_n[2]` — an IndexError with fewer than 3 orders, an AssertionError when it is zero.
  if (p.length < 3) {
    throw new RangeError(`${ctx.fn}: options.smoothing 6 needs at least 3 n-gram orders (weights of length >= 3), got ${p.length} (NLTK raises IndexError)`);
  }
  if (isZero(p[2] as Num)) {
    throw new RangeError(`${ctx.fn}: options.smoothing 6 requires a non-zero trigram precision (NLTK: "requires non-zero precision for bigrams")`);
  }
  const out = p.slice();
  const alpha = pyNumber(o.alpha);
  for (let i = 2; i < out.length; i++) {
    const pi = p[i] as Num;
    const prev2 = out[i - 2] as Num;
    const prev1 = out[i - 1] as Num;
    const pi0: Num = isZero(prev2) ? frac(0) : div(isFrac(prev1) ? mul(prev1, prev1) : prev1 * prev1, prev2);
    // m = p_i.numerator (the raw corpus count); l = number of (i+1)-grams of the LAST hypothesis.
    const m: Num = isFrac(pi) ? frac(pi.n) : pi;
    const l = Math.max(0, ctx.lastHyp.len - i);
    const den = add(frac(l), alpha);
    if (isZero(den)) {
      throw new RangeError(`${ctx.fn}: options.alpha (${o.alpha}) makes smoothing method 6 divide by zero (${l} + alpha = 0; NLTK raises ZeroDivisionError)`);
    }
    out[i] = div(add(m, mul(alpha, pi0)), den);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

/** NLTK's `corpus_bleu` on validated inputs: one score per weight list. */
function corpusScores(fn: string, refs: readonly (readonly (readonly string[])[])[], hyps: readonly (readonly string[])[], o: Resolved): number[] {
  const maxLen = Math.max(...o.weights.map((w) => w.length));
  if (hyps.length === 0) return o.weights.map(() => 0); // NLTK divides 0 by 0 here; an empty corpus scores 0
  const needs5 = o.smoothing === 5 || o.smoothing === 7;
  const counter = new NltkCounter(Math.max(maxLen, needs5 ? 5 : 1));
  const num = new Array<number>(maxLen).fill(0);
  const den = new Array<number>(maxLen).fill(0);
  let hypLengths = 0;
  let refLengths = 0;
  let lastRefs: Tokens[] = [];
  let lastHyp: Tokens = { len: 0, grams: [] };
  for (let s = 0; s < hyps.length; s++) {
    const h = counter.tokens(hyps[s] as readonly string[]);
    const rs = (refs[s] as readonly (readonly string[])[]).map((r) => counter.tokens(r));
    for (let n = 1; n <= maxLen; n++) {
      const [a, b] = modifiedPrecision(rs, h, n);
      num[n - 1] = (num[n - 1] as number) + a;
      den[n - 1] = (den[n - 1] as number) + b;
    }
    hypLengths += h.len;
    refLengths += closestRefLength(rs, h.len);
    lastRefs = rs;
    lastHyp = h;
  }
  const bp = brevityPenalty(refLengths, hypLengths);
  // NLTK quirk: no unigram match at all returns the int 0, before any smoothing.
  if (num[0] === 0) return o.weights.map(() => 0);
  const pn: Num[] = num.map((a, i) => frac(a, den[i] as number));
  const smoothed = smooth(pn, o.smoothing, o, { fn, lastRefs, lastHyp, hypLen: hypLengths });
  // A smoothing constant can make a precision infinite (k = 0: NLTK raises ZeroDivisionError); refuse it.
  for (const p of smoothed) {
    if (!isFrac(p) && !Number.isFinite(p)) {
      const name = o.smoothing === 6 ? 'alpha' : o.smoothing === 1 ? 'epsilon' : 'k';
      throw new RangeError(`${fn}: options.${name} (${o[name]}) makes a smoothed precision of method ${o.smoothing} ${p} (NLTK raises ZeroDivisionError or returns inf/nan)`);
    }
  }
  return o.weights.map((w0) => {
    let w = w0;
    // NLTK quirk: auto_reweigh only when the weights are exactly (0.25, 0.25, 0.25, 0.25) and the corpus has < 4 tokens.
    if (o.autoReweigh && hypLengths < 4 && w.length === 4 && w.every((x) => x === 0.25)) {
      w = new Array<number>(hypLengths).fill(1 / hypLengths);
    }
    // math.fsum of w_i * log(p_i) over zip(weights, p_n), skipping non-positive precisions.
    const sum = new ExactSum();
    const len = Math.min(w.length, smoothed.length);
    for (let i = 0; i < len; i++) {
      const p = smoothed[i] as Num;
      if (isPositive(p)) sum.add((w[i] as number) * log(toFloat(p)));
    }
    const score = bp * exp(sum.valueOf());
    if (!Number.isFinite(score)) {
      throw new RangeError(`${fn}: options.weights ${JSON.stringify(w0)} make the weighted log sum overflow (the score would be ${score}; NLTK raises OverflowError)`);
    }
    return score;
  });
}

/**
 * Sentence BLEU on tokens, as NLTK's `sentence_bleu` computes it (0..1).
 *
 * @param references - The reference token arrays (at least one).
 * @param hypothesis - The hypothesis tokens.
 * @param options - `weights` (default BLEU-4 uniform), `smoothing` (0..7, default 0), `autoReweigh`, and the
 *   `SmoothingFunction` constants `epsilon`, `alpha`, `k`.
 * @returns The score in 0..1; with several weight lists, one score per list.
 * @throws TypeError or RangeError naming the argument; RangeError where NLTK raises (smoothing 6 with fewer
 *   than 3 orders or a zero trigram precision).
 * @remarks Reproduces `nltk.translate.bleu_score.sentence_bleu(references, hypothesis, weights,
 *   SmoothingFunction().method<N>, auto_reweigh)` of NLTK 3.8, including its quirks (method0 uses
 *   `sys.float_info.min` for zero precisions, so results such as 1e-231 are tiny but not 0).
 * @example
 * ```ts
 * const ref = 'the cat is on the mat'.split(' ');
 * sentenceBleuNltk([ref], 'the cat is on the mat'.split(' ')); // 1
 * sentenceBleuNltk([ref], 'the cat sat on the mat'.split(' '), { smoothing: 1 }); // 0.25406637407730737
 * ```
 */
export function sentenceBleuNltk(
  references: readonly (readonly string[])[],
  hypothesis: readonly string[],
  options?: NltkBleuOptions & { weights?: readonly number[] },
): number;
export function sentenceBleuNltk(
  references: readonly (readonly string[])[],
  hypothesis: readonly string[],
  options: NltkBleuOptions & { weights: readonly (readonly number[])[] },
): number[];
export function sentenceBleuNltk(
  references: readonly (readonly string[])[],
  hypothesis: readonly string[],
  options?: NltkBleuOptions,
): number | number[] {
  const fn = 'sentenceBleuNltk';
  const o = resolveOptions(fn, options);
  const refs = checkReferenceSet(fn, 'references', references);
  const hyp = checkTokens(fn, 'hypothesis', hypothesis);
  const scores = corpusScores(fn, [refs], [hyp], o);
  return o.multi ? scores : (scores[0] as number);
}

/**
 * Corpus BLEU on tokens, as NLTK's `corpus_bleu` computes it (0..1): n-gram matches and totals summed over
 * the corpus (micro average), one brevity penalty for the corpus.
 *
 * @param references - Per hypothesis, its reference token arrays (at least one each).
 * @param hypotheses - The hypothesis token arrays.
 * @param options - As {@link sentenceBleuNltk}.
 * @returns The score in 0..1; with several weight lists, one score per list. An empty corpus scores 0.
 * @throws TypeError or RangeError naming the argument (e.g. the two arrays differ in length).
 * @remarks Reproduces `nltk.translate.bleu_score.corpus_bleu(list_of_references, hypotheses, ...)` of NLTK 3.8,
 *   quirks included: smoothing methods 4–7 see the LAST hypothesis and its references (a leaked loop
 *   variable in NLTK) and the TOTAL hypothesis length; method 5 always reads that last pair's 5-gram
 *   precision; no unigram match at all gives 0 whatever the smoothing.
 * @example
 * ```ts
 * const refs = [[['the', 'cat', 'is', 'here']], [['a', 'dog', 'ran', 'off']]];
 * corpusBleuNltk(refs, [['the', 'cat', 'is', 'here'], ['a', 'dog', 'ran', 'off']]); // 1
 * corpusBleuNltk(refs, [['the', 'cat', 'is', 'here'], ['a', 'dog', 'ran', 'away']], { weights: [0.5, 0.5] }); // 0.8539125638299665
 * ```
 */
export function corpusBleuNltk(
  references: readonly (readonly (readonly string[])[])[],
  hypotheses: readonly (readonly string[])[],
  options?: NltkBleuOptions & { weights?: readonly number[] },
): number;
export function corpusBleuNltk(
  references: readonly (readonly (readonly string[])[])[],
  hypotheses: readonly (readonly string[])[],
  options: NltkBleuOptions & { weights: readonly (readonly number[])[] },
): number[];
export function corpusBleuNltk(
  references: readonly (readonly (readonly string[])[])[],
  hypotheses: readonly (readonly string[])[],
  options?: NltkBleuOptions,
): number | number[] {
  const fn = 'corpusBleuNltk';
  const o = resolveOptions(fn, options);
  if (!Array.isArray(hypotheses)) throw typeError(fn, 'hypotheses', 'an array of token arrays', hypotheses);
  if (!Array.isArray(references)) throw typeError(fn, 'references', 'an array (one reference set per hypothesis)', references);
  if (references.length !== hypotheses.length) {
    throw new RangeError(`${fn}: references and hypotheses must have the same length, got ${references.length} and ${hypotheses.length}`);
  }
  const hyps = hypotheses.map((h, i) => checkTokens(fn, `hypotheses[${i}]`, h));
  const refs = references.map((r, i) => checkReferenceSet(fn, `references[${i}]`, r));
  const scores = corpusScores(fn, refs, hyps, o);
  return o.multi ? scores : (scores[0] as number);
}
