/** Opening the PostgreSQL store: pool, schema, migrations. */
import type { Store } from '../store.js';
import { openPgDb } from './pg-db.js';
import { PG_MIGRATIONS, runPgMigrations } from './migrations/index.js';
import { createPgStore } from './pg-store.js';

/** Options of {@link openPostgresStore}. */
export interface OpenPostgresStoreOptions {
  /** The schema khabar's tables live in; created when missing. Default `public`. */
  schema?: string;
  /** Most connections in the pool. Default 10. */
  poolSize?: number;
}

/**
 * Opens (and migrates) the khabar store in a PostgreSQL database, e.g.
 * `openPostgresStore('postgresql://khabar@db/khabar', { schema: 'khabar' })`.
 * @throws KhabarError STORE when the server cannot be reached or its schema is newer than this code's.
 */
export async function openPostgresStore(url: string, options: OpenPostgresStoreOptions = {}): Promise<Store> {
  const db = await openPgDb(url, options);
  try {
    await runPgMigrations(db, PG_MIGRATIONS);
  } catch (e) {
    await db.close();
    throw e;
  }
  return createPgStore(db);
}
