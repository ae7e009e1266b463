/**
 * The PostgreSQL adapter against a real server: the shared conformance suite, then what only a networked
 * database has (reopening, two pools on one schema). Runs when KHABAR_TEST_PG_URL is set (`.ci/run` sets
 * it); each case gets its own schema `khabar_test_<random>`, dropped afterwards.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createStory } from '../../story/index.js';
import { describeStoreConformance } from '../conformance/index.js';
import type { Store } from '../store.js';
import { openPostgresStore } from './open-postgres-store.js';
import { quoteIdent } from './pg-db.js';
import { dropSchema, freshSchema, pgDescribe, PG_TEST_URL } from '../../../test/support/postgres.js';

const url = PG_TEST_URL;
const describePg = pgDescribe('PostgreSQL store tests');

const schemaOf = new WeakMap<Store, string>();

async function open(): Promise<Store> {
  const schema = freshSchema();
  const store = await openPostgresStore(url!, { schema, poolSize: 4 });
  schemaOf.set(store, schema);
  return store;
}

async function close(store: Store): Promise<void> {
  await store.close();
  await dropSchema(schemaOf.get(store)!);
}

function wireStory(n: number) {
  return createStory({
    uri: `urn:khabar:test:pg-${n}`,
    headline: `خبر شماره ${n} درباره همکاری`,
    body: ['متن خبر برای آزمون همزمانی.'],
    source: { name: 'wire', id: `pg-${n}` },
    versionCreated: new Date(Date.UTC(2024, 2, 1, 8, n)).toISOString(),
  });
}

describePg('PostgreSQL store', () => {
  if (url !== undefined) describeStoreConformance('postgres', open, close);

  describe('PostgreSQL only', () => {
    const schemas: string[] = [];
    afterAll(async () => {
      for (const s of schemas) await dropSchema(s);
    });

    it('runs migrations once: reopening a schema keeps its stories', async () => {
      const schema = freshSchema();
      schemas.push(schema);
      const a = await openPostgresStore(url!, { schema });
      await a.putStory(wireStory(1));
      await a.close();
      const b = await openPostgresStore(url!, { schema });
      expect(await b.countStories()).toBe(1);
      await b.close();
    });

    it('takes a schema name literally (quotes, spaces, capitals)', async () => {
      const schema = `Khabar test "${freshSchema()}"`;
      schemas.push(schema);
      const a = await openPostgresStore(url!, { schema });
      await a.putStory(wireStory(1));
      await a.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${quoteIdent(schema)}.stories`);
      await client.end();
      expect(rows[0].n).toBe(1);
    });

    it('two servers opening a new schema together migrate it once', async () => {
      const schema = freshSchema();
      schemas.push(schema);
      const [a, b] = await Promise.all([openPostgresStore(url!, { schema }), openPostgresStore(url!, { schema })]);
      expect(await a.countStories()).toBe(0);
      await Promise.all([a.close(), b.close()]);
    });

    it('refuses a schema newer than the code with STORE', async () => {
      const schema = freshSchema();
      schemas.push(schema);
      const a = await openPostgresStore(url!, { schema });
      await a.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`INSERT INTO ${quoteIdent(schema)}.schema_migrations (version, name) VALUES (999, 'future')`);
      await client.end();
      await expect(openPostgresStore(url!, { schema })).rejects.toMatchObject({ code: 'STORE' });
    });

    it('two stores (two pools) putting the same source story concurrently create it once; wire seqs are monotonic', async () => {
      const schema = freshSchema();
      schemas.push(schema);
      const a = await openPostgresStore(url!, { schema, poolSize: 4 });
      const b = await openPostgresStore(url!, { schema, poolSize: 4 });
      try {
        const stories = Array.from({ length: 20 }, (_, i) => wireStory(i));
        const results = (await Promise.all(stories.flatMap((s, i) => [
          a.putStories([s]), b.putStories([s]), (i % 2 ? a : b).putStories([s, stories[(i + 1) % stories.length]!]),
        ]))).flat();
        expect(results.filter((r) => r.status === 'created')).toHaveLength(20);
        expect(await a.countStories()).toBe(20);
        const codes = new Set(results.map((r) => r.code));
        expect(codes.size).toBe(20);
        const events = await b.wireEvents(0);
        expect(events.map((e) => e.kind)).toEqual(Array(20).fill('published'));
        const seqs = events.map((e) => e.seq);
        expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
        expect(new Set(seqs).size).toBe(seqs.length);
        // Updates through both stores interleave; every event keeps a higher seq than the last.
        await Promise.all(stories.slice(0, 10).map((s, i) =>
          (i % 2 ? a : b).putStory({ ...s, body: [...s.body, `پاراگراف تازه ${i}`] })));
        const after = await a.wireEvents(seqs[seqs.length - 1]!);
        expect(after).toHaveLength(10);
        expect(after.every((e, i) => e.kind === 'updated' && (i === 0 || e.seq > after[i - 1]!.seq))).toBe(true);
        expect(await a.lastWireSeq()).toBe(after[after.length - 1]!.seq);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
});
