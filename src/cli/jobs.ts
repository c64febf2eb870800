/**
 * The scoring loop of `score`: segments are read in chunks and scored here, or, with `--jobs N` (N > 1) and
 * more than a few chunks of input, by N threads: this one and up to N − 1 worker threads (Node's
 * `worker_threads`), each accumulating the statistics of the chunks it scores. A chunk goes to a worker that
 * has room in its queue, otherwise this thread scores it (so no thread waits while another has work queued,
 * and N threads never need more than N − 1 extra heaps). The workers' statistics are merged at the end, which
 * is exact (integer counts, exact ROUGE sums), so the output is the same for any N. Per-segment lines come
 * back with each chunk and are written in input order; the first failing segment in input order is the one
 * reported. Chunks of text files travel undecoded (this thread only finds line ends): the thread that scores a
 * chunk decodes it, so reading costs this thread little and no segment is copied between threads as strings.
 * @internal
 */
import * as os from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { InputError } from './errors.js';
import type { MetricRunner } from './metrics.js';
import type { ProgressBar } from './progress.js';
import { decodeChunk, type BatchSource, type RawChunk, type Segment, type SegmentSource } from './scoreInput.js';
import type { AccumulatorStats } from '../aggregate/metricStats.js';
import type { AtomicFile } from '../node/atomicFile.js';

/** Segments per chunk (one message to a worker). */
export const CHUNK_SEGMENTS = 1000;
/**
 * Workers start only for an input of more chunks than this. A worker costs a thread start, the program
 * loaded again and cold code, and on the 2-core machines measured two busy threads each run ~1.3x slower
 * than one alone: with 1000-segment chunks, --jobs 2 was slower than --jobs 1 below ~30,000 WMT segments
 * (0.65x at 5,000, 0.8x at 13,500), even at 30,000, and 1.15-1.25x at 60,000, 1.5-1.8x at 150,000.
 */
const MIN_CHUNKS_FOR_WORKERS = 20;
/**
 * Bytes a segment is assumed to take at most when deciding, from a regular file's size alone, to start a
 * worker before reading (WMT news averages ~120 bytes a line): a file of more than `MIN_CHUNKS_FOR_WORKERS`
 * chunks of such segments will almost surely use the worker. When the guess is wrong (fewer, longer lines), the
 * worker is stopped unused.
 */
const PRESTART_BYTES_PER_SEGMENT = 150;
/** Chunks a worker may hold at once (one being scored, one waiting while this thread scores one). */
const CHUNKS_PER_WORKER = 2;
/**
 * Chunks read but not yet written out, per thread. Results are written in input order, so this thread must
 * not wait for a worker's older chunk while it could score the next one itself: with a window of only the
 * workers' queues it idled for about a tenth of a run. The window's memory is a few chunks of per-segment lines.
 */
const PENDING_CHUNKS_PER_THREAD = 8;
/**
 * Heap limits of a worker. The live data of a worker is small (a window of cached references); with V8's
 * defaults each worker's heap would still grow to ~100 MB of garbage before collecting it. A worker that needs
 * more than this (a pathological segment) fails with a message suggesting --jobs 1.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 } as const;

/** The default of `--jobs`: the number of processors available (`os.availableParallelism` is Node >= 18.14). */
export function defaultJobs(): number {
  const available = (os as { availableParallelism?: () => number }).availableParallelism;
  return typeof available === 'function' ? available() : Math.max(1, os.cpus().length);
}

