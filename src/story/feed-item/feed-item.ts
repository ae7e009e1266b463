/**
 * Story → one feed entry, a plain object that RSS 2.0, Atom (RFC 4287) and JSON Feed 1.1 writers read.
 * Every string is free of characters XML 1.0 forbids, so XML feed writers only need to escape.
 */
import { KhabarError } from '../../errors/index.js';
import type { Story } from '../story.js';
import { escapeHtml, renderParagraphsHtml, stripInvalidXmlChars } from '../xml/index.js';

/**
 * A feed entry. Per field, what each format takes from it:
 * | field | RSS 2.0 | Atom 1.0 (RFC 4287) | JSON Feed 1.1 |
 * |---|---|---|---|
 * | id | `guid isPermaLink="false"` | `id` | `id` |
 * | url | `link` | `link rel="alternate"` | `url` |
 * | title | `title` | `title` | `title` |
 * | summary | `description` when no content | `summary` | `summary` |
 * | contentHtml | `description` (or `content:encoded`) | `content type="html"` | `content_html` |
 * | contentText | — | — | `content_text` |
 * | published | `pubDate` (RFC 822) | `published` | `date_published` |
 * | updated | — | `updated` (required: falls back to published) | `date_modified` |
 * | category | `category` | `category term` | first of `tags` |
 * | tags | `category` each | `category term` each | `tags` |
 * | author | `dc:creator` (RSS `author` wants an e-mail) | `author/name` | `authors[].name` |
 * | language | channel `language` | `xml:lang` | `language` |
 */
export interface FeedItem {
  /** The story uri: stable across versions, so readers update rather than duplicate. */
  id: string;
  /** The story page: `baseUrl` + `news/<code>` unless `options.path` says otherwise. */
  url: string;
  /** The headline. */
  title: string;
  /** The lead, if any. */
  summary?: string;
  /** Lead (`p.lead`) and paragraphs as `<p dir="rtl">`, credit in `span.credit`, HTML-escaped. */
  contentHtml: string;
  /** Lead and paragraphs as plain text, credit restored, separated by blank lines. */
  contentText: string;
  /** When the story was first created (firstCreated), if known. */
  published?: Date;
  /** When this version was created (versionCreated), if known. */
  updated?: Date;
  /** The service (desk), if any. */
  category?: string;
  /** The keywords. */
  tags: string[];
  /** The byline, else the agency, if either is known. */
  author?: { name: string };
  /** BCP 47 language of the story (`fa`). */
  language: string;
  /** The story code (کد خبر), for writers that show it. */
  code?: number;
}

/** Options of {@link toFeedItem}. */
export interface FeedItemOptions {
  /** The site's absolute base URL, e.g. `https://aran.example/` (http or https). */
  baseUrl: string;
  /**
   * The story page's path relative to `baseUrl`. Default `news/<code>`; stories without a code need
   * this option.
   */
  path?: (story: Story) => string;
}

/**
 * Maps a story to a feed entry.
 * @throws KhabarError INVALID_OPTION when `baseUrl` is not an absolute http(s) URL;
 *   INVALID_INPUT when the story has no code and no `path` option is given.
 */
export function toFeedItem(story: Story, options: FeedItemOptions): FeedItem {
  const url = storyUrl(story, options);
  const clean = stripInvalidXmlChars;
  const separator = story.wire?.creditSeparator;
  const lead = story.lead !== undefined ? `<p dir="rtl" class="lead">${escapeHtml(clean(story.lead))}</p>` : '';
  const body = renderParagraphsHtml(story.body, { credit: story.credit, creditSeparator: separator });
  const paragraphs = [...story.body];
  if (story.credit !== undefined) paragraphs[0] = paragraphs.length === 0 ? story.credit : `${story.credit}${separator ?? ' : '}${paragraphs[0]}`;

  const item: FeedItem = {
    id: clean(story.uri),
    url,
    title: clean(story.headline),
    contentHtml: [lead, body].filter((s) => s !== '').join('\n'),
    contentText: clean([...(story.lead !== undefined ? [story.lead] : []), ...paragraphs].join('\n\n')),
    tags: story.keywords.map(clean),
    language: story.language,
  };
  if (story.lead !== undefined) item.summary = clean(story.lead);
  if (story.firstCreated !== undefined) item.published = new Date(story.firstCreated);
  if (story.versionCreated !== undefined) item.updated = new Date(story.versionCreated);
  if (story.service !== undefined) item.category = clean(story.service);
  const author = story.byline ?? story.agency;
  if (author !== undefined) item.author = { name: clean(author) };
  if (story.code !== undefined) item.code = story.code;
  return item;
}

function storyUrl(story: Story, options: FeedItemOptions): string {
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new KhabarError('INVALID_OPTION', `baseUrl: not an absolute URL: ${JSON.stringify(options.baseUrl)}`, { option: 'baseUrl' });
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new KhabarError('INVALID_OPTION', `baseUrl: expected http or https, got ${base.protocol}`, { option: 'baseUrl' });
  }
  // Resolve against a base ending in '/', so https://a.example/site + news/1 → /site/news/1 (RFC 3986 §5.2).
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  let path: string;
  if (options.path !== undefined) path = options.path(story);
  else if (story.code !== undefined) path = `news/${story.code}`;
  else throw new KhabarError('INVALID_INPUT', 'story.code: needed for the story URL (or pass options.path)', { field: 'story.code' });
  return new URL(path.replace(/^\/+/, ''), base).href;
}
