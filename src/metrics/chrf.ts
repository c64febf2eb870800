/**
 * chrF and chrF++ (Popović 2015, 2017) exactly as sacrebleu 2.6.0 computes them (`sacrebleu.metrics.CHRF`).
 *
 * Sufficient statistics: per segment a flat row of `[hyp, ref, match]` counts for each order (character
 * orders 1..charOrder, then word orders 1..wordOrder), summed over a corpus and finalized once.
 *
 * Hot path: a character is its code point (no vocabulary), a word its {@link WordInterner} id. The n-grams of a
 * reference are put once in a {@link RefAutomaton}, which then counts the clipped matches of any number of
 * hypotheses. {@link corpusChrf} scores the segments of one (single) reference string one after the other, so
 * each distinct reference is tokenized and built once per call while its automaton is hot in cache (the
 * statistics are integer sums: the order of the segments does not change them); segments with several
 * references go through {@link ChrfContext.addSegment}, which caches the tokens of references seen again.
 */
import { checkBoolean, checkCorpus, checkInteger, checkNumber, checkOptions, checkReferences, checkString, rangeError, typeError } from '../internal/validate.js';
import { isPyWhitespace } from '../internal/pywhitespace.js';
import { formatSignature } from './signature.js';
import { pyLower } from '../internal/pyLower.js';
import { RefAutomaton } from './chrf/refAutomaton.js';
import { WordInterner } from './chrf/wordInterner.js';

/** Options of {@link corpusChrf} and {@link sentenceChrf}, named after sacrebleu's `CHRF(...)` arguments. */
export interface ChrfOptions {
  /**
   * Highest character n-gram order (`char_order`), an integer from 1 to 1000.
   * @defaultValue 6
   */
  charOrder?: number;
  /**
   * Highest word n-gram order (`word_order`), an integer from 0 to 1000; 2 gives chrF++.
   * @defaultValue 0
   */
  wordOrder?: number;
  /**
   * Weight of recall against precision (`beta`), a finite number >= 0 whose square is finite (sacrebleu
   * raises beyond about 1.3e154); 0 scores precision alone.
   * @defaultValue 2
   */
  beta?: number;
  /**
   * Lowercase hypotheses and references first, as Python's `str.lower()` does (`lowercase`).
   * @defaultValue false
   */
  lowercase?: boolean;
  /**
   * Keep white space inside character n-grams (`whitespace`); by default all Python white space is removed.
   * @defaultValue false
   */
  whitespace?: boolean;
  /**
   * Average the per-order F scores with chrF++.py's epsilon smoothing (`eps_smoothing`) instead of sacrebleu's
   * default, which averages precision and recall over the orders that have n-grams on both sides.
   * @defaultValue false
   */
  epsSmoothing?: boolean;
}

/** {@link ChrfOptions} validated, with every default filled in. */
export interface ResolvedChrfOptions {
  /** Highest character n-gram order. */
  readonly charOrder: number;
  /** Highest word n-gram order. */
  readonly wordOrder: number;
  /** Weight of recall. */
  readonly beta: number;
  /** Lowercase first. */
  readonly lowercase: boolean;
  /** Keep white space in character n-grams. */
  readonly whitespace: boolean;
  /** Epsilon smoothing. */
  readonly epsSmoothing: boolean;
}

/** A chrF score with what it was computed from. */
export interface ChrfResult {
  /** The score, 0..100 (full precision; sacrebleu rounds only when printing). */
  readonly score: number;
  /** sacrebleu's name of the variant: `chrF2`, `chrF2++` (`chrF{beta}` and one `+` per word order). */
  readonly name: string;
  /** sacrebleu-style signature, e.g. `nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:nlg-metrics-0.1.0`. */
  readonly signature: string;
  /** The summed statistics: `[hyp, ref, match]` per character order, then per word order. */
  readonly stats: number[];
}

const OPTION_NAMES = ['charOrder', 'wordOrder', 'beta', 'lowercase', 'whitespace', 'epsSmoothing'] as const;
const MAX_ORDER = 1000;

/**
 * Validates chrF options and applies the defaults.
 *
 * @param fn - The public function being called, for error messages.
 * @param options - The caller's options (not modified); `undefined` gives the defaults.
 * @returns A new frozen object with every option set.
 * @throws TypeError for an unknown option or a value of the wrong type; RangeError for an order out of range or
 *   a negative `beta`.
 * @remarks The defaults are those of `sacrebleu.metrics.CHRF()`.
 * @example
 * ```ts
 * resolveChrfOptions('corpusChrf', { wordOrder: 2 });
 * // { charOrder: 6, wordOrder: 2, beta: 2, lowercase: false, whitespace: false, epsSmoothing: false }
 * ```
 * @internal
 */
