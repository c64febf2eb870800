// The sacrebleu tokenizer scans in span mode (what BLEU reads) give exactly the tokens of string mode (what
// the public tokenizers return), for any text, any end, and a Spans reused from line to line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanSplit, Spans } from '../../src/tokenize/internal/spans';
import { scan13a } from '../../src/tokenize/sacrebleu13a';
import { scanChar } from '../../src/tokenize/sacrebleuChar';
import { scanIntl } from '../../src/tokenize/sacrebleuIntl';
import { scanZh } from '../../src/tokenize/sacrebleuZh';
import { pySplit } from '../../src/internal/pywhitespace';

const SCANS = { '13a': scan13a, intl: scanIntl, zh: scanZh, char: scanChar, none: scanSplit } as const;

/** The tokens a span-mode scan recorded, sliced out of the string they point into. */
function sliced(scan: Spans): string[] {
  const out: string[] = [];
  for (let k = 0; k < scan.n; k++) out.push(scan.text.slice(scan.at[2 * k], scan.at[2 * k + 1]));
  return out;
}

/** String mode: the public tokenizers' output for `text[0, to)`. */
function strings(name: keyof typeof SCANS, text: string, to: number): string[] {
  const out: string[] = [];
  SCANS[name](text, to, new Spans(out));
  return out;
}

// Characters every scan treats specially: 13a's entities and punctuation, periods and commas between digits,
// Python white space (U+001C, U+0085, U+00A0, U+3000), zh's range-table characters (U+2001, U+3001, 中),
// surrogates (paired and lone), BOM.
const special = fc.constantFrom('&amp;', '&lt;', '&quot;', '<skipped>', '-\n', '\n', '.', ',', '1', '9', '-', 'a', 'Z', ' ', '\u001c', '\u0085', '\u00a0', '\u3000', '\u2001', '\u3001', '中', '😀', '\ud800', '\udc00', '\ufeff', '“', '€', "'", '__proto__');
const text = fc.oneof(fc.array(special, { maxLength: 30 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 40 }));

describe('sacrebleu scans: span mode = string mode', () => {
  for (const name of Object.keys(SCANS) as (keyof typeof SCANS)[]) {
    it(`${name}: the same tokens, for any end of the line, with one Spans reused`, () => {
      const reused = new Spans();
      fc.assert(
        fc.property(text, fc.nat(), (t, cut) => {
          const to = t.length === 0 ? 0 : cut % (t.length + 1);
          SCANS[name](t, to, reused);
          expect(sliced(reused)).toEqual(strings(name, t, to));
          expect(strings(name, t, to)).toEqual(strings(name, t.slice(0, to), to));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('none is Python split()', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(strings('none', t, t.length)).toEqual(pySplit(t));
      }),
    );
  });

  it('13a scans a line as it is unless it holds <, & or a newline; then its preprocessed copy', () => {
    const scan = new Spans();
    const plain = 'Hello, world! 1,000.50 dollars';
    scan13a(plain, plain.length, scan);
    expect(scan.text).toBe(plain);
    expect(sliced(scan)).toEqual(['Hello', ',', 'world', '!', '1,000.50', 'dollars']);
    const marked = 'a &amp;lt; b-\nc <skipped>d';
    scan13a(marked, marked.length, scan);
    expect(scan.text).not.toBe(marked);
    // sacrebleu: &amp;lt; -> &lt; (one pass per entity, in order) -> <; "-\n" joined; <skipped> removed.
    expect(sliced(scan)).toEqual(['a', '<', 'bc', 'd']);
  });

  it('a long line then a short one: no stale token survives', () => {
    const scan = new Spans();
    const long = 'one two three four five six seven eight nine ten';
    scan13a(long, long.length, scan);
    expect(scan.n).toBe(10);
    scan13a('x', 1, scan);
    expect(scan.n).toBe(1);
    expect(sliced(scan)).toEqual(['x']);
    scanIntl('', 0, scan);
    expect(scan.n).toBe(0);
  });
});
