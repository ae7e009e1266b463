import { describe, expect, it } from 'vitest';
import { analyzeVerb } from './index.js';

describe('analyzeVerb', () => {
  it('recognises verb forms in any spelling', () => {
    expect(analyzeVerb('می‌کنند')).toEqual({ past: 'کرد', present: 'کن' });
    expect(analyzeVerb('میکنند')).toEqual({ past: 'کرد', present: 'کن' });
    expect(analyzeVerb('كند')).toEqual({ past: 'کرد', present: 'کن' });
    expect(analyzeVerb('نوشته‌اند')).toEqual({ past: 'نوشت', present: 'نویس' });
    expect(analyzeVerb('برمی‌گردد')).toEqual({ past: 'گشت', present: 'گرد', preverb: 'بر' });
    expect(analyzeVerb('است')).toEqual({ past: '', present: 'است' });
  });

  it('says no for words that are not verb forms', () => {
    expect(analyzeVerb('کتاب')).toBeUndefined();
    expect(analyzeVerb('کار')).toBeUndefined();
    expect(analyzeVerb('او')).toBeUndefined();
    expect(analyzeVerb('')).toBeUndefined();
  });

  it('rejects non-string input with INVALID_INPUT', () => {
    expect(() => analyzeVerb(1 as unknown as string)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