export function resolveChrfOptions(fn: string, options?: ChrfOptions): ResolvedChrfOptions {
  const o = checkOptions<ChrfOptions>(fn, options, OPTION_NAMES);
  const beta = checkNumber(fn, 'options.beta', o.beta, 2, 0);
  // sacrebleu computes beta ** 2, which raises OverflowError when the square is not a finite float (the F
  // formula would give Infinity / Infinity = NaN).
  if (!Number.isFinite(beta * beta)) throw rangeError(fn, 'options.beta', 'a number whose square is finite (at most about 1.3e154)', beta);
  return Object.freeze({
    charOrder: checkInteger(fn, 'options.charOrder', o.charOrder, 6, 1, MAX_ORDER),
    wordOrder: checkInteger(fn, 'options.wordOrder', o.wordOrder, 0, 0, MAX_ORDER),
    beta,
    lowercase: checkBoolean(fn, 'options.lowercase', o.lowercase, false),
    whitespace: checkBoolean(fn, 'options.whitespace', o.whitespace, false),
    epsSmoothing: checkBoolean(fn, 'options.epsSmoothing', o.epsSmoothing, false),
  });
}

function sameOptions(a: ResolvedChrfOptions, b: ResolvedChrfOptions): boolean {
  return (
    a.charOrder === b.charOrder &&
    a.wordOrder === b.wordOrder &&
    a.beta === b.beta &&
    a.lowercase === b.lowercase &&
    a.whitespace === b.whitespace &&
    a.epsSmoothing === b.epsSmoothing
  );
}

/**
 * sacrebleu's `CHRF._compute_f_score`, operation for operation (so the last bits agree): with `epsSmoothing`,
 * the mean over all orders of each order's F-beta (a missing side counts as precision or recall 1e-16);
 * otherwise F-beta of the precision and recall averaged over the orders with n-grams on both sides.
 * Returns 0..100.
 */
function fScore(stats: ArrayLike<number>, beta: number, epsSmoothing: boolean): number {
  const eps = 1e-16;
  const order = stats.length / 3;
  const factor = beta * beta;
  let score = 0;
  let avgPrec = 0;
  let avgRec = 0;
  let effective = 0;
  for (let i = 0; i < order; i++) {
    const hyp = stats[3 * i] as number;
    const ref = stats[3 * i + 1] as number;
    const match = stats[3 * i + 2] as number;
    const prec = hyp > 0 ? match / hyp : eps;
    const rec = ref > 0 ? match / ref : eps;
    if (epsSmoothing) {
      const denom = factor * prec + rec;
      score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
    }
    if (hyp > 0 && ref > 0) {
      avgPrec += prec;
      avgRec += rec;
      effective++;
    }
  }
  if (epsSmoothing) return order > 0 ? (100 * score) / order : 0;
  if (effective === 0) return 0;
  avgPrec /= effective;
  avgRec /= effective;
  if (avgPrec + avgRec === 0) return 0;
  return (100 * (((1 + factor) * avgPrec * avgRec) / (factor * avgPrec + avgRec)));
}

/** One reference string, tokenized: its code points (white space removed unless kept) and word ids. */
interface Reference {
  readonly chars: Int32Array;
  readonly words: Int32Array | null;
}

/** Bit c set for the code points c < 32 that Python counts as white space. */
const WS_LOW = 0xf0003e00;

/** Reference strings cached when no usage counts are known (streaming); the cache is emptied beyond this. */
const STREAM_CACHE_LIMIT = 4096;
/** Most tokens (code points and word ids, 4 bytes each) the reference cache holds; beyond it, no new entries. */
const CACHE_BUDGET = 1 << 24;

function tokenCount(r: Reference): number {
  return r.chars.length + (r.words === null ? 0 : r.words.length);
}

/**
 * The working state of one chrF computation: options, the word vocabulary, the tokens of references that
 * will be seen again, and scratch buffers. Create one per corpus call (or per accumulator); never share
 * one across options.
 * @internal
 */
