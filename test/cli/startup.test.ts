// zod takes about as long to load as the rest of the program (~0.1 s), so only the commands that read JSON
// load it: `score` on text files (and so every `--jobs` worker) and `merge` start without it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_HYP, EXAMPLE_REF, runCli, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
// A module hook that makes importing zod fail: a command that loads zod then fails saying so.
const hooks = join(tmp.dir, 'hooks.mjs');
writeFileSync(hooks, `export async function resolve(specifier, context, next) {\n  if (specifier === 'zod' || specifier.startsWith('zod/')) throw new Error('zod was loaded');\n  return next(specifier, context);\n}\n`);
const register = join(tmp.dir, 'register.mjs');
writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
const withoutZod = { NODE_OPTIONS: `--import ${pathToFileURL(register).href}` };

describe('start-up without zod', () => {
  it('score on text files and merge never load zod', async () => {
    const stats = join(tmp.dir, 'stats.json');
    const scored = await runCli(['score', '--hyp', EXAMPLE_HYP, '--ref', EXAMPLE_REF, '--format', 'json', '--no-progress', '--stats-out', stats], { env: withoutZod });
    expect(scored.stderr).not.toMatch(/zod was loaded/);
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.stdout)).toHaveProperty('bleu');
    const merged = await runCli(['merge', stats, '--format', 'json'], { env: withoutZod });
    expect(merged.stderr).not.toMatch(/zod was loaded/);
    expect(merged.code).toBe(0);
  });

  it('score --jobs 2 starts its worker threads without zod', async () => {
    // The example six times over (240 lines) in chunks of 10 lines: more chunks than it takes to start workers.
    const hyp = join(tmp.dir, 'hyp.txt');
    const ref = join(tmp.dir, 'ref.txt');
    writeFileSync(hyp, readFileSync(EXAMPLE_HYP, 'utf8').repeat(6));
    writeFileSync(ref, readFileSync(EXAMPLE_REF, 'utf8').repeat(6));
    const r = await runCli(['score', '--hyp', hyp, '--ref', ref, '--format', 'json', '--no-progress', '--jobs', '2'], {
      env: { ...withoutZod, NLG_METRICS_CHUNK_SEGMENTS: '10', NLG_METRICS_DEBUG_JOBS: '1' },
    });
    expect(r.stderr).not.toMatch(/zod was loaded/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^nlg-metrics: debug: 1 worker threads\n/);
  });

  it('the commands that read JSON Lines do load it (so the check above can fail)', async () => {
    const jsonl = join(tmp.dir, 'in.jsonl');
    writeFileSync(jsonl, '{"hypothesis": "a b", "references": ["a b"]}\n');
    const scored = await runCli(['score', '--jsonl', jsonl, '--format', 'json', '--no-progress'], { env: withoutZod });
    expect(scored.code).not.toBe(0);
    expect(scored.stderr).toMatch(/zod was loaded/);
    const pairs = join(tmp.dir, 'ranked.jsonl');
    writeFileSync(pairs, '{"prompt": "Q", "completions": ["a", "b"], "ranks": [1, 2]}\n');
    const converted = await runCli(['pairs', '--in', pairs, '--out', join(tmp.dir, 'pairs.jsonl')], { env: withoutZod });
    expect(converted.code).not.toBe(0);
    expect(converted.stderr).toMatch(/zod was loaded/);
  });
});
