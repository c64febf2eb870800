import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bootstrapConfidence } from '../../src/aggregate/bootstrap';
import { pairedTest } from '../../src/aggregate/significance';
import { ChrfContext, corpusChrf, finalizeChrf, resolveChrfOptions } from '../../src/metrics/chrf';
import { chrfConfidence, pairedChrfTest } from '../../src/metrics/chrfConfidence';
import { SIGNATURE_VERSION } from '../../src/metrics/signature';

const lines = (name: string): string[] => {
  const l = readFileSync(new URL(`../fixtures/corpus/wmt17-ende/${name}`, import.meta.url), 'utf8').split('\n');
  if (l.at(-1) === '') l.pop();
  return l.slice(0, 200);
};
const ref = lines('ref.de');
const kit = lines('hyp.KIT.4950.de');
const c3ma = lines('hyp.C-3MA.4959.de');

/** Per-segment chrF rows, computed independently of chrfConfidence. */
function rows(hyps: string[], opts = {}): number[][] {
  const o = resolveChrfOptions('test', opts);
  const ctx = new ChrfContext(o);
  return hyps.map((h, i) => {
    const row = new Array<number>(3 * (o.charOrder + o.wordOrder)).fill(0);
    ctx.addSegment(row, h, [ref[i] as string]);
    return row;
  });
}

describe('chrfConfidence', () => {
  it('reports corpusChrf with an interval: the generic bootstrap over chrF rows', () => {
    const { signature, ...r } = chrfConfidence(kit, ref, { wordOrder: 2, samples: 150, seed: 4 });
    expect(r.score).toBe(corpusChrf(kit, ref, { wordOrder: 2 }).score);
    const o = resolveChrfOptions('test', { wordOrder: 2 });
    const generic = bootstrapConfidence(rows(kit, { wordOrder: 2 }), (s) => finalizeChrf(Array.from(s), o).score, { samples: 150, seed: 4 });
    expect(r).toEqual(generic);
    expect(r.low).toBeLessThan(r.score);
    expect(r.high).toBeGreaterThan(r.score);
    expect(signature).toBe(`nrefs:1|bs:150|seed:4|case:mixed|eff:yes|nc:6|nw:2|space:no|version:${SIGNATURE_VERSION}`);
  });

  it('gives zeros for an empty corpus and rejects bad arguments', () => {
    expect(chrfConfidence([], [], { samples: 5 })).toMatchObject({ score: 0, low: 0, high: 0 });
    expect(() => chrfConfidence(kit, ref.slice(1))).toThrow(/chrfConfidence: hypotheses and references must have the same length/);
    expect(() => chrfConfidence(kit, ref, { samples: 0 })).toThrow(/chrfConfidence: options.samples/);
    expect(() => chrfConfidence(kit, ref, { charOrder: 0 })).toThrow(RangeError);
  });
});

describe('pairedChrfTest', () => {
  it('with one and several references mixed, chrF++: the same as the generic test over rows counted one by one', () => {
    const refs = ref.map((r, i) => (i % 3 === 0 ? [r, kit[i] as string] : [r]));
    const opts = { wordOrder: 2 };
    const o = resolveChrfOptions('test', opts);
    const rowsOf = (hyps: string[]): number[][] =>
      hyps.map((h, i) => {
        const row = new Array<number>(3 * (o.charOrder + o.wordOrder)).fill(0);
        new ChrfContext(o).addSegment(row, h, refs[i] as string[]);
        return row;
      });
    const { signature, ...t } = pairedChrfTest(c3ma, kit, refs, { ...opts, samples: 99 });
    expect(signature).toMatch(/^nrefs:var\|/);
    expect(t).toEqual(pairedTest(rowsOf(c3ma), rowsOf(kit), (s) => finalizeChrf(Array.from(s), o).score, { samples: 99 }));
    expect(t.candidate.score).toBe(corpusChrf(kit, refs, opts).score);
  });
  for (const method of ['bootstrap', 'randomization'] as const) {
    it(`${method}: the generic paired test over chrF rows`, () => {
      const o = resolveChrfOptions('test', {});
      const { signature, ...t } = pairedChrfTest(c3ma, kit, ref, { method, samples: 199 });
      const generic = pairedTest(rows(c3ma), rows(kit), (s) => finalizeChrf(Array.from(s), o).score, { method, samples: 199 });
      expect(t).toEqual(generic);
      expect(t.baseline.score).toBe(corpusChrf(c3ma, ref).score);
      expect(signature).toMatch(method === 'bootstrap' ? /^nrefs:1\|bs:199\|seed:12345\|case:mixed\|eff:yes\|nc:6/ : /^nrefs:1\|bs:1000\|ar:199\|seed:12345\|/);
    });
  }

  it('rejects bad arguments and never modifies inputs', () => {
    expect(() => pairedChrfTest(kit, kit.slice(1), ref)).toThrow(/pairedChrfTest: candidate must be an array of 200/);
    expect(() => pairedChrfTest(kit, kit, ref, { method: 'x' as never })).toThrow(/options.method/);
    const a = Object.freeze(kit.slice(0, 10));
    const r = Object.freeze(ref.slice(0, 10));
    expect(() => pairedChrfTest(a, a, r, { samples: 10 })).not.toThrow();
    expect(pairedChrfTest([], [], [])).toMatchObject({ pValue: 1, difference: 0 });
  });
});
