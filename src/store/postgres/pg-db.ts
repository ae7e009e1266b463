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
import { KhabarError } from '../../errors/index.js';
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
}

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
  const searchPath = quoteIdent(schema).replace(/\\/g, '\\\\').replace(/ /g, '\\ ');
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, options: `-c search_path=${searchPath}` });
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
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await fn(client);
        await client.query('COMMIT');
        return out;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection is gone: do not return it to the pool
        }
        throw fromPgError(e, 'transaction failed');
      } finally {
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
