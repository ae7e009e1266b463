/**
 * The month facet (SearchResult.facets.month): a story's Jalali month in Tehran time as `YYYY/MM` with
 * ASCII digits, so that keys sort as strings in calendar order; the site formats them in Persian later.
 */
import { KhabarError } from '../errors/index.js';
import { jalaliParts, jalaliToInstant } from '../story/index.js';

/**
 * The Jalali month key of an instant in Tehran: `monthKey('2024-08-01T20:30:00Z')` → `1403/05`
 * (00:00 of 12 مرداد 1403 in Tehran). Tehran's date, not UTC's: 2024-03-19T21:00:00Z is already 1403/01.
 * @throws KhabarError INVALID_INPUT for a string that is not a date-time, or a date outside 1200–1600 AP.
 */
export function monthKey(instant: string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : NaN;
  if (Number.isNaN(ms)) throw new KhabarError('INVALID_INPUT', `monthKey: not an ISO date-time: ${JSON.stringify(instant)}`);
  const { year, month } = jalaliParts(new Date(ms));
  return `${year}/${String(month).padStart(2, '0')}`;
}

/**
 * The instants a month key covers, as ISO strings: `[from, to)` — from the first day's Tehran midnight to
 * the next month's. `monthRange('1403/05')` → `['2024-07-21T20:30:00.000Z', '2024-08-21T20:30:00.000Z']`.
 * @throws KhabarError INVALID_INPUT unless the key is `YYYY/MM` with a month 01–12 in 1200–1599.
 */
export function monthRange(key: string): [string, string] {
  const m = typeof key === 'string' ? /^(\d{4})\/(\d{2})$/.exec(key) : null;
  const year = m ? Number(m[1]) : NaN;
  const month = m ? Number(m[2]) : NaN;
  if (!m || month < 1 || month > 12 || year < 1200 || year > 1599) {
    throw new KhabarError('INVALID_INPUT', `monthRange: expected a Jalali month key YYYY/MM (1200/01–1599/12), got ${JSON.stringify(key)}`);
  }
  const next = month === 12 ? [year + 1, 1] as const : [year, month + 1] as const;
  return [jalaliToInstant(year, month, 1).toISOString(), jalaliToInstant(next[0], next[1], 1).toISOString()];
}
