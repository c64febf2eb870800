import { isPyWhitespace } from '../internal/pywhitespace.js';
import { emitSpan, Spans, startScan } from './internal/spans.js';

/**
 * Scans `text[0, to)` as sacrebleu's `char` tokenizer is counted by BLEU: every code point that is not
 * Python white space is a token (an astral character, e.g. an emoji, is one token; a lone surrogate too).
 *
 * @param text - The line.
 * @param to - Where it ends.
 * @param scan - Receives the tokens.
 * @internal
 */
export function scanChar(text: string, to: number, scan: Spans): void {
  startScan(scan, text);
  const out = scan.out; // string mode tested here, not in emitSpan: with one-unit tokens that costs ~10%
  for (let i = 0; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (out !== null) out.push(text.slice(i, i + 2));
        else emitSpan(scan, text, i, i + 2);
        i++;
        continue;
      }
    }
    if (!isPyWhitespace(c)) {
      if (out !== null) out.push(text[i] as string);
      else emitSpan(scan, text, i, i + 1);
    }
  }
}

/**
 * The tokens of sacrebleu's `char` tokenizer as BLEU counts them: every code point that is not Python
 * white space (the output string split on white space). An astral character (emoji) is one token.
 * @internal
 */
export function tokensChar(text: string): string[] {
  const out: string[] = [];
  scanChar(text, text.length, new Spans(out));
  return out;
}

/**
 * sacrebleu's `char` tokenizer: the code points of the line joined by single spaces.
 *
 * As in sacrebleu, white space is not removed first: each white-space character becomes an item of its
 * own (`'a b'` → `'a   b'`), which disappears when BLEU splits the output on white space. Iterates by
 * code point, so an emoji outside the BMP stays whole; a lone surrogate is one item.
 *
 * @param text - One line.
 * @returns sacrebleu's output string.
 * @remarks Reproduces `sacrebleu.tokenizers.tokenizer_char.TokenizerChar()(text)` (sacrebleu 2.6.0).
 * @example
 * ```ts
 * tokenizeChar('I 😀 NY'); // 'I   😀   N Y'
 * ```
 */
export function tokenizeChar(text: string): string {
  const parts: string[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        parts.push(text.slice(i, i + 2));
        i++;
        continue;
      }
    }
    parts.push(text[i] as string);
  }
  return parts.join(' ');
}
