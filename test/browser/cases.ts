// The same computations run in Node and in headless Chromium; the browser test demands identical output.
// Texts are real WMT17 / DUC-style sentences plus a few adversarial ones.
import type * as Lib from '../../src/index.js';

export const HYPS = [
  'The cat sat on the mat.',
  'Die Katze saß auf der Matte, und der Hund schlief.',
  'constructor __proto__ toString hasOwnProperty',
  '',
  '猫坐在垫子上。',
];
export const REFS = [
  ['The cat is sitting on the mat.', 'A cat sat on a mat.'],
  ['Die Katze sitzt auf der Matte, der Hund schläft.'],
  ['constructor __proto__ valueOf hasOwnProperty'],
  ['Something was said.'],
  ['猫坐在垫子上。'],
];

export function runCases(m: typeof Lib): unknown {
  const out: Record<string, unknown> = {};
  out.tokens = HYPS.map((h) => ['rouge', '13a', 'intl', 'zh', 'char', 'unicode'].map((t) => m.tokenize(h, t as Lib.TokenizerName)));
  out.rouge = HYPS.map((h, i) => m.rouge(h, REFS[i] as string[], { stemmer: true }));
  out.rougeUnicode = m.rouge(HYPS[4] as string, REFS[4] as string[], { tokenizer: 'unicode' });
  out.corpusRouge = m.corpusRouge(HYPS, REFS);
  out.bleu = m.corpusBleu(HYPS, REFS);
  out.sentenceBleu = HYPS.map((h, i) => m.sentenceBleu(h, REFS[i] as string[]));
  out.chrf = m.corpusChrf(HYPS, REFS);
  out.chrfpp = m.corpusChrf(HYPS, REFS, { wordOrder: 2 });
  out.f1 = HYPS.map((h, i) => m.tokenF1(h, REFS[i] as string[]));
  out.pairs = m.rankingToPairs({ prompt: 'Q', completions: ['a', 'b', 'c', 'b'], ranks: [1, 2, 3, 2] });
  out.ratings = m.ratingsToPairs({ prompt: 'Q', completions: ['x', 'y', 'z'], scores: [0.5, 0.9, 0.1] }, { strategy: 'adjacent' });
  return JSON.parse(JSON.stringify(out));
}
