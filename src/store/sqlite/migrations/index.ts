/** Every SQLite schema migration, in order. Append new ones; never edit or renumber a released one. */
import { migration001Initial } from './001-initial.js';
import { migration002RankedIndex } from './002-ranked-index.js';
import { migration003WireEvents } from './003-wire-events.js';
import { migration004Newsroom } from './004-newsroom.js';
import type { SqliteMigration } from './migration.js';

export type { SqliteMigration } from './migration.js';

/** The migrations, version 1, 2, 3… with no gaps. */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  migration001Initial, migration002RankedIndex, migration003WireEvents, migration004Newsroom,
];

/** The schema version this code writes: the last migration's version. */
export const SQLITE_SCHEMA_VERSION: number = SQLITE_MIGRATIONS[SQLITE_MIGRATIONS.length - 1]!.version;
