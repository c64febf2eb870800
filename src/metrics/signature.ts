/**
 * sacrebleu-style reproducibility signatures: `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:...`.
 * Every corpus metric reports one with its score, built from the resolved options and from facts found in
 * the data (the number of references), never from mutable state.
 * @internal
 */
import { VERSION } from '../version.js';

/** The `version` field of every signature: this package and its version, in place of sacrebleu's `2.6.0`. */
export const SIGNATURE_VERSION = `nlg-metrics-${VERSION}`;

/** One `key:value` field; booleans print as `yes`/`no`, as sacrebleu prints them. */
export type SignaturePart = readonly [key: string, value: string | number | boolean];

/**
 * Joins fields into a signature, `key:value` separated by `|`, and appends `version:nlg-metrics-<VERSION>`
 * last (as sacrebleu keeps `version` at the end).
 *
 * @param parts - The fields in order, without `version`.
 * @returns The signature string.
 * @example
 * ```ts
 * formatSignature([['nrefs', 1], ['case', 'mixed'], ['eff', false]]);
 * // 'nrefs:1|case:mixed|eff:no|version:nlg-metrics-0.1.0'
 * ```
 */
export function formatSignature(parts: readonly SignaturePart[]): string {
  let out = '';
  for (const [key, value] of parts) {
    const v = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
    out += `${key}:${v}|`;
  }
  return `${out}version:${SIGNATURE_VERSION}`;
}

/**
 * The `nrefs` field from per-segment reference counts summarised additively (so it survives merging of
 * statistics): `segments` segments, `sum` = Σ references, `sumSquares` = Σ references². All segments have
 * the same count exactly when the variance is 0 (`segments·sumSquares = sum²`); otherwise sacrebleu writes `var`.
 *
 * @param segments - Number of segments.
 * @param sum - Σ of the number of references per segment.
 * @param sumSquares - Σ of its squares.
 * @returns The count, or `'var'` when segments differ; `0` for an empty corpus.
 * @example
 * ```ts
 * nrefsField(3, 6, 12); // 2
 * nrefsField(2, 3, 5);  // 'var'
 * ```
 */
export function nrefsField(segments: number, sum: number, sumSquares: number): number | 'var' {
  if (segments <= 0) return 0;
  return segments * sumSquares === sum * sum ? sum / segments : 'var';
}

/**
 * Python's `f'{x:.{digits}f}'`: like `Number.prototype.toFixed`, except that an exact tie rounds to the even
 * last digit (Python) where `toFixed` rounds up (e.g. `0.125` gives `0.12`, not `0.13`).
 *
 * @param x - A finite number.
 * @param digits - Decimal places, 0..20.
 * @returns The fixed-point string.
 * @example
 * ```ts
 * pyFixed(0.1, 2);   // '0.10'
 * pyFixed(0.125, 2); // '0.12'
 * ```
 */
export function pyFixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  // x is an exact tie at `digits` places iff x·2^(digits+1) is an odd integer (the only ties a double holds).
  const scaled = x * 2 ** (digits + 1);
  if (!Number.isInteger(scaled) || scaled % 2 === 0) return s;
  // A tie: toFixed rounded away from zero; Python keeps the even neighbour.
  const lastDigit = s.charCodeAt(s.length - 1) - 48;
  if (lastDigit % 2 === 0) return s;
  const neg = x < 0;
  const mag = neg ? -x : x;
  const down = (mag - 10 ** -digits / 2).toFixed(digits); // the lower neighbour, exactly representable distance
  return neg ? `-${down}` : down;
}
