/**
 * Random and adversarial inputs, and the checks every public metric must pass on them, shared by the test
 * suite (small samples, `test/adversarial/fuzz.test.ts`) and `npm run fuzz` (large samples against the
 * built package, `fuzz/run.ts`).
 *
 * Nothing here imports the library: every check receives the package's exports (`api`), either the sources
 * (tests) or `dist/` (the fuzz run), so both exercise exactly the same checks.
 */
import fc from 'fast-check';
import type * as Nlg from '../src/index.js';

/** The package's public exports. */
export type Api = typeof Nlg;

// ---------------------------------------------------------------------------------------------------------
// Inputs

/** Names that are members of `Object.prototype`: a plain object used as a counter breaks on them. */
export const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  '__lookupSetter__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'prototype',
] as const;

/**
 * Pieces that stress tokenizers and counters: Object.prototype names, entities and `<skipped>` (13a),
 * hyphen-newlines, Python-only white space (U+001C–U+001F, U+0085) and the BOM that Python does not strip,
 * NBSP, zero-width and bidi marks, combining marks, lone surrogates, controls, numbers with separators,
 * CJK and its punctuation, Thai, Arabic, Hebrew, emoji sequences, characters whose case mapping changes
 * length (`İ`, `ß`, `ﬁ`), the Kelvin sign (lowercases to ASCII `k`), and runs of punctuation.
 */
export const PIECES: readonly string[] = [
  ...PROTO_NAMES,
  'the', 'a', 'an', 'cat', 'sat', 'on', 'mat', 'The', 'CAT', 'cats', 'running', 'agreed', 'flies', 'news',
  '&amp;', '&quot;', '&lt;', '&gt;', '&apos;', '&#39;', '&#x27;', '<skipped>', '<b>',
  '-\n', '-', '--', '\n', '\r\n', '\r', '\n\n', ' ', '  ', '\t', '\v', '\f',
  '\u00a0', '\u0085', '\u001c', '\u001d', '\u001e', '\u001f', '\u2028', '\u2029', '\u3000', '\u202f', '\ufeff',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202e', '\u2066', '\u2069',
  '\u0301', 'e\u0301', '\u0308', 'a\u0308\u0301', '\u0e31',
  '\ud800', '\udbff', '\udc00', '\udfff', 'x\ud800y',
  '\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0080', '\u009f',
  '1,000', '1.000,50', '3.14', '1999.', '2,5', '10-20', '1/2', '+1', '-0', '٣٤', '１２３', '½', 'Ⅻ',
  '中文', '中', '。', '，', '、', '「', '」', '日本語', 'ひらがな', 'カタカナ', '한국어', '\u20000', '\u{20000}', '\u{2f800}',
  'ภาษาไทย', 'ง่าย', 'العربية', 'עברית', 'Ελληνικά', 'русский', 'हिन्दी',
  '😀', '👩‍👩‍👧', '🇫🇷', '👍🏽', '\u{1f600}\u{fe0f}', '\u{e0001}', '\u{10ffff}', '\u{f0000}',
  'İ', 'ı', 'ß', 'ẞ', 'ﬁ', 'ŉ', 'K', 'Å', 'Σ', 'ς', 'ǅ',
  '.', ',', '!', '?', '...', '!!!', "'", '"', "'s", "n't", '(', ')', '[', ']', '{', '}', '/', '\\', '$', '%', '€', '@', '#', '*', '_',
];

/** A piece or a short plain word (so that texts share tokens and n-grams actually match). */
export const pieceArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 2, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'x', 'y', 'the', 'cat', 'dog', 'on') },
);

/** Separators between pieces: mostly a space, sometimes nothing or other white space. */
const sepArb = fc.constantFrom(' ', ' ', ' ', '', '\n', '\t', '\u00a0', '  ', '\r\n', '\u0085');

