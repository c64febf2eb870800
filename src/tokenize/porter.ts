/**
 * Porter stemmer, NLTK 3.8 flavour (`nltk.stem.porter.PorterStemmer()` in its
 * default `NLTK_EXTENSIONS` mode), as used by Google's rouge-score when
 * `use_stemmer=True`.
 *
 * This file is hand-written on purpose: rouge-score parity requires matching
 * NLTK's stemmer exactly, and the stemmers on npm implement the original 1980
 * algorithm (or Martin Porter's later revision), which disagree with NLTK on
 * many words — e.g. NLTK gives dying→die, skies→sky, innings→inning,
 * flies→fli, agreed→agre, and leaves news/outing/canning unchanged.
 *
 * Differences from the published algorithm that NLTK_EXTENSIONS mode adds
 * (all reproduced here):
 *  - a small table of irregular forms that bypasses stemming;
 *  - words of length <= 2 are returned unchanged;
 *  - step 1a: a 4-letter word ending in "ies" becomes "…ie" (dies→die);
 *  - step 1b: "ied" → "ie" for 4-letter words, "i" otherwise;
 *  - *o (ends consonant-vowel-consonant) is also true for a 2-letter
 *    vowel+consonant stem;
 *  - step 1c: y→i only when the y follows a consonant that is not the
 *    first letter;
 *  - step 2: "alli"→"al" is tried first and step 2 is re-run on the result;
 *    "bli"→"ble" replaces "abli"→"able"; extra rules "fulli"→"ful" and
 *    "logi"→"log" (the latter measures the stem including the "l").
 *
 * A rule list behaves like NLTK's `_apply_rule_list`: the FIRST rule whose
 * suffix matches decides; if its condition fails the word is returned
 * unchanged and later rules are not tried.
 *
 * Characters are classified with Porter's definition: a, e, i, o, u are
 * vowels; y is a consonant at position 0 or after a vowel, otherwise a vowel;
 * everything else (including digits) is a consonant.
 *
 * The function is pure and allocation-light (no regular expressions, no
 * global cache); callers that stem many repeated tokens may memoize.
 *
 * Inputs outside ASCII are accepted, but exact parity with Python is only
 * guaranteed for ASCII: JavaScript strings are UTF-16 and `toLowerCase`
 * differs from Python's `str.lower` on a few characters. rouge-score only
 * ever stems tokens matching [a-z0-9]+.
 */

const CH_A = 97;
const CH_E = 101;
const CH_I = 105;
const CH_O = 111;
const CH_U = 117;
const CH_Y = 121;
const CH_L = 108;
const CH_S = 115;
const CH_T = 116;
const CH_W = 119;
const CH_X = 120;
const CH_Z = 122;

/** Irregular forms: the word maps directly to the given stem. */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['sky', 'sky'],
  ['skies', 'sky'],
  ['dying', 'die'],
  ['lying', 'lie'],
  ['tying', 'tie'],
  ['news', 'news'],
  ['innings', 'inning'],
  ['inning', 'inning'],
  ['outings', 'outing'],
  ['outing', 'outing'],
  ['cannings', 'canning'],
  ['canning', 'canning'],
  ['howe', 'howe'],
  ['proceed', 'proceed'],
  ['exceed', 'exceed'],
  ['succeed', 'succeed'],
]);

function isVowelLetter(c: number): boolean {
  return c === CH_A || c === CH_E || c === CH_I || c === CH_O || c === CH_U;
}

/**
 * Whether w[i] is a consonant. Only characters before i matter, so the
 * answer is the same for w and for any prefix of w that contains i.
 */
function isConsonant(w: string, i: number): boolean {
  const c = w.charCodeAt(i);
  if (isVowelLetter(c)) return false;
  if (c !== CH_Y) return true;
  // A run of y's alternates consonant/vowel; find where the run starts.
  let j = i - 1;
  while (j >= 0 && w.charCodeAt(j) === CH_Y) j--;
  // Positions j+1..i are all 'y'. The first y of the run is a consonant if
  // it is at position 0 or follows a vowel, and a vowel if it follows a
  // consonant (j >= 0 and w[j] is a non-y, so it is a plain vowel/consonant).
  const firstIsConsonant = j < 0 || isVowelLetter(w.charCodeAt(j));
  const evenDistance = ((i - j - 1) & 1) === 0;
  return evenDistance ? firstIsConsonant : !firstIsConsonant;
}

/** Porter's measure m of the prefix w[0, n): the number of vowel→consonant transitions. */
function measure(w: string, n: number): number {
  let m = 0;
  let prevConsonant = false;
  let prevVowel = false;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    let cons: boolean;
    if (isVowelLetter(c)) cons = false;
    else if (c === CH_Y) cons = i === 0 ? true : !prevConsonant;
    else cons = true;
    if (cons && prevVowel) m++;
    prevVowel = !cons;
    prevConsonant = cons;
  }
  return m;
}

/** Whether the prefix w[0, n) contains a vowel (Porter's *v*). */
function containsVowel(w: string, n: number): boolean {
  let prevConsonant = false;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    if (isVowelLetter(c)) return true;
    if (c === CH_Y) {
      if (i > 0 && prevConsonant) return true;
      prevConsonant = true;
    } else {
      prevConsonant = true;
    }
  }
  return false;
}

/** Porter's *d on the prefix w[0, n): ends with two equal consonants. */
function endsDoubleConsonant(w: string, n: number): boolean {
  return n >= 2 && w.charCodeAt(n - 1) === w.charCodeAt(n - 2) && isConsonant(w, n - 1);
}

