/**
 * The PostgreSQL connection every part of the adapter shares: a `pg` pool whose connections all use one
 * schema, plain queries, and transactions that map driver errors to KhabarErrors.
 *
 * Dialect notes:
 * - The schema is selected per connection as the startup parameter `options=-c search_path=<quoted>`
 *   (https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-CONNECT-OPTIONS), the same as running
 *   `SET search_path TO <quoted>` first on every connection, but with no extra round trip and no window
 *   in which a fresh connection could run a query in the wrong schema (a query from the pool's `connect`
 *   event races the first checkout; pg 8 warns about it). The identifier is quoted, so a schema name is
 *   taken literally; spaces and backslashes are escaped as the options syntax requires.
 * - `pg` returns BIGINT (int8) and NUMERIC as strings so as not to lose precision; callers cast counts to
 *   `int` in SQL or convert with Number() (ids and sequence numbers stay far below 2^53).
 */
import pg from 'pg';
import { KhabarError, isKhabarError } from '../../errors/index.js';
import { fromPgError } from './pg-errors.js';

/** An open PostgreSQL database; create with {@link openPgDb}. */
export interface PgDb {
  /** The pool (every connection has `search_path` set to {@link PgDb.schema}). */
  pool: pg.Pool;
  /** The schema khabar's tables live in. */
  schema: string;
  /** Runs one parameterized statement on any pooled connection; returns its rows. */
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
  /**
   * Runs `fn` in a transaction on one connection: BEGIN … COMMIT, ROLLBACK when `fn` throws. Driver errors
   * are mapped to KhabarErrors (see pg-errors.ts).
   */
  tx<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  /** Ends the pool; the db cannot be used afterwards. */
  close(): Promise<void>;
}

/** Options of {@link openPgDb}. */
export interface OpenPgDbOptions {
  /** The schema to use; created when missing. Default `public`. */
  schema?: string;
  /** Most connections the pool opens. Default 10 (pg's default). */
  poolSize?: number;
  /**
   * How long opening a connection (or waiting for a free one in a full pool) may take before the call
   * fails with STORE «the database is unavailable», in ms. Default {@link DEFAULT_CONNECT_TIMEOUT_MS}.
   */
  connectTimeoutMs?: number;
}

/**
 * pg waits forever for a connection by default. A server that is down refuses at once (ECONNREFUSED), but
 * one that accepts TCP and never answers — a frozen or overloaded postmaster, a half-dead proxy — would
 * hold every request (and the pool's slots) with no end; 10 s is far beyond a healthy connect (a few ms)
 * and still short enough that a person publishing sees an error instead of a spinner.
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** A quoted SQL identifier (double quotes doubled), per PostgreSQL's lexical rules (docs §4.1.1). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Opens a pool on `url` whose every connection uses `options.schema`, creating the schema when missing.
 * @throws KhabarError STORE when the server cannot be reached or refuses the connection.
 */
export async function openPgDb(url: string, options: OpenPgDbOptions = {}): Promise<PgDb> {
  const schema = options.schema ?? 'public';
  if (schema.length === 0 || schema.length > 63) {
    throw new KhabarError('INVALID_OPTION', `schema must be 1–63 characters, got ${JSON.stringify(schema)}`,
      { option: 'schema' });
  }
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  if (!Number.isInteger(connectTimeoutMs) || connectTimeoutMs < 1) {
    throw new KhabarError('INVALID_OPTION', `connectTimeoutMs must be a whole number of milliseconds ≥ 1, got ${String(connectTimeoutMs)}`,
      { option: 'connectTimeoutMs' });
  }
  const searchPath = quoteIdent(schema).replace(/\\/g, '\\\\').replace(/ /g, '\\ ');
  const pool = new pg.Pool({
    connectionString: url, max: options.poolSize ?? 10, options: `-c search_path=${searchPath}`, connectionTimeoutMillis: connectTimeoutMs,
  });
  // An idle client losing its connection emits 'error' on the pool; without a listener Node would crash.
  // The next checkout opens a fresh connection, so nothing else is needed here.
  pool.on('error', () => {});
  let closed = false;

  try {
    // Concurrent CREATE SCHEMA IF NOT EXISTS can still collide on the catalog's unique index; the loser
    // sees 23505/42P06 and the schema exists either way.
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`).catch((e: unknown) => {
      const code = (e as { code?: unknown }).code;
      if (code !== '23505' && code !== '42P06') throw e;
    });
  } catch (e) {
    await pool.end().catch(() => {});
    throw fromPgError(e, `cannot open PostgreSQL database`);
  }

  function assertOpen(): void {
    if (closed) throw new KhabarError('STORE', 'the PostgreSQL store is closed');
  }

  return {
    pool,
    schema,
    async query<R>(text: string, params?: unknown[]): Promise<R[]> {
      assertOpen();
      try {
        const res = await pool.query(text, params);
        return res.rows as R[];
      } catch (e) {
        throw fromPgError(e, 'query failed');
      }
    },
    async tx<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
      assertOpen();
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (e) {
        throw fromPgError(e, 'cannot connect to PostgreSQL');
      }
      // pg-pool takes its own 'error' listener off a client while it is checked out, and pg's Client emits
      // 'error' whenever its connection ends (a server shut down or crashed), even after the running query
      // has already been rejected with the same error. With no listener that is an uncaught exception that
      // ends the whole process — a database restart would take every app server down with it. The queries
      // reject on their own; the listener only notes that this connection must not go back to the pool.
      let broken = false;
      const onError = (): void => {
        broken = true;
      };
      client.on('error', onError);
      let committing = false;
      try {
        await client.query('BEGIN');
        const out = await fn(client);
        committing = true;
        await client.query('COMMIT');
        return out;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection is gone: do not return it to the pool
        }
        const mapped = fromPgError(e, 'transaction failed');
        // A connection lost while COMMIT was on its way: the server may have committed before it went. Say
        // so, rather than let the caller believe nothing was written (a retry may find its work done).
        if (committing && broken && isKhabarError(mapped, 'STORE')) {
          throw new KhabarError('STORE', `${mapped.message}; the connection was lost during COMMIT, so the transaction may or may not have been committed`,
            { ...mapped.details, commitOutcomeUnknown: true });
        }
        throw mapped;
      } finally {
        client.removeListener('error', onError);
        client.release(broken ? true : undefined);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
