import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { porterStem } from '../../src/tokenize/porter';
import { RougeInterner, rougeTokens, scanRougePacked, stemRougeIds } from '../../src/tokenize/rouge';
import { fixtureCases } from '../helpers/fixtures';

interface TokenizeCase {
  id: string;
  options: { use_stemmer?: boolean };
  text: string;
  expected: { tokens: string[] };
}

const cases: TokenizeCase[] = fixtureCases<TokenizeCase>('tokenize_rouge.jsonl');

/**
 * An independent statement of rouge-score's rules with regular expressions: lowercase, runs outside
 * [a-z0-9] separate. JavaScript's toLowerCase agrees with Python's lower() on every character whose
 * lowercase is ASCII (A–Z, U+212A KELVIN SIGN → k, U+0130 → i + U+0307), which is all that survives.
 */
function regexTokens(text: string, stemmer = false): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '')
    .map((t) => (stemmer && t.length > 3 ? porterStem(t) : t));
}

/** The tokens of `ids` through the interner that gave them. */
const words = (t: RougeInterner, ids: readonly number[]) => ids.map((id) => t.word(id));

/** scanRougePacked into a fresh array, trimmed to the count. */
function scan(text: string, t: RougeInterner, lines: number[] | null = null): number[] {
  const ids: number[] = [];
  const n = scanRougePacked(text, t, ids, lines);
  expect(ids.length).toBe(n);
  return ids;
}

/** rougeLsum's line boundaries by the rules: token counts at the end of each non-empty line of `text.split('\n')`. */
function expectedLines(text: string): number[] {
  const out = [0];
  for (const toks of text.split('\n').map((l) => regexTokens(l))) if (toks.length > 0) out.push((out.at(-1) as number) + toks.length);
  return out;
}

// Text with the characters that matter: ASCII letters of both cases, digits, separators, newlines,
// the two non-ASCII characters that lowercase to ASCII, other scripts and astral characters.
const pieces = ['a', 'Z', 'q', '7', ' ', '\n', '\r', '-', "'", '\u212a', '\u0130', 'é', 'ß', '中', '😀', '\u00a0', 'Ab', 'xY9'];
const textArb = fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 60 }));

describe('rougeTokens (rouge_score.tokenize.tokenize)', () => {
  it('reproduces every fixture case', () => {
    expect(cases.length).toBe(360);
    for (const c of cases) expect([c.id, rougeTokens(c.text, c.options.use_stemmer === true)]).toEqual([c.id, c.expected.tokens]);
  });

  it('agrees with the regular-expression statement of the rules on arbitrary text', () => {
    fc.assert(
      fc.property(textArb, fc.boolean(), (text, stem) => {
        expect(rougeTokens(text, stem)).toEqual(regexTokens(text, stem));
      }),
      { numRuns: 500 },
    );
  });

  it('lowercases KELVIN SIGN to k and ends a word after the i of U+0130', () => {
    expect(rougeTokens('\u212Aelvin', false)).toEqual(['kelvin']);
    expect(rougeTokens('D\u0130YARBAKIR \u0130stanbul', false)).toEqual(['di', 'yarbakir', 'i', 'stanbul']);
    expect(rougeTokens('Café 2024-03', false)).toEqual(['caf', '2024', '03']);
  });
});

describe('scanRougePacked', () => {
  it('gives the ids of the tokens rougeTokens lists, one interner shared by several texts', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 4 }), (texts) => {
        const t = new RougeInterner(1, 1);
        const scratch: number[] = [];
        for (const text of texts) {
          // One scratch array for all texts, as the ROUGE context uses it: only ids[0..count) are this text's.
          const n = scanRougePacked(text, t, scratch, null);
          expect(words(t, scratch.slice(0, n))).toEqual(regexTokens(text));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives rougeLsum's line boundaries: the tokens of each non-empty line of text.split('\\n')", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const t = new RougeInterner();
        const lines = [0];
        const ids = scan(text, t, lines);
        expect(lines).toEqual(expectedLines(text));
        expect(words(t, ids)).toEqual(regexTokens(text));
      }),
      { numRuns: 300 },
    );
  });

  it('stemRougeIds maps tokens longer than 3 characters to the ids of their Porter stems', () => {
    const t = new RougeInterner();
    const ids = scan('The cats were running; runs ran', t);
    const memo: number[] = [];
    stemRougeIds(t, ids, memo);
    expect(words(t, ids)).toEqual(['the', 'cat', 'were', 'run', 'run', 'ran']);
    // A second text reuses the stems already made.
    const more = scan('running cats', t);
    stemRougeIds(t, more, memo);
    expect(more).toEqual([ids[3], ids[1]]);
  });
});

describe('RougeInterner and scanRougePacked (the scoring path: 4 units a slot)', () => {
  /** A naive interner: ids in order of first sight, keyed by the token string. */
  function naiveIds(tokens: readonly string[], seen: Map<string, number>): number[] {
    return tokens.map((w) => {
      let id = seen.get(w);
      if (id === undefined) seen.set(w, (id = seen.size));
      return id;
    });
  }
  // Tokens of every length around the slot boundaries (1..9 units), repeated, and the texts above.
  const wordArb = fc.stringMatching(/^[a-zA-Z0-9]{1,9}$/);
  const packedTextArb = fc.oneof(textArb, fc.array(wordArb, { maxLength: 30 }).map((w) => w.join(' ')));

  it('gives the ids of a naive string interner, the lines by the rules, and words/lengths back', () => {
    fc.assert(
      fc.property(fc.array(packedTextArb, { minLength: 1, maxLength: 4 }), fc.boolean(), (texts, small) => {
        const t = small ? new RougeInterner(1, 1) : new RougeInterner();
        const seen = new Map<string, number>();
        for (const text of texts) {
          const ids: number[] = [];
          const lines = [0];
          const n = scanRougePacked(text, t, ids, lines);
          const tokens = regexTokens(text);
          expect(ids.slice(0, n)).toEqual(naiveIds(tokens, seen));
          expect(lines).toEqual(expectedLines(text));
          expect(ids.slice(0, n).map((id) => t.word(id))).toEqual(tokens);
          expect(ids.slice(0, n).map((id) => t.length(id))).toEqual(tokens.map((w) => w.length));
        }
        expect(t.size).toBe(seen.size);
        // intern() of a known token finds its id; of a new one, the next id.
        for (const [w, id] of seen) expect(t.intern(w)).toBe(id);
        expect(t.intern('zz9zz9zz9q')).toBe(seen.has('zz9zz9zz9q') ? seen.get('zz9zz9zz9q') : seen.size);
      }),
      { numRuns: 400 },
    );
  });

  it('handles U+0130 at every slot position and refuses what is not a rouge token', () => {
    for (let k = 0; k < 9; k++) {
      const t = new RougeInterner();
      const ids: number[] = [];
      const text = `${'a'.repeat(k)}\u0130 \u0130x ${'a'.repeat(k)}i`;
      const n = scanRougePacked(text, t, ids, null);
      expect(ids.slice(0, n).map((id) => t.word(id))).toEqual(regexTokens(text));
      expect(ids[0]).toBe(ids[n - 1]);
    }
    const t = new RougeInterner();
    expect(() => t.intern('')).toThrow(RangeError);
    expect(() => t.intern('é')).toThrow(RangeError);
    expect(() => t.word(0)).toThrow(RangeError);
  });

});
