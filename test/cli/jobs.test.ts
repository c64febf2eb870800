// `score --jobs N` through the BUILT program (worker threads start from dist/cli.js): the same output as
// --jobs 1, byte for byte (results, per-segment lines in input order, statistics), whatever the number of
// workers and the chunk size; the first failing segment in input order is the one reported; --jobs is
// checked. And the streaming claim: a 150,000-line pair is scored in under 300 MB peak resident memory,
// single-threaded and with the default workers, with the same output.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLines, ROOT, runCli, tempDir, type CliResult } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const file = (name: string): string => join(tmp.dir, `${++n}-${name}`);

const DATA = join(ROOT, 'bench', 'data');
const WMT_REF = join(DATA, 'wmt17-ende', 'ref.de');
const WMT_HYP = join(DATA, 'wmt17-ende', 'hyp.uedin-nmt.4722.de');
const WMT_KIT = join(DATA, 'wmt17-ende', 'hyp.KIT.4950.de');
const DUC = join(ROOT, 'examples', 'duc2004-summaries.jsonl');

/** Runs the same command with several --jobs values (and small chunks, so there are many) and checks the outputs are identical. */
async function sameForAllJobs(args: readonly string[], chunk: number, jobs: readonly (number | undefined)[]): Promise<CliResult[]> {
  const results: CliResult[] = [];
  const files: string[][] = [];
  for (const j of jobs) {
    const seg = file('seg.jsonl');
    const stats = file('stats.json');
    const r = await runCli([...args, '--format', 'json', '--per-segment', seg, '--stats-out', stats, ...(j === undefined ? [] : ['--jobs', String(j)])], {
      env: { NLG_METRICS_CHUNK_SEGMENTS: String(chunk), NLG_METRICS_DEBUG_JOBS: '1' },
    });
    // The run says how many worker threads it started: none for --jobs 1, at least one otherwise (the input
    // has more chunks than the threshold for starting workers).
    const m = /^nlg-metrics: debug: (\d+) worker threads\n/.exec(r.stderr);
    expect(m, `--jobs ${j}: ${r.stderr}`).not.toBeNull();
    const workers = Number((m as RegExpExecArray)[1]);
    if (j === 1) expect(workers).toBe(0);
    else expect(workers, `--jobs ${j}`).toBeGreaterThanOrEqual(1);
    results.push({ ...r, stderr: r.stderr.slice((m as RegExpExecArray)[0].length) });
    files.push([seg, stats]);
  }
  const [first] = results as [CliResult];
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  for (let i = 1; i < results.length; i++) {
    const r = results[i] as CliResult;
    expect(r.stderr, `--jobs ${jobs[i]}`).toBe('');
    expect(r.stdout, `--jobs ${jobs[i]}`).toBe(first.stdout);
    expect(readFileSync((files[i] as string[])[0] as string, 'utf8'), `per-segment, --jobs ${jobs[i]}`).toBe(readFileSync((files[0] as string[])[0] as string, 'utf8'));
  }
  // The statistics files merge to the same output too (ROUGE partials may be split differently, never their sums).
  const merged = await runCli(['merge', ...files.map((f) => f[1] as string), '--format', 'json']);
  expect(merged.code).toBe(0);
  const once = JSON.parse(first.stdout);
  const all = JSON.parse(merged.stdout);
  expect(Object.keys(all)).toEqual(Object.keys(once));
  return results;
}

describe('score --jobs N gives the output of --jobs 1', () => {
  it('text files with two references, every metric family, chunks of 25 segments (24 chunks), 1/2/3 jobs', async () => {
    const metrics = 'rouge1,rouge2,rougeL,rougeLsum,rougeSU4,bleu,chrf,chrf++';
    const part = (path: string): string => {
      const p = file('part.txt');
      writeFileSync(p, readLines(path).slice(0, 600).join('\n') + '\n');
      return p;
    };
    const r = await sameForAllJobs(['score', '--hyp', part(WMT_HYP), '--ref', part(WMT_REF), '--ref', part(WMT_KIT), '--metrics', metrics], 25, [1, 2, 3]);
    expect(JSON.parse((r[0] as CliResult).stdout).bleu.signature).toMatch(/^nrefs:2\|/);
  });

  it('JSON Lines with multi-line summaries and four references (rougeLsum), 25 records in chunks of 1', async () => {
    // The 5 bundled DUC records, 5 times: more chunks than the threshold for starting workers.
    const jsonl = file('duc.jsonl');
    writeFileSync(jsonl, readLines(DUC).join('\n').concat('\n').repeat(5));
    await sameForAllJobs(['score', '--jsonl', jsonl, '--stemmer', '--lowercase'], 1, [1, 2, 4]);
  });

  it('varying reference counts (nrefs:var) across chunks scored by different workers', async () => {
    const hyps = readLines(WMT_HYP).slice(0, 300);
    const refs = readLines(WMT_REF);
    const kit = readLines(WMT_KIT);
    const jsonl = file('var.jsonl');
    writeFileSync(jsonl, hyps.map((h, i) => JSON.stringify({ hypothesis: h, references: i % 50 === 7 ? [refs[i], kit[i]] : [refs[i]] })).join('\n') + '\n');
    const r = await sameForAllJobs(['score', '--jsonl', jsonl, '--metrics', 'bleu,chrf'], 10, [1, 2]);
    expect(JSON.parse((r[0] as CliResult).stdout).chrf.signature).toMatch(/^nrefs:var\|/);
  });
});

