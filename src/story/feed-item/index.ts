/** Stories as feed entries for RSS 2.0, Atom and JSON Feed writers. */
export { toFeedItem } from './feed-item.js';
export type { FeedItem, FeedItemOptions } from './feed-item.js';