/** A text made of pieces joined by separators. */
export const piecesTextArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(pieceArb, sepArb), { maxLength: 40 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

/** Strings of any UTF-16 code units (lone surrogates included), any code points, any graphemes. */
export const unicodeTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 30 }),
);

/** Adversarial text: pieces, raw Unicode, or a repeated piece. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: piecesTextArb },
  { weight: 3, arbitrary: unicodeTextArb },
  { weight: 1, arbitrary: fc.tuple(pieceArb, fc.integer({ min: 1, max: 200 })).map(([p, n]) => p.repeat(n)) },
);

/** One segment's references: a string, or a non-empty array of strings. */
export const referencesArb: fc.Arbitrary<string | string[]> = fc.oneof(textArb, fc.array(textArb, { minLength: 1, maxLength: 3 }));

/** A token list for the NLTK functions (tokens may be any string, even empty or white space). */
export const tokensArb: fc.Arbitrary<string[]> = fc.array(
  fc.oneof({ weight: 4, arbitrary: pieceArb }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }),
  { maxLength: 14 },
);

// ---------------------------------------------------------------------------------------------------------
// Checks

/** A violated guarantee. */
export class CheckFailure extends Error {
  override name = 'CheckFailure';
}

/** Throws a {@link CheckFailure} with `message` unless `cond`. */
export function ensure(cond: unknown, message: string | (() => string)): asserts cond {
  if (!cond) throw new CheckFailure(typeof message === 'string' ? message : message());
}

/** `x` is a finite number in [lo, hi]. */
export function ensureIn(x: unknown, lo: number, hi: number, what: string): void {
  ensure(typeof x === 'number' && Number.isFinite(x), () => `${what} is not a finite number: ${String(x)}`);
  ensure(x >= lo && x <= hi, () => `${what} = ${x} is outside [${lo}, ${hi}]`);
}

/** `x` is an integer >= 0. */
export function ensureCount(x: unknown, what: string): void {
  ensure(typeof x === 'number' && Number.isInteger(x) && x >= 0, () => `${what} is not a count: ${String(x)}`);
}

/** Deep equality of JSON-like values, with `Object.is` on numbers (NaN equals NaN, -0 differs from 0). */
export function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

function ensureSame(a: unknown, b: unknown, what: string): void {
  ensure(same(a, b), () => `${what}: ${preview(a)} !== ${preview(b)}`);
}

function preview(x: unknown): string {
  const s = JSON.stringify(x) ?? String(x);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/** A `Score`: precision, recall and F-measure all finite in [0, 1]. */
function ensureScore(s: unknown, what: string): void {
  ensure(s !== null && typeof s === 'object', `${what} is not an object`);
  const r = s as Record<string, unknown>;
  ensureIn(r.precision, 0, 1, `${what}.precision`);
  ensureIn(r.recall, 0, 1, `${what}.recall`);
  ensureIn(r.fmeasure, 0, 1, `${what}.fmeasure`);
}

/** Runs `f`; an error is acceptable only when `allowed` says so (a documented refusal), else it is rethrown. */
function refusalOr<T>(f: () => T, allowed: (e: unknown) => boolean): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof CheckFailure || !allowed(e)) throw e;
    return undefined;
  }
}

/** Python's white space (`str.isspace`), which BLEU's tokens never contain. */
const PY_WS = new Set([...'\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000']);

// ---------------------------------------------------------------------------------------------------------
// Targets

/** One fuzz target: an input generator and the checks of one public function (or a family of them). */
export interface FuzzTarget<T> {
  /** The public function(s) exercised. */
  readonly name: string;
  readonly input: fc.Arbitrary<T>;
  /** Throws on a violated guarantee (a {@link CheckFailure}, or the library's unexpected error). */
  check(api: Api, input: T): void;
}

function target<T>(t: FuzzTarget<T>): FuzzTarget<unknown> {
  return t as FuzzTarget<unknown>;
}

