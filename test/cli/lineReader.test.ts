// LineReader (src/node/lineReader.ts): the line reading under `score` — strict UTF-8, \n or \r\n, a last
// line without a newline, whatever the chunk boundaries (a chunk may end inside a line or a character).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, LineReader } from '../../src/node/lineReader.js';
import { splitBytes as chunk, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function readAll(r: LineReader): Promise<string[]> {
  const out: string[] = [];
  for await (const b of r.batches()) {
    expect(b.length).toBeGreaterThan(0);
    out.push(...b);
  }
  return out;
}

function fromChunks(chunks: Buffer[], stripBom = false): Promise<LineReader> {
  return LineReader.open('-', { stdin: Readable.from(chunks), stripBom });
}

const line = fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => !s.includes('\n') && !s.endsWith('\r'));

describe('LineReader', () => {
  it('gives back exactly the lines, for any text, line ends and chunk boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(line, fc.boolean()), { maxLength: 20 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (rows, finalNewline, cuts) => {
          const lines = rows.map(([l]) => l);
          let text = rows.map(([l, crlf], i) => l + (i < rows.length - 1 || finalNewline ? (crlf ? '\r\n' : '\n') : '')).join('');
          // Without a final newline, a last empty line does not exist (as in Python and sacrebleu).
          const expected = !finalNewline && lines.at(-1) === '' ? lines.slice(0, -1) : lines;
          if (rows.length === 0) text = '';
          const r = await fromChunks(chunk(Buffer.from(text, 'utf8'), cuts));
          expect(await readAll(r)).toEqual(expected);
          expect(r.lineCount).toBe(expected.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the line of the first invalid UTF-8 byte sequence, across chunk boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf]),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (lines, at, bad, cuts) => {
          const k = at % lines.length;
          const parts = lines.map((l, i) => (i === k ? Buffer.concat([Buffer.from(l, 'utf8'), Buffer.from(bad)]) : Buffer.from(l, 'utf8')));
          const bytes = Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')]));
          const r = await fromChunks(chunk(bytes, cuts));
          await expect(readAll(r)).rejects.toThrow(new InputError(`standard input line ${k + 1}: invalid UTF-8`));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps a literal U+FFFD, and a BOM unless asked to strip it', async () => {
    const text = '\uFEFFa\uFFFDb\nc\n';
    expect(await readAll(await fromChunks([Buffer.from(text)]))).toEqual(['\uFEFFa\uFFFDb', 'c']);
    expect(await readAll(await fromChunks([Buffer.from(text)], true))).toEqual(['a\uFFFDb', 'c']);
  });

  it('reads a file in 64 KiB chunks, counting bytes for progress', async () => {
    const p = join(tmp.dir, 'big.txt');
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'é'.repeat(i % 50)}`);
    const text = lines.join('\n') + '\n';
    writeFileSync(p, text);
    const r = await LineReader.open(p);
    expect(r.size).toBe(Buffer.byteLength(text));
    expect(await readAll(r)).toEqual(lines);
    expect(r.bytesRead).toBe(r.size);
  });

  it('refuses a missing file and a directory with an InputError naming the path', async () => {
    const missing = join(tmp.dir, 'missing.txt');
    await expect(LineReader.open(missing)).rejects.toThrow(new InputError(`cannot read ${missing}: no such file or directory`));
    await expect(LineReader.open(tmp.dir)).rejects.toThrow(new InputError(`cannot read ${tmp.dir}: is a directory`));
  });
});
