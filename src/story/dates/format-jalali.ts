/**
 * Persian rendering of an instant in Asia/Tehran: «پنجشنبه ۳۰ مرداد ۱۴۰۴، ساعت ۱۵:۰۱». The shape follows
 * what Iranian news sites print (weekday, day, month name, year, then «ساعت» and a 24-hour time), with
 * the Arabic comma «،» (U+060C) between date and time as Persian punctuation wants.
 */
import { KhabarError } from '../../errors/index.js';
import { jalaliParts } from './jalali-time.js';
import { JALALI_MONTH_NAMES, PERSIAN_WEEKDAY_NAMES } from './month-names.js';
import { toPersianDigits } from './persian-digits.js';

/** Options for {@link formatJalali}. Every field is optional. */
export interface FormatJalaliOptions {
  /**
   * `long` (default): «پنجشنبه ۳۰ مرداد ۱۴۰۴»; `numeric`: «۱۴۰۴/۰۵/۳۰» (year/month/day, two-digit month
   * and day, the order Iranian forms and sites use).
   */
  style?: 'long' | 'numeric';
  /** Prefix the weekday name (long style only). Default true. */
  weekday?: boolean;
  /** Append «، ساعت HH:MM». Default true. */
  time?: boolean;
  /** Include seconds in the time (HH:MM:SS). Default false. */
  seconds?: boolean;
  /** `persian` (default) prints ۰–۹; `latin` prints 0–9, for URLs and machine-facing text. */
  digits?: 'persian' | 'latin';
}

const OPTION_KEYS = new Set(['style', 'weekday', 'time', 'seconds', 'digits']);

/**
 * Render `instant` as Persian text in Asia/Tehran time.
 * - default: «پنجشنبه ۳۰ مرداد ۱۴۰۴، ساعت ۱۵:۰۱»
 * - `{ time: false }`: «پنجشنبه ۳۰ مرداد ۱۴۰۴»; `{ weekday: false }`: «۳۰ مرداد ۱۴۰۴، ساعت ۱۵:۰۱»
 * - `{ style: 'numeric', time: false }`: «۱۴۰۴/۰۵/۳۰»; with time: «۱۴۰۴/۰۵/۳۰، ساعت ۱۵:۰۱»
 * The output is read back exactly by `parseJalaliDate` (to the minute, or the second with `seconds`).
 * @throws KhabarError INVALID_INPUT for a non-Date or invalid Date; INVALID_OPTION for an unknown option or value.
 */
export function formatJalali(instant: Date, options: FormatJalaliOptions = {}): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new KhabarError('INVALID_INPUT', `formatJalali expects a valid Date, got ${instant instanceof Date ? 'Invalid Date' : typeof instant}`);
  }
  checkOptions(options);
  const p = jalaliParts(instant);
  const style = options.style ?? 'long';
  let text: string;
  if (style === 'numeric') {
    text = `${p.year}/${pad(p.month)}/${pad(p.day)}`;
  } else {
    text = `${p.day} ${JALALI_MONTH_NAMES[p.month - 1]} ${p.year}`;
    if (options.weekday ?? true) text = `${PERSIAN_WEEKDAY_NAMES[p.weekday]} ${text}`;
  }
  if (options.time ?? true) {
    text += `، ساعت ${pad(p.hour)}:${pad(p.minute)}`;
    if (options.seconds) text += `:${pad(p.second)}`;
  }
  return (options.digits ?? 'persian') === 'persian' ? toPersianDigits(text) : text;
}

function checkOptions(options: FormatJalaliOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new KhabarError('INVALID_OPTION', 'formatJalali options must be an object');
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new KhabarError('INVALID_OPTION', `unknown formatJalali option "${key}"`);
  }
  if (options.style !== undefined && options.style !== 'long' && options.style !== 'numeric') {
    throw new KhabarError('INVALID_OPTION', `style must be "long" or "numeric", got ${JSON.stringify(options.style)}`);
  }
  if (options.digits !== undefined && options.digits !== 'persian' && options.digits !== 'latin') {
    throw new KhabarError('INVALID_OPTION', `digits must be "persian" or "latin", got ${JSON.stringify(options.digits)}`);
  }
  for (const key of ['weekday', 'time', 'seconds'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'boolean') {
      throw new KhabarError('INVALID_OPTION', `${key} must be a boolean, got ${JSON.stringify(options[key])}`);
    }
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
