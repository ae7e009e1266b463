/** One PostgreSQL schema migration. */
import type pg from 'pg';

/** A versioned step of the PostgreSQL schema; `up` runs inside the migrating transaction. */
export interface PgMigration {
  /** 1, 2, 3… with no gaps. */
  version: number;
  /** kebab-case, for the `schema_migrations` record. */
  name: string;
  /** Applies the step on `client` (search_path already set to the store's schema). */
  up(client: pg.PoolClient): Promise<void>;
}
