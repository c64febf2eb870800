// Every function exported from the package root is documented the way users need it: a summary, its
// parameters, an @example (run by examples.test.ts) and @remarks naming the reference setting it matches.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const sources = sourceFiles(join(root, 'src')).map((f) => ({ f, text: readFileSync(f, 'utf8') }));

/** The doc comment directly above `export function NAME` (or `export const NAME`). */
function docOf(name: string): string | null {
  for (const { text } of sources) {
    const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:function|const|class) ${name}\\b`).exec(text);
    if (m) return m[1] ?? '';
  }
  return null;
}

const functions = Object.entries(lib)
  .filter(([, v]) => typeof v === 'function')
  .map(([k]) => k);

describe('every exported function is documented', () => {
  it('finds the exports', () => {
    expect(functions.length).toBeGreaterThan(20);
  });
  for (const name of functions) {
    it(`${name} has a summary, @param, @returns, @example and @remarks`, () => {
      const doc = docOf(name);
      expect(doc, `no doc comment above the declaration of ${name}`).not.toBeNull();
      const text = doc as string;
      const summary = text.split('\n').map((l) => l.replace(/^\s*\*\s?/, '')).find((l) => l.trim() !== '');
      expect(summary && !summary.startsWith('@'), `${name}: the doc comment must open with a summary`).toBe(true);
      const fn = (lib as Record<string, unknown>)[name] as (...a: unknown[]) => unknown;
      if (fn.length > 0) expect(text, `${name}: @param`).toMatch(/@param/);
      expect(text, `${name}: @returns`).toMatch(/@returns/);
      expect(text, `${name}: @example`).toMatch(/@example/);
      expect(text, `${name}: @remarks naming the reference behaviour`).toMatch(/@remarks/);
    });
  }
});
