/**
 * Read the date strings Iranian news sites print, as Asia/Tehran wall-clock time, to a UTC instant.
 *
 * Accepted (digits Persian ۰–۹, Arabic-Indic ٠–٩ or ASCII; Arabic ي/ك; ZWNJ and extra spaces anywhere):
 * - «۱۴ شهریور ۱۴۰۴ - ۱۲:۵۶», «۱۴ شهریور ماه ۱۴۰۴ ساعت ۱۲:۵۶», «پنجشنبه ۳۰ مرداد ۱۴۰۴ - ۱۵:۰۱»
 * - «۱۴۰۴/۰۶/۱۴ - ۱۳:۳۰:۲۴», «۱۴۰۴-۰۶-۱۴», «۱۴۰۴/۶/۱۴», «۱۴۰۴.۰۶.۱۴», day first «۱۴/۰۶/۱۴۰۴»
 * - the time before the date: «۱۲:۵۶ - ۱۴۰۴/۰۶/۱۴»; 12-hour times with «ق.ظ»/«ب.ظ» or AM/PM
 * - labels around the date are ignored («تاریخ انتشار: …»), but every number must belong to the date
 *   or the time, and there must be exactly one date, at most one time and at most one weekday
 * - Gregorian: ISO 8601 «2025-09-05T09:26:00Z» / «…+03:30» (an explicit offset is obeyed), and a
 *   Gregorian year ≥ 1800 in the numeric forms («2025-09-05 12:56», «2025/09/05») is read as a
 *   Gregorian date in Tehran time. Jalali years are 1200–1600, so the two never overlap. ISO strings
 *   without an offset, date-only ones included, are Tehran time too (unlike `Date.parse`, which reads a
 *   date-only ISO string as UTC): a Persian site's clock is Tehran's.
 *
 * Without a time the instant is midnight (00:00) Tehran. A weekday that disagrees with the date is an
 * error (a library never logs, and a wrong weekday usually means a wrong date); pass
 * `{ weekdayMismatch: 'ignore' }` to accept it. Times skipped or repeated by a DST change are resolved
 * by `disambiguation` (tehran-time.ts), default `compatible`.
 */
import { KhabarError } from '../../errors/index.js';
import { dayNumberToGregorian, dayNumberToJalali, gregorianToDayNumber, JALALI_MAX_YEAR, JALALI_MIN_YEAR, jalaliToDayNumber, jalaliWeekday } from './jalali-calendar.js';
import { assertTimeField, jalaliParts } from './jalali-time.js';
import { foldDateText, tokenizeDateText } from './date-tokens.js';
import type { DateToken } from './date-tokens.js';
import { foldDateWord, jalaliMonthFromName, PERSIAN_WEEKDAY_NAMES, persianWeekdayFromName } from './month-names.js';
import { tehranWallClockToInstant } from './tehran-time.js';
import type { Disambiguation } from './tehran-time.js';

/** Options for {@link parseJalaliDate} and {@link parseJalaliDateDetailed}. */
export interface ParseJalaliOptions {
  /** How to read a Tehran time skipped or repeated by a DST change; default `compatible` (see tehran-time.ts). */
  disambiguation?: Disambiguation;
  /** A weekday that does not match the date: `error` (default) throws INVALID_INPUT, `ignore` accepts the date. */
  weekdayMismatch?: 'error' | 'ignore';
}

/** What {@link parseJalaliDateDetailed} read. Date and time fields are Jalali, Tehran wall clock. */
export interface ParsedJalaliDate {
  /** The UTC instant the text names. */
  instant: Date;
  /** Which calendar the text wrote its date in. */
  calendar: 'jalali' | 'gregorian';
  /** Jalali year of the Tehran date. */
  year: number;
  /** Jalali month 1–12. */
  month: number;
  /** Jalali day 1–31. */
  day: number;
  /** Tehran hour 0–23 as written (0 without a time). */
  hour: number;
  /** Minute 0–59. */
  minute: number;
  /** Second 0–59. */
  second: number;
  /** Whether the text had a time; without one the instant is Tehran midnight. */
  hasTime: boolean;
  /** Offset of Tehran from UTC used, in seconds (12600 = +03:30, 16200 = +04:30). */
  offsetSeconds: number;
  /** `unique`, or `skipped`/`repeated` when the wall-clock time fell in a DST gap or overlap. */
  kind: 'unique' | 'skipped' | 'repeated';
}

