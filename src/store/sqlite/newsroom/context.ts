/**
 * What every part of the SQLite newsroom store shares: the connection, the archive's story writer, and
 * `run`, which executes one method on an open connection and turns errors into KhabarErrors the way
 * sqlite-store.ts does (closed store → STORE; busy, read-only, I/O → sqlite-errors.ts), plus constraint
 * failures → CONFLICT naming the constraint. The methods check what they can first and refuse with
 * clearer messages; the constraint mapping is the backstop.
 *
 * Transactions: writes run in `immediate` (BEGIN IMMEDIATE takes the write lock up front, so another
 * process waits on busy_timeout at BEGIN instead of failing when its read turns into a write); reads of
 * more than one statement run in `deferred` so that they see one snapshot. better-sqlite3 is synchronous,
 * so nothing else in this process runs in between.
 */
import type Database from 'better-sqlite3';
import { KhabarError } from '../../../errors/index.js';
import { fromSqliteError } from '../sqlite-errors.js';
import type { StoryWriter } from '../story-writer.js';

/** The shared state of one newsroom store over one connection. */
export interface NewsroomContext {
  readonly db: Database.Database;
  /** The Store's story writer (undefined on a read-only store): publishing uses the same one as putStories. */
  readonly writer: StoryWriter | undefined;
  /** Runs `fn` on an open connection; errors become KhabarErrors. */
  run<T>(action: string, fn: () => T): Promise<T>;
  /** Runs `fn` in a BEGIN IMMEDIATE transaction (all or nothing). */
  immediate<T>(fn: () => T): T;
  /** Runs `fn` in a deferred (read) transaction: one snapshot for several statements. */
  deferred<T>(fn: () => T): T;
  /** The current time, ms since the epoch. */
  now(): number;
}

/** Creates the context for `db`. */
export function createNewsroomContext(db: Database.Database, writer: StoryWriter | undefined): NewsroomContext {
  // One transaction function for every method: db.transaction() builds a wrapper each time it is called.
  const inTransaction = db.transaction((fn: () => unknown) => fn());
  return {
    db,
    writer,
    run<T>(action: string, fn: () => T): Promise<T> {
      try {
        if (!db.open) throw new KhabarError('STORE', `${action}: the store is closed`);
        return Promise.resolve(fn());
      } catch (e) {
        return Promise.reject(fromNewsroomError(e, action));
      }
    },
    immediate: <T>(fn: () => T) => inTransaction.immediate(fn) as T,
    deferred: <T>(fn: () => T) => inTransaction.deferred(fn) as T,
    now: () => Date.now(),
  };
}

/** sqlite-errors.ts's mapping, plus SQLITE_CONSTRAINT_* → CONFLICT. */
function fromNewsroomError(e: unknown, action: string): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (e instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    // SQLite names what collided: "UNIQUE constraint failed: users.username".
    return new KhabarError('CONFLICT', `${action}: ${e.message}`, { sqliteCode: code, cause: e.message });
  }
  return fromSqliteError(e, action);
}
