import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getLexicon } from '../lexicon/index.js';
import { normalize } from './index.js';

// Real lexicon words: every 40th ZWNJ compound in both spellings, and continuous verb forms built
// from the verb stems, so that the ZWNJ rules are exercised on both joined and spaced input.
const WORDS: string[] = [];
{
  const lex = getLexicon();
  let i = 0;
  for (const [joined, forms] of lex.zwnjForms) {
    if (i++ % 40 === 0) WORDS.push(joined, forms[0]!, forms[0]!.replace(/\u200C/g, ' '));
  }
  lex.verbs.forEach((v, j) => {
    if (j % 10 === 0 && v.present) WORDS.push(`می${v.present}ند`, `می ${v.present}م`);
  });
}
const SAMPLE_WORDS = ['سلام', 'دنیا', 'کشور', 'ایران', 'داند', 'گفت', 'شده', 'است', 'بزرگ', 'هسته', 'علي', 'كتاب', 'مصطفى'];

const persianWord = fc.constantFrom(...WORDS, ...SAMPLE_WORDS);
const piece = fc.oneof(
  { weight: 6, arbitrary: persianWord },
  { weight: 1, arbitrary: fc.constantFrom('iPhone', 'A320', 'ISBN', 'hello', 'C++') },
  { weight: 1, arbitrary: fc.constantFrom('12', '3.14', '۱۴۰۲', '٤٥', '1,000') },
  { weight: 1, arbitrary: fc.constantFrom('https://isna.ir/a?b=1', 'www.example.com', 'a.b@c.org') },
  { weight: 1, arbitrary: fc.constantFrom('.', '،', ',', '?', '؟', '!', ':', '(', ')', '«', '»', '"', '...', '-', '/') },
  { weight: 1, arbitrary: fc.constantFrom('\u200C', 'ـ', 'ً', '\n', '\n\n\n', '\t', '😀', '\uD800') },
);
const sep = fc.constantFrom(' ', ' ', ' ', '', '  ', '\u200C');
const text = fc.array(fc.tuple(piece, sep), { maxLength: 30 }).map((xs) => xs.map(([p, s]) => p + s).join(''));

/** The letters of a text after the listed mappings, with everything the normalizer may change removed. */
function letters(s: string): string {
  return s
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[\u0640\u200C\s]/g, '')
    .replace(/[0-9٠-٩۰-۹.,;?"«»…٫،؛؟]/g, '');
}

describe('normalize properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(text, (t) => {
        const once = normalize(t);
        expect(normalize(once)).toBe(once);
      }),
      { numRuns: Number(process.env.KHABAR_PROPERTY_RUNS ?? 2000) },
    );
  });
  it('changes no letter beyond the listed mappings', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(letters(normalize(t))).toBe(letters(t));
      }),
      { numRuns: Number(process.env.KHABAR_PROPERTY_RUNS ?? 2000) },
    );
  });
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (t) => {
        const once = normalize(t);
        expect(typeof once).toBe('string');
        expect(normalize(once)).toBe(once);
      }),
      { numRuns: Number(process.env.KHABAR_PROPERTY_RUNS ?? 2000) },
    );
  });
});
