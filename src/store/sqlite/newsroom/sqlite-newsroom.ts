/**
 * The SQLite NewsroomStore (store/newsroom-store.ts), in the archive's database (migrations/004-newsroom.ts),
 * as `store.newsroom` of the SQLite Store. One concept per file: users, sessions (and login throttling),
 * desks, items, publish-item (the archive write and the item in one transaction), locks, audit, webhooks;
 * checks.ts validates arguments, item-writes.ts is the revision-and-expectation core every item change
 * shares. Statements are prepared once, here, per connection.
 *
 * Conventions of this adapter (the conformance suite holds every adapter to them):
 * - instants in are ISO 8601 with seconds and a zone; instants out are `toISOString()` (UTC, ms);
 * - every method is one transaction; writes are BEGIN IMMEDIATE;
 * - INVALID_INPUT's `details.field` is the argument path as the interface names it (`input.username`,
 *   `move.expect.states`, `publication.story.pubStatus`), NOT_FOUND's message `item 7 not found`;
 * - lists: users, desks and webhooks by id; items most recently updated first; audit newest first.
 */
import type Database from 'better-sqlite3';
import type { NewsroomStore } from '../../newsroom-store.js';
import type { StoryWriter } from '../story-writer.js';
import { createAuditAppender, createAuditMethods } from './audit.js';
import { createNewsroomContext } from './context.js';
import { createDeskMethods } from './desks.js';
import { createItemWrites } from './item-writes.js';
import { createItemMethods } from './items.js';
import { createLockMethods } from './locks.js';
import { createLookups } from './lookups.js';
import { createPublishItem } from './publish-item.js';
import { createSessionMethods } from './sessions.js';
import { createUserMethods } from './users.js';
import { createWebhookMethods } from './webhooks.js';

/**
 * The newsroom store over `db` (configured and migrated to schema 4+). `writer` is the Store's story
 * writer, so that publishing writes the archive exactly as putStories does; undefined on a read-only
 * store (publishing then fails with STORE, like every other write).
 */
export function createSqliteNewsroom(db: Database.Database, writer: StoryWriter | undefined): NewsroomStore {
  const ctx = createNewsroomContext(db, writer);
  const lookups = createLookups(db);
  const audit = createAuditAppender(db);
  const writes = createItemWrites(db);
  const webhooks = createWebhookMethods(ctx);
  // claimWebhook: SQLite's file has one writing process (the server; better-sqlite3 cannot hold a
  // transaction open across an HTTP request anyway), so excluding other dispatchers in this process is the
  // whole claim. Outcomes commit one by one through recordDelivery, whose cursor check stays the guard.
  const claimed = new Set<number>();
  return {
    ...createUserMethods(ctx),
    ...createSessionMethods(ctx, lookups),
    ...createDeskMethods(ctx, lookups),
    ...createItemMethods(ctx, lookups, writes, audit),
    publishItem: createPublishItem(ctx, lookups, writes, audit),
    ...createLockMethods(ctx, lookups, audit),
    ...createAuditMethods(ctx, lookups, audit),
    ...webhooks,
    async claimWebhook(id, deliver) {
      if (claimed.has(id)) return { claimed: false };
      claimed.add(id);
      try {
        const webhook = await webhooks.getWebhook(id);
        if (webhook === undefined || !webhook.active) return { claimed: false };
        return { claimed: true, value: await deliver({ webhook, record: (outcome) => webhooks.recordDelivery(id, outcome) }) };
      } finally {
        claimed.delete(id);
      }
    },
  };
}
