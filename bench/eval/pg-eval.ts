/**
 * The PostgreSQL side of `npm run eval:search -- --pg`: the Hamshahri collection imported into a fresh
 * schema `khabar_eval_<random>` of the server at KHABAR_PG_URL, else KHABAR_TEST_PG_URL, else
 * postgresql://postgres@127.0.0.1:5432/test; the schema is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore, type Store } from '../../src/store/index.js';
import { openPgDb, quoteIdent, type PgDb } from '../../src/store/postgres/index.js';
import { searchPg } from '../../src/store/postgres/pg-search.js';
import type { PgRankingTuning } from '../../src/store/postgres/pg-feedback.js';
import type { SearchRequest, SearchResult } from '../../src/search/index.js';
import type { Story } from '../../src/story/index.js';

export const DEFAULT_EVAL_PG_URL = 'postgresql://postgres@127.0.0.1:5432/test';

/** The server the evaluation uses. */
export function evalPgUrl(): string {
  return process.env['KHABAR_PG_URL'] ?? process.env['KHABAR_TEST_PG_URL'] ?? DEFAULT_EVAL_PG_URL;
}

/** The collection in a PostgreSQL store of its own. */
export interface PgEvalStore {
  store: Store;
  /** Searches with ranking knobs other than the store's defaults. */
  searchTuned(request: SearchRequest, tuning: Partial<PgRankingTuning>): Promise<SearchResult>;
  schema: string;
  /** `SELECT version()`, shortened. */
  server: string;
  importSeconds: number;
  /** Closes both pools and drops the schema. */
  dispose(): Promise<void>;
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Imports `stories` into a fresh schema, in batches of 500 (one transaction each). */
export async function loadHamshahriPg(stories: readonly Story[], url = evalPgUrl()): Promise<PgEvalStore> {
  const schema = `khabar_eval_${randomBytes(6).toString('hex')}`;
  let store: Store | undefined;
  let db: PgDb | undefined;
  try {
    store = await openPostgresStore(url, { schema, poolSize: 4 });
    const t0 = performance.now();
    for (let i = 0; i < stories.length; i += 500) await store.putStories(stories.slice(i, i + 500));
    const importSeconds = (performance.now() - t0) / 1000;
    db = await openPgDb(url, { schema, poolSize: 2 });
    const version = (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v"))[0]!.v;
    const tunedDb = db;
    const opened = store;
    return {
      store, schema, importSeconds, server: `PostgreSQL ${version.split(' ')[0]}`,
      searchTuned: (request, tuning) => searchPg(tunedDb, request, tuning),
      async dispose() {
        await opened.close();
        await tunedDb.close();
        await dropSchema(url, schema);
      },
    };
  } catch (e) {
    await store?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    await dropSchema(url, schema).catch(() => undefined);
    throw e;
  }
}
