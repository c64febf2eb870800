/**
 * Token F1 and exact match of the SQuAD v1.1 evaluation script (`evaluate-v1.1.py`): answers are normalized
 * (lowercase, ASCII punctuation removed, the articles a/an/the dropped as whole words, white space
 * collapsed), then compared as bags of tokens; with several references the best one counts.
 *
 * Sufficient statistics: one segment gives the row `[f1, exactMatch, 1]` (see {@link squadSegmentStats});
 * rows add up and {@link finalizeSquad} turns a sum into the corpus scores of the official script.
 */
import { Vocabulary } from '../ngram/vocabulary.js';
import { count, overlap, total, type Counts } from '../ngram/counter.js';
import { isPyWhitespace } from '../internal/pywhitespace.js';
import { checkReferences, checkString, typeError } from '../internal/validate.js';
import { prfUnchecked, type Score } from './prf.js';

// ---------------------------------------------------------------------------------------------------------
// Python 3.11's `str.lower()` and `re`'s `\w`, on the Unicode 14.0 database the reference was computed with.
// ECMAScript engines carry newer Unicode tables: letters and digits assigned after 14.0 are word characters
// (and some have lowercase forms) there, while Python 3.11 treats them as unassigned. These are those code
// points, as inclusive [first, last] ranges: the difference between Python 3.11 `re.match(r'\w', ch)` and
// ECMAScript `/[\p{L}\p{N}_]/u` on Unicode 17 (Node 20), which also covers every `lower()` difference.
// ---------------------------------------------------------------------------------------------------------
const AFTER_UNICODE_14 = [
  0x88f, 0x88f, 0xc5c, 0xc5c, 0xcdc, 0xcdc, 0x1c89, 0x1c8a, 0xa7cb, 0xa7cf, 0xa7d2, 0xa7d2, 0xa7d4, 0xa7d4,
  0xa7da, 0xa7dc, 0xa7f1, 0xa7f1, 0x105c0, 0x105f3, 0x10940, 0x10959, 0x10d40, 0x10d65, 0x10d6f, 0x10d85,
  0x10ec2, 0x10ec7, 0x1123f, 0x11240, 0x11380, 0x11389, 0x1138b, 0x1138b, 0x1138e, 0x1138e, 0x11390, 0x113b5,
  0x113b7, 0x113b7, 0x113d1, 0x113d1, 0x113d3, 0x113d3, 0x116d0, 0x116e3, 0x11bc0, 0x11be0, 0x11bf0, 0x11bf9,
  0x11db0, 0x11ddb, 0x11de0, 0x11de9, 0x11f02, 0x11f02, 0x11f04, 0x11f10, 0x11f12, 0x11f33, 0x11f50, 0x11f59,
  0x1342f, 0x1342f, 0x13441, 0x13446, 0x13460, 0x143fa, 0x16100, 0x1611d, 0x16130, 0x16139, 0x16d40, 0x16d6c,
  0x16d70, 0x16d79, 0x16ea0, 0x16eb8, 0x16ebb, 0x16ed3, 0x16ff2, 0x16ff6, 0x187f8, 0x187ff, 0x18cff, 0x18cff,
  0x18d09, 0x18d1e, 0x18d80, 0x18df2, 0x1b132, 0x1b132, 0x1b155, 0x1b155, 0x1ccf0, 0x1ccf9, 0x1d2c0, 0x1d2d3,
  0x1df25, 0x1df2a, 0x1e030, 0x1e06d, 0x1e4d0, 0x1e4eb, 0x1e4f0, 0x1e4f9, 0x1e5d0, 0x1e5ed, 0x1e5f0, 0x1e5fa,
  0x1e6c0, 0x1e6de, 0x1e6e0, 0x1e6e2, 0x1e6e4, 0x1e6e5, 0x1e6e7, 0x1e6ed, 0x1e6f0, 0x1e6f4, 0x1e6fe, 0x1e6ff,
  0x2b739, 0x2b73f, 0x2cea2, 0x2cead, 0x2ebf0, 0x2ee5d, 0x31350, 0x33479,
] as const;

