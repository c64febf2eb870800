import { pySplit } from '../internal/pywhitespace.js';
import { checkBoolean, checkEnum, checkOptions, checkString, describe, typeError } from '../internal/validate.js';
import { rougeTokens } from './rouge.js';
import { tokens13a } from './sacrebleu13a.js';
import { tokensIntl } from './sacrebleuIntl.js';
import { tokensZh } from './sacrebleuZh.js';
import { tokensChar } from './sacrebleuChar.js';
import { unicodeTokens } from './unicode.js';

/** The names of the built-in tokenizers. */
export type TokenizerName = 'rouge' | '13a' | 'intl' | 'zh' | 'char' | 'none' | 'whitespace' | 'unicode';

/** Anything that turns a text into tokens; pass your own to any metric. */
export interface Tokenizer {
  /** A name for the tokenizer; sacrebleu-style signatures report it (`tok:13a`). */
  readonly name: string;
  /** The tokens of `text`, in order, never an empty string. */
  tokenize(text: string): string[];
}

/** Options of {@link getTokenizer} and {@link tokenize}. */
export interface TokenizerOptions {
  /**
   * Apply NLTK's Porter stemmer (NLTK_EXTENSIONS mode) to tokens longer than 3 characters.
   * Only for `rouge` and `unicode`.
   * @defaultValue false
   */
  stemmer?: boolean;
}

/**
 * Every built-in tokenizer name, in the order of the docs. Frozen: every tokenizer argument is checked
 * against this list, so a caller's `push` must not extend it.
 */
export const TOKENIZER_NAMES: readonly TokenizerName[] = /* @__PURE__ */ Object.freeze(['rouge', '13a', 'intl', 'zh', 'char', 'none', 'whitespace', 'unicode'] as const);

/**
 * A built-in tokenizer by name.
 *
 * @param name - `rouge` (rouge-score's default), `13a`, `intl`, `zh`, `char`, `none` (sacrebleu's, returning
 *   the tokens BLEU counts: the tokenizer's output split on Python's white space), `whitespace` (runs of
 *   Unicode white space as Python splits them) or `unicode` (letters and digits of every script, NFKC,
 *   lowercased; Han and kana one token per character, Thai, Lao, Khmer and Myanmar into dictionary words).
 * @param options - `stemmer` for `rouge` and `unicode`.
 * @returns A {@link Tokenizer} whose `name` is `name`.
 * @remarks `rouge` is `rouge_score.tokenize.tokenize` (rouge-score 0.1.2, `PorterStemmer()` when `stemmer`);
 *   `13a`, `intl`, `zh` and `char` are sacrebleu 2.6.0's `Tokenizer13a`, `TokenizerV14International`,
 *   `TokenizerZh` and `TokenizerChar`, split with Python's `str.split()` as BLEU splits them; `none` is that
 *   split alone.
 * @example
 * ```ts
 * getTokenizer('13a').tokenize('Hello, world!'); // ['Hello', ',', 'world', '!']
 * ```
 */
export function getTokenizer(name: TokenizerName, options?: TokenizerOptions): Tokenizer {
  // The name is required: a missing one is a mistake, not a request for the rouge tokenizer.
  if (name === undefined) throw typeError('getTokenizer', 'name', `one of ${TOKENIZER_NAMES.map((a) => JSON.stringify(a)).join(', ')}`, name);
  return builtinTokenizer('getTokenizer', 'name', name, options);
}

