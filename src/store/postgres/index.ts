/** The PostgreSQL adapter of the Store interface (issue #7). */
export { openPostgresStore } from './open-postgres-store.js';
export type { OpenPostgresStoreOptions } from './open-postgres-store.js';
export { openPgDb, quoteIdent } from './pg-db.js';
export type { PgDb, OpenPgDbOptions } from './pg-db.js';
export { putStoryTx } from './pg-story-writer.js';
export { PG_MIGRATIONS, PG_SCHEMA_VERSION } from './migrations/index.js';
export { copyNewsroomIntoPostgres } from './newsroom-copy.js';
export type { NewsroomCopy, NewsroomCopyResult } from './newsroom-copy.js';
export { createPgWireNotifier } from './pg-notify.js';
export type { PgWireNotifier, PgWireNotifierOptions } from './pg-notify.js';
