/**
 * Persian text for the site: numbers in Persian digits, Jalali dates in Tehran time (DESIGN.md §3,
 * "Site"), and the instant a listing shows for a story. Display text is never folded (DESIGN.md §5):
 * only digits we print ourselves are converted, never the story's own text.
 */
import type { Story } from '../../story/index.js';
import { formatJalali, JALALI_MONTH_NAMES, toPersianDigits } from '../../story/index.js';

/** Arabic thousands separator «٬» (U+066C), what Persian typography groups digits with. */
const THOUSANDS = '\u066C';

/** An integer in Persian digits without grouping, for codes and page numbers: 1000001 → «۱۰۰۰۰۰۱». */
export function faDigits(n: number | string): string {
  return toPersianDigits(String(n));
}

/** A count in Persian digits grouped by thousands: 12345 → «۱۲٬۳۴۵». */
export function faCount(n: number): string {
  return toPersianDigits(String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS));
}

/**
 * The instant a listing sorts and shows a story by: its latest version's time, else its first. The
 * store orders lists by the same value (`published_at`), so a list never looks out of order.
 */
export function storyInstant(story: Story): string | undefined {
  return story.versionCreated ?? story.firstCreated;
}

/**
 * Formatted instants, memoized: a Tehran wall clock costs an Intl call (about 10 µs), and the same story
 * times are printed on every page that lists them. Cleared when full rather than kept in LRU order —
 * refilling is cheap.
 */
const formatted = new Map<string, string>();
const FORMAT_CACHE_MAX = 20_000;

function memoFormat(iso: string | undefined, weekday: boolean, time: boolean): string {
  if (iso === undefined) return '';
  const key = `${weekday ? 'w' : '-'}${time ? 't' : '-'}${iso}`;
  let text = formatted.get(key);
  if (text === undefined) {
    const d = new Date(iso);
    text = Number.isNaN(d.getTime()) ? '' : formatJalali(d, { weekday, time });
    if (formatted.size >= FORMAT_CACHE_MAX) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** «پنجشنبه ۳۰ مرداد ۱۴۰۴، ساعت ۱۵:۰۱» for an ISO instant, or '' when it is missing or unreadable. */
export function faDateTime(iso: string | undefined): string {
  return memoFormat(iso, true, true);
}

/** «۳۰ مرداد ۱۴۰۴، ساعت ۱۵:۰۱» (no weekday), the short form listings use. */
export function faShortDateTime(iso: string | undefined): string {
  return memoFormat(iso, false, true);
}

/** Today in Tehran, «دوشنبه ۹ آذر ۱۴۰۵», for the page header; recomputed once a minute. */
let today = { minute: -1, text: '' };
export function faToday(now = Date.now()): string {
  const minute = Math.floor(now / 60_000);
  if (minute !== today.minute) today = { minute, text: formatJalali(new Date(minute * 60_000), { time: false }) };
  return today.text;
}

/** A Jalali month key `1404/05` (the search month facet) as «مرداد ۱۴۰۴». */
export function faMonthKey(key: string): string {
  const m = /^(\d{4})\/(\d{2})$/.exec(key);
  const name = m ? JALALI_MONTH_NAMES[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${faDigits(m[1]!)}` : faDigits(key);
}
