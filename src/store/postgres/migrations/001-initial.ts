/**
 * PostgreSQL schema version 1: the tables of SQLite's migrations 001–003 (stories, versions, keywords,
 * the story-code counter, the wire log) plus the search columns. Differences from SQLite, and why:
 *
 * - `id` is an identity column (BIGINT GENERATED ALWAYS): PostgreSQL sequences never hand a value out
 *   twice, which is what SQLite's AUTOINCREMENT is there for.
 * - `story` is TEXT holding the JSON as khabar wrote it (uri and code first), not JSONB: JSONB reorders
 *   keys and drops nothing the store needs to query, so TEXT keeps stored versions byte-identical to
 *   SQLite's. Nothing queries inside the JSON; the columns beside it carry what lists and filters need.
 * - The story-code counter is a row of `sequences`, not a SEQUENCE: a SEQUENCE is not transactional (a
 *   rolled-back put would burn a code), and the row's lock is the store's writer lock (pg-story-writer.ts):
 *   every story-writing transaction takes it first, so codes are gap-free and wire sequence numbers
 *   commit in order, as with SQLite's single writer.
 * - Search: `fa` is a tsvector of the analyzer's `fa` terms (headline weight A, the rest B) and `exact` a
 *   tsvector of the `fa-exact` terms with positions (phrases with `<->`, prefixes with `:*`). Both are
 *   built by khabar (indexTerms), never by PostgreSQL's parser, so the `simple` configuration only ever
 *   sees them in queries, as `to_tsquery` lexemes built by the adapter. NULL when the story is not usable
 *   (only usable stories are searchable). `doc_length` is BM25's document length (as docTerms counts it).
 *   GIN indexes on both.
 * - `story_keywords.key` is the keyword's `filterKey` (search module), for `tag:` filters where spelling
 *   variants meet; SQLite computes it with an application-defined SQL function instead.
 * - `term_stats` holds each `fa` term's document frequency over searchable stories, and `search_stats`
 *   the document count and summed length, kept by the writer, for BM25 in SQL (pg-search.ts).
 * - `wire_events.seq` is BIGSERIAL; because every writer holds the writer lock until commit, sequence
 *   numbers become visible in order (a reader never sees seq n+1 before seq n).
 */
import type { PgMigration } from './migration.js';

/** Schema version 1. */
export const pgMigration001Initial: PgMigration = {
  version: 1,
  name: 'initial',
  async up(client) {
    await client.query(`
      CREATE TABLE stories (
        id            BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        uri           TEXT    NOT NULL UNIQUE,
        code          BIGINT  NOT NULL UNIQUE,
        source_name   TEXT,
        source_id     TEXT,
        service       TEXT,
        agency        TEXT,
        pub_status    TEXT    NOT NULL CHECK (pub_status IN ('usable', 'withheld', 'canceled')),
        published_at  BIGINT  NOT NULL,
        version       INTEGER NOT NULL CHECK (version > 0),
        story         TEXT    NOT NULL,
        content_hash  TEXT    NOT NULL,
        created_at    BIGINT  NOT NULL,
        updated_at    BIGINT  NOT NULL,
        fa            TSVECTOR,
        exact         TSVECTOR,
        doc_length    INTEGER,
        CHECK ((source_name IS NULL) = (source_id IS NULL)),
        UNIQUE (source_name, source_id)
      );
      CREATE INDEX stories_status_published ON stories (pub_status, published_at DESC, id DESC);
      CREATE INDEX stories_service_published ON stories (service, pub_status, published_at DESC, id DESC);
      CREATE INDEX stories_agency_published ON stories (agency, pub_status, published_at DESC, id DESC);
      CREATE INDEX stories_fa ON stories USING GIN (fa);
      CREATE INDEX stories_exact ON stories USING GIN (exact);

      CREATE TABLE story_versions (
        story_id    BIGINT  NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        version     INTEGER NOT NULL,
        story       TEXT    NOT NULL,
        created_at  BIGINT  NOT NULL,
        PRIMARY KEY (story_id, version)
      );

      CREATE TABLE story_keywords (
        story_id  BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        keyword   TEXT   NOT NULL,
        key       TEXT   NOT NULL,
        PRIMARY KEY (story_id, keyword)
      );
      CREATE INDEX story_keywords_keyword ON story_keywords (keyword, story_id);
      CREATE INDEX story_keywords_key ON story_keywords (key, story_id);

      CREATE TABLE sequences (
        name   TEXT   PRIMARY KEY,
        value  BIGINT NOT NULL
      );
      INSERT INTO sequences (name, value) VALUES ('story_code', 1000000);

      CREATE TABLE term_stats (
        term  TEXT    PRIMARY KEY,
        df    INTEGER NOT NULL
      );
      CREATE TABLE search_stats (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        docs        BIGINT  NOT NULL,
        total_len   BIGINT  NOT NULL
      );
      INSERT INTO search_stats (id, docs, total_len) VALUES (1, 0, 0);

      CREATE TABLE wire_events (
        seq       BIGSERIAL PRIMARY KEY,
        story_id  BIGINT  NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        version   INTEGER NOT NULL,
        kind      TEXT    NOT NULL CHECK (kind IN ('published', 'updated', 'killed')),
        at        BIGINT  NOT NULL
      );
      CREATE INDEX wire_events_story ON wire_events (story_id);
    `);
  },
};
