/**
 * Existence checks and row locks the write methods share, each on the caller's transaction: an unknown
 * user, desk or item is NOT_FOUND, named, before a foreign key would fail anonymously. `lockItem` is the
 * `SELECT … FOR UPDATE` every item change starts with (context.ts: a second writer waits here, then sees
 * the first one's revision and is refused).
 */
import { notFound } from '../../newsroom-checks.js';
import type { Sql } from './context.js';
import type { ItemRow } from './rows.js';

/** Throws NOT_FOUND unless user `id` exists. */
export async function requireUser(sql: Sql, id: number): Promise<void> {
  if ((await sql.query('SELECT 1 FROM users WHERE id = $1', [id])).rowCount === 0) throw notFound('user', id);
}

/** Throws NOT_FOUND unless every user of `ids` exists (naming the first missing one, in `ids` order). */
export async function requireUsers(sql: Sql, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await sql.query<{ id: string }>('SELECT id FROM users WHERE id = ANY($1::bigint[])', [ids])).rows.map((r) => Number(r.id)));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw notFound('user', missing);
}

/** Locks desk `id`'s row until the transaction ends; NOT_FOUND if there is none. */
export async function lockDesk(sql: Sql, id: number): Promise<void> {
  if ((await sql.query('SELECT 1 FROM desks WHERE id = $1 FOR UPDATE', [id])).rowCount === 0) throw notFound('desk', id);
}

/** Throws NOT_FOUND unless desk `id` exists (FOR KEY SHARE: it cannot be deleted before the transaction ends). */
export async function requireDesk(sql: Sql, id: number): Promise<void> {
  if ((await sql.query('SELECT 1 FROM desks WHERE id = $1 FOR KEY SHARE', [id])).rowCount === 0) throw notFound('desk', id);
}

/** Throws NOT_FOUND unless item `id` exists. */
export async function requireItem(sql: Sql, id: number): Promise<void> {
  if ((await sql.query('SELECT 1 FROM items WHERE id = $1', [id])).rowCount === 0) throw notFound('item', id);
}

/** Item `id`'s row, locked until the transaction ends; NOT_FOUND if there is none. */
export async function lockItem(sql: Sql, id: number): Promise<ItemRow> {
  const row = (await sql.query<ItemRow>('SELECT * FROM items WHERE id = $1 FOR UPDATE', [id])).rows[0];
  if (row === undefined) throw notFound('item', id);
  return row;
}
