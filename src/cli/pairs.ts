/**
 * `nlg-metrics pairs`: ranked (`ranks`) or rated (`scores`) completions, one JSON record a line, to
 * `{"prompt", "chosen", "rejected", "margin"}` lines that TRL's reward and DPO trainers read. Streams record
 * by record (the input is never held in memory); what was produced and dropped goes to standard error.
 * @internal
 */
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { resolvePairsOptions } from '../pairs/toPairs.js';
import type { PairsOptions, PairsSummary } from '../pairs/types.js';
import { convertPairsJsonl, JsonlInputError, type JsonlOutput } from '../node/pairsJsonl.js';
import { atomicFileWritable, type AtomicFile } from '../node/atomicFile.js';
import { describeFsError } from '../node/lineReader.js';
import { formatOptionHelp, parseCommandArgs, parseIntegerValue, parseNumberValue, type OptionTable } from './args.js';
import { EXIT_OK, InputError, UsageError } from './errors.js';
import { commitOutputFile, createOutputFile, note, writeOut, type CliContext } from './io.js';

export const PAIRS_OPTIONS: OptionTable = {
  in: { kind: 'string', value: 'FILE.jsonl', help: 'records {"prompt", "completions", "ranks"} (lower is better) or {..., "scores"} (higher is better); - for standard input' },
  out: { kind: 'string', value: 'FILE.jsonl', help: 'where the pairs go (default or -: standard output); a file is written whole or not at all' },
  strategy: { kind: 'string', value: 'NAME', help: 'all (default: every pair of different levels), best-vs-rest, best-vs-worst, adjacent' },
  ties: { kind: 'string', value: 'drop|error', help: 'equal ranks or scores are never paired; error stops at the first tie (default drop)' },
  'min-margin': { kind: 'string', value: 'X', help: 'drop pairs whose rank or score difference is below X (default 0)' },
  'max-pairs-per-prompt': { kind: 'string', value: 'N', help: 'keep at most N pairs per prompt, chosen at random (reproducibly, see --seed)' },
  seed: { kind: 'string', value: 'S', help: 'seed of that choice (an integer, default 0)' },
  weight: { kind: 'string', value: 'inverse-pairs', help: 'add "weight": 1/(pairs of the prompt), so each prompt weighs 1 in total' },
  help: { kind: 'boolean', short: 'h', help: 'show this help' },
};

export const PAIRS_USAGE = `usage: nlg-metrics pairs --in FILE.jsonl [--out FILE.jsonl] [options]

Turns ranked or rated completions into chosen/rejected preference pairs, one JSON object a line:
{"prompt": ..., "chosen": ..., "rejected": ..., "margin": ...}, as TRL's RewardTrainer and DPOTrainer
read them. Completions of equal rank or score form a level; levels are paired by --strategy; ties and
identical texts are never paired. A summary of what was produced and dropped goes to standard error.

${formatOptionHelp(PAIRS_OPTIONS)}Exit status: 0 success, 2 bad usage or bad input (the message names the line and the field).

example:
  nlg-metrics pairs --in rankings.jsonl --out pairs.jsonl --strategy best-vs-rest
`;

const PAIRS_FLAGS: Readonly<Record<string, string>> = {
  strategy: '--strategy',
  ties: '--ties',
  minMargin: '--min-margin',
  maxPairsPerPrompt: '--max-pairs-per-prompt',
  seed: '--seed',
  weight: '--weight',
};

/** A library message for the CLI: `recordToPairs: record.ranks[2] ...` → `record.ranks[2] ...`, options as flags. */
function cliMessage(err: unknown): string {
  let msg = err instanceof Error ? err.message : String(err);
  msg = msg.replace(/^[A-Za-z]+: /, '');
  for (const [opt, flag] of Object.entries(PAIRS_FLAGS)) msg = msg.split(`options.${opt}`).join(flag);
  return msg;
}

const n = (x: number): string => x.toLocaleString('en-US');
const plural = (x: number, one: string, many = `${one}s`): string => `${n(x)} ${x === 1 ? one : many}`;

