/**
 * Existence checks the write methods share: an unknown user, desk or item is NOT_FOUND, named, before a
 * foreign key would fail with SQLite's anonymous "FOREIGN KEY constraint failed".
 */
import type Database from 'better-sqlite3';
import { notFound } from '../../newsroom-checks.js';
import type { ItemRow } from './rows.js';

/** Lookups by id; each throws NOT_FOUND for an unknown id. Call inside the method's transaction. */
export interface NewsroomLookups {
  requireUser(id: number): void;
  requireDesk(id: number): void;
  /** The item's row. */
  requireItem(id: number): ItemRow;
}

/** Prepares the lookups on `db`. */
export function createLookups(db: Database.Database): NewsroomLookups {
  const user = db.prepare<[number], number>('SELECT 1 FROM users WHERE id = ?').pluck();
  const desk = db.prepare<[number], number>('SELECT 1 FROM desks WHERE id = ?').pluck();
  const item = db.prepare<[number], ItemRow>('SELECT * FROM items WHERE id = ?');
  return {
    requireUser(id) {
      if (user.get(id) === undefined) throw notFound('user', id);
    },
    requireDesk(id) {
      if (desk.get(id) === undefined) throw notFound('desk', id);
    },
    requireItem(id) {
      const row = item.get(id);
      if (row === undefined) throw notFound('item', id);
      return row;
    },
  };
}
