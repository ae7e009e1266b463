/**
 * `copyNewsroomIntoPostgres`: writes a newsroom read from another store (`khabar migrate`, issue #7 item 5)
 * into a PostgreSQL database row for row, keeping ids, states, revisions, timestamps, password hashes and
 * webhook cursors. It exists because the NewsroomStore interface cannot do this: createUser/createItem
 * assign new ids and the current time, an item only reaches `published` by publishing (which would write a
 * second story version and wire event), and revisions and audit entries carry their own time.
 *
 * Nothing else should call it. One transaction; every row is `INSERT … OVERRIDING SYSTEM VALUE … ON
 * CONFLICT DO NOTHING`, so a second run adds only what is missing and never overwrites what the target
 * has changed since (a webhook cursor that moved on stays). The identity sequences are then moved past
 * the highest id, so ids created later never collide. A username or desk name held by another id aborts
 * the transaction with CONFLICT.
 *
 * The caller maps cross-references first: `items[].item.storyId` must be the *target's* story id and
 * `webhooks[].cursor` a *target* wire sequence number. Not copied: sessions and login failures (short-lived;
 * people log in again). Desks have no creation time in the interface: theirs is the copy's time.
 */
import type { AuditEntry, Desk, ItemRevision, NewsroomItem, UserWithSecret, Webhook } from '../newsroom-store.js';
import { openPgDb, quoteIdent } from './pg-db.js';

/** What {@link copyNewsroomIntoPostgres} writes. */
export interface NewsroomCopy {
  users: UserWithSecret[];
  desks: Desk[];
  items: Array<{ item: NewsroomItem; revisions: ItemRevision[] }>;
  audit: AuditEntry[];
  webhooks: Webhook[];
}

/** How many rows were new (the rest were there already). */
export interface NewsroomCopyResult {
  users: number;
  desks: number;
  items: number;
  revisions: number;
  audit: number;
  webhooks: number;
}

const IDENTITY_TABLES = ['users', 'desks', 'items', 'audit_log', 'webhooks'];

/**
 * Copies `copy` into the (already migrated: open it with openPostgresStore first) database at `url`.
 * @throws KhabarError CONFLICT when a unique name belongs to another id; STORE when the server fails.
 */
export async function copyNewsroomIntoPostgres(url: string, options: { schema?: string }, copy: NewsroomCopy): Promise<NewsroomCopyResult> {
  const db = await openPgDb(url, { ...options, poolSize: 1 });
  try {
    return await db.tx(async (c) => {
      const n = { users: 0, desks: 0, items: 0, revisions: 0, audit: 0, webhooks: 0 };
      const now = new Date().toISOString();
      for (const u of copy.users) {
        n.users += (await c.query(`INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at)
          OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
        [u.id, u.username, u.displayName, u.role, u.passwordHash, u.disabled, u.createdAt])).rowCount ?? 0;
      }
      for (const d of copy.desks) {
        n.desks += (await c.query(`INSERT INTO desks (id, name, created_at) OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3)
          ON CONFLICT (id) DO NOTHING`, [d.id, d.name, now])).rowCount ?? 0;
        if (d.editors.length > 0) {
          await c.query('INSERT INTO desk_editors (desk_id, user_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING', [d.id, d.editors]);
        }
      }
      for (const { item: i, revisions } of copy.items) {
        n.items += (await c.query(`INSERT INTO items (id, desk_id, author_id, uri, state, draft, revision, story_id,
            published_version, note, scheduled_at, lock_user, lock_at, created_at, updated_at)
          OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
          ON CONFLICT (id) DO NOTHING`,
        [i.id, i.deskId, i.authorId, i.draft.uri, i.state, JSON.stringify(i.draft), i.revision, i.storyId ?? null,
          i.publishedVersion ?? null, i.note ?? null, i.scheduledAt ?? null, i.lock?.userId ?? null, i.lock?.at ?? null,
          i.createdAt, i.updatedAt])).rowCount ?? 0;
        for (const r of revisions) {
          n.revisions += (await c.query(`INSERT INTO item_revisions (item_id, revision, draft, user_id, action, at)
            VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
          [r.itemId, r.revision, JSON.stringify(r.draft), r.userId, r.action, r.at])).rowCount ?? 0;
        }
      }
      for (const a of copy.audit) {
        n.audit += (await c.query(`INSERT INTO audit_log (id, at, user_id, action, item_id, detail)
          OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
        [a.id, a.at, a.userId ?? null, a.action, a.itemId ?? null, a.detail === undefined ? null : JSON.stringify(a.detail)])).rowCount ?? 0;
      }
      for (const w of copy.webhooks) {
        n.webhooks += (await c.query(`INSERT INTO webhooks (id, url, secret, active, cursor, failures, next_attempt_at, last_error, created_at)
          OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
        [w.id, w.url, w.secret, w.active, w.cursor, w.failures, w.nextAttemptAt ?? null, w.lastError ?? null, w.createdAt])).rowCount ?? 0;
      }
      // Ids given explicitly do not move an identity's sequence: move each past the highest id.
      for (const t of IDENTITY_TABLES) {
        await c.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT COALESCE(max(id), 0) + 1 FROM ${quoteIdent(t)}), false)`,
          [`${quoteIdent(db.schema)}.${quoteIdent(t)}`]);
      }
      return n;
    });
  } finally {
    await db.close();
  }
}
