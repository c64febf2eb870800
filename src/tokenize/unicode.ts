import { porterStem } from './porter.js';

/**
 * The `unicode` tokenizer: rouge-score's tokenizer made to work in every language (rouge-score keeps only
 * ASCII letters and digits, so every non-English text scores 0).
 *
 * Precisely:
 *  1. The text is normalized to NFKC (full-width `ＡＢＣ１２` → `ABC12`, `ﬁ` → `fi`, `①` → `1`, half-width
 *     katakana → full-width), then lowercased (`String.prototype.toLowerCase`, with Greek final sigma).
 *     Variation selectors (U+FE00..U+FE0F, U+E0100..U+E01EF) are deleted.
 *  2. A word is a run of letters and digits of any script (`\p{L}`, `\p{N}`), including the combining
 *     marks (`\p{M}`) that follow them inside the word, so Devanagari, Thai, Arabic or Tamil words keep
 *     their vowel signs and viramas. Everything else (white space, punctuation, symbols, emoji, controls,
 *     a mark with no letter before it, lone surrogates) separates words and is dropped.
 *  3. Scripts written without spaces are split further:
 *     - Han ideographs (`\p{Script=Han}`, e.g. `中`, `々`, `〇`), Hiragana, Katakana and the prolonged sound
 *       mark `ー`: every character is a token (with any combining marks that follow it), as sacrebleu's
 *       `zh` tokenizer and common Chinese ROUGE practice do. Deterministic: no dictionary involved.
 *     - Thai, Lao, Khmer and Myanmar runs: split into dictionary words by `Intl.Segmenter` (locale `en`,
 *       word granularity; ICU's dictionaries, so a rare word may be split differently by another ICU
 *       version). Where `Intl.Segmenter` does not exist the whole run is one token.
 *     A change of script class inside a word also splits it: `ai模型` → `ai`, `模`, `型`.
 *  4. With `stemmer`, tokens that are pure `[a-z0-9]` and longer than 3 characters go through NLTK's
 *     Porter stemmer, as in rouge-score; other tokens are kept as they are.
 *
 * Letter/digit/mark classes, NFKC and lowercasing follow the JavaScript engine's Unicode version; texts
 * made of characters assigned by Unicode 15 or earlier tokenize the same on every engine.
 *
 * One `Intl.Segmenter` is created on first need and kept in this module (it is immutable and holds no
 * per-call state); texts without Thai, Lao, Khmer or Myanmar never create it.
 *
 * @param text - The text.
 * @param stemmer - Porter-stem ASCII tokens longer than 3 characters.
 * @returns The tokens, never an empty string.
 * @example
 * ```ts
 * unicodeTokens('Москва — столица России. 我爱北京!', false); // ['москва', 'столица', 'россии', '我', '爱', '北', '京']
 * ```
 * @internal
 */
export function unicodeTokens(text: string, stemmer: boolean): string[] {
  let s = text.normalize('NFKC').toLowerCase();
  if (/[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u.test(s)) s = s.replace(/[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu, '');
  const out: string[] = [];
  const words = s.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu);
  if (words === null) return out;
  for (const w of words) {
    if (SPECIAL.test(w)) splitWord(w, out);
    else out.push(w);
  }
  if (stemmer) {
    for (let i = 0; i < out.length; i++) {
      const t = out[i] as string;
      if (t.length > 3 && /^[a-z0-9]+$/.test(t)) out[i] = porterStem(t);
    }
  }
  return out;
}

/** Han, Hiragana, Katakana, `ー`, or a script segmented by dictionary. */
const SPECIAL = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
/** One token per character. */
const PER_CHAR = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc]$/u;
/** Split into dictionary words. */
const DICTIONARY = /^[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]$/u;
const MARK = /^\p{M}$/u;

const K_OTHER = 0;
const K_CHAR = 1;
const K_DICT = 2;

/** Splits one word (letters, digits and marks) that contains CJK or South-East Asian characters. */
function splitWord(w: string, out: string[]): void {
  let piece = '';
  let kind = K_OTHER;
  const flush = (): void => {
    if (piece === '') return;
    if (kind === K_DICT) segmentInto(piece, out);
    else out.push(piece);
    piece = '';
  };
  for (const ch of w) {
    if (MARK.test(ch)) {
      piece += ch; // a word starts with a letter or digit, so there is always a piece to attach to
    } else if (PER_CHAR.test(ch)) {
      flush();
      piece = ch;
      kind = K_CHAR;
    } else if (DICTIONARY.test(ch)) {
      if (kind !== K_DICT) flush();
      piece += ch;
      kind = K_DICT;
    } else {
      if (kind !== K_OTHER) flush();
      piece += ch;
      kind = K_OTHER;
    }
  }
  flush();
}

let segmenter: Intl.Segmenter | null | undefined;

/** Appends the dictionary words of a Thai/Lao/Khmer/Myanmar run (the whole run without `Intl.Segmenter`). */
function segmentInto(run: string, out: string[]): void {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'word' }) : null;
  }
  if (segmenter === null) {
    out.push(run);
    return;
  }
  for (const { segment } of segmenter.segment(run)) if (segment !== '') out.push(segment);
}
