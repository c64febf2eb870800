import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bootstrapConfidence } from '../../src/aggregate/bootstrap';
import { bleuCorpusRows, bleuScoreOnly, corpusBleu, resolveBleuOptions } from '../../src/metrics/bleu';
import { bleuConfidence, pairedBleuTest } from '../../src/metrics/bleuConfidence';
import { SIGNATURE_VERSION } from '../../src/metrics/signature';

const lines = (name: string): string[] => {
  const l = readFileSync(new URL(`../fixtures/corpus/wmt17-ende/${name}`, import.meta.url), 'utf8').split('\n');
  if (l.at(-1) === '') l.pop();
  return l.slice(0, 300);
};
const ref = lines('ref.de');
const kit = lines('hyp.KIT.4950.de');
const c3ma = lines('hyp.C-3MA.4959.de');

describe('bleuConfidence', () => {
  it('reports the corpus score with an interval around it and a sacrebleu-style signature', () => {
    const r = bleuConfidence(kit, ref, { samples: 200 });
    expect(r.score).toBe(corpusBleu(kit, ref).score);
    expect(r.low).toBeLessThan(r.score);
    expect(r.high).toBeGreaterThan(r.score);
    expect(r.ci).toBeCloseTo((r.high - r.low) / 2, 12);
    expect(r.signature).toBe(`nrefs:1|bs:200|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:${SIGNATURE_VERSION}`);
  });

  it('is the generic bootstrap over BLEU statistics rows (re-summed, never re-tokenized)', () => {
    const o = resolveBleuOptions('test', { lowercase: true });
    const { data, n, width } = bleuCorpusRows(kit, ref.map((r) => [r]), o);
    const rows = Array.from({ length: n }, (_, i) => data.subarray(i * width, (i + 1) * width));
    const generic = bootstrapConfidence(rows, (s) => bleuScoreOnly(s, o), { samples: 100, seed: 9 });
    const { signature, ...r } = bleuConfidence(kit, ref, { lowercase: true, samples: 100, seed: 9 });
    expect(r).toEqual(generic);
    expect(signature).toContain('|case:lc|');
  });

  it('gives all zeros for an empty corpus', () => {
    expect(bleuConfidence([], [], { samples: 10 })).toMatchObject({ score: 0, low: 0, high: 0, mean: 0, std: 0, ci: 0 });
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => bleuConfidence(kit, ref.slice(1))).toThrow(/bleuConfidence: hypotheses and references must have the same length/);
    expect(() => bleuConfidence(kit, ref, { samples: 0 })).toThrow(/bleuConfidence: options.samples/);
    expect(() => bleuConfidence(kit, ref, { tokenize: 'x' as never })).toThrow(/bleuConfidence: options.tokenize/);
    expect(() => bleuConfidence(kit, ref, { seeds: 1 } as never)).toThrow(/unknown option "seeds"/);
  });
});

describe('pairedBleuTest', () => {
  it('finds no difference between a system and itself, a difference between real systems', () => {
    const same = pairedBleuTest(kit, kit, ref, { samples: 200 });
    expect(same.difference).toBe(0);
    const t = pairedBleuTest(c3ma, kit, ref, { samples: 300 });
    expect(t.baseline.score).toBe(corpusBleu(c3ma, ref).score);
    expect(t.candidate.score).toBe(corpusBleu(kit, ref).score);
    expect(t.difference).toBe(t.candidate.score - t.baseline.score);
    expect(t.pValue).toBeGreaterThan(0);
    expect(t.pValue).toBeLessThanOrEqual(1);
    expect(t.signature).toBe(`nrefs:1|bs:300|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:${SIGNATURE_VERSION}`);
  });

  it('separates a system from the references themselves (p small) with both methods', () => {
    for (const method of ['bootstrap', 'randomization'] as const) {
      const t = pairedBleuTest(kit, ref, ref, { method, samples: 199 });
      expect(t.candidate.score).toBeCloseTo(100, 9);
      expect(t.pValue).toBe(1 / 200);
    }
  });

  it('randomization reports its trials and the bootstrap resamples of its intervals in the signature', () => {
    const t = pairedBleuTest(c3ma, kit, ref, { method: 'randomization', samples: 500, confidenceSamples: 100 });
    expect(t.samples).toBe(500);
    expect(t.candidate.samples).toBe(100);
    expect(t.signature).toMatch(/^nrefs:1\|bs:100\|ar:500\|seed:12345\|case:mixed/);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => pairedBleuTest(kit, kit.slice(1), ref)).toThrow(/pairedBleuTest: candidate must be an array of 300 hypotheses/);
    expect(() => pairedBleuTest(kit, [...kit.slice(1), 5 as never], ref)).toThrow(/candidate\[299\] must be a string/);
    expect(() => pairedBleuTest(kit, kit, ref, { method: 'paired-bs' as never })).toThrow(/options.method/);
    expect(() => pairedBleuTest(kit, kit, ref, { smoothValue: -2 })).toThrow(RangeError);
  });

  it('does not modify its inputs and gives zeros on an empty corpus', () => {
    const a = Object.freeze(kit.slice(0, 20));
    const b = Object.freeze(c3ma.slice(0, 20));
    const r = Object.freeze(ref.slice(0, 20));
    expect(() => pairedBleuTest(a, b, r, { samples: 20 })).not.toThrow();
    expect(pairedBleuTest([], [], [])).toMatchObject({ difference: 0, pValue: 1 });
  });
});
