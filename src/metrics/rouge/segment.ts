/**
 * ROUGE statistics of one segment: for each requested type, the [precision, recall, fmeasure] of the
 * hypothesis against its references (the best reference, or the mean over them). ROUGE averages these
 * per-segment scores over a corpus (macro average), so this row is the segment's sufficient statistic.
 * @internal
 */
import { overlapSorted } from '../../ngram/counter.js';
import { fmeasure } from '../prf.js';
import type { RougeContext, RougeText } from './context.js';

/** An array of `n` zeros (a loop: `Array.prototype.fill` is slower on small arrays). */
function zeros(n: number): number[] {
  const a = new Array<number>(n);
  for (let i = 0; i < n; i++) a[i] = 0;
  return a;
}

/** Writes [P, R, F] of every type for one hypothesis–reference pair into `out` (length 3 × types). */
function pairScores(ctx: RougeContext, hyp: RougeText, ref: RougeText, out: number[]): void {
  const o = ctx.options;
  const specs = o.specs;
  let lcs = -1; // LCS length of the whole texts, computed at most once per pair
  let grams = -1; // n-gram overlaps of orders 1..maxN: -1 not yet, 0 all in ctx.gramHits, 1 only unigrams
  // Texts with a side of at most 64 tokens: the LCS and every n-gram order in one pass (a per-pair call on
  // short texts spends less in setting up one table than in a matcher and an LCS each).
  const oneLine = ref.sentStarts.length === 2 && hyp.sentStarts.length === 2 && ref.sentIds === ref.ids && hyp.sentIds === hyp.ids;
  if (hyp.ids.length > 0 && ref.ids.length > 0 && (o.maxN > 0 || o.needLcs || (o.needSentences && oneLine))) {
    lcs = ctx.lcs.lcsAndGrams(ref.ids, hyp.ids, o.maxN, ctx.gramHits);
    if (lcs >= 0) grams = 0;
  }
  for (let k = 0; k < specs.length; k++) {
    const s = specs[k]!;
    let hits: number;
    let hypTotal: number;
    let refTotal: number;
    switch (s.kind) {
      case 'n': {
        // rouge-score's _score_ngrams: clipped n-gram matches over the n-gram counts.
        const n = s.n;
        hypTotal = Math.max(0, hyp.ids.length - n + 1);
        refTotal = Math.max(0, ref.ids.length - n + 1);
        if (hypTotal === 0 || refTotal === 0) hits = 0;
        else {
          // Every order at once (one pass); a text too repetitive for the matcher's chains has its
          // n-grams interned and counted instead.
          if (grams < 0) grams = ctx.matcher.overlaps(ref.ids, hyp.ids, o.maxN, ctx.gramHits) ? 0 : 1;
          hits = n === 1 || grams === 0 ? ctx.gramHits[n - 1]! : ctx.counter.overlap(ctx.grams(ref, n), ctx.grams(hyp, n));
        }
        break;
      }
      case 'L':
        // rouge-score's _score_lcs: LCS length over the token counts (0 if either side is empty).
        hypTotal = hyp.ids.length;
        refTotal = ref.ids.length;
        if (hypTotal > 0 && refTotal > 0) {
          if (lcs < 0) lcs = ctx.lcs.lcsLength(ref.ids, hyp.ids);
          hits = lcs;
        } else hits = 0;
        break;
      case 'Lsum':
        // rouge-score's _summary_level_lcs: clipped union-LCS hits over the tokens of all sentences.
        hypTotal = hyp.sentIds.length;
        refTotal = ref.sentIds.length;
        if (hypTotal === 0 || refTotal === 0) hits = 0;
        else if (ref.sentStarts.length === 2 && hyp.sentStarts.length === 2) {
          // One sentence each: the union is one backtracked LCS, a common subsequence, so every one of its
          // tokens survives the clipping and the hits are the LCS length (no table, no backtrack needed).
          if (oneLine) {
            if (lcs < 0) lcs = ctx.lcs.lcsLength(ref.ids, hyp.ids);
            hits = lcs;
          } else hits = ctx.lcs.lcsLength(ref.sentIds, hyp.sentIds);
        } else {
          const tooLarge = (cells: number): RangeError =>
            new RangeError(
              `${ctx.fn}: rougeLsum needs an LCS table of ${cells} cells for one pair of sentences, more than options.maxLcsCells (${o.maxLcsCells}); split the texts into shorter lines or raise the limit`,
            );
          hits = ctx.lcs.unionHits(ref.sentIds, ref.sentStarts, hyp.sentIds, hyp.sentStarts, o.maxLcsCells, tooLarge);
        }
        break;
      case 'S': {
        // ROUGE-1.5.5 skip-bigrams (-2 gap); with -u/-U also the unigram of every token but the last.
        const gi = o.gapIndex[k]!;
        const h = hyp.skips[gi]!;
        const r = ref.skips[gi]!;
        hits = overlapSorted(r, h);
        hypTotal = h.length;
        refTotal = r.length;
        if (s.unigrams) {
          const hu = hyp.ids.slice(0, Math.max(0, hyp.ids.length - 1));
          const ru = ref.ids.slice(0, Math.max(0, ref.ids.length - 1));
          hits += ctx.counter.overlap(ru, hu);
          hypTotal += hu.length;
          refTotal += ru.length;
        }
        break;
      }
    }
    const precision = hits / (hypTotal > 1 ? hypTotal : 1);
    const recall = hits / (refTotal > 1 ? refTotal : 1);
    out[3 * k] = precision;
    out[3 * k + 1] = recall;
    out[3 * k + 2] = fmeasure(precision, recall, o.beta);
  }
}

/**
 * The statistics row of one segment: `[P, R, F]` per type, in the order of `ctx.options.types`.
 *
 * @param ctx - The scoring context (options, vocabulary, cached references).
 * @param hypothesis - The generated text.
 * @param references - One or more reference texts (validated by the caller; at least one).
 * @returns A new array of `3 × types` numbers.
 * @internal
 */
export function segmentRow(ctx: RougeContext, hypothesis: string, references: readonly string[]): number[] {
  const width = 3 * ctx.options.specs.length;
  ctx.segments++;
  const hyp = ctx.hypothesis(hypothesis);
  const out = zeros(width);
  if (references.length === 1) {
    const ref = ctx.reference(references[0]!);
    ctx.reserve();
    pairScores(ctx, hyp, ref, out);
    return out;
  }
  const refs = references.map((r) => ctx.reference(r));
  ctx.reserve();
  const cur = zeros(width);
  if (ctx.options.multiReference === 'max') {
    // score_multi: per type, np.argmax over the F-measures: the first reference with the highest F.
    for (let i = 0; i < refs.length; i++) {
      pairScores(ctx, hyp, refs[i]!, cur);
      for (let k = 0; k < width; k += 3) {
        if (i === 0 || cur[k + 2]! > out[k + 2]!) {
          out[k] = cur[k]!;
          out[k + 1] = cur[k + 1]!;
          out[k + 2] = cur[k + 2]!;
        }
      }
    }
  } else {
    for (let i = 0; i < refs.length; i++) {
      pairScores(ctx, hyp, refs[i]!, cur);
      for (let k = 0; k < width; k++) out[k] = out[k]! + cur[k]!;
    }
    for (let k = 0; k < width; k++) out[k] = out[k]! / refs.length;
  }
  return out;
}
