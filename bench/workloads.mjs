// The benchmark workloads, read from bench/data/ (copies of ../shared/corpus/, committed so a fresh clone can
// run the bench). The same texts are given to our package and to every peer.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DATA = fileURLToPath(new URL('./data/', import.meta.url));

/** Lines of a data file (LF), without the empty string after the final newline. */
export function lines(path) {
  const l = readFileSync(DATA + path, 'utf8').split('\n');
  if (l.at(-1) === '') l.pop();
  return l;
}

/** UTF-8 size of some texts, in bytes. */
export function utf8Bytes(texts) {
  let n = 0;
  for (const t of texts) n += Buffer.byteLength(t, 'utf8');
  return n;
}

export const WMT_SYSTEMS = ['hyp.KIT.4950.de', 'hyp.LIUM-NMT.4900.de', 'hyp.uedin-nmt.4722.de'];

/**
 * MT pairs (the workload of the Python peer timings): hypotheses = the KIT, LIUM-NMT and uedin-nmt outputs for
 * WMT17 newstest2017 en→de concatenated (4506 lines); references = ref.de repeated three times (one each).
 */
export function loadWmt() {
  const ref = lines('wmt17-ende/ref.de');
  const hyps = WMT_SYSTEMS.flatMap((f) => lines(`wmt17-ende/${f}`));
  const refs = [...ref, ...ref, ...ref];
  if (hyps.length !== refs.length || hyps.length !== 4506) {
    throw new Error(`bench: WMT workload has ${hyps.length} hypotheses and ${refs.length} references, expected 4506`);
  }
  return { hyps, refs, uniqueRefs: ref };
}

/**
 * Summary pairs: each DUC 2004 system summary (`s1` tokenized, `s2` detokenized) of the 25 topics against each
 * of its 4 human references in the same form (`references.s1` / `references.s2`) = 200 multi-line pairs.
 */
export function loadDuc() {
  const topics = lines('duc2004/summaries.jsonl').map((l) => JSON.parse(l));
  const hyps = [];
  const refs = [];
  for (const t of topics) {
    for (const k of ['s1', 's2']) {
      for (const r of t.references[k]) {
        hyps.push(t.systems[k]);
        refs.push(r);
      }
    }
  }
  if (hyps.length !== 200) throw new Error(`bench: DUC workload has ${hyps.length} pairs, expected 200`);
  return { hyps, refs };
}

/** Chinese text for the zh tokenizer: the WMT newstest2019 en→zh reference (1500 lines). */
export function loadZh() {
  return lines('news-mono/newstest2019-ref.zh');
}
