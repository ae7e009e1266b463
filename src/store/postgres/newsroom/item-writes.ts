/**
 * What every change to an item does, in the caller's transaction, after `lockItem` (lookups.ts): check the
 * caller's expectation against the locked row (CONFLICT naming what was found, the messages SQLite's
 * item-writes.ts writes), then write the next revision and the item's new columns together. Saving,
 * moving and publishing all go through {@link commitItem}, so `items.revision` is always the newest
 * `item_revisions.revision` and `items.draft` its draft.
 */
import { KhabarError } from '../../../errors/index.js';
import type { Expectation, ItemChange } from '../../newsroom-checks.js';
import type { ItemState } from '../../newsroom-store.js';
import type { Sql } from './context.js';
import { at, isoOf, num, type ItemRow, type PgTime } from './rows.js';


/** The item's draft column as JSON text (for a change that keeps the draft). */
export function draftText(row: ItemRow): string {
  return typeof row.draft === 'string' ? row.draft : JSON.stringify(row.draft);
}

/** The item's scheduled_at as ms, or null. */
export function scheduledMs(row: ItemRow): number | null {
  return row.scheduled_at === null ? null : new Date(row.scheduled_at).getTime();
}

async function lastRevision(sql: Sql, row: ItemRow): Promise<{ user_id: string; at: PgTime } | undefined> {
  return (await sql.query<{ user_id: string; at: PgTime }>(
    'SELECT user_id, at FROM item_revisions WHERE item_id = $1 AND revision = $2', [row.id, row.revision])).rows[0];
}

/** Throws CONFLICT when the (locked) row does not meet `expect`. */
export async function checkItem(sql: Sql, row: ItemRow, expect: Expectation | undefined): Promise<void> {
  if (expect === undefined) return;
  const id = num(row.id);
  const revision = num(row.revision);
  if (expect.revision !== undefined && expect.revision !== revision) {
    const last = await lastRevision(sql, row);
    const savedBy = last === undefined ? undefined : num(last.user_id);
    const savedAt = last === undefined ? undefined : isoOf(last.at);
    const by = last === undefined ? '' : ` (saved by user ${savedBy} at ${savedAt})`;
    throw new KhabarError('CONFLICT', `item ${id} is at revision ${revision}, not ${expect.revision}${by}`, {
      itemId: id, revision, expectedRevision: expect.revision, savedBy, savedAt,
    });
  }
  if (expect.states !== undefined && !expect.states.includes(row.state)) {
    throw new KhabarError('CONFLICT', `item ${id} is ${row.state}, not ${expect.states.join(' or ')}`, {
      itemId: id, state: row.state, expectedStates: expect.states,
    });
  }
}

/** Who made the item's latest revision. */
export async function lastRevisionUser(sql: Sql, row: ItemRow): Promise<number> {
  return num((await lastRevision(sql, row))!.user_id);
}

/** Writes revision `row.revision + 1` and the item's new columns; returns the new row. */
export async function commitItem(sql: Sql, row: ItemRow, change: ItemChange, now: number): Promise<ItemRow> {
  const revision = num(row.revision) + 1;
  // `revision = $previous`: the row was locked FOR UPDATE and checked, so this always matches; it is the
  // guard that would catch a caller that forgot the lock (READ COMMITTED would let it overwrite).
  const updated = (await sql.query<ItemRow>(`UPDATE items SET state = $3, draft = $4, revision = $5, note = $6,
      scheduled_at = $7, story_id = $8, published_version = $9, updated_at = $10
    WHERE id = $1 AND revision = $2 RETURNING *`, [
    row.id, row.revision, change.state, change.draft, revision, change.note,
    change.scheduledAt === null ? null : at(change.scheduledAt), change.storyId, change.publishedVersion, at(now),
  ])).rows[0];
  if (updated === undefined) throw new KhabarError('CONFLICT', `item ${num(row.id)} changed while it was being written`, { itemId: num(row.id) });
  await insertRevision(sql, num(row.id), revision, change.draft, change.userId, change.action, now);
  return updated;
}

/** Inserts one revision row. */
export async function insertRevision(sql: Sql, itemId: number, revision: number, draft: string, userId: number, action: string, now: number): Promise<void> {
  await sql.query('INSERT INTO item_revisions (item_id, revision, draft, user_id, action, at) VALUES ($1, $2, $3, $4, $5, $6)',
    [itemId, revision, draft, userId, action, at(now)]);
}
