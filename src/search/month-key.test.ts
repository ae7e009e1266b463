import { describe, expect, it } from 'vitest';
import { monthKey, monthRange } from './month-key.js';

describe('monthKey / monthRange', () => {
  it('uses Tehran time, ASCII digits, zero-padded months', () => {
    expect(monthKey('2024-08-01T20:30:00Z')).toBe('1403/05');
    expect(monthKey('2024-08-01T20:29:59Z')).toBe('1403/05');
    expect(monthKey('2024-07-21T20:29:59Z')).toBe('1403/04');
    expect(monthKey('2024-07-21T20:30:00Z')).toBe('1403/05');
    // Nowruz 1403: 1403/01/01 starts 2024-03-19T20:30Z (Tehran +03:30, no DST since 1401).
    expect(monthKey('2024-03-19T20:30:00Z')).toBe('1403/01');
    expect(monthKey('2024-03-19T20:29:59Z')).toBe('1402/12');
    expect(monthKey('2025-09-05T12:56:00+03:30')).toBe('1404/06');
  });
  it('monthRange is [first midnight, next first midnight), and contains exactly its keys', () => {
    expect(monthRange('1403/05')).toEqual(['2024-07-21T20:30:00.000Z', '2024-08-21T20:30:00.000Z']);
    expect(monthRange('1402/12')).toEqual(['2024-02-19T20:30:00.000Z', '2024-03-19T20:30:00.000Z']);
    for (const key of ['1399/01', '1399/06', '1399/07', '1403/12', '1404/01']) {
      const [from, to] = monthRange(key);
      expect(monthKey(from)).toBe(key);
      expect(monthKey(new Date(Date.parse(to) - 1).toISOString())).toBe(key);
      expect(monthKey(to)).not.toBe(key);
    }
  });
  it('rejects bad input', () => {
    expect(() => monthKey('nope')).toThrow(/not an ISO date-time/);
    expect(() => monthKey(42 as never)).toThrow(/not an ISO date-time/);
    for (const k of ['1403/13', '1403/00', '1403-05', '۱۴۰۳/۰۵', '999/01', 5]) expect(() => monthRange(k as string)).toThrow(/expected a Jalali month key/);
  });
});
