/**
 * Streaming line reading for the command-line program (Node only; the package root never imports this).
 * Reads a file or standard input in chunks and hands out complete lines: strict UTF-8 (an invalid byte
 * sequence is an error naming the file and line), `\n` or `\r\n` line ends, a last line without a newline
 * kept, never the whole file in memory.
 * @internal
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** Bad input: a missing or unreadable file, invalid UTF-8, a malformed line. The CLI exits 2 with its message. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** The system error text of a failed file operation, in words (`ENOENT` → `no such file or directory`). */
export function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a component of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Lines of one input, read in batches. `name` is how messages refer to the input (the path, or
 * `standard input`). Use {@link LineReader.open} for a path or `-`.
 */
export class LineReader {
  /** Complete lines handed out so far. */
  lineCount = 0;
  /** Bytes consumed from the input so far (for progress). */
  bytesRead = 0;
  /** The input's size in bytes when it is a regular file, otherwise undefined. */
  readonly size: number | undefined;
  readonly name: string;

  private readonly chunks: AsyncIterator<Buffer | string>;
  /** Bytes of an unfinished line, as read (joined once its newline arrives, so long lines stay linear). */
  private pending: Buffer[] = [];
  private done = false;
  private readonly stripBom: boolean;
  private readonly close: () => Promise<void>;

  private constructor(stream: Readable, name: string, size: number | undefined, stripBom: boolean, close: () => Promise<void>) {
    this.chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
    this.name = name;
    this.size = size;
    this.stripBom = stripBom;
    this.close = close;
  }

  /**
   * Opens `path` (or standard input for `-`). Fails with an {@link InputError} naming the path when it
   * cannot be read. `stripBom` drops a leading U+FEFF (for JSON Lines, where it would break parsing).
   */
  static async open(path: string, options: { stripBom?: boolean; stdin?: Readable } = {}): Promise<LineReader> {
    const stripBom = options.stripBom ?? false;
    if (path === '-') {
      const stdin = options.stdin ?? process.stdin;
      return new LineReader(stdin, 'standard input', undefined, stripBom, async () => {});
    }
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (err) {
      throw new InputError(`cannot read ${path}: ${describeFsError(err)}`);
    }
    try {
      const st = await handle.stat();
      if (st.isDirectory()) throw new InputError(`cannot read ${path}: is a directory`);
      const stream = handle.createReadStream({ highWaterMark: 1 << 16, autoClose: false });
      const h = handle;
      return new LineReader(stream, path, st.isFile() ? st.size : undefined, stripBom, async () => {
        stream.destroy();
        await h.close().catch(() => {});
      });
    } catch (err) {
      await handle.close().catch(() => {});
      throw err instanceof InputError ? err : new InputError(`cannot read ${path}: ${describeFsError(err)}`);
    }
  }

  /**
   * The next complete lines (at least one), without their line ends; `undefined` at the end of the input.
   * A final line without a newline is returned; an empty input has no lines; `"a\n"` is one line.
   */
  async nextBatch(): Promise<string[] | undefined> {
    for (;;) {
      const chunk = await this.read();
      if (chunk === undefined) break;
      if (chunk.lastIndexOf(LF) < 0) {
        this.pending.push(chunk);
        continue;
      }
      const buf = this.pending.length === 0 ? chunk : Buffer.concat([...this.pending, chunk]);
      const lastLf = buf.lastIndexOf(LF);
      this.pending = lastLf + 1 < buf.length ? [buf.subarray(lastLf + 1)] : [];
      return this.split(buf, lastLf + 1);
    }
    const rest = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    this.pending = [];
    if (rest === undefined || rest.length === 0) return undefined;
    // After nextLines, what is left may hold several lines.
    const lastLf = rest.lastIndexOf(LF);
    const out = this.split(rest, lastLf + 1);
    if (lastLf + 1 < rest.length) out.push(this.decodeLine(rest, lastLf + 1, rest.length));
    return out;
  }

