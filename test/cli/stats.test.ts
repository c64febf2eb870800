// `score --stats-out` and `merge`: shards scored apart merge into exactly the output of one run on all the
// segments (any split, any order of the files, merged in one step or in a tree), printed like score with the
// same formats and --fail-under; files of other metrics or options are refused naming what differs; the
// statistics file is written whole or not at all. In-process through run() (the same program as dist/cli.js),
// and once through the built program.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { accumulator } from '../../src/aggregate/accumulator.js';
import { pyRstrip } from '../../src/internal/pywhitespace.js';
import { corpusBleu } from '../../src/metrics/bleu.js';
import { corpusChrf } from '../../src/metrics/chrf.js';
import { corpusRouge } from '../../src/metrics/rouge.js';
import { EXAMPLE_HYP, EXAMPLE_REF, readLines, ROOT, runCli, runInProcess, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const file = (name: string): string => join(tmp.dir, `${++n}-${name}`);

// 1502 real segments (WMT17 en-de, uedin-nmt against the reference), and the bundled 40-line example.
const WMT_HYP = join(ROOT, 'bench', 'data', 'wmt17-ende', 'hyp.uedin-nmt.4722.de');
const WMT_REF = join(ROOT, 'bench', 'data', 'wmt17-ende', 'ref.de');
const wmtHyp = readLines(WMT_HYP);
const wmtRef = readLines(WMT_REF);

function write(name: string, lines: readonly string[]): string {
  const p = file(name);
  writeFileSync(p, lines.map((l) => `${l}\n`).join(''));
  return p;
}

/** Writes the shards [bounds[i], bounds[i+1]) of the WMT files and scores each with --stats-out. */
async function scoreShards(bounds: readonly number[], flags: readonly string[] = []): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const h = write('h.txt', wmtHyp.slice(bounds[i], bounds[i + 1]));
    const r = write('r.txt', wmtRef.slice(bounds[i], bounds[i + 1]));
    const s = file('stats.json');
    const res = await runInProcess(['score', '--hyp', h, '--ref', r, '--stats-out', s, '--format', 'json', ...flags]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    out.push(s);
  }
  return out;
}