export class ChrfContext {
  /** The options every segment is scored with. */
  readonly options: ResolvedChrfOptions;
  private readonly words = new WordInterner();
  private readonly cache = new Map<string, Reference>();
  /** Tokens held by `cache`. */
  private cached = 0;
  /** Remaining uses of each reference string of the corpus, when known in advance. */
  private readonly uses: Map<string, number> | null;
  private hypChars: Int32Array = new Int32Array(256);
  private hypWords: Int32Array = new Int32Array(64);
  private refTokens: Int32Array = new Int32Array(256);
  /** The character and word n-grams of the current reference, and its number of characters and words. */
  private readonly charNgrams = new RefAutomaton();
  private readonly wordNgrams: RefAutomaton;
  private refChars = 0;
  private refWords = 0;
  private readonly charMatch: Int32Array;
  private readonly wordMatch: Int32Array;
  private best: number[];
  private candidate: number[];

  /**
   * @param options - Resolved options.
   * @param references - The corpus' references, when known in advance: then exactly the reference strings
   *   that occur more than once are cached, each until its last use. Without them, references are cached up to
   *   a bound.
   */
  constructor(options: ResolvedChrfOptions, references?: readonly (readonly string[])[]) {
    this.options = options;
    this.charMatch = new Int32Array(options.charOrder);
    this.wordMatch = new Int32Array(options.wordOrder);
    this.wordNgrams = options.wordOrder > 0 ? new RefAutomaton() : this.charNgrams; // never used without words
    const width = 3 * (options.charOrder + options.wordOrder);
    this.best = new Array<number>(width).fill(0);
    this.candidate = new Array<number>(width).fill(0);
    if (references === undefined) this.uses = null;
    else {
      const uses = new Map<string, number>();
      for (const refs of references) for (const r of refs) uses.set(r, (uses.get(r) ?? 0) + 1);
      this.uses = uses;
    }
  }

  /**
   * Adds the statistics of one segment into `into` (a row of `3 * (charOrder + wordOrder)` numbers).
   * With several references, the one with the best sentence-level score is used (the first on ties).
   *
   * @param into - The running sum, updated in place.
   * @param hypothesis - The hypothesis.
   * @param references - Its references, at least one.
   */
  addSegment(into: number[], hypothesis: string, references: readonly string[]): void {
    const o = this.options;
    const hyp = o.lowercase ? pyLower(hypothesis) : hypothesis;
    const hypLen = this.codePoints(hyp, true);
    const hypWordLen = o.wordOrder > 0 ? this.wordIds(hyp, true) : 0;
    if (references.length === 1) {
      this.load(this.reference(references[0] as string));
      this.countInto(into, hypLen, hypWordLen);
      return;
    }
    let bestScore = -1;
    for (const ref of references) {
      const row = this.candidate;
      row.fill(0);
      this.load(this.reference(ref));
      this.countInto(row, hypLen, hypWordLen);
      const f = fScore(row, o.beta, o.epsSmoothing);
      if (f > bestScore) {
        bestScore = f;
        this.candidate = this.best;
        this.best = row;
      }
    }
    const best = this.best;
    for (let i = 0; i < best.length; i++) into[i] = (into[i] as number) + (best[i] as number);
  }

  /**
   * Makes `reference` the current reference, for {@link addHypothesis}: tokenizes it (nothing is cached) and
   * builds its n-grams.
   *
   * @param reference - The reference string.
   */
  setReference(reference: string): void {
    const o = this.options;
    const text = o.lowercase ? pyLower(reference) : reference;
    const nChars = this.codePoints(text, false);
    this.charNgrams.build(this.refTokens, nChars, o.charOrder);
    this.refChars = nChars;
    if (o.wordOrder > 0) {
      const nWords = this.wordIds(text, false); // reuses refTokens: the automaton keeps nothing of it
      this.wordNgrams.build(this.refTokens, nWords, o.wordOrder);
      this.refWords = nWords;
    }
  }

  /**
   * Adds the statistics of a segment whose only reference is the one given to {@link setReference} into `into`.
   *
   * @param into - The running sum, updated in place.
   * @param hypothesis - The hypothesis.
   */
  addHypothesis(into: number[], hypothesis: string): void {
    const o = this.options;
    const hyp = o.lowercase ? pyLower(hypothesis) : hypothesis;
    const hypLen = this.codePoints(hyp, true);
    const hypWordLen = o.wordOrder > 0 ? this.wordIds(hyp, true) : 0;
    this.countInto(into, hypLen, hypWordLen);
  }

  /** Makes a cached reference the current one. */
  private load(ref: Reference): void {
    const o = this.options;
    this.charNgrams.build(ref.chars, ref.chars.length, o.charOrder);
    this.refChars = ref.chars.length;
    if (ref.words !== null) {
      this.wordNgrams.build(ref.words, ref.words.length, o.wordOrder);
      this.refWords = ref.words.length;
    }
  }

