#!/usr/bin/env node
// nlg-metrics benchmark suite: `npm run bench` (builds, then runs this file).
//
// Measures the BUILT package (dist/index.js and dist/cli.js, what ships) and the JavaScript peers (js-rouge,
// rouge, bleu-score) on the same texts in the same process, interleaved, and writes bench/results.json
// (git-ignored) and bench/RESULTS.md. See bench/README.md for what is measured and how to read it.
//
// Options:
//   --rounds N        interleaved rounds (default 5); figures are medians over rounds
//   --min-ms N        minimum time of one sample of a case, in ms (default 150; one full pass at least)
//   --only REGEX      only the cases whose id matches (e.g. --only 'bleu' ; for profiling with node --cpu-prof)
//   --cli-copies N    the CLI workload is N copies of the WMT pairs (default 20: 90,120 lines)
//   --cli-runs N      CLI runs per command (default 3, fewer if they take over --cli-budget-s)
//   --cli-budget-s N  stop repeating a CLI command after this many seconds (default 15)
//   --no-cli          skip the CLI
//   --no-write        print only; write neither results.json nor RESULTS.md
//   --quick           a fast smoke run (2 rounds, 50 ms samples, 5 CLI copies, 1 CLI run); RESULTS.md is not written
//   --python PATH     a Python with rouge-score and/or sacrebleu (env NLGM_BENCH_PYTHON): times them in the same
//                     run (bench/python/peers.py, one process per case and round, interleaved with ours)
//   --python-rouge PATH, --python-sacrebleu PATH
//                     the Python for one of them (env NLGM_BENCH_PYTHON_ROUGE, NLGM_BENCH_PYTHON_SACREBLEU), when
//                     they live in different environments; it must have that package
//   --no-python       ignore the NLGM_BENCH_PYTHON* variables (fixed reference figures only)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem, availableParallelism, platform, release, arch } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { charFloorCorpus, wordFloorCorpus, wordFloorPerPair } from './floor.mjs';
import { combine, median, ratio, runGroups } from './timer.mjs';
import { loadDuc, loadWmt, loadZh, utf8Bytes } from './workloads.mjs';
import { writeResultsMd } from './report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string' },
    'min-ms': { type: 'string' },
    only: { type: 'string' },
    'cli-copies': { type: 'string' },
    'cli-runs': { type: 'string' },
    'cli-budget-s': { type: 'string' },
    'no-cli': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    python: { type: 'string' },
    'python-rouge': { type: 'string' },
    'python-sacrebleu': { type: 'string' },
    'no-python': { type: 'boolean', default: false },
  },
});
const quick = args.quick;
const config = {
  rounds: Number(args.rounds ?? (quick ? 2 : 5)),
  minMs: Number(args['min-ms'] ?? (quick ? 50 : 150)),
  only: args.only ?? null,
  cliCopies: Number(args['cli-copies'] ?? (quick ? 5 : 20)),
  cliRuns: Number(args['cli-runs'] ?? (quick ? 1 : 3)),
  cliBudgetS: Number(args['cli-budget-s'] ?? 15),
  cli: !args['no-cli'],
  quick,
};
const log = (s) => console.log(s);
const started = performance.now();

// ---------------------------------------------------------------------------------------------- the package
const distIndex = join(ROOT, 'dist', 'index.js');
const distCli = join(ROOT, 'dist', 'cli.js');
if (!existsSync(distIndex)) {
  console.error('bench: dist/index.js is missing: run `npm run build` first (or `npm run bench`, which builds)');
  process.exit(2);
}
const ours = await import(pathToFileURL(distIndex).href);

// ------------------------------------------------------------------------------------------------- the peers
const require = createRequire(import.meta.url);
const jsRouge = await import('js-rouge');
const rougeOrig = require('rouge');
const { bleu: bleuScore } = require('bleu-score');
const pkgVersion = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
const peers = { 'js-rouge': pkgVersion('js-rouge'), rouge: pkgVersion('rouge'), 'bleu-score': pkgVersion('bleu-score') };

// --------------------------------------------------------------------------------------------- the workloads
const wmt = loadWmt();
const duc = loadDuc();
const zh = loadZh();
const tokTexts = [...wmt.hyps, ...wmt.uniqueRefs]; // every WMT line once: 6008 segments

// ------------------------------------------------------------------------------ the Python peers (optional)
// rouge-score and sacrebleu, the packages we reproduce, are timed in this run when a Python that has them is
// given (--python, --python-rouge, --python-sacrebleu or the NLGM_BENCH_PYTHON* variables): each of their cases
// is one process of bench/python/peers.py per round, a case of its workload's group that takes its turn in the
// rotating order like any other, and times itself (wall clock, time.perf_counter, as our cases are timed; its
// start-up is not counted; its CPU-time rate is kept too).
// The texts are handed over in a temporary JSON file, so both sides score the very same strings. Without a
// Python, the fixed reference figures (REFERENCE below) are all there is, labelled as such.
const PEERS_PY = join(ROOT, 'bench', 'python', 'peers.py');
const pyPeers = findPythonPeers();
let pyData = null;
if (Object.keys(pyPeers).length > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'nlgm-bench-py-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  pyData = join(dir, 'workloads.json');
  writeFileSync(pyData, JSON.stringify({ wmt: { hyps: wmt.hyps, refs: wmt.refs }, duc: { hyps: duc.hyps, refs: duc.refs } }));
}

