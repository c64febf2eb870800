/**
 * The end of `score` and `merge`: print the results in the chosen format, append the Markdown table to a
 * GitHub Actions job summary, and check the `--fail-under` thresholds (exit 1 naming each one not met).
 * @internal
 */
import { appendFile } from 'node:fs/promises';
import { parseNumberValue } from './args.js';
import { EXIT_OK, EXIT_THRESHOLD, UsageError } from './errors.js';
import { formatHeadline, headline, renderJson, renderMarkdown, renderTable, type ScoreCaption } from './format.js';
import { note, writeOut, type CliContext } from './io.js';
import type { MetricValue } from './metrics.js';
import { describeFsError } from '../node/lineReader.js';

export type Format = 'table' | 'json' | 'markdown';

export interface Threshold {
  readonly name: string;
  readonly value: number;
  readonly text: string;
}

/** `--format`, checked. */
export function parseFormat(command: string, value: string | undefined): Format {
  const f = value ?? 'table';
  if (f !== 'table' && f !== 'json' && f !== 'markdown') throw new UsageError(`${command}: --format must be table, json or markdown, got ${JSON.stringify(f)}`);
  return f;
}

/**
 * Parses `--fail-under NAME=VALUE` values and checks each NAME is computed (`keys`) and VALUE on its metric's
 * scale (`rougeTypes` are F-measures in 0..1, the others 0..100).
 */
export function parseThresholds(command: string, values: readonly string[], keys: readonly string[], rougeTypes: readonly string[]): Threshold[] {
  const out: Threshold[] = [];
  for (const text of values) {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UsageError(`${command}: --fail-under needs NAME=VALUE (e.g. bleu=25 or rougeL=0.4), got ${JSON.stringify(text)}`);
    const raw = text.slice(0, eq).trim();
    const lower = raw.toLowerCase();
    const name = lower === 'bleu' || lower === 'chrf' || lower === 'chrf++' ? lower : raw;
    if (!keys.includes(name)) {
      throw new UsageError(`${command}: --fail-under ${text}: ${JSON.stringify(raw)} is not among the computed metrics (${keys.join(', ')})`);
    }
    const value = parseNumberValue(command, `--fail-under ${name}`, text.slice(eq + 1));
    const isRouge = rougeTypes.includes(name);
    if (isRouge && (value < 0 || value > 1)) {
      throw new UsageError(`${command}: --fail-under ${text}: ROUGE thresholds are F-measures on the 0..1 scale${value > 1 && value <= 100 ? ` (did you mean ${name}=${value / 100}?)` : ''}`);
    }
    if (!isRouge && (value < 0 || value > 100)) throw new UsageError(`${command}: --fail-under ${text}: ${name} thresholds are on the 0..100 scale`);
    out.push({ name, value, text: `${name}=${text.slice(eq + 1).trim()}` });
  }
  return out;
}

/** The results in the order of `keys` (the order the user listed the metrics in). */
export function orderResults(results: readonly MetricValue[], keys: readonly string[]): MetricValue[] {
  return keys.map((k) => results.find((r) => r.key === k)).filter((r): r is MetricValue => r !== undefined);
}

/** Prints the results, appends to `$GITHUB_STEP_SUMMARY` when set, checks thresholds; returns the exit code. */
export async function report(ctx: CliContext, results: readonly MetricValue[], caption: ScoreCaption, format: Format, thresholds: readonly Threshold[]): Promise<number> {
  const text = format === 'json' ? renderJson(results) : format === 'markdown' ? renderMarkdown(results, caption) : renderTable(results, caption);
  await writeOut(ctx, text);

  const summaryPath = ctx.env.GITHUB_STEP_SUMMARY;
  if (summaryPath) {
    try {
      await appendFile(summaryPath, (format === 'markdown' ? text : renderMarkdown(results, caption)) + '\n');
    } catch (err) {
      note(ctx, `nlg-metrics: warning: cannot append to GITHUB_STEP_SUMMARY (${summaryPath}): ${describeFsError(err)}`);
    }
  }

  const failures = thresholds.filter((t) => {
    const r = results.find((x) => x.key === t.name);
    return r !== undefined && !(headline(r) >= t.value);
  });
  for (const t of failures) {
    const r = results.find((x) => x.key === t.name) as MetricValue;
    const shown = formatHeadline(r);
    const value = Number(shown) >= t.value ? String(headline(r)) : shown; // never display a rounded value that looks like a pass
    note(ctx, `nlg-metrics: ${t.name} = ${value} is below the threshold ${t.value} (--fail-under ${t.text})`);
  }
  return failures.length > 0 ? EXIT_THRESHOLD : EXIT_OK;
}
