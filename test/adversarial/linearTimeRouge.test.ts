import { describe, it } from 'vitest';
import { rouge, sentenceBleuNltk, tokenF1 } from '../../src/index';
import { checkLinear, PATTERNS } from './linear';

// 1 MB adversarial texts through whole metrics: well under a second each, time proportional to length.
describe('ROUGE, SQuAD F1 and NLTK BLEU run in linear time on adversarial 1 MB texts', () => {
  for (const [label, unit] of PATTERNS) {
    it(`${label}: rouge1/rouge2/rougeL, rougeLsum, the unicode tokenizer, tokenF1`, () => {
      checkLinear('rouge1/rouge2/rougeL', (h, r) => rouge(h, r, { types: ['rouge1', 'rouge2', 'rougeL'] }), unit);
      checkLinear('rougeLsum', (h, r) => rouge(h, r, { types: ['rougeLsum'] }), unit);
      checkLinear('rouge (unicode tokenizer)', (h, r) => rouge(h, r, { types: ['rouge1', 'rouge2', 'rougeL'], tokenizer: 'unicode' }), unit);
      checkLinear('tokenF1', (h, r) => tokenF1(h, r), unit);
    });
  }
  it('the long text as the reference', () => {
    checkLinear('rouge1/rouge2/rougeL', (h, r) => rouge(h, r, { types: ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] }), '1,000.50 ', true);
    checkLinear('tokenF1', (h, r) => tokenF1(h, r), 'the cat ', true);
  });
  it('NLTK BLEU on a 1 MB token list', () => {
    checkLinear('sentenceBleuNltk', (h, r) => sentenceBleuNltk([r.split(' ')], h.split(' ')), 'the cat ');
  });
});
