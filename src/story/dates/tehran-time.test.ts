/**
 * Asia/Tehran offsets and DST edges, as the host tz database (tzdata in Node's ICU) has them. Iran's law
 * put the DST change at 24:00 of 1 Farvardin and 24:00 of 30 Shahrivar, so the skipped hour is
 * 2 Farvardin 00:00–01:00 and the repeated hour 30 Shahrivar 23:00–24:00 in most DST years; in 1359
 * (1980) the change came at the start of 1 Farvardin itself.
 */
import { describe, expect, it } from 'vitest';
import { isKhabarError } from '../../errors/index.js';
import { jalaliParts, jalaliToInstant } from './jalali-time.js';
import { tehranOffsetSeconds, tehranWallClock, tehranWallClockToInstant } from './tehran-time.js';

const iso = (d: Date) => d.toISOString();

describe('tehranOffsetSeconds', () => {
  it('reads +03:30, +04:30 in DST years, none after 1401, and local mean time before 1946', () => {
    expect(tehranOffsetSeconds(new Date('2025-08-21T12:00:00Z'))).toBe(12_600);
    expect(tehranOffsetSeconds(new Date('2011-06-01T12:00:00Z'))).toBe(16_200);
    expect(tehranOffsetSeconds(new Date('2022-06-01T12:00:00Z'))).toBe(16_200); // 1401, the last DST summer
    expect(tehranOffsetSeconds(new Date('2023-06-01T12:00:00Z'))).toBe(12_600); // abolished from 1402
    expect(tehranOffsetSeconds(new Date('2011-01-01T12:00:00Z'))).toBe(12_600);
    expect(tehranOffsetSeconds(new Date('1921-06-01T12:00:00Z'))).toBe(12_344); // +03:25:44 LMT
    expect(tehranOffsetSeconds(new Date('1977-11-01T12:00:00Z'))).toBe(14_400); // +04:00 standard time, 1977–78
  });
  it('gives wall-clock fields to the second', () => {
    expect(tehranWallClock(new Date('2025-09-05T09:26:59.900Z'))).toEqual({ year: 2025, month: 9, day: 5, hour: 12, minute: 56, second: 59 });
  });
  it('rejects an invalid Date', () => {
    expect(() => tehranOffsetSeconds(new Date(Number.NaN))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('DST edges (1390 = 2011)', () => {
  it('1 Farvardin 1390 00:30 is an ordinary time, +03:30 (the clocks moved at its end)', () => {
    const r = tehranWallClockToInstant({ year: 2011, month: 3, day: 21, hour: 0, minute: 30, second: 0 });
    expect(r.kind).toBe('unique');
    expect(iso(r.instant)).toBe('2011-03-20T21:00:00.000Z');
    expect(iso(jalaliToInstant(1390, 1, 1, 0, 30))).toBe('2011-03-20T21:00:00.000Z');
  });
  it('2 Farvardin 1390 00:30 was skipped: compatible/later move it forward, earlier back, reject throws', () => {
    expect(iso(jalaliToInstant(1390, 1, 2, 0, 30))).toBe('2011-03-21T21:00:00.000Z'); // = 01:30 +04:30
    expect(jalaliParts(jalaliToInstant(1390, 1, 2, 0, 30))).toMatchObject({ day: 2, hour: 1, minute: 30, offsetSeconds: 16_200 });
    expect(iso(jalaliToInstant(1390, 1, 2, 0, 30, 0, { disambiguation: 'later' }))).toBe('2011-03-21T21:00:00.000Z');
    expect(iso(jalaliToInstant(1390, 1, 2, 0, 30, 0, { disambiguation: 'earlier' }))).toBe('2011-03-21T20:00:00.000Z'); // = 1/1 23:30 +03:30
    expect(() => jalaliToInstant(1390, 1, 2, 0, 30, 0, { disambiguation: 'reject' })).toThrow(/does not exist in Asia\/Tehran/);
    // The instants on either side of the gap.
    expect(iso(jalaliToInstant(1390, 1, 1, 23, 59, 59))).toBe('2011-03-21T20:29:59.000Z');
    expect(iso(jalaliToInstant(1390, 1, 2, 1, 0))).toBe('2011-03-21T20:30:00.000Z');
  });
  it('30 Shahrivar 1390 23:30 happened twice: compatible/earlier take the DST one, later the standard one', () => {
    const r = tehranWallClockToInstant({ year: 2011, month: 9, day: 21, hour: 23, minute: 30, second: 0 });
    expect(r.kind).toBe('repeated');
    expect(iso(r.instant)).toBe('2011-09-21T19:00:00.000Z'); // 23:30 +04:30
    expect(iso(jalaliToInstant(1390, 6, 30, 23, 30))).toBe('2011-09-21T19:00:00.000Z');
    expect(iso(jalaliToInstant(1390, 6, 30, 23, 30, 0, { disambiguation: 'earlier' }))).toBe('2011-09-21T19:00:00.000Z');
    expect(iso(jalaliToInstant(1390, 6, 30, 23, 30, 0, { disambiguation: 'later' }))).toBe('2011-09-21T20:00:00.000Z'); // 23:30 +03:30
    expect(() => jalaliToInstant(1390, 6, 30, 23, 30, 0, { disambiguation: 'reject' })).toThrow(/happens twice/);
    // 22:59 is before the overlap, 31 Shahrivar 00:00 after it (Shahrivar has 31 days; the law names the 30th).
    expect(iso(jalaliToInstant(1390, 6, 30, 22, 59))).toBe('2011-09-21T18:29:00.000Z');
    expect(iso(jalaliToInstant(1390, 6, 31, 0, 0))).toBe('2011-09-21T20:30:00.000Z');
  });
  it('1 Farvardin 1359 00:30 (1980) was skipped: DST began at the start of the year that spring', () => {
    const r = tehranWallClockToInstant({ year: 1980, month: 3, day: 21, hour: 0, minute: 30, second: 0 });
    expect(r.kind).toBe('skipped');
    expect(jalaliParts(r.instant)).toMatchObject({ year: 1359, month: 1, day: 1, hour: 1, minute: 30 });
  });
  it('31 Shahrivar 1359 23:30 (1980) happened twice', () => {
    expect(tehranWallClockToInstant({ year: 1980, month: 9, day: 22, hour: 23, minute: 30, second: 0 }).kind).toBe('repeated');
  });
  it('no DST in 1402: 2 Farvardin 00:30 and 30 Shahrivar 23:30 are ordinary', () => {
    expect(tehranWallClockToInstant({ year: 2023, month: 3, day: 22, hour: 0, minute: 30, second: 0 }).kind).toBe('unique');
    expect(tehranWallClockToInstant({ year: 2023, month: 9, day: 21, hour: 23, minute: 30, second: 0 }).kind).toBe('unique');
  });
  it('wall-clock fields out of range are INVALID_INPUT, not rolled over', () => {
    expect(() => tehranWallClockToInstant({ year: 2025, month: 9, day: 31, hour: 0, minute: 0, second: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => tehranWallClockToInstant({ year: 2025, month: 9, day: 5, hour: 24, minute: 0, second: 0 })).toThrow(/not a valid wall-clock time/);
  });
  it('bad time fields name the field', () => {
    const cases: Array<[[number, number, number, number, number, number], string]> = [
      [[1404, 6, 14, 24, 0, 0], 'hour 24 is out of range (0–23)'],
      [[1404, 6, 14, 12, 60, 0], 'minute 60 is out of range (0–59)'],
      [[1404, 6, 14, 12, 0, -1], 'second -1 is out of range (0–59)'],
      [[1404, 5, 32, 0, 0, 0], 'day 32 is out of range for مرداد'],
    ];
    for (const [args, msg] of cases) {
      try {
        jalaliToInstant(...args);
        expect.unreachable();
      } catch (e) {
        expect(isKhabarError(e, 'INVALID_INPUT')).toBe(true);
        expect((e as Error).message).toBe(msg);
      }
    }
  });
});
