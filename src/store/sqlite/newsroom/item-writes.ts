/**
 * What every change to an item does, in the caller's transaction: check the caller's expectation against
 * the row it just read (CONFLICT naming what was found, so a concurrent save or move is refused instead of
 * overwritten), then write the next revision and the item's new columns together. Saving, moving and
 * publishing all go through {@link ItemWrites.commit}, so `items.revision` is always the newest
 * `item_revisions.revision` and `items.draft` its draft.
 */
import type Database from 'better-sqlite3';
import { KhabarError } from '../../../errors/index.js';
import { iso, type Expectation, type ItemChange } from '../../newsroom-checks.js';
import type { ItemRow } from './rows.js';

/** Item writes on one connection. */
export interface ItemWrites {
  /** Throws CONFLICT when the row does not meet `expect`. */
  check(row: ItemRow, expect: Expectation | undefined): void;
  /** Writes revision `row.revision + 1` and the item's new columns; returns the new row. */
  commit(row: ItemRow, change: ItemChange, now: number): ItemRow;
  /** Writes revision 1 of a new item. */
  firstRevision(itemId: number, draft: string, userId: number, now: number): void;
  /** Who made the item's latest revision. */
  lastRevisionUser(row: ItemRow): number;
}

/** Prepares the item writes on `db`. */
export function createItemWrites(db: Database.Database): ItemWrites {
  const revisionInfo = db.prepare<[number, number], { user_id: number; at: number }>(
    'SELECT user_id, at FROM item_revisions WHERE item_id = ? AND revision = ?');
  const insertRevision = db.prepare<[number, number, string, number, string, number]>(
    'INSERT INTO item_revisions (item_id, revision, draft, user_id, action, at) VALUES (?, ?, ?, ?, ?, ?)');
  const update = db.prepare(`UPDATE items SET state = @state, draft = @draft, revision = @revision, note = @note,
    scheduled_at = @scheduledAt, story_id = @storyId, published_version = @publishedVersion, updated_at = @now
    WHERE id = @id AND revision = @previous`);
  const byId = db.prepare<[number], ItemRow>('SELECT * FROM items WHERE id = ?');

  return {
    check(row, expect) {
      if (expect === undefined) return;
      if (expect.revision !== undefined && expect.revision !== row.revision) {
        const last = revisionInfo.get(row.id, row.revision);
        const by = last === undefined ? '' : ` (saved by user ${last.user_id} at ${iso(last.at)})`;
        throw new KhabarError('CONFLICT', `item ${row.id} is at revision ${row.revision}, not ${expect.revision}${by}`, {
          itemId: row.id, revision: row.revision, expectedRevision: expect.revision,
          savedBy: last?.user_id, savedAt: last === undefined ? undefined : iso(last.at),
        });
      }
      if (expect.states !== undefined && !expect.states.includes(row.state)) {
        throw new KhabarError('CONFLICT', `item ${row.id} is ${row.state}, not ${expect.states.join(' or ')}`, {
          itemId: row.id, state: row.state, expectedStates: expect.states,
        });
      }
    },
    commit(row, change, now) {
      const revision = row.revision + 1;
      // `revision = @previous`: the row the caller checked is the row being replaced (the transaction
      // already guarantees it; PostgreSQL would need the same guard under READ COMMITTED).
      const info = update.run({
        id: row.id, previous: row.revision, revision, state: change.state, draft: change.draft, note: change.note,
        scheduledAt: change.scheduledAt, storyId: change.storyId, publishedVersion: change.publishedVersion, now,
      });
      if (info.changes !== 1) throw new KhabarError('CONFLICT', `item ${row.id} changed while it was being written`, { itemId: row.id });
      insertRevision.run(row.id, revision, change.draft, change.userId, change.action, now);
      return byId.get(row.id)!;
    },
    firstRevision(itemId, draft, userId, now) {
      insertRevision.run(itemId, 1, draft, userId, 'create', now);
    },
    lastRevisionUser(row) {
      return revisionInfo.get(row.id, row.revision)!.user_id;
    },
  };
}
