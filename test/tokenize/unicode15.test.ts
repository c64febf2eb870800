import { describe, expect, it } from 'vitest';
import { CAT_N, CAT_OTHER, CAT_P, CAT_S, PSN_RUNS, psnCategory } from '../../src/tokenize/internal/unicode15';

const ENGINE: Record<number, RegExp> = { [CAT_P]: /^\p{P}$/u, [CAT_S]: /^\p{S}$/u, [CAT_N]: /^\p{N}$/u };

describe('Unicode 15.0 P/S/N table (sacrebleu intl, regex 2022.10.31)', () => {
  it('runs are sorted, disjoint, non-empty, with a valid category', () => {
    let prevEnd = -1;
    for (let i = 0; i < PSN_RUNS.length; i += 2) {
      const start = PSN_RUNS[i] as number;
      const packed = PSN_RUNS[i + 1] as number;
      const end = packed >>> 2;
      expect(start).toBeGreaterThan(prevEnd);
      expect(end).toBeGreaterThanOrEqual(start);
      expect([CAT_P, CAT_S, CAT_N]).toContain(packed & 3);
      prevEnd = end;
    }
    expect(prevEnd).toBeLessThanOrEqual(0x10ffff);
  });

  it('every code point of the table has that category in the engine too (later versions only add)', () => {
    for (let i = 0; i < PSN_RUNS.length; i += 2) {
      const packed = PSN_RUNS[i + 1] as number;
      const re = ENGINE[packed & 3] as RegExp;
      for (let cp = PSN_RUNS[i] as number; cp <= packed >>> 2; cp++) {
        if (!re.test(String.fromCodePoint(cp))) throw new Error(`U+${cp.toString(16)} is not ${re} in this engine`);
      }
    }
  });

  it('psnCategory agrees with the engine on ASCII and Latin-1', () => {
    for (let cp = 0; cp < 0x100; cp++) {
      const ch = String.fromCodePoint(cp);
      const engine = /\p{P}/u.test(ch) ? CAT_P : /\p{S}/u.test(ch) ? CAT_S : /\p{N}/u.test(ch) ? CAT_N : CAT_OTHER;
      expect(psnCategory(cp), `U+${cp.toString(16)}`).toBe(engine);
    }
  });

  it('psnCategory: run ends, gaps, astral code points, surrogates', () => {
    expect(psnCategory(0x2ff0)).toBe(CAT_S); // IDEOGRAPHIC DESCRIPTION CHARACTER LEFT TO RIGHT (Unicode 3.0)
    expect(psnCategory(0x1d7d9)).toBe(CAT_N); // MATHEMATICAL DOUBLE-STRUCK DIGIT ONE
    expect(psnCategory(0x1039f)).toBe(CAT_P); // UGARITIC WORD DIVIDER
    expect(psnCategory(0x1f600)).toBe(CAT_S); // 😀
    expect(psnCategory(0x11f43)).toBe(CAT_P); // KAWI DANDA, new in 15.0
    expect(psnCategory(0x1e4f0)).toBe(CAT_N); // NAG MUNDARI DIGIT ZERO, new in 15.0
    expect(psnCategory(0x4e00)).toBe(CAT_OTHER);
    expect(psnCategory(0xd800)).toBe(CAT_OTHER);
    expect(psnCategory(0x10ffff)).toBe(CAT_OTHER);
  });

  it('characters assigned after Unicode 15.0 are not P/S/N, as in the reference', () => {
    // 15.1: IDEOGRAPHIC DESCRIPTION CHARACTERS U+2FFC..U+2FFF, U+31EF; 16.0: U+2427..U+2429;
    // 17.0: SAUDI RIYAL SIGN U+20C1.
    for (const cp of [0x2ffc, 0x2ffd, 0x2ffe, 0x2fff, 0x31ef, 0x2427, 0x2428, 0x2429, 0x20c1]) {
      expect(psnCategory(cp), `U+${cp.toString(16)}`).toBe(CAT_OTHER);
    }
  });
});
