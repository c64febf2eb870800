/**
 * Command-line options: Node's own `util.parseArgs` for the tokens, then checks with messages of our own
 * (`score: unknown option --hpy (did you mean --hyp?)`), strict number parsing and a help text generated
 * from the same table, so the parser and the help cannot disagree.
 * @internal
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

/** One option of a command. */
export interface OptionSpec {
  readonly kind: 'string' | 'boolean';
  /** May be given more than once (values collected in order). */
  readonly multiple?: boolean;
  /** One-letter alias, e.g. `h` for `-h`. */
  readonly short?: string;
  /** Placeholder of the value in the help text, e.g. `FILE`. */
  readonly value?: string;
  /** One line of help. */
  readonly help: string;
  /** Heading of the help section it is listed under. */
  readonly group?: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly strings: ReadonlyMap<string, string>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly flags: ReadonlySet<string>;
  readonly positionals: readonly string[];
}

/** Parses `argv` (after the command name) against `table`; throws a {@link UsageError} naming `command`. */
export function parseCommandArgs(command: string, argv: readonly string[], table: OptionTable): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const [name, spec] of Object.entries(table)) {
    options[name] = { type: spec.kind, multiple: true, ...(spec.short ? { short: spec.short } : {}) };
  }
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') {
      positionals.push(t.value);
      continue;
    }
    if (t.kind === 'option-terminator') continue;
    const spec = Object.hasOwn(table, t.name) ? table[t.name] : undefined;
    if (spec === undefined) {
      const hint = suggest(t.name, Object.keys(table));
      throw new UsageError(`${command}: unknown option ${t.rawName}${hint ? ` (did you mean --${hint}?)` : ''}`);
    }
    if (spec.kind === 'boolean') {
      if (t.value !== undefined) throw new UsageError(`${command}: --${t.name} takes no value, got ${t.rawName}=${t.value}`);
      flags.add(t.name);
      continue;
    }
    const value = t.value;
    if (value === undefined) throw new UsageError(`${command}: --${t.name} needs a value (${spec.value ?? 'VALUE'})`);
    if (!t.inlineValue && value.startsWith('-') && value !== '-' && !/^-\d/.test(value)) {
      throw new UsageError(`${command}: --${t.name} needs a value, got the option ${value} (write --${t.name}=${value} if that is the value)`);
    }
    if (spec.multiple) {
      const l = lists.get(t.name) ?? [];
      l.push(value);
      lists.set(t.name, l);
    } else {
      if (strings.has(t.name)) throw new UsageError(`${command}: --${t.name} given more than once`);
      strings.set(t.name, value);
    }
  }
  return { strings, lists, flags, positionals };
}

/** The closest option name within edit distance 2, for "did you mean". */
function suggest(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const n of names) {
    const d = editDistance(name, n);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, (prev[j] as number) + 1, (cur[j - 1] as number) + 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** A decimal integer option value (no `1e3`, no `0x10`, no `7.0`). */
export function parseIntegerValue(command: string, flag: string, text: string): number {
  if (!/^[+-]?\d+$/.test(text.trim())) throw new UsageError(`${command}: ${flag} must be an integer, got ${JSON.stringify(text)}`);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new UsageError(`${command}: ${flag} is out of range, got ${text}`);
  return n;
}

/** A finite decimal number option value. */
export function parseNumberValue(command: string, flag: string, text: string): number {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    throw new UsageError(`${command}: ${flag} must be a number, got ${JSON.stringify(text)}`);
  }
  const n = Number(t);
  if (!Number.isFinite(n)) throw new UsageError(`${command}: ${flag} must be a finite number, got ${text}`);
  return n;
}

/** The options part of a help text: one aligned line per option, grouped. */
export function formatOptionHelp(table: OptionTable): string {
  const groups = new Map<string, string[][]>();
  for (const [name, spec] of Object.entries(table)) {
    const left = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.kind === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
    const g = spec.group ?? 'Options';
    const rows = groups.get(g) ?? [];
    rows.push([left, spec.help + (spec.multiple ? ' (repeatable)' : '')]);
    groups.set(g, rows);
  }
  const width = Math.max(...[...groups.values()].flat().map((r) => (r[0] as string).length));
  const out: string[] = [];
  for (const [g, rows] of groups) {
    out.push(`${g}:`);
    for (const [l, h] of rows) out.push(`  ${(l as string).padEnd(width)}  ${h as string}`);
    out.push('');
  }
  return out.join('\n') + '\n';
}
