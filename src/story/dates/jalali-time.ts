/**
 * Jalali date-times in Tehran: an instant's Jalali fields as a Tehran reader sees them, and the instant a
 * Tehran wall-clock Jalali date-time names. Calendar arithmetic is in jalali-calendar.ts, offsets in
 * tehran-time.ts; this file joins them.
 */
import { KhabarError } from '../../errors/index.js';
import { assertJalaliDate, dayNumberToGregorian, dayNumberToJalali, gregorianToDayNumber, jalaliToDayNumber, weekdayOfDayNumber } from './jalali-calendar.js';
import { tehranOffsetSeconds, tehranWallClock, tehranWallClockToInstant } from './tehran-time.js';
import type { Disambiguation } from './tehran-time.js';

/** An instant's Jalali date and time in Asia/Tehran. */
export interface JalaliParts {
  /** Jalali year AP. */
  year: number;
  /** Month 1 (فروردین) … 12 (اسفند). */
  month: number;
  /** Day of month 1–31. */
  day: number;
  /** Day of week, Iranian order: 0 = شنبه (Saturday) … 6 = جمعه (Friday). */
  weekday: number;
  /** Hour 0–23. */
  hour: number;
  /** Minute 0–59. */
  minute: number;
  /** Second 0–59. */
  second: number;
  /** Offset of Tehran from UTC at this instant, in seconds (12600 = +03:30, 16200 = +04:30). */
  offsetSeconds: number;
}

/**
 * The Jalali date and time of `instant` in Asia/Tehran, e.g. 2025-08-21T11:31:00Z →
 * `{ year: 1404, month: 5, day: 30, weekday: 5, hour: 15, minute: 1, second: 0, offsetSeconds: 12600 }`.
 * @throws KhabarError INVALID_INPUT for an invalid Date or one outside 1200–1600 AP.
 */
export function jalaliParts(instant: Date): JalaliParts {
  if (!(instant instanceof Date)) {
    throw new KhabarError('INVALID_INPUT', `jalaliParts expects a Date, got ${typeof instant}`);
  }
  const wall = tehranWallClock(instant);
  const dayNumber = gregorianToDayNumber(wall.year, wall.month, wall.day);
  const { year, month, day } = dayNumberToJalali(dayNumber);
  return {
    year,
    month,
    day,
    weekday: weekdayOfDayNumber(dayNumber),
    hour: wall.hour,
    minute: wall.minute,
    second: wall.second,
    offsetSeconds: tehranOffsetSeconds(instant),
  };
}

/** Options for {@link jalaliToInstant}. */
export interface JalaliToInstantOptions {
  /** How to read a wall-clock time skipped or repeated by a DST change; default `compatible`. */
  disambiguation?: Disambiguation;
}

/**
 * The UTC instant of a Jalali date and Tehran wall-clock time: `jalaliToInstant(1404, 6, 14, 12, 56)`
 * → 2025-09-05T09:26:00.000Z. Omitted time fields are 0 (midnight Tehran).
 * @throws KhabarError INVALID_INPUT naming the first bad field (`day 32 is out of range for مرداد`,
 *   `hour 24 is out of range (0–23)`), or for a skipped/repeated time with `disambiguation: 'reject'`.
 */
export function jalaliToInstant(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  options: JalaliToInstantOptions = {},
): Date {
  assertJalaliDate(year, month, day);
  assertTimeField(hour, 'hour', 23);
  assertTimeField(minute, 'minute', 59);
  assertTimeField(second, 'second', 59);
  const g = dayNumberToGregorian(jalaliToDayNumber(year, month, day));
  return tehranWallClockToInstant({ ...g, hour, minute, second }, options.disambiguation ?? 'compatible').instant;
}

/** @throws KhabarError INVALID_INPUT unless `value` is an integer in 0…max. */
export function assertTimeField(value: number, name: string, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new KhabarError('INVALID_INPUT', `${name} ${String(value)} is out of range (0–${max})`);
  }
}
