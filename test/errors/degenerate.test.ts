import { describe, expect, it } from 'vitest';
import {
  addStats,
  corpusBleu,
  corpusBleuNltk,
  corpusChrf,
  getTokenizer,
  prf,
  rouge,
  sentenceBleu,
  sentenceBleuNltk,
  sentenceChrf,
  TOKENIZER_NAMES,
} from '../../src/index';

// Extreme but type-correct numbers: each gives a finite result or an error that names the function and
// the option, never NaN or Infinity. Where the reference implementation raises (Python's OverflowError,
// ZeroDivisionError), we raise too.

describe('F-beta with a beta whose square overflows', () => {
  it('prf gives the limit of F-beta: the recall for a huge beta, the precision for a tiny one', () => {
    // β² = Infinity: (1 + β²)PR / (β²P + R) would be Infinity / Infinity = NaN.
    expect(prf(1, 2, 4, 1e200)).toEqual({ precision: 0.5, recall: 0.25, fmeasure: 0.25 });
    expect(prf(0, 2, 4, 1e200).fmeasure).toBe(0);
    expect(prf(1, 2, 4, 1e-200)).toEqual({ precision: 0.5, recall: 0.25, fmeasure: 0.5 });
    expect(prf(1, 2, 4, Number.MAX_VALUE).fmeasure).toBe(0.25);
  });

  it('rouge: options.beta of 1e200 weighs recall only, 1e-200 precision only', () => {
    // rouge1: 'a b' vs 'a c d': 1 hit, P = 1/2, R = 1/3.
    expect(rouge('a b', 'a c d', { types: ['rouge1', 'rougeL'], beta: 1e200 })).toEqual({
      rouge1: { precision: 0.5, recall: 1 / 3, fmeasure: 1 / 3 },
      rougeL: { precision: 0.5, recall: 1 / 3, fmeasure: 1 / 3 },
    });
    expect(rouge('a b', 'a c d', { types: ['rouge1'], beta: 1e-200 }).rouge1!.fmeasure).toBe(0.5);
  });

  it('chrF refuses such a beta naming options.beta (sacrebleu raises OverflowError on beta ** 2)', () => {
    expect(() => sentenceChrf('abc', 'abd', { beta: 1e200 })).toThrow(RangeError);
    expect(() => sentenceChrf('abc', 'abd', { beta: 1e200 })).toThrow(/^sentenceChrf: options\.beta/);
    expect(() => corpusChrf(['abc'], ['abd'], { beta: 1e155, epsSmoothing: true })).toThrow(/^corpusChrf: options\.beta/);
    // The largest beta whose square is finite still scores (F tends to the recall).
    expect(Number.isFinite(sentenceChrf('abc', 'abd', { beta: 1e154 }).score)).toBe(true);
  });
});

describe('BLEU smoothValue that overflows the smoothed precisions', () => {
  it('is refused naming options.smoothValue, for floor and add-k', () => {
    // floor: 100 * 1e308 / total = Infinity (sacrebleu returns inf); add-k: 100 * (count + 1e308) = Infinity.
    expect(() => sentenceBleu('a b c d', 'a b x y', { smoothMethod: 'floor', smoothValue: 1e308 })).toThrow(RangeError);
    expect(() => sentenceBleu('a b c d', 'a b x y', { smoothMethod: 'floor', smoothValue: 1e308 })).toThrow(/^sentenceBleu: options\.smoothValue/);
    expect(() => corpusBleu(['a b c d'], ['a b x y'], { smoothMethod: 'add-k', smoothValue: 1e308 })).toThrow(/^corpusBleu: options\.smoothValue/);
  });

  it('a large but safe value still gives a finite score', () => {
    const r = sentenceBleu('a b c d', 'a b x y', { smoothMethod: 'add-k', smoothValue: 1e300 });
    expect(Number.isFinite(r.score)).toBe(true);
  });
});