  /** Adds the counts of the hypothesis in the scratch buffers against the current reference into `row`. */
  private countInto(row: number[], hypLen: number, hypWordLen: number): void {
    const o = this.options;
    const refChars = this.refChars;
    const cm = this.charMatch;
    cm.fill(0);
    this.charNgrams.match(this.hypChars, hypLen, cm);
    let k = 0;
    for (let n = 1; n <= o.charOrder; n++, k += 3) {
      const refCount = refChars - n + 1;
      if (refCount <= 0) continue; // a reference without n-grams of this order reports 0 for the hypothesis too
      const hypCount = hypLen - n + 1;
      row[k] = (row[k] as number) + (hypCount > 0 ? hypCount : 0);
      row[k + 1] = (row[k + 1] as number) + refCount;
      row[k + 2] = (row[k + 2] as number) + (cm[n - 1] as number);
    }
    if (o.wordOrder === 0) return;
    const refWords = this.refWords;
    const wm = this.wordMatch;
    wm.fill(0);
    this.wordNgrams.match(this.hypWords, hypWordLen, wm);
    for (let n = 1; n <= o.wordOrder; n++, k += 3) {
      const refCount = refWords - n + 1;
      if (refCount <= 0) continue;
      const hypCount = hypWordLen - n + 1;
      row[k] = (row[k] as number) + (hypCount > 0 ? hypCount : 0);
      row[k + 1] = (row[k + 1] as number) + refCount;
      row[k + 2] = (row[k + 2] as number) + (wm[n - 1] as number);
    }
  }

  /** A reference string, tokenized: from the cache, or made (and cached if it will be used again). */
  private reference(ref: string): Reference {
    const cache = this.cache;
    let entry = cache.get(ref);
    const uses = this.uses;
    if (uses === null) {
      if (entry === undefined) {
        entry = this.build(ref);
        if (cache.size >= STREAM_CACHE_LIMIT) {
          cache.clear();
          this.cached = 0;
        }
        this.keep(ref, entry);
      }
      return entry;
    }
    const left = uses.get(ref) ?? 0;
    if (entry === undefined) {
      entry = this.build(ref);
      if (left > 1) this.keep(ref, entry);
    } else if (left <= 1) {
      cache.delete(ref);
      this.cached -= tokenCount(entry);
    }
    if (left > 1) uses.set(ref, left - 1);
    else uses.delete(ref);
    return entry;
  }

  /** Caches a reference's tokens unless the cache already holds {@link CACHE_BUDGET} tokens. */
  private keep(ref: string, entry: Reference): void {
    const size = tokenCount(entry);
    if (this.cached + size > CACHE_BUDGET) return;
    this.cache.set(ref, entry);
    this.cached += size;
  }

  private build(ref: string): Reference {
    const o = this.options;
    const text = o.lowercase ? pyLower(ref) : ref;
    const nChars = this.codePoints(text, false); // may replace this.refTokens: read it after
    const chars = this.refTokens.slice(0, nChars);
    let words: Int32Array | null = null;
    if (o.wordOrder > 0) {
      const nWords = this.wordIds(text, false);
      words = this.refTokens.slice(0, nWords);
    }
    return { chars, words };
  }

  /**
   * Writes the code points of `text` into the hypothesis or reference buffer, dropping Python white space
   * unless `whitespace` is set (sacrebleu: `''.join(line.split())`). Returns how many.
   */
  private codePoints(text: string, hyp: boolean): number {
    let buf = hyp ? this.hypChars : this.refTokens;
    if (buf.length < text.length) {
      buf = new Int32Array(Math.max(text.length, buf.length * 2));
      if (hyp) this.hypChars = buf;
      else this.refTokens = buf;
    }
    const keepWs = this.options.whitespace;
    const drop = keepWs ? 0 : 1;
    let n = 0;
    const len = text.length;
    for (let i = 0; i < len; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        // ASCII without a branch on the (unpredictable) spaces: Python white space here is the space,
        // \t \n \v \f \r (bits 9..13 of WS_LOW) and U+001C..U+001F (bits 28..31).
        const ws = +(c === 0x20) | ((WS_LOW >>> c) & +(c < 0x20));
        buf[n] = c;
        n += (ws & drop) ^ 1;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          i++;
        }
      } else if (!keepWs && isPyWhitespace(c)) continue;
      buf[n++] = c;
    }
    return n;
  }

  /** Writes the ids of the chrF++ word tokens of `text` into the hypothesis or reference buffer. Returns how many. */
  private wordIds(text: string, hyp: boolean): number {
    const [buf, n] = this.words.tokenize(text, hyp ? this.hypWords : this.refTokens);
    if (hyp) this.hypWords = buf;
    else this.refTokens = buf;
    return n;
  }
}

