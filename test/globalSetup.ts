// Builds dist/ once before the tests that run the built package (CLI subprocesses, the browser bundle),
// and only when a source file is newer than the build. Serialized with flock(1) so
// parallel runs (several vitest workers or engineers) never build at the same time.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup(): void {
  const outputs = ['dist/index.js', 'dist/index.cjs', 'dist/cli.js'].map((f) => join(root, f));
  const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
  const inputs = Math.max(newest(join(root, 'src')), statSync(join(root, 'tsup.config.ts')).mtimeMs, statSync(join(root, 'package.json')).mtimeMs);
  if (built > inputs) return;
  execFileSync('flock', ['/tmp/nlgm-build.lock', 'npm', 'run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
}
