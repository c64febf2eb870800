// Exit codes, error messages and data safety of the BUILT program (dist/cli.js as a subprocess):
// bad usage and bad input exit 2 with one line on standard error (no stack trace) naming the file, line
// and field; an output file is replaced whole or not at all.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sentenceBleu } from '../../src/metrics/bleu.js';
import { cliCommand, EXAMPLE_HYP, EXAMPLE_REF, runCli, runInProcess, tempDir, testEnv, type CliResult } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
function file(content: string | Buffer, name = `f${++n}.txt`): string {
  const p = join(tmp.dir, name);
  writeFileSync(p, content);
  return p;
}

/** Exit 2, one line on standard error, no stack trace, and nothing on standard output. */
function expectUsageError(r: CliResult, ...parts: string[]): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]?.startsWith('nlg-metrics: ')).toBe(true);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  for (const p of parts) expect(r.stderr).toContain(p);
}

describe('bad input exits 2 naming the file and line', () => {
  it('a missing file', async () => {
    const missing = join(tmp.dir, 'no-such-file.txt');
    expectUsageError(await runCli(['score', '--hyp', missing, '--ref', EXAMPLE_REF]), `cannot read ${missing}: no such file or directory`);
    expectUsageError(await runCli(['score', '--jsonl', missing]), missing);
    expectUsageError(await runCli(['pairs', '--in', missing]), missing);
  });

  it('different line counts between --hyp and --ref, naming both files and both counts', async () => {
    const h = file('a\nb\nc\n');
    const r = file('a\nb\n');
    expectUsageError(await runCli(['score', '--hyp', h, '--ref', r]), `different numbers of lines: ${h} has 3 lines, ${r} has 2 lines`);
    const r2 = file('a\nb\nc\nd\ne');
    expectUsageError(await runCli(['score', '--hyp', h, '--ref', r2]), `${h} has 3 lines, ${r2} has 5 lines`);
  });

  it('invalid UTF-8, naming the file and the line (also split across read chunks)', async () => {
    const good = 'x'.repeat(70_000) + '\n'; // the bad line starts beyond the first 64 KiB chunk
    const bad = file(Buffer.concat([Buffer.from(good + 'ok\n'), Buffer.from([0x61, 0xc3]), Buffer.from('\nz\n')]));
    const ref = file(good + 'ok\nbad\nz\n');
    expectUsageError(await runCli(['score', '--hyp', bad, '--ref', ref]), `${bad} line 3: invalid UTF-8`);
    const badJsonl = file(Buffer.concat([Buffer.from('{"hypothesis": "a", "references": "a"}\n{"hypothesis": "'), Buffer.from([0xff]), Buffer.from('", "references": "a"}\n')]));
    expectUsageError(await runCli(['score', '--jsonl', badJsonl]), `${badJsonl} line 2: invalid UTF-8`);
  });

  it('a bad JSON Lines record, naming the line and the field', async () => {
    const ok = JSON.stringify({ hypothesis: 'a b', references: ['a b'] });
    const cases: [string, string][] = [
      ['{"hypothesis": "a", ', 'line 2: not valid JSON'],
      ['[1, 2]', 'line 2: expected an object'],
      ['{"references": ["a"]}', 'line 2: "hypothesis" is missing'],
      ['{"hypothesis": 3, "references": ["a"]}', 'line 2: "hypothesis" must be a string'],
      ['{"hypothesis": "a"}', 'line 2: "references" is missing'],
      ['{"hypothesis": "a", "references": []}', 'line 2: "references" must not be an empty list'],
      ['{"hypothesis": "a", "references": ["b", 7]}', 'line 2: "references"[1] must be a string'],
      ['{"hypothesis": "a", "references": {"b": 1}}', 'line 2: "references" must be a string or a non-empty array of strings'],
    ];
    const files = cases.map(([line]) => file(`${ok}\n${line}\n${ok}\n`, `bad${++n}.jsonl`));
    // Every case through run() in-process, the first two also through the built program.
    for (let i = 0; i < cases.length; i++) expectUsageError(await runInProcess(['score', '--jsonl', files[i] as string]), (cases[i] as [string, string])[1]);
    const built = await Promise.all(files.slice(0, 2).map((f) => runCli(['score', '--jsonl', f])));
    built.forEach((r, i) => expectUsageError(r, (cases[i] as [string, string])[1]));
  });

  it('a bad pairs record, naming the line and the field', async () => {
    const ok = JSON.stringify({ prompt: 'Q', completions: ['a', 'b'], ranks: [1, 2] });
    const p = file(`${ok}\n\n${JSON.stringify({ prompt: 'Q', completions: ['a', 'b'], ranks: [1, 'x'] })}\n`, 'bad-pairs.jsonl');
    expectUsageError(await runCli(['pairs', '--in', p]).then((r) => ({ ...r, stdout: '' })), `${p} line 3: ranks[1] must be a finite number, got "x"`);
    const tie = file(`${JSON.stringify({ prompt: 'Q', completions: ['a', 'b'], scores: [1, 1] })}\n`, 'tie.jsonl');
    expectUsageError(await runCli(['pairs', '--in', tie, '--ties', 'error']), `${tie} line 1:`, 'tie');
  });
});