/**
 * The statistics of one segment: `[hyp, ref, match]` for each character order 1..charOrder, then each word
 * order 1..wordOrder. With several references, those of the reference with the best sentence score (the
 * first on ties). Rows of a corpus add up element-wise; {@link finalizeChrf} turns a sum into a score.
 *
 * @param hypothesis - The hypothesis.
 * @param references - Its reference or references (at least one).
 * @param options - Resolved options (see {@link resolveChrfOptions}).
 * @param context - A context made with the same options, to reuse its caches across segments; a fresh one if
 *   omitted.
 * @returns A new row of `3 * (charOrder + wordOrder)` integers.
 * @remarks sacrebleu's `CHRF._extract_corpus_statistics` for one segment.
 * @example
 * ```ts
 * chrfSegmentStats('the cat', 'the cat', resolveChrfOptions('x', { charOrder: 2 }));
 * // [6, 6, 6, 5, 5, 5]
 * ```
 * @internal
 */
export function chrfSegmentStats(
  hypothesis: string,
  references: string | readonly string[],
  options: ResolvedChrfOptions,
  context?: ChrfContext,
): number[] {
  const fn = 'chrfSegmentStats';
  checkString(fn, 'hypothesis', hypothesis);
  const refs = checkReferences(fn, 'references', references);
  const ctx = context ?? new ChrfContext(options);
  if (!sameOptions(ctx.options, options)) {
    throw new RangeError(`${fn}: context was made for other options than the options given`);
  }
  const row = new Array<number>(3 * (options.charOrder + options.wordOrder)).fill(0);
  ctx.addSegment(row, hypothesis, refs);
  return row;
}

/** sacrebleu's signature for these options and number of references. */
function chrfSignature(o: ResolvedChrfOptions, nrefs: number | 'var'): string {
  return formatSignature([
    ['nrefs', nrefs],
    ['case', o.lowercase ? 'lc' : 'mixed'],
    ['eff', !o.epsSmoothing],
    ['nc', o.charOrder],
    ['nw', o.wordOrder],
    ['space', o.whitespace],
  ]);
}

/**
 * Turns summed statistics into a chrF score.
 *
 * @param stats - A row from {@link chrfSegmentStats}, or the element-wise sum of several (not modified).
 * @param options - The resolved options the statistics were computed with.
 * @param nrefs - References per segment for the signature: a count, or `'var'` when it varied.
 * @returns The score, name, signature and a copy of the statistics.
 * @throws RangeError when `stats` does not have `3 * (charOrder + wordOrder)` entries.
 * @remarks sacrebleu's `CHRF._compute_score_from_stats`.
 * @example
 * ```ts
 * finalizeChrf([6, 6, 6, 5, 5, 5], resolveChrfOptions('x', { charOrder: 2 })).score; // 100
 * ```
 * @internal
 */
export function finalizeChrf(stats: readonly number[], options: ResolvedChrfOptions, nrefs: number | 'var' = 1): ChrfResult {
  const width = 3 * (options.charOrder + options.wordOrder);
  if (!Array.isArray(stats)) throw typeError('finalizeChrf', 'stats', 'an array of numbers', stats);
  if (stats.length !== width) throw rangeError('finalizeChrf', 'stats', `an array of ${width} numbers`, stats);
  return {
    score: fScore(stats, options.beta, options.epsSmoothing),
    name: `chrF${options.beta}${'+'.repeat(options.wordOrder)}`,
    signature: chrfSignature(options, nrefs),
    stats: stats.slice(),
  };
}

