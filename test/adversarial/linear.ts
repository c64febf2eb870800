import { expect } from 'vitest';
import { ADVERSARIAL_UNITS } from '../../fuzz/cases';

// End-to-end linear time of the metrics on adversarial 1 MB texts (a helper of the linearTime*.test.ts
// files; test/tokenize/linearTime.test.ts covers the tokenizers alone).

/** Repetitive texts that would make a backtracking tokenizer or a rescanning counter quadratic. */
export const PATTERNS = ADVERSARIAL_UNITS;

export const MB = 1_000_000;

/**
 * A hang guard, not a speed target: each 1 MB call takes well under a second on an idle machine (see the
 * times printed by npm run fuzz), but the machines running the tests are shared, so the law tested is the
 * ratio; a quadratic blow-up on 1 MB would take minutes.
 */
const LIMIT_MS = 5000;

function once(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Scores `unit` repeated to 1 MB against a short reference (and, reversed, a short hypothesis against the
 * 1 MB reference): one call on 1 MB, and 20 calls on 50 KB (the same amount of text). Linear time gives a
 * ratio near 1, quadratic time near 20; the bound is 5. On a busy machine one measurement can be hit by a
 * pause: measure again once and keep the best.
 *
 * Only one side is long: ROUGE-L's LCS of two long texts is quadratic by nature (rouge-score's too); its
 * memory stays linear (see longText.test.ts).
 */
export function checkLinear(label: string, score: (hypothesis: string, reference: string) => unknown, unit: string, reversed = false): void {
  const big = unit.repeat(Math.ceil(MB / unit.length));
  const small = big.slice(0, 50_000 - (50_000 % unit.length));
  const short = `${unit.repeat(20)} a b c`;
  const run = (text: string) => (reversed ? score(short, text) : score(text, short));
  run(small); // warm up
  const measure = (): [number, number] => {
    const tSmall20 = once(() => {
      for (let r = 0; r < 20; r++) run(small);
    });
    const tBig = once(() => run(big));
    return [tBig, tBig / Math.max(tSmall20, 1)];
  };
  let [tBig, ratio] = measure();
  if (tBig >= LIMIT_MS || ratio >= 5) {
    const [t2, r2] = measure();
    tBig = Math.min(tBig, t2);
    ratio = Math.min(ratio, r2);
  }
  const what = `${label} on 1 MB of ${JSON.stringify(unit)}${reversed ? ' (as the reference)' : ''}`;
  expect(tBig, `${what} (ms)`).toBeLessThan(LIMIT_MS);
  expect(ratio, `${what}: 1 MB vs 20 × 50 KB`).toBeLessThan(5);
}
