import { isPyWhitespace } from '../internal/pywhitespace.js';
import { checkBoolean, checkInteger, checkOptions, checkString, typeError } from '../internal/validate.js';
import { count, NgramSpace } from './counter.js';
import { Vocabulary } from './vocabulary.js';

/** `n` is required: an integer >= 1. */
function checkOrder(fn: string, n: unknown): number {
  if (n === undefined) throw typeError(fn, 'n', 'an integer >= 1 (the n-gram order)', n);
  return checkInteger(fn, 'n', n, 1, 1);
}

function checkTokens(fn: string, tokens: unknown): readonly string[] {
  if (!Array.isArray(tokens)) throw typeError(fn, 'tokens', 'an array of strings', tokens);
  for (let i = 0; i < tokens.length; i++) {
    if (typeof tokens[i] !== 'string') throw typeError(fn, `tokens[${i}]`, 'a string', tokens[i]);
  }
  return tokens as readonly string[];
}

/**
 * The n-grams of a token list, in order and overlapping.
 *
 * @param tokens - The tokens (not modified).
 * @param n - The order, an integer >= 1.
 * @returns `tokens.length - n + 1` arrays of `n` tokens (none when the text is shorter than `n`).
 * @remarks Matches rouge-score's `_create_ngrams` and sacrebleu's `extract_all_word_ngrams` for one order.
 * @example
 * ```ts
 * ngrams(['the', 'cat', 'sat'], 2); // [['the', 'cat'], ['cat', 'sat']]
 * ```
 */
export function ngrams(tokens: readonly string[], n: number): string[][] {
  const toks = checkTokens('ngrams', tokens);
  checkOrder('ngrams', n);
  const out: string[][] = [];
  for (let i = 0; i + n <= toks.length; i++) out.push(toks.slice(i, i + n));
  return out;
}

/**
 * How often each n-gram of a token list occurs.
 *
 * @param tokens - The tokens (not modified).
 * @param n - The order, an integer >= 1.
 * @returns A `Map` from the n-gram's tokens joined by one space to its count, in first-occurrence order.
 * @throws TypeError for a missing or non-integer `n` or a non-string token; RangeError for `n < 1` or a token
 *   containing a space (its key would be ambiguous; {@link ngrams} takes any token).
 *   Keys are strings in a `Map`, so tokens such as `__proto__` are ordinary keys.
 * @remarks Counted by the same integer-id core the metrics use.
 * @example
 * ```ts
 * ngramCounts(['a', 'b', 'a', 'b'], 2); // Map(2) { 'a b' => 2, 'b a' => 1 }
 * ```
 */
export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const toks = checkTokens('ngramCounts', tokens);
  checkOrder('ngramCounts', n);
  // Keys are the n tokens joined by one space; that is unambiguous only when no token contains a space.
  for (let i = 0; i < toks.length; i++) {
    if ((toks[i] as string).includes(' ')) {
      throw new RangeError(
        `ngramCounts: tokens[${i}] contains a space, which would make the joined n-gram keys ambiguous (use ngrams() for such tokens), got ${JSON.stringify(toks[i])}`,
      );
    }
  }
  if (n > toks.length) return new Map();
  const vocab = new Vocabulary();
  const ids = vocab.ids(toks);
  const ladder = new NgramSpace().ladder(ids, n);
  const counts = count(ladder[n - 1] as Int32Array);
  const firstAt = new Map<number, number>();
  const grams = ladder[n - 1] as Int32Array;
  for (let i = 0; i < grams.length; i++) if (!firstAt.has(grams[i] as number)) firstAt.set(grams[i] as number, i);
  const out = new Map<string, number>();
  for (const [id, c] of counts) {
    const i = firstAt.get(id) as number;
    out.set(toks.slice(i, i + n).join(' '), c);
  }
  return out;
}

/**
 * The character n-grams of a text, by code point (an emoji or astral character is one character).
 *
 * @param text - The text.
 * @param n - The order, an integer >= 1.
 * @param options - `whitespace` (default `false`): keep white space; by default every run of Python white
 *   space is removed first, as chrF does.
 * @returns The n-grams in order, overlapping.
 * @remarks Matches sacrebleu's `extract_all_char_ngrams` for one order.
 * @example
 * ```ts
 * charNgrams('a b', 2); // ['ab']
 * charNgrams('a b', 2, { whitespace: true }); // ['a ', ' b']
 * ```
 */
export function charNgrams(text: string, n: number, options?: { whitespace?: boolean }): string[] {
  checkString('charNgrams', 'text', text);
  checkOrder('charNgrams', n);
  const o = checkOptions<{ whitespace: boolean }>('charNgrams', options, ['whitespace']);
  const keepWs = checkBoolean('charNgrams', 'options.whitespace', o.whitespace, false);
  const chars: string[] = [];
  for (const ch of text) if (keepWs || !isPyWhitespace(ch.charCodeAt(0)) || ch.length > 1) chars.push(ch);
  const out: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  return out;
}
