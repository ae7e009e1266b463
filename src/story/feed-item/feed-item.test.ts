/** Feed items: fields taken from the story, URL built from baseUrl, content escaped and XML-safe. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKhabarError } from '../../errors/index.js';
import { HAND_STORIES } from '../ninjs/hand-stories.test.js';
import { storyArbitrary } from '../ninjs/story-arbitrary.test.js';
import { isXmlSafe } from '../xml/index.js';
import { createStory } from '../story.js';
import { toFeedItem } from './index.js';

describe('toFeedItem', () => {
  it('maps a wire story', () => {
    const item = toFeedItem(HAND_STORIES[0]!, { baseUrl: 'https://aran.example/fa' });
    expect(item).toMatchObject({
      id: 'urn:khabar:story:1404061501',
      url: 'https://aran.example/fa/news/1404061501',
      title: HAND_STORIES[0]!.headline,
      summary: HAND_STORIES[0]!.lead,
      category: 'سرویس آذربایجان',
      tags: ['کتابخانه', 'اردبیل', 'روستا'],
      author: { name: 'مریم صالحی' },
      language: 'fa',
      code: 1404061501,
    });
    expect(item.published).toEqual(new Date('2025-09-05T09:26:00Z'));
    expect(item.updated).toEqual(new Date('2025-09-05T06:31:30Z'));
    expect(item.contentHtml.startsWith('<p dir="rtl" class="lead">نخستین')).toBe(true);
    expect(item.contentHtml).toContain('<p dir="rtl"><span class="credit">خبرگزاری آران / سرویس آذربایجان</span> : مدیرکل');
    expect(item.contentText).toContain('\n\nخبرگزاری آران / سرویس آذربایجان : مدیرکل');
  });

  it('falls back to the agency for the author and leaves unknown dates out', () => {
    const item = toFeedItem(createStory({ headline: 'x', code: 5, agency: 'خبرگزاری آران' }), { baseUrl: 'http://a.example' });
    expect(item.author).toEqual({ name: 'خبرگزاری آران' });
    expect(item.url).toBe('http://a.example/news/5');
    expect('published' in item || 'updated' in item || 'summary' in item).toBe(false);
  });

  it('escapes hostile content and keeps every string XML-safe', () => {
    const item = toFeedItem(HAND_STORIES[1]!, { baseUrl: 'https://a.example/' });
    expect(item.contentHtml).not.toMatch(/<script|<p dir="ltr"|<!--/);
    for (const s of [item.title, item.summary ?? '', item.contentHtml, item.contentText, ...item.tags]) expect(isXmlSafe(s)).toBe(true);
    fc.assert(fc.property(storyArbitrary, (story) => {
      const entry = toFeedItem(story, { baseUrl: 'https://a.example/', path: () => 'x' });
      return [entry.id, entry.title, entry.summary ?? '', entry.contentHtml, entry.contentText, entry.author?.name ?? '', entry.category ?? '', ...entry.tags].every(isXmlSafe);
    }), { numRuns: 300 });
  });

  it('uses options.path, and refuses a bad baseUrl or a story it cannot link', () => {
    const story = createStory({ headline: 'x' });
    expect(toFeedItem(story, { baseUrl: 'https://a.example/site/', path: () => '/archive/خبر' }).url).toBe('https://a.example/site/archive/%D8%AE%D8%A8%D8%B1');
    for (const [baseUrl, code] of [['not a url', 'INVALID_OPTION'], ['ftp://a.example/', 'INVALID_OPTION'], ['https://a.example/', 'INVALID_INPUT']] as const) {
      try {
        toFeedItem(story, { baseUrl });
        expect.unreachable();
      } catch (e) {
        expect(isKhabarError(e, code)).toBe(true);
      }
    }
  });
});
