#!/usr/bin/env node
// Quick timing of corpusChrf on the WMT workload of bench/workloads.mjs (the one the Python peer timings
// use): hypotheses = KIT + LIUM-NMT + uedin-nmt outputs (4506 lines), references = ref.de three times.
// Measures the BUILT package (run `npm run build` first). Usage: node bench/chrf-quick.mjs [rounds]
import { corpusChrf } from '../dist/index.js';
import { loadWmt } from './workloads.mjs';

const { hyps, refs } = loadWmt();

const rounds = Number(process.argv[2] ?? 30);
for (const [label, options] of [['chrF', {}], ['chrF++', { wordOrder: 2 }]]) {
  for (let i = 0; i < 5; i++) corpusChrf(hyps, refs, options); // warm-up
  const times = [];
  let score = 0;
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    score = corpusChrf(hyps, refs, options).score;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `${label.padEnd(7)} ${hyps.length} segments: median ${median.toFixed(2)} ms, best ${times[0].toFixed(2)} ms` +
      ` = ${Math.round((hyps.length / median) * 1000).toLocaleString('en')} segments/s (score ${score})`,
  );
}
