/**
 * The three output formats of `score`: an aligned text table (for a terminal or a log), JSON (one object,
 * keys = metric names, values as the library returns them) and a Markdown table (for a pull request or a
 * GitHub Actions job summary).
 * @internal
 */
import { pyFixed } from '../metrics/signature.js';
import type { MetricValue } from './metrics.js';

/** What was scored, for the caption line. */
export interface ScoreCaption {
  /** Number of segments scored. */
  readonly segments: number;
  /** The inputs, e.g. `hyp.txt against ref.txt`. */
  readonly inputs: string;
}

/** The headline number of a result: F-measure for ROUGE (0..1), the score for BLEU and chrF (0..100). */
export function headline(v: MetricValue): number {
  return v.kind === 'rouge' ? v.value.fmeasure : v.value.score;
}

/** The headline number as displayed: 4 decimals for ROUGE, 2 for BLEU and chrF (as sacrebleu prints). */
export function formatHeadline(v: MetricValue): string {
  return v.kind === 'rouge' ? pyFixed(v.value.fmeasure, 4) : pyFixed(v.value.score, 2);
}

interface Row {
  readonly metric: string;
  readonly score: string;
  readonly precision: string;
  readonly recall: string;
  readonly details: string;
  readonly signature: string;
}

function rows(results: readonly MetricValue[]): Row[] {
  return results.map((r): Row => {
    switch (r.kind) {
      case 'rouge':
        return {
          metric: r.key,
          score: formatHeadline(r),
          precision: pyFixed(r.value.precision, 4),
          recall: pyFixed(r.value.recall, 4),
          details: '',
          signature: '',
        };
      case 'bleu': {
        const b = r.value;
        const ratio = b.refLen > 0 ? b.sysLen / b.refLen : 0;
        const details =
          `${b.precisions.map((p) => pyFixed(p, 1)).join('/')} ` +
          `(BP ${pyFixed(b.bp, 3)}, ratio ${pyFixed(ratio, 3)}, hyp_len ${b.sysLen}, ref_len ${b.refLen})`;
        return { metric: r.key, score: formatHeadline(r), precision: '', recall: '', details, signature: b.signature };
      }
      case 'chrf':
        return { metric: r.key, score: formatHeadline(r), precision: '', recall: '', details: '', signature: r.value.signature };
    }
  });
}

function captionText(c: ScoreCaption): string {
  return `${c.segments} segment${c.segments === 1 ? '' : 's'}: ${c.inputs}`;
}

/**
 * The text table: metric, score, precision, recall and details (BLEU's n-gram precisions and brevity
 * penalty) aligned in columns, then the signature of each BLEU and chrF result.
 */
export function renderTable(results: readonly MetricValue[], caption: ScoreCaption): string {
  const rs = rows(results);
  const hasRouge = results.some((r) => r.kind === 'rouge');
  const hasDetails = rs.some((r) => r.details !== '');
  const header: Row = { metric: 'metric', score: 'score', precision: 'precision', recall: 'recall', details: 'details', signature: '' };
  const cols: { key: keyof Row; right: boolean; show: boolean }[] = [
    { key: 'metric', right: false, show: true },
    { key: 'score', right: true, show: true },
    { key: 'precision', right: true, show: hasRouge },
    { key: 'recall', right: true, show: hasRouge },
    { key: 'details', right: false, show: hasDetails },
  ];
  const shown = cols.filter((c) => c.show);
  const width = new Map(shown.map((c) => [c.key, Math.max(...[header, ...rs].map((r) => r[c.key].length))]));
  const line = (r: Row): string =>
    shown
      .map((c) => (c.right ? r[c.key].padStart(width.get(c.key) ?? 0) : r[c.key].padEnd(width.get(c.key) ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [captionText(caption), '', line(header), ...rs.map(line)];
  const notes: string[] = [];
  if (hasRouge) notes.push('ROUGE: F-measure, precision and recall on 0..1 (rouge-score)');
  if (results.some((r) => r.kind !== 'rouge')) notes.push('BLEU and chrF on 0..100 (sacrebleu)');
  out.push('', notes.join('; ') + '.');
  const sigs = rs.filter((r) => r.signature !== '');
  if (sigs.length > 0) {
    out.push('', 'signatures:');
    const w = Math.max(...sigs.map((r) => r.metric.length));
    for (const r of sigs) out.push(`  ${r.metric.padEnd(w)}  ${r.signature}`);
  }
  return out.join('\n') + '\n';
}

/** A Markdown table cell: pipes escaped (also inside code spans, as GitHub requires), no line breaks. */
function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** The Markdown table, with the signatures in code spans: paste into a pull request or a job summary. */
export function renderMarkdown(results: readonly MetricValue[], caption: ScoreCaption): string {
  const rs = rows(results);
  const out = [
    `**nlg-metrics**: ${mdCell(captionText(caption))}`,
    '',
    '| metric | score | precision | recall | signature |',
    '| --- | ---: | ---: | ---: | --- |',
  ];
  for (const r of rs) {
    const sig = r.signature === '' ? '' : `\`${mdCell(r.signature)}\``;
    out.push(`| ${mdCell(r.metric)} | ${r.score} | ${r.precision} | ${r.recall} | ${sig} |`);
  }
  return out.join('\n') + '\n';
}

/** One JSON object: each key a metric name, each value what the library returns for it. */
export function renderJson(results: readonly MetricValue[]): string {
  const obj: Record<string, unknown> = {};
  for (const r of results) obj[r.key] = r.value;
  return JSON.stringify(obj, null, 2) + '\n';
}