describe('score --stats-out', () => {
  it("writes the run's statistics: format, version, metrics in order, segments, and one run per metric family", async () => {
    const s = file('stats.json');
    const res = await runInProcess(['score', '--hyp', EXAMPLE_HYP, '--ref', EXAMPLE_REF, '--metrics', 'chrf++,bleu,rougeL', '--stats-out', s, '--format', 'json']);
    expect(res.code).toBe(0);
    const stats = JSON.parse(readFileSync(s, 'utf8'));
    expect(stats.format).toBe('nlg-metrics-score-stats');
    expect(stats.version).toBe(1);
    expect(stats.metrics).toEqual(['chrf++', 'bleu', 'rougeL']);
    expect(stats.segments).toBe(40);
    expect(stats.runs.map((r: { key: string }) => r.key)).toEqual(['rouge', 'bleu', 'chrf++']);
    // Each run is exactly an accumulator's statistics of the same segments and options.
    const hyps = readLines(EXAMPLE_HYP).map(pyRstrip);
    const refs = readLines(EXAMPLE_REF).map(pyRstrip);
    const acc = {
      rouge: accumulator('rouge', { types: ['rougeL'] }),
      bleu: accumulator('bleu'),
      'chrf++': accumulator('chrf', { wordOrder: 2 }),
    };
    for (const a of Object.values(acc)) hyps.forEach((h, i) => a.add(h, refs[i] as string));
    for (const run of stats.runs as { key: keyof typeof acc; stats: unknown }[]) {
      expect(run.stats).toEqual(JSON.parse(JSON.stringify(acc[run.key].stats())));
    }
  });

  it('refuses standard output and the --per-segment file as its target', async () => {
    const a = await runInProcess(['score', '--example', '--stats-out', '-']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('score: --stats-out needs a file name');
    const p = file('x.json');
    const b = await runInProcess(['score', '--example', '--stats-out', p, '--per-segment', p]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--stats-out and --per-segment must be different files');
  });

  it('is written whole or not at all: bad input leaves an existing file untouched', async () => {
    const s = file('stats.json');
    writeFileSync(s, 'previous\n');
    const h = write('h.txt', ['a', 'b', 'c']);
    const r = write('r.txt', ['a', 'b']);
    const res = await runInProcess(['score', '--hyp', h, '--ref', r, '--stats-out', s]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('different numbers of lines');
    expect(readFileSync(s, 'utf8')).toBe('previous\n');
    const fresh = file('never.json');
    await runInProcess(['score', '--hyp', h, '--ref', r, '--stats-out', fresh]);
    expect(existsSync(fresh)).toBe(false);
  });

  it('is written when a --fail-under threshold is not met (the scoring itself succeeded)', async () => {
    const s = file('stats.json');
    const res = await runInProcess(['score', '--hyp', EXAMPLE_HYP, '--ref', EXAMPLE_REF, '--stats-out', s, '--fail-under', 'bleu=99']);
    expect(res.code).toBe(1);
    expect(JSON.parse(readFileSync(s, 'utf8')).segments).toBe(40);
  });
});

describe('merge', () => {
  it('shards of a real corpus merge into exactly the output of one run on all of it, in any order', async () => {
    const whole = await runInProcess(['score', '--hyp', WMT_HYP, '--ref', WMT_REF, '--format', 'json']);
    expect(whole.code).toBe(0);
    const shards = await scoreShards([0, 1, 500, 501, 1100, 1502]);
    for (const order of [shards, [...shards].reverse(), [shards[2], shards[0], shards[4], shards[1], shards[3]]]) {
      const m = await runInProcess(['merge', ...(order as string[]), '--format', 'json']);
      expect(m.stderr).toBe('');
      expect(m.code).toBe(0);
      expect(m.stdout).toBe(whole.stdout);
    }
    // And it is the library's corpus result.
    const got = JSON.parse(whole.stdout);
    const hyps = wmtHyp.map(pyRstrip);
    const refs = wmtRef.map(pyRstrip);
    expect(got.bleu).toEqual(JSON.parse(JSON.stringify(corpusBleu(hyps, refs))));
    expect(got.chrf).toEqual(JSON.parse(JSON.stringify(corpusChrf(hyps, refs))));
    expect({ rouge1: got.rouge1, rouge2: got.rouge2, rougeL: got.rougeL, rougeLsum: got.rougeLsum }).toEqual(corpusRouge(hyps, refs));
  });

  it('any split and any merge order (also merged in a tree through merge --stats-out) gives the same output', async () => {
    const seg = wmtHyp.length;
    const small = 120; // the first 120 segments, to keep the property fast
    const h = write('h.txt', wmtHyp.slice(0, small));
    const r = write('r.txt', wmtRef.slice(0, small));
    const flags = ['--metrics', 'rouge1,rougeLsum,bleu,chrf,chrf++', '--multi-reference', 'mean', '--smooth-method', 'floor'];
    const whole = await runInProcess(['score', '--hyp', h, '--ref', r, '--format', 'json', ...flags]);
    expect(seg).toBeGreaterThan(small);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: small - 1 }), { maxLength: 4 }), fc.boolean(), async (cuts, tree) => {
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), small];
        const shards = await scoreShards(bounds, flags);
        shards.reverse();
        let files = shards;
        if (tree) {
          // Pairwise merges of merged statistics.
          while (files.length > 1) {
            const next: string[] = [];
            for (let i = 0; i < files.length; i += 2) {
              const out = file('merged.json');
              const m = await runInProcess(['merge', ...files.slice(i, i + 2), '--stats-out', out, '--format', 'json']);
              expect(m.code).toBe(0);
              next.push(out);
            }
            files = next;
          }
        }
        const m = await runInProcess(['merge', ...files, '--format', 'json']);
        expect(m.code).toBe(0);
        expect(m.stdout).toBe(whole.stdout);
      }),
      { numRuns: 12 },
    );
  });

  it('prints like score: a table captioned with the files, Markdown, --fail-under, and the job summary', async () => {
    const [a, b] = await scoreShards([0, 20, 40]);
    const table = await runInProcess(['merge', a as string, b as string]);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toBe(`40 segments: statistics of 2 files (${a}, ${b})`);
    const score = await runInProcess(['score', '--hyp', write('h.txt', wmtHyp.slice(0, 40)), '--ref', write('r.txt', wmtRef.slice(0, 40))]);
    expect(table.stdout.split('\n').slice(1)).toEqual(score.stdout.split('\n').slice(1));
    const md = await runInProcess(['merge', a as string, b as string, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^\*\*nlg-metrics\*\*: 40 segments/);
    expect(md.stdout).toContain('| bleu |');
    const bleu = JSON.parse((await runInProcess(['merge', a as string, b as string, '--format', 'json'])).stdout).bleu.score as number;
    const pass = await runInProcess(['merge', a as string, b as string, '--fail-under', `bleu=${bleu}`]);
    expect(pass.code).toBe(0);
    const fail = await runInProcess(['merge', a as string, b as string, '--fail-under', 'bleu=99', '--fail-under', 'rougeL=0.1']);
    expect(fail.code).toBe(1);
    expect(fail.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^nlg-metrics: bleu = [\d.]+ is below the threshold 99 \(--fail-under bleu=99\)$/)]);
    const bad = await runInProcess(['merge', a as string, '--fail-under', 'meteor=1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"meteor" is not among the computed metrics');
    const summary = file('summary.md');
    writeFileSync(summary, 'before\n');
    await runInProcess(['merge', a as string, b as string, '--format', 'json'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toMatch(/^before\n\*\*nlg-metrics\*\*: 40 segments/);
  });

  it("reads an accumulator's stats() saved as JSON, and standard input (-)", async () => {
    const hyps = wmtHyp.slice(0, 30).map(pyRstrip);
    const refs = wmtRef.slice(0, 30).map(pyRstrip);
    const acc = accumulator('bleu', { tokenize: 'intl' });
    hyps.forEach((h, i) => acc.add(h, refs[i] as string));
    const s = file('acc.json');
    writeFileSync(s, JSON.stringify(acc.stats()));
    const m = await runInProcess(['merge', s, '--format', 'json']);
    expect(m.code).toBe(0);
    expect(JSON.parse(m.stdout)).toEqual({ bleu: JSON.parse(JSON.stringify(corpusBleu(hyps, refs, { tokenize: 'intl' }))) });
    const viaStdin = await runInProcess(['merge', '-', '--format', 'json'], { input: JSON.stringify(acc.stats()) });
    expect(viaStdin.stdout).toBe(m.stdout);
    const rougeAcc = accumulator('rouge', { types: ['rougeL', 'rouge2'] }).add('a b c', 'a b d');
    writeFileSync(s, JSON.stringify(rougeAcc.stats()));
    expect(Object.keys(JSON.parse((await runInProcess(['merge', s, '--format', 'json'])).stdout))).toEqual(['rougeL', 'rouge2']);
  });

  it('refuses statistics of other metrics or other options, naming the files and what differs', async () => {
    const [a] = await scoreShards([0, 10]);
    const [intl] = await scoreShards([10, 20], ['--tokenize', 'intl']);
    const r1 = await runInProcess(['merge', a as string, intl as string]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toBe(`nlg-metrics: merge: ${intl} (bleu): statistics computed with other options: options.tokenize is "intl" in the statistics, "13a" in ${a}\n`);
    const [stem] = await scoreShards([10, 20], ['--stemmer']);
    const r2 = await runInProcess(['merge', a as string, stem as string]);
    expect(r2.stderr).toContain(`merge: ${stem} (rouge): statistics computed with other options: options.stemmer is true in the statistics, false in ${a}`);
    const [onlyBleu] = await scoreShards([10, 20], ['--metrics', 'bleu']);
    const r3 = await runInProcess(['merge', a as string, onlyBleu as string]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain(`merge: ${onlyBleu} has the metrics bleu, ${a} has rouge1,rouge2,rougeL,rougeLsum,bleu,chrf`);
    const [lower] = await scoreShards([10, 20], ['--lowercase']);
    const r4 = await runInProcess(['merge', lower as string, a as string]);
    expect(r4.stderr).toContain(`merge: ${a} (bleu): statistics computed with other options: options.lowercase is false in the statistics, true in ${lower}`);
  });

  it('refuses malformed files naming the file and the field; no file is bad usage', async () => {
    const [good] = await scoreShards([0, 5]);
    const stats = JSON.parse(readFileSync(good as string, 'utf8'));
    const bad = (value: unknown): string => {
      const p = file('bad.json');
      writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
      return p;
    };
    const cases: [string, string][] = [
      [bad('{"format": '), 'not valid JSON'],
      [bad([1]), 'not a statistics file'],
      [bad({ ...stats, format: 'x' }), '"format" must be "nlg-metrics-score-stats"'],
      [bad({ ...stats, version: 2 }), '"version" must be 1, got 2 (written by a newer nlg-metrics)'],
      [bad({ ...stats, segments: -3 }), '"segments" must be a non-negative integer, got -3'],
      [bad({ ...stats, runs: [] }), '"runs" must be a non-empty array'],
      [bad({ ...stats, segments: 6 }), '"runs"[0].stats must be the statistics of 6 segments'],
      [bad({ ...stats, runs: [stats.runs[0], stats.runs[0]] }), '"runs"[1]: "rouge" appears twice'],
      [bad({ ...stats, runs: stats.runs.map((r: any) => (r.key === 'bleu' ? { ...r, stats: { ...r.stats, stats: [1] } } : r)) }), '(bleu): stats.stats must have 13 entries'],
      [bad({ ...stats, runs: stats.runs.map((r: any) => (r.key === 'rouge' ? { ...r, stats: { ...r.stats, sums: r.stats.sums.map(() => ['x']) } } : r)) }), '(rouge): stats.sums[0][0] must be a finite number, got "x"'],
      [join(tmp.dir, 'missing.json'), 'cannot read'],
    ];
    for (const [p, message] of cases) {
      const r = await runInProcess(['merge', good as string, p]);
      expect(r.code, message).toBe(2);
      expect(r.stderr, message).toContain(message);
      expect(r.stderr.split('\n')).toHaveLength(2); // one line
    }
    const none = await runInProcess(['merge']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('merge: give the statistics files to merge');
    const empty = await runInProcess(['merge', bad({ ...stats, segments: 0, runs: stats.runs.map((r: any) => ({ ...r, stats: JSON.parse(JSON.stringify(accumulator(r.stats.metric, r.stats.metric === 'rouge' ? { types: r.stats.options.types } : r.stats.options).stats())) })) })]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('nothing to score');
    const help = await runInProcess(['merge', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: nlg-metrics merge FILE.json');
  });

  it('works through the built program: score --stats-out on two shards, then merge', async () => {
    const a = file('a.json');
    const b = file('b.json');
    const h1 = write('h.txt', wmtHyp.slice(0, 700));
    const r1 = write('r.txt', wmtRef.slice(0, 700));
    const h2 = write('h.txt', wmtHyp.slice(700));
    const r2 = write('r.txt', wmtRef.slice(700));
    expect((await runCli(['score', '--hyp', h1, '--ref', r1, '--stats-out', a])).code).toBe(0);
    expect((await runCli(['score', '--hyp', h2, '--ref', r2, '--stats-out', b, '--jobs', '2'])).code).toBe(0);
    const merged = await runCli(['merge', b, a, '--format', 'json']);
    const whole = await runCli(['score', '--hyp', WMT_HYP, '--ref', WMT_REF, '--format', 'json']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
  });
});
