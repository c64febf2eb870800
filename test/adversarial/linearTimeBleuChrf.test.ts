import { describe, it } from 'vitest';
import { sentenceBleu, sentenceChrf } from '../../src/index';
import { checkLinear, PATTERNS } from './linear';

// 1 MB adversarial texts through whole metrics: well under a second each, time proportional to length.
describe('BLEU and chrF run in linear time on adversarial 1 MB texts', () => {
  for (const [label, unit] of PATTERNS) {
    // The other BLEU tokenizers on the same texts: test/tokenize/linearTime.test.ts.
    it(`${label}: BLEU (13a), chrF++`, () => {
      checkLinear('sentenceBleu 13a', (h, r) => sentenceBleu(h, r), unit);
      checkLinear('sentenceChrf (chrF++)', (h, r) => sentenceChrf(h, r, { wordOrder: 2 }), unit);
    });
  }
  it('the long text as the reference', () => {
    checkLinear('sentenceBleu zh', (h, r) => sentenceBleu(h, r, { tokenize: 'zh' }), '中。,1.', true);
    checkLinear('sentenceChrf (chrF++)', (h, r) => sentenceChrf(h, r, { wordOrder: 2 }), '&amp;', true);
  });
});