const ROUGE_TYPES = ['rouge1', 'rouge2', 'rouge4', 'rougeL', 'rougeLsum', 'rougeS4', 'rougeSU*'] as const;

const rougeOptionsArb = fc.record(
  {
    tokenizer: fc.constantFrom('rouge', 'unicode', 'whitespace', '13a', 'intl', 'zh', 'char', 'none'),
    stemmer: fc.boolean(),
    multiReference: fc.constantFrom('max', 'mean'),
    beta: fc.constantFrom(1, 0.5, 2, 1e-3, 1e3),
  },
  { requiredKeys: ['tokenizer'] },
).map((o) => (o.stemmer && o.tokenizer !== 'rouge' && o.tokenizer !== 'unicode' ? { ...o, stemmer: false } : o));

const bleuOptionsArb = fc
  .record(
    {
      tokenize: fc.constantFrom('13a', 'intl', 'zh', 'char', 'none'),
      lowercase: fc.boolean(),
      smoothMethod: fc.constantFrom('exp', 'floor', 'add-k', 'none'),
      smoothValue: fc.double({ min: 0, max: 1, noNaN: true }),
      maxNgramOrder: fc.integer({ min: 1, max: 6 }),
      effectiveOrder: fc.boolean(),
    },
    { requiredKeys: [] },
  );

const chrfOptionsArb = fc.record(
  {
    charOrder: fc.integer({ min: 1, max: 8 }),
    wordOrder: fc.integer({ min: 0, max: 3 }),
    beta: fc.constantFrom(0, 0.5, 1, 2, 3, 1e3),
    lowercase: fc.boolean(),
    whitespace: fc.boolean(),
    epsSmoothing: fc.boolean(),
  },
  { requiredKeys: [] },
);

