/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with the content module for the full text
 * (`content:encoded`), Dublin Core for the author (`dc:creator`: RSS `author` must be an e-mail address)
 * and an Atom self link (RSS Advisory Board best practices). Every value is escaped text — no CDATA, so no
 * `]]>` can end a section early. Plain-text elements use hexadecimal character references (see xmlPlainText).
 */
import type { FeedChannel, FeedEntry } from './feed-channel.js';
import { FEED_LANGUAGE } from './feed-channel.js';
import { element, htmlText, rfc822, xmlPlainText, type Attrs } from './feed-text.js';

/** An element holding plain text (see {@link xmlPlainText}). */
const text = (name: string, value: string, attrs: Attrs = {}) => element(name, attrs, value, xmlPlainText);

/** Media type of the RSS documents: not registered with IANA, but the one readers and browsers recognize. */
export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';

/** The channel as an RSS 2.0 document. */
export function renderRss(channel: FeedChannel): string {
  const head = [
    text('title', channel.title),
    element('link', {}, channel.homeUrl),
    text('description', channel.description),
    element('language', {}, FEED_LANGUAGE),
    ...(channel.updated !== undefined ? [element('lastBuildDate', {}, rfc822(channel.updated))] : []),
    element('generator', {}, 'khabar'),
    element('docs', {}, 'https://www.rssboard.org/rss-specification'),
    element('atom:link', { href: channel.feedUrls.rss, rel: 'self', type: 'application/rss+xml' }),
  ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    ...head,
    ...channel.entries.map(renderItem),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

function renderItem(entry: FeedEntry): string {
  const { item } = entry;
  const lines = [
    text('title', item.title),
    element('link', {}, item.url),
    element('guid', { isPermaLink: 'true' }, item.url),
    // description is HTML by custom (RSS 2.0 §item: "the item synopsis", entity-encoded HTML allowed), so the
    // plain-text lead is HTML-escaped first: a «<script>» in a lead stays text in every reader.
    ...(item.summary !== undefined ? [element('description', {}, htmlText(item.summary))] : []),
    element('content:encoded', {}, item.contentHtml),
    ...(entry.date !== undefined ? [element('pubDate', {}, rfc822(entry.date))] : []),
    text('dc:creator', entry.author),
    ...entry.categories.map((c) => text('category', c)),
  ];
  return `<item>\n${lines.join('\n')}\n</item>`;
}
