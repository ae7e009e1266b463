/**
 * Prepared statements kept per connection and SQL text: preparing costs about as much as running a
 * small search, and the search builds its SQL from a handful of fixed fragments, so the set stays small.
 */
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const LIMIT = 500;

/** The prepared statement for `sql` on `db`, prepared once. */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= LIMIT) cache.clear();
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
