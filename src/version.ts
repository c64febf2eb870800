/**
 * The version of this package, as written in `package.json` (a test keeps the two equal). It names the
 * implementation in every metric signature: `version:nlg-metrics-0.1.0` where sacrebleu writes `version:2.6.0`.
 */
export const VERSION = '0.1.0';
