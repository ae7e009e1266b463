/**
 * Writing the ranked index. A transaction's changes collect in memory and are written at its end as one
 * new segment: one row per term holding the postings of that transaction's stories, plus one
 * `search_docs` row per story saying which segment holds its live postings. A story's postings in any
 * other segment are stale (it was changed or killed since) and readers skip them; merges drop them.
 * See migrations/002-ranked-index.ts for the tables, segment-merge.ts for merging.
 */
import type Database from 'better-sqlite3';
import { encodePostings } from './postings-codec.js';
import type { DocTerms } from './doc-terms.js';
import { mergeSegments } from './segment-merge.js';

/** Collects one transaction's index changes; create with {@link createRankedIndexWriter}. */
export interface RankedIndexWriter {
  /** The story is (or stays) searchable with these terms; replaces anything it had. */
  put(id: number, doc: DocTerms): void;
  /** The story leaves the index (killed or withheld). */
  remove(id: number): void;
  /** Writes what was collected. Call inside the transaction, at its end. */
  flush(): void;
  /** Forgets what was collected (the transaction is rolling back). */
  discard(): void;
}

/** Prepares the writer's statements on `db`. */
export function createRankedIndexWriter(db: Database.Database): RankedIndexWriter {
  const readGen = db.prepare<[], number>(`SELECT value FROM sequences WHERE name = 'search_gen'`).pluck();
  const writeGen = db.prepare<[number]>(`UPDATE sequences SET value = ? WHERE name = 'search_gen'`);
  const insertSegment = db.prepare<[number]>('INSERT INTO search_segments (docs) VALUES (?)');
  const insertPostings = db.prepare<[string, number, number, Buffer]>(
    'INSERT INTO search_postings (term, segment, n, postings) VALUES (?, ?, ?, ?)');
  const upsertDoc = db.prepare<[number, number, number, number]>(`INSERT INTO search_docs (story_id, segment, length, gen)
    VALUES (?, ?, ?, ?) ON CONFLICT (story_id) DO UPDATE SET segment = excluded.segment, length = excluded.length, gen = excluded.gen`);

  // Story id → its new terms, or null when it leaves the index. The last change in a transaction wins.
  let pending = new Map<number, DocTerms | null>();

  return {
    put(id, doc) {
      pending.set(id, doc);
    },
    remove(id) {
      pending.set(id, null);
    },
    discard() {
      pending = new Map();
    },
    flush() {
      if (pending.size === 0) return;
      const changes = pending;
      pending = new Map();
      const gen = readGen.get()! + 1;
      writeGen.run(gen);
      const ids = [...changes.keys()].sort((a, b) => a - b);
      const lists = new Map<string, { ids: number[]; tfs: number[] }>();
      let docs = 0;
      for (const id of ids) {
        const doc = changes.get(id);
        if (!doc) continue;
        docs++;
        for (const [term, tf] of doc.terms) {
          let list = lists.get(term);
          if (list === undefined) lists.set(term, (list = { ids: [], tfs: [] }));
          list.ids.push(id);
          list.tfs.push(tf);
        }
      }
      let segment = 0;
      if (docs > 0) {
        segment = Number(insertSegment.run(docs).lastInsertRowid);
        // In key order: the rows then go in at the end of the b-tree, page after page.
        for (const term of [...lists.keys()].sort()) {
          const list = lists.get(term)!;
          insertPostings.run(term, segment, list.ids.length, encodePostings(list.ids, list.tfs));
        }
      }
      for (const id of ids) {
        const doc = changes.get(id);
        upsertDoc.run(id, doc ? segment : 0, doc ? doc.length : 0, gen);
      }
      mergeSegments(db, gen);
    },
  };
}
