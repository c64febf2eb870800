// `nlg-metrics pairs` through the BUILT program (dist/cli.js as a subprocess). Expected pairs come from the
// library's recordToPairs on the same records (held to test/fixtures/pairs.jsonl by its own tests).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPairsSummary } from '../../src/pairs/summary.js';
import { recordToPairs } from '../../src/pairs/toPairs.js';
import type { PairsOptions, RankedRecord, RatedRecord } from '../../src/pairs/types.js';
import { cliCommand, fixtureCases, readLines, runCli, runInProcess, tempDir, testEnv } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const records: (RankedRecord | RatedRecord)[] = [
  { prompt: 'Summarize the match.', completions: ['United won 2-1.', 'A game was played.', 'United beat City 2-1 at home.'], ranks: [2, 3, 1] },
  { prompt: 'Translate: Guten Morgen', completions: ['Good morning', 'Good morning', 'Morning good', 'Hello'], scores: [9, 8, 2, 5.5] },
  { prompt: 'Only one', completions: ['x'], ranks: [1] },
  { prompt: 'Ties', completions: ['a', 'b'], scores: [1, 1] },
  { prompt: 'Five', completions: ['1', '2', '3', '4', '5'], ranks: [1, 2, 3, 4, 5] },
];
const inputText = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const input = join(tmp.dir, 'records.jsonl');
writeFileSync(input, inputText);

function expectedPairs(options: PairsOptions = {}): unknown[] {
  return records.flatMap((r) => recordToPairs(r, options).pairs);
}

const parse = (text: string): unknown[] => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

