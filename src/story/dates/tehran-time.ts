/**
 * Asia/Tehran wall-clock time ↔ UTC instants, with the host's time-zone database as the only source of
 * truth: offsets are read from `Intl.DateTimeFormat` (ECMA-402), never from a table kept here. In the
 * tz database (2025c) Tehran kept +03:25:44 mean time until 1935, then +03:30 (+04:00 in 1977–78), with
 * +04:30 or +05:00 daylight saving time in 1977–80, 1991–2005 and 2008–2022, abolished from 1402/2023.
 * The law moved the clocks at 24:00 of 1 Farvardin and of 30 Shahrivar, so the usual skipped hour is
 * 2 Farvardin 00:00–01:00 and the usual repeated hour 30 Shahrivar 23:00–24:00.
 *
 * A wall-clock time can name no instant (the hour skipped when clocks go forward, e.g. 2 Farvardin 1390
 * 00:00–01:00) or two (the hour repeated when they go back, 30 Shahrivar 23:00–24:00 in DST years).
 * {@link Disambiguation} chooses, with the same four choices and the same default as TC39 Temporal's
 * `ZonedDateTime.from` (proposal-temporal, "DisambiguatePossibleEpochNanoseconds").
 */
import { KhabarError } from '../../errors/index.js';

/** The IANA zone khabar reads and writes Persian dates in. */
export const TEHRAN_TIME_ZONE = 'Asia/Tehran';

/**
 * How to read a Tehran wall-clock time that names no instant or two (DST transitions):
 * - `compatible` (default): a skipped time moves forward by the gap (00:30 → 01:30 +04:30); a repeated
 *   time takes the earlier instant (the DST one). This is what JS `Date` and Temporal do by default.
 * - `earlier`: the earlier of the two candidate instants (a skipped time moves back by the gap).
 * - `later`: the later of the two (a skipped time moves forward).
 * - `reject`: throw KhabarError INVALID_INPUT naming the time.
 */
export type Disambiguation = 'compatible' | 'earlier' | 'later' | 'reject';

/** Wall-clock fields in a time zone, Gregorian calendar. */
export interface WallClock {
  /** Gregorian year. */
  year: number;
  /** Month 1–12. */
  month: number;
  /** Day 1–31. */
  day: number;
  /** Hour 0–23. */
  hour: number;
  /** Minute 0–59. */
  minute: number;
  /** Second 0–59. */
  second: number;
}

const MS_PER_SECOND = 1000;
const MS_PER_DAY = 86_400_000;

let formatter: Intl.DateTimeFormat | undefined;

/** One shared formatter: constructing Intl.DateTimeFormat is far slower than using one. */
function tehranFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-US-u-nu-latn', {
    timeZone: TEHRAN_TIME_ZONE,
    calendar: 'gregory',
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return formatter;
}

/**
 * Tehran wall-clock fields (Gregorian) of an instant, to the second (milliseconds are dropped).
 * @throws KhabarError INVALID_INPUT for an invalid Date.
 */
export function tehranWallClock(instant: Date | number): WallClock {
  const ms = toMs(instant);
  const fields: Record<string, string> = {};
  for (const part of tehranFormatter().formatToParts(ms)) fields[part.type] = part.value;
  const year = Number(fields.year);
  return {
    // Years before 1 CE never occur in the supported range, but read the era rather than guess.
    year: fields.era === 'BC' ? 1 - year : year,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
  };
}

/** Wall-clock fields as milliseconds "as if UTC", the usual way to do offset arithmetic. */
export function wallClockToMs(w: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day); // not Date.UTC: that maps years 0–99 to 1900–1999
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

/**
 * The UTC offset of Asia/Tehran at an instant, in seconds east of UTC: 12600 for +03:30, 16200 for
 * +04:30, 12344 for the +03:25:44 local mean time before 1946.
 * @throws KhabarError INVALID_INPUT for an invalid Date.
 */
export function tehranOffsetSeconds(instant: Date | number): number {
  const ms = toMs(instant);
  const wholeSecond = Math.floor(ms / MS_PER_SECOND) * MS_PER_SECOND;
  return (wallClockToMs(tehranWallClock(wholeSecond)) - wholeSecond) / MS_PER_SECOND;
}

/** The result of reading a wall-clock time: the instant and how the time related to the zone's rules. */
export interface ResolvedWallClock {
  /** The UTC instant chosen. */
  instant: Date;
  /** Offset in seconds east of UTC in force at `instant`. */
  offsetSeconds: number;
  /** `unique` for an ordinary time, `skipped` for a time in a spring-forward gap, `repeated` for a time in a fall-back overlap. */
  kind: 'unique' | 'skipped' | 'repeated';
}

/**
 * The UTC instant of a Tehran wall-clock time. Candidate offsets are those in force a day before and a
 * day after (no zone changes offset twice within two days); a candidate is valid when the zone really
 * has that offset at the instant it gives. See {@link Disambiguation} for times with zero or two valid
 * candidates.
 * @throws KhabarError INVALID_INPUT for fields out of range (hour 24, 31 September…), or when
 *   `disambiguation` is `reject` and the time is skipped or repeated.
 */
export function tehranWallClockToInstant(wall: WallClock, disambiguation: Disambiguation = 'compatible'): ResolvedWallClock {
  const local = wallClockToMs(wall);
  const check = new Date(local);
  if (
    !Number.isFinite(local) ||
    check.getUTCFullYear() !== wall.year ||
    check.getUTCMonth() !== wall.month - 1 ||
    check.getUTCDate() !== wall.day ||
    check.getUTCHours() !== wall.hour ||
    check.getUTCMinutes() !== wall.minute ||
    check.getUTCSeconds() !== wall.second
  ) {
    throw new KhabarError('INVALID_INPUT', `${JSON.stringify(wall)} is not a valid wall-clock time`);
  }
  const before = tehranOffsetSeconds(local - MS_PER_DAY);
  const after = tehranOffsetSeconds(local + MS_PER_DAY);
  const valid = [...new Set([before, after])]
    .map((offset) => local - offset * MS_PER_SECOND)
    .filter((t) => local - tehranOffsetSeconds(t) * MS_PER_SECOND === t)
    .sort((a, b) => a - b);
  const resolved = (t: number, kind: ResolvedWallClock['kind']): ResolvedWallClock => ({
    instant: new Date(t),
    offsetSeconds: tehranOffsetSeconds(t),
    kind,
  });
  if (valid.length === 1) return resolved(valid[0]!, 'unique');
  const label = `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  if (valid.length >= 2) {
    if (disambiguation === 'reject') {
      throw new KhabarError('INVALID_INPUT', `${label} happens twice in Asia/Tehran (clocks went back); it is ambiguous`);
    }
    return resolved(disambiguation === 'later' ? valid[valid.length - 1]! : valid[0]!, 'repeated');
  }
  if (disambiguation === 'reject') {
    throw new KhabarError('INVALID_INPUT', `${label} does not exist in Asia/Tehran (clocks went forward)`);
  }
  // Skipped: reading the time with the offset before the gap lands after it, shifted by the gap's length.
  const shiftedForward = local - before * MS_PER_SECOND;
  const shiftedBack = local - after * MS_PER_SECOND;
  return resolved(disambiguation === 'earlier' ? Math.min(shiftedForward, shiftedBack) : Math.max(shiftedForward, shiftedBack), 'skipped');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function toMs(instant: Date | number): number {
  const ms = instant instanceof Date ? instant.getTime() : instant;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new KhabarError('INVALID_INPUT', `expected a valid Date, got ${instant instanceof Date ? 'Invalid Date' : typeof instant}`);
  }
  return ms;
}
