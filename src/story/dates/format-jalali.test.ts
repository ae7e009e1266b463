/** formatJalali, jalaliParts and the digit helpers on hand-picked instants. */
import { describe, expect, it } from 'vitest';
import { formatJalali } from './format-jalali.js';
import { jalaliParts } from './jalali-time.js';
import { jalaliMonthFromName, persianWeekdayFromName } from './month-names.js';
import { toAsciiDigits, toPersianDigits } from './persian-digits.js';

const thursday = new Date('2025-08-21T11:31:00Z'); // پنجشنبه ۳۰ مرداد ۱۴۰۴، ۱۵:۰۱ Tehran

describe('formatJalali', () => {
  it('long form with weekday and time by default', () => {
    expect(formatJalali(thursday)).toBe('پنجشنبه ۳۰ مرداد ۱۴۰۴، ساعت ۱۵:۰۱');
  });
  it('date only, without weekday, numeric, seconds, latin digits', () => {
    expect(formatJalali(thursday, { time: false })).toBe('پنجشنبه ۳۰ مرداد ۱۴۰۴');
    expect(formatJalali(thursday, { weekday: false })).toBe('۳۰ مرداد ۱۴۰۴، ساعت ۱۵:۰۱');
    expect(formatJalali(thursday, { style: 'numeric', time: false })).toBe('۱۴۰۴/۰۵/۳۰');
    expect(formatJalali(thursday, { style: 'numeric' })).toBe('۱۴۰۴/۰۵/۳۰، ساعت ۱۵:۰۱');
    expect(formatJalali(new Date('2025-08-21T11:31:07Z'), { seconds: true })).toBe('پنجشنبه ۳۰ مرداد ۱۴۰۴، ساعت ۱۵:۰۱:۰۷');
    expect(formatJalali(thursday, { digits: 'latin', style: 'numeric' })).toBe('1404/05/30، ساعت 15:01');
  });
  it('renders in Tehran time, with DST where it applied', () => {
    expect(formatJalali(new Date('2025-09-04T20:30:00Z'))).toBe('جمعه ۱۴ شهریور ۱۴۰۴، ساعت ۰۰:۰۰');
    expect(formatJalali(new Date('2019-07-01T06:30:00Z'))).toBe('دوشنبه ۱۰ تیر ۱۳۹۸، ساعت ۱۱:۰۰'); // +04:30
    expect(formatJalali(new Date('2025-03-20T12:00:00Z'))).toBe('پنجشنبه ۳۰ اسفند ۱۴۰۳، ساعت ۱۵:۳۰'); // leap day
    expect(formatJalali(new Date('2022-09-21T21:00:00Z'), { weekday: false })).toBe('۳۱ شهریور ۱۴۰۱، ساعت ۰۰:۳۰');
  });
  it('bad input and options', () => {
    expect(() => formatJalali('2025' as unknown as Date)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => formatJalali(new Date(Number.NaN))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => formatJalali(new Date('1800-01-01T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => formatJalali(thursday, { style: 'short' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => formatJalali(thursday, { colour: true } as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => formatJalali(thursday, { time: 'no' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('jalaliParts', () => {
  it('gives Tehran fields and the Iranian weekday number', () => {
    expect(jalaliParts(thursday)).toEqual({ year: 1404, month: 5, day: 30, weekday: 5, hour: 15, minute: 1, second: 0, offsetSeconds: 12_600 });
  });
});

describe('names and digits', () => {
  it('month and weekday lookups accept common spellings', () => {
    expect(jalaliMonthFromName('اردی‌بهشت')).toBe(2);
    expect(jalaliMonthFromName('فروردين')).toBe(1);
    expect(jalaliMonthFromName('دي')).toBe(10);
    expect(jalaliMonthFromName('مهرماه')).toBe(7);
    expect(jalaliMonthFromName('شهرپور')).toBeUndefined();
    expect(persianWeekdayFromName('يك‌شنبه')).toBe(1);
    expect(persianWeekdayFromName('سه‌شنبه')).toBe(3);
    expect(persianWeekdayFromName('جمعه')).toBe(6);
  });
  it('digits convert between scripts', () => {
    expect(toAsciiDigits('۱۴۰۴/٠٦/14')).toBe('1404/06/14');
    expect(toPersianDigits('1404/٠٦/۱۴')).toBe('۱۴۰۴/۰۶/۱۴');
  });
});
