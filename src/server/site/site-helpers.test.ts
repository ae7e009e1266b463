import { describe, expect, it } from 'vitest';
import { faCount, faMonthKey } from './format.js';
import { highlightPieces } from './components/highlighted.js';
import { pageWindow, parsePage } from './components/pager.js';
import { compareDays, dayRange, nextDay, previousDay, readDaySegments } from './jalali-day.js';
import { searchUrl, serviceUrl } from './urls.js';

describe('Persian numbers and months', () => {
  it('groups counts with «٬» in Persian digits', () => {
    expect(faCount(0)).toBe('۰');
    expect(faCount(999)).toBe('۹۹۹');
    expect(faCount(12345)).toBe('۱۲٬۳۴۵');
    expect(faCount(1234567)).toBe('۱٬۲۳۴٬۵۶۷');
  });
  it('names month facet keys', () => {
    expect(faMonthKey('1404/05')).toBe('مرداد ۱۴۰۴');
    expect(faMonthKey('1404/12')).toBe('اسفند ۱۴۰۴');
  });
});

describe('highlightPieces', () => {
  it('marks the spans and keeps every character', () => {
    const pieces = highlightPieces({ text: 'الف <b> همکاری‌های ب', spans: [[8, 18]] });
    expect(pieces).toEqual([{ text: 'الف <b> ', marked: false }, { text: 'همکاری‌های', marked: true }, { text: ' ب', marked: false }]);
  });
  it('ignores spans out of range, empty, overlapping or malformed', () => {
    const text = 'abcdef';
    const pieces = highlightPieces({ text, spans: [[4, 2], [0, 2], [1, 3], [5, 9], [-1, 1], [3, 3], [3, 4]] as Array<[number, number]> });
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(['ab', 'd']);
  });
});

describe('pager', () => {
  it('shows the first, last and two pages around the current one', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(10, 20)).toEqual([1, 0, 8, 9, 10, 11, 12, 0, 20]);
  });
  it('reads page numbers in ASCII or Persian digits', () => {
    expect(parsePage(undefined)).toBe(1);
    expect(parsePage('3')).toBe(3);
    expect(parsePage('۱۲')).toBe(12);
    expect(parsePage('0')).toBeUndefined();
    expect(parsePage('-1')).toBeUndefined();
    expect(parsePage('2x')).toBeUndefined();
  });
});

describe('Jalali days', () => {
  it('steps across month and year ends', () => {
    expect(nextDay({ year: 1403, month: 6, day: 31 })).toEqual({ year: 1403, month: 7, day: 1 });
    expect(nextDay({ year: 1403, month: 12, day: 30 })).toEqual({ year: 1404, month: 1, day: 1 }); // 1403 is leap
    expect(previousDay({ year: 1404, month: 1, day: 1 })).toEqual({ year: 1403, month: 12, day: 30 });
    expect(previousDay({ year: 1404, month: 7, day: 1 })).toEqual({ year: 1404, month: 6, day: 31 });
    expect(compareDays({ year: 1404, month: 1, day: 2 }, { year: 1404, month: 1, day: 1 })).toBeGreaterThan(0);
  });
  it('covers a Tehran day from midnight to midnight', () => {
    // 1404/05/30 = 2025-08-21; Tehran is UTC+03:30.
    expect(dayRange({ year: 1404, month: 5, day: 30 })).toEqual({ from: '2025-08-20T20:30:00.000Z', to: '2025-08-21T20:29:59.999Z' });
    expect(() => dayRange({ year: 1404, month: 13, day: 1 })).toThrow();
  });
  it('reads URL segments in either digit script', () => {
    expect(readDaySegments('۱۴۰۴', '۵', '۳۰')).toEqual({ year: 1404, month: 5, day: 30 });
    expect(readDaySegments('1404', '05', 'x')).toBeUndefined();
  });
});

describe('urls', () => {
  it('encodes service names and drops empty search parameters', () => {
    expect(serviceUrl('سرویس بین‌الملل', 2)).toBe(`/service/${encodeURIComponent('سرویس بین‌الملل')}?page=2`);
    expect(searchUrl({ q: 'a b', service: '', page: 1 })).toBe('/search?q=a+b');
    expect(searchUrl({})).toBe('/search');
  });
});
