/**
 * BLEU as sacrebleu 2.x computes it (Papineni et al. 2002, with sacrebleu's tokenizers and smoothing).
 *
 * Sufficient statistics + finalize: a segment becomes one row
 * `[sysLen, refLen, correct_1..N, total_1..N, 1, nrefs, nrefs²]` (sacrebleu's row plus three additive fields
 * that let the signature's `nrefs` survive summing and merging); a corpus is the element-wise sum of its
 * rows, finalized once by {@link finalizeBleu}.
 *
 * Counting is by integer ids: one {@link Vocabulary} per call, references cached by string (a reference
 * string is tokenized once per call); a single reference is clipped against with the core's `NgramMatcher`
 * (no n-gram interning), several references through n-grams interned in one `NgramSpace`. No n-gram is ever
 * a string key, so `__proto__` or `constructor` are words like any other.
 */
import { exp, log } from '../internal/fdlibm.js';
import { pyRstrip, pySplit } from '../internal/pywhitespace.js';
import {
  checkBoolean,
  checkCorpus,
  checkEnum,
  checkInteger,
  checkOptions,
  checkReferences,
  checkString,
  rangeError,
  typeError,
} from '../internal/validate.js';
import { NgramMatcher, NgramSpace } from '../ngram/counter.js';
import { Vocabulary } from '../ngram/vocabulary.js';
import { tokens13a } from '../tokenize/sacrebleu13a.js';
import { tokensChar } from '../tokenize/sacrebleuChar.js';
import { tokensIntl } from '../tokenize/sacrebleuIntl.js';
import { tokensZh } from '../tokenize/sacrebleuZh.js';
import { pyLower } from './chrf/pyLower.js';
import { formatSignature, nrefsField, pyFixed, type SignaturePart } from './signature.js';

/** sacrebleu's tokenizers available to BLEU. */
export type BleuTokenizerName = '13a' | 'intl' | 'zh' | 'char' | 'none';

/** sacrebleu's BLEU smoothing methods (Chen & Cherry 2014: `floor` = method 1, `add-k` = 2, `exp` = 3). */
export type BleuSmoothMethod = 'exp' | 'floor' | 'add-k' | 'none';

/** Options of {@link corpusBleu} and {@link sentenceBleu}: sacrebleu's `BLEU(...)` arguments in camelCase. */
export interface BleuOptions {
  /**
   * The tokenizer applied to every segment before splitting on white space.
   * @defaultValue '13a' (or 'zh' when `trgLang` is 'zh')
   */
  tokenize?: BleuTokenizerName;
  /**
   * Lowercase hypotheses and references first (signature `case:lc`).
   * @defaultValue false
   */
  lowercase?: boolean;
  /**
   * Smoothing of zero n-gram precisions.
   * @defaultValue 'exp'
   */
  smoothMethod?: BleuSmoothMethod;
  /**
   * The value of `floor` or `add-k` smoothing, from 0 to 1e300 (ignored by `exp` and `none`). As in sacrebleu,
   * a `floor` value above 1 can make a smoothed precision exceed 100.
   * @defaultValue 0.1 for floor, 1 for add-k
   */
  smoothValue?: number;
  /**
   * The largest n-gram order, >= 1.
   * @defaultValue 4
   */
  maxNgramOrder?: number;
  /**
   * Average only over the orders for which the hypothesis has n-grams (for short segments).
   * @defaultValue false for corpusBleu, true for sentenceBleu
   */
  effectiveOrder?: boolean;
  /**
   * Target language code; as in sacrebleu, `'zh'` selects the `zh` tokenizer when `tokenize` is not given
   * (`'ja'` would select `ja-mecab`, which this package does not have, and is refused).
   * @defaultValue ''
   */
  trgLang?: string;
}

