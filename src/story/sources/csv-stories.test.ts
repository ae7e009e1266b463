import { describe, expect, it } from 'vitest';
import { errorCode } from '../../../test/support/error-code.js';
import { AGENCY_SAMPLES_CSV_MAP, AGENCY_SAMPLES_CSV_OPTIONS, csvStories } from './csv-stories.js';


/** Rows in the agency-samples layout, written here (quoted cells with commas and line breaks). */
const SAMPLES = [
  'news_id,category,date,url,title,introtext,text,tags,GPT5 title',
  '501,اخبار ورزشی,۱۴ شهریور ۱۴۰۴ - ۱۲:۵۶,https://www.tasnimnews.com/fa/news/1404/06/14/501/x,"والیبال ایران، قهرمان شد",تیم ملی در فینال پیروز شد.,"به گزارش خبرنگار ورزشی، تیم ملی سه بر یک برد. [n] مراسم اهدای جام عصر برگزار شد. [n] انتهای پیام/","والیبال, تیم ملی ,والیبال",تیتر ماشینی',
  '502,اخبار اقتصادی,روز نامعلوم,https://www.khabaronline.ir/news/502/y,قیمت نان ثابت ماند,,متن کوتاه خبر.,,',
  '503,اخبار اقتصادی,۱ شهریور ۱۴۰۴,https://www.khabaronline.ir/news/503/z,,لید بی تیتر,متن,,',
  '',
].join('\r\n');

describe('csvStories', () => {
  it('reads the agency-samples layout with the built-in map', () => {
    const { stories, errors, warnings } = csvStories(SAMPLES, AGENCY_SAMPLES_CSV_MAP, AGENCY_SAMPLES_CSV_OPTIONS);
    expect(stories).toHaveLength(2);
    const [a, b] = stories;
    expect(a!.headline).toBe('والیبال ایران، قهرمان شد');
    expect(a!.lead).toBe('تیم ملی در فینال پیروز شد.');
    expect(a!.body).toEqual(['به گزارش خبرنگار ورزشی، تیم ملی سه بر یک برد.', 'مراسم اهدای جام عصر برگزار شد.']);
    expect(a!.endMarker).toBe('انتهای پیام/');
    expect(a!.service).toBe('اخبار ورزشی');
    expect(a!.agency).toBe('خبرگزاری تسنیم');
    expect(a!.keywords).toEqual(['والیبال', 'تیم ملی']);
    expect(a!.firstCreated).toBe('2025-09-05T09:26:00Z');
    expect(a!.source).toEqual({ name: 'tasnimnews.com', id: '501', url: 'https://www.tasnimnews.com/fa/news/1404/06/14/501/x' });
    expect(b!.agency).toBe('خبرآنلاین');
    expect(b!.firstCreated).toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ row: 3, field: 'date' })]);
    expect(errors).toEqual([expect.objectContaining({ row: 4, field: 'headline', code: 'INVALID_INPUT' })]);
  });

  it('takes a custom map, a source name, separators and list-literal tags', () => {
    const text = 'code,head,para,kw,desk\n7,تیتر خبر,"بند یک\n\nبند دو","[\'الف\', \'ب\']",سیاسی\n8,خبر دیگر,متن,ج؛د,سیاسی\n';
    const r = csvStories(text,
      { headline: 'head', body: 'para', tags: 'kw', id: 'code', service: 'desk' }, { source: 'archive', tagSeparator: '؛', agency: 'خبرگزاری نمونه' });
    expect(r.errors).toEqual([]);
    expect(r.stories[0]!.body).toEqual(['بند یک', 'بند دو']);
    expect(r.stories[0]!.keywords).toEqual(['الف', 'ب']);
    expect(r.stories[0]!.source).toEqual({ name: 'archive', id: '7' });
    expect(r.stories[0]!.agency).toBe('خبرگزاری نمونه');
    expect(r.stories[1]!.keywords).toEqual(['ج', 'د']);
  });

  it('falls back to the row number for the id and csv for the source', () => {
    const r = csvStories('title\nخبر بی شناسه\n', { headline: 'title' });
    expect(r.stories[0]!.source).toEqual({ name: 'csv', id: 'row-2' });
  });

  it('rejects a map naming a column the header lacks, or text without a header', () => {
    expect(errorCode(() => csvStories(SAMPLES, { headline: 'headline' }))).toBe('INVALID_INPUT');
    expect(errorCode(() => csvStories('', { headline: 'title' }))).toBe('INVALID_INPUT');
  });

  it('reports a row whose headline is too long, keeping the others', () => {
    const r = csvStories(`title\n${'الف'.repeat(600)}\nخبر سالم\n`, { headline: 'title' });
    expect(r.stories.map((s) => s.headline)).toEqual(['خبر سالم']);
    expect(r.errors).toEqual([expect.objectContaining({ row: 2, code: 'INVALID_INPUT' })]);
  });
});