  /**
   * The next `max` lines (fewer only at the end of the input), not decoded: their bytes with their line ends, in
   * a buffer of their own (whose `ArrayBuffer` may be transferred to a worker thread), and how many lines;
   * `undefined` at the end. Finding line ends is far cheaper than decoding: the bytes can be decoded with
   * {@link decodeLines} by whichever thread uses them. Lines are counted as {@link nextBatch} counts them.
   */
  async nextLines(max: number): Promise<{ bytes: Uint8Array; count: number } | undefined> {
    const parts: Buffer[] = [];
    let count = 0;
    let length = 0;
    // Bytes after the last newline taken: a last line without a newline, if the input ends here.
    let tail = 0;
    while (count < max) {
      let buf = this.pending.shift() ?? (await this.read());
      if (buf === undefined) break;
      let pos = 0;
      while (count < max) {
        const lf = buf.indexOf(LF, pos);
        if (lf < 0) break;
        count++;
        pos = lf + 1;
      }
      if (count === max) {
        if (pos < buf.length) this.pending.unshift(buf.subarray(pos));
        buf = buf.subarray(0, pos);
        tail = 0;
      } else tail = pos > 0 ? buf.length - pos : tail + buf.length;
      parts.push(buf);
      length += buf.length;
    }
    if (tail > 0) count++;
    if (count === 0) return undefined;
    this.lineCount += count;
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    return { bytes, count };
  }

  /** Every remaining line, batch by batch (counting lines without keeping them is `for await` + nothing). */
  async *batches(): AsyncGenerator<string[], void, undefined> {
    for (;;) {
      const b = await this.nextBatch();
      if (b === undefined) return;
      yield b;
    }
  }

  /** Stops reading and releases the file. */
  async dispose(): Promise<void> {
    this.done = true;
    this.pending = [];
    await this.close();
  }

  /** The next chunk of the input; `undefined` (and the input released) at its end. */
  private async read(): Promise<Buffer | undefined> {
    if (this.done) return undefined;
    let chunk: Buffer;
    try {
      const r = await this.chunks.next();
      if (r.done) {
        this.done = true;
        await this.close();
        return undefined;
      }
      chunk = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
    } catch (err) {
      this.done = true;
      await this.close();
      throw new InputError(`cannot read ${this.name}: ${describeFsError(err)}`);
    }
    this.bytesRead += chunk.length;
    return chunk;
  }

  /** Splits `buf[0, end)` (which ends with a newline) into decoded lines. */
  private split(buf: Buffer, end: number): string[] {
    const out: string[] = [];
    let start = 0;
    while (start < end) {
      const lf = buf.indexOf(LF, start);
      out.push(this.decodeLine(buf, start, lf));
      start = lf + 1;
    }
    return out;
  }

  private decodeLine(buf: Buffer, start: number, end: number): string {
    this.lineCount++;
    let s = lineText(buf, start, end);
    if (s === undefined) throw invalidUtf8(this.name, this.lineCount);
    if (this.lineCount === 1 && this.stripBom && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    return s;
  }
}

/**
 * The text of the line `buf[start, end)` (without its `\n`; a `\r` before it is dropped), or `undefined` when
 * it is not UTF-8. Decoding replaces bad bytes with U+FFFD; only a line that has one (rarely) is decoded again
 * strictly, to tell a U+FFFD of the text from bad bytes.
 */
function lineText(buf: Buffer, start: number, end: number): string | undefined {
  if (end > start && buf[end - 1] === CR) end--;
  const s = buf.toString('utf8', start, end);
  if (s.includes('\uFFFD')) {
    try {
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf.subarray(start, end));
    } catch {
      return undefined;
    }
  }
  return s;
}

/** The error for a line of the input `name` that is not UTF-8. */
export function invalidUtf8(name: string, line: number): InputError {
  return new InputError(`${name} line ${line}: invalid UTF-8`);
}

/**
 * The lines of `bytes` (as {@link LineReader.nextLines} gives them: `\n` or `\r\n` line ends, the last line's
 * optional), decoded as {@link LineReader.nextBatch} decodes them (a BOM is kept); or, when one is not UTF-8,
 * its line number, counting the first as `firstLine`.
 */
export function tryDecodeLines(bytes: Uint8Array, firstLine: number): string[] | { readonly badLine: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  let start = 0;
  while (start < buf.length) {
    let lf = buf.indexOf(LF, start);
    if (lf < 0) lf = buf.length;
    const s = lineText(buf, start, lf);
    if (s === undefined) return { badLine: firstLine + out.length };
    out.push(s);
    start = lf + 1;
  }
  return out;
}

/** {@link tryDecodeLines}, throwing an {@link InputError} naming the input `name` and the line that is not UTF-8. */
export function decodeLines(bytes: Uint8Array, name: string, firstLine: number): string[] {
  const lines = tryDecodeLines(bytes, firstLine);
  if (Array.isArray(lines)) return lines;
  throw invalidUtf8(name, (lines as { badLine: number }).badLine);
}
