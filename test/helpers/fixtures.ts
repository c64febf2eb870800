/**
 * Reading the reference fixtures (test/fixtures/, copies of the shared reference set and the corpus files its
 * file-backed cases name), and their Python options as ours, shared by the parity tests.
 */
import { readFileSync } from 'node:fs';
import type { BleuOptions } from '../../src/metrics/bleu';
import type { ChrfOptions } from '../../src/metrics/chrf';

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

/** A corpus case of the sacrebleu fixtures: hypotheses and reference streams, inline or in files. */
export interface CorpusCase {
  hypotheses?: readonly string[];
  hypotheses_file?: string;
  references?: unknown;
  references_files?: readonly string[];
}

/** sacrebleu's layout (reference streams, `null` = no reference for that segment) to references per segment. */
export function perSegment(streams: readonly (readonly (string | null)[])[], n: number): string[][] {
  return Array.from({ length: n }, (_, i) => streams.map((s) => s[i]).filter((r): r is string => typeof r === 'string'));
}

/** The hypotheses and per-segment references of a corpus case (file paths relative to test/fixtures/). */
export function corpusInputs(c: CorpusCase): { hyps: string[]; refs: string[][] } {
  const hyps = c.hypotheses_file !== undefined ? fixtureLines(c.hypotheses_file) : [...(c.hypotheses as readonly string[])];
  const streams = c.references_files !== undefined ? c.references_files.map(fixtureLines) : (c.references as (string | null)[][]);
  return { hyps, refs: perSegment(streams, hyps.length) };
}

/** sacrebleu's `CHRF(...)` keyword arguments as our chrF options (an unknown one is an error in the test). */
export function chrfOptionsOf(py: object): ChrfOptions {
  const names: Record<string, string> = {
    char_order: 'charOrder',
    word_order: 'wordOrder',
    beta: 'beta',
    lowercase: 'lowercase',
    whitespace: 'whitespace',
    eps_smoothing: 'epsSmoothing',
  };
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(py)) {
    const js = names[k];
    if (js === undefined) throw new Error(`unmapped option ${k}`);
    o[js] = v;
  }
  return o;
}

/** sacrebleu's `BLEU(...)` keyword arguments as our options. `force` only silences a warning in sacrebleu. */
export function bleuOptionsOf(options: object): BleuOptions {
  const o = options as Record<string, unknown>;
  const r: Record<string, unknown> = { effectiveOrder: o.effective_order ?? false }; // BLEU() defaults to False at both levels
  if (o.tokenize !== undefined) r.tokenize = o.tokenize;
  if (o.lowercase !== undefined) r.lowercase = o.lowercase;
  if (o.smooth_method !== undefined) r.smoothMethod = o.smooth_method;
  if (o.smooth_value !== undefined && o.smooth_value !== null) r.smoothValue = o.smooth_value;
  if (o.max_ngram_order !== undefined) r.maxNgramOrder = o.max_ngram_order;
  if (o.trg_lang !== undefined) r.trgLang = o.trg_lang;
  return r;
}
