/**
 * The batched writer (pg-story-batch.ts) must leave exactly what putting the same stories one by one
 * with putStoryTx leaves: the same results (or the same error), and the same rows in every table the
 * writer touches — ids, codes, versions, JSON, wire log order, keywords, BM25 statistics, the code
 * counter. fast-check draws batches that mix plainly new stories with everything that must not take the
 * batched path: repeated identities in one batch, new versions and unchanged copies of stored stories, a
 * uri or code that another story holds, codes above the counter, withheld and canceled versions.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStory, type Story } from '../../story/index.js';
import { PG_TEST_URL, dropSchema, freshSchema, pgDescribe } from '../../../test/support/postgres.js';
import { openPgDb, type PgDb } from './pg-db.js';
import { PG_MIGRATIONS, runPgMigrations } from './migrations/index.js';
import { putStoriesTx } from './pg-story-batch.js';
import { putStoryTx, searchEntry } from './pg-story-writer.js';
import type { PutResult } from '../store.js';

const HEADLINES = ['بارش برف در گردنهٔ حیران', 'نمایشگاه کتاب تبریز گشایش یافت', 'همکاری‌های تازهٔ بندر انزلی'];
const BODIES = ['راه‌ها باز است و رانندگان زنجیر چرخ همراه دارند.', 'ناشران استانی از استقبال خوانندگان خبر دادند.'];

/** A drawn story: which identity, which text, which status, maybe a code and a conflicting uri. */
const storySpec = fc.record({
  key: fc.integer({ min: 0, max: 23 }),
  bySource: fc.boolean(),
  headline: fc.integer({ min: 0, max: HEADLINES.length - 1 }),
  body: fc.integer({ min: 0, max: BODIES.length - 1 }),
  status: fc.constantFrom('usable', 'usable', 'usable', 'withheld', 'canceled'),
  code: fc.option(fc.constantFrom(1_000_001, 1_000_003, 999_990, 999_991, 2_000_000), { freq: 5 }),
  otherUri: fc.option(fc.integer({ min: 0, max: 23 }), { freq: 8 }),
  keywords: fc.subarray(['تبریز', 'برف', 'کتاب', 'کتاب']),
});
type Spec = typeof storySpec extends fc.Arbitrary<infer T> ? T : never;

function storyOf(spec: Spec, run: string): Story {
  const uriKey = spec.otherUri ?? spec.key;
  return createStory({
    uri: `urn:khabar:batch:${run}:${uriKey}`,
    // Shared words, so that new stories of one batch add to terms already counted.
    headline: HEADLINES[spec.headline]!,
    body: [BODIES[spec.body]!],
    pubStatus: spec.status as Story['pubStatus'],
    keywords: spec.keywords,
    ...(spec.code === null ? {} : { code: spec.code }),
    ...(spec.bySource ? { source: { name: 'wire', id: `s-${spec.key}` } } : {}),
  });
}

type Outcome = { ok: PutResult[] } | { error: string };

async function putBatched(db: PgDb, stories: Story[], now: number): Promise<Outcome> {
  const batch = stories.map((story) => ({ story, text: searchEntry(story) }));
  return db.tx((c) => putStoriesTx(c, batch, now)).then((ok) => ({ ok }), (e: Error) => ({ error: e.message }));
}

async function putOneByOne(db: PgDb, stories: Story[], now: number): Promise<Outcome> {
  return db.tx(async (c) => {
    const out: PutResult[] = [];
    for (const s of stories) out.push(await putStoryTx(c, s, now));
    return out;
  }).then((ok) => ({ ok }), (e: Error) => ({ error: e.message }));
}

/** Everything the writer writes, in a comparable form. */
async function snapshot(db: PgDb): Promise<unknown> {
  const q = (sql: string) => db.query<Record<string, unknown>>(sql);
  return {
    stories: await q(`SELECT id, uri, code, source_name, source_id, service, agency, pub_status, published_at, version,
      story, content_hash, created_at, updated_at, fa::text, exact::text, doc_length FROM stories ORDER BY id`),
    versions: await q('SELECT story_id, version, story, created_at FROM story_versions ORDER BY story_id, version'),
    keywords: await q('SELECT story_id, keyword, key FROM story_keywords ORDER BY story_id, keyword'),
    wire: await q('SELECT seq, story_id, version, kind, at FROM wire_events ORDER BY seq'),
    terms: await q('SELECT term, df FROM term_stats WHERE df <> 0 ORDER BY term'),
    stats: await q('SELECT docs, total_len FROM search_stats'),
    counter: await q('SELECT value FROM sequences'),
  };
}

const describePg = pgDescribe('batched PostgreSQL writer test');

describePg('putStoriesTx (batched) against putStoryTx one by one', () => {
  const schemas = [freshSchema(), freshSchema()];
  let batched: PgDb;
  let single: PgDb;
  let runs = 0;

  beforeAll(async () => {
    batched = await openPgDb(PG_TEST_URL!, { schema: schemas[0]!, poolSize: 2 });
    single = await openPgDb(PG_TEST_URL!, { schema: schemas[1]! , poolSize: 2 });
    await runPgMigrations(batched, PG_MIGRATIONS);
    await runPgMigrations(single, PG_MIGRATIONS);
  });
  afterAll(async () => {
    await batched?.close();
    await single?.close();
    for (const s of schemas) await dropSchema(s);
  });

  it('leaves the same results and the same rows for any sequence of batches', async () => {
    await fc.assert(fc.asyncProperty(
      // Half the batches carry no code and no borrowed uri: a conflict rolls its whole batch back, and
      // batches that store nothing would test little.
      fc.array(fc.record({ specs: fc.array(storySpec, { minLength: 1, maxLength: 16 }), clean: fc.boolean() }), { minLength: 1, maxLength: 4 }),
      async (batches) => {
        const run = `r${runs++}`;
        for (const db of [batched, single]) {
          await db.query('TRUNCATE stories, story_versions, story_keywords, wire_events, term_stats RESTART IDENTITY CASCADE');
          await db.query(`UPDATE search_stats SET docs = 0, total_len = 0`);
          await db.query(`UPDATE sequences SET value = 1000000`);
        }
        for (const [i, { specs, clean }] of batches.entries()) {
          const stories = specs.map((s) => storyOf(clean ? { ...s, code: null, otherUri: null } : s, run));
          const now = 1_700_000_000_000 + i;
          const a = await putBatched(batched, stories, now);
          const b = await putOneByOne(single, stories, now);
          expect(a).toEqual(b);
        }
        expect(await snapshot(batched)).toEqual(await snapshot(single));
      }), { numRuns: 60 });
  }, 240_000);
});
