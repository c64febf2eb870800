// Interleaved timing. The machine is shared and noisy, so absolute figures drift; what we report are ratios
// between cases timed close together. Every round runs every case of a group once, one after the other
// (the order rotates from round to round so no case always follows the same neighbour), and a ratio
// ours/peer is taken within each round, then the median over rounds is reported.

const now = () => process.hrtime.bigint();

/**
 * One sample of a case: call `fn` (one pass over the whole workload) until at least `minMs` have passed
 * (at least once). Returns units per second.
 */
function sample(c, minMs) {
  const budget = BigInt(Math.round(minMs * 1e6));
  let calls = 0;
  const t0 = now();
  let t = t0;
  do {
    c.sink = c.fn();
    calls++;
    t = now();
  } while (t - t0 < budget);
  return (c.units * calls) / (Number(t - t0) / 1e9);
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs the groups: a warm-up pass of every case (its output is kept in `c.warm` for the agreement checks),
 * then `rounds` interleaved rounds. Fills `c.rates` (units/s per round).
 * @param groups [{ name, cases: [{ id, label, who: 'ours'|'peer'|'floor', unit, units, fn }] }]
 */
export function runGroups(groups, { rounds, minMs, log }) {
  for (const g of groups) {
    const t0 = performance.now();
    for (const c of g.cases) {
      c.rates = [];
      const w0 = performance.now();
      c.warm = c.fn(); // warm-up (and the value kept for agreement checks)
      if (performance.now() - w0 < 250) c.fn(); // short cases: a second pass, so the timed code is optimized
    }
    log(`  ${g.name}: warm-up ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const g of groups) {
      const n = g.cases.length;
      for (let k = 0; k < n; k++) {
        const c = g.cases[(k + r) % n];
        c.rates.push(sample(c, c.minMs ?? minMs));
      }
    }
    log(`  round ${r + 1}/${rounds}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  for (const g of groups) {
    for (const c of g.cases) {
      c.median = median(c.rates);
      c.min = Math.min(...c.rates);
      c.max = Math.max(...c.rates);
    }
  }
}

/**
 * The rate of doing several cases one after the other on the same workload (e.g. js-rouge n=1, n=2 and l per
 * pair = one "ROUGE-1, ROUGE-2, ROUGE-L" evaluation): per round 1 / Σ 1/rate.
 */
export function combine(id, label, who, parts) {
  const rounds = parts[0].rates.length;
  const rates = [];
  for (let r = 0; r < rounds; r++) rates.push(1 / parts.reduce((s, p) => s + 1 / p.rates[r], 0));
  return {
    id,
    label,
    who,
    unit: parts[0].unit,
    units: parts[0].units,
    combinedOf: parts.map((p) => p.id),
    rates,
    median: median(rates),
    min: Math.min(...rates),
    max: Math.max(...rates),
  };
}

/** Median over rounds of the per-round ratio a/b. */
export function ratio(a, b) {
  const rs = a.rates.map((x, r) => x / b.rates[r]);
  return { median: median(rs), min: Math.min(...rs), max: Math.max(...rs) };
}