/** A BLEU score with its parts, as sacrebleu's `BLEUScore`. */
export interface BleuResult {
  /** BLEU, 0..100. */
  score: number;
  /** Matched (clipped) n-grams per order; with `add-k`, orders >= 2 include the added k, as sacrebleu reports them. */
  counts: number[];
  /** Hypothesis n-grams per order; with `add-k`, orders >= 2 include the added k. */
  totals: number[];
  /** n-gram precisions per order, 0..100, after smoothing. */
  precisions: number[];
  /** The brevity penalty. */
  bp: number;
  /** Total hypothesis length in tokens. */
  sysLen: number;
  /** Total closest-reference length in tokens. */
  refLen: number;
  /** `sysLen / refLen` (0 when `refLen` is 0). */
  ratio: number;
  /** sacrebleu-style signature, e.g. `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:nlg-metrics-0.1.0`. */
  signature: string;
}

/** {@link BleuOptions} validated, with defaults applied. @internal */
export interface ResolvedBleuOptions {
  readonly tokenize: BleuTokenizerName;
  readonly lowercase: boolean;
  readonly smoothMethod: BleuSmoothMethod;
  /** The value actually used (the method's default when not given; 0 for `exp`/`none`, which ignore it). */
  readonly smoothValue: number;
  readonly maxNgramOrder: number;
  readonly effectiveOrder: boolean;
}

export const BLEU_TOKENIZERS: readonly BleuTokenizerName[] = ['13a', 'intl', 'zh', 'char', 'none'];
export const BLEU_SMOOTH_METHODS: readonly BleuSmoothMethod[] = ['exp', 'floor', 'add-k', 'none'];
export const BLEU_OPTION_NAMES = ['tokenize', 'lowercase', 'smoothMethod', 'smoothValue', 'maxNgramOrder', 'effectiveOrder', 'trgLang'] as const;
/** Largest `smoothValue`: 100 · (count + value) stays far from overflow. */
const MAX_SMOOTH_VALUE = 1e300;
const SMOOTH_DEFAULTS: Readonly<Record<BleuSmoothMethod, number>> = { exp: 0, floor: 0.1, 'add-k': 1, none: 0 };

/**
 * Validates BLEU options and applies the defaults.
 *
 * @param fn - The calling function's name, for error messages.
 * @param options - The user's options (may be undefined).
 * @param effectiveOrderDefault - `false` for corpus scoring, `true` for sentence scoring.
 * @param extra - Further option names the caller accepts (and handles itself).
 * @internal
 */
export function resolveBleuOptions(fn: string, options: unknown, effectiveOrderDefault = false, extra: readonly string[] = []): ResolvedBleuOptions {
  const o = checkOptions<BleuOptions>(fn, options, [...BLEU_OPTION_NAMES, ...extra]);
  let trgLang = '';
  if (o.trgLang !== undefined) trgLang = checkString(fn, 'options.trgLang', o.trgLang);
  let fallback: BleuTokenizerName = '13a';
  if (o.tokenize === undefined) {
    if (trgLang === 'zh') fallback = 'zh';
    else if (trgLang === 'ja') {
      throw new RangeError(`${fn}: options.trgLang "ja" selects sacrebleu's ja-mecab tokenizer, which nlg-metrics does not have; pass options.tokenize`);
    }
  }
  const tokenize = checkEnum(fn, 'options.tokenize', o.tokenize, BLEU_TOKENIZERS, fallback);
  const lowercase = checkBoolean(fn, 'options.lowercase', o.lowercase, false);
  const smoothMethod = checkEnum(fn, 'options.smoothMethod', o.smoothMethod, BLEU_SMOOTH_METHODS, 'exp');
  let smoothValue = SMOOTH_DEFAULTS[smoothMethod];
  if (o.smoothValue !== undefined && o.smoothValue !== null) {
    if (typeof o.smoothValue !== 'number' || !Number.isFinite(o.smoothValue)) throw typeError(fn, 'options.smoothValue', 'a finite number', o.smoothValue);
    if (o.smoothValue < 0) throw rangeError(fn, 'options.smoothValue', '>= 0', o.smoothValue);
    // 100 · value must stay finite: sacrebleu would turn a larger value into a smoothed precision of inf.
    if (o.smoothValue > MAX_SMOOTH_VALUE) throw rangeError(fn, 'options.smoothValue', `at most ${MAX_SMOOTH_VALUE} (larger values overflow the smoothed precisions)`, o.smoothValue);
    if (smoothMethod === 'floor' || smoothMethod === 'add-k') smoothValue = o.smoothValue;
  }
  const maxNgramOrder = checkInteger(fn, 'options.maxNgramOrder', o.maxNgramOrder, 4, 1, 1000);
  const effectiveOrder = checkBoolean(fn, 'options.effectiveOrder', o.effectiveOrder, effectiveOrderDefault);
  return { tokenize, lowercase, smoothMethod, smoothValue, maxNgramOrder, effectiveOrder };
}

