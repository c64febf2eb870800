/**
 * Per-call state of ROUGE scoring: the interner that maps tokens to ids, the n-gram space, scratch
 * buffers, and the tokenized references (each distinct reference string is tokenized once per call).
 * One context per scoring call; nothing here is module-level.
 * @internal
 */
import { ID_LIMIT, NgramMatcher, NgramSpace, OverlapCounter, TokenScratch } from '../../ngram/counter.js';
import { TokenInterner } from '../../ngram/interner.js';
import { RougeInterner, scanRougePacked, stemRougeIds } from '../../tokenize/rouge.js';
import { LcsWorkspace } from './lcs.js';
import type { ResolvedRougeOptions } from './options.js';

/**
 * A tokenized text with what the requested types need. Ids are kept in plain arrays: a small typed array
 * is allocated outside the heap and costs ten times more than the whole scoring of a short pair.
 * @internal
 */
export interface RougeText {
  /** Token ids of the whole text. */
  readonly ids: readonly number[];
  /** `grams[n - 1]`: interned ids of the n-grams of order n, made on demand by {@link RougeContext.grams}. */
  grams: (readonly number[])[] | null;
  /** ROUGE-Lsum: token ids of the non-empty lines, concatenated, and the line boundaries (`starts[k]..starts[k+1]`). */
  readonly sentIds: readonly number[];
  readonly sentStarts: readonly number[];
  /** Per skip-bigram gap of the options: the sorted keys of the text's skip-bigrams. */
  readonly skips: readonly Float64Array[];
}

// Shared empty values (never written).
const EMPTY: readonly number[] = [];
const EMPTY_STARTS: readonly number[] = [0];
const NO_SKIPS: readonly Float64Array[] = [];

/** A long-lived owner (a scorer, an accumulator) replaces its context after this many segments. @internal */
export const CONTEXT_SEGMENTS = 10_000;
/**
 * … or once the reference texts it keeps reach this many characters (about 16 MB of strings, plus their
 * ids), so a stream of long distinct references cannot grow memory without bound either. @internal
 */
export const CONTEXT_REFERENCE_CHARS = 1 << 23;

/**
 * The state of one ROUGE scoring call. It keeps every distinct reference it has seen (and their words), so
 * memory grows with the number of distinct references: a streaming accumulator should start a new context
 * every so many segments (scores do not depend on the context).
 * @internal
 */
export class RougeContext {
  /** The built-in tokenizer's packed interner, or a {@link TokenInterner} for a custom tokenizer's strings. */
  readonly interner: RougeInterner | TokenInterner;
  private counterOrNull: OverlapCounter | null = null;
  /** By-token scratch shared by the matcher and the LCS workspace (they run one after the other). */
  private readonly tokenScratch = new TokenScratch();
  private matcherOrNull: NgramMatcher | null = null;
  /** Scratch: the clipped n-gram overlaps of one pair, by order − 1. */
  readonly gramHits: number[] = [];
  /** Scratch: the token ids of the text being tokenized (copied out at their exact length). */
  private readonly scratch: number[];
  private space: NgramSpace | null = null;
  readonly lcs = new LcsWorkspace(this.tokenScratch);
  /** Tokenized references: the last one, and a map of all once there are two (a per-pair call needs no map). */
  private lastRefText: string | null = null;
  private lastRef: RougeText | null = null;
  private refs: Map<string, RougeText> | null = null;
  /** 1 + stemmed id, by raw token id (built-in tokenizer with stemmer). */
  private stems: number[] | null = null;
  /** Segments scored with this context (counted by `segmentRow`). */
  segments = 0;
  /** Characters of the reference texts kept in {@link refs} and {@link lastRef}. */
  private referenceChars = 0;

