import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/tokenize/tokenizer';
import { tokenize13a, tokens13a } from '../../src/tokenize/sacrebleu13a';
import { tokenizeChar, tokensChar } from '../../src/tokenize/sacrebleuChar';
import { tokenizeIntl, tokensIntl } from '../../src/tokenize/sacrebleuIntl';
import { tokenizeZh, tokensZh } from '../../src/tokenize/sacrebleuZh';
import type { TokenizerName } from '../../src/tokenize/tokenizer';

// Adversarial repetitive inputs: runs of punctuation, numbers with separators, entities, joined hyphens,
// CJK with punctuation. A tokenizer that backtracks or rescans would be quadratic on some of them.
const PATTERNS = ['.', ',1', '&amp;', '-\n', 'a.b.', '中。,1.'];
const MB = 1_000_000;

function once(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Time of one call on 1 MB, and of 20 calls on 50 KB (the same amount of text): linear time gives a ratio
 * near 1, quadratic time a ratio near 20. Both sides allocate the same amount, so garbage collection does
 * not skew the ratio; the bound is generous for timer and scheduling noise.
 */
function checkLinear(label: string, fn: (s: string) => unknown, pattern: string): void {
  const big = pattern.repeat(Math.ceil(MB / pattern.length));
  const small = big.slice(0, 50_000 - (50_000 % pattern.length));
  fn(small); // warm up
  const measure = (): [number, number] => {
    const tSmall20 = once(() => {
      for (let r = 0; r < 20; r++) fn(small);
    });
    const tBig = once(() => fn(big));
    return [tBig, tBig / Math.max(tSmall20, 1)];
  };
  let [tBig, ratio] = measure();
  // On a busy machine one measurement can be hit by a pause; measure again once and keep the best.
  if (tBig >= 1000 || ratio >= 5) {
    const [t2, r2] = measure();
    tBig = Math.min(tBig, t2);
    ratio = Math.min(ratio, r2);
  }
  expect(tBig, `${label} on 1 MB of ${JSON.stringify(pattern)} (ms)`).toBeLessThan(1000);
  expect(ratio, `${label} on ${JSON.stringify(pattern)}: 1 MB vs 20 × 50 KB`).toBeLessThan(5);
}

describe('tokenizers run in linear time on adversarial 1 MB inputs', () => {
  // The token functions are what BLEU calls; the string functions are the same scan plus a native join.
  const TOKEN_FNS: [string, (s: string) => unknown][] = [
    ['tokens13a', tokens13a],
    ['tokensIntl', tokensIntl],
    ['tokensZh', tokensZh],
    ['tokensChar', tokensChar],
  ];
  for (const [label, fn] of TOKEN_FNS) {
    it(`${label}: 1 MB well under a second, time proportional to length`, () => {
      for (const p of PATTERNS) checkLinear(label, fn, p);
    });
  }
  it('tokenize13a / tokenizeIntl / tokenizeZh / tokenizeChar (output strings): the same on the densest pattern', () => {
    for (const [label, fn] of [
      ['tokenize13a', tokenize13a],
      ['tokenizeIntl', tokenizeIntl],
      ['tokenizeZh', tokenizeZh],
      ['tokenizeChar', tokenizeChar],
    ] as const) {
      checkLinear(label, fn, '.');
    }
  });
  // The sacrebleu names go through the same scanners as the functions above, without the final join.
  for (const name of ['rouge', 'unicode', 'whitespace'] as TokenizerName[]) {
    it(`tokenize(text, '${name}'): 1 MB well under a second, time proportional to length`, () => {
      for (const p of ['.', '&amp;', '中。,1.', 'a.b. ']) checkLinear(`tokenize ${name}`, (s) => tokenize(s, name), p);
    });
  }
  it("tokenize(text, 'unicode') on Thai: no quadratic blow-up in Intl.Segmenter", () => {
    // 200 KB instead of 1 MB: ICU's dictionary segmentation costs about 1 µs per character.
    const run = 'ภาษาไทยง่ายนิดเดียว';
    const big = run.repeat(Math.ceil(200_000 / run.length));
    const small = big.slice(0, 10_000 - (10_000 % run.length));
    tokenize(small, 'unicode');
    const tSmall20 = once(() => {
      for (let r = 0; r < 20; r++) tokenize(small, 'unicode');
    });
    const tBig = once(() => tokenize(big, 'unicode'));
    expect(tBig).toBeLessThan(2000);
    expect(tBig / Math.max(tSmall20, 1)).toBeLessThan(5);
  });
});
