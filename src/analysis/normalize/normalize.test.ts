import { describe, expect, it } from 'vitest';
import { isKhabarError } from '../../errors/index.js';
import { DEFAULT_NORMALIZE_OPTIONS, normalize, type NormalizeOptions } from './index.js';

const Z = '\u200C';

function only(...names: (keyof NormalizeOptions)[]): NormalizeOptions {
  const o: NormalizeOptions = {};
  for (const k of Object.keys(DEFAULT_NORMALIZE_OPTIONS) as (keyof NormalizeOptions)[]) o[k] = names.includes(k);
  return o;
}

describe('normalize: letters', () => {
  it('writes Persian yeh and kaf', () => {
    expect(normalize('علي كتاب را به مصطفى داد')).toBe('علی کتاب را به مصطفی داد');
  });
  it('maps presentation forms to base letters', () => {
    expect(normalize('\uFEFB\uFE91\uFEAE')).toBe('لابر');
  });
  it('removes kashida but keeps harakat and tanwin by default', () => {
    expect(normalize('ســــلام معمولاً')).toBe('سلام معمولاً');
    expect(normalize('کِتاب')).toBe('کِتاب');
  });
  it('removes diacritics only when asked', () => {
    expect(normalize('کِتابِ خوب معمولاً', { removeDiacritics: true })).toBe('کتاب خوب معمولا');
  });
  it('can keep Arabic letters', () => {
    expect(normalize('علي', { persianLetters: false })).toBe('علي');
  });
  it('decreases repeated letters on request', () => {
    expect(normalize('خیلیییی خوب', { decreaseRepeatedChars: true })).toBe('خیلی خوب');
    expect(normalize('خیلیییی خوب')).toBe('خیلیییی خوب');
  });
  it('removes or expands special ligatures on request', () => {
    expect(normalize('محمد ﷺ گفت', { removeSpecialChars: true })).toBe('محمد گفت');
    expect(normalize('﷽', { expandSpecialChars: true })).toBe('بسم الله الرحمن الرحیم');
    expect(normalize('﷽')).toBe('﷽');
  });
});