/** Longest text read; a date string is short, anything longer is not one. */
export const MAX_DATE_TEXT_LENGTH = 500;

/**
 * Read a Persian news date string to its UTC instant: `parseJalaliDate('۱۴ شهریور ۱۴۰۴ - ۱۲:۵۶')` →
 * 2025-09-05T09:26:00.000Z. See {@link parseJalaliDateDetailed} for the parts.
 * @throws KhabarError INVALID_INPUT for a non-string or text that is not one readable date, naming what
 *   could not be read; INPUT_TOO_LARGE beyond {@link MAX_DATE_TEXT_LENGTH} characters.
 */
export function parseJalaliDate(text: string, options: ParseJalaliOptions = {}): Date {
  return parseJalaliDateDetailed(text, options).instant;
}

interface DateRead {
  calendar: 'jalali' | 'gregorian';
  year: number;
  month: number;
  day: number;
}

/**
 * Like {@link parseJalaliDate}, returning the Jalali fields read, the offset applied and whether the
 * time fell in a DST gap or overlap.
 * @throws KhabarError as {@link parseJalaliDate}.
 */
export function parseJalaliDateDetailed(text: string, options: ParseJalaliOptions = {}): ParsedJalaliDate {
  if (typeof text !== 'string') {
    throw new KhabarError('INVALID_INPUT', `a date must be a string, got ${text === null ? 'null' : typeof text}`);
  }
  if (text.length > MAX_DATE_TEXT_LENGTH) {
    throw new KhabarError('INPUT_TOO_LARGE', `a date string has at most ${MAX_DATE_TEXT_LENGTH} characters, got ${text.length}`);
  }
  checkOptions(options);
  const folded = foldDateText(text);
  const quoted = quote(text);
  const iso = readIso(folded, quoted, options.disambiguation ?? 'compatible');
  if (iso) return iso;

  const tokens = tokenizeDateText(folded);
  const dates: DateRead[] = [];
  const times: Extract<DateToken, { kind: 'time' }>[] = [];
  const weekdays: { value: number; text: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'time') times.push(t);
    else if (t.kind === 'numeric-date') dates.push(readNumericDate(t.parts, quoted));
    else if (t.kind === 'number') {
      const textual = readTextualDate(tokens, i, quoted);
      dates.push(textual.date);
      i = textual.end;
    } else if (t.kind === 'word') {
      const weekday = persianWeekdayFromName(t.text);
      if (weekday !== undefined) weekdays.push({ value: weekday, text: t.text });
      else if (jalaliMonthFromName(t.text) !== undefined) {
        throw new KhabarError('INVALID_INPUT', `month "${t.text}" has no day before it in ${quoted}`);
      }
      // Other words are labels («ساعت», «تاریخ انتشار», «امروز») and carry no date.
    }
  }
  if (dates.length === 0) throw new KhabarError('INVALID_INPUT', `no date found in ${quoted}`);
  if (dates.length > 1) throw new KhabarError('INVALID_INPUT', `more than one date in ${quoted}`);
  if (times.length > 1) throw new KhabarError('INVALID_INPUT', `more than one time in ${quoted}`);
  if (weekdays.length > 1) throw new KhabarError('INVALID_INPUT', `more than one weekday in ${quoted}`);

  const read = dates[0]!;
  const dayNumber =
    read.calendar === 'jalali' ? jalaliToDayNumber(read.year, read.month, read.day) : gregorianDayNumber(read.year, read.month, read.day, quoted);
  const jalali = read.calendar === 'jalali' ? read : dayNumberToJalaliChecked(dayNumber, read.year, quoted);
  const weekday = weekdays[0];
  if (weekday && (options.weekdayMismatch ?? 'error') === 'error') {
    const actual = jalaliWeekday(jalali.year, jalali.month, jalali.day);
    if (actual !== weekday.value) {
      throw new KhabarError(
        'INVALID_INPUT',
        `weekday "${weekday.text}" does not match ${jalali.year}/${jalali.month}/${jalali.day}, which is a ${PERSIAN_WEEKDAY_NAMES[actual]}`,
      );
    }
  }
  const time = times[0];
  const clock = time ? readTime(time) : { hour: 0, minute: 0, second: 0 };
  const g = dayNumberToGregorian(dayNumber);
  const resolved = tehranWallClockToInstant({ ...g, ...clock }, options.disambiguation ?? 'compatible');
  return {
    instant: resolved.instant,
    calendar: read.calendar,
    year: jalali.year,
    month: jalali.month,
    day: jalali.day,
    ...clock,
    hasTime: time !== undefined,
    offsetSeconds: resolved.offsetSeconds,
    kind: resolved.kind,
  };
}

