import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { porterStem } from '../../src/tokenize/porter';
import { tokenize } from '../../src/tokenize/tokenizer';
import { unicodeTokens } from '../../src/tokenize/unicode';

const hasSegmenter = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function';

// Expected tokens are worked out from the documented rules: NFKC, lowercase, words are letters/digits with
// their combining marks, everything else separates; Han and kana one token per character; Thai, Lao,
// Khmer, Myanmar into dictionary words.
describe('unicodeTokens', () => {
  it('Cyrillic: lowercased words, the dash and the period separate', () => {
    expect(unicodeTokens('Москва — столица России.', false)).toEqual(['москва', 'столица', 'россии']);
  });

  it('Greek: lowercased with final sigma, accents kept', () => {
    expect(unicodeTokens('Ελληνικά! ΟΔΟΣ', false)).toEqual(['ελληνικά', 'οδο\u03c2']);
  });

  it('Arabic: the Arabic comma and question mark separate, letters are kept whole', () => {
    expect(unicodeTokens('مرحبا بالعالم، كيف حالك؟', false)).toEqual(['مرحبا', 'بالعالم', 'كيف', 'حالك']);
  });

  it('Devanagari: vowel signs and virama (marks) stay inside the word, the danda separates', () => {
    // हिन्दी = ह ि न ् द ी: ि and ी are spacing marks (Mc), ् is the virama (Mn).
    expect(unicodeTokens('हिन्दी।', false)).toEqual(['हिन्दी']);
    expect(unicodeTokens('नमस्ते दुनिया', false)).toEqual(['नमस्ते', 'दुनिया']);
  });

  it('Tamil: vowel signs stay inside the word', () => {
    expect(unicodeTokens('வணக்கம் உலகம்', false)).toEqual(['வணக்கம்', 'உலகம்']);
  });

  it('Chinese: every ideograph is a token, CJK punctuation separates', () => {
    expect(unicodeTokens('我爱北京天安门。', false)).toEqual(['我', '爱', '北', '京', '天', '安', '门']);
  });

  it('Japanese: kanji and kana one per character, ー included; half-width katakana become full-width', () => {
    expect(unicodeTokens('東京に行きます', false)).toEqual(['東', '京', 'に', '行', 'き', 'ま', 'す']);
    expect(unicodeTokens('ﾗｰﾒﾝ', false)).toEqual(['ラ', 'ー', 'メ', 'ン']);
  });

  it('a change of script inside a word splits it', () => {
    expect(unicodeTokens('AI模型GPT-4在2023年发布', false)).toEqual(['ai', '模', '型', 'gpt', '4', '在', '2023', '年', '发', '布']);
  });

  it('Korean (written with spaces) keeps its words', () => {
    expect(unicodeTokens('안녕하세요 세계', false)).toEqual(['안녕하세요', '세계']);
  });

  it.runIf(hasSegmenter)('Thai: dictionary words', () => {
    // สวัสดี "hello" + ครับ (polite particle); ภาษา "language" + ไทย "Thai".
    expect(unicodeTokens('สวัสดีครับ', false)).toEqual(['สวัสดี', 'ครับ']);
    expect(unicodeTokens('ภาษาไทย', false)).toEqual(['ภาษา', 'ไทย']);
  });

  it.runIf(hasSegmenter)('Thai/Lao/Khmer/Myanmar: the words concatenate back to the (NFKC) run', () => {
    for (const run of ['ภาษาไทยง่ายนิดเดียว', 'ປະເທດລາວມີແມ່ນ້ຳຂອງ', 'ប្រទេសកម្ពុជាមានប្រាសាទអង្គរវត្ត', 'မြန်မာနိုင်ငံသည်အရှေ့တောင်အာရှတွင်ရှိသည်']) {
      const toks = unicodeTokens(run, false);
      expect(toks.length).toBeGreaterThan(1);
      expect(toks.join('')).toBe(run.normalize('NFKC'));
    }
  });

  it.runIf(hasSegmenter)('a long Thai run is segmented as Intl.Segmenter segments the whole run', () => {
    // Longer than the 512-character window: the sliding window must not change the words.
    const run = 'สวัสดีครับวันนี้อากาศดีมากเราจะไปเที่ยวทะเลกัน'.repeat(40);
    const whole = Array.from(new Intl.Segmenter('en', { granularity: 'word' }).segment(run), (s) => s.segment);
    expect(unicodeTokens(run, false)).toEqual(whole);
  });

  it('NFKC: full-width letters and digits, ligatures, circled and superscript digits', () => {
    expect(unicodeTokens('ＡＢＣ１２３ ﬁne ① x²', false)).toEqual(['abc123', 'fine', '1', 'x2']);
  });

  it('variation selectors are deleted, emoji and symbols separate', () => {
    expect(unicodeTokens('I ❤️ NY 😀👍🏽 a\ufe0fb', false)).toEqual(['i', 'ny', 'ab']);
  });

  it('combining marks stay with the letter before them; a mark after a separator is dropped', () => {
    expect(unicodeTokens('cafe\u0301 \u0301x', false)).toEqual(['café'.normalize('NFKC'), 'x']);
  });

  it('apostrophes and hyphens separate, as in rouge', () => {
    expect(unicodeTokens("It's state-of-the-art", false)).toEqual(['it', 's', 'state', 'of', 'the', 'art']);
  });

  it('stemmer: Porter on pure [a-z0-9] tokens longer than 3 characters only', () => {
    expect(unicodeTokens('The cats were running quickly, ваших котов', true)).toEqual(['the', 'cat', 'were', 'run', 'quickli', 'ваших', 'котов']);
    expect(unicodeTokens('naïve flies', true)).toEqual(['naïve', 'fli']);
  });

  it('gives the rouge tokens on lowercase ASCII text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcxyz019 .,-!?\'"\n') }), fc.boolean(), (s, stem) => {
        expect(unicodeTokens(s, stem)).toEqual(tokenize(s, 'rouge', { stemmer: stem }));
      }),
    );
  });

  it('empty and separator-only texts give no tokens', () => {
    expect(unicodeTokens('', false)).toEqual([]);
    expect(unicodeTokens(' \t…—!?\ud800', false)).toEqual([]);
  });
});

