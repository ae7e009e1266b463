/**
 * The calendar arithmetic against ICU: every day from 1 Farvardin 1200 to the last day of 1600 (which
 * contains the required 1300–1500 span) is converted both ways and compared with
 * Intl.DateTimeFormat('fa-IR-u-ca-persian') in UTC — year, month, day, weekday name — and every year's
 * leap status with whether ICU has an Esfand 30.
 */
import { describe, expect, it } from 'vitest';
import { KhabarError } from '../../errors/index.js';
import {
  dayNumberToJalali,
  daysInJalaliMonth,
  gregorianToJalali,
  isLeapJalaliYear,
  JALALI_MAX_YEAR,
  JALALI_MIN_YEAR,
  jalaliToDayNumber,
  jalaliToGregorian,
  jalaliWeekday,
  weekdayOfDayNumber,
} from './jalali-calendar.js';
import { foldDateWord, JALALI_MONTH_NAMES, PERSIAN_WEEKDAY_NAMES } from './month-names.js';
import { toAsciiDigits } from './persian-digits.js';

const icu = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'long' });
const icuMonth = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: 'UTC', month: 'long' });

function icuParts(dayNumber: number): { year: number; month: number; day: number; weekday: string } {
  const f: Record<string, string> = {};
  for (const p of icu.formatToParts(new Date(dayNumber * 86_400_000))) f[p.type] = p.value;
  return { year: Number(toAsciiDigits(f.year!)), month: Number(toAsciiDigits(f.month!)), day: Number(toAsciiDigits(f.day!)), weekday: f.weekday! };
}

describe('Jalali ↔ Gregorian against ICU, every day', () => {
  it(`agrees on every day ${JALALI_MIN_YEAR}–${JALALI_MAX_YEAR} AP (1300–1500 included) and on every leap year`, () => {
    const first = jalaliToDayNumber(JALALI_MIN_YEAR, 1, 1);
    const last = jalaliToDayNumber(JALALI_MAX_YEAR, 12, daysInJalaliMonth(JALALI_MAX_YEAR, 12));
    const mismatches: string[] = [];
    const icuLeap = new Set<number>();
    let inRequiredSpan = 0;
    for (let n = first; n <= last; n++) {
      const mine = dayNumberToJalali(n);
      const theirs = icuParts(n);
      if (theirs.month === 12 && theirs.day === 30) icuLeap.add(theirs.year);
      if (mine.year >= 1300 && mine.year <= 1500) inRequiredSpan++;
      if (mine.year !== theirs.year || mine.month !== theirs.month || mine.day !== theirs.day) {
        mismatches.push(`day ${n}: mine ${mine.year}/${mine.month}/${mine.day}, ICU ${theirs.year}/${theirs.month}/${theirs.day}`);
      }
      if (jalaliToDayNumber(mine.year, mine.month, mine.day) !== n) mismatches.push(`day ${n}: round trip gives ${jalaliToDayNumber(mine.year, mine.month, mine.day)}`);
      if (foldDateWord(PERSIAN_WEEKDAY_NAMES[weekdayOfDayNumber(n)]!) !== foldDateWord(theirs.weekday)) {
        mismatches.push(`day ${n}: weekday ${PERSIAN_WEEKDAY_NAMES[weekdayOfDayNumber(n)]}, ICU ${theirs.weekday}`);
      }
      if (mismatches.length > 10) break;
    }
    expect(mismatches).toEqual([]);
    const leapMismatch: number[] = [];
    for (let y = JALALI_MIN_YEAR; y <= JALALI_MAX_YEAR; y++) if (isLeapJalaliYear(y) !== icuLeap.has(y)) leapMismatch.push(y);
    expect(leapMismatch).toEqual([]);
    // 1 Farvardin 1300 = 1921-03-21 … 29 Esfand 1500 (not leap) = 2122-03-20: 201 years, 49 of them leap.
    expect(jalaliToGregorian(1500, 12, 29)).toEqual({ year: 2122, month: 3, day: 20 });
    expect(inRequiredSpan).toBe(jalaliToDayNumber(1500, 12, 29) - jalaliToDayNumber(1300, 1, 1) + 1);
    expect(inRequiredSpan).toBe(73_414);
    expect(last - first + 1).toBe(146_462);
  });

  it('month names are ICU’s', () => {
    const names = Array.from({ length: 12 }, (_, i) => icuMonth.format(new Date(jalaliToDayNumber(1404, i + 1, 10) * 86_400_000)));
    expect(names).toEqual([...JALALI_MONTH_NAMES]);
  });
});