/** Length of a statistics row for `maxNgramOrder` N: `2 + 2N + 3`. @internal */
export function bleuStatsWidth(maxNgramOrder: number): number {
  return 2 * maxNgramOrder + 5;
}

/** The tokens BLEU counts: each sacrebleu tokenizer's output split on Python white space (`str.split()`). */
const TOKENS: Readonly<Record<BleuTokenizerName, (s: string) => string[]>> = {
  '13a': tokens13a,
  intl: tokensIntl,
  zh: tokensZh,
  char: tokensChar,
  none: pySplit,
};

/** A cached reference: its token ids and, once a segment needs them, the ids of its n-grams of each order. */
interface RefEntry {
  readonly ids: number[];
  grams: Int32Array[] | null;
}

/** Stands for a hypothesis word that occurs in no reference: larger than any id, so it matches nothing. */
const UNSEEN = 0x7fffffff;

/** Makes `a` at least `size` long, padding with zeros (plain arrays: small typed arrays live off the heap and
 * cost more to allocate than a whole sentence's counting). */
function zeroFill(a: number[], size: number): void {
  while (a.length < size) a.push(0);
}

/**
 * Turns segments into BLEU statistics rows. One instance per computation (a corpus call, an accumulator):
 * it owns the vocabulary, the n-gram space, the reference cache and the scratch arrays. Not shared between
 * computations and never module-level.
 *
 * A segment with one reference (the usual case) is counted with the core's {@link NgramMatcher}: clipped
 * n-gram overlap of two token-id sequences without interning any n-gram. Several references (whose counts
 * are maxed per n-gram) or a pathologically repetitive pair intern the references' n-grams in an
 * {@link NgramSpace} and clip by id.
 * @internal
 */
export class BleuCounter {
  /** Length of a statistics row. */
  readonly width: number;
  private readonly vocab = new Vocabulary();
  private readonly space = new NgramSpace();
  private readonly matcher = new NgramMatcher();
  private readonly refs = new Map<string, RefEntry>();
  private readonly tok: (s: string) => string[];
  private readonly order: number;
  private readonly lowercase: boolean;
  /** Per order: max reference count of each n-gram id in the current segment (all zero between segments). */
  private readonly refCnt: number[][] = [];
  /** Per order: hypothesis count of each n-gram id so far in the current segment (all zero between segments). */
  private readonly hypCnt: number[][] = [];
  /** Per order: one reference's counts while taking the maximum over several references. */
  private readonly tmpCnt: number[][] = [];
  /** Per order: the hypothesis' n-gram ids (-1 = matches nothing in this segment), reused across segments. */
  private readonly hypIds: number[][] = [];
  /**
   * Per order n >= 2, the n-grams of this segment's references as lists keyed by their (n-1)-gram prefix:
   * `head[n][prefix]` = 1 + index of the first entry, `extToken`/`extId`/`extNext` the entries (token, n-gram
   * id, 1 + next index). A hypothesis n-gram finds its reference id by walking one short list: no hashing.
   */
  private readonly head: number[][] = [];
  private readonly extToken: number[] = [];
  private readonly extId: number[] = [];
  private readonly extNext: number[] = [];
  /** The current segment's clipped matches per order. */
  private readonly correct: number[] = [];

