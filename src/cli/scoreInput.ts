/**
 * Where `score` reads its segments: text files read in lockstep (`--hyp` and each `--ref`, one segment a
 * line), handed out in undecoded chunks, or JSON Lines (`--jsonl`, one `{"hypothesis", "references"}` object
 * a line), parsed batch by batch. Neither holds a file in memory.
 * @internal
 */
import type { Readable } from 'node:stream';
import type * as Zod from 'zod';
import { pyRstrip } from '../internal/pywhitespace.js';
import { decodeLines, InputError, invalidUtf8, LineReader, tryDecodeLines } from '../node/lineReader.js';

/** One segment to score. `line` is its line number in the input (1-based), for `--per-segment`. */
export interface Segment {
  readonly hypothesis: string;
  readonly references: readonly string[];
  readonly line: number;
}

/** What every input of `score` tells about itself. */
interface SourceInfo {
  /** The inputs in words, e.g. `hyp.txt against ref.txt`. */
  readonly description: string;
  /** Where a segment is, for messages: `hyp.txt and ref.txt line 3`, `data.jsonl line 3`. */
  locate(line: number): string;
  /** Bytes read so far and the total when known (for progress). */
  progress(): { done: number; total: number | undefined };
  /** Releases the files (after an error). */
  dispose(): Promise<void>;
}

/** JSON Lines: segments parsed and validated as they are read. */
export interface BatchSource extends SourceInfo {
  /** The segments, in batches of at least one. Throws {@link InputError} on bad input. */
  batches(): AsyncGenerator<Segment[], void, undefined>;
}

/** Text files: lines handed out undecoded, for the thread that scores them. */
export interface RawSource extends SourceInfo {
  /**
   * The input in chunks of `size` segments (the last may be shorter) not yet decoded, for {@link decodeChunk}
   * in the thread that scores each. Throws {@link InputError} on bad input found while reading (line counts
   * that differ).
   */
  rawChunks(size: number): AsyncGenerator<RawChunk, void, undefined>;
}

/** Where `score` reads its segments. */
export type SegmentSource = BatchSource | RawSource;

/**
 * Segments of text files not yet decoded: lines `first` to `first + count - 1` of each input (hypotheses first,
 * named `names[i]` in messages), as bytes. Made by the reading thread, which only finds line ends, and decoded
 * by {@link decodeChunk} in whichever thread scores them: decoding the text and copying it to a worker as
 * strings cost the reading thread far more than the bytes (a structured clone of 1000 segments is slower to
 * read back than UTF-8).
 */
export interface RawChunk {
  readonly first: number;
  readonly count: number;
  readonly names: readonly string[];
  readonly texts: readonly Uint8Array[];
}

/**
 * The segments of a {@link RawChunk}, as {@link openTextSource}'s `batches` gives them. Throws an
 * {@link InputError} for a line that is not UTF-8: the first in input order (lowest line, then input).
 */
export function decodeChunk(raw: RawChunk): Segment[] {
  const columns: string[][] = [];
  let bad: { line: number; input: number } | undefined;
  raw.texts.forEach((bytes, i) => {
    const lines = tryDecodeLines(bytes, raw.first);
    if (Array.isArray(lines)) columns.push(lines);
    else {
      const line = (lines as { badLine: number }).badLine;
      if (bad === undefined || line < bad.line) bad = { line, input: i };
    }
  });
  if (bad !== undefined) throw invalidUtf8(raw.names[bad.input] ?? '', bad.line);
  const [hyps, ...refColumns] = columns as [string[], ...string[][]];
  const out = new Array<Segment>(raw.count);
  for (let j = 0; j < raw.count; j++) {
    const refs = new Array<string>(refColumns.length);
    for (let i = 0; i < refColumns.length; i++) refs[i] = pyRstrip((refColumns[i] as string[])[j] as string);
    out[j] = { hypothesis: pyRstrip(hyps[j] as string), references: refs, line: raw.first + j };
  }
  return out;
}

