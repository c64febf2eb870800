/**
 * ROUGE options: the public option shape, the type names and their validation.
 * @internal
 */
import { checkBoolean, checkEnum, checkInteger, checkNumber, checkOptions, rangeError, typeError } from '../../internal/validate.js';
import { resolveTokenizer, TOKENIZER_NAMES } from '../../tokenize/tokenizer.js';
import type { Tokenizer, TokenizerName } from '../../tokenize/tokenizer.js';

/**
 * A ROUGE variant: `rouge1` … `rouge9` (n-grams), `rougeL` (LCS of the whole texts), `rougeLsum` (union LCS
 * over newline-separated sentences), `rougeS<d>` / `rougeSU<d>` (skip-bigrams with at most `d` tokens between
 * the two words, SU adding unigrams, as ROUGE-1.5.5's `-2 d` and `-2 d -U`), `rougeS*` / `rougeSU*` (no gap limit).
 */
export type RougeType =
  | `rouge${number}`
  | 'rougeL'
  | 'rougeLsum'
  | `rougeS${number}`
  | `rougeSU${number}`
  | 'rougeS*'
  | 'rougeSU*';

/** Options of {@link rouge}, {@link corpusRouge} and {@link corpusRougeBootstrap}. */
export interface RougeOptions {
  /**
   * The ROUGE variants to compute, in the order of the result's keys. Repeated names are computed once.
   * @defaultValue ['rouge1', 'rouge2', 'rougeL', 'rougeLsum']
   */
  types?: readonly RougeType[];
  /**
   * Apply NLTK's Porter stemmer to tokens longer than 3 characters (rouge-score's `use_stemmer`). Only with
   * the `rouge` and `unicode` tokenizers.
   * @defaultValue false
   */
  stemmer?: boolean;
  /**
   * A built-in tokenizer name or your own {@link Tokenizer}. `rouge` is rouge-score's (ASCII letters and digits
   * only: other scripts score 0); `unicode` keeps the letters and digits of every script.
   * @defaultValue 'rouge'
   */
  tokenizer?: TokenizerName | Tokenizer;
  /**
   * With several references: `max` takes, for each type separately, the scores of the reference with the
   * highest F-measure (F-beta with {@link RougeOptions.beta}; the first one on ties), as rouge-score's
   * `score_multi`; `mean` averages precision, recall and F-measure over the references.
   * @defaultValue 'max'
   */
  multiReference?: 'max' | 'mean';
  /**
   * Weight of recall in the F-measure: F = (1 + β²)·P·R / (β²·P + R). rouge-score has no such option (β = 1).
   * @defaultValue 1
   */
  beta?: number;
  /**
   * The largest LCS table ROUGE-Lsum may build, in cells (reference sentence tokens × hypothesis sentence
   * tokens, for one pair of sentences: rouge-score backtracks through one table per pair; a hypothesis
   * sentence of fewer than 64 tokens counts as 64, since a row is stored in whole 32-bit words). A cell
   * costs at most two bits, so the default needs at most about 63 MB. A larger table throws a `RangeError`
   * naming this option.
   * ROUGE-L needs no table (its memory is linear in the shorter text), nor does ROUGE-Lsum when both texts
   * are a single line (the union is then one LCS).
   * @defaultValue 250_000_000
   */
  maxLcsCells?: number;
  /**
   * The most skip-bigrams ROUGE-S/SU may list for one text (8 bytes each; a text of `L` tokens has
   * `L·(L−1)/2` of them without a gap limit). More throws a `RangeError` naming this option.
   * @defaultValue 5_000_000
   */
  maxSkipBigrams?: number;
}

/** One parsed type. @internal */
export interface TypeSpec {
  readonly name: string;
  /** `n`: n-grams of order `n`; `L`; `Lsum`; `S`: skip-bigrams with gap `gap` (−1: unlimited), plus unigrams if `unigrams`. */
  readonly kind: 'n' | 'L' | 'Lsum' | 'S';
  readonly n: number;
  readonly gap: number;
  readonly unigrams: boolean;
}

