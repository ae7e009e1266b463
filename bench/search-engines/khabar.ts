/**
 * khabar itself: the SQLite store (WAL, synchronous=FULL, its ranked index for the `fa` terms, FTS5 for
 * the exact terms) on a file in a scratch folder. Stories go in through `putStories` in batches of
 * 1,000 with analysis worker threads and the next batch handed over while one is written, as
 * `khabar import` does, so the indexing rate includes analysis and durable commits.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultAnalysisThreads, openSqliteStore } from '../../src/store/index.js';
import type { EngineSpec, SearchEngine } from './engine.js';

/** Batch size of `putStories`: one transaction (one fsync) per batch. */
export const KHABAR_BATCH = 1000;

/** Bytes of a SQLite database and its -wal/-shm side files. */
export function sqliteBytes(dir: string, file: string): number {
  return readdirSync(dir).filter((f) => f.startsWith(file)).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

/** Opens a khabar store at `dir/name` as a {@link SearchEngine}. */
export async function openKhabarEngine(dir: string, name = 'khabar.db'): Promise<SearchEngine> {
  const store = await openSqliteStore(join(dir, name), { analysisThreads: defaultAnalysisThreads() });
  let open = true;
  // The batch being written: add() returns once the batch before the last one is stored, like run-import.ts.
  let writing: Promise<unknown> = Promise.resolve();
  return {
    async add(stories) {
      for (let i = 0; i < stories.length; i += KHABAR_BATCH) {
        const previous = writing;
        writing = store.putStories(stories.slice(i, i + KHABAR_BATCH));
        await previous;
      }
    },
    async flush() {
      await writing;
    },
    async search(q, k) {
      return (await store.search({ q, limit: k })).hits.map((h) => h.story.uri);
    },
    async size() {
      // Closing checkpoints the WAL into the main file, so the size is the database as it rests on disk.
      if (open) await store.close();
      open = false;
      return { bytes: sqliteBytes(dir, name), how: 'SQLite file (+wal) after close; stories, FTS5 index and all tables' };
    },
    async close() {
      if (open) await store.close();
      open = false;
    },
  };
}

export const khabarSpec: EngineSpec = {
  key: 'khabar',
  label: 'khabar (SQLite store)',
  config: 'openSqliteStore(file, { analysisThreads }): WAL, synchronous=FULL, ranked index over `fa` terms + FTS5 over exact terms; putStories in batches of 1,000, one batch overlapping the write of the one before; search({ q, limit })',
  khabarAnalyzer: true,
  create: (dir) => openKhabarEngine(dir),
};
