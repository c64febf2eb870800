/**
 * The seeded choice behind `maxPairsPerPrompt`: reproducible on every run, machine and engine, and
 * independent of where a record sits in a file (so shards and reorderings choose the same pairs).
 * @internal
 */
import { Random } from '../aggregate/random.js';

/** FNV-1a (32-bit) over the length then the UTF-16 code units of `s` (so the encoding is prefix-free). */
function fnv(h: number, s: string): number {
  h = Math.imul(h ^ (s.length & 0xffff), 0x01000193);
  h = Math.imul(h ^ (s.length >>> 16), 0x01000193);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A generator seeded by `seed` and the content of a record (prompt, completions, ranks or scores). */
export function recordRandom(seed: number, prompt: string, completions: readonly string[], values: readonly number[]): Random {
  let h = 0x811c9dc5;
  h = fnv(h, `${seed >>> 0}:${Math.floor(seed / 2 ** 32)}`);
  h = fnv(h, prompt);
  for (const c of completions) h = fnv(h, c);
  for (const v of values) h = fnv(h, String(v));
  return new Random(h);
}

/** `k` distinct indices of `0..n-1`, uniformly at random, in increasing order (partial Fisher–Yates). */
export function sampleIndices(n: number, k: number, rng: Random): number[] {
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = idx[i] as number;
    idx[i] = idx[j] as number;
    idx[j] = t;
  }
  const chosen = idx.slice(0, k);
  chosen.sort((a, b) => a - b);
  return chosen;
}
