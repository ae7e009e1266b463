/**
 * Property tests (fast-check) for the analyzer: orthographic variants give the same terms, offsets are
 * exact on any input. Words are drawn from the shipped lexicon.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, terms } from './analyze.js';
import { getLexicon } from './lexicon/index.js';
import { isStopword } from './stopwords.js';
import { fold } from './fold.js';
import { analyzeVerb } from './morphology/index.js';

const ZWNJ = '\u200C';
const AFFIX_WORDS = new Set(['ها', 'های', 'هایی', 'تر', 'ترین', 'تری', 'ی', 'ای', 'ام', 'ات', 'اش', 'ایم', 'اید', 'اند', 'یی', 'می', 'نمی', 'بی']);
const PERSIAN_ONLY = /^[\u0622-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]+$/;

const nouns: string[] = [];
const adjectives: string[] = [];
for (const [word, e] of getLexicon().entries()) {
  if (e.freqClass < 14 || word.length < 2 || word.length > 9 || !PERSIAN_ONLY.test(word)) continue;
  if (AFFIX_WORDS.has(word) || isStopword(fold(word)) || word.startsWith('ه')) continue;
  if (e.pos.includes('n')) nouns.push(word);
  if (e.pos.includes('a')) adjectives.push(word);
}
const verbForms: string[] = [];
for (const v of getLexicon().verbs) {
  if (!v.present || v.present.length < 2) continue;
  for (const ending of ['م', 'ی', 'د', 'یم', 'ید', 'ند']) {
    const form = v.present.endsWith('ا') || v.present.endsWith('و') ? `${v.present}ی${ending === 'ی' ? 'ی' : ending}` : v.present + ending;
    if (analyzeVerb(`می${form}`) && analyzeVerb(`نمی${form}`)) verbForms.push(form);
  }
}

/** One word unit: parts that orthography may join with ZWNJ, a space or nothing. */
type Unit = string[];
const joiner = fc.constantFrom(ZWNJ, ' ', '');
const nounUnit = fc.tuple(fc.constantFrom(...nouns), fc.constantFrom('', 'ها', 'های', 'هایی', 'ی'))
  .map(([n, s]): Unit => (s ? [n, s] : [n]));
const vowelUnit = fc.tuple(fc.constantFrom(...nouns.filter((n) => n.endsWith('ه') || n.endsWith('ی'))),
  fc.constantFrom('ای', 'ام', 'ات', 'اش', 'ایم', 'اید', 'اند')).map(([n, s]): Unit => [n, s]);
const adjUnit = fc.tuple(fc.constantFrom(...adjectives), fc.constantFrom('تر', 'ترین')).map(([a, s]): Unit => [a, s]);
const verbUnit = fc.tuple(fc.constantFrom('می', 'نمی'), fc.constantFrom(...verbForms)).map(([p, v]): Unit => [p, v]);
const biUnit = fc.constantFrom(...nouns).map((n): Unit => ['بی', n]);
const numberUnit = fc.nat(99999).map((n): Unit => [String(n)]);
const unit = fc.oneof(nounUnit, nounUnit, vowelUnit, adjUnit, verbUnit, biUnit, numberUnit);

const HARAKAT = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B'];
/** Letter-level variants a search must see through: Arabic yeh/kaf, harakat, tatweel, digit scripts. */
function vary(word: string, seed: number): string {
  let out = '';
  let r = seed;
  const next = () => (r = (r * 1103515245 + 12345) & 0x7fffffff);
  for (let i = 0; i < word.length; i++) {
    let c = word[i]!;
    if (c === 'ی' && next() % 2) c = 'ي';
    else if (c === 'ک' && next() % 2) c = 'ك';
    else if (c >= '0' && c <= '9') c = next() % 3 === 0 ? c : String.fromCharCode((next() % 2 ? 0x6f0 : 0x660) + Number(c));
    out += c;
    if (/[\u0621-\u064A\u067E-\u06CC]/.test(c) && next() % 5 === 0) out += HARAKAT[next() % HARAKAT.length];
    // Tatweel only between two joining letters, where a typesetter would put it.
    if (i + 1 < word.length && /[بپتثجچحخسشصضطظعغفقکگلمنهیيك]/.test(c) && /[\u0621-\u06CC]/.test(word[i + 1]!) && next() % 7 === 0) out += '\u0640';
  }
  return out;
}

describe('analyzer properties', () => {
  it('draws enough words from the lexicon to mean something', () => {
    expect(nouns.length).toBeGreaterThan(2000);
    expect(adjectives.length).toBeGreaterThan(300);
    expect(verbForms.length).toBeGreaterThan(500);
  });

  it('every orthographic variant gives the same fa and fa-exact terms', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(unit, fc.array(joiner, { minLength: 3, maxLength: 3 }), fc.nat()), { minLength: 1, maxLength: 6 }), (units) => {
        const canonical = units.map(([parts]) => parts.join(ZWNJ)).join(' ');
        const variant = units.map(([parts, joins, seed]) =>
          parts.map((p, i) => (i === 0 ? '' : joins[i - 1]) + vary(p, seed + i)).join('')).join(' ');
        expect(terms(variant)).toEqual(terms(canonical));
        expect(terms(variant, { analyzer: 'fa-exact' })).toEqual(terms(canonical, { analyzer: 'fa-exact' }));
      }),
      { numRuns: Number(process.env.KHABAR_PROPERTY_RUNS ?? 5000) },
    );
  });

  it('text.slice(start, end) === token.text for every token of any string', () => {
    const persianish = fc.string({ unit: fc.constantFrom(...'کتابهای می‌داند ۱۲۳ abc،.«»\u200C\u00A0\u0640\u064E😀\uD800\n'.split('')), maxLength: 80 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), persianish), fc.boolean(), (text, exactAnalyzer) => {
        let last = -1;
        for (const t of analyze(text, { analyzer: exactAnalyzer ? 'fa-exact' : 'fa' })) {
          expect(text.slice(t.start, t.end)).toBe(t.text);
          expect(t.start).toBeGreaterThan(last);
          expect(t.end).toBeGreaterThan(t.start);
          last = t.start;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
