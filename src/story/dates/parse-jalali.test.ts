/** parseJalaliDate on hand-written strings in the shapes Iranian news sites print, and on bad input. */
import { describe, expect, it } from 'vitest';
import { KhabarError } from '../../errors/index.js';
import { parseJalaliDate, parseJalaliDateDetailed } from './parse-jalali.js';

const at = (text: string) => parseJalaliDate(text).toISOString();

function failure(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof KhabarError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('parseJalaliDate: the forms news sites print', () => {
  it('day month-name year - time', () => {
    expect(at('۱۴ شهریور ۱۴۰۴ - ۱۲:۵۶')).toBe('2025-09-05T09:26:00.000Z');
    expect(at('۱۴ شهریور ۱۴۰۴ ساعت ۱۲:۵۶')).toBe('2025-09-05T09:26:00.000Z');
    expect(at('۱۴ شهریور ماه ۱۴۰۴، ساعت ۱۲:۵۶')).toBe('2025-09-05T09:26:00.000Z');
    expect(at('۱۴ شهریورماه ۱۴۰۴ | ۱۲:۵۶')).toBe('2025-09-05T09:26:00.000Z');
  });
  it('numeric dates with seconds, dashes, unpadded fields, day first', () => {
    expect(at('۱۴۰۴/۰۶/۱۴ - ۱۳:۳۰:۲۴')).toBe('2025-09-05T10:00:24.000Z');
    expect(at('۱۴۰۴-۰۶-۱۴')).toBe('2025-09-04T20:30:00.000Z'); // midnight Tehran
    expect(at('۱۴۰۴/۶/۱۴')).toBe('2025-09-04T20:30:00.000Z');
    expect(at('1404.06.14')).toBe('2025-09-04T20:30:00.000Z');
    expect(at('۱۴/۰۶/۱۴۰۴ ۰۸:۰۰')).toBe('2025-09-05T04:30:00.000Z');
  });
  it('weekday first, checked against the date', () => {
    expect(at('پنجشنبه ۳۰ مرداد ۱۴۰۴ - ۱۵:۰۱')).toBe('2025-08-21T11:31:00.000Z');
    expect(at('پنج‌شنبه ۳۰ مرداد ۱۴۰۴ - ۱۵:۰۱')).toBe('2025-08-21T11:31:00.000Z');
    expect(at('سه شنبه ۱ مهر ۱۴۰۴')).toBe('2025-09-22T20:30:00.000Z');
    expect(at('سه‌شنبه، ۱۴۰۴/۰۷/۰۱')).toBe('2025-09-22T20:30:00.000Z');
  });
  it('time before the date', () => {
    expect(at('۱۲:۵۶ - ۱۴۰۴/۰۶/۱۴')).toBe('2025-09-05T09:26:00.000Z');
    expect(at('ساعت ۱۲:۵۶ - ۱۴ شهریور ۱۴۰۴')).toBe('2025-09-05T09:26:00.000Z');
  });
  it('Arabic-Indic and ASCII digits, Arabic yeh and kaf, ZWNJ and odd spacing, bidi marks', () => {
    expect(at('١٤ شهريور ١٤٠٤ - ١٢:٥٦')).toBe('2025-09-05T09:26:00.000Z');
    expect(at('14 شهریور 1404 - 12:56')).toBe('2025-09-05T09:26:00.000Z');
    expect(at('  ۱۴\u00A0\u00A0شهریور   ۱۴۰۴  -  ۱۲:۵۶ ')).toBe('2025-09-05T09:26:00.000Z');
    expect(at('\u200F۱۴ شهریور ۱۴۰۴ - ۱۲:۵۶\u200F')).toBe('2025-09-05T09:26:00.000Z');
    expect(at('۲۰ اردي‌بهشت ۱۴۰۳')).toBe(at('۲۰ اردیبهشت ۱۴۰۳'));
    expect(at('۲۰ اردی بهشت ۱۴۰۳')).toBe(at('۲۰ اردیبهشت ۱۴۰۳'));
    expect(at('یكشنبه ۲۳ شهریور ۱۴۰۴')).toBe('2025-09-13T20:30:00.000Z');
  });
  it('every month name, with the variants امرداد, ابان, اذر', () => {
    const months = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
    months.forEach((name, i) => expect(parseJalaliDateDetailed(`۱ ${name} ۱۴۰۲`).month).toBe(i + 1));
    expect(parseJalaliDateDetailed('۵ امرداد ۱۴۰۲').month).toBe(5);
    expect(parseJalaliDateDetailed('۵ ابان ۱۴۰۲').month).toBe(8);
    expect(parseJalaliDateDetailed('۵ اذر ۱۴۰۲').month).toBe(9);
  });
  it('12-hour times with ق.ظ / ب.ظ and AM/PM', () => {
    expect(at('۱۴۰۴/۰۶/۱۴ ۰۲:۳۰ ب.ظ')).toBe('2025-09-05T11:00:00.000Z');
    expect(at('۱۴۰۴/۰۶/۱۴ ۱۲:۱۰ ق.ظ')).toBe('2025-09-04T20:40:00.000Z');
    expect(at('۱۴۰۴/۰۶/۱۴ ۱۲:۱۰ ب.ظ')).toBe('2025-09-05T08:40:00.000Z');
    expect(at('1404/06/14 2:30 PM')).toBe('2025-09-05T11:00:00.000Z');
  });
  it('labels around the date are ignored', () => {
    expect(at('تاریخ انتشار: ۱۴ شهریور ۱۴۰۴ - ۱۲:۵۶')).toBe('2025-09-05T09:26:00.000Z');
  });
  it('ISO 8601 and Gregorian numeric dates', () => {
    expect(at('2025-09-05T09:26:00Z')).toBe('2025-09-05T09:26:00.000Z');
    expect(at('2025-09-05T12:56:00+03:30')).toBe('2025-09-05T09:26:00.000Z');
    expect(at('2025-09-05T12:56:00.250+0330')).toBe('2025-09-05T09:26:00.250Z');
    expect(at('2025-09-05T12:56')).toBe('2025-09-05T09:26:00.000Z'); // no offset: Tehran time
    expect(at('2025-09-05')).toBe('2025-09-04T20:30:00.000Z');
    expect(at('2025/09/05 - 12:56')).toBe('2025-09-05T09:26:00.000Z');
    expect(parseJalaliDateDetailed('2025-09-05T09:26:00Z')).toMatchObject({ calendar: 'gregorian', year: 1404, month: 6, day: 14, hour: 12, minute: 56 });
  });
  it('detailed result', () => {
    expect(parseJalaliDateDetailed('۱۴۰۴/۰۶/۱۴')).toMatchObject({ calendar: 'jalali', year: 1404, month: 6, day: 14, hour: 0, hasTime: false, offsetSeconds: 12_600, kind: 'unique' });
    expect(parseJalaliDateDetailed('۱۰ تیر ۱۳۹۸ - ۱۰:۰۰')).toMatchObject({ offsetSeconds: 16_200, hasTime: true });
  });
  it('DST: skipped and repeated times follow the disambiguation option', () => {
    expect(parseJalaliDateDetailed('۲ فروردین ۱۳۹۰ - ۰۰:۳۰')).toMatchObject({ kind: 'skipped', offsetSeconds: 16_200 });
    expect(at('۲ فروردین ۱۳۹۰ - ۰۰:۳۰')).toBe('2011-03-21T21:00:00.000Z');
    expect(at('۳۰ شهریور ۱۳۹۰ - ۲۳:۳۰')).toBe('2011-09-21T19:00:00.000Z');
    expect(parseJalaliDate('۳۰ شهریور ۱۳۹۰ - ۲۳:۳۰', { disambiguation: 'later' }).toISOString()).toBe('2011-09-21T20:00:00.000Z');
    expect(failure(() => parseJalaliDate('۳۰ شهریور ۱۳۹۰ - ۲۳:۳۰', { disambiguation: 'reject' }))).toMatch(/^INVALID_INPUT: .*happens twice/);
  });
});

describe('parseJalaliDate: bad input gets a code and names what could not be read', () => {
  it('non-strings', () => {
    for (const v of [42, null, undefined, new Date(), ['۱۴۰۴/۰۶/۱۴']]) {
      expect(failure(() => parseJalaliDate(v as unknown as string))).toMatch(/^INVALID_INPUT: a date must be a string/);
    }
  });
  it('names the unreadable piece', () => {
    expect(failure(() => parseJalaliDate('۱۴ شهرپور ۱۴۰۴'))).toBe('INVALID_INPUT: unknown month name "شهرپور" in "۱۴ شهرپور ۱۴۰۴"');
    expect(failure(() => parseJalaliDate('۳۲ مرداد ۱۴۰۴'))).toBe('INVALID_INPUT: day 32 is out of range for مرداد in "۳۲ مرداد ۱۴۰۴"');
    expect(failure(() => parseJalaliDate('۳۰ اسفند ۱۴۰۴'))).toMatch(/^INVALID_INPUT: day 30 is out of range for اسفند 1404 \(not a leap year\)/);
    expect(failure(() => parseJalaliDate('۱۴۰۴/۱۳/۰۱'))).toMatch(/^INVALID_INPUT: month 13 is out of range/);
    expect(failure(() => parseJalaliDate('خبر فوری'))).toBe('INVALID_INPUT: no date found in "خبر فوری"');
    expect(failure(() => parseJalaliDate(''))).toBe('INVALID_INPUT: no date found in ""');
    expect(failure(() => parseJalaliDate('۱۴ شهریور'))).toMatch(/^INVALID_INPUT: no year after "14 شهریور"/);
    expect(failure(() => parseJalaliDate('شهریور ۱۴۰۴'))).toMatch(/^INVALID_INPUT: month "شهریور" has no day before it/);
    expect(failure(() => parseJalaliDate('۱۴۰۴/۰۶/۱۴ - ۲۵:۰۰'))).toBe('INVALID_INPUT: hour 25 is out of range (0–23)');
    expect(failure(() => parseJalaliDate('۱۴۰۴/۰۶/۱۴ - ۱۲'))).toMatch(/^INVALID_INPUT: unexpected number "12"/);
    expect(failure(() => parseJalaliDate('۱۴/۰۶/۰۴'))).toMatch(/^INVALID_INPUT: cannot tell the year in "14\/06\/04"/);
    expect(failure(() => parseJalaliDate('۱۴۰۴/۰۶/۱۴ و ۱۴۰۴/۰۶/۱۵'))).toMatch(/^INVALID_INPUT: more than one date/);
    expect(failure(() => parseJalaliDate('۱۴۰۴/۰۶/۱۴ ۱۰:۰۰ ۱۱:۰۰'))).toMatch(/^INVALID_INPUT: more than one time/);
  });
  it('a weekday that disagrees with the date is an error unless ignored', () => {
    expect(failure(() => parseJalaliDate('پنجشنبه ۳۱ مرداد ۱۴۰۴'))).toBe(
      'INVALID_INPUT: weekday "پنجشنبه" does not match 1404/5/31, which is a جمعه',
    );
    expect(parseJalaliDate('پنجشنبه ۳۱ مرداد ۱۴۰۴', { weekdayMismatch: 'ignore' }).toISOString()).toBe('2025-08-21T20:30:00.000Z');
  });
  it('years outside 1200–1600 AP (or Gregorian 1821–2222)', () => {
    expect(failure(() => parseJalaliDate('۱ فروردین ۱۱۹۹'))).toMatch(/^INVALID_INPUT: year 1199 is outside the supported range/);
    expect(failure(() => parseJalaliDate('۱ فروردین ۱۷۰۰'))).toMatch(/^INVALID_INPUT: year 1700 is outside the supported range/);
    expect(failure(() => parseJalaliDate('1650/01/01'))).toMatch(/^INVALID_INPUT: year 1650 is outside/);
    expect(failure(() => parseJalaliDate('2300-01-01'))).toMatch(/^INVALID_INPUT: Gregorian year 2300 is outside the supported range/);
    expect(failure(() => parseJalaliDate('۱۴۰۴۰/۰۶/۱۴'))).toMatch(/^INVALID_INPUT: cannot tell the year/);
  });
  it('bad Gregorian fields and options', () => {
    expect(failure(() => parseJalaliDate('2025-02-30'))).toMatch(/^INVALID_INPUT: day 30 is out of range for Gregorian 2025-02/);
    expect(failure(() => parseJalaliDate('2025-09-05T12:56+25:00'))).toMatch(/^INVALID_INPUT: UTC offset "\+25:00" is out of range/);
    expect(failure(() => parseJalaliDate('۱۴۰۴/۰۶/۱۴', { disambiguation: 'nearest' as never }))).toMatch(/^INVALID_OPTION: disambiguation/);
    expect(failure(() => parseJalaliDate('x'.repeat(501)))).toMatch(/^INPUT_TOO_LARGE: /);
  });
});
