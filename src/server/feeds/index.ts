/**
 * The feeds under /feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest stories, of all services
 * (`/feeds/rss.xml`, `/feeds/atom.xml`, `/feeds/feed.json`) and of each service
 * (`/feeds/service/<url-encoded service>/rss.xml`, …). Killed and withheld stories are not listed by the
 * store, so they leave the feeds with the version that removes them. The app's middleware adds the ETag,
 * answers conditional requests from it and from Last-Modified, and compresses.
 */
import { Hono, type Context } from 'hono';
import type { ServerDeps } from '../deps.js';
import { ATOM_CONTENT_TYPE, renderAtom } from './atom.js';
import { FEED_FILES, loadFeed, type FeedChannel, type FeedFormat } from './feed-channel.js';
import { rfc822 } from './feed-text.js';
import { JSON_FEED_CONTENT_TYPE, renderJsonFeed } from './json-feed.js';
import { RSS_CONTENT_TYPE, renderRss } from './rss.js';

export { FEED_SIZE, FEED_FILES, loadFeed } from './feed-channel.js';
export type { FeedChannel, FeedEntry, FeedFormat, LoadedFeed } from './feed-channel.js';
export { renderRss, RSS_CONTENT_TYPE } from './rss.js';
export { renderAtom, ATOM_CONTENT_TYPE } from './atom.js';
export { renderJsonFeed, JSON_FEED_CONTENT_TYPE } from './json-feed.js';

/** Writer and media type of each format. */
const FORMATS: Record<FeedFormat, { render: (channel: FeedChannel) => string; type: string }> = {
  rss: { render: renderRss, type: RSS_CONTENT_TYPE },
  atom: { render: (channel) => renderAtom(channel), type: ATOM_CONTENT_TYPE },
  json: { render: renderJsonFeed, type: JSON_FEED_CONTENT_TYPE },
};

/**
 * Feeds are polled by many subscribers: a minute of shared caching bounds the load on the store while
 * keeping a kill's delay short; revalidation is cheap (ETag / Last-Modified → 304).
 */
const CACHE_CONTROL = 'public, max-age=60';

/** The /feeds routes. */
export function feedRoutes(deps: ServerDeps): Hono {
  const app = new Hono();
  for (const [format, file] of Object.entries(FEED_FILES) as Array<[FeedFormat, string]>) {
    app.get(`/${file}`, (c) => serveFeed(c, deps, format, undefined));
    // Hono decodes the percent-encoded segment: «/feeds/service/%D8%B3…/rss.xml» → the service's name.
    app.get(`/service/:service/${file}`, (c) => serveFeed(c, deps, format, c.req.param('service')));
  }
  return app;
}

async function serveFeed(c: Context, deps: ServerDeps, format: FeedFormat, service: string | undefined): Promise<Response> {
  const feed = await loadFeed(deps.store, deps.settings, service);
  if (feed === undefined) return c.notFound();
  const { render, type } = FORMATS[format];
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': CACHE_CONTROL };
  if (feed.lastModified !== undefined) headers['Last-Modified'] = rfc822(feed.lastModified);
  return c.body(render(feed.channel), 200, headers);
}
