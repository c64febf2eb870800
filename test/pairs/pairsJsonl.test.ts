import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  convertPairsJsonl,
  formatPairLine,
  formatPairLines,
  JsonlInputError,
  jsonlToPairs,
  openJsonlInput,
  pairsRecordParser,
  readJsonlLines,
  readPairsRecords,
  writePairsJsonl,
} from '../../src/node/pairsJsonl.js';
import { createPairsSummary } from '../../src/pairs/summary.js';
import { recordToPairs } from '../../src/pairs/toPairs.js';
import type { PreferencePair } from '../../src/pairs/types.js';

const dir = mkdtempSync(join(tmpdir(), 'nlgm-pairs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** The message of what `f` throws (sync or async). */
async function messageOf(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a throw');
}

const parsePairsRecord = await pairsRecordParser();

describe('pairsRecordParser', () => {
  it('accepts ranked and rated records and drops other fields', () => {
    expect(parsePairsRecord('{"prompt":"Q","completions":["a","b"],"ranks":[2,1],"id":"x1"}', 1)).toEqual({ prompt: 'Q', completions: ['a', 'b'], ranks: [2, 1] });
    expect(parsePairsRecord('{"prompt":"Q","completions":[],"scores":[]}', 1)).toEqual({ prompt: 'Q', completions: [], scores: [] });
  });

  it.each([
    ['not json', /^line 3: not valid JSON \(.+\)$/],
    ['[1]', /^line 3: a record must be a JSON object with "prompt", "completions" and "ranks" or "scores", got an array of length 1$/],
    ['"text"', /^line 3: a record must be a JSON object .*, got "text"$/],
    ['{"prompt":"p","completions":[]}', /^line 3: a record must have "ranks" \(lower is better\) or "scores" \(higher is better\)$/],
    ['{"prompt":"p","completions":[],"ranks":[],"scores":[]}', /^line 3: a record must have "ranks" or "scores", not both$/],
    ['{"completions":["a"],"ranks":[1]}', /^line 3: prompt is missing \(it must be a string\)$/],
    ['{"prompt":5,"completions":["a"],"ranks":[1]}', /^line 3: prompt must be a string, got 5$/],
    ['{"prompt":"p","completions":"a","ranks":[1]}', /^line 3: completions must be an array of strings, got "a"$/],
    ['{"prompt":"p","completions":["a",7],"ranks":[1,2]}', /^line 3: completions\[1\] must be a string, got 7$/],
    ['{"prompt":"p","completions":["a","b","c"],"ranks":[1,2,"x"]}', /^line 3: ranks\[2\] must be a finite number, got "x"$/],
    ['{"prompt":"p","completions":["a"],"scores":[1e999]}', /^line 3: scores\[0\] must be a finite number, got Infinity$/],
    ['{"prompt":"p","completions":["a"],"ranks":null}', /^line 3: ranks must be an array of finite numbers, got null$/],
    ['{"prompt":"p","completions":["a","b"],"ranks":[1]}', /^line 3: ranks must have one entry per completion \(2\), got 1$/],
  ])('rejects %s with one sentence naming line and field', async (text, re) => {
    expect(await messageOf(() => parsePairsRecord(text, 3))).toMatch(re);
  });

  it('throws a JsonlInputError carrying the line and the field', () => {
    try {
      parsePairsRecord('{"prompt":"p","completions":["a","b","c"],"ranks":[1,2,"x"]}', 7);
      expect.fail('no throw');
    } catch (e) {
      expect(e).toBeInstanceOf(JsonlInputError);
      expect((e as JsonlInputError).line).toBe(7);
      expect((e as JsonlInputError).field).toBe('ranks[2]');
      expect((e as JsonlInputError).message).toBe('line 7: ranks[2] must be a finite number, got "x"');
    }
  });

  it('is safe with __proto__ as a key and as text', () => {
    const r = parsePairsRecord('{"__proto__":{"polluted":1},"prompt":"__proto__","completions":["__proto__","constructor"],"ranks":[1,2]}', 1);
    expect(r).toEqual({ prompt: '__proto__', completions: ['__proto__', 'constructor'], ranks: [1, 2] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(recordToPairs(r).pairs).toEqual([{ prompt: '__proto__', chosen: '__proto__', rejected: 'constructor', margin: 1 }]);
  });
});

describe('readJsonlLines', () => {
  it('splits on \\n and \\r\\n, keeps a last line without a break, strips a leading BOM only', async () => {
    const input = [bytes('\ufeffone\r\ntwo\n\nth'), bytes('ree\r'), bytes('\nfour a\rb\n\ufefffive')];
    expect(await collect(readJsonlLines(input))).toEqual([
      { line: 1, text: 'one' },
      { line: 2, text: 'two' },
      { line: 3, text: '' },
      { line: 4, text: 'three' },
      { line: 5, text: 'four a\rb' },
      { line: 6, text: '\ufefffive' },
    ]);
    expect(await collect(readJsonlLines([]))).toEqual([]);
    expect(await collect(readJsonlLines(['a\n']))).toEqual([{ line: 1, text: 'a' }]);
  });

  it('reassembles characters split across chunks (one byte per chunk)', async () => {
    const all = bytes('é€😀\nß\r\n𝐀');
    const chunks = Array.from(all, (b) => Uint8Array.of(b));
    expect((await collect(readJsonlLines(chunks))).map((l) => l.text)).toEqual(['é€😀', 'ß', '𝐀']);
  });

  it('does not depend on the caller keeping its chunk unchanged', async () => {
    const chunk = bytes('abc');
    async function* reuse(): AsyncGenerator<Uint8Array> {
      yield chunk;
      chunk.fill(0x7a); // the producer reuses its buffer
      yield bytes('d\n');
    }
    expect((await collect(readJsonlLines(reuse()))).map((l) => l.text)).toEqual(['abcd']);
  });

  it.each([
    ['a stray continuation byte', [0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['0xff', [0xff]],
  ])('rejects invalid UTF-8 (%s) with the line number', async (_what, bad) => {
    const input = [bytes('{"ok":1}\n', '{"ok":2}\r\n', '{"bad":"', bad, '"}\n', '{"ok":4}\n')];
    expect(await messageOf(() => collect(readJsonlLines(input)))).toBe('line 3: not valid UTF-8');
    expect(await messageOf(() => collect(readJsonlLines([bytes('x\n', bad)])))).toBe('line 2: not valid UTF-8');
  });
});

describe('readPairsRecords / jsonlToPairs', () => {
  const lines = [
    '{"prompt":"Q1","completions":["a","b","c"],"ranks":[3,1,2]}',
    '',
    '   ',
    '{"prompt":"Q2","completions":["x","y"],"scores":[0.5,0.25]}',
  ];

  it('skip blank lines but count them in line numbers', async () => {
    const recs = await collect(readPairsRecords([lines.join('\n')]));
    expect(recs.map((r) => r.line)).toEqual([1, 4]);
    const bad = [...lines, '', '{"prompt":"Q3","completions":["x"],"scores":["1"]}'].join('\r\n');
    expect(await messageOf(() => collect(readPairsRecords([bad])))).toBe('line 6: scores[0] must be a finite number, got "1"');
  });

  it('gives the pairs of recordToPairs, record after record, and fills a summary', async () => {
    const total = createPairsSummary();
    const got = await collect(jsonlToPairs([lines.join('\n') + '\n'], { strategy: 'all' }, total));
    const r1 = recordToPairs(JSON.parse(lines[0] as string));
    const r2 = recordToPairs(JSON.parse(lines[3] as string));
    expect(got).toEqual([...r1.pairs, ...r2.pairs]);
    expect(total.result()).toEqual(createPairsSummary().add(r1.summary).add(r2.summary).result());
  });

  it('check options before reading anything', () => {
    let pulled = false;
    const input = {
      [Symbol.asyncIterator]() {
        pulled = true;
        return { next: async () => ({ done: true as const, value: undefined }) };
      },
    };
    expect(() => jsonlToPairs(input, { strategy: 'nope' as never })).toThrow(/^jsonlToPairs: options\.strategy must be one of/);
    expect(() => jsonlToPairs(input, { colour: 1 } as never)).toThrow(/unknown option "colour"/);
    expect(pulled).toBe(false);
  });

  it('report a tie under ties: "error" with its line', async () => {
    const input = ['{"prompt":"Q","completions":["a","b"],"ranks":[1,2]}\n{"prompt":"Q","completions":["a","b","c"],"ranks":[1,2,1]}\n'];
    expect(await messageOf(() => collect(jsonlToPairs(input, { ties: 'error' })))).toBe(
      'line 2: ranks has a tie (completions 0 and 2 both have rank 1) and options.ties is "error"',
    );
  });

  it('stream: pairs come out before the input ends, pulling a bounded number of chunks', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<string> {
      for (let i = 0; ; i++) {
        pulled++;
        yield `{"prompt":"Q${i}","completions":["a${i}","b${i}"],"scores":[1,2]}\n`;
      }
    }
    const first: PreferencePair[] = [];
    for await (const p of jsonlToPairs(endless())) {
      first.push(p);
      if (first.length === 3) break;
    }
    expect(first.map((p) => p.prompt)).toEqual(['Q0', 'Q1', 'Q2']);
    expect(pulled).toBeLessThanOrEqual(4);
  });
});

describe('formatPairLine / writePairsJsonl / convertPairsJsonl', () => {
  it('formatPairLine writes exactly TRL’s keys, in order, and round-trips', () => {
    const p = { prompt: 'Q "1"\n', chosen: '__proto__', rejected: 'é\u2028', margin: 0.5 };
    const line = formatPairLine(p);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(Object.keys(JSON.parse(line))).toEqual(['prompt', 'chosen', 'rejected', 'margin']);
    expect(JSON.parse(line)).toEqual(p);
    expect(Object.keys(JSON.parse(formatPairLine({ ...p, weight: 0.25 })))).toEqual(['prompt', 'chosen', 'rejected', 'margin', 'weight']);
  });

  it('formatPairLines is byte for byte the lines of formatPairLine', () => {
    const text = fc.oneof(fc.constantFrom('Q', 'a', '__proto__', '"', '\\', '\u2028'), fc.string({ unit: 'binary', maxLength: 6 }));
    const margin = fc.oneof(fc.constantFrom(-0, 0.1, 1e21, 5e-324, 2.5), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const pair = fc.record(
      { prompt: text, chosen: text, rejected: text, margin, weight: fc.double({ min: 0, max: 1, noNaN: true }) },
      { requiredKeys: ['prompt', 'chosen', 'rejected', 'margin'] },
    );
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 6 }), (pairs) => {
        expect(formatPairLines(pairs)).toBe(pairs.map(formatPairLine).join(''));
      }),
    );
  });

  it('convertPairsJsonl writes exactly what writePairsJsonl writes for jsonlToPairs', async () => {
    const input = [
      '{"prompt":"Q\\n1","completions":["a","b\\u2028","a"],"ranks":[1,2,3]}',
      '{"prompt":"Q2","completions":["x","y","z","w"],"scores":[0.5,2,-1,2]}',
    ].join('\n');
    for (const options of [{}, { strategy: 'adjacent' as const, weight: 'inverse-pairs' as const }, { maxPairsPerPrompt: 1, seed: 3 }]) {
      const a = new PassThrough();
      const b = new PassThrough();
      const ca: Buffer[] = [];
      const cb: Buffer[] = [];
      a.on('data', (c: Buffer) => ca.push(c));
      b.on('data', (c: Buffer) => cb.push(c));
      const total = createPairsSummary();
      const n = await writePairsJsonl(jsonlToPairs([input], options, total), a);
      const s = await convertPairsJsonl([input], b, options);
      expect(Buffer.concat(cb).toString('utf8')).toBe(Buffer.concat(ca).toString('utf8'));
      expect(Buffer.concat(ca).toString('utf8').split('\n')).toHaveLength(n + 1);
      expect(s).toEqual(total.result());
      expect(s.pairs).toBe(n);
    }
    await expect(convertPairsJsonl([''], new PassThrough(), { strategy: 'x' as never })).rejects.toThrow(/^convertPairsJsonl: options\.strategy/);
  });

  it('writePairsJsonl waits for drain on a slow destination and loses nothing', async () => {
    const received: string[] = [];
    let sawBackpressure = false;
    const slow = new Writable({
      highWaterMark: 64,
      write(chunk: Buffer, _enc, cb) {
        received.push(chunk.toString('utf8'));
        setTimeout(cb, 1);
      },
    });
    const write = slow.write.bind(slow);
    slow.write = ((c: string) => {
      const ok = write(c);
      if (!ok) sawBackpressure = true;
      return ok;
    }) as typeof slow.write;
    async function* many(): AsyncGenerator<PreferencePair> {
      for (let i = 0; i < 3000; i++) yield { prompt: `Q${i}`, chosen: 'x'.repeat(40), rejected: 'y', margin: i };
    }
    expect(await writePairsJsonl(many(), slow)).toBe(3000);
    const rows = received.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as PreferencePair);
    expect(rows).toHaveLength(3000);
    expect(rows.every((r, i) => r.margin === i)).toBe(true);
    expect(sawBackpressure).toBe(true);
    expect(slow.listenerCount('error') + slow.listenerCount('drain')).toBe(0); // no listener left behind
  });

  it('writePairsJsonl rejects when the destination fails while it waits for drain', async () => {
    const stuck = new Writable({ highWaterMark: 1, write() {} }); // never calls back
    const pairs = [{ prompt: 'Q', chosen: 'b'.repeat(70_000), rejected: 'a', margin: 1 }, { prompt: 'Q', chosen: 'c', rejected: 'a', margin: 2 }];
    const done = writePairsJsonl(pairs, stuck);
    setTimeout(() => stuck.destroy(new Error('disk full')), 5);
    await expect(done).rejects.toThrow('disk full');
  });

  it('converts a generated file of many records through file streams, chunk by chunk', async () => {
    const inPath = join(dir, 'rankings.jsonl');
    const outPath = join(dir, 'pairs.jsonl');
    const records: string[] = [];
    const expected = createPairsSummary();
    let expectedPairs = 0;
    for (let i = 0; i < 5000; i++) {
      const k = 1 + (i % 5);
      const rec =
        i % 2 === 0
          ? { prompt: `Prompt ${i} — ü`, completions: Array.from({ length: k }, (_, j) => `c${j % 3}€`), ranks: Array.from({ length: k }, (_, j) => (j * 7) % 4) }
          : { prompt: `P${i}`, completions: Array.from({ length: k }, (_, j) => `d${j}😀`), scores: Array.from({ length: k }, (_, j) => j / 2) };
      records.push(JSON.stringify(rec));
      const r = recordToPairs(rec, { strategy: 'best-vs-rest' });
      expected.add(r.summary);
      expectedPairs += r.pairs.length;
    }
    writeFileSync(inPath, records.join('\r\n')); // CRLF, no final newline
    const out = createWriteStream(outPath);
    const summary = await convertPairsJsonl(createReadStream(inPath, { highWaterMark: 1021 }), out, { strategy: 'best-vs-rest' });
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    expect(summary).toEqual(expected.result());
    const lines = readFileSync(outPath, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(expectedPairs);
    expect(summary.pairs).toBe(expectedPairs);
    for (const l of lines.slice(0, 50)) expect(Object.keys(JSON.parse(l))).toEqual(['prompt', 'chosen', 'rejected', 'margin']);
    // the same file through openJsonlInput
    expect((await collect(readPairsRecords(openJsonlInput(inPath)))).length).toBe(5000);
  });

  it('convertPairsJsonl adds weights when asked', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    const s = await convertPairsJsonl(['{"prompt":"Q","completions":["a","b","c"],"ranks":[1,2,3]}'], sink, { weight: 'inverse-pairs' });
    expect(s.pairs).toBe(3);
    const rows = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as PreferencePair);
    expect(rows.map((r) => r.weight)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
});