describe('normalize: ZWNJ', () => {
  it('separates the continuous prefix', () => {
    expect(normalize('او می داند')).toBe(`او می${Z}داند`);
    expect(normalize('او میداند')).toBe(`او می${Z}داند`);
    expect(normalize('نمیدانم چه میگفت')).toBe(`نمی${Z}دانم چه می${Z}گفت`);
    expect(normalize('آنها برمیگردند')).toBe(`آنها برمی${Z}گردند`);
  });
  it('leaves words that only start with می alone', () => {
    for (const w of ['میز', 'میلاد', 'میانه', 'ماهان', 'تهران', 'نمایش']) expect(normalize(w)).toBe(w);
    // A common noun + ی that also reads as می + verb: «میدانی» (of the field) is not «می‌دانی» (you know).
    expect(normalize(`آزمایش${Z}های میدانی و کار میدانی`)).toBe(`آزمایش${Z}های میدانی و کار میدانی`);
    expect(normalize('تو می دانی')).toBe(`تو می${Z}دانی`); // written apart, it is the verb
    expect(normalize('ماه می سال گذشته')).toBe('ماه می سال گذشته');
  });
  it('joins plural and comparative suffixes', () => {
    expect(normalize('همکاریهای دو کشور می داند')).toBe(`همکاری${Z}های دو کشور می${Z}داند`);
    expect(normalize('همکاری های تازه')).toBe(`همکاری${Z}های تازه`);
    expect(normalize('لحظه هایی سخت')).toBe(`لحظه${Z}هایی سخت`);
    expect(normalize('جمعهها مطالعه کنید')).toBe(`جمعه${Z}ها مطالعه کنید`);
    expect(normalize('بزرگ ترین شهر')).toBe(`بزرگ${Z}ترین شهر`);
  });
  it('joins clitics after a silent heh', () => {
    expect(normalize('آنان رفته اند')).toBe(`آنان رفته${Z}اند`);
    expect(normalize('برنامه هسته ای')).toBe(`برنامه هسته${Z}ای`);
    expect(normalize('آنان رفتهاند')).toBe(`آنان رفته${Z}اند`);
  });
  it('restores lexicon compounds on strong evidence only', () => {
    expect(normalize('همایش بین المللی')).toBe(`همایش بین${Z}المللی`);
    expect(normalize('همایش بینالمللی')).toBe(`همایش بین${Z}المللی`);
    expect(normalize('مردم بی خبر ماندند')).toBe(`مردم بی${Z}خبر ماندند`);
    expect(normalize('اخلال گر')).toBe(`اخلال${Z}گر`);
    expect(normalize('زمین لرزه ای')).toBe(`زمین${Z}لرزه${Z}ای`);
    // two words that each stand alone stay apart
    expect(normalize('سیستم عامل جدید')).toBe('سیستم عامل جدید');
    expect(normalize('وقتی که آمد')).toBe('وقتی که آمد');
    expect(normalize('متر مربع')).toBe('متر مربع');
  });
  it('reads joined plurals and ezafe without inventing splits', () => {
    expect(normalize('انتهای خیابان')).toBe('انتهای خیابان');
    expect(normalize('رویدادهای مهم')).not.toContain('روی\u200Cداده');
  });
  it('does not glue passive or compound verbs', () => {
    expect(normalize('روزنامه توقیف شده است')).toBe('روزنامه توقیف شده است');
    expect(normalize('کار انجام شد')).toBe('کار انجام شد');
  });
  it('removes wrong ZWNJ', () => {
    expect(normalize(`کاروان${Z}${Z}سرا`)).toBe(`کاروان${Z}سرا`);
    expect(normalize(`سلام ${Z}${Z}دنیا`)).toBe('سلام دنیا');
    expect(normalize(`سلام${Z}${Z} دنیا`)).toBe('سلام دنیا');
    expect(normalize(`${Z}کاروان${Z}سرا${Z}`)).toBe(`کاروان${Z}سرا`);
    expect(normalize(`دیوار${Z}ها`)).toBe('دیوارها');
    expect(normalize(`دیوار${Z}ها`, { removeRedundantZwnj: false })).toBe(`دیوار${Z}ها`);
  });
  it('can be switched off', () => {
    expect(normalize('او می داند', { fixZwnj: false })).toBe('او می داند');
    expect(normalize(`سلام${Z}${Z} دنیا`, { cleanZwnj: false, removeRedundantZwnj: false })).toBe(`سلام${Z}${Z} دنیا`);
  });
});

describe('normalize: digits', () => {
  it('writes Persian digits in Persian text', () => {
    expect(normalize('ساعت 18 روز ٤ خرداد')).toBe('ساعت ۱۸ روز ۴ خرداد');
  });
  it('keeps the decimal point by default and writes ٫ without spaces on request', () => {
    expect(normalize('رشد 103.2 درصد')).toBe('رشد ۱۰۳.۲ درصد');
    expect(normalize('رشد ۱۰۳.۲ درصد')).toBe('رشد ۱۰۳.۲ درصد');
    expect(normalize('رشد 103.2 درصد', { decimalSeparator: true })).toBe('رشد ۱۰۳٫۲ درصد');
    expect(normalize('رشد ۱۰۳.۲ درصد', { decimalSeparator: true })).toBe('رشد ۱۰۳٫۲ درصد');
  });
  it('leaves URLs, e-mail, Latin runs and model names alone', () => {
    expect(normalize('نشانی https://isna.ir/news/1402 را ببینید')).toBe('نشانی https://isna.ir/news/1402 را ببینید');
    expect(normalize('با info2@example.com تماس بگیرید')).toBe('با info2@example.com تماس بگیرید');
    expect(normalize('هواپیمای A320 فرود آمد')).toBe('هواپیمای A320 فرود آمد');
    expect(normalize('کتاب با شابک ISBN 978-964-123 منتشر شد')).toBe('کتاب با شابک ISBN 978-964-123 منتشر شد');
    expect(normalize('Windows 11 is here')).toBe('Windows 11 is here');
  });
  it('spaces a number from a word written against it', () => {
    expect(normalize('مسافت ۹کیلومتر')).toBe('مسافت ۹ کیلومتر');
    expect(normalize('مسافت۹ کیلومتر')).toBe('مسافت ۹ کیلومتر');
    expect(normalize('مسافت۹ کیلومتر', { spaceDigits: false })).toBe('مسافت۹ کیلومتر');
  });
  it('can be switched off', () => {
    expect(normalize('ساعت 18.5', { persianDigits: false, decimalSeparator: false })).toBe('ساعت 18.5');
  });
});