  constructor(options: ResolvedBleuOptions) {
    this.order = options.maxNgramOrder;
    this.width = bleuStatsWidth(this.order);
    this.tok = TOKENS[options.tokenize];
    this.lowercase = options.lowercase;
    for (let n = 0; n < this.order; n++) {
      this.refCnt.push([]);
      this.hypCnt.push([]);
      this.tmpCnt.push([]);
      this.hypIds.push([]);
      this.head.push([]);
      this.correct.push(0);
    }
  }

  /**
   * sacrebleu's `_preprocess_segment` and `str.split()`: optional `lower()`, the tokenizer on the
   * Python-rstripped text, split on white space; returns the token ids. References intern their words; a
   * hypothesis only looks them up (a word in no reference becomes {@link UNSEEN}).
   */
  private toIds(text: string, intern: boolean): number[] {
    // Python's str.lower() (Unicode 14), not toLowerCase: newer engines also lowercase letters added later.
    const tokens = this.tok(pyRstrip(this.lowercase ? pyLower(text) : text));
    const k = tokens.length;
    const ids = new Array<number>(k);
    const vocab = this.vocab;
    if (intern) for (let i = 0; i < k; i++) ids[i] = vocab.id(tokens[i] as string);
    else {
      for (let i = 0; i < k; i++) {
        const id = vocab.find(tokens[i] as string);
        ids[i] = id < 0 ? UNSEEN : id;
      }
    }
    return ids;
  }

  /** The cached token ids of a reference string, tokenized on first sight only. */
  private reference(text: string): RefEntry {
    let e = this.refs.get(text);
    if (e === undefined) {
      e = { ids: this.toIds(text, true), grams: null };
      this.refs.set(text, e);
    }
    return e;
  }

  /** The interned n-gram ids of a reference (computed once, when a segment first needs them). */
  private grams(e: RefEntry): Int32Array[] {
    if (e.grams === null) e.grams = this.space.ladder(e.ids, this.order);
    return e.grams;
  }

  /** Grows the scratch arrays of order index `n` (0-based) to hold ids below `size`. */
  private fit(n: number, size: number): void {
    zeroFill(this.refCnt[n] as number[], size);
    zeroFill(this.hypCnt[n] as number[], size);
    zeroFill(this.tmpCnt[n] as number[], size);
  }

  /**
   * Adds the statistics of one segment into `out` at `offset` (element-wise +=).
   *
   * @param hypothesis - The hypothesis (raw text).
   * @param references - Its references (raw texts, at least one; `''` is a real, empty reference).
   * @param out - The row(s) to add into.
   * @param offset - Where this segment's row starts in `out`.
   */
  addSegment(hypothesis: string, references: readonly string[], out: Float64Array, offset = 0): void {
    const N = this.order;
    const nrefs = references.length;
    const entries: RefEntry[] = new Array<RefEntry>(nrefs);
    for (let r = 0; r < nrefs; r++) entries[r] = this.reference(references[r] as string);
    const hyp = this.toIds(hypothesis, false);
    const hypLen = hyp.length;

    const correct = this.correct;
    let counted = false;
    if (nrefs === 1) {
      // One reference: clipped overlap per order straight from the two token sequences.
      const ref = (entries[0] as RefEntry).ids;
      counted = true;
      for (let n = 1; n <= N && counted; n++) {
        const c = this.matcher.overlap(ref, hyp, n);
        correct[n - 1] = c;
        if (c < 0) counted = false; // too repetitive for the matcher's work bound: intern instead
      }
    }
    if (!counted) this.countInterned(entries, hyp);
    for (let n = 0; n < N; n++) out[offset + 2 + n] = (out[offset + 2 + n] as number) + (correct[n] as number);
    for (let n = 0; n < N; n++) out[offset + 2 + N + n] = (out[offset + 2 + N + n] as number) + (hypLen > n ? hypLen - n : 0);

    // Closest reference length, ties to the shorter one (sacrebleu's _get_closest_ref_len).
    let closest = (entries[0] as RefEntry).ids.length;
    let closestDiff = Math.abs(hypLen - closest);
    for (let r = 1; r < nrefs; r++) {
      const len = (entries[r] as RefEntry).ids.length;
      const diff = Math.abs(hypLen - len);
      if (diff < closestDiff || (diff === closestDiff && len < closest)) {
        closestDiff = diff;
        closest = len;
      }
    }
    out[offset] = (out[offset] as number) + hypLen;
    out[offset + 1] = (out[offset + 1] as number) + closest;
    out[offset + 2 + 2 * N] = (out[offset + 2 + 2 * N] as number) + 1;
    out[offset + 3 + 2 * N] = (out[offset + 3 + 2 * N] as number) + nrefs;
    out[offset + 4 + 2 * N] = (out[offset + 4 + 2 * N] as number) + nrefs * nrefs;
  }

