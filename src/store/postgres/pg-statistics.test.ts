/**
 * The PostgreSQL store refreshes planner statistics after bulk writes (pg-statistics.ts): an import of a
 * few thousand stories leaves `stories` analyzed, with the planner's row count close to the truth, while
 * a handful of puts does not run ANALYZE at all.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStory, type Story } from '../../story/index.js';
import { PG_TEST_URL, dropSchema, freshSchema, pgDescribe } from '../../../test/support/postgres.js';
import { openPostgresStore, type Store } from '../index.js';
import { openPgDb, type PgDb } from './pg-db.js';
import { MIN_WRITES } from './pg-statistics.js';

const story = (i: number): Story => createStory({
  uri: `urn:khabar:stats:${i}`, headline: `گزارش ${i} از بازار کتاب تبریز`, body: ['ناشران استانی از استقبال خوانندگان خبر دادند.'],
});

pgDescribe('PostgreSQL planner statistics test')('planner statistics after bulk writes', () => {
  const schema = freshSchema();
  let store: Store;
  let db: PgDb;
  const analyzed = async () => (await db.query<{ last: Date | null; tuples: number }>(
    `SELECT t.last_analyze AS last, c.reltuples::int AS tuples FROM pg_stat_user_tables t JOIN pg_class c ON c.oid = t.relid
      WHERE t.schemaname = $1 AND t.relname = 'stories'`, [schema]))[0]!;

  beforeAll(async () => {
    store = await openPostgresStore(PG_TEST_URL!, { schema });
    db = await openPgDb(PG_TEST_URL!, { schema });
  });
  afterAll(async () => {
    await store?.close();
    await db?.close();
    await dropSchema(schema);
  });

  it('does not analyze after a few puts, and does once an import has written enough', async () => {
    await store.putStories([story(0), story(1), story(2)]);
    expect((await analyzed()).last).toBeNull();
    const n = MIN_WRITES * 2;
    for (let i = 3; i < n; i += 250) await store.putStories(Array.from({ length: Math.min(250, n - i) }, (_, j) => story(i + j)));
    const after = await analyzed();
    expect(after.last).not.toBeNull();
    // The last ANALYZE ran at or after MIN_WRITES stories; the planner's count is no longer "empty".
    expect(after.tuples).toBeGreaterThanOrEqual(MIN_WRITES);
    expect(after.tuples).toBeLessThanOrEqual(n);
    // Unchanged stories are not writes: putting them again does not count towards the next ANALYZE.
    const before = after.last!.getTime();
    for (let i = 0; i < n; i += 500) await store.putStories(Array.from({ length: Math.min(500, n - i) }, (_, j) => story(i + j)));
    expect((await analyzed()).last!.getTime()).toBe(before);
  });
});
