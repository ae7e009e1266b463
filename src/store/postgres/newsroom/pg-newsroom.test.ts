/**
 * The NewsroomStore conformance suite on PostgreSQL, plus what only several app servers on one database
 * have: two pools (two "servers") on one schema saving or publishing the same item at the same revision
 * (exactly one wins, the other gets CONFLICT), and the webhook delivery claim (one process at a time).
 * Runs when KHABAR_TEST_PG_URL is set (`.ci/run` sets it); each case gets its own schema
 * `khabar_test_<random>`, dropped afterwards.
 */
import { afterEach, expect, it } from 'vitest';
import { isKhabarError } from '../../../errors/index.js';
import { createStory } from '../../../story/index.js';
import { describeNewsroomConformance, plainStory } from '../../conformance/index.js';
import type { NewsroomStore } from '../../newsroom-store.js';
import type { Store } from '../../store.js';
import { PG_MIGRATIONS, runPgMigrations } from '../migrations/index.js';
import { openPgDb, type PgDb } from '../pg-db.js';
import { createPgStore } from '../pg-store.js';
import { createPgNewsroom, withClaimedWebhook } from './pg-newsroom.js';
import { dropSchema, freshSchema, pgDescribe, PG_TEST_URL } from '../../../../test/support/postgres.js';

const url = PG_TEST_URL;
const describePg = pgDescribe('PostgreSQL newsroom tests');


/** A migrated PgDb on `schema`. */
async function openDb(schema: string): Promise<PgDb> {
  const db = await openPgDb(url!, { schema, poolSize: 4 });
  await runPgMigrations(db, PG_MIGRATIONS);
  return db;
}

const schemaOf = new WeakMap<Store, string>();

async function open(): Promise<Store> {
  const schema = freshSchema();
  const store = createPgStore(await openDb(schema));
  schemaOf.set(store, schema);
  return store;
}

async function close(store: Store): Promise<void> {
  await store.close();
  await dropSchema(schemaOf.get(store)!);
}

if (url !== undefined) describeNewsroomConformance('postgres', open, close);

const HASH = 'scrypt$16384$8$1$c2FsdA$aGFzaA';
const SECRET = 'webhook-secret-0123456789';

