import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CJS + types. The root entry must stay free of Node built-ins and zod.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'es2022',
    platform: 'neutral',
    sourcemap: true,
    clean: true,
    treeshake: true,
    splitting: false,
  },
  {
    // The command-line program: its own entry, ESM only, Node.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node18',
    platform: 'node',
    sourcemap: true,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
