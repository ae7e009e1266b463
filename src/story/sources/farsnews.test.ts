import { describe, expect, it } from 'vitest';
import { errorCode } from '../../../test/support/error-code.js';
import { farsNewsIdDate, fromFarsNewsRecord } from './farsnews.js';

describe('Fars News records', () => {
  it('reads the news id after /news/, even with a slug after it, and dates the story from it', () => {
    const s = fromFarsNewsRecord({
      title: ' افتتاح  پل تازه ', abstract: 'خبرگزاری فارس: پل تازه افتتاح شد.',
      paragraphs: ['به گزارش فارس، پل عصر امروز افتتاح شد.', '', 'انتهای پیام/'],
      cat: 'province', subcat: 'tabriz', tags: ['پل', 'پل', ' عمران '], link: 'https://www.farsnews.ir/news/8707060255/افتتاح-پل',
    });
    expect(s.source).toEqual({ name: 'farsnews', id: '8707060255', url: 'https://www.farsnews.ir/news/8707060255/افتتاح-پل' });
    expect(s.firstCreated).toBe('2008-09-26T20:30:00Z'); // 1387/07/06, Tehran midnight (+03:30)
    expect(s.headline).toBe('افتتاح پل تازه');
    expect(s.body).toEqual(['به گزارش فارس، پل عصر امروز افتتاح شد.']);
    expect(s.endMarker).toBe('انتهای پیام/');
    expect(s.service).toBe('سرویس استان‌ها');
    expect(s.keywords).toEqual(['پل', 'عمران']);
  });
  it('decodes both id layouts and refuses others', () => {
    expect(farsNewsIdDate('8410220069')).toEqual({ year: 1384, month: 10, day: 22 });
    expect(farsNewsIdDate('13911222000865')).toEqual({ year: 1391, month: 12, day: 22 });
    expect(farsNewsIdDate('8413400069')).toBeUndefined();
    expect(farsNewsIdDate('record-3')).toBeUndefined();
  });
  it('names the bad field of a broken record', () => {
    expect(errorCode(() => fromFarsNewsRecord({ title: 5 }))).toBe('INVALID_INPUT');
    expect(() => fromFarsNewsRecord({ title: 'ت', paragraphs: 'متن' }, 7)).toThrow(/farsnews\[7\]\.paragraphs/);
    expect(() => fromFarsNewsRecord(null, 2)).toThrow(/farsnews\[2\]: expected an object/);
  });
});
