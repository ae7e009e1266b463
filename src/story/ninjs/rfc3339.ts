/**
 * Date-times as ninjs (JSON Schema `format: date-time`, RFC 3339 §5.6) and NewsML-G2 (`xs:dateTime`)
 * accept them. The story model accepts a little more (minutes without seconds; any date `Date.parse`
 * takes, such as 2025-02-30), so writers check and, where the meaning is unchanged, complete.
 */
import { KhabarError } from '../../errors/index.js';

const STORY_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):?(\d{2}))$/;

/**
 * A story instant as an RFC 3339 date-time: seconds added when the story gives only minutes (same
 * instant). Throws when the date is not a real calendar date or a part is out of range (RFC 3339 §5.7),
 * and for year 0000, which `xs:dateTime` (XML Schema 1.0) has no room for.
 * @param field the story field, for the error message.
 * @throws KhabarError INVALID_INPUT naming `field`.
 */
export function toRfc3339(value: string, field: string): string {
  const m = STORY_INSTANT.exec(value);
  if (!m || !inRange(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6] ?? '00', m[9], m[10])) {
    throw new KhabarError('INVALID_INPUT', `${field}: not an RFC 3339 date-time with a real calendar date: ${value}`, { field });
  }
  return m[6] === undefined ? `${value.slice(0, 16)}:00${value.slice(16)}` : value;
}

/**
 * Reads an RFC 3339 date-time from ninjs into the story's form (upper-case `T`/`Z`, offset `±hh:mm`).
 * @returns undefined when `value` is not one.
 */
export function fromRfc3339(value: string): string | undefined {
  const m = RFC3339.exec(value);
  if (!m || !inRange(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[9], m[10])) return undefined;
  const zone = m[8]!.toUpperCase() === 'Z' ? 'Z' : `${m[8]![0]}${m[9]}:${m[10]}`;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}${zone}`;
}

function inRange(y: string, mo: string, d: string, h: string, mi: string, s: string, oh?: string, om?: string): boolean {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return false;
  return oh === undefined || (Number(oh) <= 23 && Number(om) <= 59);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
