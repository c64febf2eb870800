/**
 * The JSONL boundary of preference data: ranked or rated records in, TRL-ready pairs out, streamed line
 * by line so a file of any size converts in constant memory. Untrusted input is validated here with zod,
 * and every problem is reported as one sentence naming the line and the field
 * (`line 7: ranks[2] must be a finite number, got "x"`).
 *
 * Node only (streams, files, zod): the package root never imports this module; the command line does. zod is
 * loaded when the first record is read, not when the module is: loading it takes about 0.1 s, as long as
 * the command line's whole start-up, and most runs (`score` on text files, `merge`) never need it.
 */
import { createReadStream } from 'node:fs';
import type * as Zod from 'zod';
import { describe } from '../internal/validate.js';
import { createPairsSummary, type PairsSummaryAccumulator } from '../pairs/summary.js';
import { convertRecord, resolvePairsOptions } from '../pairs/toPairs.js';
import type { PairsOptions, PairsResult, PairsSummary, PreferencePair, RankedRecord, RatedRecord } from '../pairs/types.js';

/** A problem with one line of input: `line` is 1-based, `field` the record field at fault if any. */
export class JsonlInputError extends Error {
  override readonly name = 'JsonlInputError';
  constructor(
    readonly line: number,
    readonly field: string | undefined,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Bytes (or text) arriving in chunks: a Node readable stream, a web `ReadableStream`, an array of chunks. */
export type JsonlInput = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * Where lines of output go: a Node writable stream (a file, `process.stdout`, a `PassThrough`), or any
 * object with the same `write` contract (returns `false` when full, then emits `'drain'`).
 */
export interface JsonlOutput {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  once(event: 'error', listener: (err: Error) => void): unknown;
  off?(event: 'drain', listener: () => void): unknown;
  off?(event: 'error', listener: (err: Error) => void): unknown;
}

/** The zod schemas of a {@link RankedRecord} and a {@link RatedRecord} line (other fields are allowed and ignored). */
function recordSchemas(z: typeof Zod.z) {
  const prompt = z.string({ error: 'must be a string' });
  const completions = z.array(z.string({ error: 'must be a string' }), { error: 'must be an array of strings' });
  const values = z.array(z.number({ error: 'must be a finite number' }), { error: 'must be an array of finite numbers' });
  return { ranked: z.object({ prompt, completions, ranks: values }), rated: z.object({ prompt, completions, scores: values }) };
}

/** Parses and validates one JSONL line (see {@link pairsRecordParser}). */
export type PairsRecordParser = (text: string, line: number) => RankedRecord | RatedRecord;

/** `ranks[2]`, `completions[0]`, `prompt`. */
function pathText(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else s += s === '' ? String(p) : `.${String(p)}`;
  }
  return s;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, p)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/**
 * Loads zod and returns the parser of JSONL lines as ranked (`ranks`) or rated (`scores`) records:
 * `parse(text, line)` takes the line without its line break and its 1-based number (for messages), and
 * returns the record (only its `prompt`, `completions` and `ranks` or `scores`).
 *
 * @returns The parser, `(text, line) => record`; it throws a {@link JsonlInputError} naming the line and the
 *   field, in one sentence: for the line 7
 *   `{"prompt": "Q", "completions": ["a", "b", "c"], "ranks": [1, 2, "x"]}` its message is
 *   `line 7: ranks[2] must be a finite number, got "x"`.
 * @remarks Validates with zod: `prompt` a string, `completions` an array of strings, `ranks` or `scores`
 *   (exactly one of them) an array of finite numbers as long as `completions`.
 * @example
 * ```ts
 * const parse = await pairsRecordParser();
 * parse('{"prompt": "Q", "completions": ["a", "b"], "scores": [1, 2], "id": 7}', 1);
 * // { prompt: 'Q', completions: ['a', 'b'], scores: [1, 2] }
 * ```
 */
export async function pairsRecordParser(): Promise<PairsRecordParser> {
  const schemas = recordSchemas((await import('zod')).z);
  return (text, line) => parsePairsRecord(schemas, text, line);
}

function parsePairsRecord(schemas: ReturnType<typeof recordSchemas>, text: string, line: number): RankedRecord | RatedRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new JsonlInputError(line, undefined, `not valid JSON (${(err as Error).message})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new JsonlInputError(line, undefined, `a record must be a JSON object with "prompt", "completions" and "ranks" or "scores", got ${describe(data)}`);
  }
  const hasRanks = Object.prototype.hasOwnProperty.call(data, 'ranks');
  const hasScores = Object.prototype.hasOwnProperty.call(data, 'scores');
  if (hasRanks === hasScores) {
    throw new JsonlInputError(
      line,
      undefined,
      hasRanks
        ? 'a record must have "ranks" or "scores", not both'
        : 'a record must have "ranks" (lower is better) or "scores" (higher is better)',
    );
  }
  const field = hasRanks ? 'ranks' : 'scores';
  const parsed = (hasRanks ? schemas.ranked : schemas.rated).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as Zod.z.core.$ZodIssue;
    const where = pathText(issue.path);
    const value = valueAt(data, issue.path);
    const sentence = value === undefined ? `${where} is missing (it ${issue.message})` : `${where} ${issue.message}, got ${describe(value)}`;
    throw new JsonlInputError(line, where, sentence);
  }
  const record: RankedRecord | RatedRecord = parsed.data;
  const n = 'ranks' in record ? record.ranks.length : record.scores.length;
  if (n !== record.completions.length) {
    throw new JsonlInputError(line, field, `${field} must have one entry per completion (${record.completions.length}), got ${n}`);
  }
  return record;
}

const LF = 0x0a;
const CR = 0x0d;

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The lines of a byte stream, decoded as strict UTF-8, one at a time: `\n` and `\r\n` both end a line, a
 * last line without a line break counts, and a UTF-8 byte order mark at the start is skipped.
 *
 * @param input - Chunks of bytes (or of text) in order; a chunk may end mid-line or mid-character.
 * @returns An async generator of `{ line, text }` (1-based line numbers), holding at most one line.
 * @throws {@link JsonlInputError} on a line that is not valid UTF-8.
 * @remarks Decodes each line with `TextDecoder('utf-8', { fatal: true })`, which Node's `readline`
 *   cannot do (it substitutes U+FFFD silently).
 * @example
 * ```ts
 * const lines = [];
 * for await (const l of readJsonlLines(['{"a":1}\r\n{"b"', ':2}'])) lines.push(l);
 * lines; // [{ line: 1, text: '{"a":1}' }, { line: 2, text: '{"b":2}' }]
 * ```
 */
export async function* readJsonlLines(input: JsonlInput): AsyncGenerator<{ line: number; text: string }, void, undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const encoder = new TextEncoder();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let line = 0;
  const decode = (bytes: Uint8Array): string => {
    line++;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === CR) end--;
    let text: string;
    try {
      text = decoder.decode(end === bytes.length ? bytes : bytes.subarray(0, end));
    } catch {
      throw new JsonlInputError(line, undefined, 'not valid UTF-8');
    }
    return line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    let start = 0;
    for (let nl = bytes.indexOf(LF, start); nl >= 0; nl = bytes.indexOf(LF, start)) {
      const piece = bytes.subarray(start, nl);
      const whole = pending.length === 0 ? piece : concat([...pending, piece], pendingBytes + piece.length);
      pending = [];
      pendingBytes = 0;
      const text = decode(whole);
      yield { line, text };
      start = nl + 1;
    }
    if (start < bytes.length) {
      pending.push(new Uint8Array(bytes.subarray(start))); // a copy: the caller may reuse its chunk
      pendingBytes += bytes.length - start;
    }
  }
  if (pendingBytes > 0) {
    const text = decode(concat(pending, pendingBytes));
    yield { line, text };
  }
}

const BLANK = /^[ \t\r\n]*$/;

/**
 * The records of a JSONL stream, validated, one at a time; blank lines are skipped (and counted).
 *
 * @param input - Chunks of bytes or text (see {@link readJsonlLines}).
 * @returns An async generator of `{ line, record }`.
 * @throws {@link JsonlInputError} on the first bad line (invalid UTF-8 or JSON, a bad field).
 * @remarks Each line goes through the parser of {@link pairsRecordParser} (zod is loaded on the first call).
 * @example
 * ```ts
 * const seen = [];
 * for await (const r of readPairsRecords(['{"prompt":"Q","completions":["a"],"ranks":[1]}\n\n'])) seen.push(r.line);
 * seen; // [1]
 * ```
 */
export async function* readPairsRecords(input: JsonlInput): AsyncGenerator<{ line: number; record: RankedRecord | RatedRecord }, void, undefined> {
  const parse = await pairsRecordParser();
  for await (const { line, text } of readJsonlLines(input)) {
    if (BLANK.test(text)) continue;
    yield { line, record: parse(text, line) };
  }
}

/**
 * Converts a JSONL stream of ranked or rated records into preference pairs, lazily: one record is held
 * at a time, so inputs of any size stream through.
 *
 * @param input - Chunks of bytes or text, one record a line (see {@link readPairsRecords}).
 * @param options - The options of `recordToPairs` (checked before anything is read).
 * @param summary - If given, each record's summary is added to it (see `createPairsSummary`).
 * @returns An async generator of pairs, in input order.
 * @throws TypeError / RangeError at once for bad options; {@link JsonlInputError} for a bad line,
 *   including a tie under `ties: 'error'`.
 * @remarks Same pairs as `recordToPairs` on each record.
 * @example
 * ```ts
 * const out = [];
 * for await (const p of jsonlToPairs(['{"prompt":"Q","completions":["a","b"],"ranks":[2,1]}\n'])) out.push(p);
 * out; // [{ prompt: 'Q', chosen: 'b', rejected: 'a', margin: 1 }]
 * ```
 */
export function jsonlToPairs(input: JsonlInput, options?: PairsOptions, summary?: PairsSummaryAccumulator): AsyncGenerator<PreferencePair, void, undefined> {
  resolvePairsOptions('jsonlToPairs', options);
  return pairsOf(input, options, summary);
}

async function* pairsOf(input: JsonlInput, options: PairsOptions | undefined, summary: PairsSummaryAccumulator | undefined): AsyncGenerator<PreferencePair, void, undefined> {
  for await (const { line, record } of readPairsRecords(input)) {
    const result = convertAt(line, record, options);
    summary?.add(result.summary);
    yield* result.pairs;
  }
}

/** `recordToPairs` on a validated record, its errors (a tie under `ties: 'error'`) given the line number. */
function convertAt(line: number, record: RankedRecord | RatedRecord, options: PairsOptions | undefined): PairsResult {
  const field = 'ranks' in record ? 'ranks' : 'scores';
  try {
    return convertRecord('pairs', field, record, options);
  } catch (err) {
    const message = (err as Error).message.replace(/^pairs: /, '').replace(/record\./g, '');
    throw new JsonlInputError(line, field, message);
  }
}

/**
 * One pair as a JSONL line (with its `\n`), with the keys TRL's reward and DPO trainers read, in order:
 * `prompt`, `chosen`, `rejected`, `margin`, and `weight` when present.
 *
 * @param pair - A preference pair.
 * @returns `JSON.stringify` of the pair's fields, plus a line feed.
 * @remarks The prompt is always explicit (TRL's explicit-prompt preference format).
 * @example
 * ```ts
 * formatPairLine({ prompt: 'Q', chosen: 'b', rejected: 'a', margin: 1 }); // '{"prompt":"Q","chosen":"b","rejected":"a","margin":1}\n'
 * ```
 */
export function formatPairLine(pair: PreferencePair): string {
  const row =
    pair.weight === undefined
      ? { prompt: pair.prompt, chosen: pair.chosen, rejected: pair.rejected, margin: pair.margin }
      : { prompt: pair.prompt, chosen: pair.chosen, rejected: pair.rejected, margin: pair.margin, weight: pair.weight };
  return JSON.stringify(row) + '\n';
}

/**
 * Several pairs as JSONL lines (each as {@link formatPairLine}), escaping each distinct text once: the
 * fast way to write the pairs of one record, which share their prompt and completions.
 *
 * @param pairs - Preference pairs.
 * @returns The lines, each ending in `\n` (`''` for no pairs).
 * @remarks Byte for byte `pairs.map(formatPairLine).join('')`.
 * @example
 * ```ts
 * formatPairLines([{ prompt: 'Q', chosen: 'b', rejected: 'a', margin: 1 }, { prompt: 'Q', chosen: 'b', rejected: 'c', margin: 2 }]);
 * // '{"prompt":"Q","chosen":"b","rejected":"a","margin":1}\n{"prompt":"Q","chosen":"b","rejected":"c","margin":2}\n'
 * ```
 */
export function formatPairLines(pairs: readonly PreferencePair[]): string {
  if (pairs.length === 1) return formatPairLine(pairs[0] as PreferencePair);
  const escaped = new Map<string, string>();
  const json = (text: string): string => {
    let j = escaped.get(text);
    if (j === undefined) {
      j = JSON.stringify(text);
      escaped.set(text, j);
    }
    return j;
  };
  let out = '';
  for (const p of pairs) {
    out += `{"prompt":${json(p.prompt)},"chosen":${json(p.chosen)},"rejected":${json(p.rejected)},"margin":${JSON.stringify(p.margin)}`;
    out += p.weight === undefined ? '}\n' : `,"weight":${JSON.stringify(p.weight)}}\n`;
  }
  return out;
}

const FLUSH_AT = 1 << 16;

/** Writes `text`; when the destination is full, waits for `'drain'` (or rejects on `'error'`). */
async function flush(output: JsonlOutput, text: string): Promise<void> {
  if (output.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = (): void => {
      output.off?.('error', onError);
      resolve();
    };
    const onError = (err: Error): void => {
      output.off?.('drain', onDrain);
      reject(err);
    };
    output.once('drain', onDrain);
    output.once('error', onError);
  });
}

/**
 * Writes pairs as JSONL to a writable stream, batching lines and waiting for `drain` when the stream
 * asks to (so a slow destination never makes output pile up in memory).
 *
 * @param pairs - Pairs, from an array or a generator such as {@link jsonlToPairs}.
 * @param output - A Node writable stream (a file, `process.stdout`) or any {@link JsonlOutput}; it is not ended.
 * @returns The number of pairs written.
 * @throws What the pairs source throws, or the stream's `error`.
 * @remarks Lines as {@link formatPairLine}.
 * @example
 * ```ts
 * let written = '';
 * const sink = { write: (text) => ((written += text), true), once: () => {} };
 * await writePairsJsonl([{ prompt: 'Q', chosen: 'b', rejected: 'a', margin: 1 }], sink); // 1
 * written; // '{"prompt":"Q","chosen":"b","rejected":"a","margin":1}\n'
 * ```
 */
export async function writePairsJsonl(pairs: AsyncIterable<PreferencePair> | Iterable<PreferencePair>, output: JsonlOutput): Promise<number> {
  let text = '';
  let n = 0;
  for await (const pair of pairs as AsyncIterable<PreferencePair>) {
    text += formatPairLine(pair);
    n++;
    if (text.length >= FLUSH_AT) {
      await flush(output, text);
      text = '';
    }
  }
  if (text !== '') await flush(output, text);
  return n;
}

/**
 * Converts a JSONL stream of rankings or ratings into a JSONL stream of pairs, in constant memory.
 *
 * @param input - Chunks of bytes or text (a file stream: see {@link openJsonlInput}).
 * @param output - A Node writable stream or any {@link JsonlOutput}; it is not ended.
 * @param options - The options of `recordToPairs` (checked before anything is read).
 * @returns The total {@link PairsSummary} of the conversion.
 * @throws As {@link jsonlToPairs} and {@link writePairsJsonl}; output written before a bad line stays written.
 * @remarks Writes what {@link writePairsJsonl} would write for {@link jsonlToPairs}, faster: a record's pairs
 *   are formatted together by {@link formatPairLines}, each text escaped once.
 * @example
 * ```ts
 * let written = '';
 * const sink = { write: (text) => ((written += text), true), once: () => {} };
 * (await convertPairsJsonl(['{"prompt":"Q","completions":["a","b","c"],"scores":[1,2,2]}'], sink)).pairs; // 2
 * written.split('\n').length; // 3
 * ```
 */
export async function convertPairsJsonl(input: JsonlInput, output: JsonlOutput, options?: PairsOptions): Promise<PairsSummary> {
  resolvePairsOptions('convertPairsJsonl', options);
  const total = createPairsSummary();
  let text = '';
  for await (const { line, record } of readPairsRecords(input)) {
    const result = convertAt(line, record, options);
    total.add(result.summary);
    text += formatPairLines(result.pairs);
    if (text.length >= FLUSH_AT) {
      await flush(output, text);
      text = '';
    }
  }
  if (text !== '') await flush(output, text);
  return total.result();
}

/**
 * Opens a file for {@link readJsonlLines} and friends, or standard input for `-`.
 *
 * @param path - A file path, or `-`.
 * @returns A readable byte stream.
 * @remarks Errors (a missing file) surface on the first read.
 * @example
 * ```ts
 * const texts = [];
 * for await (const l of readJsonlLines(openJsonlInput('package.json'))) texts.push(l.text);
 * texts[0]; // '{'
 * ```
 */
export function openJsonlInput(path: string): AsyncIterable<Uint8Array> {
  return path === '-' ? process.stdin : createReadStream(path);
}
