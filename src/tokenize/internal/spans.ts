/**
 * The receiver of a sacrebleu tokenizer's scan, so one implementation of each tokenizer's rules serves two
 * consumers: the public tokenizers take the tokens as strings; BLEU takes them as spans of the text (start and
 * end of each token) and turns them into integer ids without creating a string per token.
 * @internal
 */
import { isPyWhitespace } from '../../internal/pywhitespace.js';

/**
 * Where a scan puts the tokens of one line. Either as strings, pushed to {@link Spans.out} (the public
 * tokenizers), or, when `out` is null, as spans: token k is `text.slice(at[2k], at[2k + 1])`, k < `n` (BLEU).
 * Reused from line to line by a caller that scans many: the span array is written in order from index 0,
 * grows as needed and is never shrunk (entries past `2n` are stale). A plain array, not a typed one: a
 * per-call scan would otherwise pay for an off-heap allocation that costs about as much as tokenizing the line.
 */
export class Spans {
  /** The string the spans point into: the line itself, or its preprocessed copy when a tokenizer needed one. */
  text = '';
  /** Number of tokens (span mode). */
  n = 0;
  /** Start and end (exclusive) of each token, interleaved (span mode). */
  at: number[] = [];
  /** The tokens as strings (string mode), or null (span mode). */
  readonly out: string[] | null;

  /**
   * @param out - An array to push the tokens to as strings, or null to record spans.
   */
  constructor(out: string[] | null = null) {
    this.out = out;
  }
}

/**
 * Empties `scan` for a new line. Called by every scan before its first token.
 *
 * @param scan - The receiver.
 * @param text - The string the spans will point into.
 */
export function startScan(scan: Spans, text: string): void {
  scan.text = text;
  scan.n = 0;
  if (scan.out !== null) scan.out.length = 0;
}

/**
 * Gives `scan` the token `text[a, b)`.
 *
 * @param scan - The receiver.
 * @param text - The text.
 * @param a - First code unit of the token.
 * @param b - One past its last.
 */
export function emitSpan(scan: Spans, text: string, a: number, b: number): void {
  const out = scan.out;
  if (out !== null) {
    out.push(b === a + 1 ? (text[a] as string) : text.slice(a, b));
    return;
  }
  const k = scan.n++;
  const at = scan.at;
  at[2 * k] = a;
  at[2 * k + 1] = b;
}

/**
 * Scans `text[0, to)` as Python's `str.split()` (sacrebleu's `none` tokenizer as BLEU counts it): the runs
 * of non-white-space. The same tokens as `pySplit`.
 *
 * @param text - The line.
 * @param to - Where it ends.
 * @param scan - Receives the tokens.
 */
export function scanSplit(text: string, to: number, scan: Spans): void {
  startScan(scan, text);
  let start = -1;
  for (let i = 0; i < to; i++) {
    if (isPyWhitespace(text.charCodeAt(i))) {
      if (start >= 0) {
        emitSpan(scan, text, start, i);
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  if (start >= 0) emitSpan(scan, text, start, to);
}