it('empty inputs: nothing to score is an error, not a score of 0', async () => {
  const empty = file('');
  expectUsageError(await runInProcess(['score', '--hyp', empty, '--ref', empty]), `nothing to score: ${empty} against ${empty} has no segments`);
  const blank = file('\n  \n', 'blank.jsonl');
  expectUsageError(await runInProcess(['score', '--jsonl', blank]), `nothing to score: ${blank} has no segments`);
});

describe('bad usage exits 2 with one clear line', () => {
  const h = EXAMPLE_HYP;
  const r = EXAMPLE_REF;
  const cases: [string[], string[]][] = [
    [['score', '--hyp', h, '--ref', r, '--metrics', 'bleu,rouge0'], ['unknown metric "rouge0"', 'known:']],
    [['score', '--hyp', h, '--ref', r, '--metrics', 'meteor'], ['unknown metric "meteor"']],
    [['score', '--hpy', h, '--ref', r], ['unknown option --hpy (did you mean --hyp?)']],
    [['score', '--hyp', '--ref', r], ['--hyp needs a value']],
    [['score', '--hyp', h, '--ref', r, '--format', 'yaml'], ['--format must be table, json or markdown']],
    [['score', '--hyp', h, '--ref', r, '--smooth-method', 'bogus'], ['score: --smooth-method must be one of']],
    [['score', '--hyp', h, '--ref', r, '--tokenize', 'moses'], ['--tokenize must be one of']],
    [['score', '--hyp', h, '--ref', r, '--char-order', 'six'], ['--char-order must be an integer, got "six"']],
    [['score', '--hyp', h, '--ref', r, '--char-order', '0'], ['--char-order must be between 1 and 1000, got 0']],
    [['score', '--hyp', h, '--ref', r, '--metrics', 'bleu', '--stemmer'], ['--stemmer applies to ROUGE, which is not among --metrics']],
    [['score', '--hyp', h, '--ref', r, '--metrics', 'chrf++', '--word-order', '1'], ['--word-order applies to chrf']],
    [['score', '--hyp', h, '--ref', r, '--hyp', h], ['--hyp given more than once']],
    [['score', '--hyp', h, '--ref', r, '--stemmer=yes'], ['--stemmer takes no value']],
    [['score', h, r], ['unexpected argument']],
    [['score'], ['give --hyp FILE with --ref FILE, or --jsonl FILE']],
    [['score', '--hyp', h], ['--hyp needs at least one --ref']],
    [['score', '--jsonl', h, '--hyp', h], ['either --jsonl or --hyp']],
    [['score', '--hyp', '-', '--ref', '-'], ['standard input (-) can be given for only one input']],
    [['evaluate'], ['unknown command "evaluate"']],
    [['pairs'], ['--in FILE.jsonl']],
    [['pairs', '--in', h, '--strategy', 'best'], ['pairs: --strategy must be one of']],
    [['pairs', '--in', h, '--seed', '3'], ['--seed applies to the choice made by --max-pairs-per-prompt']],
    [['pairs', '--in', h, '--max-pairs-per-prompt', '0'], ['--max-pairs-per-prompt must be >= 1']],
  ];
  it(`${cases.length} cases, through run() in-process`, async () => {
    for (const [args, parts] of cases) expectUsageError(await runInProcess(args), ...parts);
  });
  it('an unknown metric, an unknown option and a bad option value, through the built program', async () => {
    const picked = [0, 2, 5];
    const results = await Promise.all(picked.map((i) => runCli((cases[i] as [string[], string[]])[0])));
    results.forEach((res, k) => expectUsageError(res, ...(cases[picked[k] as number] as [string[], string[]])[1]));
  });
});

