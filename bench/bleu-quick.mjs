#!/usr/bin/env node
// Quick timing of corpusBleu on the WMT workload of ../shared/corpus/README.md (the one the Python peer timings
// use: sacrebleu ~11,500 segments/s): hypotheses = KIT + LIUM-NMT + uedin-nmt outputs (4506 lines), references =
// ref.de three times. Measures the BUILT package (run `npm run build` first).
// Usage: node bench/bleu-quick.mjs [rounds]
// Also times the tokenizer alone (the floor of any BLEU call) and, once, bleuConfidence / pairedBleuTest.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bleuConfidence, corpusBleu, pairedBleuTest, tokenize } from '../dist/index.js';

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
function time(label, run) {
  for (let i = 0; i < 5; i++) run(); // warm-up
  const times = [];
  let out;
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    out = run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `${label.padEnd(26)} ${hyps.length} segments: median ${median.toFixed(2)} ms, best ${times[0].toFixed(2)} ms` +
      ` = ${Math.round((hyps.length / median) * 1000).toLocaleString('en')} segments/s${out === undefined ? '' : ` (${out})`}`,
  );
}

time('corpusBleu 13a', () => corpusBleu(hyps, refs).score);
time('corpusBleu none', () => corpusBleu(hyps, refs, { tokenize: 'none' }).score);
time('corpusBleu intl', () => corpusBleu(hyps, refs, { tokenize: 'intl' }).score);
time('13a tokenizer alone', () => {
  let n = 0;
  for (const h of hyps) n += tokenize(h, '13a').length;
  for (const r of ref) n += tokenize(r, '13a').length;
  return undefined;
});

const t0 = performance.now();
const ci = bleuConfidence(hyps, refs);
const t1 = performance.now();
const kit = lines('hyp.KIT.4950.de');
const uedin = lines('hyp.uedin-nmt.4722.de');
const bs = pairedBleuTest(kit, uedin, ref);
const t2 = performance.now();
const ar = pairedBleuTest(kit, uedin, ref, { method: 'randomization' });
const t3 = performance.now();
console.log(`bleuConfidence (1000 resamples)  ${(t1 - t0).toFixed(0)} ms: ${ci.score.toFixed(2)} [${ci.low.toFixed(2)}, ${ci.high.toFixed(2)}]`);
console.log(`pairedBleuTest bootstrap (1000)  ${(t2 - t1).toFixed(0)} ms: KIT ${bs.baseline.score.toFixed(2)} vs uedin ${bs.candidate.score.toFixed(2)}, p = ${bs.pValue.toFixed(4)}`);
console.log(`pairedBleuTest randomization (10000) ${(t3 - t2).toFixed(0)} ms: p = ${ar.pValue.toFixed(4)}`);
