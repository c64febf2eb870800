/**
 * The process around a command: standard streams, environment, and the output files being written, so
 * that an error or an interrupt can discard every unfinished file (none is ever left half-written).
 * @internal
 */
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { AtomicFile } from '../node/atomicFile.js';

export interface Terminal {
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Everything a command touches outside itself. */
export interface CliContext {
  readonly stdin: Readable;
  readonly stdout: Writable & Terminal;
  readonly stderr: Writable & Terminal;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Output files not yet committed; discarded on failure. */
  readonly openFiles: Set<AtomicFile>;
  /** The program file worker threads are started from (`score --jobs`); without it, everything runs in this thread. */
  readonly workerScript?: URL;
}

/** Writes to standard output, waiting when the pipe is full (so a large output never piles up in memory). */
export async function writeOut(ctx: CliContext, text: string): Promise<void> {
  if (!ctx.stdout.write(text)) await once(ctx.stdout, 'drain');
}

/** One line to standard error. */
export function note(ctx: CliContext, text: string): void {
  ctx.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Starts an output file (temporary name beside `path`), tracked until committed or aborted. */
export async function createOutputFile(ctx: CliContext, path: string): Promise<AtomicFile> {
  const f = await AtomicFile.create(path);
  ctx.openFiles.add(f);
  return f;
}

/** Puts a finished output file in place. */
export async function commitOutputFile(ctx: CliContext, f: AtomicFile): Promise<void> {
  ctx.openFiles.delete(f);
  await f.commit();
}

/** Discards every unfinished output file. */
export async function abortOutputFiles(ctx: CliContext): Promise<void> {
  const files = [...ctx.openFiles];
  ctx.openFiles.clear();
  await Promise.all(files.map((f) => f.abort()));
}
