import { describe, expect, it } from 'vitest';
import { lemmatize } from './index.js';
import { isKhabarError } from '../../errors/index.js';

const ZWNJ = '\u200c';

/** [form, lemma] pairs written for these tests, one group per rule. */
const CASES: Record<string, ReadonlyArray<readonly [string, string]>> = {
  'verbs: tense, person, negation, prefixes': [
    ['می‌نویسم', 'نوشت#نویس'], ['نمی‌رفتند', 'رفت#رو'], ['بخورید', 'خورد#خور'], ['نیامد', 'آمد#آ'],
    ['می‌آیند', 'آمد#آ'], ['بیاورید', 'آورد#آور'], ['کردند', 'کرد#کن'], ['می‌گوید', 'گفت#گو'],
    ['گذاشت', 'گذاشت#گذار'], ['می‌کنند', 'کرد#کن'], ['نشسته', 'نشست#نشین'],
  ],
  'verbs: participle + auxiliary': [
    ['نوشته‌اند', 'نوشت#نویس'], ['گفته‌است', 'گفت#گو'], ['کرده‌ایم', 'کرد#کن'], ['کردهاند', 'کرد#کن'],
    ['رفته‌بودند', 'رفت#رو'],
  ],
  'verbs: preverb compounds': [['برمی‌گردد', 'بر#گشت#گرد'], ['درآورده', 'در#آورد#آور']],
  'verbs: underscore-joined groups': [
    ['گفته_شده_است', 'گفت#گو'], ['نچشیده_است', 'چشید#چش'], ['خواهد_رفت', 'رفت#رو'],
  ],
  'copula and auxiliaries': [
    ['است', '#است'], ['ست', '#است'], ['هست', '#هست'], ['نیستند', '#هست'], ['هستیم', '#هست'],
    ['بود', 'بود#باش'], ['باشند', 'بود#باش'], ['خواهد', 'خواست#خواه'], ['نخواهیم', 'خواست#خواه'],
    ['باید', 'بایست#باید'], ['نباید', 'بایست#باید'], ['می‌توان', '#توان'], ['نمی‌توان', '#توان'],
  ],
  'pronoun clitics as tokens': [
    ['ش', 'او'], ['م', 'من'], ['ت', 'تو'], ['مان', 'ما'], ['تان', 'شما'], ['شان', 'آنها'], ['اش', 'او'],
  ],
  'plurals': [
    ['کتاب‌ها', 'کتاب'], ['کتابهای', 'کتاب'], ['کتاب‌هایی', 'کتاب'], ['دانشجویان', 'دانشجو'],
    ['نمایندگان', 'نماینده'], ['درختان', 'درخت'], ['تجربیات', 'تجربه'],
  ],
  'broken plurals': [['افراد', 'فرد'], ['امور', 'امر']],
  'indefinite and ezafe ی': [['کسی', 'کس'], ['جای', 'جا'], ['وقتی', 'وقت'], ['صدای', 'صدا'], ['خانه‌ای', 'خانه']],
  'written ezafe': [['همهٔ', 'همه'], ['خانهٔ', 'خانه'], ['خانۀ', 'خانه'], ['گفتهٔ', 'گفته']],
  'possessive clitics attached': [['کتابم', 'کتاب'], ['کتابش', 'کتاب'], ['کتاب‌هایشان', 'کتاب'], ['صدایش', 'صدا']],
  'comparatives': [['بیشتر', 'بیش'], ['بهترین', 'به'], ['مهم‌ترین', 'مهم'], ['بزرگ‌تر', 'بزرگ']],
  'no over-stemming': [
    ['ایران', 'ایران'], ['مردم', 'مردم'], ['زمان', 'زمان'], ['ایرانی', 'ایرانی'], ['اجتماعی', 'اجتماعی'],
    ['دفتر', 'دفتر'], ['دختر', 'دختر'], ['تنها', 'تنها'], ['میدان', 'میدان'], ['سازمان', 'سازمان'],
    ['آتشفشان', 'آتشفشان'], ['کار', 'کار'],
  ],
};

describe('lemmatize', () => {
  for (const [rule, cases] of Object.entries(CASES)) {
    it(rule, () => {
      for (const [form, lemma] of cases) expect([form, lemmatize(form)]).toEqual([form, lemma]);
    });
  }

  it('gives the same lemma with or without ZWNJ at an affix boundary', () => {
    for (const [a, b] of [['کتاب‌ها', 'کتابها'], ['می‌کنند', 'میکنند'], ['کرده‌اند', 'کردهاند'],
      ['بزرگ‌ترین', 'بزرگترین'], ['دانش‌آموزان', 'دانش‌آموزان'], ['نمی‌توان', 'نمیتوان']] as const) {
      expect(lemmatize(a)).toBe(lemmatize(b));
    }
  });

  it('folds Arabic yeh/kaf, harakat and tatweel', () => {
    expect(lemmatize('كتابها')).toBe('کتاب');
    expect(lemmatize('كتاب‌هاي')).toBe('کتاب');
    expect(lemmatize('کِتابْ‌ها')).toBe('کتاب');
    expect(lemmatize('کتـــاب‌ها')).toBe('کتاب');
    expect(lemmatize('مي‌كنند')).toBe('کرد#کن');
  });

  it('keeps a ZWNJ that belongs to the lemma', () => {
    expect(lemmatize('دانش‌آموزان')).toBe(`دانش${ZWNJ}آموز`);
  });

  it('returns empty and non-Persian input unchanged', () => {
    expect(lemmatize('')).toBe('');
    expect(lemmatize('2024')).toBe('2024');
    expect(lemmatize('Tehran')).toBe('Tehran');
  });

  it('answers the same from the cache', () => {
    const first = lemmatize('می‌نوشتیم');
    expect(lemmatize('می‌نوشتیم')).toBe(first);
  });

  it('rejects non-string input with INVALID_INPUT', () => {
    for (const bad of [undefined, null, 42, ['کتاب'], {}]) {
      try {
        lemmatize(bad as unknown as string);
        expect.unreachable();
      } catch (e) {
        expect(isKhabarError(e, 'INVALID_INPUT')).toBe(true);
      }
    }
  });
});

describe('lemmatize: the glide after ب/ن stands only before a vowel', () => {
  it('reads بی+noun as a noun, and ب+ی+vowel stem as a verb', () => {
    expect(lemmatize('بیکاری')).toBe('بیکاری');
    expect(lemmatize('بيكار')).toBe('بیکار');
    expect(lemmatize('بیاورد')).toBe('آورد#آور');
    expect(lemmatize('بیندازد')).toBe('انداخت#انداز');
    expect(lemmatize('نیفتاد')).toBe('افتاد#افت');
  });
});