  /**
   * Clipped matches of a segment by interned n-gram ids, into `this.correct`: reference counts are the
   * per-n-gram maximum over the references (sacrebleu's merge of Counters); an occurrence in the hypothesis
   * matches while its count so far is below the reference count.
   */
  private countInterned(entries: readonly RefEntry[], hyp: readonly number[]): void {
    const N = this.order;
    const nrefs = entries.length;
    const hypLen = hyp.length;
    const grams = entries.map((e) => this.grams(e));
    // Ids are final for this segment: references are interned, the hypothesis only looks them up.
    this.fit(0, this.vocab.size);
    for (let n = 1; n < N; n++) this.fit(n, this.space.ofOrder(n + 1).size);

    for (let n = 0; n < N; n++) {
      const rc = this.refCnt[n] as number[];
      if (nrefs === 1) {
        const g = (grams[0] as Int32Array[])[n] as Int32Array;
        for (let i = 0; i < g.length; i++) {
          const id = g[i] as number;
          rc[id] = (rc[id] as number) + 1;
        }
      } else {
        const tc = this.tmpCnt[n] as number[];
        for (let r = 0; r < nrefs; r++) {
          const g = (grams[r] as Int32Array[])[n] as Int32Array;
          for (let i = 0; i < g.length; i++) {
            const id = g[i] as number;
            tc[id] = (tc[id] as number) + 1;
          }
          for (let i = 0; i < g.length; i++) {
            const id = g[i] as number;
            if ((tc[id] as number) > (rc[id] as number)) rc[id] = tc[id] as number;
          }
          for (let i = 0; i < g.length; i++) tc[g[i] as number] = 0;
        }
      }
    }

    // Hypothesis n-gram ids: unigrams are word ids (-1 for a word in no reference); order >= 2 the id of the
    // same n-gram in a reference of this segment, found through the prefix lists, or -1.
    const uni = this.hypIds[0] as number[];
    zeroFill(uni, hypLen);
    for (let i = 0; i < hypLen; i++) {
      const t = hyp[i] as number;
      uni[i] = t === UNSEEN ? -1 : t;
    }
    let prev = uni;
    for (let n = 1; n < N; n++) {
      const head = this.linkReferences(n, grams);
      const len = hypLen - n;
      const cur = this.hypIds[n] as number[];
      zeroFill(cur, len);
      const extToken = this.extToken;
      const extId = this.extId;
      const extNext = this.extNext;
      for (let i = 0; i < len; i++) {
        const p = prev[i] as number;
        const t = uni[i + n] as number;
        let id = -1;
        if (p >= 0 && t >= 0) {
          for (let e = head[p] as number; e !== 0; e = extNext[e - 1] as number) {
            if (extToken[e - 1] === t) {
              id = extId[e - 1] as number;
              break;
            }
          }
        }
        cur[i] = id;
      }
      for (let r = 0; r < nrefs; r++) {
        const g = (grams[r] as Int32Array[])[n - 1] as Int32Array;
        for (let i = 0; i < g.length; i++) head[g[i] as number] = 0;
      }
      prev = cur;
    }

    for (let n = 0; n < N; n++) {
      const g = this.hypIds[n] as number[];
      const len = hypLen > n ? hypLen - n : 0;
      const rc = this.refCnt[n] as number[];
      const hc = this.hypCnt[n] as number[];
      let correct = 0;
      for (let i = 0; i < len; i++) {
        const id = g[i] as number;
        if (id < 0) continue;
        const h = hc[id] as number;
        if (h < (rc[id] as number)) correct++;
        hc[id] = h + 1;
      }
      for (let i = 0; i < len; i++) {
        const id = g[i] as number;
        if (id >= 0) hc[id] = 0;
      }
      for (let r = 0; r < nrefs; r++) {
        const rg = (grams[r] as Int32Array[])[n] as Int32Array;
        for (let i = 0; i < rg.length; i++) rc[rg[i] as number] = 0;
      }
      this.correct[n] = correct;
    }
  }

