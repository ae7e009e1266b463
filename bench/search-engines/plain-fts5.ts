/**
 * Plain SQLite FTS5 with its default unicode61 tokenizer on a file: what a developer gets by putting
 * Persian text into FTS5 with no analysis. Same table and OR-ed, bm25-ranked query as the quality anchor
 * in bench/eval/plain-fts5.ts, but on disk so that its size and write cost compare with khabar's store.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { sqliteBytes } from './khabar.js';
import { storyText, type EngineSpec, type SearchEngine } from './engine.js';

async function openPlainFts5(dir: string): Promise<SearchEngine> {
  const name = 'plain.db';
  // SQLite defaults (rollback journal, synchronous=FULL): durable like khabar, with no tuning.
  const db = new Database(join(dir, name));
  db.exec('CREATE VIRTUAL TABLE docs USING fts5(uri UNINDEXED, text)');
  const insert = db.prepare('INSERT INTO docs (uri, text) VALUES (?, ?)');
  const query = db.prepare('SELECT uri FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?').pluck();
  let open = true;
  return {
    async add(stories) {
      db.transaction(() => {
        for (const s of stories) insert.run(s.uri, storyText(s));
      })();
    },
    async search(q, k) {
      // Split as unicode61 splits and quote each word, so FTS5 syntax in a query stays plain text.
      const words = q.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (words.length === 0) return [];
      return query.all(words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR '), k) as string[];
    },
    async size() {
      if (open) db.close();
      open = false;
      return { bytes: sqliteBytes(dir, name), how: 'SQLite file; FTS5 table with the text stored (content table)' };
    },
    async close() {
      if (open) db.close();
      open = false;
    },
  };
}

export const plainFts5Spec: EngineSpec = {
  key: 'fts5',
  label: 'plain FTS5 (unicode61)',
  config: 'better-sqlite3 file, SQLite defaults (rollback journal, synchronous=FULL); `fts5(uri UNINDEXED, text)`, default unicode61 tokenizer; one transaction; query words OR-ed, ORDER BY bm25',
  khabarAnalyzer: false,
  create: openPlainFts5,
};
