/**
 * rouge-score's default tokenizer (`rouge_score.tokenize.tokenize`): `text.lower()`, every run of characters
 * outside `[a-z0-9]` becomes a separator, and with a stemmer tokens longer than 3 characters go through
 * NLTK's Porter stemmer (NLTK_EXTENSIONS mode).
 *
 * One implementation of the rules, {@link scanRougeIds}: a single pass over the character codes that
 * lowercases on the fly and writes each token's units straight into a {@link TokenInterner}, so ROUGE gets
 * integer ids without a single substring. The public string tokenizer ({@link rougeTokens}) is the same
 * scan into an interner that only records where the tokens are, then one slice per token.
 * @internal
 */
import { HASH_SEED, hashUnit, TokenInterner } from '../ngram/interner.js';
import { porterStem } from './porter.js';

/**
 * Scans a text with rouge-score's tokenizer rules and gives the interned id of each token.
 *
 * Python's `lower()` maps two non-ASCII characters to ASCII letters, and so does this scan: U+212A KELVIN
 * SIGN → `k` and U+0130 (capital I with dot above) → `i` followed by U+0307, which is a separator. Every
 * other non-ASCII character separates words (`café` → `caf`), exactly as in rouge-score.
 *
 * @param text - The text.
 * @param interner - Receives the tokens (ids are the interner's).
 * @param ids - Receives the token ids at `ids[0..count)` (a scratch array, grown as written; entries
 *   after them are left as they were).
 * @param lines - If given (non-empty, its last entry 0): at the end of each line (`\n`) that added tokens,
 *   and at the end of the text, the number of tokens so far is appended. With `[0]` this gives rougeLsum's
 *   sentence boundaries: the tokens of `text.split('\n')`'s lines, empty lines dropped (a newline always
 *   separates tokens, so the lines' tokens concatenated are the text's tokens).
 * @param sources - If given, the index in `text` where each token starts is appended (the token is as many
 *   characters as it has units, before lowercasing).
 * @returns The number of tokens, `count`.
 * @internal
 */
export function scanRougeIds(text: string, interner: TokenInterner, ids: number[], lines: number[] | null, sources: number[] | null = null): number {
  const units = interner.units;
  const n = text.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let u = unitOf(c);
    if (u < 0) {
      if (c === 0x130) {
        // 'İ'.lower() is 'i' + U+0307 (a separator): after a separator, a word 'i' of its own.
        if (sources !== null) sources.push(i);
        const at = interner.tail;
        units[at] = 0x69;
        ids[count++] = interner.commit(at + 1, hashUnit(HASH_SEED, 0x69));
      } else if (c === 10 && lines !== null && count > (lines[lines.length - 1] as number)) lines.push(count);
      i++;
      continue;
    }
    // A token: its lowercased units go straight into the interner's pool, hashed on the way.
    if (sources !== null) sources.push(i);
    let at = interner.tail;
    let h = HASH_SEED;
    for (;;) {
      units[at++] = u;
      h = hashUnit(h, u);
      if (++i === n) break;
      c = text.charCodeAt(i);
      u = unitOf(c);
      if (u < 0) {
        if (c === 0x130) {
          // 'İ'.lower() is 'i' + U+0307: the i ends the word, the combining dot separates.
          units[at++] = 0x69;
          h = hashUnit(h, 0x69);
          i++;
        }
        break;
      }
    }
    ids[count++] = interner.commit(at, h);
  }
  if (lines !== null && count > (lines[lines.length - 1] as number)) lines.push(count);
  return count;
}

/**
 * The unit a character adds to a token, lowercased as Python's `lower()` does, or -1 for a separator
 * (U+0130, whose lowercase is `i` and a separator, is left to the caller).
 */
function unitOf(c: number): number {
  // c | 0x20 is a lowercase ASCII letter exactly when c is an ASCII letter (and then it is c lowercased).
  const l = c | 0x20;
  if ((l - 0x61) >>> 0 < 26) return l;
  if ((c - 0x30) >>> 0 < 10) return c;
  return c === 0x212a ? 0x6b : -1;
}

/**
 * Replaces, in place, the id of every token longer than 3 characters by the id of its Porter stem
 * (rouge-score's `use_stemmer`), stemming each distinct token once.
 *
 * @param interner - The interner the ids come from (stems are interned in it).
 * @param ids - Token ids from {@link scanRougeIds}; rewritten.
 * @param memo - 1 + the stem id of each token id already stemmed (0: not yet); keep one per interner.
 * @internal
 */
export function stemRougeIds(interner: TokenInterner, ids: number[], memo: number[]): void {
  while (memo.length < interner.size) memo.push(0);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (interner.length(id) <= 3) continue;
    let s = (memo[id] as number) - 1;
    if (s < 0) {
      s = interner.intern(porterStem(interner.word(id)));
      memo[id] = s + 1;
    }
    ids[i] = s;
  }
}

/**
 * The tokens of a text by rouge-score's tokenizer (see {@link scanRougeIds}).
 *
 * @param text - The text.
 * @param stemmer - Stem tokens longer than 3 characters with NLTK's Porter stemmer.
 * @returns The tokens, `[a-z0-9]+` each.
 * @internal
 */
export function rougeTokens(text: string, stemmer: boolean): string[] {
  // The scan finds the tokens; each is the slice of the text where it starts, as long as its units.
  // A recorder (every token a new id) keeps the scan's calls monomorphic with ROUGE's interner.
  const recorder = new TokenInterner(4, 32, false);
  const ids: number[] = [];
  const sources: number[] = [];
  const count = scanRougeIds(text, recorder, ids, null, sources);
  const out = new Array<string>(count);
  for (let k = 0; k < count; k++) {
    const from = sources[k] as number;
    const to = from + recorder.length(k);
    let w = text.slice(from, to);
    if (!isLowerAlnum(w)) {
      // Upper-case letters or U+212A (both lowercase to ASCII in JavaScript as in Python), or a final
      // U+0130, which JavaScript lowercases to i + U+0307 where the token keeps only the i.
      w = text.charCodeAt(to - 1) === 0x130 ? `${w.slice(0, -1).toLowerCase()}i` : w.toLowerCase();
    }
    out[k] = stemmer && w.length > 3 ? porterStem(w) : w;
  }
  return out;
}

/** True when every character is `a`–`z` or `0`–`9`. */
function isLowerAlnum(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}
