// The package in a real browser: the root entry bundles for the browser with no Node built-in and no zod,
// tree-shakes, and gives exactly Node's numbers in headless Chromium (Debian's, never a downloaded one).
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCases } from './cases.js';

const root = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A folder whose node_modules/nlg-metrics links to this checkout, so bundles resolve the exports map. */
function linkedModules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nlgm-browser-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'nlg-metrics'), 'dir');
  return join(dir, 'node_modules');
}

async function bundle(entry: { path?: string; contents?: string }, minify: boolean) {
  const nodePaths = [linkedModules()];
  const result = await build({
    ...(entry.path ? { entryPoints: [entry.path] } : { stdin: { contents: entry.contents ?? '', resolveDir: root, loader: 'ts' } }),
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify,
    metafile: true,
    nodePaths,
    conditions: ['browser', 'import'],
    logLevel: 'silent',
    // Ignore tsconfig's paths alias (src/) so the bundle goes through the package's exports map to dist/.
    tsconfigRaw: {},
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { code, inputs: Object.keys(result.metafile.inputs) };
}

/**
 * Budgets (bytes, minified + gzip), set from measurement with ~12% headroom; see README "Bundle size". Last
 * measured: rouge 17.5 KB, everything 39.4 KB (the ROUGE speed work added a packed interner and a one-pass
 * LCS + n-gram path for short texts: +1.5 KB).
 */
const BUDGET = { rouge: 19_600, all: 44_000 };

describe('browser bundle', () => {
  it('bundles the root entry for the browser without Node built-ins or zod', async () => {
    const { inputs } = await bundle({ contents: "export * from 'nlg-metrics';" }, false);
    expect(inputs.some((p) => p.includes('dist/index.js'))).toBe(true);
    expect(inputs.filter((p) => p.includes('zod') || p.startsWith('node:'))).toEqual([]);
  });

  it('tree-shakes: importing only rouge stays under its budget and far under the whole package', async () => {
    const only = await bundle({ contents: "import { rouge } from 'nlg-metrics'; console.log(rouge('a b', 'a c'));" }, true);
    const all = await bundle({ contents: "import * as m from 'nlg-metrics'; console.log(m);" }, true);
    const rougeSize = gzipSync(only.code).length;
    const allSize = gzipSync(all.code).length;
    expect(rougeSize).toBeLessThan(BUDGET.rouge);
    expect(allSize).toBeLessThan(BUDGET.all);
    expect(rougeSize).toBeLessThan(allSize * 0.8);
  });
});

describe('in headless Chromium', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this)`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('gives exactly the numbers Node gives for ROUGE, BLEU, chrF, F1 and pairs', async () => {
    const { code } = await bundle({ path: join(root, 'test/browser/page.ts') }, false);
    const page = await (browser as Browser).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('about:blank');
    await page.addScriptTag({ content: code });
    const inBrowser = await page.evaluate(() => (globalThis as unknown as { __results: unknown }).__results);
    expect(errors).toEqual([]);
    const lib = await import(join(root, 'dist/index.js'));
    expect(inBrowser).toEqual(runCases(lib));
  });

  it('runs the docs playground: typing updates ROUGE, BLEU, chrF (with signatures) and the chart', async () => {
    const page = await (browser as Browser).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(join(root, 'docs/playground/index.html')).href);
    const hyp = 'Die Katze sitzt auf der Matte.';
    const refs = ['Die Katze saß auf der Matte.', 'Eine Katze sitzt auf einer Matte.'];
    await page.fill('[data-testid=hypothesis]', '');
    await page.type('[data-testid=hypothesis]', hyp);
    await page.fill('[data-testid=references]', refs.join('\n'));
    const lib = await import(join(root, 'dist/index.js'));
    const bleu = lib.sentenceBleu(hyp, refs);
    const chrf = lib.corpusChrf([hyp], [refs]);
    const r = lib.rouge(hyp, refs);
    await expect.poll(() => page.textContent('[data-testid=bleu]')).toBe(bleu.score.toFixed(2));
    expect(await page.textContent('[data-testid=chrf]')).toBe(chrf.score.toFixed(2));
    expect(await page.textContent('[data-testid=bleu-signature]')).toBe(bleu.signature);
    expect(await page.textContent('[data-testid=chrf-signature]')).toBe(chrf.signature);
    const rougeL = await page.$$eval('tr[data-type=rougeL] td', (tds) => tds.map((td) => td.textContent));
    expect(rougeL).toEqual(['rougeL', r.rougeL.precision.toFixed(4), r.rougeL.recall.toFixed(4), r.rougeL.fmeasure.toFixed(4)]);
    const bars = await page.$$eval('[data-testid=chart] .bar', (rows) =>
      rows.map((row) => [(row as HTMLElement).dataset.metric, ((row.querySelector('.fill') as HTMLElement).style.width)]),
    );
    expect(bars.map((b) => b[0])).toEqual(['rouge1', 'rouge2', 'rougeL', 'rougeLsum', 'BLEU', 'chrF']);
    // The bar's width is the score in percent (the browser may shorten the CSS number it stores).
    expect(parseFloat(String(bars.find((b) => b[0] === 'BLEU')?.[1]))).toBeCloseTo(bleu.score, 3);
    expect(errors).toEqual([]);
  });
});
