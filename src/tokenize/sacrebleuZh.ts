import { isPyWhitespace } from '../internal/pywhitespace.js';
import { MODE_ZH, mtevalSpans } from './internal/mteval.js';
import { Spans } from './internal/spans.js';

/**
 * Scans `text[0, to)` with the `zh` rules into `scan`: Python's `strip()` (as a range, no copy), then the
 * mteval regexes without padding, with sacrebleu zh's "Chinese" characters isolated.
 *
 * @param text - The line.
 * @param to - Where it ends.
 * @param scan - Receives the tokens.
 * @internal
 */
export function scanZh(text: string, to: number, scan: Spans): void {
  let a = 0;
  let b = to;
  while (a < b && isPyWhitespace(text.charCodeAt(a))) a++;
  while (b > a && isPyWhitespace(text.charCodeAt(b - 1))) b--;
  mtevalSpans(text, a, b, MODE_ZH, scan);
}

/**
 * The tokens of sacrebleu's `zh` tokenizer: its output split on Python's white space, without building
 * that string. `tokenizeZh(text) === tokensZh(text).join(' ')`.
 * @internal
 */
export function tokensZh(text: string): string[] {
  const out: string[] = [];
  scanZh(text, text.length, new Spans(out));
  return out;
}

/**
 * sacrebleu's `zh` tokenizer for Chinese: every "Chinese" character becomes a token of its own, the rest
 * is tokenized with the mteval-v13a regular expressions.
 *
 * Steps, exactly as sacrebleu 2.6.0: Python `line.strip()`; surround each character of sacrebleu's range
 * table with spaces; then the `13a` regular expressions, without `13a`'s entity and `<skipped>` handling
 * and without its padding (so a final `100.` stays whole). The range table is reproduced with its bug:
 * `'\u20000'` is U+2000 followed by `0`, so U+2001..U+2A6D (general punctuation, `€`, arrows, math,
 * zero-width space and joiner...) are split off like ideographs, while CJK Extension B (U+20000 and up)
 * and the compatibility supplement (U+2F800 and up) are not. Compares code points, not UTF-16 units.
 *
 * @param text - One line.
 * @returns sacrebleu's output string.
 * @remarks Reproduces `sacrebleu.tokenizers.tokenizer_zh.TokenizerZh()(text)` (sacrebleu 2.6.0).
 * @example
 * ```ts
 * tokenizeZh('AI模型GPT-4在2023年发布，效果很好！'); // 'AI 模 型 GPT-4 在 2023 年 发 布 ， 效 果 很 好 ！'
 * ```
 */
export function tokenizeZh(text: string): string {
  return tokensZh(text).join(' ');
}