/** A segment a metric refused: its line and the metric's error. */
export class SegmentError extends Error {
  constructor(
    readonly line: number,
    readonly errorName: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Scores `segments` with `runners` (in order) and returns their per-segment JSON lines (empty unless
 * `perSegment`). Throws a {@link SegmentError} for a segment a metric refuses. The one loop of the main
 * thread and of the workers, so both write the same bytes.
 */
export function scoreSegments(runners: readonly MetricRunner[], segments: readonly Segment[], perSegment: boolean): string {
  let lines = '';
  for (const seg of segments) {
    const row: Record<string, unknown> | undefined = perSegment ? { line: seg.line } : undefined;
    try {
      for (const r of runners) r.add(seg.hypothesis, seg.references, row);
    } catch (err) {
      if (err instanceof Error) throw new SegmentError(seg.line, err.name, err.message);
      throw new SegmentError(seg.line, 'Error', String(err));
    }
    if (row) lines += JSON.stringify(row) + '\n';
  }
  return lines;
}

/** The error `score` reports for a failed segment: bad input (exit 2) when a metric refused it. */
function failure(source: SegmentSource, e: SegmentError): Error {
  // A worker could not decode its chunk (invalid UTF-8): the message names the file and line.
  if (e.errorName === 'InputError') return new InputError(e.message);
  // A metric refused this segment (e.g. a text over a size limit): say which line.
  if (e.errorName === 'TypeError' || e.errorName === 'RangeError') return new InputError(`${source.locate(e.line)}: ${e.message}`);
  return new Error(e.message);
}

/** The input's segments in chunks of `size` (the last may be shorter). */
async function* chunked(source: BatchSource, size: number): AsyncGenerator<Segment[], void, undefined> {
  let chunk: Segment[] = [];
  for await (const batch of source.batches()) {
    let i = 0;
    while (i < batch.length) {
      const take = Math.min(size - chunk.length, batch.length - i);
      for (let j = 0; j < take; j++) chunk.push(batch[i + j] as Segment);
      i += take;
      if (chunk.length === size) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Messages to a worker. */
export type ToWorker =
  | { readonly kind: 'chunk'; readonly id: number; readonly segments: readonly Segment[] }
  | { readonly kind: 'raw'; readonly id: number; readonly raw: RawChunk }
  | { readonly kind: 'finish' };
/** Messages from a worker. */
export type FromWorker =
  | { readonly kind: 'done'; readonly id: number; readonly lines: string }
  | { readonly kind: 'failed'; readonly id: number; readonly line: number; readonly name: string; readonly message: string }
  | { readonly kind: 'stats'; readonly stats: readonly AccumulatorStats[] }
  | { readonly kind: 'fatal'; readonly message: string };
/** What a worker is started with: the `score` arguments (it builds the same runners) and whether per-segment lines are wanted. */
export interface WorkerInput {
  readonly nlgMetricsScoreWorker: true;
  readonly argv: readonly string[];
  readonly perSegment: boolean;
}

type ChunkResult = { lines: string; count: number };
/** A chunk of input: its segments, or (text files) their bytes, decoded by the thread that scores them. */
type Chunk = Segment[] | RawChunk;

/** The segments of a chunk (decoding a raw chunk; an {@link InputError} for invalid UTF-8). */
export function chunkSegments(chunk: readonly Segment[] | RawChunk): readonly Segment[] {
  return 'texts' in chunk ? decodeChunk(chunk) : chunk;
}

/** One worker thread and the chunks it has not answered yet. */
class Slot {
  readonly worker: Worker;
  inFlight = 0;
  private readonly waiting = new Map<number, { resolve: (r: ChunkResult) => void; reject: (e: unknown) => void; count: number }>();
  private statsWaiter: { resolve: (s: readonly AccumulatorStats[]) => void; reject: (e: unknown) => void } | undefined;
  private dead: Error | undefined;

  constructor(script: URL, input: WorkerInput) {
    this.worker = new Worker(script, { workerData: input, stdout: false, stderr: false, resourceLimits: WORKER_LIMITS });
    this.worker.on('message', (m: FromWorker) => this.receive(m));
    this.worker.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.fail(new InputError(`a worker thread ran out of memory (${WORKER_LIMITS.maxOldGenerationSizeMb} MB each) on a very large segment: score it with --jobs 1`));
      } else this.fail(err instanceof Error ? err : new Error(String(err)));
    });
    this.worker.on('exit', (code) => this.fail(new Error(`a worker thread exited (code ${code}) before finishing`)));
  }

  private receive(m: FromWorker): void {
    if (m.kind === 'stats') {
      this.statsWaiter?.resolve(m.stats);
      this.statsWaiter = undefined;
      return;
    }
    if (m.kind === 'fatal') {
      this.fail(new Error(m.message));
      return;
    }
    const w = this.waiting.get(m.id);
    if (w === undefined) return;
    this.waiting.delete(m.id);
    this.inFlight--;
    if (m.kind === 'done') w.resolve({ lines: m.lines, count: w.count });
    else w.reject(new SegmentError(m.line, m.name, m.message));
  }

  private fail(err: Error): void {
    if (this.dead) return;
    this.dead = err;
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
    this.statsWaiter?.reject(err);
    this.statsWaiter = undefined;
  }

  send(id: number, chunk: Chunk): Promise<ChunkResult> {
    const p = new Promise<ChunkResult>((resolve, reject) => {
      if (this.dead) return reject(this.dead);
      this.inFlight++;
      if (Array.isArray(chunk)) {
        this.waiting.set(id, { resolve, reject, count: chunk.length });
        this.worker.postMessage({ kind: 'chunk', id, segments: chunk } satisfies ToWorker);
      } else {
        this.waiting.set(id, { resolve, reject, count: chunk.count });
        // The bytes are this chunk's own (LineReader.nextLines): moved to the worker, not copied.
        this.worker.postMessage({ kind: 'raw', id, raw: chunk } satisfies ToWorker, chunk.texts.map((t) => t.buffer as ArrayBuffer));
      }
    });
    p.catch(() => {}); // awaited in input order; an error after an earlier failure must not be unhandled
    return p;
  }

  finish(): Promise<readonly AccumulatorStats[]> {
    return new Promise((resolve, reject) => {
      if (this.dead) return reject(this.dead);
      this.statsWaiter = { resolve, reject };
      this.worker.postMessage({ kind: 'finish' } satisfies ToWorker);
    });
  }

  async stop(): Promise<void> {
    this.dead ??= new Error('stopped');
    await this.worker.terminate();
  }
}

/** What {@link scoreSource} needs. */
export interface ScoreLoop {
  readonly source: SegmentSource;
  readonly runners: readonly MetricRunner[];
  readonly perSegment: AtomicFile | undefined;
  readonly progress: ProgressBar | undefined;
  /** Worker threads to use at most (1: score here). */
  readonly jobs: number;
  /** The program file to start workers from; without it, everything is scored here. */
  readonly workerScript: URL | undefined;
  /** The `score` arguments, from which each worker builds the same runners. */
  readonly argv: readonly string[];
  /** Segments per chunk. */
  readonly chunkSize?: number;
  /** Told, once the input is scored, how many worker threads were started (for tests and debugging). */
  readonly onWorkers?: (count: number) => void;
}

/**
 * Reads every segment of the source and adds it to the runners (directly, or through workers whose
 * statistics are merged into the runners at the end). Writes per-segment lines in input order. Returns the
 * number of segments.
 */
export async function scoreSource(loop: ScoreLoop): Promise<number> {
  const { source, runners, perSegment, progress } = loop;
  const size = loop.chunkSize ?? CHUNK_SEGMENTS;
  const chunks: AsyncGenerator<Chunk, void, undefined> = 'rawChunks' in source ? source.rawChunks(size) : chunked(source, size);
  let segments = 0;
  const handle = async (r: ChunkResult): Promise<void> => {
    segments += r.count;
    if (perSegment) await perSegment.write(r.lines);
    if (progress) {
      const p = source.progress();
      progress.update(segments, p.done, p.total);
    }
  };
  const local = (chunk: Chunk): ChunkResult => {
    const segments = chunkSegments(chunk);
    try {
      return { lines: scoreSegments(runners, segments, perSegment !== undefined), count: segments.length };
    } catch (err) {
      throw err instanceof SegmentError ? failure(source, err) : err;
    }
  };

  const threaded = loop.jobs > 1 && loop.workerScript !== undefined;
  const input: WorkerInput = { nlgMetricsScoreWorker: true, argv: loop.argv, perSegment: perSegment !== undefined };
  const script = loop.workerScript as URL;
  const slots: Slot[] = [];
  // A worker takes ~0.25 s to start (a thread, the program loaded and compiled again) before it scores its first
  // chunk: when a regular file is big enough to be long, start one now rather than after reading the first chunks.
  const bytes = source.progress().total;
  if (threaded && bytes !== undefined && bytes >= size * MIN_CHUNKS_FOR_WORKERS * PRESTART_BYTES_PER_SEGMENT) slots.push(new Slot(script, input));
  try {
    // Read ahead a few chunks: a short input is scored here, without using a worker.
    const head: (Chunk | undefined)[] = [];
    let ended = false;
    while (head.length <= MIN_CHUNKS_FOR_WORKERS) {
      let r: IteratorResult<Chunk, void>;
      try {
        r = await chunks.next();
      } catch (readError) {
        // A segment before the bad input that a metric refuses is reported first, as always.
        if (readError instanceof InputError) for (const chunk of head) local(chunk as Chunk);
        throw readError;
      }
      if (r.done) {
        ended = true;
        break;
      }
      head.push(r.value);
      if (!threaded) break;
    }
    if (ended || !threaded) {
      for (const chunk of head) await handle(local(chunk as Chunk));
      if (!ended) for await (const chunk of chunks) await handle(local(chunk));
      loop.onWorkers?.(0);
      return segments;
    }

    const outstanding: Promise<ChunkResult>[] = [];
    let nextId = 0;
    /** Sends the chunk to a worker with room, or scores it here; says whether it was scored here. */
    const dispatch = (chunk: Chunk): boolean => {
      let slot: Slot | undefined;
      for (const s of slots) if (slot === undefined || s.inFlight < slot.inFlight) slot = s;
      // Start another worker only while every one is busy: a short input never starts all of them.
      if (slot === undefined || (slot.inFlight > 0 && slots.length < loop.jobs - 1)) {
        slot = new Slot(script, input);
        slots.push(slot);
      }
      if (slot.inFlight < CHUNKS_PER_WORKER) {
        outstanding.push(slot.send(nextId++, chunk));
        return false;
      }
      // Every worker has a full queue: this thread scores the chunk (its failure waits for its turn, in order).
      nextId++;
      let result: Promise<ChunkResult>;
      try {
        result = Promise.resolve(local(chunk));
      } catch (err) {
        result = Promise.reject(err);
        result.catch(() => {});
      }
      outstanding.push(result);
      return true;
    };
    const next = async (): Promise<void> => {
      try {
        await handle(await (outstanding.shift() as Promise<ChunkResult>));
      } catch (err) {
        throw err instanceof SegmentError ? failure(source, err) : err;
      }
    };

    let taken = 0;
    for (;;) {
      // A refused segment found here is the first in input order (results are taken in order): it propagates.
      while (outstanding.length >= PENDING_CHUNKS_PER_THREAD * loop.jobs) await next();
      let chunk: Chunk;
      if (taken < head.length) {
        chunk = head[taken] as Chunk;
        head[taken++] = undefined;
      } else {
        let r: IteratorResult<Chunk, void>;
        try {
          r = await chunks.next();
        } catch (readError) {
          // The input failed after some segments (e.g. line counts differ, a bad JSON line): a segment before it
          // that a metric refused is reported first, as a single-threaded run would.
          if (readError instanceof InputError) while (outstanding.length > 0) await next();
          throw readError;
        }
        if (r.done) break;
        chunk = r.value;
      }
      // After scoring a chunk here, let the workers' answers in before choosing where the next one goes: while
      // this thread scores chunk after chunk without returning to the event loop (the chunks read ahead, or
      // input already buffered), a worker that finished its queue would otherwise wait (~0.2 s idle measured).
      if (dispatch(chunk)) await yieldToEventLoop();
    }
    while (outstanding.length > 0) await next();
    // Every chunk is in: collect each worker's statistics and merge them here (exact, in any order).
    const all = await Promise.all(slots.map((s) => s.finish()));
    for (const stats of all) {
      stats.forEach((s, i) => (runners[i] as MetricRunner).merge(s, 'score (worker thread)'));
    }
    loop.onWorkers?.(slots.length);
    return segments;
  } finally {
    await chunks.return(undefined).catch(() => {});
    await Promise.all(slots.map((s) => s.stop()));
  }
}
