/**
 * Schema version 1: stories, their versions, keywords, the story-code sequence and the full-text index.
 *
 * - `stories` holds the latest version of each story plus the columns lists and filters need.
 *   `id` is AUTOINCREMENT so that an id is never reused even if rows are ever deleted: the full-text
 *   index and the newsroom refer to stories by id (https://www.sqlite.org/autoinc.html).
 *   `published_at` is ms since the epoch: versionCreated ?? firstCreated ?? the previous version's
 *   value ?? the time of the put (see put-story.ts).
 *   `content_hash` is SHA-256 of the canonical JSON of the story without `version` and `code`, so that
 *   re-importing an unchanged story writes nothing.
 * - `story_versions` holds every version, the latest included (`stories.story` is a copy of it).
 * - `story_keywords` holds each distinct keyword of the latest version, for `tag:` filters and facets.
 * - `sequences` holds the last story code handed out; the first assigned code is 1,000,001 (a seven-digit
 *   number like the codes Persian agencies print, and above the small test codes people type by hand).
 * - `story_fts` is contentless (the text lives in `stories.story`), rowid = `stories.id`, with
 *   contentless_delete=1 (SQLite 3.43+) so that a killed or replaced story's row can be deleted without
 *   supplying its old column values (https://www.sqlite.org/fts5.html#contentless_delete_tables).
 *   Columns come from `indexDocument` (search module); the tokenizer keeps its terms whole.
 * - `story_fts_vocab` exposes per-term document counts (https://www.sqlite.org/fts5.html#the_fts5vocab_virtual_table_module).
 */
import type { SqliteMigration } from './migration.js';

/** Schema version 1. */
export const migration001Initial: SqliteMigration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE stories (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        uri           TEXT    NOT NULL UNIQUE,
        code          INTEGER NOT NULL UNIQUE,
        source_name   TEXT,
        source_id     TEXT,
        service       TEXT,
        agency        TEXT,
        pub_status    TEXT    NOT NULL CHECK (pub_status IN ('usable', 'withheld', 'canceled')),
        published_at  INTEGER NOT NULL,
        version       INTEGER NOT NULL CHECK (version > 0),
        story         TEXT    NOT NULL,
        content_hash  TEXT    NOT NULL,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        CHECK ((source_name IS NULL) = (source_id IS NULL)),
        UNIQUE (source_name, source_id)
      );
      -- Newest-first lists: by status, then by service or agency. Scanned backwards for DESC order.
      CREATE INDEX stories_status_published ON stories (pub_status, published_at, id);
      CREATE INDEX stories_service_published ON stories (service, pub_status, published_at, id);
      CREATE INDEX stories_agency_published ON stories (agency, pub_status, published_at, id);

      CREATE TABLE story_versions (
        story_id    INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        version     INTEGER NOT NULL,
        story       TEXT    NOT NULL,
        created_at  INTEGER NOT NULL,
        PRIMARY KEY (story_id, version)
      );

      CREATE TABLE story_keywords (
        story_id  INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        keyword   TEXT    NOT NULL,
        PRIMARY KEY (story_id, keyword)
      ) WITHOUT ROWID;
      CREATE INDEX story_keywords_keyword ON story_keywords (keyword, story_id);

      CREATE TABLE sequences (
        name   TEXT    PRIMARY KEY,
        value  INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO sequences (name, value) VALUES ('story_code', 1000000);

      CREATE VIRTUAL TABLE story_fts USING fts5(
        head, body, exact,
        content='', contentless_delete=1,
        tokenize="unicode61 remove_diacritics 0 tokenchars '#.,_'"
      );
      CREATE VIRTUAL TABLE story_fts_vocab USING fts5vocab(story_fts, 'row');
    `);
  },
};
