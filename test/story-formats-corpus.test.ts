/**
 * Real Persian news through khabar's story formats: 500 stories from ../shared/corpus/isna and
 * ../shared/corpus/farsnews (research-only text, read in place, never copied; DESIGN.md §6) become
 * stories via createStory; each one's ninjs validates against the IPTC ninjs 2.2 schema and reads back
 * to the same story, and each one's NewsML-G2 item validates against the 2.35 All-Power XSD (xmllint,
 * one run over all files). Skips with a message when ../shared is absent.
 * Story count: KHABAR_CORPUS_STORIES (default 500, half from each corpus).
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fromNinjs, toFeedItem, toNewsML, toNinjs } from '../src/story/index.js';
import type { Story } from '../src/story/index.js';
import { hasCorpus } from '../bench/corpus.js';
import { farsStories, isnaStories } from './support/corpus-stories.js';
import { HAVE_STANDARDS, ninjsValidator, validateNewsML } from './support/validators.js';

const PRESENT = HAVE_STANDARDS && hasCorpus('isna') && hasCorpus('farsnews');
const TOTAL = Number(process.env.KHABAR_CORPUS_STORIES ?? 500);
/** The corpora carry no dates; NewsML-G2 needs a version time, so every story gets this one. */
const VERSION_CREATED = '2025-09-05T09:26:00+03:30';
const dated = (s: Story): Story => ({ ...s, versionCreated: VERSION_CREATED });


describe('story formats over real Persian news (../shared/corpus)', () => {
  if (!PRESENT) console.log('story-formats-corpus: skipped, ../shared (corpus/isna, corpus/farsnews, standards) is absent');
  const stories = PRESENT ? [...isnaStories(Math.ceil(TOTAL / 2)), ...farsStories(Math.floor(TOTAL / 2))].map(dated) : [];

  it.skipIf(!PRESENT)(`${TOTAL} stories: ninjs validates against 2.2 and reads back to the same story`, () => {
    expect(stories.length).toBe(TOTAL);
    const validate = ninjsValidator();
    const failures: string[] = [];
    for (const story of stories) {
      const doc = JSON.parse(JSON.stringify(toNinjs(story))) as unknown;
      const error = validate(doc);
      if (error) failures.push(`${story.source?.id}: ${error}`);
      else if (!isDeepStrictEqual(fromNinjs(doc), story)) failures.push(`${story.source?.id}: round trip differs`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it.skipIf(!PRESENT)(`${TOTAL} stories: NewsML-G2 validates against the 2.35 All-Power XSD (one xmllint run)`, () => {
    const failures = validateNewsML(stories.map((s) => toNewsML(s)));
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it.skipIf(!PRESENT)(`${TOTAL} stories: feed items carry title, link, dates and well-formed content`, () => {
    for (const story of stories) {
      const item = toFeedItem(story, { baseUrl: 'https://khabar.example/', path: (s) => `news/${s.code ?? encodeURIComponent(s.source?.id ?? s.uri)}` });
      expect(item.title).toBe(story.headline);
      expect(item.url.startsWith('https://khabar.example/news/')).toBe(true);
      expect(item.updated?.toISOString()).toBe('2025-09-05T05:56:00.000Z');
      expect(item.contentHtml.split('<p dir="rtl"').length - 1).toBe(story.body.length + (story.lead !== undefined ? 1 : 0));
    }
  });
});
