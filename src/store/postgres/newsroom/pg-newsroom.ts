/**
 * The PostgreSQL NewsroomStore (store/newsroom-store.ts), in the archive's database and schema (migrations/002-newsroom.ts:
 * the tables of SQLite's migration 004), as `store.newsroom` of the PostgreSQL Store. One concept per file,
 * as in sqlite/newsroom/: users, sessions (and login throttling), desks, items, publish-item (the archive
 * write through the adapter's story writer and the item in one transaction), locks, audit, webhooks (with
 * the cross-process delivery claim); item-writes.ts is the revision-and-expectation core; context.ts the
 * transactions, the clock and the error mapping. The argument checks are SQLite's own
 * (store/newsroom-checks.ts, and the limits in sqlite/newsroom/: pure values), so both adapters refuse the same
 * input with the same field names.
 *
 * Conventions (the conformance suite holds both adapters to them): instants in are ISO 8601 with seconds
 * and a zone, out `toISOString()`; every method is atomic; changes lock the row they decide on; lists:
 * users, desks and webhooks by id, items most recently updated first, audit newest first.
 */
import type { NewsroomStore } from '../../newsroom-store.js';
import { createAuditMethods } from './audit.js';
import type { PgDb } from '../pg-db.js';
import { createPgNewsroomContext } from './context.js';
import { createDeskMethods } from './desks.js';
import { createItemMethods } from './items.js';
import { createLockMethods } from './locks.js';
import { createPublishItem } from './publish-item.js';
import { createSessionMethods } from './sessions.js';
import { createUserMethods } from './users.js';
import { createWebhookMethods, withClaimedWebhook } from './webhooks.js';

export { pgMigration002Newsroom as PG_NEWSROOM_MIGRATION } from '../migrations/002-newsroom.js';
export { withClaimedWebhook, type WebhookClaim } from './webhooks.js';

/** The newsroom store over `db` (its schema migrated to version 2+: migrations/002-newsroom.ts). */
export function createPgNewsroom(db: PgDb): NewsroomStore {
  const ctx = createPgNewsroomContext(db);
  return {
    ...createUserMethods(ctx),
    ...createSessionMethods(ctx),
    ...createDeskMethods(ctx),
    ...createItemMethods(ctx),
    publishItem: createPublishItem(ctx),
    ...createLockMethods(ctx),
    ...createAuditMethods(ctx),
    ...createWebhookMethods(ctx),
    // The cross-process delivery claim (FOR UPDATE SKIP LOCKED on the webhook's row; webhooks.ts).
    claimWebhook: (id, deliver) => withClaimedWebhook(db, id, deliver),
  };
}
