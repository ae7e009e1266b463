/**
 * Jalali days in Tehran for the archive: today's date, the instants a day covers, the days around it.
 * The calendar itself is story/dates'; this only steps across month and year ends.
 */
import { daysInJalaliMonth, jalaliParts, jalaliToInstant, toAsciiDigits } from '../../story/index.js';

/** A Jalali calendar day. */
export interface JalaliDay {
  year: number;
  month: number;
  day: number;
}

/** The Tehran date of an instant (default now). */
export function tehranDay(at: Date = new Date()): JalaliDay {
  const { year, month, day } = jalaliParts(at);
  return { year, month, day };
}

/** The day after `d`. */
export function nextDay(d: JalaliDay): JalaliDay {
  if (d.day < daysInJalaliMonth(d.year, d.month)) return { ...d, day: d.day + 1 };
  return d.month < 12 ? { year: d.year, month: d.month + 1, day: 1 } : { year: d.year + 1, month: 1, day: 1 };
}

/** The day before `d`. */
export function previousDay(d: JalaliDay): JalaliDay {
  if (d.day > 1) return { ...d, day: d.day - 1 };
  if (d.month > 1) return { year: d.year, month: d.month - 1, day: daysInJalaliMonth(d.year, d.month - 1) };
  return { year: d.year - 1, month: 12, day: daysInJalaliMonth(d.year - 1, 12) };
}

/** Compares two days: negative when `a` is earlier. */
export function compareDays(a: JalaliDay, b: JalaliDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * The instants `[from, to]` (ISO, inclusive) of a Tehran day: its midnight to the next day's midnight
 * minus 1 ms — from the next date rather than +24 h, since a day with a DST change (before 1402) was 23
 * or 25 hours long.
 * @throws KhabarError INVALID_INPUT for a date that does not exist or is out of the supported range.
 */
export function dayRange(d: JalaliDay): { from: string; to: string } {
  const start = jalaliToInstant(d.year, d.month, d.day);
  const n = nextDay(d);
  let end: number;
  try {
    end = jalaliToInstant(n.year, n.month, n.day).getTime() - 1;
  } catch {
    end = start.getTime() + 86_400_000 - 1; // the last supported day: no later day to start from
  }
  return { from: start.toISOString(), to: new Date(end).toISOString() };
}

/** Reads URL segments `1404/05/30` (ASCII or Persian digits, padded or not); undefined if not numbers. */
export function readDaySegments(y: string, m: string, d: string): JalaliDay | undefined {
  const nums = [y, m, d].map((s) => toAsciiDigits(s));
  if (!/^\d{4}$/.test(nums[0]!) || !/^\d{1,2}$/.test(nums[1]!) || !/^\d{1,2}$/.test(nums[2]!)) return undefined;
  return { year: Number(nums[0]), month: Number(nums[1]), day: Number(nums[2]) };
}
