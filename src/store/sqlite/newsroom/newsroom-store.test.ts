/**
 * The NewsroomStore conformance suite on SQLite (in memory and in a file), plus SQLite-specific cases:
 * migrating a schema 3 database, foreign keys and integrity after a publishing run, read-only and closed
 * stores, publishing on a store with analysis threads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { isKhabarError } from '../../../errors/index.js';
import { createStory } from '../../../story/index.js';
import { describeNewsroomConformance, plainStory } from '../../conformance/index.js';
import type { Store } from '../../store.js';
import { SQLITE_MIGRATIONS, SQLITE_SCHEMA_VERSION } from '../migrations/index.js';
import { runMigrations } from '../migrations/run-migrations.js';
import { openSqliteStore } from '../open-sqlite-store.js';
import { createStoryWriter } from '../story-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'khabar-newsroom-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const tempPath = () => join(dir, `newsroom-${++n}.db`);

describeNewsroomConformance('sqlite :memory:', () => openSqliteStore(':memory:'));
describeNewsroomConformance('sqlite file', () => openSqliteStore(tempPath()));

const HASH = 'scrypt$16384$8$1$c2FsdA$aGFzaA';

/** A user, a desk and a published item on `store`. */
async function publishOne(store: Store, headline: string) {
  const nr = store.newsroom;
  const user = await nr.createUser({ username: `u${++n}`, displayName: 'دبیر', role: 'editor', passwordHash: HASH });
  const desk = (await nr.listDesks())[0] ?? await nr.createDesk('سرویس استان‌ها');
  const item = await nr.createItem({ deskId: desk.id, authorId: user.id, draft: createStory({ uri: `urn:khabar:sqlite-newsroom:${n}`, headline, service: desk.name }) });
  return nr.publishItem(item.id, { story: item.draft, userId: user.id, action: 'publish' });
}

describe('SQLite newsroom', () => {
  it('migrates a schema 3 database: its stories and wire log stay, the newsroom publishes after them', async () => {
    const path = tempPath();
    const old = new Database(path);
    old.pragma('foreign_keys = ON');
    expect(runMigrations(old, SQLITE_MIGRATIONS.slice(0, 3))).toBe(3);
    // Stories written by the version 3 code path (the story writer predates the newsroom).
    const writer = createStoryWriter(old);
    old.transaction(() => {
      writer.put(plainStory({ headline: 'خبر پیش از اتاق خبر' }), Date.UTC(2025, 0, 1));
      writer.put(plainStory({ headline: 'خبر دوم پیش از اتاق خبر' }), Date.UTC(2025, 0, 2));
      writer.finish();
    })();
    old.close();

    const store = await openSqliteStore(path);
    expect(await store.countStories()).toBe(2);
    expect(await store.lastWireSeq()).toBe(2);
    expect(await store.newsroom.listUsers()).toEqual([]);
    const { item, put } = await publishOne(store, 'نخستین خبر اتاق خبر در آرشیو قدیمی');
    expect(put).toMatchObject({ status: 'created', code: 1_000_003 });
    expect(item.storyId).toBe(put.id);
    expect((await store.wireEvents(2)).map((e) => [e.seq, e.kind, e.id])).toEqual([[3, 'published', put.id]]);
    await store.close();

    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all().at(-1)).toEqual({ version: 4, name: 'newsroom' });
    expect(SQLITE_SCHEMA_VERSION).toBe(4);
    raw.close();
  });

  it('leaves no dangling references and a sound file after a publishing run', async () => {
    const path = tempPath();
    const store = await openSqliteStore(path);
    const { item } = await publishOne(store, 'گزارش آزمون یکپارچگی');
    await store.newsroom.acquireLock(item.id, item.authorId);
    await store.newsroom.appendAudit({ action: 'login', userId: item.authorId });
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    // The schema's own guards: a published item without a story cannot be written, whatever the code does.
    raw.close();
    const rw = new Database(path);
    rw.pragma('foreign_keys = ON');
    expect(() => rw.prepare(`UPDATE items SET story_id = NULL, published_version = NULL WHERE id = ?`).run(item.id)).toThrow(/CHECK/);
    expect(() => rw.prepare(`UPDATE items SET desk_id = 999 WHERE id = ?`).run(item.id)).toThrow(/FOREIGN KEY/);
    rw.close();
  });

  it('reads on a read-only store; writes and publishing fail with STORE', async () => {
    const path = tempPath();
    const w = await openSqliteStore(path);
    const { item } = await publishOne(w, 'خبر برای خواندن');
    await w.close();
    const r = await openSqliteStore(path, { readonly: true });
    expect((await r.newsroom.getItem(item.id))!.state).toBe('published');
    const e1 = await r.newsroom.createDesk('سرویس تازه').catch((e: unknown) => e);
    expect(isKhabarError(e1, 'STORE')).toBe(true);
    const e2 = await r.newsroom.publishItem(item.id, { story: { ...item.draft, lead: 'لید' }, userId: item.authorId, action: 'correct' })
      .catch((e: unknown) => e);
    expect(isKhabarError(e2, 'STORE')).toBe(true);
    await r.close();
  });

  it('fails with STORE once the store is closed', async () => {
    const store = await openSqliteStore(':memory:');
    await store.close();
    const e = await store.newsroom.listUsers().catch((err: unknown) => err);
    expect(isKhabarError(e, 'STORE')).toBe(true);
    expect((e as Error).message).toMatch(/closed/);
  });

  it('publishes on a store with analysis threads (the text is analyzed inside the transaction)', async () => {
    const store = await openSqliteStore(':memory:', { analysisThreads: 1 });
    try {
      const [queued] = await Promise.all([
        store.putStories([plainStory({ headline: 'کتابخانهٔ مرکزی بازگشایی شد' })]),
        publishOne(store, 'بازگشایی کتابخانهٔ مرکزی شیراز'),
      ]);
      expect(queued[0]!.status).toBe('created');
      expect((await store.search({ q: 'شیراز' })).total).toBe(1);
      expect((await store.search({ q: 'کتابخانه' })).total).toBe(2);
    } finally {
      await store.close();
    }
  });
});
