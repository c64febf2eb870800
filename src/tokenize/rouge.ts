import { porterStem } from './porter.js';

/**
 * rouge-score's default tokenizer (`rouge_score.tokenize.tokenize`): `text.lower()`, every run of
 * characters outside `[a-z0-9]` becomes a separator, and with `stemmer` tokens longer than 3 characters
 * go through NLTK's Porter stemmer (NLTK_EXTENSIONS mode).
 *
 * Hand-written single pass over character codes (the hot path of ROUGE). Python's `lower()` maps two
 * non-ASCII characters to ASCII letters, and so does this scan: U+212A KELVIN SIGN → `k` and U+0130
 * (capital I with dot above) → `i` followed by U+0307, which is a separator. Every other non-ASCII
 * character separates words (`café` → `caf`), exactly as in rouge-score.
 * @internal
 */
export function rougeTokens(text: string, stemmer: boolean): string[] {
  const out: string[] = [];
  const n = text.length;
  let cur = '';
  let start = -1; // start of a run of plain lowercase [a-z0-9] (fast path: slice instead of concatenating)
  const flush = (end: number): void => {
    let tok = start >= 0 ? cur + text.slice(start, end) : cur;
    start = -1;
    cur = '';
    if (tok.length === 0) return;
    if (stemmer && tok.length > 3) tok = porterStem(tok);
    out.push(tok);
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (start < 0) start = i;
    } else if (c >= 0x41 && c <= 0x5a) {
      if (start >= 0) cur += text.slice(start, i);
      start = -1;
      cur += String.fromCharCode(c + 32);
    } else if (c === 0x212a) {
      if (start >= 0) cur += text.slice(start, i);
      start = -1;
      cur += 'k';
    } else if (c === 0x130) {
      // 'İ'.lower() is 'i' + U+0307; the combining dot ends the word.
      if (start >= 0) cur += text.slice(start, i);
      start = -1;
      cur += 'i';
      flush(i);
    } else if (start >= 0 || cur.length > 0) {
      flush(i);
    }
  }
  flush(n);
  return out;
}