  /**
   * @param options - Resolved options.
   * @param fn - The public function name, for error messages.
   * @param expectedTokens - A guess of the number of distinct tokens, to size the interner (it grows as needed).
   * @param expectedUnits - A guess of their total length in UTF-16 units.
   */
  constructor(
    readonly options: ResolvedRougeOptions,
    readonly fn: string,
    expectedTokens = 1024,
    expectedUnits = 8 * expectedTokens,
  ) {
    // rouge-score's tokens (and their stems) are ASCII: 4 units a slot, plus a part-filled slot per token.
    this.interner =
      options.tokenizer === null ? new RougeInterner(expectedTokens, (expectedUnits >>> 2) + expectedTokens) : new TokenInterner(expectedTokens, expectedUnits);
    this.scratch = new Array<number>(expectedTokens);
  }

  /** A reference text, tokenized once per distinct string within this context. */
  reference(text: string): RougeText {
    if (text === this.lastRefText) return this.lastRef as RougeText;
    let t: RougeText | undefined;
    if (this.lastRef === null) {
      t = this.prepare(text);
      this.referenceChars += text.length;
    } else {
      if (this.refs === null) this.refs = new Map([[this.lastRefText as string, this.lastRef]]);
      t = this.refs.get(text);
      if (t === undefined) {
        t = this.prepare(text);
        this.refs.set(text, t);
        this.referenceChars += text.length;
      }
    }
    this.lastRefText = text;
    this.lastRef = t;
    return t;
  }

  /**
   * Whether a long-lived owner should replace this context by a fresh one: it has scored
   * {@link CONTEXT_SEGMENTS} segments or keeps {@link CONTEXT_REFERENCE_CHARS} characters of references. Its
   * vocabulary, cached references and by-token arrays only grow; scores never depend on the context.
   */
  get worn(): boolean {
    return this.segments >= CONTEXT_SEGMENTS || this.referenceChars >= CONTEXT_REFERENCE_CHARS;
  }

  /**
   * The n-gram matcher for texts both longer than 64 tokens (shorter ones are matched with the LCS, see
   * `LcsWorkspace.lcsAndGrams`); made on first use, so a per-pair call on short texts never makes one.
   */
  get matcher(): NgramMatcher {
    return (this.matcherOrNull ??= new NgramMatcher(this.tokenScratch));
  }

  /** Counts ids for the fallbacks (texts too repetitive for the matcher, skip-bigram unigrams); made on first use. */
  get counter(): OverlapCounter {
    return (this.counterOrNull ??= new OverlapCounter());
  }

  /**
   * Declares every token id given out so far (call after tokenizing a segment): the LCS workspace sizes its
   * by-token arrays from it when it first needs them (the matcher grows its own), so a per-pair call
   * allocates only the arrays its texts use.
   */
  reserve(): void {
    this.lcs.reserve(this.interner.size);
  }

  /** A hypothesis text (not cached: hypotheses rarely repeat, and hashing a long text costs time). */
  hypothesis(text: string): RougeText {
    return this.prepare(text);
  }

  private prepare(text: string): RougeText {
    const o = this.options;
    let ids: readonly number[] = EMPTY;
    let sentIds: readonly number[] = EMPTY;
    let sentStarts: readonly number[] = EMPTY_STARTS;
    if (o.tokenizer === null) {
      // One scan gives the tokens and, for rougeLsum, the line boundaries: with rouge-score's tokenizer a
      // newline always separates tokens, so the lines' tokens concatenated are the whole text's tokens.
      const starts = o.needSentences ? [0] : null;
      const all = this.scratch.slice(0, scanRougePacked(text, this.interner as RougeInterner, this.scratch, starts));
      if (o.stemmer) stemRougeIds(this.interner as RougeInterner, all, (this.stems ??= []));
      ids = sentIds = all;
      if (starts !== null) sentStarts = starts;
    } else {
      if (o.needTokens) ids = this.customIds(text);
      if (o.needSentences) {
        const parts = this.lines(text, (line) => this.customIds(line));
        sentIds = parts.ids;
        sentStarts = parts.starts;
      }
    }
    const skips = o.gaps.length === 0 ? NO_SKIPS : o.gaps.map((gap) => this.skipKeys(ids, gap));
    return { ids, grams: null, sentIds, sentStarts, skips };
  }

