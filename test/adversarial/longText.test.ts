import { describe, expect, it } from 'vitest';
import { corpusRouge, rouge, sentenceBleu, sentenceChrf } from '../../src/index';

// Very long texts: LCS memory is linear in the shorter text wherever no backtrack is needed; where
// rouge-score's union LCS needs a full table (rougeLsum, one per pair of sentences), a cell budget gives a
// RangeError naming the option that raises it, never an out-of-memory crash.

/** `n` pseudo-random words from a vocabulary of 5,000, as a single line. */
function words(n: number, seed: number): string[] {
  let s = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push(`w${s % 5000}`);
  }
  return out;
}
const lines = (ws: string[], perLine: number) => ws.map((w, i) => ((i + 1) % perLine === 0 ? `${w}\n` : `${w} `)).join('');

describe('60,000-token texts', () => {
  const a = words(60_000, 1);
  const b = words(60_000, 2);

  it('rougeLsum on two lines of 30,000 tokens each refuses with a RangeError naming maxLcsCells, at once and without allocating', () => {
    const hyp = lines(a, 30_000);
    const ref = lines(b, 30_000);
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    let error: unknown;
    try {
      rouge(hyp, ref, { types: ['rougeLsum'] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RangeError);
    // 30,000 × 30,000 = 9e8 cells for one pair of sentences, over the default 250,000,000.
    expect((error as Error).message).toMatch(/^rouge: rougeLsum needs an LCS table of 900000000 cells .* options\.maxLcsCells \(250000000\)/);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100e6);
    // The corpus function names itself.
    expect(() => corpusRouge(['x', hyp], ['x', ref], { types: ['rougeLsum'] })).toThrow(/^corpusRouge: rougeLsum needs .* options\.maxLcsCells/);
  });

  it('a narrow table (a one-token hypothesis sentence) is charged as 64 columns, so the budget bounds its memory', () => {
    // 1 hypothesis column × 40,000 reference rows is stored as 40,000 one-word rows: charged 64 × 40,000 = 2,560,000 cells.
    const r = words(40_000, 7);
    const ref = `${r.join(' ')}\nx`;
    const hyp = `${r[0]}\ny`;
    expect(() => rouge(hyp, ref, { types: ['rougeLsum'], maxLcsCells: 2_559_999 })).toThrow(/needs an LCS table of 2560000 cells .* options\.maxLcsCells \(2559999\)/);
    expect(rouge(hyp, ref, { types: ['rougeLsum'], maxLcsCells: 2_560_000 }).rougeLsum).toEqual(rouge(hyp, ref, { types: ['rougeLsum'] }).rougeLsum);
  });

  it('maxLcsCells is the limit: a lower one refuses smaller tables, a higher one lets them through', () => {
    const hyp = lines(a.slice(0, 4000), 2000);
    const ref = lines(b.slice(0, 4000), 2000);
    // 2,000 × 2,000 = 4e6 cells per pair.
    expect(() => rouge(hyp, ref, { types: ['rougeLsum'], maxLcsCells: 3_999_999 })).toThrow(/options\.maxLcsCells \(3999999\)/);
    const r = rouge(hyp, ref, { types: ['rougeLsum'], maxLcsCells: 4_000_000 }).rougeLsum;
    expect(r.fmeasure).toBeGreaterThan(0);
    expect(r).toEqual(rouge(hyp, ref, { types: ['rougeLsum'] }).rougeLsum);
  });

  it('rougeL of two single 60,000-token lines needs no table: memory stays far below the 450 MB a bit table would take', () => {
    const before = process.memoryUsage().rss;
    const r = rouge(a.join(' '), b.join(' '), { types: ['rouge1', 'rougeL', 'rougeLsum'] });
    expect(process.memoryUsage().rss - before).toBeLessThan(150e6);
    expect(r.rougeL.fmeasure).toBeGreaterThan(0);
    expect(r.rougeL.fmeasure).toBeLessThanOrEqual(r.rouge1!.fmeasure);
    // One line each: rougeLsum's union is the one LCS.
    expect(r.rougeLsum).toEqual(r.rougeL);
  });

  it('rougeLsum on 30,000 of these tokens in lines of 40: small tables, a score', () => {
    const r = rouge(lines(a.slice(0, 30_000), 40), lines(b.slice(0, 30_000), 40), { types: ['rougeLsum'] }).rougeLsum;
    expect(r.fmeasure).toBeGreaterThan(0);
    expect(r.fmeasure).toBeLessThan(1);
  });

  it('BLEU and chrF++ of the two 60,000-token texts', () => {
    const bleu = sentenceBleu(a.join(' '), b.join(' '));
    expect(bleu.totals[0]).toBe(60_000);
    expect(bleu.score).toBeGreaterThan(0);
    expect(bleu.score).toBeLessThan(100);
    const chrf = sentenceChrf(a.join(' '), b.join(' '), { wordOrder: 2 });
    expect(chrf.score).toBeGreaterThan(0);
    expect(chrf.score).toBeLessThan(100);
  });
});
