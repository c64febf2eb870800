import { describe, expect, it } from 'vitest';
import { corpusBleuNltk, sentenceBleuNltk, type NltkBleuOptions, type NltkSmoothing } from '../../src/metrics/bleuNltk';
import { fixtureCases, close } from '../helpers/fixtures';

// Parity with NLTK 3.8 on every case of test/fixtures/bleu_nltk.jsonl.

interface NltkCase {
  id: string;
  level: 'sentence' | 'corpus';
  options: { weights: number[] | number[][]; smoothing: string | null; auto_reweigh: boolean; smoothing_params: { epsilon: number; alpha: number; k: number } };
  hypothesis?: string[];
  references: string[][] | string[][][];
  hypotheses?: string[][];
  expected: { score?: number | number[]; error?: string };
}

const cases: NltkCase[] = fixtureCases<NltkCase>('bleu_nltk.jsonl');

function run(c: NltkCase): number | number[] {
  const o = c.options;
  const options: NltkBleuOptions = {
    weights: o.weights,
    autoReweigh: o.auto_reweigh,
    epsilon: o.smoothing_params.epsilon,
    alpha: o.smoothing_params.alpha,
    k: o.smoothing_params.k,
  };
  if (o.smoothing !== null) options.smoothing = Number(o.smoothing.replace('method', '')) as NltkSmoothing;
  // NLTK scores several weight lists in one call (smoothing sees all orders up to the longest list).
  return c.level === 'corpus'
    ? (corpusBleuNltk(c.references as string[][][], c.hypotheses as string[][], options as never) as number | number[])
    : (sentenceBleuNltk(c.references as string[][], c.hypothesis as string[], options as never) as number | number[]);
}

describe('BLEU parity with NLTK 3.8 (bleu_nltk.jsonl)', () => {
  it('has the cases', () => {
    expect(cases.length).toBe(366);
  });
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    if (c.expected.error !== undefined) {
      expect(() => run(c)).toThrow(RangeError);
      return;
    }
    const got = run(c);
    const want = c.expected.score as number | number[];
    const a = Array.isArray(got) ? got : [got];
    const b = Array.isArray(want) ? want : [want];
    expect(Array.isArray(got)).toBe(Array.isArray(want));
    expect(a).toHaveLength(b.length);
    a.forEach((x, i) => {
      if (!close(x, b[i] as number)) expect.fail(`score[${i}]: expected ${b[i]}, got ${x}`);
    });
  });
});
