// Laws of `score` on arbitrary input, through run() in-process (the same program as dist/cli.js):
// streaming accumulation equals the library's corpus functions on the whole corpus, text files and JSON
// Lines agree, per-segment rows equal the sentence functions, and nothing throws or prints a non-finite
// number on arbitrary Unicode.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { pyRstrip } from '../../src/internal/pywhitespace.js';
import { corpusBleu, sentenceBleu } from '../../src/metrics/bleu.js';
import { corpusChrf, sentenceChrf } from '../../src/metrics/chrf.js';
import { corpusRouge, rouge } from '../../src/metrics/rouge.js';
import { runInProcess, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

/** A segment: arbitrary Unicode (any code point), one line (no \n or \r, which end lines in a text file). */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom('the', 'cat', 'sat', 'on', 'mat', 'a', 'Katze', '猫', '__proto__', 'constructor', ',', '.'), { maxLength: 12 }).map((w) => w.join(' ')),
).map((s) => s.replace(/[\n\r]/g, ' '));

const corpus = fc.array(fc.tuple(text, fc.array(text, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 8 });

function finiteEverywhere(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(finiteEverywhere);
  if (v && typeof v === 'object') return Object.values(v).every(finiteEverywhere);
  return true;
}

describe('score on arbitrary corpora', () => {
  it('JSON Lines: equals the corpus functions; per-segment rows equal the sentence functions; all finite', async () => {
    await fc.assert(
      fc.asyncProperty(corpus, async (segs) => {
        const file = join(tmp.dir, `c${++n}.jsonl`);
        writeFileSync(file, segs.map(([h, r]) => JSON.stringify({ hypothesis: h, references: r })).join('\n'));
        const seg = join(tmp.dir, `s${n}.jsonl`);
        const res = await runInProcess(['score', '--jsonl', file, '--metrics', 'rouge1,rougeL,rougeLsum,bleu,chrf,chrf++', '--format', 'json', '--per-segment', seg]);
        expect(res.stderr).toBe('');
        expect(res.code).toBe(0);
        const got = JSON.parse(res.stdout);
        expect(finiteEverywhere(got)).toBe(true);
        const h = segs.map(([x]) => x);
        const r = segs.map(([, y]) => y);
        const rg = corpusRouge(h, r, { types: ['rouge1', 'rougeL', 'rougeLsum'] });
        expect({ rouge1: got.rouge1, rougeL: got.rougeL, rougeLsum: got.rougeLsum }).toEqual(rg);
        expect(got.bleu).toEqual(corpusBleu(h, r));
        expect(got.chrf).toEqual(corpusChrf(h, r));
        expect(got['chrf++']).toEqual(corpusChrf(h, r, { wordOrder: 2 }));
        const rows = readFileSync(seg, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
        expect(rows).toHaveLength(segs.length);
        rows.forEach((row, i) => {
          const [hy, re] = segs[i] as [string, string[]];
          expect(finiteEverywhere(row)).toBe(true);
          expect(row.rougeL).toEqual(rouge(hy, re, { types: ['rougeL'] }).rougeL);
          expect(row.bleu.score).toBe(sentenceBleu(hy, re).score);
          expect(row.chrf.score).toBe(sentenceChrf(hy, re).score);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('text files (one --ref per reference position) give the JSON Lines results of the right-stripped lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 8 }), async (rows) => {
        const k = ++n;
        const paths = [0, 1, 2].map((j) => join(tmp.dir, `t${k}-${j}.txt`));
        paths.forEach((p, j) => writeFileSync(p, rows.map((row) => row[j]).join('\n') + '\n'));
        const viaText = await runInProcess(['score', '--hyp', paths[0] as string, '--ref', paths[1] as string, '--ref', paths[2] as string, '--format', 'json']);
        expect(viaText.code).toBe(0);
        const jsonl = join(tmp.dir, `t${k}.jsonl`);
        // sacrebleu's command line strips trailing white space of each line; so does ours for text files.
        writeFileSync(jsonl, rows.map(([h, a, b]) => JSON.stringify({ hypothesis: pyRstrip(h), references: [pyRstrip(a), pyRstrip(b)] })).join('\n'));
        const viaJsonl = await runInProcess(['score', '--jsonl', jsonl, '--format', 'json']);
        expect(viaJsonl.code).toBe(0);
        expect(JSON.parse(viaText.stdout)).toEqual(JSON.parse(viaJsonl.stdout));
      }),
      { numRuns: 30 },
    );
  });

  it('every format prints every metric, and never NaN or Infinity', async () => {
    await fc.assert(
      fc.asyncProperty(corpus, fc.constantFrom('table', 'markdown'), async (segs, format) => {
        const file = join(tmp.dir, `f${++n}.jsonl`);
        writeFileSync(file, segs.map(([h, r]) => JSON.stringify({ hypothesis: h, references: r })).join('\n'));
        const res = await runInProcess(['score', '--jsonl', file, '--format', format]);
        expect(res.code).toBe(0);
        expect(res.stdout).not.toMatch(/NaN|Infinity/);
        for (const k of ['rouge1', 'rouge2', 'rougeL', 'rougeLsum', 'bleu', 'chrf']) expect(res.stdout).toMatch(new RegExp(`(^|\\| )${k} `, 'm'));
      }),
      { numRuns: 20 },
    );
  });
});
