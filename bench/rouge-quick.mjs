#!/usr/bin/env node
// Quick ROUGE timing of the BUILT package, next to js-rouge on the same pairs (a machine-independent ratio).
// Build first, serialized with the others:
//   flock /tmp/nlgm-build.lock sh -c 'npm run -s build' && node bench/rouge-quick.mjs
// or time a private bundle (others may rebuild dist/ meanwhile): NLGM_DIST=/path/to/index.js node bench/rouge-quick.mjs
// Workloads (bench/workloads.mjs): WMT = hyp.KIT + hyp.LIUM-NMT + hyp.uedin-nmt against ref.de repeated
// three times (4506 pairs, one reference each); DUC = each system summary (s1, s2) of the 25 topics against
// each of its 4 references (200 multi-line pairs). Prints pairs/s, best of 15 runs, by CPU time and wall time
// (CPU time is steadier on a busy machine).
import { pathToFileURL } from 'node:url';
import * as jsRouge from 'js-rouge';
import { loadDuc, loadWmt } from './workloads.mjs';

// NLGM_DIST=/path/to/index.js times another build (e.g. a private bundle while others rebuild dist/).
const { corpusRouge, rouge } = await import(process.env.NLGM_DIST ? pathToFileURL(process.env.NLGM_DIST).href : '../dist/index.js');

const { hyps: wmtHyp, refs: wmtRef } = loadWmt();
const { hyps: ducHyp, refs: ducRef } = loadDuc();

function time(label, pairs, fn, reps = 1) {
  fn();
  fn();
  let cpu = Infinity;
  let wall = Infinity;
  for (let r = 0; r < 15; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let k = 0; k < reps; k++) fn();
    const c = process.cpuUsage(c0);
    wall = Math.min(wall, (performance.now() - t0) / 1000 / reps);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6 / reps);
  }
  const fmt = (s) => Math.round(pairs / s).toLocaleString('en-US').padStart(9);
  console.log(`${label.padEnd(50)} ${fmt(cpu)} pairs/s cpu ${fmt(wall)} pairs/s wall`);
  return pairs / cpu;
}

const R4 = { types: ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] };
const R3 = { types: ['rouge1', 'rouge2', 'rougeL'] };
console.log(`WMT: ${wmtHyp.length} pairs; DUC: ${ducHyp.length} pairs`);
const js = time('js-rouge n(1), n(2), l() per WMT pair (600 pairs)', 600, () => {
  for (let i = 0; i < 600; i++) {
    jsRouge.n(wmtHyp[i], wmtRef[i], { n: 1 });
    jsRouge.n(wmtHyp[i], wmtRef[i], { n: 2 });
    jsRouge.l(wmtHyp[i], wmtRef[i]);
  }
});
const ratio = (x) => console.log(`${''.padEnd(50)} = ${(x / js).toFixed(0)}x js-rouge (cpu)`);
ratio(time('WMT corpusRouge rouge1,rouge2,rougeL,rougeLsum', wmtHyp.length, () => corpusRouge(wmtHyp, wmtRef, R4), 2));
ratio(
  time('WMT rouge() per pair rouge1,rouge2,rougeL,rougeLsum', wmtHyp.length, () => {
    for (let i = 0; i < wmtHyp.length; i++) rouge(wmtHyp[i], wmtRef[i], R4);
  }),
);
ratio(time('WMT corpusRouge rouge1,rouge2,rougeL', wmtHyp.length, () => corpusRouge(wmtHyp, wmtRef, R3), 2));
// rouge-score 0.1.2's figure on DUC (330 pairs/s) is a reference measured on the bench machine type, not in this
// run: on a busy machine this ratio reads low, unlike the js-rouge one.
const rougeScore = (x) => console.log(`${''.padEnd(50)} = ${(x / 330).toFixed(0)}x rouge-score's 330 pairs/s (reference figure)`);
rougeScore(time('DUC corpusRouge rouge1,rouge2,rougeL,rougeLsum', ducHyp.length, () => corpusRouge(ducHyp, ducRef, R4), 20));
rougeScore(
  time('DUC rouge() per pair rouge1,rouge2,rougeL,rougeLsum', ducHyp.length, () => {
    for (let i = 0; i < ducHyp.length; i++) rouge(ducHyp[i], ducRef[i], R4);
  }, 20),
);
time('DUC rouge() per pair, stemmer', ducHyp.length, () => {
  for (let i = 0; i < ducHyp.length; i++) rouge(ducHyp[i], ducRef[i], { ...R4, stemmer: true });
}, 10);
time('DUC corpusRouge rougeS4,rougeSU4', ducHyp.length, () => corpusRouge(ducHyp, ducRef, { types: ['rougeS4', 'rougeSU4'] }), 10);
