import { describe, expect, it } from 'vitest';
import {
  accumulator,
  corpusBleu,
  corpusBleuNltk,
  corpusChrf,
  corpusRouge,
  corpusSquad,
  exactMatch,
  ngramCounts,
  rankingToPairs,
  ratingsToPairs,
  rouge,
  sentenceBleu,
  sentenceBleuNltk,
  sentenceChrf,
  tokenF1,
  tokenize,
} from '../../src/index';
import { PROTO_NAMES } from '../../fuzz/cases';

// Tokens named like Object.prototype members are ordinary words in every metric: a counter kept in a plain
// object would read `counts['constructor']` as a function and score NaN (as a popular npm BLEU package
// does). Every expected value below is derived by hand from the metric's definition, for a name N:
//   "N x" vs "N y": one of two words matches; "N N" vs "N": the second N is clipped.

const cp = (s: string) => [...s].length;

describe.each(PROTO_NAMES.map((n) => [n]))('%s is an ordinary word', (N) => {
  it('ROUGE (whitespace tokens, so N stays whole): rouge1/rougeL/rougeLsum 1/2, rouge2 0; N N vs N clips to P = 1/2, R = 1', () => {
    const half = { precision: 0.5, recall: 0.5, fmeasure: 0.5 };
    const zero = { precision: 0, recall: 0, fmeasure: 0 };
    const o = { types: ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const, tokenizer: 'whitespace' as const };
    expect(rouge(`${N} x`, `${N} y`, o)).toEqual({ rouge1: half, rouge2: zero, rougeL: half, rougeLsum: half });
    expect(corpusRouge([`${N} x`], [[`${N} y`]], o).rouge1).toEqual(half);
    expect(accumulator('rouge', o).add(`${N} x`, `${N} y`).result().rougeL).toEqual(half);
    expect(rouge(`${N} ${N}`, N, { types: ['rouge1'], tokenizer: 'whitespace' }).rouge1).toEqual({ precision: 0.5, recall: 1, fmeasure: 2 / 3 });
    // A custom tokenizer that returns N as a token, and N on its own line for rougeLsum's sentences.
    const words = { name: 'words', tokenize: (t: string) => t.split(/\s+/).filter(Boolean) };
    expect(rouge(`${N}\nx`, `${N}\ny`, { types: ['rougeLsum'], tokenizer: words }).rougeLsum).toEqual(half);
  });

  it("BLEU (tokenize 'none'): N a b c vs N a b d counts 3/4, 2/3, 1/2, 0/1; identical texts score 100", () => {
    const r = sentenceBleu(`${N} a b c`, `${N} a b d`, { tokenize: 'none' });
    expect(r.counts).toEqual([3, 2, 1, 0]);
    expect(r.totals).toEqual([4, 3, 2, 1]);
    // exp smoothing: the zero 4-gram precision becomes 100 / (2 · 1) = 50; BLEU = (75 · 200/3 · 50 · 50)^(1/4).
    expect(r.score).toBeCloseTo((75 * (200 / 3) * 50 * 50) ** 0.25, 10);
    const same = corpusBleu([`${N} ${N} ${N} ${N}`], [`${N} ${N} ${N} ${N}`], { tokenize: 'none' });
    expect(same.counts).toEqual([4, 3, 2, 1]);
    expect(same.score).toBeCloseTo(100, 12);
    expect(accumulator('bleu', { tokenize: 'none' }).add(`${N} ${N}`, N).result().counts[0]).toBe(1);
  });

  it('NLTK BLEU: [N a b c] vs [N a b d] with weights (1/2, 1/2) is sqrt(3/4 · 2/3)', () => {
    expect(sentenceBleuNltk([[N, 'a', 'b', 'd']], [N, 'a', 'b', 'c'], { weights: [0.5, 0.5] })).toBeCloseTo(Math.sqrt(0.5), 15);
    expect(corpusBleuNltk([[[N, 'a', 'b', 'c']]], [[N, 'a', 'b', 'c']])).toBe(1);
  });

  it('chrF: N q vs N z at character order 1 is L/(L + 1) (L = code points of N); chrF++ words add one in two', () => {
    const L = cp(N);
    expect(sentenceChrf(`${N} q`, `${N} z`, { charOrder: 1 }).score).toBeCloseTo((100 * L) / (L + 1), 12);
    expect(corpusChrf([`${N} q`], [`${N} z`], { charOrder: 1 }).stats).toEqual([L + 1, L + 1, L]);
    expect(sentenceChrf(N, N, { wordOrder: 2 }).score).toBe(100);
    if (/^[A-Za-z]+$/.test(N)) {
      // Word unigrams [N, q] vs [N, z]: precision = recall = 1/2; P = R per order, so chrF is their mean.
      expect(sentenceChrf(`${N} q`, `${N} z`, { charOrder: 1, wordOrder: 1 }).score).toBeCloseTo(100 * ((L / (L + 1) + 0.5) / 2), 12);
    }
    expect(accumulator('chrf', { charOrder: 1 }).add(`${N} q`, `${N} z`).result().stats).toEqual([L + 1, L + 1, L]);
  });

  it('SQuAD F1 and exact match: N x vs N y is 1/2; N matches only N', () => {
    expect(tokenF1(`${N} x`, `${N} y`)).toEqual({ precision: 0.5, recall: 0.5, fmeasure: 0.5 });
    expect(exactMatch(N, N)).toBe(1);
    expect(exactMatch(N, `${N} y`)).toBe(0);
    expect(corpusSquad([`${N} x`, N], [`${N} y`, [N]])).toEqual({ exactMatch: 50, f1: 75 });
  });

  it('pairs: N as prompt and completions', () => {
    const pairs = rankingToPairs({ prompt: N, completions: [N, 'constructor', '__proto__'], ranks: [1, 2, 3] });
    // Every pair of the three levels except those whose two texts are the same string.
    const expected = [
      [N, 'constructor', 1],
      [N, '__proto__', 2],
      ['constructor', '__proto__', 1],
    ]
      .filter(([a, b]) => a !== b)
      .map(([chosen, rejected, margin]) => ({ prompt: N, chosen, rejected, margin }));
    expect(pairs).toEqual(expected);
    expect(ratingsToPairs({ prompt: N, completions: [N, 'x'], scores: [2, 1] })).toEqual([{ prompt: N, chosen: N, rejected: 'x', margin: 1 }]);
  });

  it('tokenize and ngramCounts keep N as a key', () => {
    expect(tokenize(`${N} ${N}`, 'whitespace')).toEqual([N, N]);
    expect([...ngramCounts([N, N, 'x'], 1)]).toEqual([
      [N, 2],
      ['x', 1],
    ]);
  });
});

describe('the names together, through the default tokenizers', () => {
  it('rouge-score tokenizer: constructor/toString survive as words (lowercased), __proto__ becomes proto', () => {
    expect(tokenize('__proto__ constructor toString hasOwnProperty', 'rouge')).toEqual(['proto', 'constructor', 'tostring', 'hasownproperty']);
    expect(rouge('constructor valueOf x', 'constructor valueOf y', { types: ['rouge1'] }).rouge1!.fmeasure).toBeCloseTo(2 / 3, 15);
  });
  it('13a splits underscores off (sacrebleu does too), and the pieces still count', () => {
    expect(tokenize('__proto__', '13a')).toEqual(['_', '_', 'proto', '_', '_']);
    // 5 tokens each, all equal: every order matches fully.
    expect(sentenceBleu('__proto__', '__proto__').score).toBeCloseTo(100, 12);
    expect(sentenceBleu('constructor', 'constructor').score).toBeCloseTo(100, 12);
  });
});
