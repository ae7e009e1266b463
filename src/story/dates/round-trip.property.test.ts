/**
 * Property: for any instant 1921–2121, parsing the Persian rendering gives the instant back at the
 * precision rendered (minute, or second with `seconds: true`). Truncation is in Tehran wall-clock time,
 * which matters before 1946 when the offset was +03:25:44. In the hour repeated at the end of DST the
 * rendering names two instants; `compatible` picks the first, and `later` the second.
 * Runs: KHABAR_PROPERTY_RUNS (default 2000).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJalali } from './format-jalali.js';
import { jalaliParts } from './jalali-time.js';
import { parseJalaliDate, parseJalaliDateDetailed } from './parse-jalali.js';
import { tehranOffsetSeconds } from './tehran-time.js';

const RUNS = Number(process.env.KHABAR_PROPERTY_RUNS ?? 2000);
const instants = fc.date({ min: new Date('1921-03-21T00:00:00Z'), max: new Date('2121-12-31T23:59:59Z'), noInvalidDate: true });

function expectedAtPrecision(instant: Date, seconds: boolean): number {
  const p = jalaliParts(instant);
  const dropped = (seconds ? 0 : p.second * 1000) + (instant.getTime() - Math.floor(instant.getTime() / 1000) * 1000);
  return instant.getTime() - dropped;
}

function readBack(text: string): number[] {
  const first = parseJalaliDateDetailed(text);
  if (first.kind !== 'repeated') return [first.instant.getTime()];
  return [first.instant.getTime(), parseJalaliDate(text, { disambiguation: 'later' }).getTime()];
}

describe('parse(format(instant)) = instant at the rendered precision', () => {
  for (const seconds of [false, true]) {
    it(`long style${seconds ? ' with seconds' : ''}`, () => {
      fc.assert(
        fc.property(instants, (instant) => {
          expect(readBack(formatJalali(instant, { seconds }))).toContain(expectedAtPrecision(instant, seconds));
        }),
        { numRuns: RUNS },
      );
    });
  }
  it('numeric style, latin digits, no weekday', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        expect(readBack(formatJalali(instant, { style: 'numeric', digits: 'latin', seconds: true }))).toContain(expectedAtPrecision(instant, true));
      }),
      { numRuns: RUNS },
    );
  });
  it('date only gives Tehran midnight of the same Jalali day', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        const back = parseJalaliDate(formatJalali(instant, { time: false }));
        const a = jalaliParts(instant);
        const b = jalaliParts(back);
        expect([b.year, b.month, b.day]).toEqual([a.year, a.month, a.day]);
        expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
      }),
      { numRuns: RUNS },
    );
  });
  it('near every offset change 1921–2121 (found from the tz database, not listed here)', () => {
    const changes = offsetChanges(Date.UTC(1921, 2, 21), Date.UTC(2122, 0, 1));
    expect(changes.length).toBeGreaterThan(40); // DST 1977–80, 1991–2005, 2008–2022, LMT → +03:30
    const near = fc
      .tuple(fc.constantFrom(...changes), fc.integer({ min: -3 * 3600, max: 3 * 3600 }))
      .map(([t, s]) => new Date(t + s * 1000));
    fc.assert(
      fc.property(near, (instant) => {
        expect(readBack(formatJalali(instant, { seconds: true }))).toContain(expectedAtPrecision(instant, true));
      }),
      { numRuns: RUNS },
    );
  });
  it('the repeated hour of 1390 round-trips with the right disambiguation', () => {
    const second = new Date('2011-09-21T19:45:00Z'); // 23:15 +03:30, the second 23:15 of 30 Shahrivar
    expect(readBack(formatJalali(second))).toEqual([new Date('2011-09-21T18:45:00Z').getTime(), second.getTime()]);
  });
});

/** Instants where Tehran's offset changes: a daily scan, then bisection to the second. */
function offsetChanges(from: number, to: number): number[] {
  const out: number[] = [];
  const DAY = 86_400_000;
  let prev = tehranOffsetSeconds(from);
  for (let t = from + DAY; t <= to; t += DAY) {
    const o = tehranOffsetSeconds(t);
    if (o === prev) continue;
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (tehranOffsetSeconds(mid) === prev) lo = mid;
      else hi = mid;
    }
    out.push(hi);
    prev = o;
  }
  return out;
}
