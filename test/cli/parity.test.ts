// Parity of the command line with the reference implementations, from test/fixtures/*.jsonl:
// - every corpus case of rouge/bleu_sacrebleu/chrf through `score` (JSON output), the file-based ones
//   (real WMT17 systems, as a user would run them) through the BUILT program as a subprocess, the others
//   in-process through the same run() with a JSON Lines input;
// - every sentence case of rouge and chrf, and every sentence case of sacrebleu BLEU with
//   effective_order=true, through `--per-segment` (per-segment BLEU is sentence BLEU with effective order,
//   as `sacrebleu --sentence-level` forces); cases whose reference raised must exit 2.
// Options are mapped to flags; an option without a flag fails the test (no case is left out silently).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { close, FIXTURES, fixtureCases, noVersion, runCli, runInProcess, tempDir, type CliResult } from './helpers.js';

type Case = Record<string, any>;
const tmp = tempDir();
afterAll(() => tmp.cleanup());
let fileNo = 0;

function bleuFlags(o: Record<string, unknown>): string[] {
  const f: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k === 'tokenize') f.push('--tokenize', String(v));
    else if (k === 'trg_lang') f.push('--trg-lang', String(v));
    else if (k === 'lowercase') (v ? f.push('--lowercase') : 0);
    else if (k === 'smooth_method') f.push('--smooth-method', String(v));
    else if (k === 'smooth_value') (v !== null ? f.push('--smooth-value', String(v)) : 0);
    else if (k === 'max_ngram_order') f.push('--max-ngram-order', String(v));
    else if (k === 'effective_order') (v ? f.push('--effective-order') : 0);
    else if (k === 'force') continue; // sacrebleu's force only silences its "already tokenized" warning
    else throw new Error(`no flag for BLEU option ${k}`);
  }
  return ['--metrics', 'bleu', ...f];
}

function chrfFlags(o: Record<string, unknown>): string[] {
  const f: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k === 'char_order') f.push('--char-order', String(v));
    else if (k === 'word_order') f.push('--word-order', String(v));
    else if (k === 'beta') f.push('--beta', String(v));
    else if (k === 'lowercase') (v ? f.push('--lowercase') : 0);
    else if (k === 'whitespace') (v ? f.push('--chrf-whitespace') : 0);
    else if (k === 'eps_smoothing') (v ? f.push('--eps-smoothing') : 0);
    else throw new Error(`no flag for chrF option ${k}`);
  }
  return ['--metrics', 'chrf', ...f];
}

function rougeFlags(o: Record<string, unknown>): string[] {
  const f: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k === 'rouge_types') f.unshift('--metrics', (v as string[]).join(','));
    else if (k === 'use_stemmer') (v ? f.push('--stemmer') : 0);
    else if (k === 'split_summaries') expect(v).toBe(false);
    else throw new Error(`no flag for ROUGE option ${k}`);
  }
  return f;
}

/** Per-segment references from sacrebleu's streams (a `null` is a missing reference). */
function perSegment(c: Case): string[][] {
  if (c.ref_layout !== 'streams') return c.references as string[][];
  return (c.hypotheses as string[]).map((_, i) => (c.references as (string | null)[][]).map((s) => s[i]).filter((r): r is string => r !== null && r !== undefined));
}

