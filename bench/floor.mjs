// The "floor": a bare pass that only tokenizes and counts n-grams, with nothing a metric adds on top (no
// clipping, no LCS, no multi-reference logic, no validation, no result objects, no per-call set-up: one
// vocabulary and one set of buffers for the whole pass). A metric can hardly be faster than this on the same
// text, so a metric's speed as a fraction of its floor says how much of its time is the unavoidable part.
//
// Written here (not imported from the package) because the package's n-gram core is internal. Tokens are
// interned to integer ids (code points for characters); the n-grams of each order are counted per segment in
// a small open-addressing table that stays in cache, keyed by a 32-bit hash of their ids built order by order
// (h(n-gram) = mix(h(its (n-1)-gram prefix), last id)). Collisions of that hash are not resolved: this is a
// timing floor, not a metric (its checksum only keeps the work from being optimized away).

function mix(h, id) {
  let x = Math.imul(h ^ 0x27d4eb2f, 0x9e3779b1) ^ Math.imul(id + 0x7f4a7c15, 0x85ebca77);
  x ^= x >>> 15;
  x = Math.imul(x, 0x2c1b3c6d);
  return x ^ (x >>> 13);
}

/** The state of one pass: per-order hash buffers and one reusable per-segment counting table. */
class Pass {
  constructor(maxOrder) {
    this.maxOrder = maxOrder;
    this.bufs = [];
    for (let n = 0; n <= maxOrder; n++) this.bufs[n] = new Int32Array(256);
    // Slot j of the counting table is table[3j] = generation stamp (the slot is in use in the current
    // segment and order iff it equals gen), table[3j + 1] = key, table[3j + 2] = count: one cache line a probe.
    this.table = new Int32Array(3 * 1024);
    this.gen = 0;
  }

  buf(n, len) {
    if (this.bufs[n].length < len) this.bufs[n] = new Int32Array(Math.max(len, this.bufs[n].length * 2));
    return this.bufs[n];
  }

  /** Counts the n-grams of orders 1..maxOrder of ids[0..len); returns the number of distinct n-grams. */
  count(ids, len) {
    let distinct = 0;
    let prev = ids;
    for (let n = 1; n <= this.maxOrder; n++) {
      const m = len - n + 1;
      if (m <= 0) break;
      let cur = prev;
      if (n > 1) {
        cur = this.buf(n, m);
        for (let i = 0; i < m; i++) cur[i] = mix(prev[i], ids[i + n - 1]);
      }
      let bits = 4;
      while (1 << bits < 2 * m) bits++;
      const cap = 1 << bits;
      const shift = 32 - bits; // multiplicative hashing: the top bits of k * golden ratio
      if (this.table.length < 3 * cap) {
        this.table = new Int32Array(3 * cap);
        this.gen = 0;
      }
      const gen = ++this.gen;
      const t = this.table;
      const mask = cap - 1;
      for (let i = 0; i < m; i++) {
        const k = cur[i];
        let j = Math.imul(k, 0x9e3779b1) >>> shift;
        for (;;) {
          const at = 3 * j;
          if (t[at] !== gen) {
            t[at] = gen;
            t[at + 1] = k;
            t[at + 2] = 1;
            distinct++;
            break;
          }
          if (t[at + 1] === k) {
            t[at + 2]++;
            break;
          }
          j = (j + 1) & mask;
        }
      }
      prev = cur;
    }
    return distinct;
  }
}

/** Tokenize and intern into the pass's order-0 buffer; returns the length. */
function internInto(pass, tokens, vocab) {
  const ids = pass.buf(0, tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    let id = vocab.get(tokens[i]);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(tokens[i], id);
    }
    ids[i] = id;
  }
  return tokens.length;
}

/**
 * Corpus word floor (BLEU): tokenize every hypothesis and each distinct reference once (references cached by
 * string, as the metrics do) and count their 1..maxOrder-grams. maxOrder 0: tokenize only. Returns a checksum.
 */
export function wordFloorCorpus(tok, hyps, refs, maxOrder) {
  const pass = new Pass(maxOrder);
  const vocab = new Map();
  const seen = new Map();
  let sum = 0;
  const one = (text) => {
    const tokens = tok(text);
    if (maxOrder === 0) return tokens.length;
    const len = internInto(pass, tokens, vocab);
    return pass.count(pass.bufs[0], len);
  };
  for (let i = 0; i < hyps.length; i++) {
    sum += one(hyps[i]);
    const r = refs[i];
    let c = seen.get(r);
    if (c === undefined) {
      c = one(r);
      seen.set(r, c);
    }
    sum += c;
  }
  return sum;
}

/**
 * Per-pair word floor (ROUGE, one call per pair): for every pair, tokenize hypothesis and reference (nothing
 * cached between pairs, as with one rouge() call per pair) and count their 1..maxOrder-grams.
 */
export function wordFloorPerPair(tok, hyps, refs, maxOrder) {
  const pass = new Pass(maxOrder);
  const vocab = new Map();
  let sum = 0;
  for (let i = 0; i < hyps.length; i++) {
    const h = internInto(pass, tok(hyps[i]), vocab);
    sum += pass.count(pass.bufs[0], h);
    const r = internInto(pass, tok(refs[i]), vocab);
    sum += pass.count(pass.bufs[0], r);
  }
  return sum;
}

/** Python's str.isspace() code points (what chrF removes). */
function isSpace(c) {
  return (
    (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20) || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** The code points of a text without white space into the pass's order-0 buffer; returns the length. */
function codePointsInto(pass, text) {
  const ids = pass.buf(0, text.length);
  let len = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (!isSpace(c)) ids[len++] = c;
  }
  return len;
}

/**
 * chrF floor: for every hypothesis and each distinct reference once, the code points without white space,
 * counted as 1..maxOrder-grams (code points are the unigram ids).
 */
export function charFloorCorpus(hyps, refs, maxOrder) {
  const pass = new Pass(maxOrder);
  const seen = new Map();
  let sum = 0;
  for (let i = 0; i < hyps.length; i++) {
    const h = codePointsInto(pass, hyps[i]);
    sum += pass.count(pass.bufs[0], h);
    const r = refs[i];
    let c = seen.get(r);
    if (c === undefined) {
      const len = codePointsInto(pass, r);
      c = pass.count(pass.bufs[0], len);
      seen.set(r, c);
    }
    sum += c;
  }
  return sum;
}