const nltkOptionsArb = fc.record(
  {
    smoothing: fc.integer({ min: 0, max: 7 }),
    weights: fc.oneof(
      fc.constant([0.25, 0.25, 0.25, 0.25]),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
    ),
    autoReweigh: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Lengths of the two arrays, for a corpus of segments. */
const corpusArb = fc.array(fc.tuple(textArb, referencesArb), { minLength: 0, maxLength: 4 });

/** ROUGE's documented size limits: a RangeError naming `options.maxSkipBigrams` or `options.maxLcsCells`. */
const rougeLimit = (fn: string) => (e: unknown): boolean =>
  e instanceof RangeError && e.message.startsWith(`${fn}: `) && /options\.(maxSkipBigrams|maxLcsCells) \(\d+\)/.test(e.message);

/** NLTK raises for smoothing method 6 with fewer than 3 orders or no trigram match; we refuse with a RangeError. */
const nltkRefusal = (fn: string) => (e: unknown): boolean => e instanceof RangeError && e.message.startsWith(`${fn}: `) && /smoothing/.test(e.message);

/** Every fuzz target: the metrics, the tokenizers and the pairs converters. */
export const FUZZ_TARGETS: readonly FuzzTarget<unknown>[] = [
  target({
    name: 'rouge, corpusRouge',
    input: fc.tuple(textArb, referencesArb, rougeOptionsArb),
    check(api, [h, refs, opts]) {
      const o = { ...opts, types: ROUGE_TYPES } as Nlg.RougeOptions;
      // rougeSU* of a long text (the char tokenizer makes every character a token) can pass the documented
      // skip-bigram budget: a RangeError naming the option, also from corpusRouge.
      const r = refusalOr(() => api.rouge(h, refs, o), rougeLimit('rouge'));
      if (r === undefined) {
        ensure(refusalOr(() => api.corpusRouge([h], [refs], o), rougeLimit('corpusRouge')) === undefined, 'corpusRouge scored what rouge refused');
        return;
      }
      ensureSame(Object.keys(r), ROUGE_TYPES, 'result keys');
      for (const t of ROUGE_TYPES) ensureScore(r[t], t);
      ensureSame(api.corpusRouge([h], [refs], o), r, 'corpusRouge of one segment vs rouge');
      ensureSame(api.rouge(h, refs, o), r, 'the same call twice');
    },
  }),
  target({
    name: 'corpusRouge (several segments)',
    input: fc.tuple(corpusArb, fc.constantFrom('rouge', 'unicode', 'whitespace')),
    check(api, [segs, tokenizer]) {
      const o = { types: ROUGE_TYPES, tokenizer } as Nlg.RougeOptions;
      const r = refusalOr(() => api.corpusRouge(segs.map((s) => s[0]), segs.map((s) => s[1]), o), rougeLimit('corpusRouge'));
      if (r !== undefined) for (const t of ROUGE_TYPES) ensureScore(r[t], t);
    },
  }),
  target({
    name: 'sentenceBleu, corpusBleu',
    input: fc.tuple(textArb, referencesArb, bleuOptionsArb),
    check(api, [h, refs, opts]) {
      const r = api.sentenceBleu(h, refs, opts as Nlg.BleuOptions);
      const N = opts.maxNgramOrder ?? 4;
      ensureIn(r.score, 0, 100 + 1e-9, 'score');
      ensureIn(r.bp, 0, 1, 'bp');
      ensureCount(r.sysLen, 'sysLen');
      ensureCount(r.refLen, 'refLen');
      ensure(r.counts.length === N && r.totals.length === N && r.precisions.length === N, 'counts/totals/precisions length');
      for (let n = 0; n < N; n++) {
        ensure((r.counts[n] as number) <= (r.totals[n] as number), () => `counts[${n}] > totals[${n}]`);
        // sacrebleu's 100 * count / total: with add-k, (c + k) / (t + k) for a tiny k can round to 1 ulp above 100.
        ensureIn(r.precisions[n], 0, 100 + 1e-9, `precisions[${n}]`);
      }
      ensure(typeof r.signature === 'string' && r.signature.includes('|version:nlg-metrics-'), 'signature');
      const eff = { ...opts, effectiveOrder: opts.effectiveOrder ?? true } as Nlg.BleuOptions;
      ensureSame(api.corpusBleu([h], [refs], eff), r, 'corpusBleu of one segment vs sentenceBleu');
    },
  }),
  target({
    name: 'corpusBleu (several segments)',
    input: fc.tuple(corpusArb, bleuOptionsArb),
    check(api, [segs, opts]) {
      const r = api.corpusBleu(segs.map((s) => s[0]), segs.map((s) => s[1]), opts as Nlg.BleuOptions);
      ensureIn(r.score, 0, 100 + 1e-9, 'score');
      ensureIn(r.bp, 0, 1, 'bp');
      r.counts.forEach((c, n) => ensure(c <= (r.totals[n] as number), `counts[${n}] > totals[${n}]`));
    },
  }),
  target({
    name: 'sentenceChrf, corpusChrf (chrF, chrF++)',
    input: fc.tuple(textArb, referencesArb, chrfOptionsArb),
    check(api, [h, refs, opts]) {
      const r = api.sentenceChrf(h, refs, opts);
      ensureIn(r.score, 0, 100 + 1e-9, 'score');
      const orders = (opts.charOrder ?? 6) + (opts.wordOrder ?? 0);
      ensure(r.stats.length === 3 * orders, 'stats length');
      for (let k = 0; k < orders; k++) {
        const [hyp, ref, match] = r.stats.slice(3 * k, 3 * k + 3) as [number, number, number];
        ensureCount(hyp, `stats hyp ${k}`);
        ensureCount(ref, `stats ref ${k}`);
        ensureCount(match, `stats match ${k}`);
        ensure(match <= hyp && match <= ref, () => `order ${k}: match ${match} exceeds hyp ${hyp} or ref ${ref}`);
      }
      ensureSame(api.corpusChrf([h], [refs], opts), r, 'corpusChrf of one segment vs sentenceChrf');
    },
  }),
  target({
    name: 'corpusChrf (several segments)',
    input: fc.tuple(corpusArb, chrfOptionsArb),
    check(api, [segs, opts]) {
      const r = api.corpusChrf(segs.map((s) => s[0]), segs.map((s) => s[1]), opts);
      ensureIn(r.score, 0, 100 + 1e-9, 'score');
    },
  }),
  target({
    name: 'accumulator (rouge, bleu, chrf): split, JSON, merge',
    input: fc.tuple(corpusArb, fc.nat(), fc.constantFrom('rouge', 'bleu', 'chrf'), fc.boolean()),
    check(api, [segs, cut, metric, lowercase]) {
      // Options that change the numbers, for each metric; rougeSU* is left out (its size limit is fuzzed above).
      const options = metric === 'rouge' ? { types: ['rouge1', 'rouge3', 'rougeL', 'rougeLsum', 'rougeS4'], tokenizer: lowercase ? 'unicode' : 'rouge' } : { lowercase };
      const k = cut % (segs.length + 1);
      const part = (xs: typeof segs) => {
        const acc = api.accumulator(metric as 'bleu', options as Nlg.BleuOptions);
        for (const [h, r] of xs) acc.add(h, r);
        return JSON.stringify(acc.stats());
      };
      const merged = api.accumulator(metric as 'bleu', options as Nlg.BleuOptions).merge(JSON.parse(part(segs.slice(k)))).merge(JSON.parse(part(segs.slice(0, k))));
      const hyps = segs.map((x) => x[0]);
      const refs = segs.map((x) => x[1]);
      const corpus =
        metric === 'rouge'
          ? api.corpusRouge(hyps, refs, options as Nlg.RougeOptions)
          : metric === 'bleu'
            ? api.corpusBleu(hyps, refs, options as Nlg.BleuOptions)
            : api.corpusChrf(hyps, refs, options as Nlg.ChrfOptions);
      ensureSame(merged.result(), corpus, `accumulator('${metric}') merged vs the corpus function`);
    },
  }),
  target({
    name: 'sentenceBleuNltk, corpusBleuNltk',
    input: fc.tuple(fc.array(tokensArb, { minLength: 1, maxLength: 3 }), tokensArb, nltkOptionsArb),
    check(api, [refs, hyp, opts]) {
      const fn = 'sentenceBleuNltk';
      const s = refusalOr(() => api.sentenceBleuNltk(refs, hyp, opts as Nlg.NltkBleuOptions & { weights?: number[] }), nltkRefusal(fn));
      const c = refusalOr(() => api.corpusBleuNltk([refs], [hyp], opts as Nlg.NltkBleuOptions & { weights?: number[] }), nltkRefusal('corpusBleuNltk'));
      ensureSame(c, s, 'corpusBleuNltk of one segment vs sentenceBleuNltk');
      if (s === undefined) return;
      // Methods 5 and 7 average with p1 + 1 and can exceed 1 (as NLTK does); the others stay in [0, 1].
      ensureIn(s, 0, opts.smoothing === 5 || opts.smoothing === 7 || opts.smoothing === 6 ? Number.MAX_VALUE : 1, 'score');
    },
  }),
  target({
    name: 'corpusBleuNltk (several segments)',
    input: fc.tuple(fc.array(fc.tuple(fc.array(tokensArb, { minLength: 1, maxLength: 3 }), tokensArb), { maxLength: 4 }), nltkOptionsArb),
    check(api, [segs, opts]) {
      const fn = 'corpusBleuNltk';
      const s = refusalOr(() => api.corpusBleuNltk(segs.map((x) => x[0]), segs.map((x) => x[1]), opts as Nlg.NltkBleuOptions & { weights?: number[] }), nltkRefusal(fn));
      if (s !== undefined) ensureIn(s, 0, Number.MAX_VALUE, 'score');
    },
  }),
  target({
    name: 'tokenF1, exactMatch, corpusSquad, normalizeAnswer',
    input: fc.tuple(textArb, referencesArb),
    check(api, [p, refs]) {
      const f = api.tokenF1(p, refs);
      ensureScore(f, 'tokenF1');
      const em = api.exactMatch(p, refs);
      ensure(em === 0 || em === 1, 'exactMatch is 0 or 1');
      const n = api.normalizeAnswer(p);
      ensure(em === 0 || f.fmeasure === 1 || n === '', 'exact match but F1 < 1 with a non-empty answer');
      ensureSame(api.normalizeAnswer(n), n, 'normalizeAnswer is idempotent');
      ensureSame(api.corpusSquad([p], [refs]), { exactMatch: 100 * em, f1: 100 * f.fmeasure }, 'corpusSquad of one vs tokenF1/exactMatch');
    },
  }),
  target({
    name: 'rankingToPairs, ratingsToPairs, recordToPairs',
    input: fc.tuple(
      textArb,
      fc.array(fc.tuple(textArb, fc.integer({ min: -3, max: 3 }), fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ noNaN: true, noDefaultInfinity: true }))), { maxLength: 7 }),
      fc.record(
        {
          strategy: fc.constantFrom('all', 'best-vs-rest', 'best-vs-worst', 'adjacent'),
          ties: fc.constantFrom('drop', 'error'),
          minMargin: fc.double({ min: 0, max: 3, noNaN: true }),
          maxPairsPerPrompt: fc.integer({ min: 1, max: 10 }),
          weight: fc.constantFrom('none', 'inverse-pairs'),
        },
        { requiredKeys: [] },
      ),
    ),
    check(api, [prompt, items, opts]) {
      const completions = items.map((x) => x[0]);
      const ranks = items.map((x) => x[1]);
      const scores = items.map((x) => x[2]);
      const o = opts as Nlg.PairsOptions;
      const tied = (v: number[]) => new Set(v.map((x) => (x === 0 ? 0 : x))).size < v.length;
      const run = (kind: 'ranks' | 'scores'): void => {
        const values = kind === 'ranks' ? ranks : scores;
        const fn = kind === 'ranks' ? 'rankingToPairs' : 'ratingsToPairs';
        const call = () =>
          kind === 'ranks' ? api.rankingToPairs({ prompt, completions, ranks }, o) : api.ratingsToPairs({ prompt, completions, scores }, o);
        const pairs = refusalOr(call, (e) => {
          if (!(e instanceof RangeError) || !e.message.startsWith(`${fn}: `)) return false;
          if (o.ties === 'error' && tied(values)) return true; // a documented refusal
          return kind === 'scores' && /not a finite number/.test(e.message); // two scores whose difference overflows
        });
        if (pairs === undefined) return;
        ensure(pairs.length <= (completions.length * (completions.length - 1)) / 2, 'more pairs than N choose 2');
        if (o.maxPairsPerPrompt !== undefined) ensure(pairs.length <= o.maxPairsPerPrompt, 'more pairs than maxPairsPerPrompt');
        for (const p of pairs) {
          ensure(p.prompt === prompt, 'prompt changed');
          ensure(p.chosen !== p.rejected, 'identical chosen and rejected');
          ensureIn(p.margin, Number.MIN_VALUE, Number.MAX_VALUE, 'margin');
          ensure(p.margin >= (o.minMargin ?? 0), 'margin below minMargin');
          const ok = completions.some((c, i) =>
            c === p.chosen && completions.some((d, j) => d === p.rejected && (kind === 'ranks' ? (values[j] as number) - (values[i] as number) : (values[i] as number) - (values[j] as number)) === p.margin),
          );
          ensure(ok, () => `pair ${preview(p)} does not come from two completions with that margin`);
          if (p.weight !== undefined) ensureIn(p.weight, Number.MIN_VALUE, 1, 'weight');
        }
        const rec = kind === 'ranks' ? { prompt, completions, ranks } : { prompt, completions, scores };
        const full = api.recordToPairs(rec, o);
        ensureSame(full.pairs, pairs, `recordToPairs vs ${fn}`);
        ensure(full.summary.pairs === pairs.length, 'summary.pairs');
        for (const v of Object.values(full.summary)) ensureCount(v, 'summary count');
      };
      run('ranks');
      run('scores');
    },
  }),
  target({
    name: 'tokenize, getTokenizer (every tokenizer)',
    input: fc.tuple(textArb, fc.constantFrom('rouge', '13a', 'intl', 'zh', 'char', 'none', 'whitespace', 'unicode'), fc.boolean()),
    check(api, [text, name, stem]) {
      const options = stem && (name === 'rouge' || name === 'unicode') ? { stemmer: true } : undefined;
      const toks = api.tokenize(text, name as Nlg.TokenizerName, options);
      ensure(Array.isArray(toks), 'tokens are an array');
      for (const t of toks) {
        ensure(typeof t === 'string' && t.length > 0, () => `empty or non-string token in ${preview(toks)}`);
        ensure(![...t].some((ch) => PY_WS.has(ch)), () => `token with white space: ${preview(t)}`);
        if (name === 'rouge') ensure(/^[a-z0-9]+$/.test(t), () => `rouge token outside [a-z0-9]: ${preview(t)}`);
      }
      ensureSame(api.getTokenizer(name as Nlg.TokenizerName, options).tokenize(text), toks, 'getTokenizer vs tokenize');
      ensureSame(api.tokenize(text, name as Nlg.TokenizerName, options), toks, 'the same call twice');
    },
  }),
  target({
    name: 'ngrams, ngramCounts, charNgrams',
    input: fc.tuple(tokensArb, textArb, fc.integer({ min: 1, max: 5 }), fc.boolean()),
    check(api, [toks, text, n, ws]) {
      const g = api.ngrams(toks, n);
      ensure(g.length === Math.max(0, toks.length - n + 1), 'number of n-grams');
      // The keys are the tokens joined by one space, so a token containing a space is refused (RangeError
      // naming it); otherwise the keys are unambiguous and the counts add up.
      if (toks.some((t) => t.includes(' '))) {
        let refused = false;
        try {
          api.ngramCounts(toks, n);
        } catch (e) {
          refused = e instanceof RangeError && /contains a space/.test((e as Error).message);
        }
        ensure(refused, 'ngramCounts refuses a token containing a space');
      } else {
        const counts = api.ngramCounts(toks, n);
        let total = 0;
        for (const c of counts.values()) total += c;
        ensure(total === g.length, 'ngramCounts sum to the number of n-grams');
      }
      // Character n-grams are n consecutive characters (code points, as Python counts them: two lone surrogates
      // stay two characters even where their UTF-16 units, joined, read as one astral character).
      const chars = api.charNgrams(text, 1, { whitespace: ws });
      const grams = api.charNgrams(text, n, { whitespace: ws });
      ensure(grams.length === Math.max(0, chars.length - n + 1), 'number of character n-grams');
      grams.forEach((c, i) => ensure(c === chars.slice(i, i + n).join(''), () => `character n-gram ${i}: ${preview(c)}`));
    },
  }),
];

