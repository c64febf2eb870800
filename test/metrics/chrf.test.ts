import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusChrf, sentenceChrf, type ChrfOptions } from '../../src/metrics/chrf';

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

const FIXTURE = new URL('../fixtures/chrf.jsonl', import.meta.url);
// File-backed cases name paths relative to the reference set's parent (`corpus/...`); copies live in fixtures/.
const FILE_ROOT = new URL('../fixtures/', import.meta.url);

const cases: ChrfCase[] = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as ChrfCase);

function readLines(rel: string): string[] {
  const lines = readFileSync(new URL(rel, FILE_ROOT), 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const OPTION_MAP: Record<string, keyof ChrfOptions> = {
  char_order: 'charOrder',
  word_order: 'wordOrder',
  beta: 'beta',
  lowercase: 'lowercase',
  whitespace: 'whitespace',
  eps_smoothing: 'epsSmoothing',
};

function toOptions(py: Record<string, unknown>): ChrfOptions {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(py)) {
    const js = OPTION_MAP[k];
    if (js === undefined) throw new Error(`unmapped option ${k}`);
    o[js] = v;
  }
  return o as ChrfOptions;
}

/** sacrebleu's layout (reference streams, `null` = no reference) to ours (references per segment). */
function perSegment(streams: (string | null)[][], n: number): string[][] {
  return Array.from({ length: n }, (_, i) => streams.map((s) => s[i]).filter((r): r is string => r !== null && r !== undefined));
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(1e-9 * Math.abs(b), 1e-15);
const withoutVersion = (sig: string): string => sig.split('|').filter((p) => !p.startsWith('version:')).join('|');

function run(c: ChrfCase) {
  const options = toOptions(c.options);
  if (c.level === 'sentence') return sentenceChrf(c.hypothesis as string, c.references as string[], options);
  const hyps = c.hypotheses_file !== undefined ? readLines(c.hypotheses_file) : (c.hypotheses as string[]);
  const streams =
    c.references_files !== undefined ? c.references_files.map(readLines) : (c.references as (string | null)[][]);
  return corpusChrf(hyps, perSegment(streams, hyps.length), options);
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
