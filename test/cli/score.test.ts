// `nlg-metrics score` and the no-argument run, through the BUILT program (dist/cli.js) as a subprocess.
// Expected values come from the library's corpus and sentence functions on the same data (those are held
// to the reference fixtures by their own tests, and by test/cli/parity.test.ts through this command).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pyRstrip } from '../../src/internal/pywhitespace.js';
import { corpusBleu, sentenceBleu } from '../../src/metrics/bleu.js';
import { corpusChrf, sentenceChrf } from '../../src/metrics/chrf.js';
import { corpusRouge, rouge } from '../../src/metrics/rouge.js';
import { pyFixed } from '../../src/metrics/signature.js';
import { VERSION } from '../../src/version.js';
import { close, EXAMPLE_HYP, EXAMPLE_REF, readLines, ROOT, runCli, tempDir } from './helpers.js';

const DEFAULT_KEYS = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum', 'bleu', 'chrf'];
const ROUGE_TYPES = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const;
const hyps = readLines(EXAMPLE_HYP).map(pyRstrip);
const refs = readLines(EXAMPLE_REF).map(pyRstrip);
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** The library's corpus results for the default metrics. */
function expected(h: readonly string[], r: readonly (string | readonly string[])[]): Record<string, any> {
  return { ...corpusRouge(h, r), bleu: corpusBleu(h, r), chrf: corpusChrf(h, r) };
}

function expectSameScores(got: Record<string, any>, want: Record<string, any>): void {
  expect(Object.keys(got)).toEqual(Object.keys(want));
  for (const k of ROUGE_TYPES) {
    if (!(k in want)) continue;
    for (const f of ['precision', 'recall', 'fmeasure']) expect(close(got[k][f], want[k][f]), `${k}.${f}`).toBe(true);
  }
  for (const k of ['bleu', 'chrf']) {
    if (!(k in want)) continue;
    expect(close(got[k].score, want[k].score), `${k}: ${got[k].score} vs ${want[k].score}`).toBe(true);
    expect(got[k].signature).toBe(want[k].signature);
  }
}

describe('no arguments: the bundled example', () => {
  let r: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    r = await runCli([], { cwd: tmp.dir }); // from any directory: the example is found next to the built file
  }, 60_000);

  it('exits 0 and says on standard error that it scored the bundled example, with a hint', () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('bundled example');
    expect(r.stderr).toContain('nlg-metrics score --hyp');
  });

  it('prints an aligned table of the default metrics with the example corpus values and both signatures', () => {
    const want = expected(hyps, refs);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('40 segments');
    const header = lines.find((l) => l.startsWith('metric')) as string;
    const scoreEnd = header.indexOf('score') + 'score'.length;
    for (const k of DEFAULT_KEYS) {
      const row = lines.find((l) => l.startsWith(`${k} `)) as string;
      expect(row, k).toBeDefined();
      const shown = k === 'bleu' || k === 'chrf' ? pyFixed(want[k].score, 2) : pyFixed(want[k].fmeasure, 4);
      // right-aligned under the "score" heading
      expect(row.slice(scoreEnd - shown.length, scoreEnd), k).toBe(shown);
    }
    expect(r.stdout).toContain(`bleu  ${want.bleu.signature}`);
    expect(r.stdout).toContain(`chrf  ${want.chrf.signature}`);
    expect(want.bleu.signature).toContain(`version:nlg-metrics-${VERSION}`);
  });
});

