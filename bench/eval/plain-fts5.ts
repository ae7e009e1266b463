/**
 * The anchor khabar's search is measured against: plain SQLite FTS5 with its default unicode61 tokenizer
 * (no Persian analysis: no folding of ي/ی, no lemmas, ZWNJ splits words), documents as they are, query
 * words OR-ed and ranked by bm25 — what a developer gets by dropping Persian text into FTS5.
 */
import Database from 'better-sqlite3';

/** A searchable plain-FTS5 index over (docno, text) pairs, in memory. */
export interface PlainFts5 {
  /** Top `depth` docnos with scores for a query (words OR-ed). */
  search(query: string, depth: number): Array<{ docno: string; score: number }>;
  close(): void;
}

/** Builds the index. */
export function buildPlainFts5(docs: Iterable<{ docno: string; text: string }>): PlainFts5 {
  const db = new Database(':memory:');
  db.exec('CREATE VIRTUAL TABLE docs USING fts5(docno UNINDEXED, text)');
  const insert = db.prepare('INSERT INTO docs (docno, text) VALUES (?, ?)');
  db.transaction(() => {
    for (const d of docs) insert.run(d.docno, d.text);
  })();
  const query = db.prepare('SELECT docno, -bm25(docs) AS score FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?');
  return {
    search(q, depth) {
      // unicode61 would split the query the same way it split the documents; quote each piece so that
      // FTS5 syntax characters in a query are plain text.
      const words = q.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (words.length === 0) return [];
      const match = words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ');
      return query.all(match, depth) as Array<{ docno: string; score: number }>;
    },
    close: () => db.close(),
  };
}