function findPythonPeers() {
  const env = args['no-python'] ? {} : process.env;
  const general = args.python ?? env.NLGM_BENCH_PYTHON;
  const probed = new Map();
  const probe = (python) => {
    if (!probed.has(python)) {
      const p = spawnSync(python, [PEERS_PY, '--versions'], { encoding: 'utf8' });
      if (p.error || p.status !== 0) {
        console.error(`bench: \`${python} bench/python/peers.py --versions\` failed: ${p.error?.message ?? p.stderr.trim()}`);
        process.exit(2);
      }
      probed.set(python, JSON.parse(p.stdout));
    }
    return probed.get(python);
  };
  const found = {};
  for (const [key, pkg, flag, envName] of [
    ['rouge', 'rouge_score', 'python-rouge', 'NLGM_BENCH_PYTHON_ROUGE'],
    ['sacrebleu', 'sacrebleu', 'python-sacrebleu', 'NLGM_BENCH_PYTHON_SACREBLEU'],
  ]) {
    const specific = args[flag] ?? env[envName];
    const python = specific ?? general;
    if (!python) continue;
    const v = probe(python);
    if (v[pkg].error) {
      // A Python named for this package must have it; the general one is used for whichever it has.
      if (specific) {
        console.error(`bench: ${python} (--${flag} / ${envName}) cannot import ${pkg}: ${v[pkg].error}`);
        process.exit(2);
      }
      continue;
    }
    found[key] = { python, executable: v.executable, pythonVersion: v.python, ...v[pkg] };
  }
  if (general && !Object.values(found).some((f) => f.python === general) && !(args['python-rouge'] ?? env.NLGM_BENCH_PYTHON_ROUGE) && !(args['python-sacrebleu'] ?? env.NLGM_BENCH_PYTHON_SACREBLEU)) {
    const v = probed.get(general);
    console.error(`bench: ${general} (--python / NLGM_BENCH_PYTHON) has neither rouge-score (${v.rouge_score.error}) nor sacrebleu (${v.sacrebleu.error})`);
    process.exit(2);
  }
  return found;
}
const pyName = {
  rouge: `rouge-score ${pyPeers.rouge?.version ?? '(no version metadata)'}`,
  sacrebleu: `sacrebleu ${pyPeers.sacrebleu?.version ?? '?'}`,
};

/**
 * A case timed by bench/python/peers.py in a process of its own: one process per call (warm-up, then one per
 * round); the rate is the one the process measured (units per CPU second), which replaces the timer's wall-clock
 * rate of the whole process after the rounds (adoptSelfTimedRates). The warm-up call also returns the peer's
 * numbers (for the agreement checks).
 */
