/**
 * Safe file writing for the command-line program (Node only; the package root never imports this).
 * Output goes to a temporary file in the target's directory, which is flushed to disk and renamed over
 * the target only when complete: a failure or an interrupt never leaves a partial file, and an existing
 * file is either untouched or wholly replaced (rename is atomic within one file system).
 * @internal
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, rename, stat, unlink, chmod, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { InputError, describeFsError } from './lineReader.js';

const FLUSH_AT = 1 << 16;

/** A file being written under a temporary name; {@link AtomicFile.commit} puts it in place. */
export class AtomicFile {
  readonly path: string;
  readonly tempPath: string;
  private handle: FileHandle | undefined;
  private buffer: string[] = [];
  private buffered = 0;
  private state: 'open' | 'committed' | 'aborted' = 'open';

  private constructor(path: string, tempPath: string, handle: FileHandle) {
    this.path = path;
    this.tempPath = tempPath;
    this.handle = handle;
  }

  /**
   * Creates the temporary file beside `path` (so the final rename stays on one file system). Fails with
   * an {@link InputError} naming `path` when the directory does not exist or is not writable, or when
   * `path` is a directory, before any work is done.
   */
  static async create(path: string): Promise<AtomicFile> {
    let mode: number | undefined;
    try {
      const st = await stat(path);
      if (st.isDirectory()) throw new InputError(`cannot write ${path}: is a directory`);
      mode = st.mode & 0o7777;
    } catch (err) {
      if (err instanceof InputError) throw err;
      if ((err as { code?: unknown }).code !== 'ENOENT') throw new InputError(`cannot write ${path}: ${describeFsError(err)}`);
    }
    const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    let handle: FileHandle;
    try {
      handle = await open(tempPath, 'wx', 0o666);
    } catch (err) {
      throw new InputError(`cannot write ${path}: ${describeFsError(err)}`);
    }
    const file = new AtomicFile(path, tempPath, handle);
    if (mode !== undefined) {
      // Keep the permissions of the file being replaced.
      try {
        await chmod(tempPath, mode);
      } catch {
        // Not fatal: the new file keeps the default permissions.
      }
    }
    return file;
  }

  /** Appends text (buffered; written in large blocks). */
  async write(text: string): Promise<void> {
    if (this.state !== 'open') throw new Error(`AtomicFile.write: ${this.path} is already ${this.state}`);
    this.buffer.push(text);
    this.buffered += text.length;
    if (this.buffered >= FLUSH_AT) await this.flush();
  }

  /** Writes what is buffered, flushes it to disk and renames the temporary file to the target. */
  async commit(): Promise<void> {
    if (this.state !== 'open') throw new Error(`AtomicFile.commit: ${this.path} is already ${this.state}`);
    const handle = this.handle as FileHandle;
    try {
      await this.flush();
      await handle.sync();
      await handle.close();
      this.handle = undefined;
      await rename(this.tempPath, this.path);
      this.state = 'committed';
    } catch (err) {
      await this.abort();
      throw new InputError(`cannot write ${this.path}: ${describeFsError(err)}`);
    }
  }

  /** Discards the temporary file; the target is left as it was. Safe to call more than once. */
  async abort(): Promise<void> {
    if (this.state === 'committed') return;
    this.state = 'aborted';
    this.buffer = [];
    const h = this.handle;
    this.handle = undefined;
    if (h !== undefined) await h.close().catch(() => {});
    await unlink(this.tempPath).catch(() => {});
  }

  /** The same as {@link abort} but synchronous, for a process that is about to exit on a signal. */
  abortSync(): void {
    if (this.state === 'committed') return;
    this.state = 'aborted';
    try {
      unlinkSync(this.tempPath);
    } catch {
      // Already gone.
    }
  }

  private async flush(): Promise<void> {
    if (this.buffered === 0) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    try {
      await (this.handle as FileHandle).writeFile(text, 'utf8');
    } catch (err) {
      await this.abort();
      throw new InputError(`cannot write ${this.path}: ${describeFsError(err)}`);
    }
  }
}

/** Writes `text` to `path` atomically (temporary file + rename). */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const f = await AtomicFile.create(path);
  try {
    await f.write(text);
    await f.commit();
  } catch (err) {
    await f.abort();
    throw err;
  }
}

/**
 * A Node writable stream into an {@link AtomicFile}, for code that writes to streams (backpressure is
 * respected: each chunk is buffered by the file, which writes in large blocks). Ending the stream does not
 * commit the file; the caller commits after `finish`, or aborts on error.
 */
export function atomicFileWritable(file: AtomicFile): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      file.write(typeof chunk === 'string' ? chunk : chunk.toString('utf8')).then(() => callback(), callback);
    },
  });
}
