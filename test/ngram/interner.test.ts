import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HASH_SEED, hashUnit, TokenInterner } from '../../src/ngram/interner';

/** Interns `token` the way a scanning tokenizer does: units written at the tail, hashed on the way, then commit. */
function commitUnits(interner: TokenInterner, token: string): number {
  const units = interner.units;
  let at = interner.tail;
  let h = HASH_SEED;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    units[at++] = c;
    h = hashUnit(h, c);
  }
  return interner.commit(at, h);
}

const tokenArb = fc.string({ unit: 'binary', maxLength: 12 });

describe('TokenInterner', () => {
  it('gives dense ids in order of first sight and the same id to the same token', () => {
    const t = new TokenInterner();
    expect(t.intern('the')).toBe(0);
    expect(t.intern('cat')).toBe(1);
    expect(t.intern('the')).toBe(0);
    expect(t.intern('The')).toBe(2);
    expect(t.size).toBe(3);
    expect([t.word(0), t.word(1), t.word(2)]).toEqual(['the', 'cat', 'The']);
    expect([t.length(0), t.length(1)]).toEqual([3, 3]);
  });

  it('treats __proto__, constructor and toString as ordinary tokens', () => {
    const t = new TokenInterner();
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '__proto__'];
    expect(names.map((w) => t.intern(w))).toEqual([0, 1, 2, 3, 0]);
    expect(t.find('valueOf')).toBe(-1);
    expect(t.find('constructor')).toBe(1);
  });

  it('commit (units written by a scan), intern (a string) and internRange (a slice) agree', () => {
    fc.assert(
      fc.property(fc.array(tokenArb, { maxLength: 60 }), fc.array(fc.nat(2), { maxLength: 60 }), (tokens, ways) => {
        const t = new TokenInterner(4);
        const oracle = new Map<string, number>();
        tokens.forEach((tok, i) => {
          const way = ways[i % Math.max(1, ways.length)] ?? 0;
          const text = `<${tok}>`;
          const id = way === 0 ? commitUnits(t, tok) : way === 1 ? t.intern(tok) : t.internRange(text, 1, 1 + tok.length);
          if (!oracle.has(tok)) oracle.set(tok, oracle.size);
          expect(id).toBe(oracle.get(tok));
        });
        expect(t.size).toBe(oracle.size);
        for (const [tok, id] of oracle) {
          expect(t.word(id)).toBe(tok);
          expect(t.length(id)).toBe(tok.length);
          expect(t.find(tok)).toBe(id);
        }
        expect(t.tail).toBe([...oracle.keys()].reduce((s, k) => s + k.length, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every id through many table and pool growths', () => {
    const t = new TokenInterner(1, 1);
    const words = Array.from({ length: 20_000 }, (_, i) => `w${(i * 7919) % 20_000}`);
    const ids = words.map((w) => t.intern(w));
    expect(t.size).toBe(20_000);
    expect(new Set(ids).size).toBe(20_000);
    expect(words.map((w) => t.find(w))).toEqual(ids);
    expect(t.word(ids[12_345]!)).toBe(words[12_345]);
  });

  it('tells apart tokens that differ in one unit, in length only, or by a lone surrogate', () => {
    const t = new TokenInterner();
    const toks = ['', 'a', 'aa', 'ab', 'ba', 'a\0', '\0a', '\ud83d', '\ude00', '\ud83d\ude00', '\ude00\ud83d'];
    const ids = toks.map((w) => t.intern(w));
    expect(new Set(ids).size).toBe(toks.length);
    toks.forEach((w, i) => expect(t.word(ids[i]!)).toBe(w));
  });

  it('rejects ids it did not give out', () => {
    const t = new TokenInterner();
    t.intern('x');
    expect(() => t.word(1)).toThrow(RangeError);
    expect(() => t.word(-1)).toThrow(RangeError);
    expect(() => t.word(0.5)).toThrow(RangeError);
  });

  it('a scan that drops a known token leaves the tail where it was', () => {
    const t = new TokenInterner();
    t.intern('abc');
    const tail = t.tail;
    expect(commitUnits(t, 'abc')).toBe(0);
    expect(t.tail).toBe(tail);
    expect(commitUnits(t, 'abcd')).toBe(1);
    expect(t.tail).toBe(tail + 4);
  });
});