describe('score --format json', () => {
  it('prints one object with the metric names as keys, equal to the library on the same files', async () => {
    const r = await runCli(['score', '--hyp', EXAMPLE_HYP, '--ref', EXAMPLE_REF, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(''); // no progress bar, no note
    const got = JSON.parse(r.stdout);
    expectSameScores(got, expected(hyps, refs));
    expect(got.bleu).toEqual(corpusBleu(hyps, refs));
  });

  it('--example with options; the metrics in the order given, chrf++ beside chrf', async () => {
    const r = await runCli(['score', '--example', '--metrics', 'chrf++,bleu,rougeLsum,chrf', '--tokenize', 'intl', '--stemmer', '--format', 'json']);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout);
    expect(Object.keys(got)).toEqual(['chrf++', 'bleu', 'rougeLsum', 'chrf']);
    expect(close(got['chrf++'].score, corpusChrf(hyps, refs, { wordOrder: 2 }).score)).toBe(true);
    expect(got['chrf++'].signature).toContain('nw:2');
    expect(got.bleu).toEqual(corpusBleu(hyps, refs, { tokenize: 'intl' }));
    expect(got.rougeLsum).toEqual(corpusRouge(hyps, refs, { types: ['rougeLsum'], stemmer: true }).rougeLsum);
  });

  it('reads the hypotheses from standard input with -', async () => {
    const r = await runCli(['score', '--hyp', '-', '--ref', EXAMPLE_REF, '--format', 'json'], { input: readFileSync(EXAMPLE_HYP) });
    expect(r.code).toBe(0);
    expectSameScores(JSON.parse(r.stdout), expected(hyps, refs));
  });

  it('Windows line endings and a last line without a newline give the same scores', async () => {
    const h = join(tmp.dir, 'crlf.hyp');
    const f = join(tmp.dir, 'crlf.ref');
    writeFileSync(h, hyps.join('\r\n')); // no final line break
    writeFileSync(f, refs.join('\r\n') + '\r\n');
    const r = await runCli(['score', '--hyp', h, '--ref', f, '--format', 'json']);
    expect(r.code).toBe(0);
    expectSameScores(JSON.parse(r.stdout), expected(hyps, refs));
  });

  it('several --ref files give each segment several references (nrefs:2 in the signatures)', async () => {
    const second = join(tmp.dir, 'ref2.de');
    const refs2 = hyps.map((h, i) => (i % 2 === 0 ? h : (refs[i] as string).toUpperCase()));
    writeFileSync(second, refs2.join('\n') + '\n');
    const r = await runCli(['score', '--hyp', EXAMPLE_HYP, '--ref', EXAMPLE_REF, '--ref', second, '--format', 'json']);
    expect(r.code).toBe(0);
    const multi = refs.map((x, i) => [x, refs2[i] as string]);
    const got = JSON.parse(r.stdout);
    expectSameScores(got, expected(hyps, multi));
    expect(got.bleu.signature).toContain('nrefs:2');
  });

  it('--jsonl reads {"hypothesis", "references"} records (the bundled DUC 2004 summaries, 4 references each)', async () => {
    const file = join(ROOT, 'examples', 'duc2004-summaries.jsonl');
    const records = readLines(file).map((l) => JSON.parse(l) as { hypothesis: string; references: string[] });
    const r = await runCli(['score', '--jsonl', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout);
    const h = records.map((x) => x.hypothesis);
    const rf = records.map((x) => x.references);
    expectSameScores(got, expected(h, rf));
    expect(got.bleu.signature).toContain('nrefs:4');
  });
});

describe('score --format markdown and GITHUB_STEP_SUMMARY', () => {
  it('prints a Markdown table with every metric and the signatures in code spans, pipes escaped', async () => {
    const r = await runCli(['score', '--example', '--format', 'markdown']);
    expect(r.code).toBe(0);
    const want = expected(hyps, refs);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[2]).toBe('| metric | score | precision | recall | signature |');
    expect(lines[3]).toBe('| --- | ---: | ---: | ---: | --- |');
    expect(lines.slice(4)).toHaveLength(DEFAULT_KEYS.length);
    expect(lines).toContain(`| bleu | ${pyFixed(want.bleu.score, 2)} |  |  | \`${want.bleu.signature.replaceAll('|', '\\|')}\` |`);
    const rougeL = want.rougeL;
    expect(lines).toContain(`| rougeL | ${pyFixed(rougeL.fmeasure, 4)} | ${pyFixed(rougeL.precision, 4)} | ${pyFixed(rougeL.recall, 4)} |  |`);
    // every row has the same number of unescaped cell separators
    for (const l of lines.slice(2)) expect(l.replaceAll('\\|', '').split('|')).toHaveLength(7);
  });

  it('appends the Markdown table to $GITHUB_STEP_SUMMARY (keeping what was there) whatever the format', async () => {
    const summary = join(tmp.dir, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = await runCli(['score', '--example', '--metrics', 'bleu', '--format', 'json'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow(); // stdout is still only the JSON
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n')).toBe(true);
    expect(text).toContain('| metric | score | precision | recall | signature |');
    expect(text).toContain(`| bleu | ${pyFixed(corpusBleu(hyps, refs).score, 2)} |`);
  });
});

describe('score --fail-under', () => {
  const want = expected(hyps, refs);

  it('exits 0 when every threshold is met (a value equal to the threshold passes)', async () => {
    const r = await runCli(['score', '--example', '--format', 'json', '--fail-under', `bleu=${want.bleu.score}`, '--fail-under', 'rougeL=0.1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('exits 1 naming each failing metric with its value and threshold, after printing the results', async () => {
    const r = await runCli(['score', '--example', '--fail-under', 'bleu=99', '--fail-under', 'rougeL=0.99', '--fail-under', 'chrf=1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('signatures:');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`nlg-metrics: bleu = ${pyFixed(want.bleu.score, 2)} is below the threshold 99 (--fail-under bleu=99)`);
    expect(lines[1]).toBe(`nlg-metrics: rougeL = ${pyFixed(want.rougeL.fmeasure, 4)} is below the threshold 0.99 (--fail-under rougeL=0.99)`);
  });

  it('never shows a rounded value that would look like a pass', async () => {
    const t = Number(pyFixed(want.bleu.score, 2));
    if (!(t > want.bleu.score)) return expect(t).toBeLessThanOrEqual(want.bleu.score); // rounding went down: no such display possible
    const r = await runCli(['score', '--example', '--metrics', 'bleu', '--fail-under', `bleu=${t}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`bleu = ${want.bleu.score} is below the threshold ${t}`);
  });

  it('exits 2 when the name is not among the computed metrics, or the value is off the scale', async () => {
    const a = await runCli(['score', '--example', '--metrics', 'bleu', '--fail-under', 'rougeL=0.3']);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe('nlg-metrics: score: --fail-under rougeL=0.3: "rougeL" is not among the computed metrics (bleu)\n');
    const b = await runCli(['score', '--example', '--fail-under', 'rougeL=35']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('0..1 scale (did you mean rougeL=0.35?)');
    const c = await runCli(['score', '--example', '--fail-under', 'bleu']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('NAME=VALUE');
  });
});

describe('score --per-segment', () => {
  it("writes each segment's scores with its line number, equal to the library's sentence scores", async () => {
    const out = join(tmp.dir, 'segments.jsonl');
    const r = await runCli(['score', '--example', '--format', 'json', '--per-segment', out]);
    expect(r.code).toBe(0);
    const rows = readLines(out).map((l) => JSON.parse(l));
    expect(rows).toHaveLength(hyps.length);
    rows.forEach((row, i) => {
      const h = hyps[i] as string;
      const f = refs[i] as string;
      expect(Object.keys(row)).toEqual(['line', ...DEFAULT_KEYS]);
      expect(row.line).toBe(i + 1);
      const rg = rouge(h, f);
      for (const t of ROUGE_TYPES) expect(row[t]).toEqual(rg[t]);
      expect(row.bleu).toEqual({ score: sentenceBleu(h, f).score }); // effective order, as sacrebleu --sentence-level
      expect(row.chrf).toEqual({ score: sentenceChrf(h, f).score });
    });
  });

  it('numbers JSON Lines segments by their line in the input, blank lines included', async () => {
    const input = join(tmp.dir, 'gaps.jsonl');
    writeFileSync(input, `\n${JSON.stringify({ hypothesis: 'a b c', references: 'a b d' })}\n\n${JSON.stringify({ hypothesis: 'x', references: ['y', 'x'] })}\n`);
    const out = join(tmp.dir, 'gaps-seg.jsonl');
    const r = await runCli(['score', '--jsonl', input, '--metrics', 'bleu', '--per-segment', out, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(readLines(out).map((l) => JSON.parse(l).line)).toEqual([2, 4]);
  });
});

describe('help and version', () => {
  it('--help and score --help print usage and exit 0; --version prints the version', async () => {
    const [a, b, c] = await Promise.all([runCli(['--help']), runCli(['score', '--help']), runCli(['--version'])]);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('nlg-metrics score --hyp FILE --ref FILE');
    expect(b.code).toBe(0);
    for (const flag of ['--hyp', '--jsonl', '--metrics', '--format', '--fail-under', '--per-segment', '--tokenize', '--char-order', '--stemmer']) {
      expect(b.stdout).toContain(flag);
    }
    expect(c.stdout).toBe(`${VERSION}\n`);
  });
});
