import { describe, expect, it } from 'vitest';
import { filterKey } from './filter-key.js';
import { parseDateBound } from './date-bound.js';

describe('filterKey', () => {
  it('meets spelling variants of one name', () => {
    const key = filterKey('سرویس بین‌الملل');
    for (const v of ['سرويس بين الملل', ' سرویس  بین\u200Cالملل ', 'سرویس\u00A0بین الملل']) expect(filterKey(v)).toBe(key);
    expect(filterKey('ISNA ۱۲')).toBe('isna 12');
  });
});

describe('parseDateBound', () => {
  it('from: is the start of the Tehran day, to: its last millisecond, a time is kept', () => {
    expect(parseDateBound('۱۴۰۳/۰۵/۱۲', 'from')).toBe('2024-08-01T20:30:00.000Z');
    expect(parseDateBound('۱۴۰۳/۰۵/۱۲', 'to')).toBe('2024-08-02T20:29:59.999Z');
    expect(parseDateBound('۳۱ شهریور ۱۴۰۳', 'to')).toBe('2024-09-21T20:29:59.999Z'); // month end
    expect(parseDateBound('1403/12/30', 'to')).toBe('2025-03-20T20:29:59.999Z'); // year end (1403 is leap)
    expect(parseDateBound('2024-08-02T10:00:00Z', 'to')).toBe('2024-08-02T10:00:00.000Z');
  });
  it('names an unreadable date', () => {
    expect(() => parseDateBound('فردا', 'from')).toThrow(/unreadable date in from: "فردا"/);
    expect(() => parseDateBound(5 as never, 'to')).toThrow(/to must be a date string/);
  });
});