describe('unicodeTokens properties', () => {
  const texts = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom('中', '文', 'か', 'ナ', 'ー', 'ก', 'า', 'ั', 'ສ', 'ក', '្', 'မ', 'a', 'B', '1', ' ', '.', '\u0301', '\ufe0f', 'й', 'ह', 'ि') }),
  );

  it('never throws, never yields an empty token, tokens hold no white space or punctuation', () => {
    fc.assert(
      fc.property(texts, fc.boolean(), (s, stem) => {
        const toks = unicodeTokens(s, stem);
        for (const t of toks) {
          expect(t.length).toBeGreaterThan(0);
          expect(/[\s\p{P}]/u.test(t)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('identical texts give identical token lists, non-empty when the text has a letter', () => {
    const samples = ['Москва', 'Ελληνικά', 'مرحبا', 'हिन्दी', '我爱北京', 'สวัสดีครับ', '안녕하세요', 'ქართული'];
    for (const s of samples) {
      const a = tokenize(s, 'unicode');
      const b = tokenize(s.slice(), 'unicode');
      expect(a.length).toBeGreaterThan(0);
      expect(a).toEqual(b);
    }
  });

  it('is idempotent without stemming on texts without Thai/Lao/Khmer/Myanmar', () => {
    const noDict = fc.string({ unit: 'binary' }).filter((s) => !/[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u.test(s));
    fc.assert(
      fc.property(noDict, (s) => {
        const toks = unicodeTokens(s, false);
        expect(unicodeTokens(toks.join(' '), false)).toEqual(toks);
      }),
      { numRuns: 500 },
    );
  });

  it('porterStem is what the stemmer applies', () => {
    expect(unicodeTokens('generously', true)).toEqual([porterStem('generously')]);
  });
});
