// Undecoded chunks of text files (LineReader.nextLines, openTextSource's rawChunks, decodeChunk): what `score`
// hands to the thread that scores a chunk, which decodes it there. Decoded, they must be exactly the segments
// of the line-by-line path (batches), whatever the line ends, BOM, empty lines, last line, chunk size and read
// boundaries (a read may end inside a line or inside a character), with the same errors.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeChunk, openTextSource, type RawSource, type Segment } from '../../src/cli/scoreInput.js';
import { decodeLines, InputError, LineReader } from '../../src/node/lineReader.js';
import { pyRstripRef } from '../helpers/python';
import { splitBytes as reads, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const file = (name: string): string => join(tmp.dir, `${++n}-${name}`);

const fromReads = (chunks: Buffer[]): Promise<LineReader> => LineReader.open('-', { stdin: Readable.from(chunks) });

async function allBatches(r: LineReader): Promise<string[]> {
  const out: string[] = [];
  for await (const b of r.batches()) out.push(...b);
  return out;
}

/** Lines of any text (multi-byte characters, U+FFFD, a BOM, CR inside a line), without a newline or a final CR. */
const line = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('\uFEFF', 'é', '€', '😀', '\uFFFD', ' ', '\t', '\r')), { maxLength: 5 })
  .map((parts) => parts.join(''))
  .filter((s) => !s.includes('\n') && !s.endsWith('\r'));

/** A text of `count` such lines (any count when undefined) with mixed `\n` / `\r\n` ends, with or without a final newline. */
const textOf = (count?: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(fc.tuple(line, fc.boolean()), count === undefined ? { maxLength: 15 } : { minLength: count, maxLength: count }), fc.boolean())
    .map(([rows, finalNewline]) => {
      // Without a final newline, a last empty line does not exist: keep the count.
      const last = rows.length - 1;
      const noFinal = !finalNewline && rows.length > 0 && (rows[last] as [string, boolean])[0] !== '';
      return rows.map(([l, crlf], i) => l + (i < last || !noFinal ? (crlf ? '\r\n' : '\n') : '')).join('');
    });
const text = textOf();

