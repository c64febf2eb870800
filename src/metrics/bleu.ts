/**
 * BLEU as sacrebleu 2.x computes it (Papineni et al. 2002, with sacrebleu's tokenizers and smoothing).
 *
 * Sufficient statistics + finalize: a segment becomes one row
 * `[sysLen, refLen, correct_1..N, total_1..N, 1, nrefs, nrefs²]` (sacrebleu's row plus three additive fields
 * that let the signature's `nrefs` survive summing and merging); a corpus is the element-wise sum of its
 * rows, finalized once by {@link finalizeBleu}.
 *
 * Counting is by integer ids, made from the tokenizer's spans without a string per token (see
 * {@link BleuCounter}): references cached by string (a reference string is tokenized once per call), each
 * numbering its own tokens; a single reference is clipped against with the core's `ChainMatcher` (all orders
 * in one pass, no n-gram interning), several references through corpus-wide token ids and n-grams interned
 * in one `NgramSpace`. No token or n-gram is ever a string key, so `__proto__` or `constructor` are words
 * like any other.
 */
import { exp, log } from '../internal/fdlibm.js';
import { isPyWhitespace } from '../internal/pywhitespace.js';
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
import { extend, NgramSpace } from '../ngram/counter.js';
import { TokenInterner } from '../ngram/interner.js';
import { CHAIN_MAX_ORDER, ChainMatcher } from '../ngram/chainMatcher.js';
import { scanSplit, Spans } from '../tokenize/internal/spans.js';
import { scan13a } from '../tokenize/sacrebleu13a.js';
import { scanChar } from '../tokenize/sacrebleuChar.js';
import { scanIntl } from '../tokenize/sacrebleuIntl.js';
import { scanZh } from '../tokenize/sacrebleuZh.js';
import { pyLower } from '../internal/pyLower.js';
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

/** The scans of sacrebleu's tokenizers as BLEU counts them (the output split on Python white space), as spans. */
const SCANNERS: Readonly<Record<BleuTokenizerName, (text: string, to: number, scan: Spans) => void>> = {
  '13a': scan13a,
  intl: scanIntl,
  zh: scanZh,
  char: scanChar,
  none: scanSplit,
};

