/**
 * Atom 1.0 (RFC 4287). Titles and summaries are text constructs of type `text` (§3.1.1): a reader shows
 * them as they are and never parses markup in them; the content is `type="html"` (§4.1.3.1), the story's
 * escaped paragraphs.
 */
import type { FeedChannel, FeedEntry } from './feed-channel.js';
import { element, rfc3339 } from './feed-text.js';

/** Media type of Atom documents (RFC 4287 §7). */
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

/**
 * The channel as an Atom feed document. Atom requires `updated` on the feed and on each entry (§4.1.1,
 * §4.1.2): an entry without a date takes the feed's, and an empty feed the time of the request.
 */
export function renderAtom(channel: FeedChannel, now: Date = new Date()): string {
  const updated = channel.updated ?? now;
  const head = [
    // The feed's own address is its id (§4.2.6: a permanent, universally unique IRI).
    element('id', {}, channel.feedUrls.atom),
    element('title', {}, channel.title),
    element('subtitle', {}, channel.description),
    element('updated', {}, rfc3339(updated)),
    element('link', { rel: 'self', type: 'application/atom+xml', href: channel.feedUrls.atom }),
    element('link', { rel: 'alternate', type: 'text/html', href: channel.homeUrl }),
    `<author>${element('name', {}, channel.agency)}</author>`,
    element('generator', {}, 'khabar'),
  ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    // xml:lang (XML 1.0 §2.12), inherited by every entry: the stories are Persian.
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fa">',
    ...head,
    ...channel.entries.map((e) => renderEntry(e, updated)),
    '</feed>',
    '',
  ].join('\n');
}

function renderEntry(entry: FeedEntry, feedUpdated: Date): string {
  const { item } = entry;
  const lines = [
    element('id', {}, item.id),
    element('title', { type: 'text' }, item.title),
    element('link', { rel: 'alternate', type: 'text/html', href: item.url }),
    ...(item.published !== undefined ? [element('published', {}, rfc3339(item.published))] : []),
    element('updated', {}, rfc3339(entry.date ?? feedUpdated)),
    `<author>${element('name', {}, entry.author)}</author>`,
    ...entry.categories.map((c) => element('category', { term: c })),
    ...(item.summary !== undefined ? [element('summary', { type: 'text' }, item.summary)] : []),
    element('content', { type: 'html' }, item.contentHtml),
  ];
  return `<entry>\n${lines.join('\n')}\n</entry>`;
}
