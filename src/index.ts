// nlg-metrics: every public name, re-exported one per line. Importing this module runs no code
// (sideEffects: false) and loads no Node built-in and no zod.

export { tokenize, getTokenizer, TOKENIZER_NAMES } from './tokenize/tokenizer.js';
export type { Tokenizer, TokenizerName, TokenizerOptions } from './tokenize/tokenizer.js';
export { ngrams, ngramCounts, charNgrams } from './ngram/ngrams.js';
export { addStats } from './aggregate/stats.js';
export { prf } from './metrics/prf.js';
export type { Score } from './metrics/prf.js';
export { rouge, corpusRouge, corpusRougeBootstrap } from './metrics/rouge.js';
export type { RougeOptions, RougeType, RougeScores, RougeBootstrapOptions, RougeInterval } from './metrics/rouge.js';