describe('normalize: punctuation and spacing', () => {
  it('uses Persian marks in Persian context only', () => {
    expect(normalize('سلام, خوبی? آری; بله')).toBe('سلام، خوبی؟ آری؛ بله');
    expect(normalize('Hello, world?')).toBe('Hello, world?');
  });
  it('turns straight quotes around Persian into guillemets', () => {
    expect(normalize('فیلم "پکن" برنده شد')).toBe('فیلم «پکن» برنده شد');
    expect(normalize('he said "hi" to me')).toBe('he said "hi" to me');
  });
  it('fixes spacing around punctuation', () => {
    expect(normalize('اعلام کرد : « زمین لرزه »')).toBe(`اعلام کرد: «زمین${Z}لرزه»`);
    expect(normalize('( سلام ) دنیا')).toBe('(سلام) دنیا');
    expect(normalize('سلام .دنیا')).toBe('سلام. دنیا');
    expect(normalize('سلام ،دنیا !')).toBe('سلام، دنیا!');
  });
  it('writes an ellipsis', () => {
    expect(normalize('و...')).toBe('و…');
    expect(normalize('و...', { ellipsis: false })).toBe('و...');
  });
  it('collapses white space and keeps paragraphs', () => {
    expect(normalize('  سلام \t  دنیا  ')).toBe('سلام دنیا');
    expect(normalize('یک\r\nدو\n\n\n\nسه')).toBe('یک\nدو\n\nسه');
    expect(normalize('  سلام  ', { collapseWhitespace: false })).toBe('  سلام  ');
  });
  it('can leave spacing alone', () => {
    expect(normalize('سلام ، دنیا', { punctuationSpacing: false })).toBe('سلام ، دنیا');
  });
});

describe('normalize: input checks and robustness', () => {
  it('rejects non-strings with INVALID_INPUT', () => {
    for (const bad of [null, undefined, 42, {}, ['x']]) {
      try {
        normalize(bad as unknown as string);
        expect.unreachable();
      } catch (e) {
        expect(isKhabarError(e, 'INVALID_INPUT')).toBe(true);
      }
    }
  });
  it('rejects unknown or non-boolean options with INVALID_OPTION', () => {
    expect(() => normalize('x', { persianDigit: true } as unknown as NormalizeOptions)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => normalize('x', { fixZwnj: 'yes' } as unknown as NormalizeOptions)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
  it('survives lone surrogates, controls, emoji and huge input', () => {
    const odd = 'سلام \uD800 دنیا \u0000\u0007 😀 abc \uDC00';
    expect(normalize(normalize(odd))).toBe(normalize(odd));
    const big = 'همکاریهای دو کشور می داند، سال 1402. '.repeat(1_400_000); // ~50 MB
    expect(big.length).toBeGreaterThan(50_000_000);
    expect(normalize(big).length).toBeGreaterThan(40_000_000);
  });
  it('handles empty and blank input', () => {
    expect(normalize('')).toBe('');
    expect(normalize('   ')).toBe('');
  });
  it('switches every rule off', () => {
    const text = '  علي "می داند" 12.5 ,  ';
    expect(normalize(text, only())).toBe(text);
  });
});
