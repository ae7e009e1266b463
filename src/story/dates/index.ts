/**
 * Jalali (Solar Hijri) dates for a Persian news site: calendar arithmetic, Asia/Tehran time from the
 * host's tz database, a parser for the date strings Iranian news sites print, and Persian rendering.
 * Pure: no node:* modules and no packages; Intl (ECMA-402) is the only platform API used.
 */
export {
  JALALI_MIN_YEAR,
  JALALI_MAX_YEAR,
  LEAP_YEAR_DEFERRED,
  isLeapJalaliYear,
  daysInJalaliMonth,
  assertJalaliDate,
  jalaliToDayNumber,
  dayNumberToJalali,
  gregorianToDayNumber,
  dayNumberToGregorian,
  jalaliToGregorian,
  gregorianToJalali,
  jalaliWeekday,
  weekdayOfDayNumber,
} from './jalali-calendar.js';
export type { JalaliDate, GregorianDate } from './jalali-calendar.js';
export { JALALI_MONTH_NAMES, PERSIAN_WEEKDAY_NAMES, jalaliMonthFromName, persianWeekdayFromName, foldDateWord } from './month-names.js';
export { toAsciiDigits, toPersianDigits } from './persian-digits.js';
export { TEHRAN_TIME_ZONE, tehranOffsetSeconds, tehranWallClock, tehranWallClockToInstant } from './tehran-time.js';
export type { Disambiguation, WallClock, ResolvedWallClock } from './tehran-time.js';
export { jalaliParts, jalaliToInstant } from './jalali-time.js';
export type { JalaliParts, JalaliToInstantOptions } from './jalali-time.js';
export { parseJalaliDate, parseJalaliDateDetailed, MAX_DATE_TEXT_LENGTH } from './parse-jalali.js';
export type { ParseJalaliOptions, ParsedJalaliDate } from './parse-jalali.js';
export { formatJalali } from './format-jalali.js';
export type { FormatJalaliOptions } from './format-jalali.js';
