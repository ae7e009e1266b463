/** The SQLite adapter of the Store interface. */
export { openSqliteStore, MIN_SQLITE_VERSION } from './open-sqlite-store.js';
export type { OpenSqliteStoreOptions } from './open-sqlite-store.js';
export { createSqliteStore } from './sqlite-store.js';
export type { SqliteStoreOptions } from './sqlite-store.js';
export { SQLITE_MIGRATIONS, SQLITE_SCHEMA_VERSION } from './migrations/index.js';
export type { SqliteMigration } from './migrations/index.js';
export { loadStories } from './rows.js';
export { STORY_CODE_SEQUENCE_START } from './story-writer.js';
export { defaultAnalysisThreads } from './analysis-pool.js';