// ---------------------------------------------------------------------------------------------------------
// Large inputs

/** Repetitive texts that would make a backtracking tokenizer or a rescanning counter quadratic. */
export const ADVERSARIAL_UNITS: readonly (readonly [label: string, unit: string])[] = [
  ['repeated punctuation', '.'],
  ['entities', '&amp;'],
  ['digits with separators', '1,000.50 '],
  ['hyphen-newlines', '-\n'],
  ['CJK mixed with punctuation', '中。,1.'],
];

/** One metric on every adversarial unit repeated to 1 MB, against a short text, both ways. */
export interface LargeCase {
  readonly name: string;
  /**
   * Throws when a result is not finite or a call takes more than 5 s (a hang guard; the times are printed).
   * @returns The time of the slowest call, in ms.
   */
  check(api: Api): number;
}

function large(name: string, score: (api: Api, hypothesis: string, reference: string) => number[]): LargeCase {
  return {
    name,
    check(api) {
      let slowest = 0;
      for (const [label, unit] of ADVERSARIAL_UNITS) {
        const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
        const short = `${unit.repeat(20)} a b c`;
        for (const [h, r] of [[big, short], [short, big]] as const) {
          const t0 = performance.now();
          const values = score(api, h, r);
          const ms = performance.now() - t0;
          for (const v of values) ensure(Number.isFinite(v), () => `${name} on 1 MB of ${label}: ${v}`);
          ensure(ms < 5000, () => `${name} on 1 MB of ${label}${h === short ? ' (as the reference)' : ''}: ${ms.toFixed(0)} ms`);
          slowest = Math.max(slowest, ms);
        }
      }
      return slowest;
    },
  };
}