/** Validated options with defaults applied. @internal */
export interface ResolvedRougeOptions {
  readonly types: readonly string[];
  readonly specs: readonly TypeSpec[];
  readonly stemmer: boolean;
  /** `null`: the built-in `rouge` tokenizer (fast path); otherwise the tokenizer to call. */
  readonly tokenizer: Tokenizer | null;
  readonly tokenizerName: string;
  readonly multiReference: 'max' | 'mean';
  readonly beta: number;
  readonly maxLcsCells: number;
  readonly maxSkipBigrams: number;
  /** Highest n-gram order needed (0: none). */
  readonly maxN: number;
  /** Whole-text tokens are needed (any type but rougeLsum). */
  readonly needTokens: boolean;
  /** Sentence tokens are needed (rougeLsum). */
  readonly needSentences: boolean;
  /** The LCS of the whole texts is needed (rougeL). */
  readonly needLcs: boolean;
  /** The distinct skip-bigram gaps, and for each spec of kind S the index of its gap here (both empty without S types). */
  readonly gaps: readonly number[];
  readonly gapIndex: readonly number[];
}

export const DEFAULT_TYPES: readonly RougeType[] = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'];
export const DEFAULT_MAX_LCS_CELLS = 250_000_000;
export const DEFAULT_MAX_SKIP_BIGRAMS = 5_000_000;
export const ROUGE_OPTION_NAMES: readonly string[] = ['types', 'stemmer', 'tokenizer', 'multiReference', 'beta', 'maxLcsCells', 'maxSkipBigrams'];

const TYPE_HELP = 'one of rouge1..rouge9, rougeL, rougeLsum, rougeS<d>, rougeSU<d>, rougeS*, rougeSU*';
const SKIP = /^rougeS(U?)(\*|0|[1-9][0-9]{0,8})$/;
const MULTI_REFERENCE = ['max', 'mean'] as const;
/** `gaps` and `gapIndex` of options without skip-bigram types (shared, never written). */
const NO_GAPS: readonly number[] = Object.freeze([]);

/** A frozen spec (specs are shared: the common ones are made once, not per call). */
function spec(name: string, kind: TypeSpec['kind'], n: number, gap: number, unigrams: boolean): TypeSpec {
  return Object.freeze({ name, kind, n, gap, unigrams });
}
const SPEC_L = spec('rougeL', 'L', 0, 0, false);
const SPEC_LSUM = spec('rougeLsum', 'Lsum', 0, 0, false);
/** `SPEC_N[n - 1]`: rouge1 … rouge9. */
const SPEC_N: readonly TypeSpec[] = Array.from({ length: 9 }, (_, i) => spec(`rouge${i + 1}`, 'n', i + 1, 0, false));

/** The shared spec of rouge1 … rouge9, rougeL or rougeLsum, else null. */
function standardSpec(name: string): TypeSpec | null {
  if (name === 'rougeL') return SPEC_L;
  if (name === 'rougeLsum') return SPEC_LSUM;
  if (name.length === 6 && name.startsWith('rouge')) {
    const c = name.charCodeAt(5);
    // rouge-score accepts rouge[0-9] and raises for rouge0 ("rougen requires positive n").
    if (c >= 0x31 && c <= 0x39) return SPEC_N[c - 0x31] as TypeSpec;
  }
  return null;
}

/** Parses one type name, or throws naming `options.types[i]`. @internal */
export function parseType(fn: string, arg: string, name: unknown): TypeSpec {
  if (typeof name !== 'string') throw typeError(fn, arg, `a ROUGE type name (${TYPE_HELP})`, name);
  const std = standardSpec(name);
  if (std !== null) return std;
  const m = SKIP.exec(name);
  if (m) return spec(name, 'S', 0, m[2] === '*' ? -1 : Number(m[2]), m[1] === 'U');
  throw rangeError(fn, arg, TYPE_HELP, name);
}

/**
 * Validates ROUGE options and applies the defaults.
 *
 * @param fn - The public function name for error messages.
 * @param options - The caller's options (not modified).
 * @param extra - Further option names the caller accepts (checked by the caller).
 * @internal
 */
