/**
 * Brings a schema to the code's version on open, in one transaction that first takes a transaction-level
 * advisory lock keyed by the schema name (pg_advisory_xact_lock,
 * https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS): two servers starting
 * together queue on the lock, and the second then sees the first's `schema_migrations` rows and skips.
 * DDL is transactional in PostgreSQL, so a failed migration leaves nothing behind. A schema newer than
 * the code's is refused: older code would not know what the newer schema means.
 */
import { KhabarError } from '../../../errors/index.js';
import type { PgDb } from '../pg-db.js';
import type { PgMigration } from './migration.js';

/**
 * Applies the migrations the schema lacks, in order.
 * @returns the schema version after migrating.
 * @throws KhabarError STORE when the schema's version is newer than the code's.
 */
export async function runPgMigrations(db: PgDb, migrations: readonly PgMigration[]): Promise<number> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  return db.tx(async (client) => {
    // hashtext gives an int4 key; the two-key form keeps khabar's locks apart from other users' one-key locks.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('khabar.migrate'), hashtext($1))`, [db.schema]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version     INTEGER PRIMARY KEY,
      name        TEXT    NOT NULL,
      applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > latest) {
      throw new KhabarError('STORE',
        `database schema version ${current} is newer than this khabar's (${latest}); upgrade khabar to open it`,
        { schemaVersion: current, codeSchemaVersion: latest });
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      await m.up(client);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return Math.max(current, latest);
  });
}
