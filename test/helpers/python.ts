/**
 * Python's string rules written out plainly, independently of src/internal/pywhitespace.ts, as oracles for the
 * tests: `str.split()`, `str.strip()` and sacrebleu chrF++'s `_remove_punctuation`.
 */

/** The characters Python's `str.split()` / `str.strip()` treat as white space. */
export const PY_WHITESPACE: ReadonlySet<string> = new Set([
  ...'\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000',
]);

/** True when `ch` (one code point) is Python white space. */
export const isPyWhitespaceRef = (ch: string): boolean => PY_WHITESPACE.has(ch);

/** Python's `s.split()`. */
export function pySplitRef(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (PY_WHITESPACE.has(ch)) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Python's `s.strip()`. */
export function pyStripRef(s: string): string {
  const a = [...s];
  let i = 0;
  let j = a.length;
  while (i < j && PY_WHITESPACE.has(a[i] as string)) i++;
  while (j > i && PY_WHITESPACE.has(a[j - 1] as string)) j--;
  return a.slice(i, j).join('');
}

/** Python's `s.rstrip()`. */
export function pyRstripRef(s: string): string {
  const a = [...s];
  let j = a.length;
  while (j > 0 && PY_WHITESPACE.has(a[j - 1] as string)) j--;
  return a.slice(0, j).join('');
}

/** Python's `string.punctuation`. */
const PUNCT = new Set([...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~']);

/** sacrebleu 2.6.0 chrF++'s word tokens (`_remove_punctuation`): one punctuation character split off a word's end, else its start. */
export function chrfWordsRef(s: string): string[] {
  const out: string[] = [];
  for (const w of pySplitRef(s)) {
    const cps = Array.from(w);
    if (cps.length === 1) out.push(w);
    else if (PUNCT.has(cps[cps.length - 1] as string)) out.push(cps.slice(0, -1).join(''), cps[cps.length - 1] as string);
    else if (PUNCT.has(cps[0] as string)) out.push(cps[0] as string, cps.slice(1).join(''));
    else out.push(w);
  }
  return out;
}