describePg('PostgreSQL newsroom: several servers on one database', () => {
  const opened: PgDb[] = [];
  const schemas: string[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    for (const s of schemas.splice(0)) await dropSchema(s);
  });

  /** Two "servers": two pools on one fresh schema, each with its own newsroom store. */
  async function twoServers(): Promise<{ a: NewsroomStore; b: NewsroomStore; dbA: PgDb; dbB: PgDb; storeA: Store }> {
    const schema = freshSchema();
    schemas.push(schema);
    const dbA = await openDb(schema);
    opened.push(dbA);
    const dbB = await openDb(schema);
    opened.push(dbB);
    return { a: createPgNewsroom(dbA), b: createPgNewsroom(dbB), dbA, dbB, storeA: createPgStore(dbA) };
  }

  async function filed(nr: NewsroomStore, n: number) {
    const reporter = await nr.createUser({ username: `reporter-${n}`, displayName: 'خبرنگار', role: 'reporter', passwordHash: HASH });
    const editor = await nr.createUser({ username: `editor-${n}`, displayName: 'دبیر', role: 'editor', passwordHash: HASH });
    const desk = await nr.createDesk(`سرویس ${n}`);
    const item = await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: createStory({
      uri: `urn:khabar:pg-newsroom:${n}`, headline: `خبر آزمون همزمانی ${n}`, body: ['متن.'], service: desk.name,
    }) });
    return { reporter, editor, desk, item };
  }

  it('two servers saving the same item at the same revision: exactly one wins, the other gets CONFLICT', async () => {
    const { a, b, dbA } = await twoServers();
    const { reporter, editor, item } = await filed(a, 1);
    // Hold the item's row so that both saves are in flight at once, then let them go.
    const holder = await dbA.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM items WHERE id = $1 FOR UPDATE', [item.id]);
      const saves = Promise.allSettled([
        a.saveItem(item.id, { draft: { ...item.draft, lead: 'لید خبرنگار' }, userId: reporter.id, expect: { revision: 1 } }),
        b.saveItem(item.id, { draft: { ...item.draft, lead: 'لید دبیر' }, userId: editor.id, expect: { revision: 1 } }),
      ]);
      await new Promise((r) => setTimeout(r, 100));
      await holder.query('COMMIT');
      const results = await saves;
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(isKhabarError(lost.reason, 'CONFLICT'), String(lost.reason)).toBe(true);
      expect((lost.reason as Error).message).toMatch(new RegExp(`item ${item.id} is at revision 2, not 1 \\(saved by user \\d+ at `));
      const won = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ draft: { lead?: string } }>).value;
      expect((await b.getItem(item.id))!.draft.lead).toBe(won.draft.lead);
      expect((await a.listRevisions(item.id)).map((r) => r.revision)).toEqual([1, 2]);
    } finally {
      holder.release();
    }
    // And without a held lock, many rounds of racing saves: each round exactly one new revision.
    for (let round = 2; round <= 11; round++) {
      const results = await Promise.allSettled([
        a.saveItem(item.id, { draft: { ...item.draft, lead: `a${round}` }, userId: reporter.id, expect: { revision: round } }),
        b.saveItem(item.id, { draft: { ...item.draft, lead: `b${round}` }, userId: editor.id, expect: { revision: round } }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    }
    expect((await a.getItem(item.id))!.revision).toBe(12);
  });

  it('two servers publishing the same item at the same revision: one story version, one wire event', async () => {
    const { a, b, storeA } = await twoServers();
    const { editor, item } = await filed(a, 2);
    const results = await Promise.allSettled([
      a.publishItem(item.id, { story: item.draft, userId: editor.id, action: 'publish', expect: { revision: 1 } }),
      b.publishItem(item.id, { story: { ...item.draft, lead: 'لید دیگر' }, userId: editor.id, action: 'publish', expect: { revision: 1 } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(isKhabarError((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason, 'CONFLICT')).toBe(true);
    expect(await storeA.countStories()).toBe(1);
    expect(await storeA.lastWireSeq()).toBe(1);
    expect((await a.getItem(item.id))!).toMatchObject({ state: 'published', revision: 2, publishedVersion: 1 });
  });

  it('two servers taking a free edit lock: one gets it, the other sees the holder', async () => {
    const { a, b } = await twoServers();
    const { reporter, editor, item } = await filed(a, 3);
    const [x, y] = await Promise.all([a.acquireLock(item.id, reporter.id), b.acquireLock(item.id, editor.id)]);
    expect([x.acquired, y.acquired].sort()).toEqual([false, true]);
    expect(x.lock.userId).toBe(y.lock.userId);
  });

  it('claims a webhook for delivery in one process at a time; outcomes recorded under the claim commit with it', async () => {
    const { a, dbA, dbB, storeA } = await twoServers();
    await storeA.putStory(plainStory());
    await storeA.putStory(plainStory());
    const [e1, e2] = await storeA.wireEvents(0);
    const hook = await a.createWebhook({ url: 'https://subscriber.example/in', secret: SECRET, cursor: 0 });
    let inner: unknown;
    const outer = await withClaimedWebhook(dbA, hook.id, async (claim) => {
      expect(claim.webhook).toEqual(hook);
      // Another server trying the same webhook meanwhile is turned away at once.
      inner = await withClaimedWebhook(dbB, hook.id, async () => 'delivered twice');
      await claim.record({ seq: e1!.seq, delivered: true });
      return (await claim.record({ seq: e2!.seq, delivered: false, error: 'HTTP 503', nextAttemptAt: '2025-03-01T08:00:00.000Z' })).failures;
    });
    expect(outer).toEqual({ claimed: true, value: 1 });
    expect(inner).toEqual({ claimed: false });
    expect(await a.getWebhook(hook.id)).toMatchObject({ cursor: e1!.seq, failures: 1, lastError: 'HTTP 503' });
    // A delivery that throws rolls its records back; the webhook is free again afterwards.
    await expect(withClaimedWebhook(dbB, hook.id, async (claim) => {
      await claim.record({ seq: e2!.seq, delivered: true });
      throw new Error('dispatcher crashed');
    })).rejects.toThrow('dispatcher crashed');
    expect((await a.getWebhook(hook.id))!.cursor).toBe(e1!.seq);
    // An inactive webhook is not claimed.
    await a.updateWebhook(hook.id, { active: false });
    expect(await withClaimedWebhook(dbB, hook.id, async () => 'x')).toEqual({ claimed: false });
  });

  it('maps a closed pool to STORE and a NUL in free text to INVALID_INPUT', async () => {
    const { a, dbB } = await twoServers();
    const b = createPgNewsroom(dbB);
    const { editor, item } = await filed(a, 4);
    const nul = await a.transitionItem(item.id, { to: 'returned', userId: editor.id, action: 'return', note: 'یک\u0000دو' })
      .then(() => undefined, (e: unknown) => e);
    expect(isKhabarError(nul, 'INVALID_INPUT'), String(nul)).toBe(true);
    await dbB.close();
    const closed = await b.getItem(item.id).then(() => undefined, (e: unknown) => e);
    expect(isKhabarError(closed, 'STORE'), String(closed)).toBe(true);
    const closedTx = await b.saveItem(item.id, { draft: item.draft, userId: editor.id, expect: { revision: 1 } }).then(() => undefined, (e: unknown) => e);
    expect(isKhabarError(closedTx, 'STORE'), String(closedTx)).toBe(true);
  });
});
