/**
 * Opening the SQLite store: one database file in WAL mode, configured for durability, migrated to the
 * code's schema version.
 *
 * Durability (DESIGN.md §4: "a write that returned is on disk"): in WAL mode SQLite's default
 * `synchronous = NORMAL` (this build's DEFAULT_WAL_SYNCHRONOUS=1) does not fsync the WAL at commit,
 * only at checkpoints: a committed transaction survives a process crash but may be lost on power
 * failure or an OS crash. `synchronous = FULL` fsyncs the WAL on every commit, so a put that returned
 * survives both (https://www.sqlite.org/pragma.html#pragma_synchronous, https://www.sqlite.org/wal.html).
 * The cost is one fsync per transaction, which is why batches go through putStories.
 */
import Database from 'better-sqlite3';
import { KhabarError } from '../../errors/index.js';
import type { Store } from '../store.js';
import { SQLITE_MIGRATIONS } from './migrations/index.js';
import { runMigrations } from './migrations/run-migrations.js';
import { fromSqliteError } from './sqlite-errors.js';
import { createSqliteStore } from './sqlite-store.js';

/** Options of {@link openSqliteStore}. */
export interface OpenSqliteStoreOptions {
  /** Open read-only: no migrations (the schema must already be current) and every put fails with STORE. */
  readonly?: boolean;
  /** How long a statement waits for another connection's write lock, in ms (default 5000). */
  busyTimeoutMs?: number;
  /** Worker threads that analyze stories' text beside the writes (default 0); see SqliteStoreOptions. */
  analysisThreads?: number;
}

/** Oldest SQLite with FTS5 `contentless_delete` (3.43.0, https://www.sqlite.org/releaselog/3_43_0.html). */
export const MIN_SQLITE_VERSION = '3.43.0';

/**
 * Opens (creating it if needed) the SQLite store at `path`, or an in-memory one for `:memory:`.
 * @throws KhabarError INVALID_INPUT for a bad path; IO when the file cannot be opened; STORE when the
 *   database's schema is newer than this code's (or older and `readonly`), or SQLite is too old.
 */
export async function openSqliteStore(path: string, options: OpenSqliteStoreOptions = {}): Promise<Store> {
  if (typeof path !== 'string' || path.length === 0) {
    // better-sqlite3 would open an anonymous temporary database for '': never what a caller meant.
    throw new KhabarError('INVALID_INPUT', 'path must be a file path or :memory:', { field: 'path' });
  }
  const readonly = options.readonly === true;
  let db: Database.Database;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly });
  } catch (e) {
    const err = fromSqliteError(e, `opening ${path}`);
    throw err instanceof KhabarError ? err : new KhabarError('IO', `opening ${path}: ${(e as Error).message}`, { path });
  }
  try {
    configure(db, readonly, options.busyTimeoutMs ?? 5000);
    runMigrations(db, SQLITE_MIGRATIONS, readonly);
    return createSqliteStore(db, { readonly, analysisThreads: options.analysisThreads ?? 0 });
  } catch (e) {
    db.close();
    throw fromSqliteError(e, `opening ${path}`);
  }
}

function configure(db: Database.Database, readonly: boolean, busyTimeoutMs: number): void {
  const version = db.prepare('SELECT sqlite_version()').pluck().get() as string;
  if (compareVersions(version, MIN_SQLITE_VERSION) < 0) {
    throw new KhabarError('STORE', `SQLite ${version} is too old: khabar needs ${MIN_SQLITE_VERSION}+ (FTS5 contentless_delete)`,
      { sqliteVersion: version });
  }
  // Set first so that even the journal-mode switch waits for another connection instead of failing.
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  if (!readonly) {
    // WAL: readers never block the writer and vice versa; one file plus -wal/-shm beside it.
    // For :memory: SQLite keeps journal_mode=memory and ignores this.
    db.pragma('journal_mode = WAL');
  }
  db.pragma('synchronous = FULL');
  // Off by default in SQLite for backwards compatibility; the schema relies on them.
  db.pragma('foreign_keys = ON');
}

/** Compares dotted version strings numerically. */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
