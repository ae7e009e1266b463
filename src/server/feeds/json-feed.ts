/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). JSON carries any text, so only what the spec
 * asks is done: `summary` and `content_text` are plain text, `content_html` the story's escaped paragraphs.
 */
import type { FeedChannel, FeedEntry } from './feed-channel.js';
import { FEED_LANGUAGE } from './feed-channel.js';
import { rfc3339 } from './feed-text.js';

/** Media type of JSON Feed (JSON Feed 1.1, "Suggestions for Publishers"). */
export const JSON_FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8';

/** The channel as a JSON Feed 1.1 document. */
export function renderJsonFeed(channel: FeedChannel): string {
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrls.json,
    description: channel.description,
    language: FEED_LANGUAGE,
    authors: [{ name: channel.agency }],
    items: channel.entries.map(renderItem),
  };
  return JSON.stringify(doc);
}

function renderItem(entry: FeedEntry): Record<string, unknown> {
  const { item } = entry;
  const out: Record<string, unknown> = { id: item.id, url: item.url, title: item.title };
  if (item.summary !== undefined) out['summary'] = item.summary;
  out['content_html'] = item.contentHtml;
  out['content_text'] = item.contentText;
  if (item.published !== undefined) out['date_published'] = rfc3339(item.published);
  if (entry.date !== undefined) out['date_modified'] = rfc3339(entry.date);
  out['authors'] = [{ name: entry.author }];
  if (entry.categories.length > 0) out['tags'] = entry.categories;
  out['language'] = item.language;
  return out;
}
