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
 *       version). A run longer than 512 characters is segmented through a sliding window (V8's segment
 *       iterator is quadratic in the string length). Where `Intl.Segmenter` does not exist the whole run is
 *       one token.
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
  let out: string[] = [];
  const words = s.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu);
  if (words === null) return out;
  const dict: DictionaryRuns = { at: [], runs: [] };
  for (const w of words) {
    if (SPECIAL.test(w)) splitWord(w, out, dict);
    else out.push(w);
  }
  if (dict.runs.length > 0) out = expandDictionaryRuns(out, dict);
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
function splitWord(w: string, out: string[], dict: DictionaryRuns): void {
  let piece = '';
  let kind = K_OTHER;
  const flush = (): void => {
    if (piece === '') return;
    if (kind === K_DICT) {
      // A placeholder, replaced by the run's words once all runs of the text are segmented together.
      dict.at.push(out.length);
      dict.runs.push(piece);
      out.push('');
    } else out.push(piece);
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

/** Thai/Lao/Khmer/Myanmar runs of one text, and the index in the token list where each one belongs. */
interface DictionaryRuns {
  at: number[];
  runs: string[];
}

/**
 * The longest string given to `Intl.Segmenter` at once. V8's segment iterator takes time quadratic in the
 * length of the string it segments (about 1 s for 60,000 characters in Node 20), so runs are segmented
 * together in batches up to this length (joined by spaces, which always separate words), and a longer run
 * through a sliding window (see {@link segmentLongRun}).
 */
const WINDOW = 512;

let segmenter: Intl.Segmenter | null | undefined;

/** Replaces the placeholders of `dict` in `out` by the dictionary words of each run. */
function expandDictionaryRuns(out: string[], dict: DictionaryRuns): string[] {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'word' }) : null;
  }
  const seg = segmenter;
  const { at, runs } = dict;
  const words: string[][] = runs.map((r) => (seg === null ? [r] : []));
  if (seg !== null) {
    let batch = '';
    let members: number[] = [];
    const flushBatch = (): void => {
      if (members.length === 0) return;
      let m = 0;
      for (const { segment } of seg.segment(batch)) {
        if (segment === ' ') m++;
        else (words[members[m] as number] as string[]).push(segment);
      }
      batch = '';
      members = [];
    };
    for (let k = 0; k < runs.length; k++) {
      const run = runs[k] as string;
      if (run.length > WINDOW) {
        segmentLongRun(seg, run, words[k] as string[]);
        continue;
      }
      if (batch.length + 1 + run.length > WINDOW) flushBatch();
      batch = members.length === 0 ? run : batch + ' ' + run;
      members.push(k);
    }
    flushBatch();
  }
  const result: string[] = [];
  let k = 0;
  for (let i = 0; i < out.length; i++) {
    if (at[k] === i) {
      for (const w of words[k] as string[]) result.push(w);
      k++;
    } else result.push(out[i] as string);
  }
  return result;
}

/** How close to a window's end a word may end and still be kept (ICU looks ahead a few words). */
const MARGIN = 128;

/**
 * Segments a run longer than {@link WINDOW}: segment a window, keep its words that end at least
 * {@link MARGIN} characters before the window's end (ICU may split those differently once it sees what
 * follows), continue after the last word kept. A window with no such word boundary is cut at its end.
 * Deterministic.
 */
function segmentLongRun(seg: Intl.Segmenter, run: string, dest: string[]): void {
  let pos = 0;
  while (run.length - pos > WINDOW) {
    let end = pos + WINDOW;
    const c = run.charCodeAt(end);
    if (c >= 0xdc00 && c <= 0xdfff) end--; // never cut a surrogate pair
    const window = run.slice(pos, end);
    let kept = 0; // length of the words kept from this window
    for (const { segment, index } of seg.segment(window)) {
      if (index + segment.length > window.length - MARGIN) break;
      dest.push(segment);
      kept = index + segment.length;
    }
    if (kept === 0) {
      dest.push(window);
      kept = window.length;
    }
    pos += kept;
  }
  for (const { segment } of seg.segment(run.slice(pos))) dest.push(segment);
}
