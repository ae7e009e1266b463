/**
 * The Jalali (Solar Hijri, هجری شمسی) calendar as day arithmetic, with no time zone: a date is a
 * (year, month, day) triple and maps one-to-one to a day number (days since 1970-01-01, the Unix epoch
 * day, so Gregorian conversion is `Date.UTC` arithmetic).
 *
 * Leap years follow the 33-year arithmetic rule — year y is leap when (25·y + 11) mod 33 < 8 — the
 * rule ICU's PersianCalendar is built on (icu4c persncal.cpp, isLeapYear) and the one Iranian paper
 * calendars follow (it makes 1403 leap, where the 2820-year "Birashk" rule wrongly says 1404; see
 * unicode-org/icu4x#4713 and tc39/test262#4759). In a few later years the astronomical calendar (new
 * year = the day whose Tehran noon follows the March equinox) moves a leap day to the following year,
 * and ICU 78 (Node 20's Intl) carries that correction too; those years are {@link LEAP_YEAR_DEFERRED}.
 * jalali-calendar.test.ts walks every day 1200–1600 AP against Intl to prove the result.
 *
 * Month lengths are fixed by the 1925 calendar law (قانون تقویم ۱۳۰۴): months 1–6 have 31 days, 7–11
 * have 30, Esfand 29 or 30 in a leap year.
 */
import { KhabarError } from '../../errors/index.js';
import { JALALI_MONTH_NAMES } from './month-names.js';

/** Smallest Jalali year khabar reads or writes (1200 AP ≈ 1821 CE). Outside the range the error is INVALID_INPUT. */
export const JALALI_MIN_YEAR = 1200;
/** Largest Jalali year khabar reads or writes (1600 AP ≈ 2222 CE). */
export const JALALI_MAX_YEAR = 1600;

/**
 * Years that the 33-year rule calls leap but the astronomical calendar does not: the leap day falls in
 * the next year instead. Found by comparing the rule with ICU 78 over 1180–1677 AP (the only
 * differences); only 1502 lies inside the supported range, the others are kept so the arithmetic stays
 * right if the range ever widens.
 */
export const LEAP_YEAR_DEFERRED: readonly number[] = [1502, 1601, 1634, 1667];

/** A calendar date in the Jalali calendar. `month` is 1 (Farvardin) … 12 (Esfand). */
export interface JalaliDate {
  /** Year AP (anno Persico), e.g. 1404. */
  year: number;
  /** Month 1–12. */
  month: number;
  /** Day of month 1–31. */
  day: number;
}

const MS_PER_DAY = 86_400_000;

/** The plain 33-year rule, before the astronomical corrections. */
function leapBy33(year: number): boolean {
  return mod(25 * year + 11, 33) < 8;
}

/**
 * True when Jalali `year` has 366 days (Esfand has 30 days). 1403 is leap, 1404 is not.
 * @throws KhabarError INVALID_INPUT when `year` is not an integer.
 */
export function isLeapJalaliYear(year: number): boolean {
  assertInteger(year, 'year');
  if (LEAP_YEAR_DEFERRED.includes(year)) return false;
  if (LEAP_YEAR_DEFERRED.includes(year - 1)) return true;
  return leapBy33(year);
}

/**
 * Number of days in a Jalali month: 31 for months 1–6, 30 for 7–11, 29 or 30 for Esfand.
 * @throws KhabarError INVALID_INPUT when `month` is not 1–12.
 */
export function daysInJalaliMonth(year: number, month: number): number {
  assertInteger(year, 'year');
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new KhabarError('INVALID_INPUT', `month ${String(month)} is out of range (1–12)`);
  }
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isLeapJalaliYear(year) ? 30 : 29;
}

/**
 * Leap years among 1 … year−1. With the plain rule this is ⌊(8·year + 21) / 33⌋: leap(y) ⇔
 * (25y + 11) mod 33 < 8 ⇔ (8y − 4) mod 33 < 8 (since 25 ≡ −8 mod 33), which is exactly when
 * ⌊(8y − 4)/33⌋ steps up, so the count telescopes. A deferred year e only changes the count for
 * year e + 1 (its leap day moved into e + 1 itself).
 */
function leapYearsBefore(year: number): number {
  const plain = Math.floor((8 * year + 21) / 33);
  return LEAP_YEAR_DEFERRED.includes(year - 1) ? plain - 1 : plain;
}

/** Days from 1 Farvardin 1 AP to 1 Farvardin `year` in the arithmetic calendar. */
function daysBeforeYear(year: number): number {
  return 365 * (year - 1) + leapYearsBefore(year);
}

/** Day-of-year offset (0-based) of day 1 of `month`. */
function daysBeforeMonth(month: number): number {
  return month <= 7 ? 31 * (month - 1) : 186 + 30 * (month - 7);
}

/**
 * Day number of 1 Farvardin 1 AP, anchored on a known date: 1 Farvardin 1404 = 2025-03-21 (Nowruz
 * 1404, published by the calendar authority), day 20168 since 1970-01-01.
 */
const EPOCH_DAY = 20_168 - daysBeforeYear(1404);

