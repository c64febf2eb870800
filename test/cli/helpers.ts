// Shared by the CLI tests: run the BUILT program (dist/cli.js, built by test/globalSetup.ts) as a
// subprocess, or the same program in-process through run() with captured streams (for large tables of cases).
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { CliContext } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { fixtureCases as readFixtureCases } from '../helpers/fixtures';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli.js');
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const EXAMPLE_HYP = join(ROOT, 'examples', 'wmt17-ende', 'hyp.uedin-nmt.de');
export const EXAMPLE_REF = join(ROOT, 'examples', 'wmt17-ende', 'ref.de');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a test run: without GITHUB_STEP_SUMMARY (a CI job's own summary must not get our output). */
export function testEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.GITHUB_STEP_SUMMARY;
  delete env.NLG_METRICS_DEBUG;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

let snapshot: string | undefined;
let snapshotDir: string | undefined;
// Registered while the importing test file is collected: removes that file's copy when it is done.
afterAll(() => {
  if (snapshotDir !== undefined) rmSync(snapshotDir, { recursive: true, force: true });
  snapshot = snapshotDir = undefined;
});

/**
 * A private copy of the built program in the package's layout (dist/cli.js beside examples/, package.json
 * and a link to node_modules), taken once per test file under a shared lock on the build lock file. Builds
 * (which take that lock exclusively and empty dist/ first) may then run while the tests do: the tests run
 * the copy, never a half-built dist/.
 */
export function builtCli(): string {
  if (snapshot !== undefined) return snapshot;
  const dir = mkdtempSync(join(tmpdir(), 'nlgm-cli-dist-'));
  mkdirSync(join(dir, 'dist'));
  execFileSync('flock', ['-s', '/tmp/nlgm-build.lock', 'cp', CLI, join(dir, 'dist', 'cli.js')]);
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  snapshotDir = dir;
  snapshot = join(dir, 'dist', 'cli.js');
  return snapshot;
}

/** The command that runs the built program (its private copy, see {@link builtCli}). */
export function cliCommand(args: readonly string[]): [string, string[]] {
  return [process.execPath, [builtCli(), ...args]];
}

/** Runs `node dist/cli.js ...args` and collects its exit code and output. */
export function runCli(
  args: readonly string[],
  options: { input?: string | Buffer; env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const [cmd, argv] = cliCommand(args);
    const child = spawn(cmd, argv, { cwd: options.cwd ?? ROOT, env: testEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => {}); // the program may exit before reading all of it
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

/** Runs the same program in-process (src/cli/run.ts) with captured streams. */
export async function runInProcess(argv: readonly string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const ctx: CliContext = {
    stdin: Readable.from(options.input === undefined ? [] : [Buffer.from(options.input, 'utf8')]),
    stdout,
    stderr,
    env: options.env ?? {},
    openFiles: new Set(),
  };
  const code = await run(ctx, argv);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** A fresh temporary directory, and a function that removes it. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'nlgm-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Lines of a text file (LF), without a final empty string. */
export function readLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The fixture cases of one file. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixture records are checked field by field by the tests
export const fixtureCases = (name: string): Record<string, any>[] => readFixtureCases<Record<string, any>>(name);

export { close } from '../helpers/fixtures';

/** A signature without its `version:` field (ours names this package, sacrebleu's its own). */
export function noVersion(sig: unknown): string {
  return String(sig)
    .split('|')
    .filter((p) => !p.startsWith('version:'))
    .join('|');
}

/** Splits `bytes` at the given cut points (taken modulo its length + 1) into pieces, some possibly empty: reads that end anywhere. */
export function splitBytes(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let at = 0;
  for (const p of points) {
    out.push(bytes.subarray(at, p));
    at = p;
  }
  out.push(bytes.subarray(at));
  return out;
}