function writeJsonl(rows: { hypothesis: string; references: string[] }[]): string {
  const p = join(tmp.dir, `in-${++fileNo}.jsonl`);
  writeFileSync(p, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return p;
}

function expectBleu(got: any, e: any): void {
  const want = { score: e.score, counts: e.counts, totals: e.totals, precisions: e.precisions, bp: e.bp, sysLen: e.sys_len, refLen: e.ref_len };
  for (const [k, v] of Object.entries(want)) {
    if (Array.isArray(v)) {
      expect(got[k], k).toHaveLength(v.length);
      v.forEach((x: number, i: number) => expect(close(got[k][i], x), `${k}[${i}]: ${got[k][i]} vs ${x}`).toBe(true));
    } else expect(close(got[k], v as number), `${k}: ${got[k]} vs ${v}`).toBe(true);
  }
  expect(noVersion(got.signature)).toBe(noVersion(e.signature));
}

function parseJson(r: CliResult): any {
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('score --format json reproduces the corpus fixtures', () => {
  const bleu = fixtureCases('bleu_sacrebleu.jsonl').filter((c) => c.level === 'corpus');
  const chrf = fixtureCases('chrf.jsonl').filter((c) => c.level === 'corpus');
  const rouge = fixtureCases('rouge.jsonl').filter((c) => c.level === 'corpus');

  const fileCases = [...bleu, ...chrf].filter((c) => c.hypotheses_file);
  it(`the file-based WMT17 cases, through the built program (${fileCases.length} cases)`, async () => {
    expect(fileCases.length).toBeGreaterThan(0);
    const results = await Promise.all(
      fileCases.map((c) => {
        const refs = (c.references_files as string[]).flatMap((f) => ['--ref', join(FIXTURES, f)]);
        const flags = c.metric === 'bleu' ? bleuFlags(c.options) : chrfFlags(c.options);
        return runCli(['score', '--hyp', join(FIXTURES, c.hypotheses_file), ...refs, ...flags, '--format', 'json']);
      }),
    );
    fileCases.forEach((c, i) => {
      const out = parseJson(results[i] as CliResult);
      if (c.metric === 'bleu') expectBleu(out.bleu, c.expected);
      else {
        expect(close(out.chrf.score, c.expected.score), `${c.id}: ${out.chrf.score} vs ${c.expected.score}`).toBe(true);
        expect(noVersion(out.chrf.signature)).toBe(noVersion(c.expected.signature));
      }
    });
  });

  const inline = [...bleu, ...chrf, ...rouge].filter((c) => !c.hypotheses_file);
  it(`every other corpus case, from JSON Lines (${inline.length} cases)`, async () => {
    let checked = 0;
    for (const c of inline) {
      const file = writeJsonl((c.hypotheses as string[]).map((h, i) => ({ hypothesis: h, references: perSegment(c)[i] as string[] })));
      const flags = c.metric === 'bleu' ? bleuFlags(c.options) : c.metric === 'chrf' ? chrfFlags(c.options) : rougeFlags(c.options);
      const out = parseJson(await runInProcess(['score', '--jsonl', file, ...flags, '--format', 'json']));
      if (c.metric === 'bleu') expectBleu(out.bleu, c.expected);
      else if (c.metric === 'chrf') {
        expect(close(out.chrf.score, c.expected.score), `${c.id}`).toBe(true);
        expect(noVersion(out.chrf.signature)).toBe(noVersion(c.expected.signature));
      } else {
        for (const [type, s] of Object.entries(c.expected.mean as Record<string, Record<string, number>>)) {
          for (const k of ['precision', 'recall', 'fmeasure']) expect(close(out[type][k], s[k] as number), `${c.id} ${type}.${k}`).toBe(true);
        }
      }
      checked++;
    }
    expect(checked).toBe(inline.length);
  });
});

describe('score --per-segment reproduces the sentence fixtures', () => {
  /** Runs one group of sentence cases with the same flags as one corpus; returns the per-segment rows. */
  async function perSegmentRows(cases: Case[], flags: string[], refsOf: (c: Case) => string[]): Promise<any[]> {
    const file = writeJsonl(cases.map((c) => ({ hypothesis: c.hypothesis, references: refsOf(c) })));
    const seg = join(tmp.dir, `seg-${++fileNo}.jsonl`);
    const r = await runInProcess(['score', '--jsonl', file, ...flags, '--per-segment', seg, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = readFileSync(seg, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => x.line)).toEqual(cases.map((_, i) => i + 1));
    return rows;
  }

  function groups(cases: Case[], key: (c: Case) => string): Case[][] {
    const m = new Map<string, Case[]>();
    for (const c of cases) m.set(key(c), [...(m.get(key(c)) ?? []), c]);
    return [...m.values()];
  }

  const rouge = fixtureCases('rouge.jsonl').filter((c) => c.level === 'sentence');
  it(`rouge: ${rouge.length} cases (score and score_multi); those rouge-score rejected exit 2`, async () => {
    let checked = 0;
    const refsOf = (c: Case): string[] => (c.mode === 'score' ? [c.references[0]] : c.references);
    for (const c of rouge.filter((x) => 'error' in x.expected)) {
      const r = await runInProcess(['score', '--jsonl', writeJsonl([{ hypothesis: c.hypothesis, references: refsOf(c) }]), ...rougeFlags(c.options)]);
      expect(r.code, `${c.id} ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      checked++;
    }
    for (const g of groups(rouge.filter((x) => !('error' in x.expected)), (c) => JSON.stringify(c.options))) {
      const rows = await perSegmentRows(g, rougeFlags((g[0] as Case).options), refsOf);
      g.forEach((c, i) => {
        for (const [type, s] of Object.entries(c.expected as Record<string, Record<string, number>>)) {
          for (const k of ['precision', 'recall', 'fmeasure']) expect(close(rows[i][type][k], s[k] as number), `${c.id} ${type}.${k}`).toBe(true);
        }
        checked++;
      });
    }
    expect(checked).toBe(rouge.length);
  });

  const chrf = fixtureCases('chrf.jsonl').filter((c) => c.level === 'sentence');
  it(`chrf: ${chrf.length} cases`, async () => {
    let checked = 0;
    for (const g of groups(chrf, (c) => JSON.stringify(c.options))) {
      const rows = await perSegmentRows(g, chrfFlags((g[0] as Case).options), (c) => c.references);
      g.forEach((c, i) => {
        expect(close(rows[i].chrf.score, c.expected.score), `${c.id}: ${rows[i].chrf.score} vs ${c.expected.score}`).toBe(true);
        checked++;
      });
    }
    expect(checked).toBe(chrf.length);
  });

  const bleu = fixtureCases('bleu_sacrebleu.jsonl').filter((c) => c.level === 'sentence' && c.options.effective_order === true);
  it(`bleu: the ${bleu.length} sentence cases with effective_order=true`, async () => {
    let checked = 0;
    for (const g of groups(bleu, (c) => JSON.stringify(c.options))) {
      const rows = await perSegmentRows(g, bleuFlags((g[0] as Case).options), (c) => c.references);
      g.forEach((c, i) => {
        expect(close(rows[i].bleu.score, c.expected.score), `${c.id}: ${rows[i].bleu.score} vs ${c.expected.score}`).toBe(true);
        checked++;
      });
    }
    expect(checked).toBe(bleu.length);
  });
});