function checkStdinOnce(paths: readonly string[]): void {
  if (paths.filter((p) => p === '-').length > 1) {
    throw new InputError('standard input (-) can be given for only one input');
  }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Hypotheses and references from text files, one segment per line. Lines end with `\n` or `\r\n`, and
 * trailing white space of each line is ignored, as sacrebleu's command line does; a UTF-8 BOM is kept
 * (as sacrebleu keeps it). Different line counts are an error naming every file and its count.
 */
export async function openTextSource(hypPath: string, refPaths: readonly string[], stdin?: Readable, label?: string): Promise<RawSource> {
  checkStdinOnce([hypPath, ...refPaths]);
  const readers: LineReader[] = [];
  try {
    for (const p of [hypPath, ...refPaths]) readers.push(await LineReader.open(p, stdin ? { stdin } : {}));
  } catch (err) {
    await Promise.all(readers.map((r) => r.dispose()));
    throw err;
  }
  const hyp = readers[0] as LineReader;
  const description = label ?? `${hyp.name} against ${refPaths.map((p) => (p === '-' ? 'standard input' : p)).join(', ')}`;
  const names = readers.map((r) => r.name);
  const mismatch = (): InputError => {
    const parts = readers.map((r) => `${r.name} has ${plural(r.lineCount, 'line')}`);
    return new InputError(`different numbers of lines: ${parts.join(', ')}`);
  };
  return {
    description,
    locate: (line) => `${names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`} line ${line}`,
    progress: () => ({ done: hyp.bytesRead, total: hyp.size }),
    dispose: async () => {
      await Promise.all(readers.map((r) => r.dispose()));
    },
    async *rawChunks(size) {
      let first = 1;
      for (;;) {
        const got: ({ bytes: Uint8Array; count: number } | undefined)[] = [];
        for (const r of readers) got.push(await r.nextLines(size));
        const counts = got.map((g) => g?.count ?? 0);
        if (counts.every((c) => c === 0)) return;
        if (counts.some((c) => c !== counts[0])) {
          // Every line read is decoded: invalid UTF-8 in the rest of a longer input is reported as such,
          // before the counts.
          got.forEach((g, i) => g && decodeLines(g.bytes, names[i] as string, first));
          for (const r of readers) while ((await r.nextBatch()) !== undefined);
          throw mismatch();
        }
        yield { first, count: counts[0] as number, names, texts: got.map((g) => (g as { bytes: Uint8Array }).bytes) };
        first += counts[0] as number;
      }
    },
  };
}

/**
 * The schema of a `--jsonl` record, with messages of our own (`"references"[1] must be a string`, not zod's
 * generic union text): a string reference becomes a one-element list, then the list is checked element by
 * element. zod is loaded only for `--jsonl` (loading it takes about as long as the rest of start-up).
 */
function scoreRecordSchema(z: typeof Zod.z) {
  return z.object({
    hypothesis: z.string({ error: (iss) => (iss.input === undefined ? 'is missing' : 'must be a string') }),
    references: z
      .union([z.string().transform((s) => [s]), z.array(z.unknown())], {
        error: (iss) => (iss.input === undefined ? 'is missing' : 'must be a string or a non-empty array of strings'),
      })
      .pipe(z.array(z.string({ error: 'must be a string' })).min(1, { error: 'must not be an empty list' })),
  });
}

function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? JSON.stringify(String(p)) : `.${String(p)}`;
  return out;
}

/**
 * Segments from JSON Lines: each non-blank line an object with `hypothesis` (a string) and `references`
 * (a string or a non-empty array of strings); other keys are ignored. A bad line is an error naming its
 * number and the field.
 */
export async function openJsonlSource(path: string, stdin?: Readable): Promise<BatchSource> {
  const ScoreRecord = scoreRecordSchema((await import('zod')).z);
  const reader = await LineReader.open(path, { stripBom: true, ...(stdin ? { stdin } : {}) });
  return {
    description: reader.name,
    locate: (line) => `${reader.name} line ${line}`,
    progress: () => ({ done: reader.bytesRead, total: reader.size }),
    dispose: () => reader.dispose(),
    async *batches() {
      let line = 0;
      for await (const batch of reader.batches()) {
        const out: Segment[] = [];
        for (const text of batch) {
          line++;
          if (text.trim() === '') continue;
          const where = `${reader.name} line ${line}`;
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (err) {
            throw new InputError(`${where}: not valid JSON (${(err as Error).message})`);
          }
          if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw new InputError(`${where}: expected an object {"hypothesis": ..., "references": [...]}`);
          }
          const r = ScoreRecord.safeParse(value);
          if (!r.success) {
            const iss = r.error.issues[0];
            throw new InputError(`${where}: ${iss ? `${issuePath(iss.path)} ${iss.message}` : 'invalid record'}`);
          }
          out.push({ hypothesis: r.data.hypothesis, references: r.data.references, line });
        }
        if (out.length > 0) yield out;
      }
    },
  };
}
