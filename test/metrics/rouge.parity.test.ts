import { describe, expect, it } from 'vitest';
import { corpusRouge, createRougeScorer, rouge } from '../../src/metrics/rouge';
import type { RougeScorer } from '../../src/metrics/rouge';
import type { RougeType } from '../../src/metrics/rouge';
import { fixtureCases, close } from '../helpers/fixtures';

// Table-driven parity with rouge-score 0.1.2 (test/fixtures/rouge.jsonl, schema in REFERENCE-README.md).

interface Triple {
  precision: number;
  recall: number;
  fmeasure: number;
}
interface RougeCase {
  id: string;
  level: 'sentence' | 'corpus';
  mode: 'score' | 'score_multi' | 'mean_of_items';
  options: { rouge_types: string[]; use_stemmer: boolean; split_summaries: boolean };
  hypothesis?: string;
  references?: string[];
  hypotheses?: string[];
  references_list?: never;
  expected: Record<string, Triple> & { error?: string; message?: string; mean?: Record<string, Triple>; per_item?: Record<string, Triple>[] };
}

const cases: RougeCase[] = fixtureCases<RougeCase>('rouge.jsonl');

function expectScores(got: Record<string, Triple | undefined>, want: Record<string, Triple>, types: readonly string[]): void {
  for (const t of types) {
    const g = got[t];
    const w = want[t];
    expect(g, t).toBeDefined();
    expect(w, t).toBeDefined();
    for (const k of ['precision', 'recall', 'fmeasure'] as const) {
      if (!close(g![k], w![k])) expect.fail(`${t}.${k}: expected ${w![k]}, got ${g![k]}`);
    }
  }
}

const opts = (c: RougeCase) => ({ types: c.options.rouge_types as RougeType[], stemmer: c.options.use_stemmer });

describe('rouge parity with rouge-score 0.1.2', () => {
  it('covers the fixture file', () => {
    expect(cases.length).toBe(737);
    expect(cases.filter((c) => 'error' in c.expected).length).toBeGreaterThanOrEqual(4);
    expect(cases.some((c) => c.options.use_stemmer)).toBe(true);
    expect(cases.filter((c) => c.level === 'corpus').length).toBe(10);
  });

  const sentence = cases.filter((c) => c.level === 'sentence');
  it.each(sentence.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const refs = c.mode === 'score' ? (c.references as string[])[0] : (c.references as string[]);
    if ('error' in c.expected) {
      expect(() => rouge(c.hypothesis as string, refs as string, opts(c))).toThrow();
      return;
    }
    expectScores(rouge(c.hypothesis as string, refs as string, opts(c)), c.expected, c.options.rouge_types);
  });

  const corpus = cases.filter((c) => c.level === 'corpus');
  it.each(corpus.map((c) => [c.id, c] as const))('%s (corpus mean)', (_id, c) => {
    const refLists = c.references as unknown as string[][];
    const refs = refLists.map((r) => (r.length === 1 ? (r[0] as string) : r));
    expectScores(corpusRouge(c.hypotheses as string[], refs, opts(c)), c.expected.mean!, c.options.rouge_types);
    // Each item alone matches rouge-score's per-item score too.
    c.hypotheses!.forEach((h, i) => expectScores(rouge(h, refs[i]!, opts(c)), c.expected.per_item![i]!, c.options.rouge_types));
  });

  it('gives the same numbers through a long-lived createRougeScorer (one per option set, shared by the cases in file order)', () => {
    const scorers = new Map<string, RougeScorer>();
    let scored = 0;
    for (const c of sentence) {
      if ('error' in c.expected) continue;
      const key = JSON.stringify(opts(c));
      let scorer = scorers.get(key);
      if (scorer === undefined) scorers.set(key, (scorer = createRougeScorer(opts(c))));
      const refs = c.mode === 'score' ? (c.references as string[])[0]! : (c.references as string[]);
      expectScores(scorer.score(c.hypothesis as string, refs), c.expected, c.options.rouge_types);
      scored++;
    }
    expect(scored).toBe(sentence.filter((c) => !('error' in c.expected)).length);
    expect(scorers.size).toBeGreaterThan(1);
  });
});
