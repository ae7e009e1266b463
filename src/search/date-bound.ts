/**
 * Date bounds of a search (`from:` / `to:` in a query, `from` / `to` of a SearchRequest): Jalali or
 * Gregorian text read by the story dates parser, in Tehran time, to an ISO instant.
 */
import { KhabarError, isKhabarError } from '../errors/index.js';
import { daysInJalaliMonth, jalaliToInstant, parseJalaliDateDetailed } from '../story/index.js';

/**
 * Reads a date or date-time (۱۴۰۳/۰۵/۱۲, 1403-05-12, «۱۲ مرداد ۱۴۰۳», 2024-08-02, 2024-08-02T10:00:00Z, in
 * any digit script) to an ISO 8601 instant. A date without a time is the start of that Tehran day for
 * `from`, and its last millisecond (23:59:59.999 Tehran) for `to`, so that `to:` includes the day named.
 * @throws KhabarError INVALID_INPUT when the text is not one readable date; the message quotes the
 *   dates parser's reason.
 */
export function parseDateBound(text: string, bound: 'from' | 'to'): string {
  if (typeof text !== 'string') {
    throw new KhabarError('INVALID_INPUT', `${bound} must be a date string, got ${text === null ? 'null' : typeof text}`);
  }
  let parsed;
  try {
    parsed = parseJalaliDateDetailed(text);
  } catch (e) {
    if (!isKhabarError(e)) throw e;
    throw new KhabarError('INVALID_INPUT', `unreadable date in ${bound}: "${text}" (${e.message})`, { bound, text });
  }
  if (bound === 'from' || parsed.hasTime) return parsed.instant.toISOString();
  // End of day = the next day's Tehran midnight minus 1 ms; computed from the next date rather than as
  // 23:59:59 because an autumn DST change (before 1401) repeated the 23:00 hour.
  let { year, month, day } = parsed;
  day += 1;
  if (day > daysInJalaliMonth(year, month)) {
    day = 1;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  try {
    return new Date(jalaliToInstant(year, month, day).getTime() - 1).toISOString();
  } catch {
    // The day after the last supported Jalali day: no story is later than that anyway.
    return new Date(jalaliToInstant(parsed.year, parsed.month, parsed.day, 23, 59, 59).getTime() + 999).toISOString();
  }
}
