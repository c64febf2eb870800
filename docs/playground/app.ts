// The playground's script: bundled with esbuild by scripts/build-playground.mjs into app.js.
import { corpusChrf, rouge, sentenceBleu } from 'nlg-metrics';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const fmt = (x: number, digits: number): string => x.toFixed(digits);

function update(): void {
  const hypothesis = $<HTMLTextAreaElement>('hypothesis').value;
  const references = $<HTMLTextAreaElement>('references').value.split(/\r?\n/).filter((l) => l.trim() !== '');
  const errorBox = $('error');
  if (references.length === 0) {
    errorBox.textContent = 'Enter at least one reference.';
    return;
  }
  errorBox.textContent = '';
  const r = rouge(hypothesis, references, { stemmer: $<HTMLInputElement>('stemmer').checked });
  const bleu = sentenceBleu(hypothesis, references);
  const chrf = corpusChrf([hypothesis], [references]);
  $('rouge-rows').innerHTML = '';
  const bars: [string, number][] = [];
  for (const [type, s] of Object.entries(r)) {
    const tr = document.createElement('tr');
    tr.dataset.type = type;
    for (const cell of [type, fmt(s.precision, 4), fmt(s.recall, 4), fmt(s.fmeasure, 4)]) {
      const td = document.createElement('td');
      td.textContent = cell;
      tr.append(td);
    }
    $('rouge-rows').append(tr);
    bars.push([type, s.fmeasure * 100]);
  }
  $('bleu').textContent = fmt(bleu.score, 2);
  $('bleu-signature').textContent = bleu.signature;
  $('chrf').textContent = fmt(chrf.score, 2);
  $('chrf-signature').textContent = chrf.signature;
  bars.push(['BLEU', bleu.score], ['chrF', chrf.score]);
  const chart = $('chart');
  chart.innerHTML = '';
  for (const [name, value] of bars) {
    const row = document.createElement('div');
    row.className = 'bar';
    row.dataset.metric = name;
    row.innerHTML = `<span></span><div class="track"><div class="fill"></div></div><span></span>`;
    (row.children[0] as HTMLElement).textContent = name;
    ((row.children[1] as HTMLElement).firstElementChild as HTMLElement).style.width = `${Math.max(0, Math.min(100, value))}%`;
    (row.children[2] as HTMLElement).textContent = fmt(value, 1);
    chart.append(row);
  }
}

for (const id of ['hypothesis', 'references', 'stemmer']) $(id).addEventListener('input', update);
update();