  /**
   * Links the n-grams of order `n + 1` of this segment's references into lists by prefix (see `head`) and
   * returns the heads; the caller clears them (`head[prefix] = 0`) for the prefixes of the references.
   */
  private linkReferences(n: number, grams: readonly Int32Array[][]): number[] {
    const head = this.head[n] as number[];
    zeroFill(head, n === 1 ? this.vocab.size : this.space.ofOrder(n).size);
    let total = 0;
    for (const g of grams) total += (g[n] as Int32Array).length;
    zeroFill(this.extToken, total);
    zeroFill(this.extId, total);
    zeroFill(this.extNext, total);
    const extToken = this.extToken;
    const extId = this.extId;
    const extNext = this.extNext;
    let k = 0;
    for (const g of grams) {
      const prefixes = g[n - 1] as Int32Array;
      const unigrams = g[0] as Int32Array;
      const ids = g[n] as Int32Array;
      for (let j = 0; j < ids.length; j++) {
        const p = prefixes[j] as number;
        extToken[k] = unigrams[j + n] as number;
        extId[k] = ids[j] as number;
        extNext[k] = head[p] as number;
        head[p] = ++k;
      }
    }
    return head;
  }
}

/**
 * The statistics row of one segment: `[sysLen, refLen, correct_1..N, total_1..N, 1, nrefs, nrefs²]`.
 *
 * @param hypothesis - The hypothesis.
 * @param references - Its reference(s).
 * @param options - Resolved options ({@link resolveBleuOptions}).
 * @returns A new row of plain numbers; rows of a corpus add up element-wise.
 * @internal
 */
export function bleuSegmentStats(hypothesis: string, references: string | readonly string[], options: ResolvedBleuOptions): number[] {
  const refs = typeof references === 'string' ? [references] : references;
  const row = new Float64Array(bleuStatsWidth(options.maxNgramOrder));
  new BleuCounter(options).addSegment(hypothesis, refs, row);
  return Array.from(row);
}

/**
 * The statistics rows of a corpus, packed row-major in one array (`n × width`), for bootstrap resampling and
 * paired tests. References are tokenized once per distinct string. @internal
 */
export function bleuCorpusRows(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: ResolvedBleuOptions,
): { data: Float64Array; n: number; width: number } {
  const counter = new BleuCounter(options);
  const n = hypotheses.length;
  const width = counter.width;
  const data = new Float64Array(n * width);
  for (let i = 0; i < n; i++) counter.addSegment(hypotheses[i] as string, references[i] as readonly string[], data, i * width);
  return { data, n, width };
}

/** sacrebleu's `my_log`: log, with log(0) floored to −9999999999. */
function myLog(x: number): number {
  return x === 0 ? -9999999999 : log(x);
}

/** The BLEU score alone from summed statistics (the hot path of bootstrap resampling). @internal */
export function bleuScoreOnly(stats: ArrayLike<number>, options: ResolvedBleuOptions): number {
  return computeBleu(stats, options, null);
}

/**
 * sacrebleu's `BLEU.compute_bleu`, on a copy (never mutating `stats`). Fills `parts` when given.
 * Deliberate quirks kept for parity: `add-k` adds k to counts and totals of orders >= 2 and those modified
 * values are reported; no match at all gives 0 with all precisions 0 but bp still computed; a zero total
 * stops the loop; log(0) = −9999999999; `exp` smoothing halves 100/total for each successive zero order.
 */
