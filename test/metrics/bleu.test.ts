import { describe, expect, it } from 'vitest';
import { bleuCorpusRows, corpusBleu, resolveBleuOptions, sentenceBleu, type BleuOptions, type BleuResult } from '../../src/metrics/bleu';
import { SIGNATURE_VERSION } from '../../src/metrics/signature';
import { bleuOptionsOf, close, corpusInputs, fixtureCases } from '../helpers/fixtures';

// Parity with sacrebleu 2.6.0 on every case of test/fixtures/bleu_sacrebleu.jsonl (schema: fixtures/REFERENCE-README.md).

interface SacreOptions {
  tokenize?: BleuOptions['tokenize'];
  lowercase?: boolean;
  smooth_method?: BleuOptions['smoothMethod'];
  smooth_value?: number | null;
  max_ngram_order?: number;
  effective_order?: boolean;
  trg_lang?: string;
  force?: boolean;
}
interface Expected {
  score: number;
  counts: number[];
  totals: number[];
  precisions: number[];
  bp: number;
  sys_len: number;
  ref_len: number;
  ratio: number;
  stats_raw: number[];
  signature: string;
}
interface BleuCase {
  id: string;
  level: 'sentence' | 'corpus';
  options: SacreOptions;
  hypothesis?: string;
  hypotheses?: string[];
  hypotheses_file?: string;
  references: (string | null)[] | (string | null)[][];
  references_files?: string[];
  expected: Expected;
  note?: string;
}

const cases = fixtureCases<BleuCase>('bleu_sacrebleu.jsonl');
function mismatch(r: BleuResult, e: Expected): string | null {
  const floats: [string, number, number][] = [
    ['score', r.score, e.score],
    ['bp', r.bp, e.bp],
    ['ratio', r.ratio, e.ratio],
    ...e.precisions.map((p, i): [string, number, number] => [`precisions[${i}]`, r.precisions[i] ?? NaN, p]),
  ];
  for (const [name, a, b] of floats) if (!close(a, b)) return `${name}: expected ${b}, got ${a}`;
  if (r.precisions.length !== e.precisions.length) return `precisions: expected ${e.precisions.length} orders`;
  if (JSON.stringify(r.counts) !== JSON.stringify(e.counts)) return `counts: expected ${JSON.stringify(e.counts)}, got ${JSON.stringify(r.counts)}`;
  if (JSON.stringify(r.totals) !== JSON.stringify(e.totals)) return `totals: expected ${JSON.stringify(e.totals)}, got ${JSON.stringify(r.totals)}`;
  if (r.sysLen !== e.sys_len || r.refLen !== e.ref_len) return `lengths: expected ${e.sys_len}/${e.ref_len}, got ${r.sysLen}/${r.refLen}`;
  const sig = e.signature.replace(/version:[^|]*$/, `version:${SIGNATURE_VERSION}`);
  if (r.signature !== sig) return `signature: expected ${sig}, got ${r.signature}`;
  return null;
}

describe('BLEU parity with sacrebleu 2.6.0 (bleu_sacrebleu.jsonl)', () => {
  it('has the cases', () => {
    expect(cases.length).toBe(471);
  });
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const options = bleuOptionsOf(c.options);
    let r: BleuResult;
    let raw: number[];
    const order = options.maxNgramOrder ?? 4;
    if (c.level === 'corpus') {
      const { hyps, refs } = corpusInputs(c);
      r = corpusBleu(hyps, refs, options);
      const { data, n, width } = bleuCorpusRows(hyps, refs, resolveBleuOptions('test', options));
      raw = new Array<number>(2 + 2 * order).fill(0);
      for (let i = 0; i < n; i++) for (let k = 0; k < raw.length; k++) raw[k] = (raw[k] as number) + (data[i * width + k] as number);
    } else {
      r = sentenceBleu(c.hypothesis as string, c.references as string[], options);
      const rows = bleuCorpusRows([c.hypothesis as string], [c.references as string[]], resolveBleuOptions('test', options));
      raw = Array.from(rows.data.subarray(0, 2 + 2 * order));
    }
    expect(mismatch(r, c.expected)).toBeNull();
    expect(raw).toEqual(c.expected.stats_raw);
  });
});
