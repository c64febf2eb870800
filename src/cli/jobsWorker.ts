/**
 * The worker-thread side of `score --jobs N`: the built program (dist/cli.js) started as a worker. It builds
 * the same metric runners from the same `score` arguments, scores each chunk it is sent (returning the
 * per-segment lines, or the first segment a metric refused), and on `finish` sends its summed statistics.
 * @internal
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseCommandArgs } from './args.js';
import { chunkSegments, SegmentError, scoreSegments, type FromWorker, type ToWorker, type WorkerInput } from './jobs.js';
import { InputError } from '../node/lineReader.js';
import { parseMetrics } from './metrics.js';
import { buildRunners, SCORE_OPTIONS } from './score.js';

/** Whether this thread was started as a `score` worker. */
export function isScoreWorker(): boolean {
  return parentPort !== null && (workerData as Partial<WorkerInput> | null)?.nlgMetricsScoreWorker === true;
}

/** Serves chunks until `finish`. */
export function runScoreWorker(): void {
  const port = parentPort;
  if (port === null) return;
  const input = workerData as WorkerInput;
  const post = (m: FromWorker): void => port.postMessage(m);
  let runners;
  try {
    const args = parseCommandArgs('score', input.argv, SCORE_OPTIONS);
    runners = buildRunners(args, parseMetrics(args.lists.get('metrics')));
  } catch (err) {
    post({ kind: 'fatal', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  const scoring = runners;
  port.on('message', (m: ToWorker) => {
    if (m.kind === 'finish') {
      post({ kind: 'stats', stats: scoring.map((r) => r.stats()) });
      return;
    }
    try {
      const lines = scoreSegments(scoring, chunkSegments(m.kind === 'raw' ? m.raw : m.segments), input.perSegment);
      post({ kind: 'done', id: m.id, lines });
    } catch (err) {
      if (err instanceof SegmentError) post({ kind: 'failed', id: m.id, line: err.line, name: err.errorName, message: err.message });
      // A line that is not UTF-8: reported, in input order, as the reading thread would have.
      else if (err instanceof InputError) post({ kind: 'failed', id: m.id, line: 0, name: 'InputError', message: err.message });
      else post({ kind: 'fatal', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
}
