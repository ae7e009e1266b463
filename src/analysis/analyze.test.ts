import { describe, expect, it } from 'vitest';
import { isKhabarError } from '../errors/index.js';
import { analyze, forEachToken, terms } from './analyze.js';

const exact = (t: string) => terms(t, { analyzer: 'fa-exact' });

describe('analyze', () => {
  it('gives the same terms for ZWNJ, space or nothing at affix boundaries', () => {
    const forms = ['همکاری‌های دو کشور', 'همکاری های دو کشور', 'همکاریهای دو کشور', 'همكاري‌هاي دو كشور'];
    const fa = forms.map((f) => terms(f));
    const ex = forms.map(exact);
    for (const t of fa) expect(t).toEqual(fa[0]);
    for (const t of ex) expect(t).toEqual(['همکاریهای', 'دو', 'کشور']);
    expect(fa[0]![0]).toBe('همکاری');
  });
  it('glues a detached verb prefix only to a verb («ماه می سال» stays apart)', () => {
    expect(terms('می داند')).toEqual(terms('می‌داند'));
    expect(terms('میداند')).toEqual(terms('می‌داند'));
    expect(exact('ماه می سال')).toEqual(['ماه', 'می', 'سال']);
  });
  it('lets a merged token span the space, with offsets into the original', () => {
    const text = 'آنها کتاب ها را می خوانند';
    const tokens = analyze(text, { analyzer: 'fa-exact' });
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual(['آنها', 'کتاب ها', 'را', 'می خوانند']);
    expect(tokens.map((t) => t.position)).toEqual([0, 1, 2, 3]);
  });
  it('drops stopwords under fa but keeps their positions', () => {
    const tokens = analyze('کتاب را به دوستم دادم');
    expect(tokens.map((t) => t.position)).toEqual([0, 3, 4]);
    expect(tokens[0]!.term).toBe('کتاب');
  });
  it('folds digits of every script to one form and keeps decimals', () => {
    expect(exact('۱۴۰۳ ١٤٠٣ 1403 ۱۰۳٫۲')).toEqual(['1403', '1403', '1403', '103.2']);
  });
  it('folds harakat, tatweel, Arabic letters, and Latin case', () => {
    expect(exact('مُحَمَّد ســلام كتاب مدرسة iPhone')).toEqual(['محمد', 'سلام', 'کتاب', 'مدرسه', 'iphone']);
  });
  it('lemmatizes for recall under fa', () => {
    expect(terms('کتاب‌ها')).toEqual(terms('کتاب'));
    expect(terms('افراد')).toEqual(terms('فرد'));
  });
  it('rejects a non-string and an unknown analyzer with KhabarError codes', () => {
    for (const bad of [null, undefined, 42, {}, ['متن']]) {
      try {
        analyze(bad as unknown as string);
        expect.unreachable();
      } catch (e) {
        expect(isKhabarError(e, 'INVALID_INPUT')).toBe(true);
        expect((e as Error).message).toMatch(/expects a string/);
      }
    }
    expect(() => analyze('متن', { analyzer: 'en' as 'fa' })).toThrow(/unknown analyzer/);
  });
  it('handles mixed scripts, emoji, lone surrogates and controls with exact offsets', () => {
    const text = 'خبر\uD83D فوری 😀 Breaking\u0007 news، عاجل: «العربية» ۲۰۲۶\uDC00!';
    const tokens = analyze(text, { analyzer: 'fa-exact' });
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.term)).toEqual(['خبر', 'فوری', 'breaking', 'news', 'عاجل', 'العربیه', '2026']);
  });
  it('streams a 50 MB string through forEachToken with exact offsets', () => {
    const unit = 'همکاری های دو کشور در عرصه‌های اقتصادی ۱۴۰۳ گسترش می یابد. ';
    const text = unit.repeat(Math.ceil(50_000_000 / unit.length));
    let count = 0;
    let bad = 0;
    let last = -1;
    forEachToken(text, (t) => {
      count++;
      if (t.start <= last || text.slice(t.start, t.end) !== t.text) bad++;
      last = t.start;
    });
    expect(bad).toBe(0);
    expect(count).toBeGreaterThan(4_000_000);
  });
});