  /** The interned n-gram ids of order `n` of a text (for texts too repetitive for {@link NgramMatcher}). */
  grams(text: RougeText, n: number): readonly number[] {
    if (text.grams === null || text.grams.length < n) text.grams = this.ladder(text.ids, Math.max(n, this.options.maxN));
    return text.grams[n - 1] as readonly number[];
  }

  /** `NgramSpace.ladder` into plain arrays: `out[n - 1][i]` is the id of the n-gram starting at token i. */
  private ladder(ids: readonly number[], maxOrder: number): number[][] {
    const out: number[][] = [ids as number[]];
    let prev = ids;
    for (let n = 2; n <= maxOrder; n++) {
      const len = Math.max(0, ids.length - n + 1);
      const cur = new Array<number>(len);
      if (len > 0) {
        const index = (this.space ??= new NgramSpace()).ofOrder(n);
        for (let i = 0; i < len; i++) cur[i] = index.extend(prev[i] as number, ids[i + n - 1] as number);
      }
      out.push(cur);
      prev = cur;
    }
    return out;
  }

  /** Tokenizes the non-empty lines (`text.split('\n')` without empty strings, as rouge-score's `get_sents`). */
  private lines(text: string, tokenize: (line: string) => number[]): { ids: readonly number[]; starts: number[] } {
    const chunks: number[][] = [];
    let total = 0;
    let from = 0;
    while (from <= text.length) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      if (to > from) {
        const ids = tokenize(text.slice(from, to));
        if (ids.length > 0) {
          chunks.push(ids);
          total += ids.length;
        }
      }
      from = to + 1;
    }
    if (chunks.length === 1) {
      const only = chunks[0] as number[];
      return { ids: only, starts: [0, only.length] };
    }
    const ids = new Array<number>(total);
    const starts = new Array<number>(chunks.length + 1);
    starts[0] = 0;
    let at = 0;
    for (let k = 0; k < chunks.length; k++) {
      const c = chunks[k] as number[];
      for (let j = 0; j < c.length; j++) ids[at + j] = c[j] as number;
      at += c.length;
      starts[k + 1] = at;
    }
    return { ids, starts };
  }

  private customIds(text: string): number[] {
    const tok = this.options.tokenizer;
    const toks: unknown = tok === null ? [] : tok.tokenize(text);
    if (!Array.isArray(toks)) {
      throw new TypeError(`${this.fn}: options.tokenizer.tokenize must return an array of strings, got ${typeof toks}`);
    }
    const ids = new Array<number>(toks.length);
    for (let i = 0; i < toks.length; i++) {
      const t: unknown = toks[i];
      if (typeof t !== 'string') {
        throw new TypeError(`${this.fn}: options.tokenizer.tokenize must return an array of strings, got a ${typeof t} at index ${i}`);
      }
      ids[i] = this.interner.intern(t);
    }
    return ids;
  }

  /**
   * The skip-bigrams of ROUGE-1.5.5's `createSkipBigram` with `-2 gap`: every in-order pair of tokens
   * (i, j) with i < j and at most `gap` tokens between them (j − i − 1 ≤ gap; gap −1: any), as sorted keys.
   */
  private skipKeys(ids: readonly number[], gap: number): Float64Array {
    const L = ids.length;
    const span = gap < 0 ? L : gap + 1;
    let count = 0;
    for (let i = 0; i + 1 < L; i++) count += Math.min(span, L - 1 - i);
    if (count > this.options.maxSkipBigrams) {
      throw new RangeError(
        `${this.fn}: a text has ${count} skip-bigrams, more than options.maxSkipBigrams (${this.options.maxSkipBigrams}); raise the limit or use a gap limit such as rougeS4`,
      );
    }
    if (this.interner.size > ID_LIMIT) throw new RangeError(`${this.fn}: more than ${ID_LIMIT} distinct tokens in one computation`);
    const keys = new Float64Array(count);
    let k = 0;
    for (let i = 0; i + 1 < L; i++) {
      const a = (ids[i] as number) * ID_LIMIT;
      const end = Math.min(L, i + 1 + span);
      for (let j = i + 1; j < end; j++) keys[k++] = a + (ids[j] as number);
    }
    return keys.sort();
  }
}
