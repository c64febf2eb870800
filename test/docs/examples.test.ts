// Runs every example in README.md and in the doc comments of src/, so they cannot go stale.
//
// Convention: in a ```ts block, a line `EXPR; // EXPECTED` is a check: EXPR is evaluated and must equal
// EXPECTED, which is read as a JavaScript expression (deep equality; numbers compared exactly as printed,
// i.e. the printed digits must round-trip), or, when EXPECTED does not parse as JavaScript (for example
// `Map { 'a b' => 2 }`), compared with util.inspect of the value. Other lines run as written, in order,
// with every export of the package in scope. Blocks containing `// no-check` are skipped (shell
// commands, CLI output), and so are blocks in other languages.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..');

interface Example {
  where: string;
  code: string;
  /** The source file of a doc-comment example: its own exports are in scope too. */
  file?: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function fromDocComments(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const out: Example[] = [];
  const re = /@example\s*\n((?:\s*\*.*\n)*?)\s*\*\s*```(?:ts|js|typescript)?\s*\n((?:\s*\*.*\n)*?)\s*\*\s*```/g;
  for (const m of text.matchAll(re)) {
    const line = text.slice(0, m.index).split('\n').length;
    const code = (m[2] ?? '').split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n');
    out.push({ where: `${relative(root, file)}:${line}`, code, file });
  }
  return out;
}

function fromMarkdown(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const out: Example[] = [];
  for (const m of text.matchAll(/```(ts|typescript|js|javascript)\n([\s\S]*?)```/g)) {
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ where: `${relative(root, file)}:${line}`, code: m[2] ?? '' });
  }
  return out;
}

function parseExpected(src: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: new Function(`return (${src});`)() };
  } catch {
    return { ok: false };
  }
}

const DECLARATION = /^\s*(const|let|var|import|export|for|if|while|function|class|await\s+using)\b/;

/**
 * Turns an example into a script body and its checks. A statement is a run of lines ending in `;`.
 * A statement that is an expression, followed on its last line by `// EXPECTED` or on the next lines by
 * comment-only lines `// EXPECTED`, becomes a check.
 */
function compile(code: string): { body: string; checks: { expr: string; expected: string }[] } {
  const checks: { expr: string; expected: string }[] = [];
  const out: string[] = [];
  let pending: string[] = [];
  let lastExpr: { index: number; expr: string } | null = null;
  const lines = code.split('\n').filter((l) => !/^\s*import\s/.test(l));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const commentOnly = /^\s*\/\/\s?(.*)$/.exec(line);
    if (commentOnly && pending.length === 0) {
      if (lastExpr) {
        // Expected output on the following comment line(s).
        const parts = [commentOnly[1] as string];
        while (i + 1 < lines.length && /^\s*\/\/\s?/.test(lines[i + 1] as string) && parseExpectedPartial(parts)) {
          i++;
          parts.push((lines[i] as string).replace(/^\s*\/\/\s?/, ''));
        }
        checks.push({ expr: lastExpr.expr, expected: parts.join('\n').trim() });
        out[lastExpr.index] = `__check(${checks.length - 1}, ${lastExpr.expr});`;
        lastExpr = null;
      }
      continue;
    }
    const trailing = /^(.*?;)\s*\/\/\s*(.+)$/.exec(line);
    const codePart = trailing ? (trailing[1] as string) : line;
    pending.push(codePart);
    if (!/;\s*$/.test(codePart)) continue;
    const statement = pending.join('\n');
    pending = [];
    lastExpr = null;
    const isExpr = !DECLARATION.test(statement);
    if (trailing && isExpr) {
      checks.push({ expr: statement.replace(/;\s*$/, ''), expected: (trailing[2] as string).trim() });
      out.push(`__check(${checks.length - 1}, ${statement.replace(/;\s*$/, '')});`);
    } else {
      out.push(statement);
      if (isExpr) lastExpr = { index: out.length - 1, expr: statement.replace(/;\s*$/, '') };
    }
  }
  out.push(...pending);
  return { body: out.join('\n'), checks };
}

/** True while a multi-line expected value is still incomplete (unbalanced brackets). */
function parseExpectedPartial(parts: string[]): boolean {
  const t = parts.join('\n');
  let depth = 0;
  for (const ch of t) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
  }
  return depth > 0;
}

async function run(example: Example): Promise<number> {
  const { body, checks } = compile(example.code);
  const scope: Record<string, unknown> = { ...(example.file ? await import(example.file) : {}), ...lib };
  const names = Object.keys(scope).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));
  const seen: unknown[] = [];
  const fn = new Function('__check', ...names, `return (async () => {\n${body}\n})();`);
  await fn((i: number, v: unknown) => (seen[i] = v), ...names.map((n) => scope[n]));
  checks.forEach((c, i) => {
    const parsed = parseExpected(c.expected);
    const got = seen[i];
    if (parsed.ok) expect(got, `${example.where}: ${c.expr}`).toStrictEqual(parsed.value);
    else expect(inspect(got, { breakLength: Infinity, depth: 5 }), `${example.where}: ${c.expr}`).toBe(c.expected);
  });
  return checks.length;
}

const examples = [
  ...fromMarkdown(join(root, 'README.md')),
  ...sourceFiles(join(root, 'src')).flatMap(fromDocComments),
].filter((e) => !e.code.includes('// no-check'));

describe('documentation examples', () => {
  it('finds examples with checks in README and the doc comments', () => {
    expect(examples.length).toBeGreaterThan(10);
  });
  for (const ex of examples) {
    it(`${ex.where} runs and prints what it says`, async () => {
      const n = await run(ex);
      expect(n, `${ex.where}: an example must show at least one result as "expr; // result"`).toBeGreaterThan(0);
    });
  }
});
