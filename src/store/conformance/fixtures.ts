/**
 * Hand-written Persian test stories for the conformance suite (DESIGN.md §6: fixtures are written by the
 * project, never copied from the corpus). Every Story field appears in {@link richStory}.
 */
import { createStory, type Story, type StoryInit } from '../../story/index.js';

/**
 * A story with every optional field set, ZWNJ, Persian digits and punctuation, so that a store that drops,
 * reorders or re-encodes anything fails the round trip.
 */
export function richStory(): Story {
  return createStory({
    uri: 'urn:khabar:story:test-rich-1',
    code: 4_200_017,
    version: 1,
    firstCreated: '2025-03-04T06:15:00Z',
    versionCreated: '2025-03-04T06:45:30.250+03:30',
    pubStatus: 'usable',
    urgency: 3,
    headline: 'همکاری‌های تازهٔ بندر انزلی با کشورهای حاشیهٔ دریای خزر',
    lead: 'مدیرکل بنادر گیلان از امضای سه تفاهم‌نامهٔ ترانزیتی خبر داد؛ «این همکاری‌ها راه شمال به جنوب را کوتاه‌تر می‌کند».',
    body: [
      'به گزارش خبرنگار اقتصادی، این تفاهم‌نامه‌ها روز سه‌شنبه ۱۴ اسفند ۱۴۰۳ در رشت امضا شد.',
      'بر پایهٔ این توافق، حجم کالای ترانزیتی بندر تا پایان سال آینده به ۲٫۵ میلیون تن می‌رسد.',
      '',
      'او افزود: «ما نمی‌خواهیم فرصت‌ها را از دست بدهیم» — و این یعنی کار شبانه‌روزی.',
    ],
    service: 'سرویس اقتصادی',
    agency: 'خبرگزاری آران',
    credit: 'خبرگزاری آران / سرویس اقتصادی',
    byline: 'مریم رستگار',
    located: 'رشت',
    keywords: ['بندر انزلی', 'ترانزیت', 'دریای خزر'],
    subjects: [{ name: 'اقتصاد', code: 'medtop:04000000' }, { name: 'حمل‌ونقل دریایی' }],
    signOff: 'م.ر/۳۲',
    endMarker: 'انتهای پیام/',
    correction: true,
    embargoed: '2025-03-04T07:00:00Z',
    edNote: 'نام استان در نسخهٔ پیشین نادرست بود.',
    language: 'fa-IR',
    source: { name: 'wire', id: 'aran-1403-12-14-017.txt', url: 'https://example.org/news/۱۷' },
    wire: { slug: 'service-agency', creditSeparator: ' : ' },
  });
}

let counter = 0;
/** Distinguishes uris of different test runs sharing one database. */
const RUN = Math.random().toString(36).slice(2, 8);

/**
 * A plain usable story with a unique uri (no code, no source unless given): headline and body made of
 * the given words, so that tests can search for them.
 */
export function plainStory(init: Partial<StoryInit> = {}): Story {
  counter += 1;
  return createStory({
    uri: `urn:khabar:test:${RUN}-${counter}`,
    headline: `گزارش شمارهٔ ${counter} از بازار کتاب`,
    body: ['نمایشگاه کتاب امسال با حضور ناشران استانی برگزار شد.'],
    ...init,
  });
}

/** `n` distinct imported stories from one source (identity by source), for batch and concurrency tests. */
export function sourceStories(sourceName: string, n: number, start = 0): Story[] {
  return Array.from({ length: n }, (_, i) => createStory({
    headline: `خبر ${i + start} از ${sourceName}: بارش باران در استان‌های شمالی`,
    body: [`هواشناسی برای روز ${i + start} بارش پراکنده پیش‌بینی کرد.`],
    service: i % 2 === 0 ? 'سرویس استان‌ها' : 'سرویس اجتماعی',
    agency: 'خبرگزاری آران',
    source: { name: sourceName, id: `${sourceName}-${i + start}` },
  }));
}
