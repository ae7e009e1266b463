/**
 * Persian names of the Jalali months and of the days of the week, and lookups that accept the spellings
 * news sites print: Arabic yeh/kaf (ي ك, U+064A/U+0643), with or without ZWNJ or a space
 * (اردی‌بهشت, اردی بهشت), with «ماه» after the month (شهریورماه), alef without madda (ابان), and the
 * older name امرداد for مرداد.
 */

/** The twelve Jalali month names, Farvardin first (index 0 = month 1), as the Academy spells them. */
export const JALALI_MONTH_NAMES = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
] as const;

/**
 * The days of the week in the Iranian week order, Saturday first: index 0 = شنبه (Saturday) …
 * 6 = جمعه (Friday). This is the order every `weekday` number in khabar's date API uses.
 */
export const PERSIAN_WEEKDAY_NAMES = ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه'] as const;

/**
 * Fold a word for name lookup: Arabic yeh/alef maksura → ی, Arabic kaf → ک, آ → ا, drop ZWNJ/ZWJ,
 * tatweel (U+0640), harakat (U+064B–U+065F, U+0670) and spaces. Folding only compares; it never
 * changes displayed text.
 */
export function foldDateWord(word: string): string {
  return word
    .replace(/[\u064A\u0649]/g, 'ی')
    .replace(/\u0643/g, 'ک')
    .replace(/\u0622/g, 'ا')
    .replace(/[\u200C\u200D\u0640\u064B-\u065F\u0670\s]/g, '');
}

const MONTH_BY_FOLDED = new Map<string, number>();
JALALI_MONTH_NAMES.forEach((name, i) => MONTH_BY_FOLDED.set(foldDateWord(name), i + 1));
// امرداد is the older (and some say the more correct) spelling of مرداد, still printed by some outlets.
MONTH_BY_FOLDED.set(foldDateWord('امرداد'), 5);

const WEEKDAY_BY_FOLDED = new Map<string, number>();
PERSIAN_WEEKDAY_NAMES.forEach((name, i) => WEEKDAY_BY_FOLDED.set(foldDateWord(name), i));
// «۱شنبه», «۲شنبه» … occasionally appear in tables; digits are folded to ASCII before lookup.
['1', '2', '3', '4', '5'].forEach((d, i) => WEEKDAY_BY_FOLDED.set(`${d}شنبه`, i + 1));

/**
 * The month number (1–12) for a Persian month name in any of the accepted spellings, or undefined.
 * A trailing «ماه» is allowed: `jalaliMonthFromName('شهریورماه')` → 6.
 */
export function jalaliMonthFromName(name: string): number | undefined {
  const folded = foldDateWord(name);
  const direct = MONTH_BY_FOLDED.get(folded);
  if (direct !== undefined) return direct;
  return folded.endsWith('ماه') ? MONTH_BY_FOLDED.get(folded.slice(0, -3)) : undefined;
}

/**
 * The weekday number (0 = شنبه … 6 = جمعه) for a Persian weekday name, or undefined.
 * `persianWeekdayFromName('پنج‌شنبه')` → 5.
 */
export function persianWeekdayFromName(name: string): number | undefined {
  return WEEKDAY_BY_FOLDED.get(foldDateWord(name));
}