/** Opens the records: a file (checked now, so a missing file is reported before anything is written) or standard input. */
async function openInput(ctx: CliContext, path: string): Promise<{ stream: Readable; name: string; close: () => Promise<void> }> {
  if (path === '-') return { stream: ctx.stdin, name: 'standard input', close: async () => {} };
  let handle;
  try {
    handle = await open(path, 'r');
    if ((await handle.stat()).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (err) {
    await handle?.close().catch(() => {});
    throw new InputError(`cannot read ${path}: ${describeFsError(err)}`);
  }
  const h = handle;
  const stream = h.createReadStream({ highWaterMark: 1 << 16, autoClose: false });
  return {
    stream,
    name: path,
    close: async () => {
      stream.destroy();
      await h.close().catch(() => {});
    },
  };
}

/** The summary lines printed to standard error. */
export function describeSummary(s: PairsSummary, destination: string, flags: { minMargin?: string; maxPairs?: string }): string {
  const lines = [
    `nlg-metrics pairs: ${plural(s.prompts, 'prompt')} (${plural(s.completions, 'completion')}) gave ${plural(s.pairs, 'pair')}, written to ${destination}`,
  ];
  const dropped: string[] = [];
  if (s.tiedPairs > 0) dropped.push(`${plural(s.tiedPairs, 'tied pair')} (equal rank or score)`);
  if (s.identicalPairs > 0) dropped.push(`${plural(s.identicalPairs, 'pair')} of identical texts`);
  if (s.underMarginPairs > 0) dropped.push(`${plural(s.underMarginPairs, 'pair')} under --min-margin ${flags.minMargin ?? ''}`.trimEnd());
  if (s.sampledOutPairs > 0) dropped.push(`${plural(s.sampledOutPairs, 'pair')} over --max-pairs-per-prompt ${flags.maxPairs ?? ''}`.trimEnd());
  lines.push(`  dropped: ${dropped.length > 0 ? dropped.join(', ') : 'nothing'}`);
  if (s.promptsWithoutPairs > 0) lines.push(`  ${plural(s.promptsWithoutPairs, 'prompt')} gave no pair (fewer than two levels, or every pair dropped)`);
  return lines.join('\n');
}

/** Runs `pairs`; returns the exit code. */
export async function pairsCommand(ctx: CliContext, argv: readonly string[]): Promise<number> {
  const args = parseCommandArgs('pairs', argv, PAIRS_OPTIONS);
  if (args.flags.has('help')) {
    await writeOut(ctx, PAIRS_USAGE);
    return EXIT_OK;
  }
  if (args.positionals.length > 0) throw new UsageError(`pairs: unexpected argument ${JSON.stringify(args.positionals[0])} (the input is given with --in)`);
  const inPath = args.strings.get('in');
  if (inPath === undefined) throw new UsageError('pairs: give the records with --in FILE.jsonl (nlg-metrics pairs --help)');
  const outArg = args.strings.get('out');
  const outPath = outArg === '-' ? undefined : outArg; // - is standard output, as without --out
  const maxPairs = args.strings.get('max-pairs-per-prompt');
  const seed = args.strings.get('seed');
  if (seed !== undefined && maxPairs === undefined) throw new UsageError('pairs: --seed applies to the choice made by --max-pairs-per-prompt, which is not given');
  const options: Record<string, unknown> = {};
  const strategy = args.strings.get('strategy');
  if (strategy !== undefined) options.strategy = strategy;
  const ties = args.strings.get('ties');
  if (ties !== undefined) options.ties = ties;
  const minMargin = args.strings.get('min-margin');
  if (minMargin !== undefined) options.minMargin = parseNumberValue('pairs', '--min-margin', minMargin);
  if (maxPairs !== undefined) options.maxPairsPerPrompt = parseIntegerValue('pairs', '--max-pairs-per-prompt', maxPairs);
  if (seed !== undefined) options.seed = parseIntegerValue('pairs', '--seed', seed);
  const weight = args.strings.get('weight');
  if (weight !== undefined) options.weight = weight;
  try {
    resolvePairsOptions('pairs', options);
  } catch (err) {
    throw new UsageError(`pairs: ${cliMessage(err)}`);
  }

  const input = await openInput(ctx, inPath);
  let out: AtomicFile | undefined;
  try {
    if (outPath !== undefined) out = await createOutputFile(ctx, outPath);
    const sink = out ? atomicFileWritable(out) : ctx.stdout;
    let sinkError: unknown;
    const onError = (err: unknown): void => {
      sinkError ??= err;
    };
    if (out) sink.on('error', onError);
    let summary: PairsSummary;
    try {
      summary = await convertPairsJsonl(input.stream, sink as unknown as JsonlOutput, options as PairsOptions);
    } catch (err) {
      if (err instanceof JsonlInputError) throw new InputError(`${input.name} ${err.message}`);
      if (sinkError !== undefined) throw sinkError;
      // A read error of the input stream (an unreadable file) is a system error with a code.
      if (typeof (err as { code?: unknown } | null)?.code === 'string') throw new InputError(`cannot read ${input.name}: ${describeFsError(err)}`);
      throw err;
    }
    if (out) {
      sink.end();
      if (sinkError === undefined) await once(sink, 'finish').catch(onError);
      if (sinkError !== undefined) throw sinkError;
      await commitOutputFile(ctx, out);
    }
    note(ctx, describeSummary(summary, outPath ?? 'standard output', { ...(minMargin !== undefined ? { minMargin } : {}), ...(maxPairs !== undefined ? { maxPairs } : {}) }));
    return EXIT_OK;
  } finally {
    await input.close();
  }
}
