// Bundles docs/playground/app.ts with the freshly built package (through its exports map) into app.js.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(mkdtempSync(join(tmpdir(), 'nlgm-docs-')), 'node_modules');
mkdirSync(modules);
symlinkSync(root, join(modules, 'nlg-metrics'), 'dir');
await build({
  entryPoints: [join(root, 'docs/playground/app.ts')],
  outfile: join(root, 'docs/playground/app.js'),
  bundle: true,
  minify: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  nodePaths: [modules],
  logLevel: 'warning',
  // Ignore tsconfig's paths alias so the page uses the built package through its exports map.
  tsconfigRaw: {},
});
