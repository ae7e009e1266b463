/** Every PostgreSQL schema migration, in order. Append new ones; never edit or renumber a released one. */
import { pgMigration001Initial } from './001-initial.js';
import { pgMigration002Newsroom } from './002-newsroom.js';
import type { PgMigration } from './migration.js';

export type { PgMigration } from './migration.js';
export { runPgMigrations } from './run-migrations.js';

/** The migrations, version 1, 2, 3… with no gaps. */
export const PG_MIGRATIONS: readonly PgMigration[] = [pgMigration001Initial, pgMigration002Newsroom];

/** The schema version this code writes: the last migration's version. */
export const PG_SCHEMA_VERSION: number = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;