/**
 * Porter's *o on the prefix w[0, n): ends consonant-vowel-consonant with the
 * last consonant not w, x or y; NLTK extension: or the whole stem is a
 * vowel followed by a consonant.
 */
function endsCvc(w: string, n: number): boolean {
  if (n >= 3) {
    const last = w.charCodeAt(n - 1);
    if (
      isConsonant(w, n - 3) &&
      !isConsonant(w, n - 2) &&
      isConsonant(w, n - 1) &&
      last !== CH_W &&
      last !== CH_X &&
      last !== CH_Y
    ) {
      return true;
    }
    return false;
  }
  return n === 2 && !isConsonant(w, 0) && isConsonant(w, 1);
}

function step1a(w: string): string {
  if (w.endsWith('ies')) {
    // NLTK: dies→die, but flies→fli.
    if (w.length === 4) return w.slice(0, 1) + 'ie';
  }
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies')) return w.slice(0, -2);
  if (w.endsWith('ss')) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

function step1b(w: string): string {
  const len = w.length;
  // NLTK: died→die, but spied→spi.
  if (w.endsWith('ied')) {
    return len === 4 ? w.slice(0, 1) + 'ie' : w.slice(0, -2);
  }
  if (w.endsWith('eed')) {
    return measure(w, len - 3) > 0 ? w.slice(0, -1) : w;
  }
  let s: string;
  if (w.endsWith('ed') && containsVowel(w, len - 2)) s = w.slice(0, -2);
  else if (w.endsWith('ing') && containsVowel(w, len - 3)) s = w.slice(0, -3);
  else return w;

  // Tidy-up after removing -ed / -ing (first matching rule decides).
  if (s.endsWith('at') || s.endsWith('bl') || s.endsWith('iz')) return s + 'e';
  const n = s.length;
  if (endsDoubleConsonant(s, n)) {
    const last = s.charCodeAt(n - 1);
    return last === CH_L || last === CH_S || last === CH_Z ? s : s.slice(0, -1);
  }
  if (measure(s, n) === 1 && endsCvc(s, n)) return s + 'e';
  return s;
}

function step1c(w: string): string {
  const n = w.length;
  // NLTK: y→i when the stem before it has length > 1 and ends in a consonant.
  if (w.charCodeAt(n - 1) === CH_Y && n - 1 > 1 && isConsonant(w, n - 2)) {
    return w.slice(0, -1) + 'i';
  }
  return w;
}

/** [suffix, replacement] pairs; condition m(stem) > 0 unless noted. */
type Rule = readonly [suffix: string, replacement: string];

const STEP2_RULES: readonly Rule[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['fulli', 'ful'],
  // 'logi' → 'log' is handled separately (its condition keeps the 'l').
];

const STEP3_RULES: readonly Rule[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];

/** Step-4 suffixes, removed when m(stem) > 1 ('ion' also needs stem ending s/t). */
const STEP4_SUFFIXES: readonly string[] = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
];

function step2(w: string): string {
  const len = w.length;
  // NLTK: apply "alli" → "al" first and, on success, run step 2 again.
  if (w.endsWith('alli') && measure(w, len - 4) > 0) {
    return step2(w.slice(0, -2));
  }
  for (const [suffix, replacement] of STEP2_RULES) {
    if (w.endsWith(suffix)) {
      const stemLen = len - suffix.length;
      return measure(w, stemLen) > 0 ? w.slice(0, stemLen) + replacement : w;
    }
  }
  if (w.endsWith('logi')) {
    return measure(w, len - 3) > 0 ? w.slice(0, -1) : w;
  }
  return w;
}

function step3(w: string): string {
  const len = w.length;
  for (const [suffix, replacement] of STEP3_RULES) {
    if (w.endsWith(suffix)) {
      const stemLen = len - suffix.length;
      return measure(w, stemLen) > 0 ? w.slice(0, stemLen) + replacement : w;
    }
  }
  return w;
}

function step4(w: string): string {
  const len = w.length;
  for (const suffix of STEP4_SUFFIXES) {
    if (w.endsWith(suffix)) {
      const stemLen = len - suffix.length;
      if (measure(w, stemLen) <= 1) return w;
      if (suffix === 'ion') {
        const last = w.charCodeAt(stemLen - 1);
        if (last !== CH_S && last !== CH_T) return w;
      }
      return w.slice(0, stemLen);
    }
  }
  return w;
}

function step5a(w: string): string {
  const len = w.length;
  if (w.charCodeAt(len - 1) === CH_E) {
    const n = len - 1;
    const m = measure(w, n);
    if (m > 1) return w.slice(0, n);
    if (m === 1 && !endsCvc(w, n)) return w.slice(0, n);
  }
  return w;
}

function step5b(w: string): string {
  const len = w.length;
  if (w.endsWith('ll') && measure(w, len - 1) > 1) return w.slice(0, -1);
  return w;
}

/**
 * Stems one word exactly like NLTK 3.8's `PorterStemmer().stem(word)`
 * (mode NLTK_EXTENSIONS, `to_lowercase=True`).
 */
export function porterStem(word: string): string {
  const lower = word.toLowerCase();
  // NLTK looks the original (not lowercased) word up in the irregular table
  // and checks the original word's length.
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular;
  if (word.length <= 2) return lower;

  let w = step1a(lower);
  w = step1b(w);
  w = step1c(w);
  w = step2(w);
  w = step3(w);
  w = step4(w);
  w = step5a(w);
  w = step5b(w);
  return w;
}