/**
 * Check a Jalali date and name the first bad field, e.g. `day 32 is out of range for مرداد`.
 * Years must lie in {@link JALALI_MIN_YEAR}–{@link JALALI_MAX_YEAR}.
 * @throws KhabarError INVALID_INPUT naming what is wrong.
 */
export function assertJalaliDate(year: number, month: number, day: number): void {
  assertInteger(year, 'year');
  if (year < JALALI_MIN_YEAR || year > JALALI_MAX_YEAR) {
    throw new KhabarError('INVALID_INPUT', `year ${year} is outside the supported range ${JALALI_MIN_YEAR}–${JALALI_MAX_YEAR} AP`);
  }
  const length = daysInJalaliMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > length) {
    const leapNote = month === 12 && day === 30 ? ` ${year} (not a leap year)` : '';
    throw new KhabarError('INVALID_INPUT', `day ${String(day)} is out of range for ${JALALI_MONTH_NAMES[month - 1]}${leapNote}`);
  }
}

/**
 * Day number (days since 1970-01-01) of a Jalali date. The date is validated first.
 * @throws KhabarError INVALID_INPUT for a date that does not exist or lies outside the supported years.
 */
export function jalaliToDayNumber(year: number, month: number, day: number): number {
  assertJalaliDate(year, month, day);
  return EPOCH_DAY + daysBeforeYear(year) + daysBeforeMonth(month) + day - 1;
}

/**
 * The Jalali date of a day number (days since 1970-01-01).
 * @throws KhabarError INVALID_INPUT when the day falls outside the supported years.
 */
export function dayNumberToJalali(dayNumber: number): JalaliDate {
  assertInteger(dayNumber, 'day number');
  const sinceEpoch = dayNumber - EPOCH_DAY;
  // Mean year 365 + 8/33 days: the estimate is off by at most one year either way.
  let year = Math.floor(sinceEpoch / (365 + 8 / 33)) + 1;
  while (daysBeforeYear(year) > sinceEpoch) year--;
  while (daysBeforeYear(year + 1) <= sinceEpoch) year++;
  if (year < JALALI_MIN_YEAR || year > JALALI_MAX_YEAR) {
    throw new KhabarError('INVALID_INPUT', `year ${year} AP is outside the supported range ${JALALI_MIN_YEAR}–${JALALI_MAX_YEAR} AP`);
  }
  const dayOfYear = sinceEpoch - daysBeforeYear(year); // 0-based
  const month = dayOfYear < 186 ? Math.floor(dayOfYear / 31) + 1 : Math.floor((dayOfYear - 186) / 30) + 7;
  return { year, month, day: dayOfYear - daysBeforeMonth(month) + 1 };
}

/** A proleptic Gregorian calendar date (month 1–12). */
export interface GregorianDate {
  /** Year CE. */
  year: number;
  /** Month 1–12. */
  month: number;
  /** Day of month 1–31. */
  day: number;
}

/** Day number of a Gregorian date, through `Date.UTC` (which is proleptic Gregorian, ECMA-262 §21.4.1). */
export function gregorianToDayNumber(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear, unlike Date.UTC, does not map 0–99 to 1900s
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new KhabarError('INVALID_INPUT', `${year}-${month}-${day} is not a Gregorian date`);
  }
  return Math.floor(d.getTime() / MS_PER_DAY);
}

/** The Gregorian date of a day number. */
export function dayNumberToGregorian(dayNumber: number): GregorianDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Jalali → Gregorian: `jalaliToGregorian(1404, 6, 14)` → `{ year: 2025, month: 9, day: 5 }`.
 * @throws KhabarError INVALID_INPUT for a date that does not exist or lies outside the supported years.
 */
export function jalaliToGregorian(year: number, month: number, day: number): GregorianDate {
  return dayNumberToGregorian(jalaliToDayNumber(year, month, day));
}

/**
 * Gregorian → Jalali: `gregorianToJalali(2025, 3, 21)` → `{ year: 1404, month: 1, day: 1 }`.
 * @throws KhabarError INVALID_INPUT for a date that does not exist or lies outside the supported years.
 */
export function gregorianToJalali(year: number, month: number, day: number): JalaliDate {
  return dayNumberToJalali(gregorianToDayNumber(year, month, day));
}

/**
 * Day of the week of a day number in the Iranian week order: 0 = شنبه (Saturday) … 6 = جمعه (Friday).
 * 1970-01-01 was a Thursday (پنجشنبه, 5).
 */
export function weekdayOfDayNumber(dayNumber: number): number {
  return mod(dayNumber + 5, 7);
}

/**
 * Day of the week of a Jalali date: 0 = شنبه (Saturday) … 6 = جمعه (Friday).
 * @throws KhabarError INVALID_INPUT for a date that does not exist.
 */
export function jalaliWeekday(year: number, month: number, day: number): number {
  return weekdayOfDayNumber(jalaliToDayNumber(year, month, day));
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

function assertInteger(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new KhabarError('INVALID_INPUT', `${what} must be an integer, got ${String(value)}`);
  }
}