describe('score --jobs N reports errors as --jobs 1 does', () => {
  // ROUGE-S* refuses a text with more than 5,000,000 skip-bigrams (options.maxSkipBigrams): 3,200 words.
  const huge = Array.from({ length: 3200 }, (_, i) => `w${i}`).join(' ');
  const record = (h: string): string => JSON.stringify({ hypothesis: h, references: ['a b c'] });

  async function bothReport(lines: readonly string[], expected: RegExp): Promise<void> {
    const p = file('in.jsonl');
    writeFileSync(p, lines.join('\n') + '\n');
    const outs: CliResult[] = [];
    for (const j of ['1', '2']) {
      outs.push(await runCli(['score', '--jsonl', p, '--metrics', 'rouge1,rougeS*', '--jobs', j], { env: { NLG_METRICS_CHUNK_SEGMENTS: '5' } }));
    }
    for (const r of outs) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(expected);
    }
    expect((outs[1] as CliResult).stderr).toBe((outs[0] as CliResult).stderr);
  }

  const plain = (k: number): string[] => Array.from({ length: k }, (_, i) => record(`the cat ${i}`));

  it('the first refused segment in input order, though a later chunk may fail first', async () => {
    const lines = plain(120);
    lines[29] = record(huge); // line 30, chunk 6
    lines[94] = record(huge); // line 95, chunk 19
    lines[5] = record(`${'x '.repeat(10)}`);
    await bothReport(lines, /^nlg-metrics: .*in\.jsonl line 30: score: a text has 5118400 skip-bigrams, more than options\.maxSkipBigrams/);
    // Failures in adjacent chunks (scored by different workers at the same time).
    const close = plain(200);
    for (const i of [32, 29, 41, 55]) close[i] = record(huge);
    await bothReport(close, /in\.jsonl line 30: score: a text has/);
  });

  it('a refused segment before a bad record is reported first; a bad record before it, first', async () => {
    // The bad record lies beyond the first reads (records are parsed a read of 64 KB at a time).
    const a = plain(5000);
    a[59] = record(huge);
    a[4995] = '{"hypothesis": ';
    await bothReport(a, /line 60: score: a text has/);
    const b = plain(150);
    b[44] = '{"hypothesis": 1, "references": ["x"]}';
    b[59] = record(huge);
    await bothReport(b, /line 45: "hypothesis" must be a string/);
  });

  it('invalid UTF-8 in a text file, decoded by the worker that scores its chunk: the same message, after a refused segment before it', async () => {
    // Text files are read in undecoded chunks (line ends found, nothing decoded) and the first chunk always
    // goes to a worker: its bad line is found and reported there. Chunks of 5 lines, 40 chunks.
    const lines = Array.from({ length: 200 }, (_, i) => `the cat ${i}`);
    const withBad = (at: number): Buffer => Buffer.concat(lines.map((l, i) => Buffer.from(i === at ? `${l}\xff\n` : `${l}\n`, i === at ? 'latin1' : 'utf8')));
    const h = file('h.txt');
    const r = file('r.txt');
    writeFileSync(h, lines.join('\n') + '\n');
    const both = async (expected: RegExp): Promise<void> => {
      const outs = await Promise.all(
        ['1', '2'].map((j) => runCli(['score', '--hyp', h, '--ref', r, '--metrics', 'rouge1,rougeS*', '--jobs', j], { env: { NLG_METRICS_CHUNK_SEGMENTS: '5' } })),
      );
      for (const o of outs) {
        expect(o.code).toBe(2);
        expect(o.stderr).toMatch(expected);
      }
      expect((outs[1] as CliResult).stderr).toBe((outs[0] as CliResult).stderr);
    };
    writeFileSync(r, withBad(2));
    await both(new RegExp(`^nlg-metrics: ${r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 3: invalid UTF-8\n$`));
    // A segment a metric refuses (line 2, chunk 1) comes before the bad line (line 8, chunk 2): it is reported.
    writeFileSync(h, lines.map((l, i) => (i === 1 ? huge : l)).join('\n') + '\n');
    writeFileSync(r, withBad(7));
    await both(/h\.txt and .*r\.txt line 2: score: a text has 5118400 skip-bigrams/);
  });

  it('different line counts, after many chunks', async () => {
    const h = file('h.txt');
    const r = file('r.txt');
    writeFileSync(h, readLines(WMT_HYP).join('\n') + '\n');
    writeFileSync(r, readLines(WMT_REF).slice(0, 1400).join('\n') + '\n');
    const outs = await Promise.all(['1', '2'].map((j) => runCli(['score', '--hyp', h, '--ref', r, '--jobs', j], { env: { NLG_METRICS_CHUNK_SEGMENTS: '50' } })));
    for (const o of outs) {
      expect(o.code).toBe(2);
      expect(o.stderr).toContain('different numbers of lines');
      expect(o.stderr).toContain('has 1502 lines');
    }
    expect((outs[1] as CliResult).stderr).toBe((outs[0] as CliResult).stderr);
  });

  it('--jobs must be an integer from 1 to 256', async () => {
    for (const [v, msg] of [
      ['0', 'score: --jobs must be between 1 and 256, got 0'],
      ['257', 'score: --jobs must be between 1 and 256, got 257'],
      ['two', 'score: --jobs must be an integer, got "two"'],
      ['1.5', 'score: --jobs must be an integer, got "1.5"'],
    ] as const) {
      const r = await runCli(['score', '--example', '--jobs', v]);
      expect(r.code, v).toBe(2);
      expect(r.stderr).toBe(`nlg-metrics: ${msg}\n`);
    }
  });
});

