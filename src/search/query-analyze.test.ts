import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, getLexicon, isStopword, analyzeVerb } from '../analysis/index.js';
import { isKhabarError } from '../errors/index.js';
import { indexDocument } from './index-terms.js';
import { analyzeQuery, compileQuery } from './query-analyze.js';
import { parseQuery } from './query-parse.js';

const ZWNJ = '\u200C';

describe('analyzeQuery: same terms as the index', () => {
  it('«همکاری های» = «همکاری‌های» = «همکاریهای» → همکاری', () => {
    for (const q of ['همکاری های', 'همکاری‌های', 'همکاریهای']) expect(compileQuery(q).should, q).toEqual(['همکاری']);
  });
  it('«كشور» = «کشور», «می داند» = «می‌داند», «کتاب» and «کتاب‌ها» share the fa term', () => {
    expect(compileQuery('كشور')).toEqual(compileQuery('کشور'));
    expect(compileQuery('می داند')).toEqual(compileQuery('می‌داند'));
    expect(compileQuery('می داند').should).toEqual(['دانست#دان']);
    expect(compileQuery('کتاب').should).toEqual(compileQuery('کتاب‌ها').should);
  });
  it('query terms are the ones indexDocument stores', () => {
    const doc = indexDocument({ headline: 'همکاری‌های اقتصادی ایران و چین', lead: 'وزیر می‌داند که کتاب‌ها ۱۲۳ جلد است', body: [] });
    const q = compileQuery('همكاري هاي اقتصادي +كتابها -"وزير مي داند" 123 ایران*');
    const fa = new Set(`${doc.head} ${doc.body}`.split(' '));
    const exact = doc.exact.split(' ');
    for (const t of q.should) expect(fa.has(t), t).toBe(true);
    expect(q.must).toEqual([['کتاب']]);
    expect(fa.has('کتاب')).toBe(true);
    expect(q.notPhrases).toEqual([['وزیر', 'میداند']]);
    expect(exact.join(' ')).toContain('وزیر میداند');
    expect(q.prefixes).toEqual(['ایران']);
  });
  it('the operator reaches a detached affix: +همکاری های = +همکاری‌های, -می داند excludes the verb', () => {
    expect(compileQuery('+همکاری های')).toEqual(compileQuery('+همکاری‌های'));
    expect(compileQuery('+همکاری های').must).toEqual([['همکاری']]);
    expect(compileQuery('نفت می -داند').not).toEqual([['دانست#دان']]);
  });
  it('drops stopwords from should, keeps them via exactShould when the words are all stopwords', () => {
    const a = compileQuery('نفت از ایران');
    expect(a.should).toEqual(['نفت', 'ایران']);
    expect(a.exactShould).toEqual([]);
    const b = compileQuery('از این که');
    expect(b.should).toEqual([]);
    expect(b.exactShould).toEqual(['از', 'این', 'که']);
    expect(b.matchAll).toBe(false);
  });
  it('+stopword and -stopword become one-term exact phrases', () => {
    const a = compileQuery('نفت +از -با');
    expect(a.phrases).toEqual([['از']]);
    expect(a.notPhrases).toEqual([['با']]);
  });
  it('phrases keep every word, folded; a word of several tokens is one must group', () => {
    const a = compileQuery('"سازمان ملل از" +covid-19 -"X Y"');
    expect(a.phrases).toEqual([['سازمان', 'ملل', 'از']]);
    expect(a.must).toEqual([['covid', '19']]);
    expect(a.notPhrases).toEqual([['x', 'y']]);
  });
  it('prefixes are folded surface forms of one word, in three lists', () => {
    const a = compileQuery('همكار* +مي‌دان* -۱۴۰*');
    expect(a.prefixes).toEqual(['همکار']);
    expect(a.mustPrefixes).toEqual(['میدان']);
    expect(a.notPrefixes).toEqual(['140']);
  });
  it('deduplicates', () => {
    const a = compileQuery('کتاب کتاب‌ها +نفت +نفت "الف ب" «الف ب»');
    expect(a.should).toEqual(['کتاب']);
    expect(a.must).toEqual([['نفت']]);
    expect(a.phrases).toEqual([['الف', 'ب']]);
  });
  it('filters pass through; matchAll for filters only or exclusions only', () => {
    const a = compileQuery('service:ورزشی from:1403/05/12');
    expect(a.matchAll).toBe(true);
    expect(a.filters).toEqual({ service: ['ورزشی'], agency: [], tag: [], from: '2024-08-01T20:30:00.000Z' });
    expect(compileQuery('-نفت').matchAll).toBe(true);
    expect(compileQuery('نفت').matchAll).toBe(false);
    expect(compileQuery('+نفت').matchAll).toBe(false);
  });
  it('errors: punctuation-only phrase, bad prefixes, nothing searchable', () => {
    const err = (q: string, re: RegExp, offset: number) => {
      try {
        compileQuery(q);
      } catch (e) {
        expect(isKhabarError(e, 'INVALID_INPUT')).toBe(true);
        expect((e as Error).message).toMatch(re);
        expect((e as { details: { offset: number } }).details.offset).toBe(offset);
        return;
      }
      throw new Error(`no error for ${q}`);
    };
    err('نفت "؟!"', /phrase at 4 has no words/, 4);
    err('نفت ؟*', /prefix at 4 has no letters/, 4);
    err('نفت ک*', /prefix at 4 is too short/, 4);
    err('نفت covid-1*', /prefix at 4 must be one word/, 4);
    err('؟ ! .', /no searchable words/, 0);
    expect(() => analyzeQuery(null as never)).toThrow(/expects a ParsedQuery/);
  });
});

