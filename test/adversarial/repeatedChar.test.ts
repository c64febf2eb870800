import { describe, expect, it } from 'vitest';
import { rouge, sentenceBleu, sentenceChrf } from '../../src/index';

/** 300,000 characters: 900 KB of UTF-8 for Han, 1.2 MB for the emoji (1 MB texts of every metric: linearTime*.test.ts). */
const N = 300_000;

describe('hundreds of thousands of one repeated character', () => {
  // A Han character is one token (tokenizer 'unicode', BLEU 'char'; an emoji for 'char'), so these are also
  // texts of hundreds of thousands of tokens of a single repeated token: the worst case for n-gram matching and
  // clipping. The LCS (rougeL, rougeLsum) of two such texts is quadratic by nature; it runs against a short
  // text here. (npm run fuzz runs every metric on more of these.)
  const finite = (label: string, values: number[]) => {
    for (const v of values) expect(Number.isFinite(v), label).toBe(true);
  };

  it('against almost itself: rouge1/rouge2, BLEU, chrF++', () => {
    const han = '中'.repeat(N);
    const r = rouge(han, han.slice(1), { types: ['rouge1', 'rouge2'], tokenizer: 'unicode' });
    // N tokens against N - 1: every n-gram of the shorter one matches.
    expect([r.rouge1!.recall, r.rouge2!.recall]).toEqual([1, 1]);
    expect(r.rouge1!.precision).toBe((N - 1) / N);
    const emoji = '😀'.repeat(N);
    expect(sentenceBleu(emoji, emoji.slice(2), { tokenize: 'char' }).counts).toEqual([N - 1, N - 2, N - 3, N - 4]);
    finite('.', [sentenceBleu('.'.repeat(N), '.'.repeat(N - 1)).score]);
    finite('中', [sentenceChrf(han, han.slice(1), { wordOrder: 2 }).score]);
  });

  it('against a short text, both ways: every ROUGE type, BLEU, chrF++', () => {
    for (const ch of ['.', '中', '😀']) {
      const big = ch.repeat(N);
      for (const [h, r] of [
        [big, ch.repeat(3)],
        [ch.repeat(3), big],
      ] as const) {
        finite(ch, [
          ...Object.values(rouge(h, r, { types: ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'], tokenizer: 'unicode' })).map((s) => s.fmeasure),
          sentenceBleu(h, r, { tokenize: 'char' }).score,
          sentenceChrf(h, r, { wordOrder: 2 }).score,
        ]);
      }
    }
  });
});
