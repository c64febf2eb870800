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
  private strictDecoder: TextDecoder | undefined;
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
    while (!this.done) {
      let chunk: Buffer;
      try {
        const r = await this.chunks.next();
        if (r.done) {
          this.done = true;
          break;
        }
        chunk = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
      } catch (err) {
        this.done = true;
        await this.close();
        throw new InputError(`cannot read ${this.name}: ${describeFsError(err)}`);
      }
      this.bytesRead += chunk.length;
      if (chunk.lastIndexOf(LF) < 0) {
        this.pending.push(chunk);
        continue;
      }
      const buf = this.pending.length === 0 ? chunk : Buffer.concat([...this.pending, chunk]);
      const lastLf = buf.lastIndexOf(LF);
      this.pending = lastLf + 1 < buf.length ? [buf.subarray(lastLf + 1)] : [];
      return this.split(buf, lastLf + 1);
    }
    await this.close();
    const rest = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    this.pending = [];
    if (rest === undefined || rest.length === 0) return undefined;
    return [this.decodeLine(rest, 0, rest.length)];
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
    if (end > start && buf[end - 1] === CR) end--;
    let s = buf.toString('utf8', start, end);
    if (s.includes('\uFFFD')) {
      // U+FFFD is either in the text or stands for bytes that are not UTF-8: ask a strict decoder.
      this.strictDecoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      try {
        this.strictDecoder.decode(buf.subarray(start, end));
      } catch {
        throw new InputError(`${this.name} line ${this.lineCount}: invalid UTF-8`);
      }
    }
    if (this.lineCount === 1 && this.stripBom && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    return s;
  }
}