/** A number token starts «۱۴ شهریور [ماه] ۱۴۰۴»: read it, or say what is wrong. */
function readTextualDate(tokens: readonly DateToken[], start: number, quoted: string): { date: DateRead; end: number } {
  const day = tokens[start]!.text;
  const monthToken = tokens[start + 1];
  if (monthToken?.kind !== 'word' || persianWeekdayFromName(monthToken.text) !== undefined) {
    throw new KhabarError('INVALID_INPUT', `unexpected number "${day}" in ${quoted}`);
  }
  const month = jalaliMonthFromName(monthToken.text);
  let next = start + 2;
  if (month !== undefined && tokens[next]?.kind === 'word' && foldDateWord(tokens[next]!.text) === 'ماه') next++;
  const yearToken = tokens[next];
  if (month === undefined) {
    // «۱۴ شهرپور ۱۴۰۴»: the shape of a date with a word we do not know in the month's place.
    if (yearToken?.kind === 'number' && yearToken.text.length === 4) {
      throw new KhabarError('INVALID_INPUT', `unknown month name "${monthToken.text}" in ${quoted}`);
    }
    throw new KhabarError('INVALID_INPUT', `unexpected number "${day}" in ${quoted}`);
  }
  if (yearToken?.kind !== 'number') {
    throw new KhabarError('INVALID_INPUT', `no year after "${day} ${monthToken.text}" in ${quoted}`);
  }
  const year = readYear(yearToken.text, quoted);
  if (year > JALALI_MAX_YEAR) throw outOfRange(year);
  const dayValue = Number(day);
  checkJalaliDay(year, month, dayValue, quoted);
  return { date: { calendar: 'jalali', year, month, day: dayValue }, end: next };
}

/** «۱۴۰۴/۰۶/۱۴», «۱۴/۰۶/۱۴۰۴» or Gregorian «2025/09/05»: year first or last, always four digits. */
function readNumericDate(parts: readonly [string, string, string], quoted: string): DateRead {
  const [a, b, c] = parts;
  let yearText: string;
  let dayText: string;
  if (a.length === 4) [yearText, dayText] = [a, c];
  else if (c.length === 4 && a.length <= 2) [yearText, dayText] = [c, a];
  else throw new KhabarError('INVALID_INPUT', `cannot tell the year in "${parts.join('/')}": a year has four digits, in ${quoted}`);
  const year = readYear(yearText, quoted);
  const month = Number(b);
  const day = Number(dayText);
  if (year >= 1800) return { calendar: 'gregorian', year, month, day };
  if (year > JALALI_MAX_YEAR) throw outOfRange(year);
  if (month < 1 || month > 12) throw new KhabarError('INVALID_INPUT', `month ${month} is out of range (1–12) in ${quoted}`);
  checkJalaliDay(year, month, day, quoted);
  return { calendar: 'jalali', year, month, day };
}

function readYear(text: string, quoted: string): number {
  if (text.length !== 4) throw new KhabarError('INVALID_INPUT', `year "${text}" must have four digits, in ${quoted}`);
  const year = Number(text);
  if (year < JALALI_MIN_YEAR) throw outOfRange(year);
  return year;
}

function outOfRange(year: number): KhabarError {
  return new KhabarError(
    'INVALID_INPUT',
    `year ${year} is outside the supported range: Jalali ${JALALI_MIN_YEAR}–${JALALI_MAX_YEAR} AP, or a Gregorian year from 1821 to 2222`,
  );
}

/** Day check with the month's name in the message: `day 32 is out of range for مرداد`. */
function checkJalaliDay(year: number, month: number, day: number, quoted: string): void {
  try {
    jalaliToDayNumber(year, month, day);
  } catch (e) {
    if (e instanceof KhabarError) throw new KhabarError(e.code, `${e.message} in ${quoted}`);
    throw e;
  }
}