describe('NLTK BLEU: smoothing constants and weights that break the arithmetic', () => {
  const ref = ['a', 'b', 'c', 'd', 'e'];
  const hyp = ['a', 'b', 'c', 'y', 'z'];

  it('options.k = 0 (methods 4 and 7) is refused naming options.k, as NLTK raises ZeroDivisionError', () => {
    for (const smoothing of [4, 7] as const) {
      expect(() => sentenceBleuNltk([ref], hyp, { smoothing, k: 0 })).toThrow(RangeError);
      expect(() => sentenceBleuNltk([ref], hyp, { smoothing, k: 0 })).toThrow(/^sentenceBleuNltk: options\.k/);
      expect(() => corpusBleuNltk([[ref]], [hyp], { smoothing, k: 1e-320 })).toThrow(/^corpusBleuNltk: options\.k/);
    }
    // With a zero weight on the infinite precision NLTK computes 0 * inf = nan; still refused.
    expect(() => sentenceBleuNltk([ref], hyp, { smoothing: 4, k: 0, weights: [0.5, 0.5, 0, 0] })).toThrow(/options\.k/);
  });

  it('weights whose weighted log sum overflows are refused naming options.weights (NLTK: OverflowError in math.exp)', () => {
    expect(() => sentenceBleuNltk([ref], hyp, { weights: [-1e308, 0] })).toThrow(RangeError);
    expect(() => sentenceBleuNltk([ref], hyp, { weights: [-1e308, 0] })).toThrow(/^sentenceBleuNltk: options\.weights/);
    expect(() => corpusBleuNltk([[ref]], [['a', 'b', 'c', 'x', 'y']], { weights: [1e308, -1e308] })).toThrow(/^corpusBleuNltk: options\.weights/);
  });

  it('method 6 errors name the function and the option', () => {
    expect(() => sentenceBleuNltk([ref], hyp, { smoothing: 6, weights: [0.5, 0.5] })).toThrow(/^sentenceBleuNltk: options\.smoothing/);
    expect(() => corpusBleuNltk([[['a', 'b']]], [['a', 'c', 'b']], { smoothing: 6 })).toThrow(/^corpusBleuNltk: options\.smoothing/);
    // l + alpha = 0 for the last hypothesis' 3-grams (l = 3): NLTK raises ZeroDivisionError.
    expect(() => sentenceBleuNltk([ref], hyp, { smoothing: 6, alpha: -3 })).toThrow(RangeError);
    expect(() => sentenceBleuNltk([ref], hyp, { smoothing: 6, alpha: -3 })).toThrow(/^sentenceBleuNltk: options\.alpha/);
  });

  it("a negative k keeps NLTK's number: the negative smoothed precision is skipped in the log sum", () => {
    // p1..p3 = 3/5, 2/4, 1/3; p4 = 0 becomes ln(5) / (2 · -1) / 2 < 0 and is skipped: (0.6 · 0.5 / 3)^(1/4).
    expect(sentenceBleuNltk([ref], hyp, { smoothing: 4, k: -1 })).toBeCloseTo(0.1 ** 0.25, 15);
  });
});

describe('addStats refuses what is not a statistics row', () => {
  it('names the element that is not a finite number', () => {
    expect(() => addStats([1, 2], [3, '4' as never])).toThrow(TypeError);
    expect(() => addStats([1, 2], [3, '4' as never])).toThrow(/^addStats: b\[1\] must be a finite number, got "4"/);
    expect(() => addStats([1, NaN], [3, 4])).toThrow(/^addStats: a\[1\] must be a finite number, got NaN/);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => addStats([1, , 2] as number[], [1, 2, 3])).toThrow(/^addStats: a\[1\] must be a finite number, got undefined/);
    expect(() => addStats([Infinity], [1])).toThrow(/^addStats: a\[0\]/);
    expect(addStats([0.5, 1], [0.25, 2])).toEqual([0.75, 3]);
  });
});

describe('exported constants cannot be changed', () => {
  it('TOKENIZER_NAMES is frozen, so no one can add a name that getTokenizer would accept and return nothing for', () => {
    expect(Object.isFrozen(TOKENIZER_NAMES)).toBe(true);
    expect(() => (TOKENIZER_NAMES as string[]).push('evil')).toThrow(TypeError);
    expect(() => getTokenizer('evil' as never)).toThrow(/^getTokenizer: name must be one of/);
  });
});
