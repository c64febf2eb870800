/**
 * Python 3.11's `str.lower()` (Unicode 14.0), which sacrebleu applies for `lowercase=True`.
 *
 * JavaScript's `toLowerCase` uses the same full, locale-independent mappings (`İ` → `i̇`, final sigma `ς`),
 * but the engine's newer Unicode tables also lowercase 55 letters that are unassigned in Unicode 14
 * (U+1C89, U+A7CB..U+A7DC, Garay U+10D50..U+10D65, Tolong Siki U+16EA0..U+16EB8), which Python leaves as
 * they are. Those are kept unchanged here. An unassigned code point is neither cased nor case-ignorable for
 * Python, so lowercasing the text between them piece by piece keeps final-sigma decisions identical.
 * @internal
 */

/** Upper-case letters added after Unicode 14 that `toLowerCase` maps and Python 3.11 does not. */
function isNewUpper(cp: number): boolean {
  if (cp < 0x1c89) return false;
  if (cp === 0x1c89) return true;
  if (cp >= 0xa7cb && cp <= 0xa7dc) {
    return cp === 0xa7cb || cp === 0xa7cc || cp === 0xa7ce || cp === 0xa7d2 || cp === 0xa7d4 || cp === 0xa7da || cp === 0xa7dc;
  }
  return (cp >= 0x10d50 && cp <= 0x10d65) || (cp >= 0x16ea0 && cp <= 0x16eb8);
}

/** The code point at `i` if it is one of the protected letters, else -1. */
function protectedAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x1c89 || (c >= 0xa7cb && c <= 0xa7dc)) return isNewUpper(c) ? c : -1;
  if (c === 0xd803 || c === 0xd81b) {
    const cp = s.codePointAt(i) as number;
    return isNewUpper(cp) ? cp : -1;
  }
  return -1;
}

/**
 * `s.lower()` as Python 3.11 computes it.
 *
 * @param s - Any string (lone surrogates pass through).
 * @returns The lowercased string.
 */
export function pyLower(s: string): string {
  let first = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x1c89 && protectedAt(s, i) >= 0) {
      first = i;
      break;
    }
  }
  if (first < 0) return s.toLowerCase();
  let out = '';
  let start = 0;
  for (let i = first; i < s.length; i++) {
    const cp = protectedAt(s, i);
    if (cp < 0) continue;
    const w = cp > 0xffff ? 2 : 1;
    out += s.slice(start, i).toLowerCase() + s.slice(i, i + w);
    i += w - 1;
    start = i + 1;
  }
  return out + s.slice(start).toLowerCase();
}
