import { describe, expect, it } from 'vitest';
import { isKhabarError } from '../errors/index.js';
import { parseQuery, MAX_QUERY_LENGTH } from './query-parse.js';

/** Expects INVALID_INPUT with the given offset and a message matching `re`. */
function expectError(q: unknown, offset: number, re: RegExp): void {
  try {
    parseQuery(q as string);
  } catch (e) {
    expect(isKhabarError(e, 'INVALID_INPUT')).toBe(true);
    expect((e as Error).message).toMatch(re);
    if (offset >= 0) expect((e as { details: { offset: number } }).details.offset).toBe(offset);
    return;
  }
  throw new Error(`no error for ${String(q)}`);
}

describe('parseQuery: operators', () => {
  it('reads words, +required, -excluded, phrases and prefixes with offsets', () => {
    const p = parseQuery('نفت +ایران -آمریکا "سازمان ملل" -"شورای امنیت" همکار*');
    expect(p.clauses).toEqual([
      { kind: 'word', occur: 'should', text: 'نفت', start: 0 },
      { kind: 'word', occur: 'must', text: 'ایران', start: 5 },
      { kind: 'word', occur: 'not', text: 'آمریکا', start: 12 },
      { kind: 'phrase', occur: 'must', text: 'سازمان ملل', start: 19 },
      { kind: 'phrase', occur: 'not', text: 'شورای امنیت', start: 33 },
      { kind: 'prefix', occur: 'should', text: 'همکار', start: 47 },
    ]);
  });
  it('accepts Persian and typographic quotes, full-width and minus-sign operators, ٭', () => {
    const p = parseQuery('«سازمان ملل» “a b” −نفت ＋گاز همکار٭ -«x y»');
    expect(p.clauses.map((c) => [c.kind, c.occur, c.text])).toEqual([
      ['phrase', 'must', 'سازمان ملل'], ['phrase', 'must', 'a b'], ['word', 'not', 'نفت'], ['word', 'must', 'گاز'],
      ['prefix', 'should', 'همکار'], ['phrase', 'not', 'x y'],
    ]);
  });
  it('+prefix and -prefix', () => {
    expect(parseQuery('+همکار* -نفت**').clauses.map((c) => [c.kind, c.occur, c.text])).toEqual([
      ['prefix', 'must', 'همکار'], ['prefix', 'not', 'نفت'],
    ]);
  });
  it('takes a lone operator for punctuation, and NBSP, narrow NBSP, RLM as separators', () => {
    expect(parseQuery('تهران - اصفهان +').clauses.map((c) => c.text)).toEqual(['تهران', 'اصفهان']);
    expect(parseQuery('تهران\u00A0اصفهان\u202Fقم\u200Fری').clauses.map((c) => c.text)).toEqual(['تهران', 'اصفهان', 'قم', 'ری']);
  });
  it('keeps ZWNJ inside a word and a quote ends a word', () => {
    expect(parseQuery('همکاری‌های').clauses[0]!.text).toBe('همکاری‌های');
    expect(parseQuery('الف"ب پ"').clauses.map((c) => c.kind)).toEqual(['word', 'phrase']);
  });
  it('Persian words before a colon and URLs are text, not filters', () => {
    expect(parseQuery('گفت: ایران').clauses.map((c) => c.text)).toEqual(['گفت:', 'ایران']);
    expect(parseQuery('https://isna.ir').clauses[0]!.text).toBe('https://isna.ir');
    expect(parseQuery('ساعت 10:30').clauses.map((c) => c.text)).toEqual(['ساعت', '10:30']);
  });
});

