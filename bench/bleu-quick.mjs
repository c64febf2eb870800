#!/usr/bin/env node
// Quick timing of corpusBleu on the WMT workload of bench/workloads.mjs (the one the Python peer timings use: sacrebleu ~11,500 segments/s): hypotheses = KIT + LIUM-NMT + uedin-nmt outputs (4506 lines), references =
// ref.de three times. Measures the BUILT package (run `npm run build` first), or any ESM bundles of it given on
// the command line (to compare builds in one process: each case of each build runs once per round, interleaved).
//
// Usage: node bench/bleu-quick.mjs [rounds] [bundle.js ...]      (default: 30 rounds, ../dist/index.js)
//
// The machine is shared and noisy: compare best-of-N times, and each time relative to the floors measured in
// the same run (bench/floor.mjs, with the first bundle's 13a tokenizer): the 13a tokenizer alone on every
// hypothesis and each distinct reference, and the same plus counting 1-4-grams. Also times sentenceBleu per
// segment, and corpusBleu on the same corpus with every reference string distinct (a trailing space added, so
// the same tokens and score: corpusBleu counts segments sharing a reference one after another, which this
// workload, three systems against the same references, gains from and a corpus of distinct references does
// not), both for each bundle in the rounds; once, bleuConfidence / pairedBleuTest.
import { pathToFileURL, fileURLToPath } from 'node:url';
import { wordFloorCorpus } from './floor.mjs';
import { lines, loadWmt } from './workloads.mjs';

const { hyps, refs, uniqueRefs: ref } = loadWmt();
// Sliced out of one string, as lines read from a file are.
const distinctRefs = refs.map((r, i) => r + ' '.repeat(1 + Math.floor(i / ref.length))).join('\n').split('\n');

const rounds = Number(process.argv[2] ?? 30);
const paths = process.argv.length > 3 ? process.argv.slice(3) : [fileURLToPath(new URL('../dist/index.js', import.meta.url))];
const builds = [];
for (const p of paths) builds.push({ name: paths.length > 1 ? p.split('/').pop() : 'dist', api: await import(pathToFileURL(p).href) });

const tok = builds[0].api.getTokenizer('13a');
const tokenize13a = (t) => tok.tokenize(t);
const cases = [];
for (const { name, api } of builds) {
  cases.push([`corpusBleu 13a [${name}]`, () => api.corpusBleu(hyps, refs).score]);
  cases.push([`corpusBleu none [${name}]`, () => api.corpusBleu(hyps, refs, { tokenize: 'none' }).score]);
  cases.push([`corpusBleu intl [${name}]`, () => api.corpusBleu(hyps, refs, { tokenize: 'intl' }).score]);
  cases.push([`corpusBleu 13a distinct refs [${name}]`, () => api.corpusBleu(hyps, distinctRefs).score]);
  cases.push([`sentenceBleu 13a per segment [${name}]`, () => {
    let s = 0;
    for (let i = 0; i < hyps.length; i++) s += api.sentenceBleu(hyps[i], refs[i]).score;
    return s;
  }]);
}
const FLOOR = 'floor: 13a alone (refs once)';
cases.push([FLOOR, () => wordFloorCorpus(tokenize13a, hyps, refs, 0)]);
cases.push(['floor: 13a + 1-4-grams', () => wordFloorCorpus(tokenize13a, hyps, refs, 4)]);

/** CPU milliseconds of one call (less disturbed than wall time by other processes on a shared machine). */
function cpuMs(run) {
  const c0 = process.cpuUsage();
  const out = run();
  const c1 = process.cpuUsage(c0);
  return [(c1.user + c1.system) / 1000, out];
}

for (let w = 0; w < 5; w++) for (const [, run] of cases) run(); // warm-up
const times = cases.map(() => []);
const outs = cases.map(() => undefined);
for (let r = 0; r < rounds; r++) {
  for (let k = 0; k < cases.length; k++) {
    const i = (k + r) % cases.length; // rotate the order every round
    const [ms, out] = cpuMs(cases[i][1]);
    times[i].push(ms);
    outs[i] = out;
  }
}
const best = times.map((t) => Math.min(...t));
const floorBest = best[cases.findIndex(([label]) => label === FLOOR)];
const rate = (ms) => Math.round((hyps.length / ms) * 1000).toLocaleString('en');
console.log(`${hyps.length} segments, ${rounds} rounds, CPU time per call (best / median); rate from the best`);
cases.forEach(([label], i) => {
  const t = times[i].slice().sort((a, b) => a - b);
  const median = t[Math.floor(t.length / 2)];
  const vsFloor = (best[i] / floorBest).toFixed(2);
  const out = typeof outs[i] === 'number' && label.startsWith('corpusBleu') ? ` score ${outs[i]}` : '';
  console.log(`${label.padEnd(44)} best ${best[i].toFixed(2)} ms, median ${median.toFixed(2)} ms = ${rate(best[i]).padStart(9)} segments/s, ${vsFloor}x the 13a floor${out}`);
});

const api = builds[0].api;
const t0 = performance.now();
const ci = api.bleuConfidence(hyps, refs);
const t1 = performance.now();
const kit = lines('wmt17-ende/hyp.KIT.4950.de');
const uedin = lines('wmt17-ende/hyp.uedin-nmt.4722.de');
const bs = api.pairedBleuTest(kit, uedin, ref);
const t2 = performance.now();
const ar = api.pairedBleuTest(kit, uedin, ref, { method: 'randomization' });
const t3 = performance.now();
console.log(`bleuConfidence (1000 resamples)  ${(t1 - t0).toFixed(0)} ms: ${ci.score.toFixed(2)} [${ci.low.toFixed(2)}, ${ci.high.toFixed(2)}]`);
console.log(`pairedBleuTest bootstrap (1000)  ${(t2 - t1).toFixed(0)} ms: KIT ${bs.baseline.score.toFixed(2)} vs uedin ${bs.candidate.score.toFixed(2)}, p = ${bs.pValue.toFixed(4)}`);
console.log(`pairedBleuTest randomization (10000) ${(t3 - t2).toFixed(0)} ms: p = ${ar.pValue.toFixed(4)}`);
