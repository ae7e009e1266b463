/**
 * Brings a database to the code's schema version on open. `schema_migrations` records each applied
 * migration; each one runs in its own IMMEDIATE transaction (it takes the write lock up front, so two
 * processes opening the same new file cannot both apply it: the second waits on busy_timeout, then sees
 * the row and skips). A database whose version is newer than the code's is refused: older code would not
 * know what the newer schema means and could corrupt it.
 */
import type Database from 'better-sqlite3';
import { KhabarError } from '../../../errors/index.js';
import type { SqliteMigration } from './migration.js';

/** The schema version recorded in a database: 0 when it has no `schema_migrations` table (a new file). */
export function schemaVersion(db: Database.Database): number {
  const table = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (table === undefined) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies the migrations the database lacks, in order.
 * @param readonly a read-only connection cannot migrate: it only checks that the schema is current.
 * @returns the schema version after migrating.
 * @throws KhabarError STORE when the database's schema is newer than the code's, or older and read-only.
 */
export function runMigrations(db: Database.Database, migrations: readonly SqliteMigration[], readonly = false): number {
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = schemaVersion(db);
  if (current > latest) {
    throw new KhabarError('STORE',
      `database schema version ${current} is newer than this khabar's (${latest}); upgrade khabar to open it`,
      { schemaVersion: current, codeSchemaVersion: latest });
  }
  if (current === latest) return current;
  if (readonly) {
    throw new KhabarError('STORE',
      `database schema version ${current} is older than this khabar's (${latest}); open it writable once to migrate`,
      { schemaVersion: current, codeSchemaVersion: latest });
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    applied_at  TEXT    NOT NULL
  )`);
  const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    db.transaction(() => {
      // Another process may have applied it while this one waited for the lock.
      if (applied.get(m.version) !== undefined) return;
      m.up(db);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
  return schemaVersion(db);
}