/** True when `cp` is a letter or digit assigned after Unicode 14.0 (unassigned for Python 3.11). */
function afterUnicode14(cp: number): boolean {
  if (cp < 0x88f) return false;
  let lo = 0;
  let hi = AFTER_UNICODE_14.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (cp < (AFTER_UNICODE_14[2 * mid] as number)) hi = mid - 1;
    else if (cp > (AFTER_UNICODE_14[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Python 3.11's `\w` (str patterns): Unicode letters and numbers (`str.isalnum()`) and `_`. */
function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || cp === 0x5f;
  return !afterUnicode14(cp) && LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** Python 3.11's `str.lower()`: `toLowerCase`, except that letters newer than Unicode 14.0 stay as they are. */
function pyLower(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 0x88f) i++;
  if (i === s.length) return s.toLowerCase();
  let out = '';
  let start = 0;
  for (; i < s.length; i++) {
    const cp = s.codePointAt(i) as number;
    if (afterUnicode14(cp)) {
      const width = cp > 0xffff ? 2 : 1;
      out += s.slice(start, i).toLowerCase() + s.slice(i, i + width);
      start = i + width;
    }
    if (cp > 0xffff) i++;
  }
  return out + s.slice(start).toLowerCase();
}

/** True for the 32 characters of Python's `string.punctuation` (printable ASCII, neither alphanumeric nor space). */
function isPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

/** ASCII `[0-9a-z_]` after lowercasing (uppercase ASCII cannot survive `lower()`). */
function isAsciiWord(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** The code point that ends just before index `i` of `s`, or -1 at the start. */
function codePointBefore(s: string, i: number): number {
  if (i <= 0) return -1;
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/** The normalized answer's tokens: `normalize_answer(s).split()` of SQuAD v1.1. @internal */
export function squadTokens(text: string): string[] {
  const lower = pyLower(text);
  // remove_punc: drop every character of string.punctuation.
  let s = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isPunctuation(c)) {
      if (i > from) s += lower.slice(from, i);
      from = i + 1;
    }
  }
  s = from === 0 ? lower : s + lower.slice(from);
  // remove_articles (`\b(a|an|the)\b` -> ' ') and white_space_fix (' '.join(text.split())) in one scan:
  // an article is a maximal run of word characters equal to a/an/the; it separates tokens like a space.
  const tokens: string[] = [];
  let start = -1;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isPyWhitespace(c)) {
      if (start >= 0) tokens.push(s.slice(start, i));
      start = -1;
      i++;
      continue;
    }
    if (!isAsciiWord(c)) {
      if (start < 0) start = i;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isAsciiWord(s.charCodeAt(j))) j++;
    const len = j - i;
    const article =
      (len === 1 && c === 0x61) ||
      (len === 2 && c === 0x61 && s.charCodeAt(i + 1) === 0x6e) ||
      (len === 3 && c === 0x74 && s.charCodeAt(i + 1) === 0x68 && s.charCodeAt(i + 2) === 0x65);
    if (article && !isWordCodePoint(codePointBefore(s, i)) && !(j < n && isWordCodePoint(s.codePointAt(j) as number))) {
      if (start >= 0) tokens.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
    i = j;
  }
  if (start >= 0) tokens.push(s.slice(start));
  return tokens;
}

/**
 * The SQuAD v1.1 normalization of an answer: lowercase, remove ASCII punctuation, drop the articles
 * a/an/the as whole words, collapse white space.
 *
 * @param text - An answer.
 * @returns The normalized answer (tokens joined by single spaces).
 * @remarks Reproduces `normalize_answer` of the official SQuAD v1.1 `evaluate-v1.1.py`, with Python 3.11's
 *   Unicode semantics: `lower()`, the Unicode-aware `\b` of `re` (so `éthe` keeps "the", which JavaScript's
 *   ASCII-only `\b` would not) and `str.split()`'s white space.
 * @example
 * ```ts
 * normalizeAnswer('The  Denver Broncos!'); // 'denver broncos'
 * normalizeAnswer('éthe U.S.');           // 'éthe us'
 * ```
 */
export function normalizeAnswer(text: string): string {
  checkString('normalizeAnswer', 'text', text);
  return squadTokens(text).join(' ');
}

/** A normalized answer as token ids and their counts, for one scoring computation. @internal */
interface Bag {
  readonly ids: Int32Array;
  readonly counts: Counts;
}

/** Token ids of normalized answers, cached by answer string for the length of one computation. @internal */
export class SquadCache {
  private readonly vocabulary = new Vocabulary();
  private readonly bags = new Map<string, Bag>();

  bag(text: string): Bag {
    let b = this.bags.get(text);
    if (b === undefined) {
      const ids = this.vocabulary.ids(squadTokens(text));
      b = { ids, counts: count(ids) };
      this.bags.set(text, b);
    }
    return b;
  }
}

function sameIds(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Best-reference F1 score and exact match of one prediction (references already checked). @internal */
export function squadSegment(prediction: string, references: readonly string[], cache: SquadCache): { score: Score; exact: 0 | 1 } {
  const p = cache.bag(prediction);
  const pTotal = p.ids.length;
  let best: Score | undefined;
  let exact: 0 | 1 = 0;
  for (const ref of references) {
    const r = cache.bag(ref);
    if (exact === 0 && sameIds(p.ids, r.ids)) exact = 1;
    const s = prfUnchecked(overlap(p.counts, r.counts), pTotal, total(r.counts));
    if (best === undefined || s.fmeasure > best.fmeasure) best = s;
  }
  return { score: best as Score, exact };
}

/**
 * The sufficient statistics of one segment: `[f1, exactMatch, 1]` (F1 of the best reference, 0..1; exact
 * match 0 or 1; a segment count). Rows add up element-wise; {@link finalizeSquad} turns a sum into scores.
 * @internal
 */
export function squadSegmentStats(prediction: string, references: string | readonly string[], cache = new SquadCache()): number[] {
  checkString('squadSegmentStats', 'prediction', prediction);
  const refs = checkReferences('squadSegmentStats', 'references', references);
  const { score, exact } = squadSegment(prediction, refs, cache);
  return [score.fmeasure, exact, 1];
}

/** Corpus scores (0..100) from summed {@link squadSegmentStats} rows; no segments give 0. @internal */
export function finalizeSquad(stats: readonly number[]): SquadScores {
  const [f1 = 0, em = 0, n = 0] = stats;
  if (!(n > 0)) return { exactMatch: 0, f1: 0 };
  return { exactMatch: (100 * em) / n, f1: (100 * f1) / n };
}

/** Corpus scores of SQuAD v1.1, on the 0..100 scale of the official script. */
export interface SquadScores {
  /** Percentage of predictions that equal one of their references after normalization. */
  readonly exactMatch: number;
  /** Mean over predictions of the best reference's token F1, times 100. */
  readonly f1: number;
}

/**
 * Token-level precision, recall and F1 of a predicted answer against the best of its references, after
 * SQuAD v1.1 normalization.
 *
 * @param prediction - The predicted answer.
 * @param references - One reference answer, or several (the best F1 counts).
 * @returns `{ precision, recall, fmeasure }` of the reference with the highest F1 (the first on ties);
 *   0 when no token is shared, including when both sides normalize to nothing.
 * @throws TypeError when an argument is not a string (or array of strings); RangeError for an empty list.
 * @remarks Reproduces `metric_max_over_ground_truths(f1_score, prediction, ground_truths)` of SQuAD v1.1's
 *   `evaluate-v1.1.py` (common tokens counted as a multiset, `Counter & Counter`); precision, recall and F1
 *   go through {@link prf}.
 * @example
 * ```ts
 * tokenF1('Santa Clara, California', ['Santa Clara', 'California']);
 * // { precision: 0.6666666666666666, recall: 1, fmeasure: 0.8 }
 * tokenF1('the', 'a').fmeasure; // 0
 * ```
 */
export function tokenF1(prediction: string, references: string | readonly string[]): Score {
  checkString('tokenF1', 'prediction', prediction);
  const refs = checkReferences('tokenF1', 'references', references);
  return squadSegment(prediction, refs, new SquadCache()).score;
}

/**
 * Whether a predicted answer equals one of its references after SQuAD v1.1 normalization.
 *
 * @param prediction - The predicted answer.
 * @param references - One reference answer, or several.
 * @returns 1 when the normalized prediction equals a normalized reference, else 0 (so both normalizing to
 *   the empty string is a match, although its token F1 is 0).
 * @throws TypeError when an argument is not a string (or array of strings); RangeError for an empty list.
 * @remarks Reproduces `metric_max_over_ground_truths(exact_match_score, prediction, ground_truths)` of
 *   SQuAD v1.1's `evaluate-v1.1.py`.
 * @example
 * ```ts
 * exactMatch('The Denver Broncos!', ['Denver Broncos', 'Broncos']); // 1
 * exactMatch('Broncos of Denver', 'Denver Broncos');                // 0
 * ```
 */
export function exactMatch(prediction: string, references: string | readonly string[]): 0 | 1 {
  checkString('exactMatch', 'prediction', prediction);
  const refs = checkReferences('exactMatch', 'references', references);
  const cache = new SquadCache();
  const p = cache.bag(prediction).ids;
  for (const ref of refs) if (sameIds(p, cache.bag(ref).ids)) return 1;
  return 0;
}

/**
 * Exact match and token F1 of many predicted answers, averaged over predictions, on the 0..100 scale of
 * the official SQuAD v1.1 script.
 *
 * @param predictions - The predicted answers.
 * @param references - `references[i]` holds the reference answer(s) of `predictions[i]`.
 * @returns `{ exactMatch, f1 }`, each in 0..100; 0 for an empty corpus.
 * @throws TypeError / RangeError for malformed arguments or unequal lengths.
 * @remarks Reproduces `evaluate(dataset, predictions)` of SQuAD v1.1's `evaluate-v1.1.py`
 *   (`100.0 * sum / total`). Each distinct answer string is normalized once per call.
 * @example
 * ```ts
 * corpusSquad(['Denver Broncos', 'Santa Clara, California'], [['Denver Broncos'], ['Santa Clara']]);
 * // { exactMatch: 50, f1: 90 }
 * ```
 */
export function corpusSquad(predictions: readonly string[], references: readonly (string | readonly string[])[]): SquadScores {
  if (!Array.isArray(predictions)) throw typeError('corpusSquad', 'predictions', 'an array of strings', predictions);
  if (!Array.isArray(references)) throw typeError('corpusSquad', 'references', 'an array (one entry per prediction)', references);
  if (references.length !== predictions.length) {
    throw new RangeError(
      `corpusSquad: predictions and references must have the same length, got ${predictions.length} predictions and ${references.length} references`,
    );
  }
  const cache = new SquadCache();
  const sum = [0, 0, 0];
  for (let i = 0; i < predictions.length; i++) {
    const prediction = checkString('corpusSquad', `predictions[${i}]`, predictions[i]);
    const refs = checkReferences('corpusSquad', `references[${i}]`, references[i]);
    const { score, exact } = squadSegment(prediction, refs, cache);
    sum[0] = (sum[0] as number) + score.fmeasure;
    sum[1] = (sum[1] as number) + exact;
    sum[2] = (sum[2] as number) + 1;
  }
  return finalizeSquad(sum);
}
