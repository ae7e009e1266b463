import { describe, expect, it } from 'vitest';
import { stem } from './index.js';
import { isKhabarError } from '../../errors/index.js';

describe('stem', () => {
  it('strips clitics, ی, plurals and comparatives', () => {
    const cases: Array<[string, string]> = [
      ['کتابی', 'کتاب'], ['کتاب‌ها', 'کتاب'], ['کتاب‌هایی', 'کتاب'], ['کتابهایشان', 'کتاب'],
      ['اندیشه‌اش', 'اندیشه'], ['خانهٔ', 'خانه'], ['قدمش', 'قدم'], ['صدایش', 'صدا'],
      ['خانه‌ای', 'خانه'], ['دانشجویان', 'دانشجو'], ['نمایندگان', 'نماینده'], ['بزرگ‌ترین', 'بزرگ'],
    ];
    for (const [w, s] of cases) expect([w, stem(w)]).toEqual([w, s]);
  });

  it('leaves short words and closed-class words alone', () => {
    expect(stem('شب')).toBe('شب');
    expect(stem('دفتر')).toBe('دفتر');
    expect(stem('است')).toBe('است');
  });

  it('returns empty and whitespace-only input unchanged', () => {
    expect(stem('')).toBe('');
    expect(stem('  ')).toBe('  ');
  });

  it('rejects non-string input with INVALID_INPUT', () => {
    expect(() => stem(7 as unknown as string)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    try { stem(null as unknown as string); } catch (e) { expect(isKhabarError(e, 'INVALID_INPUT')).toBe(true); }
  });
});