function pythonCase(key, pyCase, c) {
  const python = pyPeers[key].python;
  const selfRates = []; // shared by the copies of the case object
  const cpuRates = [];
  let calls = 0;
  const fn = () => {
    const first = calls++ === 0;
    const argv = [PEERS_PY, '--data', pyData, '--case', pyCase, '--min-ms', String(config.minMs), ...(first ? ['--scores'] : [])];
    const p = spawnSync(python, argv, { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (p.error || p.status !== 0) throw new Error(`bench: ${python} bench/python/peers.py --case ${pyCase} failed: ${p.error?.message ?? p.stderr}`);
    const r = JSON.parse(p.stdout);
    selfRates.push(r.rate);
    cpuRates.push(r.cpuRate);
    return first ? r.scores : null;
  };
  // minMs 0: one process per sample (it makes its own sample of at least --min-ms of wall-clock time).
  return { ...c, who: 'peer', python: key, minMs: 0, selfRates, cpuRates, fn };
}
function adoptSelfTimedRates(cs) {
  for (const c of cs) {
    if (!c.selfRates) continue;
    c.processWallRates = c.rates; // the timer's view: the whole process, start-up included
    c.rates = c.selfRates.slice(-c.rates.length);
    c.cpuRates = c.cpuRates.slice(-c.rates.length); // the same samples by CPU time, for reference
    c.median = median(c.rates);
    c.min = Math.min(...c.rates);
    c.max = Math.max(...c.rates);
  }
}

/** A per-pair loop: `f(h, r)` for every pair, outputs kept (so nothing is optimized away, and for checks). */
const perPair = (hyps, refs, f) => () => {
  const out = new Array(hyps.length);
  for (let i = 0; i < hyps.length; i++) out[i] = f(hyps[i], refs[i]);
  return out;
};

const R4 = { types: ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] };
const R3 = { types: ['rouge1', 'rouge2', 'rougeL'] };
const rougeTok = ours.getTokenizer('rouge').tokenize;

function rougeCases(tag, w) {
  const n = w.hyps.length;
  const u = { unit: 'pairs', units: n };
  const { hyps, refs } = w;
  const cases = [
    { id: `ours.rouge4.${tag}`, who: 'ours', label: 'rouge() per pair: rouge1, rouge2, rougeL, rougeLsum', fn: perPair(hyps, refs, (h, r) => ours.rouge(h, r, R4)) },
    {
      id: `ours.scorer4.${tag}`,
      who: 'ours',
      label: 'createRougeScorer(4 types).score() per pair, a new scorer each pass (as rouge-score\'s RougeScorer(...).score)',
      fn: () => {
        const scorer = ours.createRougeScorer(R4);
        return perPair(hyps, refs, (h, r) => scorer.score(h, r))();
      },
    },
    { id: `ours.rouge3.${tag}`, who: 'ours', label: 'rouge() per pair: rouge1, rouge2, rougeL', fn: perPair(hyps, refs, (h, r) => ours.rouge(h, r, R3)) },
    { id: `ours.rouge1.${tag}`, who: 'ours', label: 'rouge() per pair: rouge1 only', fn: perPair(hyps, refs, (h, r) => ours.rouge(h, r, { types: ['rouge1'] })) },
    { id: `ours.rouge2.${tag}`, who: 'ours', label: 'rouge() per pair: rouge2 only', fn: perPair(hyps, refs, (h, r) => ours.rouge(h, r, { types: ['rouge2'] })) },
    { id: `ours.rougeL.${tag}`, who: 'ours', label: 'rouge() per pair: rougeL only', fn: perPair(hyps, refs, (h, r) => ours.rouge(h, r, { types: ['rougeL'] })) },
    { id: `ours.corpusRouge.${tag}`, who: 'ours', label: 'corpusRouge(): rouge1, rouge2, rougeL, rougeLsum', fn: () => ours.corpusRouge(hyps, refs, R4) },
    { id: `floor.rouge.${tag}`, who: 'floor', label: 'floor: rouge tokenizer + count 1-2-grams, per pair', fn: () => wordFloorPerPair(rougeTok, hyps, refs, 2) },
    { id: `peer.jsrouge.n1.${tag}`, who: 'peer', label: `js-rouge ${peers['js-rouge']} n(c, r, {n: 1})`, fn: perPair(hyps, refs, (h, r) => jsRouge.n(h, r, { n: 1 })) },
    { id: `peer.jsrouge.n2.${tag}`, who: 'peer', label: `js-rouge ${peers['js-rouge']} n(c, r, {n: 2})`, fn: perPair(hyps, refs, (h, r) => jsRouge.n(h, r, { n: 2 })) },
    { id: `peer.jsrouge.l.${tag}`, who: 'peer', label: `js-rouge ${peers['js-rouge']} l(c, r)`, fn: perPair(hyps, refs, (h, r) => jsRouge.l(h, r)) },
    { id: `peer.rouge.n1.${tag}`, who: 'peer', label: `rouge ${peers.rouge} n(c, r, 1)`, fn: perPair(hyps, refs, (h, r) => rougeOrig.n(h, r, 1)) },
    { id: `peer.rouge.n2.${tag}`, who: 'peer', label: `rouge ${peers.rouge} n(c, r, 2)`, fn: perPair(hyps, refs, (h, r) => rougeOrig.n(h, r, 2)) },
  ];
  if (tag === 'duc') {
    cases.splice(1, 0, { id: 'ours.rouge4stem.duc', who: 'ours', label: 'rouge() per pair, stemmer: true: rouge1, rouge2, rougeL, rougeLsum', fn: perPair(hyps, refs, (h, r) => ours.rouge(h, r, { ...R4, stemmer: true })) });
  }
  if (pyPeers.rouge) {
    const what = "RougeScorer(['rouge1', 'rouge2', 'rougeL', 'rougeLsum']).score(ref, hyp) per pair";
    cases.push(pythonCase('rouge', `rouge4.${tag}`, { id: `py.rougescore.rouge4.${tag}`, label: `${pyName.rouge} (Python): ${what}` }));
    if (tag === 'duc') cases.push(pythonCase('rouge', 'rouge4stem.duc', { id: 'py.rougescore.rouge4stem.duc', label: `${pyName.rouge} (Python), use_stemmer=True: ${what}` }));
  }
  return cases.map((c) => ({ ...u, ...c }));
}

// BLEU, chrF, NLTK BLEU, token F1 on the WMT segments. NLTK's functions take token arrays: the 13a tokens,
// made once outside the timing (as an NLTK user passes pre-tokenized text).
const tok13a = ours.getTokenizer('13a').tokenize;
const hypTok = wmt.hyps.map((h) => tok13a(h));
const refTokByString = new Map(wmt.uniqueRefs.map((r) => [r, tok13a(r)]));
const refTokSets = wmt.refs.map((r) => [refTokByString.get(r)]);
function mtCases() {
  const { hyps, refs } = wmt;
  const u = { unit: 'segments', units: hyps.length };
  return [
    { id: 'ours.corpusBleu.wmt', who: 'ours', label: 'corpusBleu()', fn: () => ours.corpusBleu(hyps, refs) },
    { id: 'ours.sentenceBleu.wmt', who: 'ours', label: 'sentenceBleu() per segment', fn: perPair(hyps, refs, (h, r) => ours.sentenceBleu(h, r)) },
    { id: 'ours.corpusChrf.wmt', who: 'ours', label: 'corpusChrf()', fn: () => ours.corpusChrf(hyps, refs) },
    { id: 'ours.corpusChrfpp.wmt', who: 'ours', label: 'corpusChrf({ wordOrder: 2 }) (chrF++)', fn: () => ours.corpusChrf(hyps, refs, { wordOrder: 2 }) },
    { id: 'ours.sentenceChrf.wmt', who: 'ours', label: 'sentenceChrf() per segment', fn: perPair(hyps, refs, (h, r) => ours.sentenceChrf(h, r)) },
    { id: 'ours.corpusBleuNltk.wmt', who: 'ours', label: 'corpusBleuNltk() on 13a tokens', fn: () => ours.corpusBleuNltk(refTokSets, hypTok) },
    { id: 'ours.sentenceBleuNltk.wmt', who: 'ours', label: 'sentenceBleuNltk() per segment on 13a tokens', fn: perPair(hypTok, refTokSets, (h, r) => ours.sentenceBleuNltk(r, h)) },
    { id: 'ours.tokenF1.wmt', who: 'ours', label: 'tokenF1() per pair', fn: perPair(hyps, refs, (h, r) => ours.tokenF1(h, r)) },
    { id: 'floor.bleu.wmt', who: 'floor', label: 'floor: 13a tokenizer + count 1-4-grams (references once)', fn: () => wordFloorCorpus(tok13a, hyps, refs, 4) },
    { id: 'floor.13a.wmt', who: 'floor', label: 'floor: 13a tokenizer alone (references once)', fn: () => wordFloorCorpus(tok13a, hyps, refs, 0) },
    { id: 'floor.chrf.wmt', who: 'floor', label: 'floor: code points without white space + count 1-6-grams (references once)', fn: () => charFloorCorpus(hyps, refs, 6) },
    { id: 'peer.bleuscore.wmt', who: 'peer', label: `bleu-score ${peers['bleu-score']} bleu(r, c, 4) per segment`, fn: perPair(hyps, refs, (h, r) => bleuScore(r, h, 4)) },
    ...(pyPeers.sacrebleu
      ? [
          pythonCase('sacrebleu', 'bleu.wmt', { id: 'py.sacrebleu.bleu.wmt', label: `${pyName.sacrebleu} (Python): corpus_bleu(hyps, [refs])` }),
          pythonCase('sacrebleu', 'chrf.wmt', { id: 'py.sacrebleu.chrf.wmt', label: `${pyName.sacrebleu} (Python): corpus_chrf(hyps, [refs])` }),
        ]
      : []),
  ].map((c) => ({ ...u, ...c }));
}

// Tokenizers (every WMT line once; zh on Chinese news) and the public n-gram counting.
function tokenizerCases() {
  const bytes = utf8Bytes(tokTexts);
  const mk = (name, texts, opts, label) => {
    const t = ours.getTokenizer(name, opts).tokenize;
    return {
      id: `ours.tok.${name}${opts?.stemmer ? '+stem' : ''}`,
      who: 'ours',
      label,
      unit: 'segments',
      units: texts.length,
      bytes: texts === tokTexts ? bytes : utf8Bytes(texts),
      fn: () => {
        let n = 0;
        for (const s of texts) n += t(s).length;
        return n;
      },
    };
  };
  const grams = () => {
    let n = 0;
    for (const toks of hypTokAll) for (let k = 1; k <= 4; k++) n += ours.ngramCounts(toks, k).size;
    return n;
  };
  return [
    mk('rouge', tokTexts, undefined, "getTokenizer('rouge') (rouge-score's)"),
    mk('rouge', tokTexts, { stemmer: true }, "getTokenizer('rouge', { stemmer: true }) (Porter)"),
    mk('13a', tokTexts, undefined, "getTokenizer('13a')"),
    mk('intl', tokTexts, undefined, "getTokenizer('intl')"),
    mk('char', tokTexts, undefined, "getTokenizer('char')"),
    mk('unicode', tokTexts, undefined, "getTokenizer('unicode')"),
    mk('whitespace', tokTexts, undefined, "getTokenizer('whitespace')"),
    { ...mk('zh', zh, undefined, "getTokenizer('zh'), on Chinese (newstest2019 en-zh reference, 1500 lines)"), id: 'ours.tok.zh' },
    { id: 'ours.ngramCounts', who: 'ours', label: 'ngramCounts(tokens, n) for n = 1..4, on 13a tokens', unit: 'segments', units: hypTokAll.length, fn: grams },
  ];
}
const hypTokAll = tokTexts.map((s) => tok13a(s));

let groups = [
  { name: 'ROUGE, WMT pairs', key: 'rouge-wmt', cases: rougeCases('wmt', wmt) },
  { name: 'ROUGE, DUC pairs', key: 'rouge-duc', cases: rougeCases('duc', duc) },
  { name: 'BLEU, chrF, NLTK BLEU, token F1, WMT segments', key: 'mt', cases: mtCases() },
  { name: 'Tokenizers and n-gram counting', key: 'tok', cases: tokenizerCases() },
];
if (config.only) {
  const re = new RegExp(config.only);
  groups = groups.map((g) => ({ ...g, cases: g.cases.filter((c) => re.test(c.id)) })).filter((g) => g.cases.length > 0);
}

log(`nlg-metrics ${ours.VERSION} bench: ${config.rounds} rounds, samples >= ${config.minMs} ms, Node ${process.version}`);
log(`workloads: WMT ${wmt.hyps.length} pairs, DUC ${duc.hyps.length} pairs, tokenizers ${tokTexts.length} lines (+ ${zh.length} zh)`);
for (const [k, p] of Object.entries(pyPeers)) log(`Python peer, same run: ${pyName[k]} in ${p.python} (Python ${p.pythonVersion}${p.nltk ? `, nltk ${p.nltk}` : ''}; ${p.path})`);
if (Object.keys(pyPeers).length === 0) log('Python peers: not run (no --python); rouge-score and sacrebleu only as fixed reference figures');
// The command line first, from a fresh bench process: after the in-process rounds this process's large heap
// keeps the machine busier during the child processes (measured: --jobs 2 read ~1.4x instead of ~1.6x).
let cli = null;
if (config.cli && (!config.only || /cli/.test(config.only))) {
  cli = await runCli();
}
runGroups(groups, { rounds: config.rounds, minMs: config.minMs, log });
adoptSelfTimedRates(groups.flatMap((g) => g.cases));

// ------------------------------------------------------------------------------------------ derived figures
const cases = new Map(groups.flatMap((g) => g.cases).map((c) => [c.id, c]));
const get = (id) => cases.get(id);
const derived = new Map();
for (const tag of ['wmt', 'duc']) {
  const j = ['n1', 'n2', 'l'].map((k) => get(`peer.jsrouge.${k}.${tag}`));
  if (j.every(Boolean)) derived.set(`peer.jsrouge.set.${tag}`, combine(`peer.jsrouge.set.${tag}`, `js-rouge n1 + n2 + l per pair (= rouge1, rouge2, rougeL)`, 'peer', j));
  const o = ['n1', 'n2'].map((k) => get(`peer.rouge.${k}.${tag}`));
  if (o.every(Boolean)) derived.set(`peer.rouge.set.${tag}`, combine(`peer.rouge.set.${tag}`, `rouge n1 + n2 per pair (= rouge1, rouge2 recall)`, 'peer', o));
}
const any = (id) => get(id) ?? derived.get(id);

/** Reference figures measured by the project for the Python peers on this machine type (not in this run). */
const REFERENCE = {
  'rouge-score.wmt': { label: 'rouge-score 0.1.2 (Python): rouge1, rouge2, rougeL, rougeLsum per pair', rate: 5100, unit: 'pairs' },
  'rouge-score.duc': { label: 'rouge-score 0.1.2 (Python): rouge1, rouge2, rougeL, rougeLsum per pair', rate: 330, unit: 'pairs' },
  'sacrebleu.bleu.wmt': { label: 'sacrebleu 2.6.0 (Python): corpus BLEU', rate: 11500, unit: 'segments' },
  'sacrebleu.chrf.wmt': { label: 'sacrebleu 2.6.0 (Python): corpus chrF', rate: 4400, unit: 'segments' },
};

// Ratios ours/peer (median of per-round ratios) and ours/floor.
const RATIO_SPECS = [
  ['ours.rouge4.wmt', 'peer.jsrouge.set.wmt', 'ROUGE per pair (4 types) vs js-rouge n1+n2+l (3 types)'],
  ['ours.scorer4.wmt', 'peer.jsrouge.set.wmt', 'createRougeScorer per pair (4 types) vs js-rouge n1+n2+l (3 types)'],
  ['ours.rouge3.wmt', 'peer.jsrouge.set.wmt', 'ROUGE per pair, same 3 types'],
  ['ours.corpusRouge.wmt', 'peer.jsrouge.set.wmt', 'corpusRouge (4 types) vs js-rouge n1+n2+l'],
  ['ours.rouge1.wmt', 'peer.jsrouge.n1.wmt', 'rouge1 vs js-rouge n=1'],
  ['ours.rouge2.wmt', 'peer.jsrouge.n2.wmt', 'rouge2 vs js-rouge n=2'],
  ['ours.rougeL.wmt', 'peer.jsrouge.l.wmt', 'rougeL vs js-rouge l'],
  ['ours.rouge1.wmt', 'peer.rouge.n1.wmt', 'rouge1 vs rouge n=1'],
  ['ours.rouge2.wmt', 'peer.rouge.n2.wmt', 'rouge2 vs rouge n=2'],
  ['ours.rouge4.duc', 'peer.jsrouge.set.duc', 'ROUGE per pair (4 types) vs js-rouge n1+n2+l (3 types)'],
  ['ours.scorer4.duc', 'peer.jsrouge.set.duc', 'createRougeScorer per pair (4 types) vs js-rouge n1+n2+l (3 types)'],
  ['ours.rouge3.duc', 'peer.jsrouge.set.duc', 'ROUGE per pair, same 3 types'],
  ['ours.corpusRouge.duc', 'peer.jsrouge.set.duc', 'corpusRouge (4 types) vs js-rouge n1+n2+l'],
  ['ours.rouge1.duc', 'peer.jsrouge.n1.duc', 'rouge1 vs js-rouge n=1'],
  ['ours.rouge2.duc', 'peer.jsrouge.n2.duc', 'rouge2 vs js-rouge n=2'],
  ['ours.rougeL.duc', 'peer.jsrouge.l.duc', 'rougeL vs js-rouge l'],
  ['ours.rouge1.duc', 'peer.rouge.n1.duc', 'rouge1 vs rouge n=1'],
  ['ours.rouge2.duc', 'peer.rouge.n2.duc', 'rouge2 vs rouge n=2'],
  ['ours.sentenceBleu.wmt', 'peer.bleuscore.wmt', 'sentenceBleu vs bleu-score, per segment'],
  ['ours.corpusBleu.wmt', 'peer.bleuscore.wmt', 'corpusBleu vs bleu-score per segment (its only API)'],
  // The Python references, when measured in this run (same workload, same types).
  ['ours.rouge4.wmt', 'py.rougescore.rouge4.wmt', 'ROUGE per pair (4 types) vs rouge-score per pair (4 types), same run'],
  ['ours.scorer4.wmt', 'py.rougescore.rouge4.wmt', 'createRougeScorer per pair (4 types) vs rouge-score RougeScorer per pair (4 types), same run'],
  ['ours.corpusRouge.wmt', 'py.rougescore.rouge4.wmt', 'corpusRouge (4 types) vs rouge-score per pair (4 types), same run'],
  ['ours.rouge4.duc', 'py.rougescore.rouge4.duc', 'ROUGE per pair (4 types) vs rouge-score per pair (4 types), same run'],
  ['ours.scorer4.duc', 'py.rougescore.rouge4.duc', 'createRougeScorer per pair (4 types) vs rouge-score RougeScorer per pair (4 types), same run'],
  ['ours.corpusRouge.duc', 'py.rougescore.rouge4.duc', 'corpusRouge (4 types) vs rouge-score per pair (4 types), same run'],
  ['ours.rouge4stem.duc', 'py.rougescore.rouge4stem.duc', 'ROUGE per pair with the Porter stemmer vs rouge-score use_stemmer=True, same run'],
  ['ours.corpusBleu.wmt', 'py.sacrebleu.bleu.wmt', 'corpusBleu vs sacrebleu corpus_bleu, same run'],
  ['ours.corpusChrf.wmt', 'py.sacrebleu.chrf.wmt', 'corpusChrf vs sacrebleu corpus_chrf, same run'],
];
const ratios = [];
for (const [a, b, label] of RATIO_SPECS) {
  const x = any(a);
  const y = any(b);
  if (x && y) ratios.push({ ours: a, peer: b, label, ...ratio(x, y) });
}
const FLOOR_SPECS = [
  ['ours.rouge4.wmt', 'floor.rouge.wmt'],
  ['ours.scorer4.wmt', 'floor.rouge.wmt'],
  ['ours.rouge3.wmt', 'floor.rouge.wmt'],
  ['ours.rouge1.wmt', 'floor.rouge.wmt'],
  ['ours.rouge2.wmt', 'floor.rouge.wmt'],
  ['ours.rougeL.wmt', 'floor.rouge.wmt'],
  ['ours.corpusRouge.wmt', 'floor.rouge.wmt'],
  ['ours.rouge4.duc', 'floor.rouge.duc'],
  ['ours.rouge4stem.duc', 'floor.rouge.duc'],
  ['ours.rouge3.duc', 'floor.rouge.duc'],
  ['ours.rouge1.duc', 'floor.rouge.duc'],
  ['ours.rouge2.duc', 'floor.rouge.duc'],
  ['ours.rougeL.duc', 'floor.rouge.duc'],
  ['ours.corpusRouge.duc', 'floor.rouge.duc'],
  ['ours.corpusBleu.wmt', 'floor.bleu.wmt'],
  ['ours.sentenceBleu.wmt', 'floor.bleu.wmt'],
  ['ours.corpusBleuNltk.wmt', 'floor.bleu.wmt'],
  ['ours.sentenceBleuNltk.wmt', 'floor.bleu.wmt'],
  ['ours.tokenF1.wmt', 'floor.bleu.wmt'],
  ['ours.corpusChrf.wmt', 'floor.chrf.wmt'],
  ['ours.corpusChrfpp.wmt', 'floor.chrf.wmt'],
  ['ours.sentenceChrf.wmt', 'floor.chrf.wmt'],
  ['floor.bleu.wmt', 'floor.13a.wmt'],
];
const floors = [];
for (const [a, b] of FLOOR_SPECS) {
  const x = any(a);
  const y = any(b);
  if (x && y) floors.push({ metric: a, floor: b, ...ratio(x, y) });
}

// Targets (from the ROUGE, BLEU/chrF and Scale issues). A target against a Python package is judged on the
// same-run ratio when the package was measured in this run (`py`), else on its fixed reference figure
// (`ref`, or the absolute `min` that figure implies); the ratio to the fixed figure is kept either way
// (`vsReference`), labelled as not of this run.
const targets = [];
const target = (label, id, { peer, py, ref, factor, min }) => {
  const c = any(id);
  if (!c) return;
  const t = { label, id, median: c.median };
  const q = py ? any(py) : null;
  if (peer) {
    const p = any(peer);
    if (!p) return;
    Object.assign(t, { against: peer, factor, ratio: ratio(c, p).median, sameRun: true });
    t.pass = t.ratio >= factor;
  } else if (q) {
    const r = ratio(c, q);
    Object.assign(t, { label: `${label} (same run)`, against: py, factor, ratio: r.median, ratioRange: [r.min, r.max], required: factor * q.median, sameRun: true });
    t.pass = t.ratio >= factor;
  } else if (min) {
    Object.assign(t, { required: min, sameRun: false });
    t.pass = c.median >= min;
  } else {
    Object.assign(t, { label: `${label} (fixed reference figure)`, against: ref, factor, ratio: c.median / REFERENCE[ref].rate, required: factor * REFERENCE[ref].rate, sameRun: false });
    t.pass = t.ratio >= factor;
  }
  if (ref) t.vsReference = { ref, rate: REFERENCE[ref].rate, ratio: c.median / REFERENCE[ref].rate };
  targets.push(t);
};
target('ROUGE >= 100x js-rouge, WMT (same run)', 'ours.rouge4.wmt', { peer: 'peer.jsrouge.set.wmt', factor: 100 });
target('ROUGE >= 100x js-rouge, WMT (same run), corpusRouge', 'ours.corpusRouge.wmt', { peer: 'peer.jsrouge.set.wmt', factor: 100 });
target('ROUGE >= 50x rouge-score, WMT', 'ours.rouge4.wmt', { py: 'py.rougescore.rouge4.wmt', ref: 'rouge-score.wmt', factor: 50 });
target('ROUGE >= 50x rouge-score, WMT, corpusRouge', 'ours.corpusRouge.wmt', { py: 'py.rougescore.rouge4.wmt', ref: 'rouge-score.wmt', factor: 50 });
target('ROUGE >= 50x rouge-score, WMT, createRougeScorer', 'ours.scorer4.wmt', { py: 'py.rougescore.rouge4.wmt', ref: 'rouge-score.wmt', factor: 50 });
target('ROUGE >= 50x rouge-score, DUC', 'ours.rouge4.duc', { py: 'py.rougescore.rouge4.duc', ref: 'rouge-score.duc', factor: 50 });
target('ROUGE >= 50x rouge-score, DUC, corpusRouge', 'ours.corpusRouge.duc', { py: 'py.rougescore.rouge4.duc', ref: 'rouge-score.duc', factor: 50 });
target('ROUGE >= 50x rouge-score, DUC, createRougeScorer', 'ours.scorer4.duc', { py: 'py.rougescore.rouge4.duc', ref: 'rouge-score.duc', factor: 50 });
if (any('py.sacrebleu.bleu.wmt')) {
  target('BLEU >= 30x sacrebleu', 'ours.corpusBleu.wmt', { py: 'py.sacrebleu.bleu.wmt', ref: 'sacrebleu.bleu.wmt', factor: 30 });
  target('chrF >= 30x sacrebleu', 'ours.corpusChrf.wmt', { py: 'py.sacrebleu.chrf.wmt', ref: 'sacrebleu.chrf.wmt', factor: 30 });
} else {
  target('BLEU >= 350,000 segments/s (30x sacrebleu)', 'ours.corpusBleu.wmt', { min: 350000, ref: 'sacrebleu.bleu.wmt' });
  target('chrF >= 130,000 segments/s (30x sacrebleu)', 'ours.corpusChrf.wmt', { min: 130000, ref: 'sacrebleu.chrf.wmt' });
}

// ------------------------------------------------------------------ do the peers compute the same numbers?
const close = (a, b) => Math.abs(a - b) <= Math.max(1e-9 * Math.abs(b), 1e-15);
function agreement(label, peerId, oursVals, peerOf) {
  const c = get(peerId);
  if (!c || !oursVals) return null;
  const p = c.warm;
  return compareValues(label, peerId, oursVals, p.map(peerOf), close);
}
function compareValues(label, peerId, oursVals, peerVals, eq, tolerance) {
  let same = 0;
  let absDiff = 0;
  let maxAbsDiff = 0;
  let finite = 0;
  for (let i = 0; i < peerVals.length; i++) {
    const v = peerVals[i];
    if (!Number.isFinite(v)) continue;
    finite++;
    if (eq(v, oursVals[i])) same++;
    const d = Math.abs(v - oursVals[i]);
    absDiff += d;
    if (Number.isNaN(d) || d > maxAbsDiff) maxAbsDiff = d; // NaN (ours not finite) sticks
  }
  return { label, peer: peerId, pairs: peerVals.length, finite, same, meanAbsDiff: finite ? absDiff / finite : NaN, maxAbsDiff, ...(tolerance ? { tolerance } : {}) };
}
const agreements = [];
for (const tag of ['wmt', 'duc']) {
  const o = get(`ours.rouge4.${tag}`)?.warm;
  const sc = get(`ours.scorer4.${tag}`)?.warm;
  if (o && sc) {
    const flat = (xs) => xs.flatMap((s) => R4.types.flatMap((t) => [s[t].precision, s[t].recall, s[t].fmeasure]));
    agreements.push(compareValues(`createRougeScorer().score vs rouge(), every P/R/F (${tag.toUpperCase()})`, `ours.scorer4.${tag}`, flat(o), flat(sc), (a, b) => a === b, 0));
  }
  const f = (t, k) => o?.map((s) => s[t][k]);
  agreements.push(
    agreement(`js-rouge n=1 vs our rouge1 F (${tag.toUpperCase()})`, `peer.jsrouge.n1.${tag}`, f('rouge1', 'fmeasure'), (x) => x),
    agreement(`js-rouge n=2 vs our rouge2 F (${tag.toUpperCase()})`, `peer.jsrouge.n2.${tag}`, f('rouge2', 'fmeasure'), (x) => x),
    agreement(`js-rouge l vs our rougeL F (${tag.toUpperCase()})`, `peer.jsrouge.l.${tag}`, f('rougeL', 'fmeasure'), (x) => x),
    agreement(`js-rouge l vs our rougeLsum F (${tag.toUpperCase()})`, `peer.jsrouge.l.${tag}`, f('rougeLsum', 'fmeasure'), (x) => x),
    agreement(`rouge n=1 vs our rouge1 recall (${tag.toUpperCase()})`, `peer.rouge.n1.${tag}`, f('rouge1', 'recall'), (x) => x),
    agreement(`rouge n=2 vs our rouge2 recall (${tag.toUpperCase()})`, `peer.rouge.n2.${tag}`, f('rouge2', 'recall'), (x) => x),
  );
}
if (get('peer.bleuscore.wmt')) {
  const def = wmt.hyps.map((h, i) => ours.sentenceBleu(h, wmt.refs[i]).score / 100);
  const plain = wmt.hyps.map((h, i) => ours.sentenceBleu(h, wmt.refs[i], { tokenize: 'none', smoothMethod: 'none' }).score / 100);
  agreements.push(
    agreement('bleu-score vs our sentenceBleu / 100 (defaults: 13a, exp smoothing)', 'peer.bleuscore.wmt', def, (x) => x),
    agreement("bleu-score vs our sentenceBleu({ tokenize: 'none', smoothMethod: 'none' }) / 100", 'peer.bleuscore.wmt', plain, (x) => x),
  );
}
// The Python references must give our numbers exactly (to 1e-9 absolute): rouge-score's F-measure of every
// pair and type, sacrebleu's corpus score (its warm-up outputs).
const within1e9 = (a, b) => Math.abs(a - b) <= 1e-9;
for (const [tag, ourId, pyId, what] of [
  ['WMT', 'ours.rouge4.wmt', 'py.rougescore.rouge4.wmt', ''],
  ['DUC', 'ours.rouge4.duc', 'py.rougescore.rouge4.duc', ''],
  ['DUC', 'ours.rouge4stem.duc', 'py.rougescore.rouge4stem.duc', ', use_stemmer=True'],
]) {
  const o = get(ourId)?.warm;
  const p = get(pyId)?.warm;
  if (!o || !p) continue;
  for (const t of R4.types) {
    agreements.push(compareValues(`${pyName.rouge}${what} vs our ${t} F (${tag})`, pyId, o.map((s) => s[t].fmeasure), p[t], within1e9, 1e-9));
  }
}
for (const [ourId, pyId, what] of [
  ['ours.corpusBleu.wmt', 'py.sacrebleu.bleu.wmt', 'corpus_bleu vs our corpusBleu'],
  ['ours.corpusChrf.wmt', 'py.sacrebleu.chrf.wmt', 'corpus_chrf vs our corpusChrf'],
]) {
  const o = get(ourId)?.warm;
  const p = get(pyId)?.warm;
  if (o && p) agreements.push({ ...compareValues(`${pyName.sacrebleu} ${what} (score, WMT)`, pyId, [o.score], [p.score], within1e9, 1e-9), peerText: p.text, ours: o.score, theirs: p.score });
}
// Probe the peers' other functions once (not timed): what do they do on these texts?
const probes = [];
{
  const [h, r] = [duc.hyps[0], duc.refs[0]];
  try {
    probes.push({ peer: 'rouge', call: 'l(c, r)', result: String(rougeOrig.l(h, r)) });
  } catch (e) {
    probes.push({ peer: 'rouge', call: 'l(c, r)', result: `throws ${e.name}: ${e.message}` });
  }
  try {
    probes.push({ peer: 'rouge', call: 's(c, r)', result: String(rougeOrig.s(h, r)) });
  } catch (e) {
    probes.push({ peer: 'rouge', call: 's(c, r)', result: `throws ${e.name}: ${e.message}` });
  }
}

// ---------------------------------------------------------------------------------------------------- CLI

async function runCli() {
  log(`CLI: ${config.cliCopies} copies of the WMT pairs`);
  const dir = mkdtempSync(join(tmpdir(), 'nlgm-bench-'));
  try {
    const hypFile = join(dir, 'hyp.txt');
    const refFile = join(dir, 'ref.txt');
    const hypText = wmt.hyps.join('\n') + '\n';
    const refText = wmt.refs.join('\n') + '\n';
    writeFileSync(hypFile, hypText.repeat(config.cliCopies));
    writeFileSync(refFile, refText.repeat(config.cliCopies));
    const lines = wmt.hyps.length * config.cliCopies;
    const bytes = statSync(hypFile).size + statSync(refFile).size;
    const exec = (argv) => {
      const t0 = process.hrtime.bigint();
      const p = spawnSync(process.execPath, [distCli, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      if (p.status !== 0) throw new Error(`bench: nlg-metrics ${argv.join(' ')} exited ${p.status}: ${p.stderr}`);
      return { s, stdout: p.stdout };
    };
    const startup = [];
    for (let i = 0; i < 5; i++) startup.push(exec(['--version']).s);
    const commands = [
      { metrics: 'rouge1,rouge2,rougeL,rougeLsum,bleu,chrf', label: 'default metrics (rouge1, rouge2, rougeL, rougeLsum, bleu, chrf)' },
      { metrics: 'bleu', label: 'bleu only' },
      { metrics: 'chrf', label: 'chrf only' },
    ];
    const out = [];
    for (const c of commands) {
      const argv = ['score', '--hyp', hypFile, '--ref', refFile, '--metrics', c.metrics, '--format', 'json', '--no-progress'];
      const times = [];
      let result = null;
      const t0 = performance.now();
      while (times.length < config.cliRuns && (times.length === 0 || performance.now() - t0 < config.cliBudgetS * 1000)) {
        const r = exec(argv);
        times.push(r.s);
        result = JSON.parse(r.stdout);
      }
      const s = median(times);
      const row = { ...c, command: `node dist/cli.js ${argv.join(' ').replaceAll(dir, '$TMP')}`, runs: times.length, seconds: times, medianS: s, linesPerS: lines / s, mbPerS: bytes / 1e6 / s };
      row.check = { bleu: result.bleu?.score, chrf: result.chrf?.score, rouge1: result.rouge1?.fmeasure };
      out.push(row);
      log(`  ${c.label.padEnd(64)} ${fmt(row.linesPerS)} lines/s (median of ${times.length}: ${s.toFixed(2)} s)`);
    }
    // --jobs (the Scale issue: at least 1.5x faster on 2 cores for large inputs): the default metrics with
    // --jobs 1 and with one thread per core, alternating (the order flips each round), same output.
    const threads = availableParallelism();
    const jobs = { threads, runs: [], target: 1.5 };
    if (threads > 1) {
      const argvJobs = (n) => ['score', '--hyp', hypFile, '--ref', refFile, '--format', 'json', '--no-progress', '--jobs', String(n)];
      for (let r = 0; r < Math.max(5, config.cliRuns); r++) {
        const order = r % 2 === 0 ? [1, threads] : [threads, 1];
        const got = {};
        for (const n of order) got[n] = exec(argvJobs(n));
        if (got[1].stdout !== got[threads].stdout) throw new Error(`bench: score --jobs ${threads} printed other numbers than --jobs 1`);
        // What the machine offers at this moment: as many independent --jobs 1 processes as threads, at once.
        // Their throughput over one alone bounds any speed-up from threads (shared or contended cores).
        const together = await concurrently(threads, argvJobs(1));
        const capacity = (threads * got[1].s) / together;
        jobs.runs.push({ one: got[1].s, many: got[threads].s, speedup: got[1].s / got[threads].s, together, capacity });
      }
      jobs.speedup = median(jobs.runs.map((x) => x.speedup));
      jobs.capacity = median(jobs.runs.map((x) => x.capacity));
      jobs.pass = jobs.speedup >= jobs.target;
      log(`  default metrics, --jobs 1 vs --jobs ${threads}: ${jobs.speedup.toFixed(2)}x faster (median of ${jobs.runs.length} alternating pairs: ${jobs.runs.map((x) => x.speedup.toFixed(2)).join(', ')}); ${threads} independent --jobs 1 processes at once: ${jobs.capacity.toFixed(2)}x the throughput of one (${jobs.runs.map((x) => x.capacity.toFixed(2)).join(', ')})`);
    }
    return { copies: config.cliCopies, lines, bytes, startupMedianS: median(startup), commands: out, jobs };

    /** Seconds until all of `k` copies of the command, started at once, have exited. */
    function concurrently(k, argv) {
      const t0 = process.hrtime.bigint();
      const one = () =>
        new Promise((resolve, reject) => {
          const p = spawn(process.execPath, [distCli, ...argv], { stdio: ['ignore', 'ignore', 'inherit'] });
          p.on('error', reject);
          p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench: nlg-metrics ${argv.join(' ')} exited ${code}`))));
        });
      return Promise.all(Array.from({ length: k }, one)).then(() => Number(process.hrtime.bigint() - t0) / 1e9);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------- output
function fmt(x) {
  return Math.round(x).toLocaleString('en-US');
}
log('');
for (const g of groups) {
  log(`${g.name}`);
  for (const c of g.cases) log(`  ${c.label.padEnd(86)} ${fmt(c.median).padStart(11)} ${c.unit}/s  (${fmt(c.min)}-${fmt(c.max)})`);
}
for (const d of derived.values()) log(`  ${d.label.padEnd(86)} ${fmt(d.median).padStart(11)} ${d.unit}/s`);
log('\nratios ours/peer (median of per-round ratios)');
for (const r of ratios) log(`  ${r.ours.padEnd(24)} / ${r.peer.padEnd(24)} ${r.median.toFixed(1).padStart(8)}x  ${r.label}`);
log('\nmetric as a fraction of its floor');
for (const f of floors) log(`  ${f.metric.padEnd(28)} / ${f.floor.padEnd(18)} ${(f.median * 100).toFixed(1).padStart(6)}%`);
log('\ntargets');
for (const t of targets) {
  const what = t.factor ? `${t.ratio.toFixed(1)}x (need ${t.factor}x)` : `${fmt(t.median)}/s (need ${fmt(t.required)})`;
  const fixed = t.vsReference && t.sameRun ? `; vs the fixed reference figure (not this run) ${t.vsReference.ratio.toFixed(1)}x` : t.vsReference && !t.factor ? `; ${t.vsReference.ratio.toFixed(1)}x the fixed reference figure` : '';
  log(`  ${t.pass ? 'MET   ' : 'MISSED'} ${t.label.padEnd(66)} ${what}${fixed}`);
}
log('\nagreement with our numbers (from the warm-up outputs)');
for (const a of agreements.filter(Boolean)) log(`  ${a.label.padEnd(84)} ${a.same}/${a.pairs} equal, mean |diff| ${a.meanAbsDiff.toExponential(2)}, max ${a.maxAbsDiff.toExponential(2)}`);
for (const p of probes) log(`  ${p.peer} ${p.call}: ${p.result}`);

const elapsedS = (performance.now() - started) / 1000;
log(`\ntotal ${elapsedS.toFixed(0)} s`);

const machine = {
  cpu: cpuModel(),
  cores: typeof availableParallelism === 'function' ? availableParallelism() : cpus().length,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  v8: process.versions.v8,
  os: `${platform()} ${release()} ${arch()}`,
};
function cpuModel() {
  try {
    const m = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}
function git() {
  const r = (a) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' });
  const head = r(['rev-parse', '--short', 'HEAD']).stdout?.trim() || null;
  const dirty = (r(['status', '--porcelain', '--', 'src']).stdout ?? '').trim() !== '';
  return { head, srcDirty: dirty };
}

const strip = (c) => {
  const { fn, warm, sink, ...rest } = c;
  return rest;
};
const results = {
  package: { name: 'nlg-metrics', version: ours.VERSION, dist: distIndex.replace(ROOT, ''), built: statSync(distIndex).mtime.toISOString() },
  date: new Date().toISOString(),
  machine,
  git: git(),
  config,
  peers,
  pythonPeers: Object.keys(pyPeers).length ? Object.fromEntries(Object.entries(pyPeers).map(([k, v]) => [k, { name: pyName[k], ...v }])) : null,
  elapsedS,
  workloads: {
    wmt: { pairs: wmt.hyps.length, what: 'hyp.KIT.4950.de + hyp.LIUM-NMT.4900.de + hyp.uedin-nmt.4722.de vs ref.de x3' },
    duc: { pairs: duc.hyps.length, what: 'DUC 2004 s1, s2 system summaries x 4 references each, 25 topics' },
    tokenizers: { segments: tokTexts.length, bytes: utf8Bytes(tokTexts), zhSegments: zh.length },
  },
  groups: groups.map((g) => ({ name: g.name, key: g.key, cases: g.cases.map(strip) })),
  derived: [...derived.values()],
  reference: REFERENCE,
  ratios,
  floors,
  targets,
  agreements: agreements.filter(Boolean),
  probes,
  cli,
};
if (!args['no-write']) {
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  log('wrote bench/results.json');
  if (!config.quick && !config.only) {
    writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), writeResultsMd(results));
    log('wrote bench/RESULTS.md');
  }
}