/** `a` if it holds `size` entries, else a copy at least twice as long. */
function fitInt32(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (a.length >= size) return a;
  const b = new Int32Array(Math.max(size, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * How a token is looked up in a reference's dictionary: by its *ends*, `first << 16 | last` (its first and last
 * code units, exactly, as an int32), and its length; a token of one or two units is equal to an entry with the
 * same ends and length, a longer one also has its inner units compared. No hash of the whole token: reading
 * all of its units again is what lookups cost most.
 */
function slotOfEnds(ends: number, len: number, mask: number): number {
  const h = Math.imul(ends ^ Math.imul(len, 0x9e3779b1), 0x85ebca77);
  return (h ^ (h >>> 15)) & mask;
}

/**
 * True when the inner units of `a[aFrom, aFrom + len)` equal those of `b[bFrom, bFrom + len)` (the ends are
 * already known to be equal).
 */
function sameInner(a: string, aFrom: number, b: string, bFrom: number, len: number): boolean {
  for (let k = 1; k < len - 1; k++) if (a.charCodeAt(aFrom + k) !== b.charCodeAt(bFrom + k)) return false;
  return true;
}

/** Width of the statistics row the scratch holds: that of the default order, 4. */
const ROW_WIDTH = 13;
/** First capacities of a counter's scratch arrays: tokens per line, distinct tokens per reference. */
const FIRST_TOKENS = 64;
const FIRST_DISTINCT = 64;
/**
 * Bytes of the buffer that holds them (see newScratch): per token 5 int32 (ids, chains, hypothesis ids,
 * the chain matcher's 2), per distinct token 14 (3 for the dictionary, first and last positions, occurrences,
 * 8 for the hash table: 2 a slot, load <= 1/4), and the chain matcher's difference array.
 */
const ARENA_BYTES = 8 * ROW_WIDTH + 4 * (5 * FIRST_TOKENS + 14 * FIRST_DISTINCT + CHAIN_MAX_ORDER + 1);

/**
 * A counter's scratch arrays (see {@link BleuCounter}), all of them reused whatever they held: each is written
 * before it is read, except the hash table, whose first `tableDirty` entries may be non-zero.
 */
interface BleuScratch {
  tok: Int32Array<ArrayBuffer>;
  next: Int32Array<ArrayBuffer>;
  hyp: Int32Array<ArrayBuffer>;
  dict: Int32Array<ArrayBuffer>;
  first: Int32Array<ArrayBuffer>;
  occurrences: Int32Array<ArrayBuffer>;
  last: Int32Array<ArrayBuffer>;
  table: Int32Array<ArrayBuffer>;
  tableDirty: number;
  chains: ChainMatcher;
  /** A statistics row for one segment (sized for the default order; see {@link BleuCounter.segmentRow}). */
  row: Float64Array<ArrayBuffer>;
}

/** New scratch arrays: views of one buffer (a typed array over 64 bytes is allocated outside the heap). */
function newScratch(): BleuScratch {
  const arena = new ArrayBuffer(ARENA_BYTES);
  const row = new Float64Array(arena, 0, ROW_WIDTH);
  let at = 8 * ROW_WIDTH;
  const ints = (n: number): Int32Array<ArrayBuffer> => {
    const a = new Int32Array(arena, at, n);
    at += 4 * n;
    return a;
  };
  return {
    tok: ints(FIRST_TOKENS),
    next: ints(FIRST_TOKENS),
    hyp: ints(FIRST_TOKENS),
    dict: ints(3 * FIRST_DISTINCT),
    first: ints(FIRST_DISTINCT),
    occurrences: ints(FIRST_DISTINCT),
    last: ints(FIRST_DISTINCT),
    table: ints(8 * FIRST_DISTINCT),
    tableDirty: 0,
    chains: new ChainMatcher(ints(2 * FIRST_TOKENS), ints(CHAIN_MAX_ORDER + 1)),
    row,
  };
}

/**
 * Turns segments into BLEU statistics rows. One instance per computation (a corpus call, an accumulator):
 * it owns the reference cache and the scratch arrays. Not shared between computations and never
 * module-level.
 *
 * Text becomes token ids without a string per token: the tokenizer's scan gives the tokens as spans of the
 * text. A reference string is scanned once per computation and numbers its distinct tokens itself: its
 * *dictionary* (each token's ends, length and place in the reference text, and where it first occurs) and the chain of
 * positions of each token. A hypothesis only needs to know which reference token each of its tokens is, so it
 * looks them up in a small table of its reference's dictionary (hot in cache, unlike a corpus-wide
 * vocabulary); a token the reference lacks gets an id that matches nothing. The clipped counts of a segment
 * with one reference (the usual case) then come from the core's {@link ChainMatcher}, all orders in one pass.
 * Several references (whose counts are maxed per n-gram), orders above 30 and pathologically repetitive
 * pairs are counted on corpus-wide ids from a {@link TokenInterner}, their n-grams interned in an
 * {@link NgramSpace}.
 * @internal
 */
export class BleuCounter {
  /** Length of a statistics row. */
  readonly width: number;
  private readonly scan = new Spans();
  private readonly scanner: (text: string, to: number, scan: Spans) => void;
  private readonly chains: ChainMatcher;
  /** The scratch statistics row (see segmentRow). */
  private readonly row: Float64Array<ArrayBuffer>;
  private readonly order: number;
  private readonly lowercase: boolean;

  /** Distinct references: their number by string. */
  private readonly refNumber = new Map<string, number>();
  /** Per reference: the string its tokens are spans of (the reference, or its preprocessed copy). */
  private readonly refText: string[] = [];
  /**
   * Per reference: its token ids, numbered by the reference itself (0 … distinct − 1), at
   * `tok[refTokAt[r], + refLen[r])`, and the occurrence chains at the same place in `next` (the next position
   * holding the same token, or -1).
   */
  private readonly refTokAt: number[] = [];
  private readonly refLen: number[] = [];
  /**
   * Per reference: its dictionary, `[ends, start, length]` per distinct token in order of id, at
   * `dict[3 · refDictAt[r], + 3 · refDistinct[r])` (the token is `refText[r].slice(start, start + length)`), and the
   * first position and the number of occurrences of each token at `first[refDictAt[r], + refDistinct[r])` and the
   * same place in `occurrences`.
   */
  private readonly refDictAt: number[] = [];
  private readonly refDistinct: number[] = [];
  private tok: Int32Array<ArrayBuffer>;
  private next: Int32Array<ArrayBuffer>;
  private tokEnd = 0;
  private dict: Int32Array<ArrayBuffer>;
  private first: Int32Array<ArrayBuffer>;
  private occurrences: Int32Array<ArrayBuffer>;
  private dictEnd = 0;
  /** Scratch: the last position of each token while a reference is numbered. */
  private last: Int32Array<ArrayBuffer>;
  /**
   * Hash table of the dictionary being built or searched: per slot `[ends, id + 1]` (0 = empty), `tableMask + 1`
   * slots, holding reference `tableOwner`'s dictionary (-1: none).
   */
  private table: Int32Array<ArrayBuffer>;
  private tableDirty = 0;
  private tableMask = 0;
  private tableOwner = -1;
  /** The current hypothesis' token ids, and its length. */
  private hyp: Int32Array<ArrayBuffer>;
  private hypLen = 0;
  /** The current segment's clipped matches per order. */
  private readonly correct: Int32Array;

  // Several references: corpus-wide ids (see countInterned), made on first need.
  private interner: TokenInterner | null = null;
  private space: NgramSpace | null = null;
  /** Per reference: its tokens' corpus-wide ids, and the interned ids of its n-grams of each order. */
  private readonly refGlobal: (Int32Array | undefined)[] = [];
  private readonly refGrams: (Int32Array[] | undefined)[] = [];
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
  private extToken: number[] = [];
  private extId: number[] = [];
  private extNext: number[] = [];

  constructor(options: ResolvedBleuOptions) {
    this.order = options.maxNgramOrder;
    this.width = bleuStatsWidth(this.order);
    this.scanner = SCANNERS[options.tokenize];
    this.lowercase = options.lowercase;
    this.correct = new Int32Array(this.order);
    // The first scratch arrays are views of one new buffer (a typed array over 64 bytes is allocated outside
    // the heap, which for a single sentence costs more than its counting). Each is replaced by its own, larger
    // array when outgrown. They are never shared with another counter: no state outlives a computation.
    const scratch = newScratch();
    this.tok = scratch.tok;
    this.next = scratch.next;
    this.hyp = scratch.hyp;
    this.dict = scratch.dict;
    this.first = scratch.first;
    this.occurrences = scratch.occurrences;
    this.last = scratch.last;
    this.table = scratch.table;
    this.tableDirty = scratch.tableDirty;
    this.chains = scratch.chains;
    this.row = scratch.row;
  }

  /**
   * A zeroed row for one segment's statistics: the scratch one (valid until the next call), or a new one for
   * another width.
   */
  segmentRow(): Float64Array {
    if (this.row.length !== this.width) return new Float64Array(this.width);
    this.row.fill(0);
    return this.row;
  }

  /**
   * sacrebleu's `_preprocess_segment` and `str.split()`: optional `lower()`, the tokenizer on the
   * Python-rstripped text (the end found, not sliced), split on white space. Leaves the spans in `this.scan`.
   */
  private tokenize(text: string): void {
    // Python's str.lower() (Unicode 14), not toLowerCase: newer engines also lowercase letters added later.
    const s = this.lowercase ? pyLower(text) : text;
    let to = s.length;
    while (to > 0 && isPyWhitespace(s.charCodeAt(to - 1))) to--;
    this.scanner(s, to, this.scan);
  }

  /**
   * Empties the hash table and sizes it for `count` entries (load <= 1/4: a hypothesis token that is in no
   * reference, a third of them, probes until an empty slot); returns its mask.
   */
  private clearTable(count: number): number {
    let cap = 16;
    while (cap < 4 * count) cap *= 2;
    if (this.tableDirty > 0) this.table.fill(0, 0, this.tableDirty);
    if (this.table.length < 2 * cap) this.table = new Int32Array(2 * cap);
    this.tableDirty = 2 * cap;
    this.tableMask = cap - 1;
    return cap - 1;
  }

  /**
   * The id of the token `str[a, a + len)`, whose ends are `ends`, in the dictionary at `dictAt` through the
   * hash table (of `mask + 1` slots), or -1 − the empty slot where it would go.
   */
  private lookup(str: string, a: number, len: number, ends: number, mask: number, dictAt: number, refStr: string): number {
    const t = this.table;
    const dict = this.dict;
    let s = slotOfEnds(ends, len, mask);
    for (;;) {
      const v = t[2 * s + 1] as number;
      if (v === 0) return -1 - s;
      if (t[2 * s] === ends) {
        const d = 3 * (dictAt + v - 1);
        if (dict[d + 2] === len && (len <= 2 || sameInner(str, a, refStr, dict[d + 1] as number, len))) return v - 1;
      }
      s = (s + 1) & mask;
    }
  }

  /**
   * The number of a reference string, given on first sight (scanned later, on first use: see
   * {@link BleuCounter.reference}).
   */
  private referenceNumber(text: string): number {
    const known = this.refNumber.get(text);
    if (known !== undefined) return known;
    const r = this.refLen.length;
    this.refText.push('');
    this.refTokAt.push(0);
    this.refLen.push(-1); // not scanned yet
    this.refDictAt.push(0);
    this.refDistinct.push(0);
    this.refGlobal.push(undefined);
    this.refGrams.push(undefined);
    this.refNumber.set(text, r);
    return r;
  }

  /** The number of a reference string, scanned and given its dictionary on first use only. */
  private reference(text: string): number {
    const r = this.referenceNumber(text);
    if ((this.refLen[r] as number) < 0) this.scanReference(r, text);
    return r;
  }

  /** Scans reference `r` (the string `text`) and gives it its dictionary. */
  private scanReference(r: number, text: string): void {
    this.tokenize(text);
    const { text: str, n, at } = this.scan;
    const mask = this.clearTable(n);
    const t = this.table;
    const tokAt = this.tokEnd;
    const dictAt = this.dictEnd;
    const tok = (this.tok = fitInt32(this.tok, tokAt + n));
    const next = (this.next = fitInt32(this.next, tokAt + n));
    const dict = (this.dict = fitInt32(this.dict, 3 * (dictAt + n)));
    const first = (this.first = fitInt32(this.first, dictAt + n));
    const occurrences = (this.occurrences = fitInt32(this.occurrences, dictAt + n));
    const last = (this.last = fitInt32(this.last, n));
    let m = 0;
    for (let k = 0; k < n; k++) {
      const a = at[2 * k] as number;
      const b = at[2 * k + 1] as number;
      const len = b - a;
      const ends = (str.charCodeAt(a) << 16) | str.charCodeAt(b - 1);
      let id = this.lookup(str, a, len, ends, mask, dictAt, str);
      if (id < 0) {
        const s = -1 - id;
        id = m++;
        t[2 * s] = ends;
        t[2 * s + 1] = id + 1;
        const d = 3 * (dictAt + id);
        dict[d] = ends;
        dict[d + 1] = a;
        dict[d + 2] = len;
        first[dictAt + id] = k;
        occurrences[dictAt + id] = 1;
      } else {
        next[tokAt + (last[id] as number)] = k;
        occurrences[dictAt + id] = (occurrences[dictAt + id] as number) + 1;
      }
      last[id] = k;
      tok[tokAt + k] = id;
      next[tokAt + k] = -1;
    }
    this.refText[r] = str;
    this.refTokAt[r] = tokAt;
    this.refLen[r] = n;
    this.refDictAt[r] = dictAt;
    this.refDistinct[r] = m;
    this.tokEnd = tokAt + n;
    this.dictEnd = dictAt + m;
    this.tableOwner = r; // the table now holds this reference's dictionary
  }

  /**
   * Scans the hypothesis and writes into `this.hyp` the id of each token in reference `r`'s numbering
   * (`refDistinct[r]`, which matches nothing, for a token the reference lacks). Returns its length.
   */
  private hypothesisIn(text: string, r: number): number {
    const m = this.refDistinct[r] as number;
    const dictAt = this.refDictAt[r] as number;
    const dict = this.dict;
    let mask = this.tableMask;
    if (this.tableOwner !== r) {
      // Put the reference's dictionary back in the table (unless it was the last one built or searched).
      mask = this.clearTable(m);
      const t = this.table;
      for (let id = 0; id < m; id++) {
        const d = 3 * (dictAt + id);
        const ends = dict[d] as number;
        let s = slotOfEnds(ends, dict[d + 2] as number, mask);
        while (t[2 * s + 1] !== 0) s = (s + 1) & mask;
        t[2 * s] = ends;
        t[2 * s + 1] = id + 1;
      }
      this.tableOwner = r;
    }
    this.tokenize(text);
    const { text: str, n, at } = this.scan;
    const refStr = this.refText[r] as string;
    const hyp = (this.hyp = fitInt32(this.hyp, n));
    for (let k = 0; k < n; k++) {
      const a = at[2 * k] as number;
      const b = at[2 * k + 1] as number;
      const len = b - a;
      const id = this.lookup(str, a, len, (str.charCodeAt(a) << 16) | str.charCodeAt(b - 1), mask, dictAt, refStr);
      hyp[k] = id < 0 ? m : id;
    }
    return n;
  }

  /** The corpus-wide interner, made on first need (only segments with several references use it). */
  private vocabulary(): TokenInterner {
    if (this.interner === null) this.interner = new TokenInterner(256);
    return this.interner;
  }


  /** The corpus-wide token ids of reference `r` (made once, when a segment first needs them). */
  private globalIds(r: number): Int32Array {
    let g = this.refGlobal[r];
    if (g === undefined) {
      const interner = this.vocabulary();
      const m = this.refDistinct[r] as number;
      const dictAt = this.refDictAt[r] as number;
      const byLocal = new Int32Array(m);
      const str = this.refText[r] as string;
      for (let id = 0; id < m; id++) {
        const d = 3 * (dictAt + id);
        const a = this.dict[d + 1] as number;
        byLocal[id] = interner.internRange(str, a, a + (this.dict[d + 2] as number));
      }
      const len = this.refLen[r] as number;
      const at = this.refTokAt[r] as number;
      g = new Int32Array(len);
      for (let i = 0; i < len; i++) g[i] = byLocal[this.tok[at + i] as number] as number;
      this.refGlobal[r] = g;
    }
    return g;
  }

  /** Scans the hypothesis into corpus-wide ids in `this.hyp`; returns its length. */
  private hypothesisGlobal(text: string): number {
    const interner = this.vocabulary();
    this.tokenize(text);
    const { text: str, n, at } = this.scan;
    const hyp = (this.hyp = fitInt32(this.hyp, n));
    for (let k = 0; k < n; k++) hyp[k] = interner.internRange(str, at[2 * k] as number, at[2 * k + 1] as number);
    return n;
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
    this.addNumbered(hypothesis, references, -1, out, offset);
  }

  /**
   * Adds the statistics of a whole corpus into `out` (element-wise +=), in an order that keeps each reference
   * in cache: segments whose first references are the same string are counted one after another (in order of
   * first appearance; a corpus whose references all differ is counted in its own order). Segment i's row is
   * added at `i · stride`: with stride 0 every row goes into one sum, which is the same in any order (its
   * entries are integers far below 2^53, added exactly).
   *
   * @param hypotheses - One hypothesis per segment.
   * @param references - Per segment, its references (at least one each).
   * @param out - The row(s) to add into.
   * @param stride - 0 (one sum) or the row width (one row per segment).
   */
  addCorpus(hypotheses: readonly string[], references: readonly (readonly string[])[], out: Float64Array, stride = 0): void {
    const n = hypotheses.length;
    // Numbering the references (a string lookup each, which counting them would do anyway) shows which repeat.
    const before = this.refLen.length;
    const firstRef = new Int32Array(n);
    for (let i = 0; i < n; i++) firstRef[i] = this.referenceNumber((references[i] as readonly string[])[0] as string);
    const numbers = this.refLen.length;
    if (numbers - before === n) {
      for (let i = 0; i < n; i++) this.addNumbered(hypotheses[i] as string, references[i] as readonly string[], firstRef[i] as number, out, i * stride);
      return;
    }
    // Counting sort of the segments by their first reference's number (= order of first appearance).
    const start = new Int32Array(numbers + 1);
    for (let i = 0; i < n; i++) {
      const g = (firstRef[i] as number) + 1;
      start[g] = (start[g] as number) + 1;
    }
    for (let r = 0; r < numbers; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const g = firstRef[i] as number;
      const at = start[g] as number;
      order[at] = i;
      start[g] = at + 1;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k] as number;
      this.addNumbered(hypotheses[i] as string, references[i] as readonly string[], firstRef[i] as number, out, i * stride);
    }
  }

  /** {@link BleuCounter.addSegment}, with the first reference's number when known (else -1). */
  private addNumbered(hypothesis: string, references: readonly string[], firstNumber: number, out: Float64Array, offset: number): void {
    const N = this.order;
    const nrefs = references.length;
    let first = firstNumber;
    if (first < 0) first = this.reference(references[0] as string);
    else if ((this.refLen[first] as number) < 0) this.scanReference(first, references[0] as string);
    const refLen = this.refLen;
    const correct = this.correct;
    let hypLen: number;
    // Closest reference length, ties to the shorter one (sacrebleu's _get_closest_ref_len).
    let closest = refLen[first] as number;
    if (nrefs === 1 && this.countSingle(hypothesis, first)) {
      hypLen = this.hypLen;
    } else {
      const refs: number[] = [first];
      for (let r = 1; r < nrefs; r++) refs.push(this.reference(references[r] as string));
      hypLen = this.hypothesisGlobal(hypothesis);
      this.countInterned(refs, hypLen);
      let closestDiff = Math.abs(hypLen - closest);
      for (let r = 1; r < nrefs; r++) {
        const len = refLen[refs[r] as number] as number;
        const diff = Math.abs(hypLen - len);
        if (diff < closestDiff || (diff === closestDiff && len < closest)) {
          closestDiff = diff;
          closest = len;
        }
      }
    }
    for (let n = 0; n < N; n++) out[offset + 2 + n] = (out[offset + 2 + n] as number) + (correct[n] as number);
    for (let n = 0; n < N; n++) out[offset + 2 + N + n] = (out[offset + 2 + N + n] as number) + (hypLen > n ? hypLen - n : 0);
    out[offset] = (out[offset] as number) + hypLen;
    out[offset + 1] = (out[offset + 1] as number) + closest;
    out[offset + 2 + 2 * N] = (out[offset + 2 + 2 * N] as number) + 1;
    out[offset + 3 + 2 * N] = (out[offset + 3 + 2 * N] as number) + nrefs;
    out[offset + 4 + 2 * N] = (out[offset + 4 + 2 * N] as number) + nrefs * nrefs;
  }

  /**
   * Clipped matches of the hypothesis against its one reference `r`, into `this.correct` (and its length into
   * `this.hypLen`), in the reference's numbering, by occurrence chains. False when the order is too high for
   * them or the text too repetitive (the chains too long): the caller counts the segment on corpus-wide ids.
   */
  private countSingle(hypothesis: string, r: number): boolean {
    const N = this.order;
    if (N > CHAIN_MAX_ORDER) return false;
    const hypLen = (this.hypLen = this.hypothesisIn(hypothesis, r));
    const at = this.refTokAt[r] as number;
    const len = this.refLen[r] as number;
    const m = this.refDistinct[r] as number;
    const dictAt = this.refDictAt[r] as number;
    return this.chains.overlaps(this.tok, this.next, at, len, this.first, this.occurrences, dictAt, m, this.hyp, hypLen, N, this.correct);
  }

  /** The interned n-gram ids of reference `r` (computed once, when a segment first needs them). */
  private grams(space: NgramSpace, r: number): Int32Array[] {
    let g = this.refGrams[r];
    if (g === undefined) {
      g = space.ladder(this.globalIds(r), this.order);
      this.refGrams[r] = g;
    }
    return g;
  }

  /** Grows the scratch arrays of order index `n` (0-based) to hold ids below `size`. */
  private fit(n: number, size: number): void {
    this.refCnt[n] = extend(this.refCnt[n] as number[], size);
    this.hypCnt[n] = extend(this.hypCnt[n] as number[], size);
    this.tmpCnt[n] = extend(this.tmpCnt[n] as number[], size);
  }

  /**
   * Clipped matches of the current segment (references numbered `refs`, hypothesis `hyp[0, hypLen)`) by
   * interned n-gram ids, into `this.correct`: reference counts are the per-n-gram maximum over the references
   * (sacrebleu's merge of Counters); an occurrence in the hypothesis matches while its count so far is below
   * the reference count.
   */
  private countInterned(refs: readonly number[], hypLen: number): void {
    const N = this.order;
    const nrefs = refs.length;
    if (this.space === null) {
      this.space = new NgramSpace();
      for (let n = 0; n < N; n++) {
        this.refCnt.push([]);
        this.hypCnt.push([]);
        this.tmpCnt.push([]);
        this.hypIds.push([]);
        this.head.push([]);
      }
    }
    const space = this.space;
    const grams: Int32Array[][] = [];
    for (let r = 0; r < nrefs; r++) grams.push(this.grams(space, refs[r] as number));
    // Ids are final for this segment: every token of the segment is interned.
    const vocabSize = this.vocabulary().size;
    this.fit(0, vocabSize);
    for (let n = 1; n < N; n++) this.fit(n, space.ofOrder(n + 1).size);

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

    // Hypothesis n-gram ids: unigrams are token ids; order >= 2 the id of the same n-gram in a reference of
    // this segment, found through the prefix lists, or -1.
    const hyp = this.hyp;
    const uni = (this.hypIds[0] = extend(this.hypIds[0] as number[], hypLen));
    for (let i = 0; i < hypLen; i++) uni[i] = hyp[i] as number;
    let prev = uni;
    for (let n = 1; n < N; n++) {
      const head = this.linkReferences(n, grams, vocabSize);
      const len = hypLen - n;
      const cur = (this.hypIds[n] = extend(this.hypIds[n] as number[], len));
      const extToken = this.extToken;
      const extId = this.extId;
      const extNext = this.extNext;
      for (let i = 0; i < len; i++) {
        const p = prev[i] as number;
        const t = uni[i + n] as number;
        let id = -1;
        if (p >= 0) {
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
  private linkReferences(n: number, grams: readonly Int32Array[][], vocabSize: number): number[] {
    const head = (this.head[n] = extend(this.head[n] as number[], n === 1 ? vocabSize : (this.space as NgramSpace).ofOrder(n).size));
    let total = 0;
    for (const g of grams) total += (g[n] as Int32Array).length;
    const extToken = (this.extToken = extend(this.extToken, total));
    const extId = (this.extId = extend(this.extId, total));
    const extNext = (this.extNext = extend(this.extNext, total));
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
  const counter = new BleuCounter(options);
  const row = counter.segmentRow();
  counter.addSegment(hypothesis, refs, row);
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
  counter.addCorpus(hypotheses, references, data, width);
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
  counter.addCorpus(c.hypotheses, c.references, sum);
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
  const row = counter.segmentRow();
  counter.addSegment(hypothesis, refs, row);
  return finalizeBleu(row, o);
}