describe('parseQuery: filters', () => {
  it('reads service, agency and tag values: bare, quoted, comma lists, Persian aliases', () => {
    const p = parseQuery('service:"سرویس اقتصادی" agency:«خبرگزاری  آران» tag:نفت,گاز،برق Tag:نفت سرويس:ورزشی');
    expect(p.clauses).toEqual([]);
    expect(p.filters).toEqual({ service: ['سرویس اقتصادی', 'ورزشی'], agency: ['خبرگزاری آران'], tag: ['نفت', 'گاز', 'برق'] });
  });
  it('reads Jalali dates in three digit scripts, ISO dates and textual dates; to: is the end of the day', () => {
    const fromIso = '2024-08-01T20:30:00.000Z'; // 1403/05/12 00:00 Tehran (+03:30)
    const toIso = '2024-08-02T20:29:59.999Z';
    for (const d of ['۱۴۰۳/۰۵/۱۲', '1403-05-12', '١٤٠٣/٠٥/١٢', '"۱۲ مرداد ۱۴۰۳"', '۱۲ مرداد ۱۴۰۳', '«۱۲ مرداد ماه ۱۴۰۳»', '2024-08-02']) {
      const p = parseQuery(`نفت from:${d} to:${d}`);
      expect(p.filters.from, d).toBe(fromIso);
      expect(p.filters.to, d).toBe(toIso);
      expect(p.clauses.map((c) => c.text), d).toEqual(['نفت']);
    }
  });
  it('a to: with a time is that instant; a bare time after a bare date is read with it', () => {
    expect(parseQuery('to:"1403/05/12 18:30"').filters.to).toBe('2024-08-02T15:00:00.000Z');
    expect(parseQuery('to:1403/05/12 18:30 نفت').filters.to).toBe('2024-08-02T15:00:00.000Z');
    expect(parseQuery('to:2024-08-02T10:00:00Z').filters.to).toBe('2024-08-02T10:00:00.000Z');
  });
  it('a bare date does not swallow the word after it', () => {
    const p = parseQuery('from:1403/05/12 ایران');
    expect(p.clauses.map((c) => c.text)).toEqual(['ایران']);
  });
  it('a query with only filters is fine', () => {
    expect(parseQuery('service:ورزشی').clauses).toEqual([]);
  });
});

describe('parseQuery: errors name the place', () => {
  it('non-string, empty, white space', () => {
    expectError(42, -1, /must be a string, got number/);
    expectError(null, -1, /got null/);
    expectError('', 0, /empty query/);
    expectError(' \u00A0\u200F ', 0, /empty query/);
    expectError(' - + ', 0, /nothing to search for/);
  });
  it('unclosed quotes and empty phrases', () => {
    expectError('نفت و گاز "ایران', 10, /unclosed quote " at 10/);
    expectError('نفت «ایران', 4, /unclosed quote « at 4/);
    expectError('نفت «ایران"', 4, /unclosed quote « at 4/);
    expectError('نفت "" گاز', 4, /empty phrase at 4/);
    expectError('نفت « » گاز', 4, /empty phrase at 4/);
    expectError('service:""', 8, /empty value of service: at 8/);
  });
  it('operators and stars', () => {
    expectError('نفت +-گاز', 4, /two operators "\+-" at 4/);
    expectError('نفت *', 4, /"\*" at 4 has no word before it/);
    expectError('نفت -*', 5, /has no word before it/);
    expectError('نف*ت', 2, /"\*" at 2 may only end a word/);
  });
  it('filters', () => {
    expectError('نفت foo:bar', 4, /unknown filter "foo:" at 4; use service:, agency:, tag:, from: or to:/);
    expectError('service: نفت', 0, /filter service: at 0 has no value/);
    expectError('tag:,،', 0, /filter tag: at 0 has no value/);
    expectError('-service:ورزشی', 0, /filter service: at 1 cannot take "-"/);
    expectError('from:1403/05/12 from:1403/05/13', 16, /more than one from: \(at 0 and 16\)/);
    expectError('نفت from:فردا', 4, /unreadable date in from: at 4/);
    expectError('to:1403/13/01', 0, /unreadable date in to: at 0/);
    expectError('from:1403/05/12 to:1403/05/01', 0, /from: .* is after to:/);
  });
  it('limits: length and term count, fast', () => {
    const t0 = Date.now();
    expectError('نفت '.repeat(5000), MAX_QUERY_LENGTH, /too long: 20000 characters, at most 2000/);
    expectError('ab '.repeat(201), 600, /more than 200 terms/);
    expectError(`"${'ab '.repeat(201)}"`, 0, /more than 200 terms/);
    expect(Date.now() - t0).toBeLessThan(200);
    expect(parseQuery('ab '.repeat(200)).clauses).toHaveLength(200);
  });
});
