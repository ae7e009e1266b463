import { describe, expect, it } from 'vitest';
import { joinVerbParts, splitTokenWords } from './index.js';

describe('joinVerbParts', () => {
  it('joins future, perfect and passive groups', () => {
    expect(joinVerbParts(['خواهد', 'رفت'])).toEqual(['خواهد_رفت']);
    expect(joinVerbParts(['رفته', 'است'])).toEqual(['رفته_است']);
    expect(joinVerbParts(['گفته', 'شده', 'است'])).toEqual(['گفته_شده_است']);
    expect(joinVerbParts(['گفته', 'خواهد', 'شد'])).toEqual(['گفته_خواهد_شد']);
    expect(joinVerbParts(['خسته', 'شدید'])).toEqual(['خسته_شدید']);
    expect(joinVerbParts(['نامه', 'را', 'نوشته', 'بود'])).toEqual(['نامه', 'را', 'نوشته_بود']);
  });

  it('leaves other tokens alone', () => {
    expect(joinVerbParts([])).toEqual([]);
    expect(joinVerbParts(['کتاب', 'است'])).toEqual(['کتاب', 'است']);
  });

  it('rejects non-array input with INVALID_INPUT', () => {
    expect(() => joinVerbParts('رفت' as unknown as string[])).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('splitTokenWords', () => {
  it('offers the ZWNJ split, two-word splits and the word itself', () => {
    expect(splitTokenWords('صداوسیماجمهوری')).toEqual([['صداوسیما', 'جمهوری']]);
    expect(splitTokenWords('صداو')).toEqual([['صد', 'او'], ['صدا', 'و']]);
    expect(splitTokenWords('داستان‌سرا')).toEqual([['داستان', 'سرا'], ['داستان‌سرا']]);
    expect(splitTokenWords('دستان‌سرا')).toEqual([['دستان', 'سرا']]);
    expect(splitTokenWords('')).toEqual([]);
  });
});
