/** The shape of one SQLite schema migration. */
import type Database from 'better-sqlite3';

/** One step of the SQLite schema. Applied once, in its own transaction, in `version` order. */
export interface SqliteMigration {
  /** 1, 2, 3…: the schema version this migration produces. Never renumbered once released. */
  readonly version: number;
  /** Short kebab-case name, recorded in `schema_migrations`. */
  readonly name: string;
  /** Applies the change. Runs inside a transaction opened by the runner; must not open its own. */
  up(db: Database.Database): void;
}
