/**
 * The statistics file of `score --stats-out` and `merge`: the summed statistics of each metric of a run
 * (each exactly what the library's `accumulator(...).stats()` gives), the metric names in the order they
 * print, and the segment count. Shards scored anywhere merge into the exact corpus score. `merge` also reads
 * a single accumulator's `stats()` saved as JSON.
 * @internal
 */
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { STATS_FORMAT } from '../aggregate/metricStats.js';
import { describeFsError, InputError } from '../node/lineReader.js';
import type { MetricRunner } from './metrics.js';

/** The `format` field of a `--stats-out` file. */
export const SCORE_STATS_FORMAT = 'nlg-metrics-score-stats';
export const SCORE_STATS_VERSION = 1;

/** One metric family's statistics in a file: `rouge` (every ROUGE type), `bleu`, `chrf` or `chrf++`. */
export interface StatsRun {
  readonly key: string;
  readonly stats: unknown;
}

/** A statistics file, read and checked (the `runs` are checked by the metrics when merged). */
export interface ScoreStats {
  /** The metric names as printed, in order (`rouge1`, ..., `bleu`, `chrf`). */
  readonly metrics: readonly string[];
  readonly segments: number;
  readonly runs: readonly StatsRun[];
}

/** The `--stats-out` file of a run, as one line of JSON. */
export function scoreStatsJson(metrics: readonly string[], runners: readonly MetricRunner[], segments: number): string {
  const file = {
    format: SCORE_STATS_FORMAT,
    version: SCORE_STATS_VERSION,
    metrics,
    segments,
    runs: runners.map((r) => ({ key: r.key, stats: r.stats() })),
  };
  return JSON.stringify(file) + '\n';
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function bad(name: string, what: string): InputError {
  return new InputError(`${name}: ${what}`);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Checks the outer shape of a parsed statistics file; `name` is the file's name for messages. */
export function parseScoreStats(name: string, value: unknown): ScoreStats {
  if (!isRecord(value)) throw bad(name, 'not a statistics file (expected a JSON object written by nlg-metrics score --stats-out)');
  if (value.format === STATS_FORMAT) {
    // One accumulator's stats(): its metric prints under its own names.
    const metric = value.metric;
    const options = isRecord(value.options) ? value.options : {};
    let metrics: string[];
    if (metric === 'rouge') {
      if (!Array.isArray(options.types) || !options.types.every((t) => typeof t === 'string')) throw bad(name, '"options"."types" must be an array of ROUGE type names');
      metrics = options.types as string[];
    } else if (metric === 'bleu' || metric === 'chrf') metrics = [metric];
    else throw bad(name, `"metric" must be "rouge", "bleu" or "chrf", got ${JSON.stringify(metric)}`);
    if (!isCount(value.segments)) throw bad(name, '"segments" must be a non-negative integer');
    return { metrics, segments: value.segments, runs: [{ key: metric, stats: value }] };
  }
  if (value.format !== SCORE_STATS_FORMAT) {
    throw bad(name, `"format" must be ${JSON.stringify(SCORE_STATS_FORMAT)} (a file of nlg-metrics score --stats-out) or ${JSON.stringify(STATS_FORMAT)} (an accumulator's stats()), got ${JSON.stringify(value.format)}`);
  }
  if (value.version !== SCORE_STATS_VERSION) {
    throw bad(name, `"version" must be ${SCORE_STATS_VERSION}, got ${JSON.stringify(value.version)}${typeof value.version === 'number' && value.version > SCORE_STATS_VERSION ? ' (written by a newer nlg-metrics)' : ''}`);
  }
  const metrics = value.metrics;
  if (!Array.isArray(metrics) || metrics.length === 0 || !metrics.every((m) => typeof m === 'string')) throw bad(name, '"metrics" must be a non-empty array of metric names');
  if (!isCount(value.segments)) throw bad(name, `"segments" must be a non-negative integer, got ${JSON.stringify(value.segments)}`);
  const runs = value.runs;
  if (!Array.isArray(runs) || runs.length === 0) throw bad(name, '"runs" must be a non-empty array');
  const out: StatsRun[] = [];
  for (let i = 0; i < runs.length; i++) {
    const r: unknown = runs[i];
    if (!isRecord(r) || typeof r.key !== 'string') throw bad(name, `"runs"[${i}] must be an object with a "key" and "stats"`);
    if (out.some((o) => o.key === r.key)) throw bad(name, `"runs"[${i}]: ${JSON.stringify(r.key)} appears twice`);
    if (!isRecord(r.stats) || r.stats.segments !== value.segments) {
      throw bad(name, `"runs"[${i}].stats must be the statistics of ${value.segments} segments, as "segments" says`);
    }
    out.push({ key: r.key, stats: r.stats });
  }
  return { metrics: metrics as string[], segments: value.segments, runs: out };
}

/** Reads and checks a statistics file (`-`: standard input). */
export async function readScoreStats(path: string, stdin: Readable): Promise<ScoreStats> {
  const name = path === '-' ? 'standard input' : path;
  let text: string;
  try {
    if (path === '-') {
      const parts: Buffer[] = [];
      for await (const c of stdin) parts.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
      text = Buffer.concat(parts).toString('utf8');
    } else text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${name}: ${describeFsError(err)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new InputError(`${name}: not valid JSON (${(err as Error).message})`);
  }
  return parseScoreStats(name, value);
}

