/** The Store conformance suite on SQLite, in memory and in a file, plus SQLite-specific cases. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { isKhabarError } from '../../errors/index.js';
import { describeStoreConformance, plainStory } from '../conformance/index.js';
import { openSqliteStore } from './open-sqlite-store.js';
import { SQLITE_SCHEMA_VERSION } from './migrations/index.js';
import { RankedIndexReader } from './ranked/index-reader.js';

/** Stories whose live postings in the ranked index hold `term`. */
function liveDocs(db: Database.Database, term: string): number {
  const reader = new RankedIndexReader(db);
  reader.refresh();
  return reader.postings(term).count;
}

const dir = mkdtempSync(join(tmpdir(), 'khabar-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const tempPath = () => join(dir, `store-${++n}.db`);

describeStoreConformance('sqlite :memory:', () => openSqliteStore(':memory:'));
describeStoreConformance('sqlite file', () => openSqliteStore(tempPath()));

describe('SQLite adapter', () => {
  it('configures WAL, synchronous FULL, foreign keys and records the schema version', async () => {
    const path = tempPath();
    const store = await openSqliteStore(path);
    await store.putStory(plainStory());
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(SQLITE_SCHEMA_VERSION);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // Per-connection settings, read through a store-like connection: check on a fresh open.
    const again = await openSqliteStore(path);
    expect(await again.countStories()).toBe(1);
    await again.close();
  });

  it('migrates once: reopening keeps data and applies nothing twice', async () => {
    const path = tempPath();
    const a = await openSqliteStore(path);
    const r = await a.putStory(plainStory());
    await a.close();
    const b = await openSqliteStore(path);
    expect((await b.getStory({ id: r.id }))?.id).toBe(r.id);
    await b.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(SQLITE_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database whose schema is newer than the code', async () => {
    const path = tempPath();
    await (await openSqliteStore(path)).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
      .run(SQLITE_SCHEMA_VERSION + 1, 'from-the-future', new Date().toISOString());
    db.close();
    const e = await openSqliteStore(path).catch((err: unknown) => err);
    expect(isKhabarError(e, 'STORE')).toBe(true);
    expect((e as Error).message).toMatch(/newer than this khabar/);
  });

  it('opens read-only: reads work, puts fail with STORE', async () => {
    const path = tempPath();
    const w = await openSqliteStore(path);
    await w.putStory(plainStory());
    await w.close();
    const r = await openSqliteStore(path, { readonly: true });
    expect(await r.countStories()).toBe(1);
    const e = await r.putStory(plainStory()).catch((err: unknown) => err);
    expect(isKhabarError(e, 'STORE')).toBe(true);
    await r.close();
  });

  it('fails clearly on a missing read-only file, a non-database file and a closed store', async () => {
    expect(isKhabarError(await openSqliteStore(join(dir, 'none.db'), { readonly: true }).catch((e: unknown) => e), 'IO')).toBe(true);
    expect(isKhabarError(await openSqliteStore('').catch((e: unknown) => e), 'INVALID_INPUT')).toBe(true);
    const junk = tempPath();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(junk, 'این یک پایگاه داده نیست'.repeat(100));
    expect(isKhabarError(await openSqliteStore(junk).catch((e: unknown) => e), 'STORE')).toBe(true);
    const s = await openSqliteStore(':memory:');
    await s.close();
    await s.close();
    expect(isKhabarError(await s.countStories().catch((e: unknown) => e), 'STORE')).toBe(true);
  });

  it('keeps the full-text index in step: one row per usable story, none for killed ones', async () => {
    const path = tempPath();
    const store = await openSqliteStore(path);
    const a = plainStory({ headline: 'واژهٔ یگانه نخست' });
    const b = plainStory({ headline: 'واژهٔ یگانه دوم' });
    await store.putStories([a, b]);
    await store.putStory({ ...a, headline: 'واژهٔ یگانه نخست، نسخهٔ دوم' });
    await store.putStory({ ...b, pubStatus: 'canceled' });
    await store.close();
    const db = new Database(path, { readonly: true });
    // Live postings per term in the ranked index, and rows in the exact-term FTS5 table: only story a now.
    expect(liveDocs(db, 'یگانه')).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM story_fts WHERE story_fts MATCH 'exact : "یگانه"'`).pluck().get()).toBe(1);
    db.close();
  });

  it('applies full-text changes in order when one batch creates, changes and kills a story', async () => {
    const path = tempPath();
    const store = await openSqliteStore(path);
    const a = plainStory({ headline: 'کبوتر نخست' });
    const b = plainStory({ headline: 'پرستو نخست' });
    await store.putStories([a, b, { ...a, headline: 'کبوتر دوم' }, { ...b, pubStatus: 'canceled' }, { ...a, headline: 'کبوتر سوم' }]);
    await store.close();
    const db = new Database(path, { readonly: true });
    const docs = (term: string) => liveDocs(db, term);
    expect([docs('کبوتر'), docs('پرستو'), docs('نخست'), docs('دوم'), docs('سوم')]).toEqual([1, 0, 0, 0, 1]);
    db.close();
  });

  it('continues the story-code sequence across batches and reopening; a failed batch takes no codes', async () => {
    const path = tempPath();
    const s1 = await openSqliteStore(path);
    expect((await s1.putStories([plainStory(), plainStory()])).map((r) => r.code)).toEqual([1_000_001, 1_000_002]);
    await s1.putStories([plainStory(), plainStory({ uri: (await s1.getStory({ code: 1_000_001 }))!.story.uri, code: 7 })])
      .catch(() => undefined);
    await s1.close();
    const s2 = await openSqliteStore(path);
    expect((await s2.putStory(plainStory())).code).toBe(1_000_003);
    await s2.close();
  });
});