// ---- Variant property: words from the lexicon, written every way orthography allows. ----
const PERSIAN_ONLY = /^[\u0622-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]+$/;
const AFFIXES = new Set(['ها', 'های', 'هایی', 'تر', 'ترین', 'ی', 'ای', 'می', 'نمی', 'بی']);
const nouns: string[] = [];
for (const [word, e] of getLexicon().entries()) {
  if (e.freqClass < 14 || word.length < 2 || word.length > 9 || !PERSIAN_ONLY.test(word)) continue;
  if (AFFIXES.has(word) || isStopword(fold(word)) || word.startsWith('ه')) continue;
  if (e.pos.includes('n')) nouns.push(word);
}
const verbForms: string[] = [];
for (const v of getLexicon().verbs) {
  if (!v.present || v.present.length < 2 || /[اوآ]$/.test(v.present)) continue;
  for (const ending of ['م', 'د', 'یم', 'ند']) {
    const form = v.present + ending;
    if (analyzeVerb(`می${form}`)) verbForms.push(form);
  }
}
type Unit = string[];
const nounUnit = fc.tuple(fc.constantFrom(...nouns), fc.constantFrom('', 'ها', 'های')).map(([n, s]): Unit => (s ? [n, s] : [n]));
const verbUnit = fc.constantFrom(...verbForms).map((v): Unit => ['می', v]);
const numberUnit = fc.nat(99999).map((n): Unit => [String(n)]);
const item = fc.record({
  unit: fc.oneof(nounUnit, nounUnit, verbUnit, numberUnit),
  op: fc.constantFrom('', '', '+', '-'),
  quoted: fc.boolean(),
});

function varyLetters(s: string, seed: number): string {
  let r = seed;
  const next = () => (r = (r * 1103515245 + 12345) & 0x7fffffff);
  let out = '';
  for (const c0 of s) {
    let c = c0;
    if (c === 'ی' && next() % 2) c = 'ي';
    else if (c === 'ک' && next() % 2) c = 'ك';
    else if (c >= '0' && c <= '9' && next() % 3) c = String.fromCharCode((next() % 2 ? 0x6f0 : 0x660) + Number(c));
    out += c;
  }
  return out;
}

describe('analyzeQuery: variant robustness (property)', () => {
  it('ي/ك, ZWNJ / space / nothing at affix boundaries and digit scripts give an identical AnalyzedQuery', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), fc.array(fc.constantFrom(ZWNJ, ' ', ''), { minLength: 20, maxLength: 20 }), fc.nat(), (items, joiners, seed) => {
        const write = (joinAt: (k: number) => string, letters: (s: string) => string) =>
          items.map((it, i) => {
            const w = letters(it.unit.join(joinAt(i)));
            return it.quoted ? `${it.op === '-' ? '-' : ''}"${w}"` : it.op + w;
          }).join(' ');
        const canonical = write(() => ZWNJ, (s) => s);
        const variant = write((k) => joiners[k % joiners.length]!, (s) => varyLetters(s, seed));
        let a: unknown;
        try {
          a = compileQuery(canonical);
        } catch (e) {
          // Only exclusions of stopword-free text still parse; a query can legitimately be refused.
          expect(() => compileQuery(variant)).toThrow((e as Error).message.replace(/ at \d+.*/, ''));
          return;
        }
        expect(compileQuery(variant)).toEqual(a);
        compared++;
      }),
      { numRuns: 400 },
    );
    expect(compared).toBeGreaterThan(350); // the property is not vacuous: few generated queries are refused
  });
});

describe('parse + analyze stay fast on hostile input', () => {
  it('2,000 characters of affixes, quotes and stars', () => {
    const t0 = Date.now();
    for (const q of ['ها '.repeat(600), 'می '.repeat(600), '«a» '.repeat(400), 'x* '.repeat(190)]) {
      try {
        analyzeQuery(parseQuery(q.slice(0, 2000)));
      } catch (e) {
        expect(isKhabarError(e, 'INVALID_INPUT')).toBe(true);
      }
    }
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