/** {@link getTokenizer} with errors naming the public function `fn` and its argument `arg`. */
function builtinTokenizer(fn: string, arg: string, name: unknown, options: unknown): Tokenizer {
  const tokName = checkEnum(fn, arg, name, TOKENIZER_NAMES, 'rouge');
  const o = checkOptions<TokenizerOptions>(fn, options, ['stemmer']);
  const stemmer = checkBoolean(fn, 'options.stemmer', o.stemmer, false);
  if (stemmer && tokName !== 'rouge' && tokName !== 'unicode') {
    throw new TypeError(`${fn}: options.stemmer applies only to the 'rouge' and 'unicode' tokenizers, not ${JSON.stringify(tokName)}`);
  }
  switch (tokName) {
    case 'rouge':
      return { name: 'rouge', tokenize: (t) => rougeTokens(checkString('tokenize', 'text', t), stemmer) };
    case 'unicode':
      return { name: 'unicode', tokenize: (t) => unicodeTokens(checkString('tokenize', 'text', t), stemmer) };
    // 13a/intl/zh/char: the tokens of sacrebleu's output string as BLEU splits it (Python white space),
    // produced directly by the scanners (identical to pySplit of the output string).
    case '13a':
      return { name: '13a', tokenize: (t) => tokens13a(checkString('tokenize', 'text', t)) };
    case 'intl':
      return { name: 'intl', tokenize: (t) => tokensIntl(checkString('tokenize', 'text', t)) };
    case 'zh':
      return { name: 'zh', tokenize: (t) => tokensZh(checkString('tokenize', 'text', t)) };
    case 'char':
      return { name: 'char', tokenize: (t) => tokensChar(checkString('tokenize', 'text', t)) };
    case 'none':
    case 'whitespace':
      return { name: tokName, tokenize: (t) => pySplit(checkString('tokenize', 'text', t)) };
  }
}

/**
 * Tokenizes a text with a built-in tokenizer (default `rouge`) or your own.
 *
 * @param text - The text.
 * @param tokenizer - A {@link TokenizerName} or a {@link Tokenizer}.
 * @param options - `stemmer` for `rouge` and `unicode`.
 * @returns The tokens; a built-in tokenizer never gives an empty-string token.
 * @throws TypeError when `text` is not a string, `tokenizer` is neither a name nor an object with a
 *   `tokenize` method, or your tokenizer returns anything but an array of strings.
 * @remarks `rouge` reproduces `rouge_score.tokenize.tokenize`; `13a`/`intl`/`zh`/`char` reproduce
 *   sacrebleu 2.x's tokenizers of those names, split as BLEU splits them.
 * @example
 * ```ts
 * tokenize('The cats were running!', 'rouge', { stemmer: true }); // ['the', 'cat', 'were', 'run']
 * ```
 */
export function tokenize(text: string, tokenizer: TokenizerName | Tokenizer = 'rouge', options?: TokenizerOptions): string[] {
  const t = resolveTokenizer('tokenize', 'tokenizer', tokenizer, options);
  const tokens: unknown = t.tokenize(checkString('tokenize', 'text', text));
  if (typeof tokenizer !== 'string') checkTokens('tokenize', 'tokenizer.tokenize', tokens);
  return tokens as string[];
}

/** Throws a TypeError unless a custom tokenizer's result is an array of strings. @internal */
export function checkTokens(fn: string, arg: string, tokens: unknown): void {
  if (!Array.isArray(tokens)) throw new TypeError(`${fn}: ${arg} must return an array of strings, got ${describe(tokens)}`);
  for (let i = 0; i < tokens.length; i++) {
    const t: unknown = tokens[i];
    if (typeof t !== 'string') throw new TypeError(`${fn}: ${arg} must return an array of strings, got ${describe(t)} at index ${i}`);
  }
}

/** A tokenizer from a name or an object, checked. @internal */
export function resolveTokenizer(fn: string, arg: string, tokenizer: unknown, options?: TokenizerOptions): Tokenizer {
  if (typeof tokenizer === 'string') return builtinTokenizer(fn, arg, tokenizer, options);
  if (tokenizer && typeof tokenizer === 'object' && typeof (tokenizer as Tokenizer).tokenize === 'function') {
    const t = tokenizer as Tokenizer;
    const o = checkOptions<TokenizerOptions>(fn, options, ['stemmer']);
    if (checkBoolean(fn, 'options.stemmer', o.stemmer, false)) throw new TypeError(`${fn}: options.stemmer cannot be combined with a custom tokenizer`);
    return t;
  }
  throw typeError(fn, arg, `a tokenizer name (${TOKENIZER_NAMES.join(', ')}) or an object with a tokenize(text) method`, tokenizer);
}