function computeBleu(
  stats: ArrayLike<number>,
  o: ResolvedBleuOptions,
  parts: { counts: number[]; totals: number[]; precisions: number[]; bp: number } | null,
): number {
  const N = o.maxNgramOrder;
  const sysLen = stats[0] as number;
  const refLen = stats[1] as number;
  const bp = sysLen < refLen ? (sysLen > 0 ? exp(1 - refLen / sysLen) : 0) : 1;
  const counts = new Array<number>(N);
  const totals = new Array<number>(N);
  const precisions = new Array<number>(N).fill(0);
  let anyMatch = false;
  for (let n = 0; n < N; n++) {
    counts[n] = stats[2 + n] as number;
    totals[n] = stats[2 + N + n] as number;
    if (counts[n] !== 0) anyMatch = true;
  }
  if (parts) {
    parts.counts = counts;
    parts.totals = totals;
    parts.precisions = precisions;
    parts.bp = bp;
  }
  if (!anyMatch) return 0;
  const k = o.smoothValue;
  let smoothMteval = 1;
  let effOrder = N;
  for (let n = 1; n <= N; n++) {
    if (o.smoothMethod === 'add-k' && n > 1) {
      counts[n - 1] = (counts[n - 1] as number) + k;
      totals[n - 1] = (totals[n - 1] as number) + k;
    }
    const t = totals[n - 1] as number;
    if (t === 0) break;
    if (o.effectiveOrder) effOrder = n;
    const c = counts[n - 1] as number;
    if (c === 0) {
      if (o.smoothMethod === 'exp') {
        smoothMteval *= 2;
        precisions[n - 1] = 100 / (smoothMteval * t);
      } else if (o.smoothMethod === 'floor') {
        precisions[n - 1] = (100 * k) / t;
      }
    } else {
      precisions[n - 1] = (100 * c) / t;
    }
  }
  // Python's built-in sum(): left to right, starting from 0.
  let logSum = 0;
  for (let n = 0; n < effOrder; n++) logSum += myLog(precisions[n] as number);
  return bp * exp(logSum / effOrder);
}

/** The signature fields of BLEU for given options and reference counts (before `version`). @internal */
export function bleuSignatureParts(o: ResolvedBleuOptions, nrefs: number | 'var', prefix: readonly SignaturePart[] = []): SignaturePart[] {
  let smooth: string = o.smoothMethod;
  if (o.smoothMethod === 'floor' || o.smoothMethod === 'add-k') smooth += `[${pyFixed(o.smoothValue, 2)}]`;
  return [
    ['nrefs', nrefs],
    ...prefix,
    ['case', o.lowercase ? 'lc' : 'mixed'],
    ['eff', o.effectiveOrder],
    ['tok', o.tokenize],
    ['smooth', smooth],
  ];
}

/**
 * A {@link BleuResult} from summed statistics rows (never modifies `stats`).
 *
 * @param stats - The element-wise sum of segment rows ({@link bleuSegmentStats}).
 * @param options - The resolved options the rows were made with.
 * @internal
 */
export function finalizeBleu(stats: ArrayLike<number>, options: ResolvedBleuOptions): BleuResult {
  const N = options.maxNgramOrder;
  const parts = { counts: [] as number[], totals: [] as number[], precisions: [] as number[], bp: 0 };
  const score = computeBleu(stats, options, parts);
  const sysLen = stats[0] as number;
  const refLen = stats[1] as number;
  const nrefs = nrefsField(stats[2 + 2 * N] as number, stats[3 + 2 * N] as number, stats[4 + 2 * N] as number);
  return {
    score,
    counts: parts.counts,
    totals: parts.totals,
    precisions: parts.precisions,
    bp: parts.bp,
    sysLen,
    refLen,
    ratio: refLen ? sysLen / refLen : 0,
    signature: formatSignature(bleuSignatureParts(options, nrefs)),
  };
}


