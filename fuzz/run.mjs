#!/usr/bin/env node
// `npm run fuzz` (after the build): bundles fuzz/run.ts with its shared cases and fast-check into a temporary
// file with esbuild (no TypeScript runner needed) and runs it against the built package, dist/index.js.
// Arguments are passed on: npm run fuzz -- --runs 5000 --seed 42 --only chrF
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error('fuzz: dist/index.js not found; build first (npm run fuzz builds)');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'nlgm-fuzz-'));
try {
  const out = join(dir, 'run.mjs');
  await build({ entryPoints: [join(here, 'run.ts')], bundle: true, format: 'esm', platform: 'node', target: 'node18', outfile: out, logLevel: 'warning' });
  const { main } = await import(pathToFileURL(out).href);
  process.exitCode = await main(process.argv.slice(2), pathToFileURL(dist).href);
} catch (e) {
  console.error(e instanceof Error && e.message.startsWith('fuzz:') ? e.message : e);
  process.exitCode = 2;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
