/**
 * `khabar migrate --from sqlite:<file> --to postgres://…` (issue #7 item 5): a SQLite archive with stories
 * of several versions (one killed, one first withheld) and a newsroom (users, a desk, items with revisions,
 * one published, a webhook with a cursor) copied into a fresh schema; counts equal, versions and codes
 * equal, the wire log in the same order, a user's password verifies against the copied hash; a run after
 * an interruption continues, and a run after a complete one writes nothing. Runs when KHABAR_TEST_PG_URL
 * is set; drops its schema afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runKhabar } from './support/cli.js';
import { openPostgresStore, openSqliteStore } from '../src/store/index.js';
import { createStory, type Story } from '../src/story/index.js';
import { hashPassword, verifyPassword } from '../src/newsroom/index.js';

const pgUrl = process.env['KHABAR_TEST_PG_URL'];
if (pgUrl === undefined) console.log('KHABAR_TEST_PG_URL is not set: skipping the khabar migrate tests');

const dir = mkdtempSync(join(tmpdir(), 'khabar-migrate-'));
const schema = `khabar_migrate_${process.pid}_${Date.now().toString(36)}`;

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (pgUrl === undefined) return;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

function story(n: number, extra: Partial<Story> = {}): Story {
  return createStory({
    uri: `urn:khabar:migrate:${n}`,
    headline: `خبر شمارهٔ ${n} دربارهٔ بارش باران در تبریز`,
    body: [`هواشناسی آذربایجان شرقی برای روز ${n} بارش پراکنده پیش‌بینی کرد.`],
    service: n % 2 ? 'سرویس استان‌ها' : 'سرویس اجتماعی',
    keywords: ['باران', `تبریز ${n}`],
    firstCreated: `2025-03-${String(n).padStart(2, "0")}T06:00:00Z`,
    ...extra,
  });
}

describe.skipIf(pgUrl === undefined)('khabar migrate', () => {
  it('copies a SQLite archive and newsroom to PostgreSQL, resumes, and a second run changes nothing', async () => {
    const file = join(dir, 'source.db');
    const src = await openSqliteStore(file);
    const PASSWORD = 'migrate-me-safely-2025';
    let itemId = 0;
    try {
      await src.putStory(story(1));
      await src.putStory(story(1, { headline: 'خبر شمارهٔ ۱ (اصلاح شد) دربارهٔ بارش باران در تبریز' }));
      await src.putStory(story(1, { headline: 'خبر شمارهٔ ۱ (اصلاح دوم) دربارهٔ بارش باران در تبریز' }));
      await src.putStory(story(2));
      await src.putStory(story(3));
      await src.putStory(story(2, { lead: 'یک جملهٔ تازه.' }));
      await src.putStory(story(3, { pubStatus: 'canceled' }));
      await src.putStory(story(4, { pubStatus: 'withheld' }));
      await src.putStory(story(5));
      await src.putStory(story(4));
      const nr = src.newsroom;
      const chief = await nr.createUser({ username: 'chief', displayName: 'سردبیر', role: 'chief', passwordHash: await hashPassword(PASSWORD) });
      const rep = await nr.createUser({ username: 'reza', displayName: 'رضا', role: 'reporter', passwordHash: await hashPassword('another-long-password-1') });
      const desk = await nr.createDesk('سرویس استان‌ها');
      await nr.setDeskEditors(desk.id, [chief.id]);
      const draft = story(9, { uri: 'urn:khabar:item:9', service: desk.name });
      const item = await nr.createItem({ deskId: desk.id, authorId: rep.id, draft });
      itemId = item.id;
      await nr.saveItem(item.id, { draft: { ...draft, lead: 'لید تازه.' }, userId: rep.id, expect: { revision: 1 } });
      await nr.publishItem(item.id, { story: { ...draft, lead: 'لید تازه.', pubStatus: 'usable' }, userId: chief.id, action: 'publish' });
      await nr.createItem({ deskId: desk.id, authorId: rep.id, draft: story(10, { uri: 'urn:khabar:item:10', service: desk.name }) });
      const hook = await nr.createWebhook({ url: 'http://127.0.0.1:9/hook', secret: 's3cret-s3cret-s3cret', cursor: 0 });
      await nr.recordDelivery(hook.id, { seq: 3, delivered: true });
    } finally {
      await src.close();
    }

    // An interrupted earlier run: the first version of story 1 is already in the target.
    const early = await openPostgresStore(pgUrl!, { schema });
    const srcRead = await openSqliteStore(file, { readonly: true });
    try {
      const first = (await srcRead.getVersions((await srcRead.getStory({ uri: 'urn:khabar:migrate:1' }))!.id))[0]!;
      await early.putStory(first);
    } finally {
      await early.close();
    }

    const to = `${pgUrl}${pgUrl!.includes('?') ? '&' : '?'}schema=${schema}`;
    const run = runKhabar(['migrate', '--from', `sqlite:${file}`, '--to', to]);
    expect(run.code, run.out + run.err).toBe(0);
    expect(run.out).toMatch(/counts match/);
    expect(run.out).toMatch(/stories\s+6\s+6\n/);
    expect(run.out).toMatch(/versions\s+11\s+11\n/);
    expect(run.out).toMatch(/users\s+2\s+2\n/);
    expect(run.out).toMatch(/items\s+2\s+2\n/);

    const tgt = await openPostgresStore(pgUrl!, { schema });
    try {
      for (const uri of ['urn:khabar:migrate:1', 'urn:khabar:migrate:3', 'urn:khabar:migrate:4', 'urn:khabar:item:9']) {
        const a = (await srcRead.getStory({ uri }))!;
        const b = (await tgt.getStory({ uri }))!;
        expect(b.story.code).toBe(a.story.code);
        expect(await tgt.getVersions(b.id)).toEqual(await srcRead.getVersions(a.id));
      }
      expect((await tgt.getStory({ uri: 'urn:khabar:migrate:1' }))!.story.version).toBe(3);
      expect((await tgt.getStory({ uri: 'urn:khabar:migrate:3' }))!.story.pubStatus).toBe('canceled');
      const strip = (es: Array<{ kind: string; story: Story }>) => es.map((e) => [e.kind, e.story.code, e.story.version]);
      expect(strip(await tgt.wireEvents(0))).toEqual(strip(await srcRead.wireEvents(0)));

      const user = await tgt.newsroom.getUserByUsername('chief');
      expect(user!.passwordHash).toBe((await srcRead.newsroom.getUserByUsername('chief'))!.passwordHash);
      expect(await verifyPassword(PASSWORD, user!.passwordHash)).toBe(true);
      expect(await tgt.newsroom.listDesks()).toEqual(await srcRead.newsroom.listDesks());
      const [ia, ib] = [(await srcRead.newsroom.getItem(itemId))!, (await tgt.newsroom.getItem(itemId))!];
      expect(ib.state).toBe('published');
      expect({ ...ib, storyId: 0 }).toEqual({ ...ia, storyId: 0 });
      expect((await tgt.getStory({ id: ib.storyId! }))!.story.uri).toBe('urn:khabar:item:9');
      expect(await tgt.newsroom.listRevisions(itemId)).toEqual(await srcRead.newsroom.listRevisions(itemId));
      expect(await tgt.newsroom.listAudit()).toEqual(await srcRead.newsroom.listAudit());
      const [wa] = await srcRead.newsroom.listWebhooks();
      const [wb] = await tgt.newsroom.listWebhooks();
      expect(wb).toEqual(wa); // cursor 3 here maps to seq 3 there: same events, same order, fresh log
    } finally {
      await tgt.close();
      await srcRead.close();
    }

    const again = runKhabar(['migrate', '--from', `sqlite:${file}`, '--to', to]);
    expect(again.code, again.out + again.err).toBe(0);
    expect(again.out).toMatch(/archive: 0 versions written/);
    expect(again.out).toMatch(/newsroom: 0 users, 0 desks, 0 items, 0 revisions, 0 audit entries, 0 webhooks written/);
    expect(again.out).toMatch(/counts match/);

    // New rows after the copy get new ids (identity sequences moved past the copied ones); a target that
    // differs from the source fails the count check.
    const after = await openPostgresStore(pgUrl!, { schema });
    try {
      const next = await after.newsroom.createUser({ username: 'new', displayName: 'n', role: 'reporter', passwordHash: 'x' });
      expect(next.id).toBe(3);
    } finally {
      await after.close();
    }
    const third = runKhabar(['migrate', '--from', `sqlite:${file}`, '--to', to]);
    expect(third.out).toMatch(/users\s+2\s+3\s+MISMATCH/);
    expect(third.code).toBe(1);
  }, 120_000);
});
