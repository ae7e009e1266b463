/**
 * Schema version 2: khabar's own ranked index for the `fa` terms; FTS5 keeps only the `exact` column.
 *
 * FTS5 ranks by calling bm25() on every matching row before sorting, so a query of common words over a
 * large archive cost tens of milliseconds per hundred thousand matches (bench/results/search.md). The
 * ranked index keeps each term's postings (story id, headline and body frequency) in a few compressed
 * rows that the search reads and scores in memory (ranked/bm25-scorer.ts). FTS5 stays for what needs
 * positions: quoted phrases and prefixes over the `exact` terms. Its tokenizer is now `ascii`: the terms
 * arrive analyzed, folded and space-separated (search/index-terms.ts), so the tokenizer only has to split
 * on spaces; `ascii` treats every non-ASCII character as part of a token and indexed about 20% faster
 * than `unicode61`, which looked up every character's Unicode category for nothing.
 *
 * - `search_segments`: one row per segment (a transaction's stories, or a merge of segments), with its
 *   story count (ranked/segment-merge.ts).
 * - `search_postings`: one row per segment and term; `n` postings in `postings` (ranked/postings-codec.ts).
 *   Keyed segment first: a new segment's rows go in at the end of the b-tree (a term-first key scattered
 *   every transaction's rows over the whole table: most of the write cost), merges delete whole key
 *   ranges, and a query looks a term up once per segment (there are few). WITHOUT ROWID: the key is the
 *   only access path, so it is the table.
 * - `search_docs`: per story, the segment holding its live postings (0: not searchable), its BM25 length,
 *   and the generation that last wrote the row, so that readers load only what changed.
 * - `sequences` row `search_gen`: the last generation (one per writing transaction).
 *
 * Existing stories are indexed again, in batches, inside the migration's transaction.
 */
import type Database from 'better-sqlite3';
import type { Story } from '../../../story/index.js';
import { indexText } from '../analyzed-story.js';
import { createRankedIndexWriter } from '../ranked/index-writer.js';
import type { SqliteMigration } from './migration.js';

/** Stories indexed per segment while migrating. */
const BATCH = 1000;

/** Schema version 2. */
export const migration002RankedIndex: SqliteMigration = {
  version: 2,
  name: 'ranked-index',
  up(db) {
    db.exec(`
      DROP TABLE story_fts_vocab;
      DROP TABLE story_fts;
      CREATE VIRTUAL TABLE story_fts USING fts5(
        exact,
        content='', contentless_delete=1,
        tokenize="ascii tokenchars '#.,_'"
      );

      CREATE TABLE search_segments (
        id    INTEGER PRIMARY KEY,
        docs  INTEGER NOT NULL
      );
      CREATE TABLE search_postings (
        term      TEXT    NOT NULL,
        segment   INTEGER NOT NULL,
        n         INTEGER NOT NULL,
        postings  BLOB    NOT NULL,
        PRIMARY KEY (segment, term)
      ) WITHOUT ROWID;
      CREATE TABLE search_docs (
        story_id  INTEGER PRIMARY KEY,
        segment   INTEGER NOT NULL,
        length    INTEGER NOT NULL,
        gen       INTEGER NOT NULL
      );
      CREATE INDEX search_docs_gen ON search_docs (gen);
      CREATE INDEX search_docs_segment ON search_docs (segment);
      INSERT INTO sequences (name, value) VALUES ('search_gen', 0);
    `);
    reindex(db);
  },
};

function reindex(db: Database.Database): void {
  const writer = createRankedIndexWriter(db);
  const insertFts = db.prepare<[number, string]>('INSERT INTO story_fts (rowid, exact) VALUES (?, ?)');
  const page = db.prepare<[number, number], { id: number; story: string }>(
    `SELECT id, story FROM stories WHERE pub_status = 'usable' AND id > ? ORDER BY id LIMIT ?`);
  let after = 0;
  for (;;) {
    const rows = page.all(after, BATCH);
    if (rows.length === 0) return;
    for (const row of rows) {
      const text = indexText(JSON.parse(row.story) as Story);
      insertFts.run(row.id, text.exact);
      writer.put(row.id, text);
    }
    writer.flush();
    after = rows[rows.length - 1]!.id;
  }
}