describe('memory stays flat: a 150,000-line pair', () => {
  it('is scored in under 300 MB peak resident memory, single-threaded and with the default workers, with the same output', async () => {
    // WMT17 segments, repeated with variation: each reference rotated by a different number of words and
    // numbered, so that no two references are equal (no cache can hold them all), hypotheses of 3 systems.
    const ref = readLines(WMT_REF);
    const systems = ['hyp.KIT.4950.de', 'hyp.LIUM-NMT.4900.de', 'hyp.uedin-nmt.4722.de'].map((f) => readLines(join(DATA, 'wmt17-ende', f)));
    const hyps: string[] = [];
    const refs: string[] = [];
    for (let i = 0; i < 150_000; i++) {
      const b = i % ref.length;
      const k = Math.floor(i / ref.length);
      const words = (ref[b] as string).split(' ');
      const rot = k % words.length;
      refs.push(`${[...words.slice(rot), ...words.slice(0, rot)].join(' ')} ${k}`);
      hyps.push((systems[k % 3] as string[])[b] as string);
    }
    const h = file('150k.hyp');
    const r = file('150k.ref');
    writeFileSync(h, hyps.join('\n') + '\n');
    writeFileSync(r, refs.join('\n') + '\n');
    // Both at once (each process reports its own peak): the test stays well under 30 s on two cores.
    const outs = await Promise.all(
      [['--jobs', '1'], []].map((jobs) => runCli(['score', '--hyp', h, '--ref', r, '--format', 'json', ...jobs], { env: { NLG_METRICS_DEBUG_RSS: '1' } })),
    );
    for (const o of outs) {
      expect(o.code).toBe(0);
      const m = /maxRSS (\d+) kB/.exec(o.stderr);
      expect(m, o.stderr).not.toBeNull();
      const mb = Number((m as RegExpExecArray)[1]) / 1024;
      expect(mb, `peak RSS ${mb.toFixed(0)} MB`).toBeLessThan(300);
    }
    expect((outs[1] as CliResult).stdout).toBe((outs[0] as CliResult).stdout);
    expect(JSON.parse((outs[0] as CliResult).stdout).bleu.sysLen).toBeGreaterThan(2_000_000);
  }, 120_000);
});
