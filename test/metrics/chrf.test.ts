import { describe, expect, it } from 'vitest';
import { corpusChrf, sentenceChrf } from '../../src/metrics/chrf';
import { chrfOptionsOf, close, corpusInputs, fixtureCases } from '../helpers/fixtures';

// Parity with sacrebleu 2.6.0 CHRF, table-driven from the reference vectors (schema: fixtures/REFERENCE-README.md).

interface ChrfCase {
  id: string;
  level: 'sentence' | 'corpus';
  options: Record<string, unknown>;
  hypothesis?: string;
  references?: unknown;
  hypotheses?: string[];
  hypotheses_file?: string;
  references_files?: string[];
  expected: { score: number; name: string; stats: number[]; signature: string };
}

const cases = fixtureCases<ChrfCase>('chrf.jsonl');

const withoutVersion = (sig: string): string => sig.split('|').filter((p) => !p.startsWith('version:')).join('|');

function run(c: ChrfCase) {
  const options = chrfOptionsOf(c.options);
  if (c.level === 'sentence') return sentenceChrf(c.hypothesis as string, c.references as string[], options);
  const { hyps, refs } = corpusInputs(c);
  return corpusChrf(hyps, refs, options);
}

describe('chrF parity with sacrebleu 2.6.0 (fixtures/chrf.jsonl)', () => {
  it('has the reference cases', () => {
    expect(cases.length).toBe(336);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const r = run(c);
    expect(r.stats).toEqual(c.expected.stats);
    expect(close(r.score, c.expected.score), `score ${r.score} vs ${c.expected.score}`).toBe(true);
    expect(r.name).toBe(c.expected.name);
    expect(withoutVersion(r.signature)).toBe(withoutVersion(c.expected.signature));
    expect(r.signature).toMatch(/\|version:nlg-metrics-\d+\.\d+\.\d+/);
  });
});