describe('LineReader.nextLines', () => {
  it('gives the lines of nextBatch, max at a time, whatever the read boundaries; bytes in buffers of their own', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 6 }), fc.array(fc.nat(), { maxLength: 10 }), async (t, max, cuts) => {
        const bytes = Buffer.from(t, 'utf8');
        const expected = await allBatches(await fromReads(reads(bytes, cuts)));
        const r = await fromReads(reads(bytes, cuts));
        const got: string[] = [];
        const raw: Buffer[] = [];
        for (;;) {
          const c = await r.nextLines(max);
          if (c === undefined) break;
          // Every call but the last gives exactly max lines; the bytes own their whole ArrayBuffer (transferable).
          expect(c.count).toBeGreaterThan(0);
          expect(c.count).toBeLessThanOrEqual(max);
          if (c.count < max) expect(await r.nextLines(max)).toBeUndefined();
          expect(c.bytes.byteOffset).toBe(0);
          expect(c.bytes.byteLength).toBe(c.bytes.buffer.byteLength);
          const lines = decodeLines(c.bytes, 'x', got.length + 1);
          expect(lines.length).toBe(c.count);
          got.push(...lines);
          raw.push(Buffer.from(c.bytes));
        }
        expect(got).toEqual(expected);
        expect(r.lineCount).toBe(expected.length);
        expect(Buffer.concat(raw).equals(bytes)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the rest to nextBatch: lines after nextLines, read on line by line', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 4 }), fc.array(fc.nat(), { maxLength: 8 }), async (t, max, cuts) => {
        const bytes = Buffer.from(t, 'utf8');
        const expected = await allBatches(await fromReads(reads(bytes, cuts)));
        const r = await fromReads(reads(bytes, cuts));
        const first = await r.nextLines(max);
        const got = first === undefined ? [] : decodeLines(first.bytes, 'x', 1);
        got.push(...(await allBatches(r)));
        expect(got).toEqual(expected);
        expect(r.lineCount).toBe(expected.length);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a file of multi-byte text in chunks of 1000 lines, counting bytes for progress', async () => {
    const p = file('big.txt');
    // 'é' is two bytes: 64 KiB reads end inside characters.
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'é'.repeat(i % 50)}`);
    writeFileSync(p, lines.join('\n') + '\n');
    const r = await LineReader.open(p);
    const got: string[] = [];
    for (let c = await r.nextLines(1000); c !== undefined; c = await r.nextLines(1000)) {
      expect(c.count).toBe(1000);
      got.push(...decodeLines(c.bytes, p, got.length + 1));
    }
    expect(got).toEqual(lines);
    expect(r.bytesRead).toBe(r.size);
  });
});

describe('decodeLines', () => {
  it('drops \\n and \\r\\n, keeps a BOM, empty lines, a literal U+FFFD and a last line without a newline', () => {
    const bytes = Buffer.from('\uFEFFa\r\n\n \r\nb\uFFFD\r\n\r\nc', 'utf8');
    expect(decodeLines(bytes, 'x', 1)).toEqual(['\uFEFFa', '', ' ', 'b\uFFFD', '', 'c']);
    expect(decodeLines(new Uint8Array(0), 'x', 1)).toEqual([]);
  });

  it('names the input and line of invalid UTF-8, counted from the chunk’s first line', () => {
    const bytes = Buffer.concat([Buffer.from('ok\nok\n'), Buffer.from([0x61, 0xc3, 0x0a]), Buffer.from('ok\n')]);
    expect(() => decodeLines(bytes, 'hyp.txt', 1001)).toThrow(new InputError('hyp.txt line 1003: invalid UTF-8'));
  });
});

/** Every segment of a text source, through rawChunks(size) and decodeChunk; or the error's message. */
async function segmentsOf(source: RawSource, size: number): Promise<Segment[] | string> {
  const out: Segment[] = [];
  try {
    let first = 1;
    for await (const c of source.rawChunks(size)) {
      expect(c.first).toBe(first);
      first += c.count;
      out.push(...decodeChunk(c));
    }
    return out;
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  } finally {
    await source.dispose();
  }
}

/**
 * The model: each file read whole as UTF-8 and split on `\n` (no last line after a final newline), every line
 * right-stripped as Python's `str.rstrip()` (which also drops the `\r` of `\r\n`); different line counts are
 * the error naming each file and its count.
 */
function expectedSegments(paths: readonly string[]): Segment[] | string {
  const columns = paths.map((p) => {
    const t = readFileSync(p, 'utf8');
    const lines = t.split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines.map(pyRstripRef);
  });
  const counts = columns.map((c) => c.length);
  if (counts.some((c) => c !== counts[0])) {
    return `different numbers of lines: ${paths.map((p, i) => `${p} has ${counts[i]} line${counts[i] === 1 ? '' : 's'}`).join(', ')}`;
  }
  const [hyps, ...refs] = columns as [string[], ...string[][]];
  return hyps.map((h, j) => ({ hypothesis: h, references: refs.map((r) => r[j] as string), line: j + 1 }));
}

describe('openTextSource: raw chunks decode to the lines of the files', () => {
  it('for any texts, line ends, line counts (equal or not) and chunk sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Mostly inputs of the same number of lines; sometimes of any.
        fc.oneof(
          fc.integer({ min: 0, max: 12 }).chain((count) => fc.array(textOf(count), { minLength: 2, maxLength: 3 })),
          fc.array(text, { minLength: 2, maxLength: 3 }),
        ),
        fc.integer({ min: 1, max: 5 }),
        async (texts, size) => {
          const paths = texts.map((t, i) => {
            const p = file(`in${i}.txt`);
            writeFileSync(p, t);
            return p;
          });
          expect(await segmentsOf(await openTextSource(paths[0] as string, paths.slice(1)), size)).toEqual(expectedSegments(paths));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('different line counts: the same InputError naming each file and its count, also when the longer one ends a chunk later', async () => {
    const h = file('h.txt');
    const r = file('r.txt');
    writeFileSync(h, 'a\nb\nc\nd\n');
    writeFileSync(r, 'a\nb\nc\nd\ne\nf\n');
    for (const size of [1, 2, 3, 4, 10]) {
      expect(await segmentsOf(await openTextSource(h, [r]), size)).toBe(`different numbers of lines: ${h} has 4 lines, ${r} has 6 lines`);
    }
    expect(await segmentsOf(await openTextSource(r, [h]), 4)).toBe(`different numbers of lines: ${r} has 6 lines, ${h} has 4 lines`);
  });

  it('invalid UTF-8: the first bad line in input order (lowest line, then input), named with its file', async () => {
    const h = file('h.txt');
    const r = file('r.txt');
    writeFileSync(h, Buffer.concat([Buffer.from('a\nb\nc\n'), Buffer.from([0xff, 0x0a]), Buffer.from('e\n')]));
    writeFileSync(r, Buffer.concat([Buffer.from('a\n'), Buffer.from([0xc3, 0x0a]), Buffer.from('c\nd\ne\n')]));
    const expected = `${r} line 2: invalid UTF-8`;
    for (const size of [2, 5]) expect(await segmentsOf(await openTextSource(h, [r]), size)).toBe(expected);
    // In a later chunk than the first: the chunks before it decode.
    const chunks: number[] = [];
    const src = await openTextSource(h, [r]);
    await expect(
      (async () => {
        for await (const c of src.rawChunks(1)) chunks.push(decodeChunk(c).length);
      })(),
    ).rejects.toThrow(new InputError(expected));
    expect(chunks).toEqual([1]);
  });
});
