import { describe, expect, it } from 'vitest';
import * as api from '../../src/index';

// Bad arguments to every public function: a TypeError (wrong type or shape, unknown option) or a RangeError
// (out-of-range value, lengths that differ, empty where one is needed) whose message starts with the
// function's name and names the argument. The table is keyed by export name and checked against the
// package's actual exports, so a new export without a row fails here.

type ErrorClass = typeof TypeError | typeof RangeError;

/** One bad call: what it gets wrong, the call, the error class, and the argument its message must name. */
type Bad = readonly [what: string, call: () => unknown, error: ErrorClass, names: RegExp];

const T = TypeError;
const R = RangeError;
const ok = { prompt: 'p', completions: ['a', 'b'], ranks: [1, 2] };
const rated = { prompt: 'p', completions: ['a', 'b'], scores: [1, 2] };
const ratio = (s: Float64Array) => (s[0] as number) / Math.max(1, s[1] as number);
const x = undefined as never;

/** Rows shared by every corpus function `f(hypotheses, references, options)`. */
function corpusRows(f: (h: never, r: never, o?: never) => unknown, extra: readonly Bad[] = []): readonly Bad[] {
  return [
    ['hypotheses missing', () => f(x, x), T, /hypotheses must be an array/],
    ['hypotheses a string', () => f('a b' as never, ['a'] as never), T, /hypotheses must be an array/],
    ['references null', () => f(['a'] as never, null as never), T, /references must be an array/],
    ['lengths differ', () => f(['a', 'b'] as never, ['a'] as never), R, /hypotheses and references must have the same length, got 2 hypotheses and 1 references/],
    ['a hypothesis that is a number', () => f(['a', 5] as never, ['a', 'b'] as never), T, /hypotheses\[1\] must be a string, got 5/],
    ['a reference that is a number', () => f(['a'] as never, [5] as never), T, /references\[0\] must be a string or an array of strings, got 5/],
    ['a reference list with null', () => f(['a'] as never, [['a', null]] as never), T, /references\[0\]\[1\] must be a string, got null/],
    ['an empty reference list', () => f(['a'] as never, [[]] as never), R, /references\[0\] must be a non-empty list of references/],
    ['options not an object', () => f(['a'] as never, ['a'] as never, 'fast' as never), T, /options must be an object, got "fast"/],
    ['options a Map (its entries are not options)', () => f(['a'] as never, ['a'] as never, new Map([['tokenize', 'char']]) as never), T, /options must be an object, got a Map/],
    ['an unknown option', () => f(['a'] as never, ['a'] as never, { tokenise: '13a' } as never), T, /unknown option "tokenise" \(known options: /],
    ...extra,
  ];
}

/** Rows shared by every sentence function `f(hypothesis, references, options)`. */
function sentenceRows(f: (h: never, r: never, o?: never) => unknown, extra: readonly Bad[] = []): readonly Bad[] {
  return [
    ['hypothesis missing', () => f(x, x), T, /hypothesis must be a string, got undefined/],
    ['hypothesis an array', () => f(['a'] as never, 'a' as never), T, /hypothesis must be a string, got an array of length 1/],
    ['references a number', () => f('a' as never, 5 as never), T, /references must be a string or an array of strings, got 5/],
    ['references null', () => f('a' as never, null as never), T, /references must be a string or an array of strings, got null/],
    ['an empty reference list', () => f('a' as never, [] as never), R, /references must be a non-empty list of references/],
    ['a reference that is an object', () => f('a' as never, ['a', {}] as never), T, /references\[1\] must be a string, got an object/],
    ['an unknown option', () => f('a' as never, 'a' as never, { lowercased: true } as never), T, /unknown option "lowercased"/],
    ...extra,
  ];
}

const bleuOptionRows = (f: (o: never) => unknown): readonly Bad[] => [
  ['an unknown tokenizer', () => f({ tokenize: 'moses' } as never), R, /options\.tokenize must be one of "13a", "intl", "zh", "char", "none", got "moses"/],
  ['an unknown smoothing', () => f({ smoothMethod: 'add-one' } as never), R, /options\.smoothMethod must be one of/],
  ['a negative smoothValue', () => f({ smoothMethod: 'floor', smoothValue: -0.1 } as never), R, /options\.smoothValue must be >= 0/],
  ['smoothValue NaN', () => f({ smoothValue: NaN } as never), T, /options\.smoothValue must be a finite number, got NaN/],
  ['maxNgramOrder 0', () => f({ maxNgramOrder: 0 } as never), R, /options\.maxNgramOrder must be between 1 and 1000, got 0/],
  ['maxNgramOrder 2.5', () => f({ maxNgramOrder: 2.5 } as never), T, /options\.maxNgramOrder must be an integer, got 2\.5/],
  ['lowercase as a string', () => f({ lowercase: 'yes' } as never), T, /options\.lowercase must be a boolean, got "yes"/],
  ['trgLang ja (no ja-mecab)', () => f({ trgLang: 'ja' } as never), R, /options\.trgLang "ja"/],
];

const chrfOptionRows = (f: (o: never) => unknown): readonly Bad[] => [
  ['charOrder 0', () => f({ charOrder: 0 } as never), R, /options\.charOrder must be between 1 and 1000, got 0/],
  ['wordOrder -1', () => f({ wordOrder: -1 } as never), R, /options\.wordOrder must be between 0 and 1000, got -1/],
  ['beta negative', () => f({ beta: -1 } as never), R, /options\.beta must be >= 0, got -1/],
  ['beta Infinity', () => f({ beta: Infinity } as never), T, /options\.beta must be a finite number, got Infinity/],
  ['whitespace as 1', () => f({ whitespace: 1 } as never), T, /options\.whitespace must be a boolean, got 1/],
];

const rougeOptionRows = (f: (o: never) => unknown): readonly Bad[] => [
  ['types a string', () => f({ types: 'rouge1' } as never), T, /options\.types must be an array of ROUGE type names/],
  ['types empty (rouge-score would return no scores)', () => f({ types: [] } as never), R, /options\.types must be a non-empty array of ROUGE type names, got an array of length 0/],
  ['rouge0 (rouge-score raises)', () => f({ types: ['rouge1', 'rouge0'] } as never), R, /options\.types\[1\] must be one of rouge1\.\.rouge9/],
  ['rouge10 (rouge-score raises)', () => f({ types: ['rouge10'] } as never), R, /options\.types\[0\] must be one of/],
  ['a type that is a number', () => f({ types: [1] } as never), T, /options\.types\[0\] must be a ROUGE type name/],
  ['an unknown tokenizer', () => f({ tokenizer: 'moses' } as never), R, /options\.tokenizer must be one of/],
  ['a tokenizer without tokenize()', () => f({ tokenizer: { name: 'x' } } as never), T, /options\.tokenizer must be a tokenizer name .* or an object with a tokenize\(text\) method/],
  ['stemmer with 13a', () => f({ tokenizer: '13a', stemmer: true } as never), T, /options\.stemmer applies only to the 'rouge' and 'unicode' tokenizers/],
  ['multiReference min', () => f({ multiReference: 'min' } as never), R, /options\.multiReference must be one of "max", "mean", got "min"/],
  ['beta 0', () => f({ beta: 0 } as never), R, /options\.beta must be > 0, got 0/],
  ['maxLcsCells 0', () => f({ maxLcsCells: 0 } as never), R, /options\.maxLcsCells must be >= 1, got 0/],
  ['maxSkipBigrams 1.5', () => f({ maxSkipBigrams: 1.5 } as never), T, /options\.maxSkipBigrams must be an integer, got 1\.5/],
];

const bootstrapOptionRows = (f: (o: never) => unknown): readonly Bad[] => [
  ['samples 0', () => f({ samples: 0 } as never), R, /options\.samples must be between 1 and 10000000, got 0/],
  ['seed 0.5', () => f({ seed: 0.5 } as never), T, /options\.seed must be an integer, got 0\.5/],
  ['confidence 1', () => f({ confidence: 1 } as never), R, /options\.confidence must be a number between 0 and 1/],
];

const pairedOptionRows = (f: (o: never) => unknown): readonly Bad[] => [
  ['an unknown method', () => f({ method: 'permutation' } as never), R, /options\.method must be one of "bootstrap", "randomization", got "permutation"/],
  ['samples -1', () => f({ samples: -1 } as never), R, /options\.samples must be between/],
];

const pairsRows = (f: (r: never, o?: never) => unknown, field: 'ranks' | 'scores', good: object): readonly Bad[] => [
  ['record missing', () => f(x), T, /record must be an object, got undefined/],
  ['record an array', () => f([] as never), T, /record must be an object/],
  ['prompt a number', () => f({ ...good, prompt: 1 } as never), T, /record\.prompt must be a string, got 1/],
  ['completions a string', () => f({ ...good, completions: 'ab' } as never), T, /record\.completions must be an array of strings/],
  ['a completion that is null', () => f({ ...good, completions: ['a', null] } as never), T, /record\.completions\[1\] must be a string, got null/],
  [`${field} missing`, () => f({ prompt: 'p', completions: ['a', 'b'] } as never), T, new RegExp(`record\\.${field} must be an array of finite numbers, got undefined`)],
  [`${field} of another length`, () => f({ ...good, [field]: [1] } as never), R, new RegExp(`record\\.${field} must have one entry per completion \\(2\\), got 1`)],
  [`a ${field} entry NaN`, () => f({ ...good, [field]: [1, NaN] } as never), T, new RegExp(`record\\.${field}\\[1\\] must be a finite number, got NaN`)],
  ['an unknown strategy', () => f(good as never, { strategy: 'best' } as never), R, /options\.strategy must be one of "all", "best-vs-rest", "best-vs-worst", "adjacent", got "best"/],
  ['ties: error with a tie', () => f({ ...good, [field]: [1, 1] } as never, { ties: 'error' } as never), R, /tie/],
  ['minMargin negative', () => f(good as never, { minMargin: -1 } as never), R, /options\.minMargin must be >= 0, got -1/],
  ['maxPairsPerPrompt 0', () => f(good as never, { maxPairsPerPrompt: 0 } as never), R, /options\.maxPairsPerPrompt must be >= 1, got 0/],
  ['an unknown option', () => f(good as never, { margin: 1 } as never), T, /unknown option "margin"/],
];

const ROWS: Record<string, readonly Bad[] | ((value: unknown) => void)> = {
  // Values, not functions: what must hold of them.
  VERSION: (v) => expect(v).toMatch(/^\d+\.\d+\.\d+/),
  TOKENIZER_NAMES: (v) => {
    expect(Object.isFrozen(v)).toBe(true);
    expect(() => (v as string[]).push('x')).toThrow(TypeError);
  },
  tokenize: [
    ['text missing', () => api.tokenize(x), T, /^tokenize: text must be a string, got undefined/],
    ['text a number', () => api.tokenize(5 as never), T, /^tokenize: text must be a string, got 5/],
    ['an unknown tokenizer name', () => api.tokenize('a', 'moses' as never), R, /^tokenize: tokenizer must be one of "rouge", "13a"/],
    ['a tokenizer object without tokenize', () => api.tokenize('a', {} as never), T, /^tokenize: tokenizer must be a tokenizer name/],
    ['options a number', () => api.tokenize('a', 'rouge', 5 as never), T, /^tokenize: options must be an object, got 5/],
    ['options a Date', () => api.tokenize('a', 'rouge', new Date() as never), T, /^tokenize: options must be an object, got a Date/],
    ['a custom tokenizer that returns a string', () => api.tokenize('a b', { name: 'w', tokenize: (t) => t as never }), T, /^tokenize: tokenizer\.tokenize must return an array of strings, got "a b"/],
    ['a custom tokenizer that returns numbers', () => api.tokenize('a b', { name: 'w', tokenize: () => [1, 2] as never }), T, /^tokenize: tokenizer\.tokenize must return an array of strings, got 1 at index 0/],
    ['an unknown option', () => api.tokenize('a', 'rouge', { stem: true } as never), T, /^tokenize: unknown option "stem"/],
    ['stemmer with 13a', () => api.tokenize('a', '13a', { stemmer: true }), T, /^tokenize: options\.stemmer applies only to the 'rouge' and 'unicode' tokenizers, not "13a"/],
    ['stemmer with a custom tokenizer', () => api.tokenize('a', { name: 'w', tokenize: (t) => [t] }, { stemmer: true }), T, /^tokenize: options\.stemmer cannot be combined with a custom tokenizer/],
    ['the returned tokenizer given a number', () => api.getTokenizer('13a').tokenize(5 as never), T, /^tokenize: text must be a string, got 5/],
  ],
  getTokenizer: [
    ['name missing', () => api.getTokenizer(x), T, /^getTokenizer: name must be one of "rouge", "13a".*got undefined/],
    ['an unknown name', () => api.getTokenizer('spacy' as never), R, /^getTokenizer: name must be one of/],
    ['a name that is a number', () => api.getTokenizer(13 as never), R, /^getTokenizer: name must be one of .*, got 13/],
    ['stemmer as a string', () => api.getTokenizer('rouge', { stemmer: 'porter' } as never), T, /^getTokenizer: options\.stemmer must be a boolean, got "porter"/],
    ['stemmer with char', () => api.getTokenizer('char', { stemmer: true }), T, /^getTokenizer: options\.stemmer applies only to/],
  ],
  ngrams: [
    ['tokens a string', () => api.ngrams('a b' as never, 1), T, /^ngrams: tokens must be an array of strings, got "a b"/],
    ['a token that is a number', () => api.ngrams(['a', 1] as never, 1), T, /^ngrams: tokens\[1\] must be a string, got 1/],
    ['n 0', () => api.ngrams(['a'], 0), R, /^ngrams: n must be >= 1, got 0/],
    ['n 1.5', () => api.ngrams(['a'], 1.5), T, /^ngrams: n must be an integer, got 1\.5/],
    ['n a string', () => api.ngrams(['a'], '2' as never), T, /^ngrams: n must be an integer, got "2"/],
  ],
  ngramCounts: [
    ['tokens null', () => api.ngramCounts(null as never, 1), T, /^ngramCounts: tokens must be an array of strings, got null/],
    ['a token that is undefined', () => api.ngramCounts([x], 1), T, /^ngramCounts: tokens\[0\] must be a string, got undefined/],
    ['n NaN', () => api.ngramCounts(['a'], NaN), T, /^ngramCounts: n must be an integer, got NaN/],
    ['n -1', () => api.ngramCounts(['a'], -1), R, /^ngramCounts: n must be >= 1, got -1/],
  ],
  charNgrams: [
    ['text a number', () => api.charNgrams(5 as never, 1), T, /^charNgrams: text must be a string, got 5/],
    ['n 0', () => api.charNgrams('a', 0), R, /^charNgrams: n must be >= 1, got 0/],
    ['an unknown option', () => api.charNgrams('a', 1, { ws: true } as never), T, /^charNgrams: unknown option "ws" \(known options: whitespace\)/],
    ['whitespace as 1', () => api.charNgrams('a', 1, { whitespace: 1 } as never), T, /^charNgrams: options\.whitespace must be a boolean, got 1/],
  ],
  addStats: [
    ['a not an array', () => api.addStats(null as never, [1]), T, /^addStats: a must be an array of numbers/],
    ['b not an array', () => api.addStats([1], 'x' as never), T, /^addStats: b must be an array of numbers/],
    ['lengths differ', () => api.addStats([1], [1, 2]), R, /^addStats: a and b must have the same length, got 1 and 2/],
    ['an element that is a string', () => api.addStats([1, 2], [3, '4' as never]), T, /^addStats: b\[1\] must be a finite number, got "4"/],
    ['an element NaN', () => api.addStats([NaN], [1]), T, /^addStats: a\[0\] must be a finite number, got NaN/],
  ],
  prf: [
    ['no arguments', () => (api.prf as (...a: unknown[]) => unknown)(), T, /^prf: matches must be a finite number >= 0, got undefined/],
    ['referenceTotal missing', () => (api.prf as (...a: unknown[]) => unknown)(1, 2), T, /^prf: referenceTotal must be a finite number >= 0, got undefined/],
    ['matches negative', () => api.prf(-1, 2, 2), R, /^prf: matches must be >= 0, got -1/],
    ['matches a string', () => api.prf('1' as never, 2, 2), T, /^prf: matches must be a finite number, got "1"/],
    ['hypothesisTotal NaN', () => api.prf(0, NaN, 2), T, /^prf: hypothesisTotal must be a finite number, got NaN/],
    ['matches above a total', () => api.prf(3, 2, 5), R, /^prf: matches \(3\) cannot exceed hypothesisTotal \(2\)/],
    ['beta 0', () => api.prf(1, 2, 2, 0), R, /^prf: beta must be > 0, got 0/],
  ],
  rouge: sentenceRows(api.rouge as never, rougeOptionRows((o) => api.rouge('a', 'a', o))),
  corpusRouge: corpusRows(api.corpusRouge as never, rougeOptionRows((o) => api.corpusRouge(['a'], ['a'], o))),
  createRougeScorer: [
    ...rougeOptionRows((o) => api.createRougeScorer(o)),
    ['options a Map', () => api.createRougeScorer(new Map() as never), T, /^createRougeScorer: options must be an object, got a Map/],
    ...sentenceRows(((h: never, r: never, o?: never) => api.createRougeScorer(o).score(h, r)) as never).filter(([what]) => what !== 'an unknown option'),
  ],
  corpusRougeBootstrap: corpusRows(api.corpusRougeBootstrap as never, [
    ...rougeOptionRows((o) => api.corpusRougeBootstrap(['a'], ['a'], o)),
    ['samples 0', () => api.corpusRougeBootstrap(['a'], ['a'], { samples: 0 }), R, /options\.samples must be between 1 and 10000000, got 0/],
    ['confidence 1.5', () => api.corpusRougeBootstrap(['a'], ['a'], { confidence: 1.5 }), R, /options\.confidence must be a number between 0 and 1, got 1\.5/],
    ['seed a string', () => api.corpusRougeBootstrap(['a'], ['a'], { seed: '1' as never }), T, /options\.seed must be an integer, got "1"/],
  ]),
  corpusBleu: corpusRows(api.corpusBleu as never, bleuOptionRows((o) => api.corpusBleu(['a'], ['a'], o))),
  sentenceBleu: sentenceRows(api.sentenceBleu as never, bleuOptionRows((o) => api.sentenceBleu('a', 'a', o))),
  bleuConfidence: corpusRows(api.bleuConfidence as never, [...bleuOptionRows((o) => api.bleuConfidence(['a'], ['a'], o)), ...bootstrapOptionRows((o) => api.bleuConfidence(['a'], ['a'], o))]),
  pairedBleuTest: [
    ['candidate missing', () => api.pairedBleuTest(['a'], x, ['a']), T, /^pairedBleuTest: candidate must be an array of strings, got undefined/],
    ['candidate of another length', () => api.pairedBleuTest(['a'], ['a', 'b'], ['a']), R, /^pairedBleuTest: candidate must be an array of 1 hypotheses/],
    ['a candidate that is a number', () => api.pairedBleuTest(['a'], [5 as never], ['a']), T, /^pairedBleuTest: candidate\[0\] must be a string, got 5/],
    ['baseline and references differ in length', () => api.pairedBleuTest(['a', 'b'], ['a', 'b'], ['a']), R, /^pairedBleuTest: hypotheses and references must have the same length/],
    ['options a string', () => api.pairedBleuTest(['a'], ['a'], ['a'], 'bs' as never), T, /^pairedBleuTest: options must be an object, got "bs"/],
    ...bleuOptionRows((o) => api.pairedBleuTest(['a'], ['a'], ['a'], o)),
    ...pairedOptionRows((o) => api.pairedBleuTest(['a'], ['a'], ['a'], o)),
  ],
  corpusChrf: corpusRows(api.corpusChrf as never, chrfOptionRows((o) => api.corpusChrf(['a'], ['a'], o))),
  sentenceChrf: sentenceRows(api.sentenceChrf as never, chrfOptionRows((o) => api.sentenceChrf('a', 'a', o))),
  chrfConfidence: corpusRows(api.chrfConfidence as never, [...chrfOptionRows((o) => api.chrfConfidence(['a'], ['a'], o)), ...bootstrapOptionRows((o) => api.chrfConfidence(['a'], ['a'], o))]),
  pairedChrfTest: [
    ['candidate null', () => api.pairedChrfTest(['a'], null as never, ['a']), T, /^pairedChrfTest: candidate must be an array of strings, got null/],
    ['candidate of another length', () => api.pairedChrfTest(['a'], [], ['a']), R, /^pairedChrfTest: candidate must be an array of 1 hypotheses/],
    ['references a string', () => api.pairedChrfTest(['a'], ['a'], 'a' as never), T, /^pairedChrfTest: references must be an array/],
    ...chrfOptionRows((o) => api.pairedChrfTest(['a'], ['a'], ['a'], o)),
    ...pairedOptionRows((o) => api.pairedChrfTest(['a'], ['a'], ['a'], o)),
  ],
  sentenceBleuNltk: [
    ['references a token list (not a list of them)', () => api.sentenceBleuNltk(['a', 'b'] as never, ['a']), T, /^sentenceBleuNltk: references\[0\] must be an array of token strings, got "a"/],
    ['references empty', () => api.sentenceBleuNltk([], ['a']), R, /^sentenceBleuNltk: references must be a non-empty array of references/],
    ['hypothesis a string', () => api.sentenceBleuNltk([['a']], 'a b' as never), T, /^sentenceBleuNltk: hypothesis must be an array of token strings, got "a b"/],
    ['a hypothesis token that is a number', () => api.sentenceBleuNltk([['a']], ['a', 2] as never), T, /^sentenceBleuNltk: hypothesis\[1\] must be a string, got 2/],
    ['weights empty', () => api.sentenceBleuNltk([['a']], ['a'], { weights: [] }), R, /^sentenceBleuNltk: options\.weights must be a non-empty array/],
    ['a weight NaN', () => api.sentenceBleuNltk([['a']], ['a'], { weights: [0.5, NaN] }), T, /^sentenceBleuNltk: options\.weights\[1\] must be a finite number, got NaN/],
    ['smoothing 8', () => api.sentenceBleuNltk([['a']], ['a'], { smoothing: 8 as never }), R, /^sentenceBleuNltk: options\.smoothing must be between 0 and 7, got 8/],
    ['smoothing as a name', () => api.sentenceBleuNltk([['a']], ['a'], { smoothing: 'method1' as never }), T, /^sentenceBleuNltk: options\.smoothing must be an integer, got "method1"/],
    ['smoothing 6 with 2 orders (NLTK: IndexError)', () => api.sentenceBleuNltk([['a', 'b']], ['a', 'b'], { smoothing: 6, weights: [0.5, 0.5] }), R, /^sentenceBleuNltk: options\.smoothing 6 needs at least 3 n-gram orders/],
    ['k = 0 with method 4 (NLTK: ZeroDivisionError)', () => api.sentenceBleuNltk([['a', 'b', 'c', 'd']], ['a', 'b', 'c', 'x'], { smoothing: 4, k: 0 }), R, /^sentenceBleuNltk: options\.k \(0\)/],
    ['an unknown option', () => api.sentenceBleuNltk([['a']], ['a'], { smooth: 1 } as never), T, /^sentenceBleuNltk: unknown option "smooth"/],
  ],
  corpusBleuNltk: [
    ['lengths differ', () => api.corpusBleuNltk([[['a']]], [['a'], ['b']]), R, /^corpusBleuNltk: references and hypotheses must have the same length, got 1 and 2/],
    ['references of one segment a token list', () => api.corpusBleuNltk([['a']] as never, [['a']]), T, /^corpusBleuNltk: references\[0\]\[0\] must be an array of token strings, got "a"/],
    ['a segment without references', () => api.corpusBleuNltk([[]], [['a']]), R, /^corpusBleuNltk: references\[0\] must be a non-empty array of references/],
    ['hypotheses null', () => api.corpusBleuNltk([], null as never), T, /^corpusBleuNltk: hypotheses must be an array of token arrays, got null/],
    ['weights a number', () => api.corpusBleuNltk([[['a']]], [['a']], { weights: 0.25 as never }), T, /^corpusBleuNltk: options\.weights must be an array/],
    ['autoReweigh as 1', () => api.corpusBleuNltk([[['a']]], [['a']], { autoReweigh: 1 as never }), T, /^corpusBleuNltk: options\.autoReweigh must be a boolean, got 1/],
  ],
  bootstrapConfidence: [
    ['rows not an array', () => api.bootstrapConfidence(5 as never, ratio as never), T, /^bootstrapConfidence: rows must be an array of statistics rows, got 5/],
    ['no rows', () => api.bootstrapConfidence([], ratio as never), R, /^bootstrapConfidence: rows must be a non-empty array of statistics rows/],
    ['rows of different lengths', () => api.bootstrapConfidence([[1, 2], [1]], ratio as never), R, /^bootstrapConfidence: rows\[1\] must be an array of 2 numbers like rows\[0\]/],
    ['a row with a string', () => api.bootstrapConfidence([[1, 'x' as never]], ratio as never), T, /^bootstrapConfidence: rows\[0\]\[1\] must be a finite number, got "x"/],
    ['finalize not a function', () => api.bootstrapConfidence([[1]], 'ratio' as never), T, /^bootstrapConfidence: finalize must be a function, got "ratio"/],
    ['finalize returning NaN', () => api.bootstrapConfidence([[0, 0]], (s) => (s[0] as number) / (s[1] as number)), T, /^bootstrapConfidence: finalize must be a function returning a finite number, got NaN/],
    ...bootstrapOptionRows((o) => api.bootstrapConfidence([[1]], ratio as never, o)),
  ],
  pairedTest: [
    ['baselineRows null', () => api.pairedTest(null as never, [[1]], ratio as never), T, /^pairedTest: baselineRows must be an array of statistics rows, got null/],
    ['candidateRows of another shape', () => api.pairedTest([[1], [2]], [[1]], ratio as never), R, /^pairedTest: candidateRows must be 2 rows of 1 numbers like baselineRows/],
    ['finalize missing', () => api.pairedTest([[1]], [[1]], x), T, /^pairedTest: finalize must be a function, got undefined/],
    ['finalize returning a string', () => api.pairedTest([[1]], [[1]], (() => 'x') as never), T, /^pairedTest: finalize must be a function returning a finite number, got "x"/],
    ...pairedOptionRows((o) => api.pairedTest([[1]], [[1]], ratio as never, o)),
  ],
  tokenF1: [
    ['prediction a number', () => api.tokenF1(1 as never, 'a'), T, /^tokenF1: prediction must be a string, got 1/],
    ['references empty', () => api.tokenF1('a', []), R, /^tokenF1: references must be a non-empty list of references/],
    ['a reference that is null', () => api.tokenF1('a', [null as never]), T, /^tokenF1: references\[0\] must be a string, got null/],
  ],
  exactMatch: [
    ['prediction missing', () => api.exactMatch(x, 'a'), T, /^exactMatch: prediction must be a string, got undefined/],
    ['references an object', () => api.exactMatch('a', {} as never), T, /^exactMatch: references must be a string or an array of strings, got an object/],
  ],
  normalizeAnswer: [
    ['text a number', () => api.normalizeAnswer(5 as never), T, /^normalizeAnswer: text must be a string, got 5/],
    ['text null', () => api.normalizeAnswer(null as never), T, /^normalizeAnswer: text must be a string, got null/],
  ],
  corpusSquad: [
    ['predictions a string', () => api.corpusSquad('a' as never, ['a']), T, /^corpusSquad: predictions must be an array of strings, got "a"/],
    ['lengths differ', () => api.corpusSquad(['a'], []), R, /^corpusSquad: predictions and references must have the same length, got 1 predictions and 0 references/],
    ['a prediction that is a number', () => api.corpusSquad([5 as never], ['a']), T, /^corpusSquad: predictions\[0\] must be a string, got 5/],
    ['a segment without references', () => api.corpusSquad(['a'], [[]]), R, /^corpusSquad: references\[0\] must be a non-empty list of references/],
  ],
  rankingToPairs: pairsRows(api.rankingToPairs as never, 'ranks', ok),
  ratingsToPairs: [
    ...pairsRows(api.ratingsToPairs as never, 'scores', rated),
    ['two scores whose difference overflows', () => api.ratingsToPairs({ ...rated, scores: [1e308, -1e308] }), R, /^ratingsToPairs: the margin between record\.scores\[0\] and record\.scores\[1\] is not a finite number/],
  ],
  recordToPairs: [
    ['both ranks and scores', () => api.recordToPairs({ ...ok, scores: [1, 2] } as never), T, /^recordToPairs: record must have either "ranks" .* or "scores" .*, got both/],
    ['neither ranks nor scores', () => api.recordToPairs({ prompt: 'p', completions: [] } as never), T, /^recordToPairs: record must have either .*got neither/],
    ['record null', () => api.recordToPairs(null as never), T, /^recordToPairs: record must be an object, got null/],
  ],
  createPairsSummary: [
    ['add(null)', () => api.createPairsSummary().add(null as never), T, /^PairsSummaryAccumulator\.add: summary must be an object, got null/],
    ['add() with a negative count', () => api.createPairsSummary().add({ ...api.createPairsSummary().result(), pairs: -1 }), T, /^PairsSummaryAccumulator\.add: summary\.pairs must be a non-negative integer, got -1/],
    ['add() with a count missing', () => api.createPairsSummary().add({ prompts: 1 } as never), T, /^PairsSummaryAccumulator\.add: summary\.promptsWithoutPairs must be a non-negative integer, got undefined/],
  ],
  accumulator: [
    ['an unknown metric', () => api.accumulator('meteor' as never), R, /^accumulator: metric must be one of "rouge", "bleu", "chrf", got "meteor"/],
    ['metric missing', () => (api.accumulator as (...a: unknown[]) => unknown)(), T, /^accumulator: metric must be one of/],
    ['a BLEU option out of range', () => api.accumulator('bleu', { maxNgramOrder: 0 }), R, /^accumulator: options\.maxNgramOrder must be between 1 and 1000, got 0/],
    ['a chrF option of ROUGE', () => api.accumulator('chrf', { types: ['rouge1'] } as never), T, /^accumulator: unknown option "types"/],
    ['add() with a number', () => api.accumulator('rouge').add(5 as never, 'a'), T, /^accumulator\('rouge'\)\.add: hypothesis must be a string, got 5/],
    ['add() without references', () => api.accumulator('chrf').add('a', []), R, /^accumulator\('chrf'\)\.add: references must be a non-empty list of references/],
    ['merge() of a number', () => api.accumulator('bleu').merge(5), T, /^accumulator\('bleu'\)\.merge: stats must be/],
    ['merge() of another metric', () => api.accumulator('bleu').merge(api.accumulator('chrf').stats()), T, /^accumulator\('bleu'\)\.merge: these are statistics of "chrf", this accumulator computes "bleu"/],
    ['merge() of other options', () => api.accumulator('chrf').merge(api.accumulator('chrf', { wordOrder: 2 }).stats()), R, /^accumulator\('chrf'\)\.merge: statistics computed with other options: options\.wordOrder is 2 in the statistics, 0 here/],
  ],
};

describe('every public export has a row in the bad-arguments table', () => {
  it('the table and the exports of src/index.ts name the same things', () => {
    const exported = Object.keys(api).sort();
    expect(Object.keys(ROWS).sort(), 'add a row for each new export (or remove the row of a removed one)').toEqual(exported);
  });
  it('every function has at least one bad call', () => {
    for (const [name, row] of Object.entries(ROWS)) {
      if (typeof (api as Record<string, unknown>)[name] === 'function') expect(Array.isArray(row) && row.length > 0, name).toBe(true);
    }
  });
});

describe('bad arguments give a TypeError or RangeError naming the function and the argument', () => {
  for (const [name, row] of Object.entries(ROWS)) {
    if (typeof row === 'function') {
      it(`${name} (a value)`, () => row((api as Record<string, unknown>)[name]));
      continue;
    }
    describe(name, () => {
      it.each(row.map((b) => [b[0], b] as const))('%s', (_what, [, call, error, names]) => {
        let thrown: unknown;
        try {
          call();
        } catch (e) {
          thrown = e;
        }
        expect(thrown, 'no error was thrown').toBeInstanceOf(Error);
        const e = thrown as Error;
        expect(e.constructor, e.message).toBe(error);
        // The message starts with the function (or method) called, then names the argument.
        expect(e.message).toMatch(/^[A-Za-z0-9]+(\('[a-z]+'\))?(\.[a-z]+)?: /);
        // A factory's errors may come from the methods of what it returns (PairsSummaryAccumulator.add, RougeScorer.score).
        const made = ({ createPairsSummary: 'PairsSummaryAccumulator.', createRougeScorer: 'RougeScorer.' } as Record<string, string>)[name];
        expect(e.message.startsWith(`${name}: `) || e.message.startsWith(`${name}(`) || (made !== undefined && e.message.startsWith(made)), e.message).toBe(true);
        expect(e.message).toMatch(names);
      });
    });
  }
});

describe('arguments are never modified, even by a call that throws', () => {
  it('a frozen corpus with a bad segment throws the same error as a mutable one', () => {
    const hyps = Object.freeze(['a', 5 as never]);
    const refs = Object.freeze([Object.freeze(['a']), Object.freeze(['b'])]);
    for (const f of [api.corpusBleu, api.corpusChrf, api.corpusRouge] as ((h: never, r: never) => unknown)[]) {
      expect(() => f(hyps as never, refs as never)).toThrow(/hypotheses\[1\] must be a string, got 5/);
    }
  });
});
