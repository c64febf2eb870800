#!/usr/bin/env python3
"""Times the Python reference implementations on the bench workloads: rouge-score and sacrebleu.

Started by bench/run.mjs (`--python`, `--python-rouge`, `--python-sacrebleu`), once per case and round, so
that every round of the bench has a same-run figure for the packages nlg-metrics reproduces. Also usable on
its own:

    python bench/python/peers.py --versions
    python bench/python/peers.py --case rouge4.wmt [--min-ms 150] [--scores] [--data workloads.json]

Cases (the workloads of the project's Python reference figures, bench/README.md):

    rouge4.wmt      rouge-score RougeScorer(['rouge1', 'rouge2', 'rougeL', 'rougeLsum']).score(ref, hyp)
                    for each of the 4506 WMT pairs
    rouge4.duc      the same for each of the 200 DUC pairs (multi-line texts passed as they are: rougeLsum
                    splits them on "\\n", one sentence a line)
    rouge4stem.duc  the same with use_stemmer=True
    bleu.wmt        sacrebleu.corpus_bleu(hyps, [refs]) on the WMT pairs (defaults: 13a, exp smoothing)
    chrf.wmt        sacrebleu.corpus_chrf(hyps, [refs]) on the WMT pairs (chrF2, defaults)

One sample = whole passes over the workload until at least --min-ms of wall-clock time (time.perf_counter,
the clock bench/run.mjs times our cases with, so both sides count the time lost to other processes on a
shared machine alike; at least one pass). Prints one JSON object: the rate (units per wall-clock second),
the same by CPU time (cpuRate, time.process_time), the passes, the seconds, the versions, and
with --scores the numbers of the last pass (per pair F-measures for ROUGE, the corpus score for sacrebleu),
for bench/run.mjs to check against ours.

--data FILE reads the texts from a JSON file {"wmt": {"hyps": [...], "refs": [...]}, "duc": {...}} (what
bench/run.mjs writes, so both sides get the very same strings); without it they are read from bench/data/
the way bench/workloads.mjs reads them.
"""

import argparse
import json
import os
import platform
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'data')
WMT_SYSTEMS = ['hyp.KIT.4950.de', 'hyp.LIUM-NMT.4900.de', 'hyp.uedin-nmt.4722.de']
ROUGE_TYPES = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum']


def lines(path):
    """Lines of a data file split on LF only (as bench/workloads.mjs), without the empty string after the
    final newline. newline='' keeps any CR as it is (no universal-newline translation)."""
    with open(os.path.join(DATA, path), encoding='utf-8', newline='') as f:
        out = f.read().split('\n')
    if out and out[-1] == '':
        out.pop()
    return out


def load_wmt():
    ref = lines('wmt17-ende/ref.de')
    hyps = [h for s in WMT_SYSTEMS for h in lines('wmt17-ende/' + s)]
    refs = ref * 3
    if len(hyps) != len(refs) or len(hyps) != 4506:
        raise SystemExit('peers.py: WMT workload has %d hypotheses and %d references, expected 4506' % (len(hyps), len(refs)))
    return {'hyps': hyps, 'refs': refs}


def load_duc():
    hyps, refs = [], []
    for line in lines('duc2004/summaries.jsonl'):
        t = json.loads(line)
        for k in ('s1', 's2'):
            for r in t['references'][k]:
                hyps.append(t['systems'][k])
                refs.append(r)
    if len(hyps) != 200:
        raise SystemExit('peers.py: DUC workload has %d pairs, expected 200' % len(hyps))
    return {'hyps': hyps, 'refs': refs}


def version_of(*names):
    try:
        from importlib import metadata
    except ImportError:  # Python < 3.8
        return None
    for n in names:
        try:
            return metadata.version(n)
        except Exception:  # not installed as a distribution (e.g. a source copy on sys.path)
            pass
    return None


