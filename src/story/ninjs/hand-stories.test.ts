/**
 * Stories written by hand for the format tests (original Persian text, DESIGN.md §6), from an ordinary
 * wire story to hostile content: markup, entities, quotes, bidi controls, emoji, characters XML forbids,
 * lone surrogates, empty and 100 KB paragraphs, a uri that is not a URI. A test file (so it ships
 * nowhere) that other format tests import.
 */
import { describe, expect, it } from 'vitest';
import { createStory } from '../story.js';
import type { Story } from '../story.js';
import { ESCAPED_URI_PREFIX } from './ninjs-uri.js';

/** The hand-written stories. */
export const HAND_STORIES: Story[] = [
  createStory({
    code: 1404061501,
    headline: 'افتتاح نخستین کتابخانهٔ سیار در روستاهای اردبیل',
    lead: 'نخستین کتابخانهٔ سیار استان با ۲ هزار جلد کتاب کار خود را در روستاهای مشگین‌شهر آغاز کرد.',
    body: [
      'مدیرکل کتابخانه‌های عمومی استان گفت: این خودرو هر هفته به ۱۲ روستا می‌رود.',
      'به گفتهٔ وی، کودکان و نوجوانان بیشترین مراجعه‌کنندگان هستند.',
    ],
    credit: 'خبرگزاری آران / سرویس آذربایجان',
    service: 'سرویس آذربایجان',
    agency: 'خبرگزاری آران',
    byline: 'مریم صالحی',
    located: 'اردبیل',
    keywords: ['کتابخانه', 'اردبیل', 'روستا'],
    subjects: [{ name: 'فرهنگ', code: 'medtop:01000000' }, { name: 'آموزش' }],
    signOff: 'م.ص/۴۵',
    endMarker: 'پایان پیام.',
    firstCreated: '2025-09-05T09:26:00Z',
    versionCreated: '2025-09-05T10:01:30+03:30',
    urgency: 4,
    source: { name: 'wire', id: '000_aran.txt' },
    wire: { slug: 'service-agency', creditSeparator: ' : ' },
  }),
  createStory({
    uri: 'urn:khabar:story:hostile-1',
    code: 2,
    version: 3,
    pubStatus: 'canceled',
    headline: 'تیتر با <script>alert("x")</script> & «نقل‌قول» \'تک\'',
    lead: 'لید با &amp; و &lt;b&gt; و \u200F علامت راست‌به‌چپ \u200E و 😀 و \u202Bجاسازی\u202C',
    body: [
      '<p dir="ltr">پاراگراف جعلی</p><span class="credit">جعلی</span>',
      '',
      'سطر اول\nسطر دوم\r\nسطر سوم\n\n\nبا خطوط خالی',
      'کنترل\u0000\u0001\u000B\u001F و جانشین تنها \uD800 و \uFFFE',
      '   فاصله در دو سر   ',
      ']]> و <!-- توضیح --> و <![CDATA[ x ]]>',
    ],
    credit: 'خبرگزاری «آران» & <شرکا>',
    edNote: 'اصلاحیه: نام وزیر در نسخهٔ پیشین نادرست بود.',
    keywords: ['<b>', '&', 'کلید\tواژه'],
    subjects: [{ name: 'x', code: 'x' }, { name: 'بی کد', code: '' }],
    service: '',
    agency: 'آران\nخبر',
    language: 'fa-IR',
    source: { name: 'nin:js', id: 'id with space', url: 'https://example.org/خبر?a=1&b=2' },
    wire: { creditSeparator: '' },
  }),
  createStory({ uri: 'not a uri / خبر', headline: 'فقط تیتر' }),
  createStory({ uri: `${ESCAPED_URI_PREFIX}abc`, headline: 'یک', credit: 'اعتبار بدون متن' }),
  createStory({ headline: 'پاراگراف بزرگ', body: ['ا'.repeat(52_000) + 'ب <&> '.repeat(8_000)], code: 9_007_199_254_740_991 }),
  createStory({ headline: 'کسر ثانیه', firstCreated: '2025-03-20T23:59:00Z', versionCreated: '2025-03-21T00:00:00.123-04:00' }),
];


describe('hand-written stories', () => {
  it('cover the hostile cases they promise', () => {
    const all = HAND_STORIES.flatMap((s) => [s.headline, s.lead ?? '', ...s.body]).join('\n');
    for (const needle of ['<script>', '&', '"', '\u200F', '😀', '\u0000', '\uD800']) expect(all.includes(needle), needle).toBe(true);
    expect(Math.max(...HAND_STORIES.flatMap((s) => s.body.map((p) => p.length)))).toBeGreaterThanOrEqual(100_000);
  });
});