/**
 * Corpus BLEU, exactly as sacrebleu computes it.
 *
 * @param hypotheses - One hypothesis per segment.
 * @param references - Per segment, its reference (a string) or references (a non-empty array; the arrays may
 *   differ in length, which makes the signature say `nrefs:var`). `''` is a real, empty reference.
 * @param options - {@link BleuOptions}; `effectiveOrder` defaults to false.
 * @returns The score (0..100) with counts, totals, precisions, brevity penalty, lengths and signature.
 * @throws TypeError or RangeError naming the argument: lengths differ, a segment is not a string, an unknown
 *   option, tokenizer or smoothing method, `maxNgramOrder < 1`, a negative `smoothValue`.
 * @remarks Reproduces `sacrebleu.metrics.BLEU(**options).corpus_score(hypotheses, reference_streams)` of
 *   sacrebleu 2.6.0 (references here are per segment, not sacrebleu's transposed streams; a `None` in a
 *   stream is simply a missing entry here). An empty corpus scores 0.
 * @example
 * ```ts
 * corpusBleu(['the cat sat on a mat'], ['the cat sat on the mat']).score; // 53.728496591177105
 * corpusBleu(['the cat sat on a mat'], ['the cat sat on the mat']).signature;
 * // 'nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:nlg-metrics-0.1.0'
 * // A perfect match prints as sacrebleu's does: exp(log(100)) in floating point.
 * corpusBleu(['the cat sat on the mat'], [['the cat sat on the mat']]).score; // 100.00000000000004
 * ```
 */
export function corpusBleu(
  hypotheses: readonly string[],
  references: readonly (string | readonly string[])[],
  options?: BleuOptions,
): BleuResult {
  const fn = 'corpusBleu';
  const o = resolveBleuOptions(fn, options, false);
  const c = checkCorpus(fn, hypotheses, references);
  const counter = new BleuCounter(o);
  const sum = new Float64Array(counter.width);
  for (let i = 0; i < c.hypotheses.length; i++) counter.addSegment(c.hypotheses[i] as string, c.references[i] as readonly string[], sum);
  return finalizeBleu(sum, o);
}

/**
 * Sentence BLEU of one hypothesis, as sacrebleu's `sentence_bleu` computes it.
 *
 * @param hypothesis - The hypothesis.
 * @param references - Its reference or references (non-empty).
 * @param options - {@link BleuOptions}. `effectiveOrder` defaults to **true**, as `sacrebleu.sentence_bleu`
 *   does; note that sacrebleu's other entry point, `BLEU().sentence_score`, defaults to false — pass
 *   `effectiveOrder: false` to reproduce that one.
 * @returns The score (0..100) with its parts and signature.
 * @throws TypeError or RangeError naming the argument, as {@link corpusBleu}.
 * @remarks Reproduces `sacrebleu.sentence_bleu(hypothesis, references, **options)` =
 *   `BLEU(effective_order=True, ...).sentence_score(hypothesis, references)` of sacrebleu 2.6.0. Equal to
 *   {@link corpusBleu} of the one segment with the same options.
 * @example
 * ```ts
 * sentenceBleu('the cat sat on a mat', 'the cat sat on the mat').score; // 53.728496591177105
 * // Effective order: only unigrams and bigrams exist; the zero bigram match is smoothed to 50.
 * sentenceBleu('the cat', ['a cat', 'the dog']).precisions; // [100, 50, 0, 0]
 * sentenceBleu('the cat', ['a cat', 'the dog']).score; // 70.71067811865478
 * ```
 */
export function sentenceBleu(hypothesis: string, references: string | readonly string[], options?: BleuOptions): BleuResult {
  const fn = 'sentenceBleu';
  const o = resolveBleuOptions(fn, options, true);
  checkString(fn, 'hypothesis', hypothesis);
  const refs = checkReferences(fn, 'references', references);
  const counter = new BleuCounter(o);
  const row = new Float64Array(counter.width);
  counter.addSegment(hypothesis, refs, row);
  return finalizeBleu(row, o);
}