def versions(which=('rouge_score', 'sacrebleu')):
    out = {'python': platform.python_version(), 'executable': sys.executable}
    if 'rouge_score' in which:
        try:
            from rouge_score import rouge_scorer
            import nltk
            out['rouge_score'] = {'version': version_of('rouge-score', 'rouge_score'), 'path': os.path.dirname(rouge_scorer.__file__), 'nltk': nltk.__version__}
        except Exception as e:  # missing package or one of its imports (absl, nltk, numpy, six)
            out['rouge_score'] = {'error': '%s: %s' % (type(e).__name__, e)}
    if 'sacrebleu' in which:
        try:
            import sacrebleu
            out['sacrebleu'] = {'version': getattr(sacrebleu, '__version__', None) or version_of('sacrebleu'), 'path': os.path.dirname(sacrebleu.__file__)}
        except Exception as e:
            out['sacrebleu'] = {'error': '%s: %s' % (type(e).__name__, e)}
    return out


def make_case(name, texts):
    """Returns (impl, units, unit, one_pass, scores_of_last_pass)."""
    workload = name.split('.')[1]
    w = texts[workload]
    hyps, refs = w['hyps'], w['refs']
    if name in ('rouge4.wmt', 'rouge4.duc', 'rouge4stem.duc'):
        from rouge_score import rouge_scorer
        scorer = rouge_scorer.RougeScorer(ROUGE_TYPES, use_stemmer=name.startswith('rouge4stem'))
        score = scorer.score
        pairs = list(zip(refs, hyps))

        def one_pass():
            return [score(r, h) for r, h in pairs]

        def scores(out):
            return {t: [s[t].fmeasure for s in out] for t in ROUGE_TYPES}

        return 'rouge_score', len(pairs), 'pairs', one_pass, scores
    if name in ('bleu.wmt', 'chrf.wmt'):
        import sacrebleu
        f = sacrebleu.corpus_bleu if name == 'bleu.wmt' else sacrebleu.corpus_chrf
        ref_streams = [refs]

        def one_pass():
            return f(hyps, ref_streams)

        def scores(out):
            return {'score': out.score, 'text': str(out)}

        return 'sacrebleu', len(hyps), 'segments', one_pass, scores
    raise SystemExit('peers.py: unknown case %r (rouge4.wmt, rouge4.duc, rouge4stem.duc, bleu.wmt, chrf.wmt)' % name)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--case', help='rouge4.wmt, rouge4.duc, rouge4stem.duc, bleu.wmt or chrf.wmt')
    ap.add_argument('--min-ms', type=float, default=150, help='minimum wall-clock time of the sample, ms (default 150; one pass at least)')
    ap.add_argument('--scores', action='store_true', help='also print the numbers of the last pass')
    ap.add_argument('--data', help='JSON file with the texts (default: read bench/data/)')
    ap.add_argument('--versions', action='store_true', help='print which peers this Python has, and exit')
    a = ap.parse_args()
    if a.versions:
        print(json.dumps(versions()))
        return
    if not a.case:
        ap.error('--case or --versions is needed')
    if a.data:
        with open(a.data, encoding='utf-8') as f:
            texts = json.load(f)
    else:
        texts = {'wmt': load_wmt(), 'duc': load_duc()}
    impl, units, unit, one_pass, scores = make_case(a.case, texts)
    min_s = a.min_ms / 1000
    passes = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    while True:
        out = one_pass()
        passes += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= min_s:
            break
    cpu = max(time.process_time() - c0, 1e-9)
    res = {
        'case': a.case,
        'impl': impl,
        'version': versions((impl,))[impl].get('version'),
        'python': platform.python_version(),
        'unit': unit,
        'units': units,
        'passes': passes,
        'seconds': elapsed,
        'rate': units * passes / elapsed,
        'cpuSeconds': cpu,
        'cpuRate': units * passes / cpu,
    }
    if a.scores:
        res['scores'] = scores(out)
    json.dump(res, sys.stdout)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
