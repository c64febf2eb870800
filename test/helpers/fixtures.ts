/**
 * Reading the reference fixtures (test/fixtures/, copies of the shared reference set and the corpus files its
 * file-backed cases name), shared by the parity tests.
 */
import { readFileSync } from 'node:fs';

/** The fixture folder; file-backed cases name paths relative to it (`corpus/...`). */
export const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Lines of a fixture file (LF), without the final empty string. `rel` is relative to test/fixtures/. */
export function fixtureLines(rel: string): string[] {
  const lines = readFileSync(new URL(rel, FIXTURES), 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The records of a JSON Lines fixture (blank lines skipped), typed by the caller. */
export function fixtureCases<T>(name: string): T[] {
  return fixtureLines(name)
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** The reference README's float comparison: |a − b| <= max(1e-9·|b|, 1e-15). */
export function close(a: unknown, b: number): boolean {
  return typeof a === 'number' && Math.abs(a - b) <= Math.max(1e-9 * Math.abs(b), 1e-15);
}
