/** The three writers on a channel built by hand: edge cases the server tests do not reach. */
import { describe, expect, it } from 'vitest';
import { createStory, toFeedItem } from '../../story/index.js';
import type { FeedChannel } from './feed-channel.js';
import { renderAtom, renderJsonFeed, renderRss } from './index.js';

const channel = (entries: FeedChannel['entries']): FeedChannel => ({
  title: 'خبرگزاری آران', description: 'تازه‌ترین خبرها', homeUrl: 'https://a.example/',
  feedUrls: { rss: 'https://a.example/feeds/rss.xml', atom: 'https://a.example/feeds/atom.xml', json: 'https://a.example/feeds/feed.json' },
  agency: 'خبرگزاری آران', entries,
});

describe('feed writers', () => {
  it('write an empty feed: no lastBuildDate, Atom updated from the clock, no items', () => {
    const now = new Date('2025-09-05T09:26:00Z');
    expect(renderRss(channel([]))).not.toContain('<lastBuildDate>');
    expect(renderRss(channel([]))).not.toContain('<item>');
    expect(renderAtom(channel([]), now)).toContain('<updated>2025-09-05T09:26:00Z</updated>');
    expect(JSON.parse(renderJsonFeed(channel([])))).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', items: [] });
  });

  it('give an undated entry no pubDate in RSS and the feed’s updated in Atom (required there)', () => {
    const item = toFeedItem(createStory({ headline: 'بی‌تاریخ', code: 7 }), { baseUrl: 'https://a.example/' });
    const entries = [{ item, categories: [], author: 'خبرگزاری آران' }];
    const now = new Date('2025-09-05T09:26:00Z');
    expect(renderRss(channel(entries))).not.toContain('<pubDate>');
    expect(renderAtom(channel(entries), now).match(/<updated>2025-09-05T09:26:00Z<\/updated>/g)?.length).toBe(2);
    const json = JSON.parse(renderJsonFeed(channel(entries))) as { items: Array<Record<string, unknown>> };
    expect('date_modified' in json.items[0]! || 'date_published' in json.items[0]! || 'tags' in json.items[0]!).toBe(false);
  });
});
