import { checkNumber, typeError } from '../internal/validate.js';

/** Precision, recall and F-measure, each in 0..1. */
export interface Score {
  /** Matches divided by the hypothesis total. */
  readonly precision: number;
  /** Matches divided by the reference total. */
  readonly recall: number;
  /** The F-measure (F1 unless a `beta` was given) of precision and recall. */
  readonly fmeasure: number;
}

/**
 * Precision, recall and F-beta from match counts: the one place every metric computes them.
 *
 * @param matches - The number of matched units (clipped n-grams, LCS hits, shared tokens).
 * @param hypothesisTotal - Units in the hypothesis (precision's denominator).
 * @param referenceTotal - Units in the reference (recall's denominator).
 * @param beta - Weight of recall, default 1 (F1).
 * @returns `{ precision, recall, fmeasure }`; a zero denominator gives 0, never NaN.
 * @throws TypeError when a count is missing or not a finite number, RangeError when it is negative, `beta`
 *   is not > 0, or `matches` exceeds a total.
 * @remarks With `beta = 1` the arithmetic is that of rouge-score's `scoring.fmeasure`
 *   (`2 * p * r / (p + r)`), bit for bit; precision and recall divide by `max(total, 1)` as
 *   rouge-score's `_score_ngrams` does.
 * @example
 * ```ts
 * prf(2, 4, 5); // { precision: 0.5, recall: 0.4, fmeasure: 0.4444444444444445 }
 * prf(0, 0, 0); // { precision: 0, recall: 0, fmeasure: 0 }
 * ```
 */
export function prf(matches: number, hypothesisTotal: number, referenceTotal: number, beta = 1): Score {
  // The three counts are required: a missing one would make precision or recall NaN.
  for (const [arg, value] of [['matches', matches], ['hypothesisTotal', hypothesisTotal], ['referenceTotal', referenceTotal]] as const) {
    if (value === undefined) throw typeError('prf', arg, 'a finite number >= 0', value);
    checkNumber('prf', arg, value, 0, 0);
  }
  checkNumber('prf', 'beta', beta, 1, 0, false);
  if (matches > hypothesisTotal || matches > referenceTotal) {
    throw new RangeError(
      `prf: matches (${matches}) cannot exceed hypothesisTotal (${hypothesisTotal}) or referenceTotal (${referenceTotal})`,
    );
  }
  return prfUnchecked(matches, hypothesisTotal, referenceTotal, beta);
}

/** {@link prf} without argument checks, for metrics' inner loops. @internal */
export function prfUnchecked(matches: number, hypothesisTotal: number, referenceTotal: number, beta = 1): Score {
  const precision = matches / (hypothesisTotal > 1 ? hypothesisTotal : 1);
  const recall = matches / (referenceTotal > 1 ? referenceTotal : 1);
  return { precision, recall, fmeasure: fmeasure(precision, recall, beta) };
}

/**
 * F-beta of a precision and a recall; 0 when both are 0. A beta whose square overflows (> ~1.3e154) gives the
 * limit of F-beta, the recall (the formula would be Infinity / Infinity = NaN). @internal
 */
export function fmeasure(precision: number, recall: number, beta = 1): number {
  if (beta === 1) return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const b2 = beta * beta;
  if (b2 === Infinity) return precision > 0 ? recall : 0;
  const d = b2 * precision + recall;
  return d > 0 ? ((1 + b2) * precision * recall) / d : 0;
}