/** The metrics and tokenizers on 1 MB texts. */
export const LARGE_INPUTS: readonly LargeCase[] = [
  large('rouge (rouge1, rouge2, rougeL, rougeLsum)', (api, h, r) =>
    Object.values(api.rouge(h, r, { types: ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] })).map((x) => x.fmeasure),
  ),
  large("rouge (tokenizer 'unicode')", (api, h, r) => Object.values(api.rouge(h, r, { types: ['rouge1', 'rouge2', 'rougeL'], tokenizer: 'unicode' })).map((x) => x.fmeasure)),
  ...(['13a', 'intl', 'zh', 'char'] as const).map((tok) => large(`sentenceBleu (${tok})`, (api, h, r) => [api.sentenceBleu(h, r, { tokenize: tok }).score])),
  large('sentenceChrf (chrF++)', (api, h, r) => [api.sentenceChrf(h, r, { wordOrder: 2 }).score]),
  large('sentenceBleuNltk (space-separated tokens)', (api, h, r) => [api.sentenceBleuNltk([r.split(' ')], h.split(' '), { smoothing: 1 })]),
  large('tokenF1, exactMatch', (api, h, r) => [api.tokenF1(h, r).fmeasure, api.exactMatch(h, r)]),
  large('every tokenizer', (api, h) => api.TOKENIZER_NAMES.map((name) => api.tokenize(h, name).length)),
];