describe('pairs', () => {
  it('writes TRL-ready pairs to standard output and a summary of what was produced and dropped to standard error', async () => {
    const r = await runCli(['pairs', '--in', input]);
    expect(r.code).toBe(0);
    const got = parse(r.stdout);
    expect(got).toEqual(expectedPairs());
    for (const p of got) expect(Object.keys(p as object)).toEqual(['prompt', 'chosen', 'rejected', 'margin']);
    const s = createPairsSummary();
    for (const rec of records) s.add(recordToPairs(rec).summary);
    const sum = s.result();
    expect(r.stderr).toContain(`${sum.prompts} prompts (${sum.completions} completions) gave ${sum.pairs} pairs, written to standard output`);
    expect(sum.tiedPairs).toBe(1);
    expect(sum.identicalPairs).toBe(1);
    expect(sum.promptsWithoutPairs).toBe(2);
    expect(r.stderr).toContain('dropped: 1 tied pair (equal rank or score), 1 pair of identical texts');
    expect(r.stderr).toContain('2 prompts gave no pair');
  });

  it('--out writes the file (and nothing to standard output); options as the library', async () => {
    const out = join(tmp.dir, 'pairs.jsonl');
    const r = await runCli(['pairs', '--in', input, '--out', out, '--strategy', 'best-vs-rest', '--min-margin', '2', '--weight', 'inverse-pairs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(parse(readFileSync(out, 'utf8'))).toEqual(expectedPairs({ strategy: 'best-vs-rest', minMargin: 2, weight: 'inverse-pairs' }));
    expect(r.stderr).toContain(`written to ${out}`);
    expect(r.stderr).toMatch(/under --min-margin 2/);
  });

  it('--max-pairs-per-prompt with --seed is reproducible and the same as the library', async () => {
    const args = ['pairs', '--in', input, '--max-pairs-per-prompt', '3', '--seed', '42', '--strategy', 'all'];
    const [a, b] = await Promise.all([runCli(args), runCli(args)]);
    expect(a.stdout).toBe(b.stdout);
    expect(parse(a.stdout)).toEqual(expectedPairs({ maxPairsPerPrompt: 3, seed: 42 }));
    expect(a.stderr).toMatch(/over --max-pairs-per-prompt 3/);
  });

  it('reads standard input with --in -, skips blank lines, handles CRLF and a BOM', async () => {
    const text = '\uFEFF' + records.map((r) => JSON.stringify(r)).join('\r\n\r\n');
    const r = await runCli(['pairs', '--in', '-', '--strategy', 'adjacent'], { input: text });
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toEqual(expectedPairs({ strategy: 'adjacent' }));
  });

  it('the pairs fixtures through the command line (run() in-process): each record as one line, with its options', async () => {
    const cases = fixtureCases('pairs.jsonl');
    const flagOf: Record<string, string> = { strategy: '--strategy', ties: '--ties', minMargin: '--min-margin', maxPairsPerPrompt: '--max-pairs-per-prompt', seed: '--seed', weight: '--weight' };
    const byOptions = new Map<string, Record<string, any>[]>();
    for (const c of cases) byOptions.set(JSON.stringify(c.options ?? {}), [...(byOptions.get(JSON.stringify(c.options ?? {})) ?? []), c]);
    let checked = 0;
    const runs = [...byOptions.entries()].map(async ([opts, group]) => {
      const flags = Object.entries(JSON.parse(opts) as Record<string, unknown>).flatMap(([k, v]) => {
        if (!(k in flagOf)) throw new Error(`no flag for pairs option ${k}`);
        return [flagOf[k] as string, String(v)];
      });
      // Cases that must be refused are run one by one (exit 2 with one line: a bad option, or line 1
      // named for a bad record); the others together.
      for (const c of group.filter((x) => 'error' in x.expected)) {
        const r = await runInProcess(['pairs', '--in', '-', ...flags], { input: JSON.stringify(c.record) + '\n' });
        expect(r.code, c.id).toBe(2);
        expect(r.stderr).toMatch(/^nlg-metrics: (standard input line 1: |pairs: --)[^\n]+\n$/);
        checked++;
      }
      const good = group.filter((x) => !('error' in x.expected));
      if (good.length === 0) return;
      const r = await runInProcess(['pairs', '--in', '-', ...flags], { input: good.map((c) => JSON.stringify(c.record)).join('\n') });
      expect(r.code, r.stderr).toBe(0);
      const key = (p: any): string => JSON.stringify([p.prompt, p.chosen, p.rejected, p.margin]);
      const got = parse(r.stdout).map(key).sort();
      const want = good.flatMap((c) => (c.expected.pairs as unknown[]).map(key)).sort();
      expect(got).toEqual(want);
      checked += good.length;
    });
    await Promise.all(runs);
    expect(checked).toBe(cases.length);
  });

  it('streams: pairs come out while the input is still being written', async () => {
    const [cmd, argv] = cliCommand(['pairs', '--in', '-']);
    const child = spawn(cmd, argv, { env: testEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    const big = JSON.stringify({ prompt: 'P'.repeat(200), completions: Array.from({ length: 6 }, (_, i) => `completion ${i} `.repeat(20)), ranks: [1, 2, 3, 4, 5, 6] }) + '\n';
    let received = 0;
    const firstOutput = new Promise<void>((resolve) => {
      child.stdout.on('data', (b: Buffer) => {
        received += b.length;
        resolve();
      });
    });
    // About 1 MB of pairs from ~200 records, without closing standard input.
    child.stdin.write(big.repeat(200));
    await firstOutput;
    expect(received).toBeGreaterThan(0); // output arrived with standard input still open
    child.stdin.end(big);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(received).toBe(recordToPairs(JSON.parse(big)).pairs.reduce((n, p) => n + JSON.stringify(p).length + 1, 0) * 201);
  });

  it('an empty input gives no pairs and says so', async () => {
    const r = await runCli(['pairs', '--in', '-'], { input: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('0 prompts (0 completions) gave 0 pairs');
  });

  it('reads the records line by line: the same pairs from a large file as from the library', async () => {
    const many = join(tmp.dir, 'many.jsonl');
    writeFileSync(many, inputText.repeat(2000));
    const out = join(tmp.dir, 'many-pairs.jsonl');
    const r = await runCli(['pairs', '--in', many, '--out', out]);
    expect(r.code).toBe(0);
    const lines = readLines(out);
    const one = expectedPairs();
    expect(lines).toHaveLength(one.length * 2000);
    expect(JSON.parse(lines.at(-1) as string)).toEqual(one.at(-1));
  });
});
