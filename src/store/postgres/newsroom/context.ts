/**
 * What every part of the PostgreSQL newsroom store shares: the database (`PgDb`: a pool whose connections
 * all have `search_path` set to the store's schema), `run`, which turns errors into KhabarErrors, `tx`
 * (one transaction, all or nothing) and the clock.
 *
 * Transactions: every write is one `db.tx` (BEGIN … COMMIT on one pooled connection, READ COMMITTED).
 * SQLite's BEGIN IMMEDIATE serializes all writers; PostgreSQL does not, so each write method locks the row
 * it decides on (`SELECT … FOR UPDATE` on the item, the user, the desk, the webhook) before checking the
 * caller's expectation against it: a second writer waits for the first to commit, then reads the row as
 * the first left it (READ COMMITTED re-reads a locked row's newest version) and is refused with CONFLICT
 * instead of applying a change based on the same revision. Reads are single statements (one snapshot
 * each), so they need no transaction.
 *
 * The clock is the database's (`clock_timestamp()`, cut to whole milliseconds like SQLite's instants):
 * several app servers write one newsroom, and `updatedAt` order, lock instants and audit times should not
 * depend on which server's clock wrote them. One extra round trip per write; newsroom writes are few.
 */
import type { PoolClient, QueryResultRow } from 'pg';
import { KhabarError, isKhabarError } from '../../../errors/index.js';
import type { PgDb } from '../pg-db.js';
import { fromPgError as fromAdapterError } from '../pg-errors.js';

/** A connection inside a transaction (a PoolClient, or anything with its `query`). */
export type Sql = Pick<PoolClient, 'query'>;

/** The shared state of one newsroom store. */
export interface PgNewsroomContext {
  readonly db: PgDb;
  /** Runs `fn`; errors become KhabarErrors (see {@link fromPgError}). */
  run<T>(action: string, fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction on one connection. */
  tx<T>(fn: (client: PoolClient) => Promise<T>): Promise<T>;
  /** Rows of one statement outside a transaction. */
  rows<R extends QueryResultRow>(text: string, params?: unknown[]): Promise<R[]>;
  /** The database's current time, whole ms since the epoch. */
  now(sql: Sql): Promise<number>;
}

/** Creates the context for `db`. */
export function createPgNewsroomContext(db: PgDb): PgNewsroomContext {
  return {
    db,
    async run<T>(action: string, fn: () => Promise<T>): Promise<T> {
      try {
        return await fn();
      } catch (e) {
        throw fromPgError(e, action);
      }
    },
    tx: (fn) => db.tx(fn),
    async rows<R extends QueryResultRow>(text: string, params?: unknown[]) {
      return (await db.pool.query<R>(text, params)).rows;
    },
    async now(sql) {
      const r = await sql.query<{ ms: string }>(`SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms`);
      return Number(r.rows[0]!.ms);
    },
  };
}

/** What a unique constraint's violation means, by constraint name (migrations/002-newsroom.ts names them all). */
const UNIQUE_MEANING: Record<string, { what: string; field?: string }> = {
  users_username_key: { what: 'the username is taken', field: 'input.username' },
  desks_name_key: { what: 'the desk name is taken', field: 'name' },
  sessions_pkey: { what: 'a session with this token hash exists', field: 'session.tokenHash' },
  items_uri_key: { what: "the uri belongs to another item", field: 'input.draft.uri' },
  items_story_id_key: { what: 'the archive story belongs to another item' },
  item_revisions_pkey: { what: 'the item changed while it was being written (its revision exists)' },
  desk_editors_pkey: { what: 'the user already edits this desk' },
};

interface PgErrorLike extends Error {
  code?: string;
  constraint?: string;
  table?: string;
  detail?: string;
}

/**
 * The KhabarError for an error from `pg`: the adapter's mapping (pg-errors.ts: unreachable or shut-down
 * server, read-only replica, serialization failures → STORE; unique violations → CONFLICT), which `db.tx`
 * has already applied to errors inside a transaction, plus what the newsroom adds for single statements
 * and constraint backstops:
 * - 23505 unique violation → CONFLICT saying what collided, from the constraint's name
 *   (migrations/002-newsroom.ts names them all) and pg's `Key (…)=(…)` detail, with `details.field` where an argument collided;
 * - 23503 foreign key, 23514 check, 23502 not null → CONFLICT, as SQLite's SQLITE_CONSTRAINT_* (the
 *   methods look rows up first and answer NOT_FOUND by name; a constraint firing means a concurrent change
 *   got in between);
 * - 22021 / 22P05 (a NUL or an unencodable character in a free-text argument) → INVALID_INPUT.
 */
export function fromPgError(e: unknown, action: string): unknown {
  if (isKhabarError(e) || !(e instanceof Error)) return e;
  const err = e as PgErrorLike;
  const code = typeof err.code === 'string' ? err.code : '';
  const details: Record<string, unknown> = { pgCode: code, cause: err.message };
  if (err.constraint !== undefined) details['constraint'] = err.constraint;
  const said = err.detail === undefined ? '' : ` (${err.detail})`;
  if (code === '23505') {
    const meaning = err.constraint === undefined ? undefined : UNIQUE_MEANING[err.constraint];
    if (meaning?.field !== undefined) details['field'] = meaning.field;
    const what = meaning?.what ?? err.message;
    return new KhabarError('CONFLICT', `${action}: ${what}${said}`, details);
  }
  if (code === '23503' || code === '23514' || code === '23502') {
    return new KhabarError('CONFLICT', `${action}: ${err.message}${said}`, details);
  }
  if (code === '22021' || code === '22P05') {
    return new KhabarError('INVALID_INPUT', `${action}: an argument has a character PostgreSQL text cannot hold (${err.message})`, details);
  }
  return fromAdapterError(e, action);
}
