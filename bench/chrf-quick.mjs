#!/usr/bin/env node
// Quick timing of corpusChrf on the WMT workload of ../shared/corpus/README.md (the one the Python peer timings
// use): hypotheses = KIT + LIUM-NMT + uedin-nmt outputs (4506 lines), references = ref.de three times.
// Measures the BUILT package (run `npm run build` first). Usage: node bench/chrf-quick.mjs [rounds]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusChrf } from '../dist/index.js';

const corpus = fileURLToPath(new URL('../../shared/corpus/wmt17-ende/', import.meta.url));
const lines = (f) => {
  const l = readFileSync(corpus + f, 'utf8').split('\n');
  if (l.at(-1) === '') l.pop();
  return l;
};
const ref = lines('ref.de');
const hyps = ['hyp.KIT.4950.de', 'hyp.LIUM-NMT.4900.de', 'hyp.uedin-nmt.4722.de'].flatMap(lines);
const refs = [...ref, ...ref, ...ref];
if (hyps.length !== refs.length) throw new Error(`workload mismatch: ${hyps.length} vs ${refs.length}`);

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
