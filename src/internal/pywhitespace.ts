/**
 * Python's notion of white space (`str.isspace`, `str.split()`, `str.strip()`), which the reference
 * implementations use and which differs from JavaScript's `\s`: Python counts U+001C..U+001F and U+0085
 * as white space but not U+FEFF (BOM); JavaScript's `\s` and `trim()` do the opposite on both counts.
 * Hand-written: scanned by character code on the hot path, no regular expressions.
 * @internal
 */

/** True when the UTF-16 code unit `c` is white space for Python 3.11 (`str.isspace`). */
export function isPyWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** `s.split()` in Python: the runs of non-white-space, never an empty string. */
export function pySplit(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    if (isPyWhitespace(s.charCodeAt(i))) {
      if (start >= 0) {
        out.push(s.slice(start, i));
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/** `s.strip()` in Python. */
export function pyStrip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isPyWhitespace(s.charCodeAt(a))) a++;
  while (b > a && isPyWhitespace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** `s.rstrip()` in Python. */
export function pyRstrip(s: string): string {
  let b = s.length;
  while (b > 0 && isPyWhitespace(s.charCodeAt(b - 1))) b--;
  return b === s.length ? s : s.slice(0, b);
}