/**
 * chrF (or chrF++ with `wordOrder: 2`) of a corpus: per-segment n-gram counts are summed, then scored once.
 *
 * @param hypotheses - One hypothesis per segment (not modified).
 * @param references - For each hypothesis, its reference or references (not modified).
 * @param options - See {@link ChrfOptions}.
 * @returns `{ score, name, signature, stats }`, score in 0..100.
 * @throws TypeError for a non-string segment or a bad option; RangeError when the lengths differ, a segment
 *   has no reference, or an option is out of range.
 * @remarks Reproduces `sacrebleu.metrics.CHRF(char_order, word_order, beta, lowercase, whitespace,
 *   eps_smoothing).corpus_score(hypotheses, reference_streams)` of sacrebleu 2.6.0 (Popović 2015, 2017). With
 *   several references a segment counts against its best-scoring one. An empty string is a real (empty)
 *   reference and scores 0.
 * @example
 * ```ts
 * corpusChrf(['the cat sat on the mat', 'a dog'], ['the cat is on the mat', ['one dog', 'a dog!']]).score;
 * // 63.653225125973044
 * corpusChrf(['the cat sat on the mat'], [['the cat is on the mat']], { wordOrder: 2 });
 * // { score: 66.36067072084818, name: 'chrF2++',
 * //   signature: 'nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:nlg-metrics-0.1.0',
 * //   stats: [17, 16, 15, 16, 15, 12, 15, 14, 10, 14, 13, 8, 13, 12, 6, 12, 11, 4, 6, 6, 5, 5, 5, 3] }
 * ```
 */
export function corpusChrf(
  hypotheses: readonly string[],
  references: readonly (string | readonly string[])[],
  options?: ChrfOptions,
): ChrfResult {
  const fn = 'corpusChrf';
  const o = resolveChrfOptions(fn, options);
  const corpus = checkCorpus(fn, hypotheses, references);
  const hyps = corpus.hypotheses;
  const refs = corpus.references;
  const n = hyps.length;
  // Chains the segments of each single reference string: next[i] is the next segment with the same one (or -1),
  // follows[i] is 1 when segment i is scored with an earlier one. Segments with several references are scored
  // one by one (their tokens cached by the context while a reference will be seen again).
  const next = new Int32Array(n).fill(-1);
  const follows = new Uint8Array(n);
  const last = new Map<string, number>();
  const multi: (readonly string[])[] = [];
  let minRefs = Infinity;
  let maxRefs = 0;
  for (let i = 0; i < n; i++) {
    const r = refs[i] as readonly string[];
    if (r.length < minRefs) minRefs = r.length;
    if (r.length > maxRefs) maxRefs = r.length;
    if (r.length !== 1) {
      multi.push(r);
      continue;
    }
    const ref = r[0] as string;
    const j = last.get(ref);
    if (j !== undefined) {
      next[j] = i;
      follows[i] = 1;
    }
    last.set(ref, i);
  }
  const ctx = new ChrfContext(o, multi);
  const total = new Array<number>(3 * (o.charOrder + o.wordOrder)).fill(0);
  for (let i = 0; i < n; i++) {
    if (follows[i] === 1) continue;
    const r = refs[i] as readonly string[];
    if (r.length !== 1) {
      ctx.addSegment(total, hyps[i] as string, r);
      continue;
    }
    ctx.setReference(r[0] as string);
    for (let j = i; j >= 0; j = next[j] as number) ctx.addHypothesis(total, hyps[j] as string);
  }
  return finalizeChrf(total, o, hyps.length === 0 ? 0 : minRefs === maxRefs ? maxRefs : 'var');
}

/**
 * chrF (or chrF++ with `wordOrder: 2`) of one hypothesis.
 *
 * @param hypothesis - The hypothesis.
 * @param references - Its reference, or several (the best-scoring one counts).
 * @param options - See {@link ChrfOptions}.
 * @returns `{ score, name, signature, stats }`, score in 0..100.
 * @throws TypeError for a non-string argument or a bad option; RangeError for an empty reference list or an
 *   option out of range.
 * @remarks Reproduces `sacrebleu.metrics.CHRF(...).sentence_score(hypothesis, references)` of sacrebleu 2.6.0;
 *   equal to {@link corpusChrf} of a one-segment corpus.
 * @example
 * ```ts
 * sentenceChrf('the cat sat on the mat', 'the cat is on the mat').score; // 64.5779420625287
 * // With several references, the best one counts:
 * sentenceChrf('the cat', ['the dog', 'the cat']).score; // 100
 * ```
 */
export function sentenceChrf(hypothesis: string, references: string | readonly string[], options?: ChrfOptions): ChrfResult {
  const fn = 'sentenceChrf';
  const o = resolveChrfOptions(fn, options);
  checkString(fn, 'hypothesis', hypothesis);
  const refs = checkReferences(fn, 'references', references);
  const ctx = new ChrfContext(o, [refs]);
  const row = new Array<number>(3 * (o.charOrder + o.wordOrder)).fill(0);
  ctx.addSegment(row, hypothesis, refs);
  return finalizeChrf(row, o, refs.length);
}