describe('output files are written whole or not at all', () => {
  const leftovers = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

  it('--per-segment replaces an existing file only on success; a failure leaves it untouched', async () => {
    const out = file('OLD CONTENT\n', 'keep.jsonl');
    const h = file('a b c\n'.repeat(5000) + 'last\n');
    const r = file('a b c\n'.repeat(5000)); // one line short: found only at the end of the input
    expectUsageError(await runCli(['score', '--hyp', h, '--ref', r, '--per-segment', out]), 'different numbers of lines');
    expect(readFileSync(out, 'utf8')).toBe('OLD CONTENT\n');
    expect(leftovers(tmp.dir)).toEqual([]);
    const ok = await runCli(['score', '--hyp', h, '--ref', h, '--metrics', 'bleu', '--per-segment', out]);
    expect(ok.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(5001);
    expect(JSON.parse(lines[5000] as string)).toEqual({ line: 5001, bleu: { score: sentenceBleu('last', 'last').score } });
    expect(leftovers(tmp.dir)).toEqual([]);
  });

  it('pairs --out leaves an existing file untouched when a later record is bad', async () => {
    const out = file('OLD PAIRS\n', 'pairs-out.jsonl');
    const rec = JSON.stringify({ prompt: 'Q', completions: ['a', 'b', 'c'], scores: [3, 2, 1] });
    const input = file(`${rec}\n`.repeat(3000) + '{"prompt": 1, "completions": ["a"], "scores": [1]}\n', 'many.jsonl');
    const r = await runCli(['pairs', '--in', input, '--out', out]);
    expectUsageError(r, `${input} line 3001: prompt must be a string`);
    expect(readFileSync(out, 'utf8')).toBe('OLD PAIRS\n');
    expect(leftovers(tmp.dir)).toEqual([]);
  });

  it('an output in a missing directory is refused before any work', async () => {
    const out = join(tmp.dir, 'no', 'such', 'dir', 'seg.jsonl');
    expectUsageError(await runCli(['score', '--example', '--per-segment', out]), `cannot write ${out}: no such file or directory`);
  });

  it('an interrupt (SIGINT) while reading removes the temporary file and leaves the target as it was', async () => {
    const sub = join(tmp.dir, 'sigint');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    const out = join(sub, 'seg.jsonl');
    writeFileSync(out, 'BEFORE\n');
    const [cmd, argv] = cliCommand(['score', '--hyp', '-', '--ref', EXAMPLE_REF, '--per-segment', out]);
    const child = spawn(cmd, argv, { env: testEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    // Wait until the program has created its temporary file (it then waits for standard input).
    for (let i = 0; i < 600 && leftovers(sub).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(leftovers(sub)).toHaveLength(1);
    const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await done).toBe(130);
    for (let i = 0; i < 40 && leftovers(sub).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(leftovers(sub)).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe('BEFORE\n');
    expect(existsSync(out)).toBe(true);
  });
});