/** The outcome of fuzzing one target. */
export interface FuzzReport {
  readonly name: string;
  readonly runs: number;
  readonly ms: number;
  /** fast-check's report of the first (shrunk) counterexample, if any. */
  readonly failure?: string;
}

/** fast-check's report of a failed run, with the error the check threw. */
function failureReport<T>(details: fc.RunDetails<T>): string {
  const report = fc.defaultReportMessage(details) ?? 'failed';
  const e: unknown = details.errorInstance;
  return e instanceof Error ? `${report}\n${e.name}: ${e.message}` : report;
}

/**
 * Runs every target (or those whose name contains `only`) on `runs` random inputs each.
 *
 * @param api - The package's exports.
 * @param runs - Inputs per target.
 * @param seed - fast-check's seed (print it to replay a failure).
 */
export function fuzzAll(api: Api, runs: number, seed: number, only?: string, onReport?: (r: FuzzReport) => void): FuzzReport[] {
  const out: FuzzReport[] = [];
  for (const t of FUZZ_TARGETS) {
    if (only !== undefined && !t.name.includes(only)) continue;
    const t0 = performance.now();
    const details = fc.check(
      fc.property(t.input, (x) => {
        t.check(api, x);
      }),
      { numRuns: runs, seed },
    );
    const report: FuzzReport = {
      name: t.name,
      runs: details.numRuns,
      ms: performance.now() - t0,
      ...(details.failed ? { failure: failureReport(details) } : {}),
    };
    out.push(report);
    onReport?.(report);
  }
  return out;
}