describe('calendar facts written by hand', () => {
  it('Nowruz and other known days', () => {
    expect(jalaliToGregorian(1404, 1, 1)).toEqual({ year: 2025, month: 3, day: 21 });
    expect(jalaliToGregorian(1403, 12, 30)).toEqual({ year: 2025, month: 3, day: 20 });
    expect(jalaliToGregorian(1300, 1, 1)).toEqual({ year: 1921, month: 3, day: 21 });
    expect(jalaliToGregorian(1357, 11, 22)).toEqual({ year: 1979, month: 2, day: 11 });
    expect(gregorianToJalali(2025, 9, 5)).toEqual({ year: 1404, month: 6, day: 14 });
    expect(gregorianToJalali(2000, 1, 1)).toEqual({ year: 1378, month: 10, day: 11 });
  });
  it('leap years: 1403 is leap, 1404 is not (where the 2820-year rule errs); 1502 defers to 1503', () => {
    expect([1395, 1399, 1403, 1408].map(isLeapJalaliYear)).toEqual([true, true, true, true]);
    expect([1400, 1404, 1405, 1407].map(isLeapJalaliYear)).toEqual([false, false, false, false]);
    expect(isLeapJalaliYear(1502)).toBe(false);
    expect(isLeapJalaliYear(1503)).toBe(true);
    expect(daysInJalaliMonth(1403, 12)).toBe(30);
    expect(daysInJalaliMonth(1404, 12)).toBe(29);
    expect(daysInJalaliMonth(1404, 6)).toBe(31);
    expect(daysInJalaliMonth(1404, 7)).toBe(30);
  });
  it('weekdays in Iranian order, Saturday = 0', () => {
    expect(jalaliWeekday(1404, 5, 30)).toBe(5); // پنجشنبه
    expect(jalaliWeekday(1404, 6, 14)).toBe(6); // جمعه
    expect(jalaliWeekday(1404, 1, 1)).toBe(6); // Nowruz 1404 was a Friday
  });
  it('rejects dates that do not exist or are out of range, naming the field', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof KhabarError ? `${e.code}: ${e.message}` : String(e);
      }
      return 'no error';
    };
    expect(code(() => jalaliToDayNumber(1404, 5, 32))).toBe('INVALID_INPUT: day 32 is out of range for مرداد');
    expect(code(() => jalaliToDayNumber(1404, 7, 31))).toBe('INVALID_INPUT: day 31 is out of range for مهر');
    expect(code(() => jalaliToDayNumber(1404, 12, 30))).toBe('INVALID_INPUT: day 30 is out of range for اسفند 1404 (not a leap year)');
    expect(code(() => jalaliToDayNumber(1404, 13, 1))).toBe('INVALID_INPUT: month 13 is out of range (1–12)');
    expect(code(() => jalaliToDayNumber(1199, 1, 1))).toMatch(/^INVALID_INPUT: year 1199 is outside/);
    expect(code(() => jalaliToDayNumber(1601, 1, 1))).toMatch(/^INVALID_INPUT: year 1601 is outside/);
    expect(code(() => isLeapJalaliYear(1404.5))).toMatch(/^INVALID_INPUT: year must be an integer/);
    expect(code(() => gregorianToJalali(2025, 2, 29))).toMatch(/^INVALID_INPUT: 2025-2-29 is not a Gregorian date/);
  });
});
