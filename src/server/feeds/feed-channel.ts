/**
 * What a feed says, whatever its format: the channel (title, links, language, when it last changed) and
 * its entries, read from the store. The three writers (rss.ts, atom.ts, json-feed.ts) only serialize it.
 */
import type { Store } from '../../store/index.js';
import { toFeedItem, type FeedItem, type Story } from '../../story/index.js';
import type { SiteSettings } from '../settings.js';
import { xmlSafe } from './feed-text.js';

/** Entries in a feed: the newest stories. */
export const FEED_SIZE = 50;

/** The feed formats and their file names under a feed's folder. */
export const FEED_FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;
/** A feed format. */
export type FeedFormat = keyof typeof FEED_FILES;

/** An entry: the story as {@link FeedItem}, with what the channel adds. */
export interface FeedEntry {
  item: FeedItem;
  /** When this version was created (versionCreated, else firstCreated); undefined when the story has neither. */
  date?: Date;
  /** Categories: the service, then the keywords, without repeats. */
  categories: string[];
  /** The author the feeds name: the story's agency, else the site's. */
  author: string;
}

/** A feed's channel and entries. */
export interface FeedChannel {
  /** «<siteName>» or «<siteName> — <service>». */
  title: string;
  /** One sentence for RSS `description`, Atom `subtitle`, JSON Feed `description`. */
  description: string;
  /** The page the feed mirrors: the home page or the service page. */
  homeUrl: string;
  /** This feed's own address in each format (self links). */
  feedUrls: Record<FeedFormat, string>;
  /** The agency: the channel's author. */
  agency: string;
  /** The newest entry's date (RSS lastBuildDate, Atom/JSON updated); undefined for an empty feed. */
  updated?: Date;
  /** Newest first. */
  entries: FeedEntry[];
}

/** A loaded feed and the time for its `Last-Modified` header. */
export interface LoadedFeed {
  channel: FeedChannel;
  /** When the feed's content last changed, as far as the store can tell; undefined when unknown. */
  lastModified?: Date;
}

/** Channel language: RSS 2.0 `language` takes an RFC 1766 tag; JSON Feed an RFC 5646 one. */
export const FEED_LANGUAGE = 'fa-IR';

/** Statuses that take a story out of the feeds. */
const REMOVED_STATUSES: Array<Story['pubStatus']> = ['canceled', 'withheld'];

/**
 * Reads the feed of one service, or of all services when `service` is undefined.
 * @returns undefined for a service nobody knows: no story ever carried it and the settings do not list it.
 */
export async function loadFeed(store: Store, settings: SiteSettings, service?: string): Promise<LoadedFeed | undefined> {
  const [usable, removed] = await Promise.all([
    store.listStories({ service, limit: FEED_SIZE }),
    // The newest killed or withheld story: its removal changed the feed too, so Last-Modified must not be
    // older than it, or a client asking with If-Modified-Since alone would keep the killed story.
    store.listStories({ service, pubStatus: REMOVED_STATUSES, limit: 1 }),
  ]);
  if (service !== undefined && usable.total === 0 && removed.total === 0 && !settings.services.includes(service)) return undefined;

  const base = settings.baseUrl;
  const entries = usable.items
    // The store gives every story a code on its first put; a story without one has no page to link to.
    .filter(({ story }) => story.code !== undefined)
    .map(({ story }) => toEntry(story, settings));
  const updated = newest(entries.map((e) => e.date));
  const removedAt = removed.items[0] !== undefined ? storyDate(removed.items[0].story) : undefined;
  let lastModified = newest([updated, removedAt]);
  // RFC 9110 §8.8.2.1: an origin must not send a Last-Modified later than its own clock.
  const now = new Date();
  if (lastModified !== undefined && lastModified > now) lastModified = now;

  const folder = service === undefined ? `${base}/feeds` : `${base}/feeds/service/${encodeURIComponent(service)}`;
  const channel: FeedChannel = {
    title: service === undefined ? settings.siteName : `${settings.siteName} — ${service}`,
    description: service === undefined
      ? `تازه‌ترین خبرهای ${settings.siteName}`
      : `تازه‌ترین خبرهای ${service} در ${settings.siteName}`,
    homeUrl: service === undefined ? `${base}/` : `${base}/service/${encodeURIComponent(service)}`,
    feedUrls: {
      rss: `${folder}/${FEED_FILES.rss}`,
      atom: `${folder}/${FEED_FILES.atom}`,
      json: `${folder}/${FEED_FILES.json}`,
    },
    agency: settings.agency,
    entries,
  };
  if (updated !== undefined) channel.updated = updated;
  return lastModified === undefined ? { channel } : { channel, lastModified };
}

function toEntry(story: Story, settings: SiteSettings): FeedEntry {
  // The site's story pages are /story/<code>; the page URL is also the entry's id (stable: a code never changes).
  const item = toFeedItem(story, { baseUrl: `${settings.baseUrl}/`, path: (s) => `story/${s.code!}` });
  item.id = item.url;
  const categories = [...new Set([...(item.category !== undefined ? [item.category] : []), ...item.tags])];
  // The author is the agency (a wire feed credits the agency; the byline stays in the story), cleaned like
  // every string toFeedItem gives.
  const entry: FeedEntry = { item, categories, author: xmlSafe(story.agency ?? settings.agency) };
  const date = storyDate(story);
  if (date !== undefined) entry.date = date;
  return entry;
}

function storyDate(story: Story): Date | undefined {
  const iso = story.versionCreated ?? story.firstCreated;
  return iso === undefined ? undefined : new Date(iso);
}

function newest(dates: ReadonlyArray<Date | undefined>): Date | undefined {
  let out: Date | undefined;
  for (const d of dates) if (d !== undefined && (out === undefined || d > out)) out = d;
  return out;
}
