// nlg-metrics: every public name, re-exported one per line. Importing this module runs no code
// (sideEffects: false) and loads no Node built-in and no zod.

export { tokenize, getTokenizer, TOKENIZER_NAMES } from './tokenize/tokenizer.js';
export type { Tokenizer, TokenizerName, TokenizerOptions } from './tokenize/tokenizer.js';
export { ngrams, ngramCounts, charNgrams } from './ngram/ngrams.js';
export { addStats } from './aggregate/stats.js';
export { prf } from './metrics/prf.js';
export type { Score } from './metrics/prf.js';
export { corpusChrf, sentenceChrf } from './metrics/chrf.js';
export type { ChrfOptions, ChrfResult } from './metrics/chrf.js';
export { rouge, corpusRouge, corpusRougeBootstrap, createRougeScorer } from './metrics/rouge.js';
export type { RougeOptions, RougeType, RougeScores, RougeBootstrapOptions, RougeInterval, RougeScorer } from './metrics/rouge.js';
export { corpusBleu, sentenceBleu } from './metrics/bleu.js';
export type { BleuOptions, BleuResult, BleuTokenizerName, BleuSmoothMethod } from './metrics/bleu.js';
export { sentenceBleuNltk, corpusBleuNltk } from './metrics/bleuNltk.js';
export type { NltkBleuOptions, NltkSmoothing } from './metrics/bleuNltk.js';
export { bleuConfidence, pairedBleuTest } from './metrics/bleuConfidence.js';
export type { BleuConfidenceOptions, BleuConfidence, PairedBleuOptions, PairedBleuResult } from './metrics/bleuConfidence.js';
export { bootstrapConfidence } from './aggregate/bootstrap.js';
export type { BootstrapOptions, ConfidenceInterval, Finalize } from './aggregate/bootstrap.js';
export { pairedTest } from './aggregate/significance.js';
export type { PairedMethod, PairedTestOptions, PairedTestResult } from './aggregate/significance.js';
export { VERSION } from './version.js';
export { tokenF1, exactMatch, normalizeAnswer, corpusSquad } from './metrics/squad.js';
export type { SquadScores } from './metrics/squad.js';
export { rankingToPairs, ratingsToPairs, recordToPairs } from './pairs/toPairs.js';
export { createPairsSummary } from './pairs/summary.js';
export type { PairsSummaryAccumulator } from './pairs/summary.js';
export type { RankedRecord, RatedRecord, PreferencePair, PairStrategy, PairsOptions, PairsSummary, PairsResult } from './pairs/types.js';
export { chrfConfidence, pairedChrfTest } from './metrics/chrfConfidence.js';
export type { ChrfConfidenceOptions, ChrfConfidence, PairedChrfOptions, PairedChrfResult } from './metrics/chrfConfidence.js';
export { accumulator } from './aggregate/accumulator.js';
export type { Accumulator, AccumulatorStats, MetricName } from './aggregate/accumulator.js';