function gregorianDayNumber(year: number, month: number, day: number, quoted: string): number {
  if (month < 1 || month > 12) throw new KhabarError('INVALID_INPUT', `month ${month} is out of range (1–12) in ${quoted}`);
  try {
    return gregorianToDayNumber(year, month, day);
  } catch {
    throw new KhabarError('INVALID_INPUT', `day ${day} is out of range for Gregorian ${year}-${pad(month)} in ${quoted}`);
  }
}

function dayNumberToJalaliChecked(dayNumber: number, gregorianYear: number, quoted: string): DateRead {
  try {
    return { calendar: 'gregorian', ...dayNumberToJalali(dayNumber) };
  } catch {
    throw new KhabarError('INVALID_INPUT', `Gregorian year ${gregorianYear} is outside the supported range (1821–2222) in ${quoted}`);
  }
}

function readTime(t: Extract<DateToken, { kind: 'time' }>): { hour: number; minute: number; second: number } {
  let hour = t.hour;
  if (t.meridiem !== undefined) {
    if (hour < 1 || hour > 12) throw new KhabarError('INVALID_INPUT', `hour ${hour} is out of range (1–12) for a 12-hour time "${t.text}"`);
    hour = (hour % 12) + (t.meridiem === 'pm' ? 12 : 0);
  }
  assertTimeField(hour, 'hour', 23);
  assertTimeField(t.minute, 'minute', 59);
  assertTimeField(t.second, 'second', 59);
  return { hour, minute: t.minute, second: t.second };
}

/** ISO 8601 extended format with a Gregorian year ≥ 1800: date, optional time, optional offset. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)? ?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function readIso(folded: string, quoted: string, disambiguation: Disambiguation): ParsedJalaliDate | undefined {
  const m = ISO.exec(folded);
  if (!m || Number(m[1]) < 1800) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const dayNumber = gregorianDayNumber(year, month, day, quoted);
  const jalali = dayNumberToJalaliChecked(dayNumber, year, quoted);
  const hasTime = m[4] !== undefined;
  const clock = { hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0) };
  assertTimeField(clock.hour, 'hour', 23);
  assertTimeField(clock.minute, 'minute', 59);
  assertTimeField(clock.second, 'second', 59);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const zone = m[8];
  if (zone === undefined) {
    const resolved = tehranWallClockToInstant({ ...dayNumberToGregorian(dayNumber), ...clock }, disambiguation);
    const instant = new Date(resolved.instant.getTime() + millis);
    return { instant, calendar: 'gregorian', year: jalali.year, month: jalali.month, day: jalali.day, ...clock, hasTime, offsetSeconds: resolved.offsetSeconds, kind: resolved.kind };
  }
  const offsetSeconds = zone.toUpperCase() === 'Z' ? 0 : readOffset(zone, quoted);
  const instant = new Date(dayNumber * 86_400_000 + ((clock.hour * 60 + clock.minute) * 60 + clock.second - offsetSeconds) * 1000 + millis);
  const tehran = jalaliParts(instant);
  return {
    instant,
    calendar: 'gregorian',
    year: tehran.year,
    month: tehran.month,
    day: tehran.day,
    hour: tehran.hour,
    minute: tehran.minute,
    second: tehran.second,
    hasTime,
    offsetSeconds: tehran.offsetSeconds,
    kind: 'unique',
  };
}

function readOffset(zone: string, quoted: string): number {
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) throw new KhabarError('INVALID_INPUT', `UTC offset "${zone}" is out of range in ${quoted}`);
  return (zone.startsWith('-') ? -1 : 1) * (hours * 3600 + minutes * 60);
}

function checkOptions(options: ParseJalaliOptions): void {
  if (typeof options !== 'object' || options === null) throw new KhabarError('INVALID_OPTION', 'parse options must be an object');
  const d = options.disambiguation;
  if (d !== undefined && !['compatible', 'earlier', 'later', 'reject'].includes(d)) {
    throw new KhabarError('INVALID_OPTION', `disambiguation must be compatible, earlier, later or reject; got ${JSON.stringify(d)}`);
  }
  const w = options.weekdayMismatch;
  if (w !== undefined && w !== 'error' && w !== 'ignore') {
    throw new KhabarError('INVALID_OPTION', `weekdayMismatch must be "error" or "ignore"; got ${JSON.stringify(w)}`);
  }
}

function quote(text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return `"${shown}"`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