export function resolveRougeOptions(fn: string, options: unknown, extra: readonly string[] = []): ResolvedRougeOptions {
  const o = checkOptions<RougeOptions>(fn, options, extra.length ? [...ROUGE_OPTION_NAMES, ...extra] : ROUGE_OPTION_NAMES);
  let typesIn: readonly unknown[] = DEFAULT_TYPES;
  if (o.types !== undefined) {
    if (!Array.isArray(o.types)) throw typeError(fn, 'options.types', 'an array of ROUGE type names', o.types);
    typesIn = o.types as readonly unknown[];
    // rouge-score returns {} for no types; an empty result would let a threshold check pass on nothing.
    if (typesIn.length === 0) throw rangeError(fn, 'options.types', 'a non-empty array of ROUGE type names', o.types);
  }
  const specs: TypeSpec[] = [];
  for (let i = 0; i < typesIn.length; i++) {
    const t = typesIn[i];
    // The common names without building the argument name (only an error message needs it).
    const spec = (typeof t === 'string' ? standardSpec(t) : null) ?? parseType(fn, `options.types[${i}]`, t);
    let seen = false;
    for (let j = 0; j < specs.length && !seen; j++) seen = (specs[j] as TypeSpec).name === spec.name;
    if (!seen) specs.push(spec);
  }
  const stemmer = checkBoolean(fn, 'options.stemmer', o.stemmer, false);
  let tokenizer: Tokenizer | null = null;
  let tokenizerName = 'rouge';
  const t = o.tokenizer;
  if (t !== undefined && t !== 'rouge') {
    if (typeof t === 'string') {
      checkEnum(fn, 'options.tokenizer', t, TOKENIZER_NAMES, 'rouge');
      if (stemmer && t !== 'unicode') {
        throw new TypeError(`${fn}: options.stemmer applies only to the 'rouge' and 'unicode' tokenizers, not ${JSON.stringify(t)}`);
      }
    }
    tokenizer = resolveTokenizer(fn, 'options.tokenizer', t, stemmer ? { stemmer } : undefined);
    tokenizerName = typeof t === 'string' ? t : String(tokenizer.name);
  }
  const multiReference = checkEnum(fn, 'options.multiReference', o.multiReference, MULTI_REFERENCE, 'max');
  const beta = checkNumber(fn, 'options.beta', o.beta, 1, 0, false);
  const maxLcsCells = checkInteger(fn, 'options.maxLcsCells', o.maxLcsCells, DEFAULT_MAX_LCS_CELLS, 1);
  const maxSkipBigrams = checkInteger(fn, 'options.maxSkipBigrams', o.maxSkipBigrams, DEFAULT_MAX_SKIP_BIGRAMS, 1);
  let maxN = 0;
  let needTokens = false;
  let needSentences = false;
  let needLcs = false;
  let skips = false;
  const types = new Array<string>(specs.length);
  for (let k = 0; k < specs.length; k++) {
    const s = specs[k] as TypeSpec;
    types[k] = s.name;
    if (s.kind === 'Lsum') needSentences = true;
    else needTokens = true;
    if (s.kind === 'n' && s.n > maxN) maxN = s.n;
    if (s.kind === 'L') needLcs = true;
    if (s.kind === 'S') skips = true;
  }
  // Skip-bigram gaps only when asked for (a per-pair call resolves its options every time: two arrays fewer).
  let gaps: readonly number[] = NO_GAPS;
  let gapIndex: readonly number[] = NO_GAPS;
  if (skips) {
    const g: number[] = [];
    const gi: number[] = [];
    for (const s of specs) {
      if (s.kind === 'S') {
        let k = g.indexOf(s.gap);
        if (k < 0) k = g.push(s.gap) - 1;
        gi.push(k);
      } else gi.push(-1);
    }
    gaps = g;
    gapIndex = gi;
  }
  return {
    types,
    specs,
    stemmer,
    tokenizer,
    tokenizerName,
    multiReference,
    beta,
    maxLcsCells,
    maxSkipBigrams,
    maxN,
    needTokens,
    needSentences,
    needLcs,
    gaps,
    gapIndex,
  };
}
