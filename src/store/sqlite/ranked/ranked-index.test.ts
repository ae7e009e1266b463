/**
 * The ranked index through the public store: many small transactions (segments, merges, stale postings)
 * rank exactly as one fresh import of the final versions; a second connection's writes reach the first
 * connection's reader; a schema v1 database migrates and is searchable; query forms after merges.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { indexDocument, type SearchResult } from '../../../search/index.js';
import { createStory, type Story } from '../../../story/index.js';
import type { Store } from '../../store.js';
import { migration001Initial } from '../migrations/001-initial.js';
import { SQLITE_SCHEMA_VERSION } from '../migrations/index.js';
import { seededRandom } from '../../../../bench/search-engines/queries.js';
import { runMigrations } from '../migrations/run-migrations.js';
import { openSqliteStore } from '../open-sqlite-store.js';
import { FANOUT, levelOf } from './segment-merge.js';

const dir = mkdtempSync(join(tmpdir(), 'khabar-ranked-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const tempFile = () => join(dir, `db-${++files}.sqlite`);

/** Nouns whose fa term is the word itself (checked with indexDocument), common ones first. */
const WORDS = ('بازار طلا نفت کتاب دانشگاه مدرسه بیمارستان کارخانه فرودگاه قطار اتوبوس برف زلزله سیل گندم برنج ' +
  'میوه کشاورز پزشک معلم دانشجو ورزشگاه فوتبال والیبال کوه دریا جنگل رودخانه پارک خیابان پل تونل سد نیروگاه ' +
  'خورشید ماهواره رایانه موزه کتابخانه سینما نمایشگاه جشنواره').split(' ');
/** A word no story contains. */
const ABSENT = 'هواپیما';


/** Words skewed towards the start of WORDS, so that some are common and some rare. */
function words(rand: () => number, n: number): string[] {
  return Array.from({ length: n }, () => WORDS[Math.floor(WORDS.length * rand() * rand())]!);
}

/** A story version: random words, sometimes the phrase «نمایشگاه کتاب», and a number unique to the version. */
function storyText(rand: () => number, marker: number): { headline: string; body: string[] } {
  const body = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => words(rand, 3 + Math.floor(rand() * 10)).join(' '));
  if (rand() < 0.3) body.push(`${words(rand, 2).join(' ')} نمایشگاه کتاب ${words(rand, 1).join(' ')}`);
  body.push(`شماره ${marker}`);
  return { headline: words(rand, 2 + Math.floor(rand() * 3)).join(' '), body };
}

/** Queries over the vocabulary: words, required and excluded words, phrases, prefixes, and nothing. */
const QUERIES = [
  'بازار', 'نفت', 'سینما', 'جشنواره', 'بازار طلا', 'کتاب دانشگاه مدرسه', 'پزشک بیمارستان کوه دریا',
  '+بازار نفت', '+طلا +کتاب', 'بازار -طلا', 'کتاب -"نمایشگاه کتاب"', '"نمایشگاه کتاب"', '"نمایشگاه کتاب" بازار',
  'کتاب*', 'دانش*', '+دانش* مدرسه', 'نفت -کتاب*', `${ABSENT}`, `${ABSENT} سینما`,
];

/** Every hit of a query (the stores here hold fewer than 1,000 stories). */
function search(store: Store, q: string): Promise<SearchResult> {
  return store.search({ q, limit: 1000 });
}

/** Same total, same stories (by uri) in the same order, same scores to 1e-9. */
function expectSameRanking(actual: SearchResult, expected: SearchResult, q: string): void {
  expect(actual.total, q).toBe(expected.total);
  expect(actual.hits.map((h) => h.story.uri), q).toEqual(expected.hits.map((h) => h.story.uri));
  actual.hits.forEach((h, i) => expect(Math.abs(h.score - expected.hits[i]!.score), `${q} #${i}`).toBeLessThan(1e-9));
}

/** The segments of a store file, read through a separate connection. */
function segments(file: string): Array<{ id: number; docs: number }> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT id, docs FROM search_segments ORDER BY id').all() as Array<{ id: number; docs: number }>;
  } finally {
    db.close();
  }
}

interface Tracked {
  uri: string;
  story: Story;
  /** Markers of every version written, the current one last. */
  markers: number[];
}

describe('ranked index through the store', () => {
  it('ranks after 200 small transactions (updates, kills, revivals, merges) exactly as one fresh import', async () => {
    const rand = seededRandom(20250321);
    const file = tempFile();
    const store = await openSqliteStore(file);
    const tracked: Tracked[] = [];
    let marker = 500_000;
    let maxSegments = 0;
    let kills = 0;
    let revivals = 0;
    const text = () => storyText(rand, ++marker);
    const pick = (ok: (t: Tracked) => boolean) => {
      const candidates = tracked.filter(ok);
      return candidates.length === 0 ? undefined : candidates[Math.floor(rand() * candidates.length)];
    };

    const compareWithFresh = async () => {
      const fresh = await openSqliteStore(':memory:');
      // In creation order, so that ids map monotonically and ties break the same way in both stores.
      await fresh.putStories(tracked.map((t) => t.story));
      for (const q of QUERIES) {
        const [got, want] = [await search(store, q), await search(fresh, q)];
        expectSameRanking(got, want, q);
        // Nothing stale: every hit is live, and is the latest version.
        for (const h of got.hits) {
          const t = tracked.find((x) => x.uri === h.story.uri)!;
          expect(h.story.pubStatus).toBe('usable');
          expect(h.story.body).toEqual(t.story.body);
        }
      }
      await fresh.close();
    };

    const TRANSACTIONS = 200;
    for (let tx = 0; tx < TRANSACTIONS; tx++) {
      const batch: Story[] = [];
      const ops = 1 + Math.floor(rand() * 5);
      for (let o = 0; o < ops; o++) {
        const r = rand();
        let t: Tracked | undefined;
        if (r < 0.5 || tracked.length < 5) {
          const uri = `urn:test:ranked:${tracked.length}`;
          const story = createStory({ uri, ...text() });
          t = { uri, story, markers: [marker] };
          tracked.push(t);
        } else if (r < 0.75 && (t = pick(() => true))) {
          // New text; a killed story stays killed.
          t.story = createStory({ uri: t.uri, pubStatus: t.story.pubStatus, ...text() });
          t.markers.push(marker);
        } else if (r < 0.88 && (t = pick((x) => x.story.pubStatus === 'usable'))) {
          t.story = { ...t.story, pubStatus: rand() < 0.8 ? 'canceled' : 'withheld' };
          kills++;
        } else if ((t = pick((x) => x.story.pubStatus !== 'usable'))) {
          // Revived, as it was or with new text.
          revivals++;
          if (rand() < 0.5) {
            t.story = { ...t.story, pubStatus: 'usable' };
          } else {
            t.story = createStory({ uri: t.uri, ...text() });
            t.markers.push(marker);
          }
        }
        if (t !== undefined) batch.push(t.story);
      }
      await store.putStories(batch);

      const segs = segments(file);
      maxSegments = Math.max(maxSegments, segs.length);
      // Size-tiered: after every transaction no level holds FANOUT segments.
      const perLevel = new Map<number, number>();
      for (const s of segs) perLevel.set(levelOf(s.docs), (perLevel.get(levelOf(s.docs)) ?? 0) + 1);
      for (const [level, n] of perLevel) expect(n, `level ${level} after transaction ${tx}`).toBeLessThan(FANOUT);
      if (tx % 50 === 49) {
        await compareWithFresh();
        // Every live story's row names an existing segment, and only the usable stories are live.
        const db = new Database(file, { readonly: true });
        const live = db.prepare('SELECT count(*) FROM search_docs WHERE segment != 0').pluck().get();
        const orphans = db.prepare(`SELECT count(*) FROM search_docs WHERE segment != 0
          AND segment NOT IN (SELECT id FROM search_segments)`).pluck().get();
        db.close();
        expect(live).toBe(tracked.filter((t) => t.story.pubStatus === 'usable').length);
        expect(orphans).toBe(0);
      }
    }

    // Merges happened, and the segment count stays bounded by (FANOUT − 1) per level.
    const bound = (FANOUT - 1) * (levelOf(tracked.length) + 1);
    expect(maxSegments).toBeLessThanOrEqual(bound);
    expect(segments(file).length).toBeLessThan(TRANSACTIONS / 4);
    expect(tracked.filter((t) => t.story.pubStatus === 'usable').length).toBeGreaterThan(50);
    expect(kills).toBeGreaterThan(30);
    expect(revivals).toBeGreaterThan(10);
    expect(tracked.some((t) => t.story.pubStatus !== 'usable')).toBe(true);
    expect(tracked.filter((t) => t.markers.length > 1).length).toBeGreaterThan(10);

    // Each version's own number finds the story only while it is that story's live, current version.
    for (const t of tracked) {
      for (const m of t.markers) {
        const r = await search(store, String(m));
        const live = t.story.pubStatus === 'usable' && m === t.markers.at(-1);
        expect(r.hits.map((h) => h.story.uri), `${t.uri} marker ${m}`).toEqual(live ? [t.uri] : []);
        expect(r.total).toBe(live ? 1 : 0);
      }
    }
    await store.close();
  });

  it('finds nothing for absent words, and answers phrases, prefixes and exclusions after merges', async () => {
    const store = await openSqliteStore(tempFile());
    const uri = (i: number) => `urn:test:forms:${i}`;
    // 120 one-story transactions: segments merge level after level.
    for (let i = 0; i < 120; i++) {
      const kind = i % 4;
      const body = kind === 0 ? 'افتتاح نمایشگاه کتاب در تبریز'
        : kind === 1 ? 'کتاب تازه در نمایشگاه عرضه شد'
          : kind === 2 ? 'کتابخانه مرکزی شهر بازسازی شد'
            : 'بازار طلا امروز آرام بود';
      await store.putStory(createStory({ uri: uri(i), headline: `خبر ${i}`, body: [body] }));
    }
    // Kill some of each kind, and turn some kind-0 stories into kind-3 text.
    await store.putStories([0, 1, 2, 3].map((i) => createStory({ uri: uri(i), headline: `خبر ${i}`, body: ['x'], pubStatus: 'canceled' })));
    await store.putStories([4, 8].map((i) => createStory({ uri: uri(i), headline: `خبر ${i}`, body: ['بازار طلا امروز آرام بود'] })));
    const ids = (r: SearchResult) => r.hits.map((h) => Number(h.story.uri.split(':').pop())).sort((a, b) => a - b);
    const kindOf = (i: number) => (i < 4 ? -1 : i === 4 || i === 8 ? 3 : i % 4);
    const all = Array.from({ length: 120 }, (_, i) => i);

    expect((await search(store, ABSENT)).total).toBe(0);
    expect((await search(store, `${ABSENT} ${ABSENT}ها`)).hits).toEqual([]);
    expect((await search(store, `+${ABSENT} کتاب`)).total).toBe(0);

    // The phrase: only kind 0 has «نمایشگاه کتاب» in that order (kind 1 has both words apart).
    const phrase = await search(store, '"نمایشگاه کتاب"');
    expect(ids(phrase)).toEqual(all.filter((i) => kindOf(i) === 0));
    expect(phrase.total).toBe(phrase.hits.length);
    expect(ids(await search(store, 'نمایشگاه'))).toEqual(all.filter((i) => kindOf(i) === 0 || kindOf(i) === 1));

    // The prefix reaches کتاب and کتابخانه; the word alone only کتاب.
    expect(ids(await search(store, 'کتاب*'))).toEqual(all.filter((i) => [0, 1, 2].includes(kindOf(i))));
    expect(ids(await search(store, 'کتاب'))).toEqual(all.filter((i) => [0, 1].includes(kindOf(i))));

    // Exclusions.
    expect(ids(await search(store, 'کتاب -تبریز'))).toEqual(all.filter((i) => kindOf(i) === 1));
    expect(ids(await search(store, 'کتاب* -نمایشگاه'))).toEqual(all.filter((i) => kindOf(i) === 2));
    expect(ids(await search(store, 'کتاب -"نمایشگاه کتاب"'))).toEqual(all.filter((i) => kindOf(i) === 1));
    expect(ids(await search(store, 'بازار -کتاب*'))).toEqual(all.filter((i) => kindOf(i) === 3));
    expect((await search(store, 'طلا -بازار')).total).toBe(0);
    await store.close();
  });

  it('ranks a large first import followed by small changes as one fresh import; a rolled-back batch leaves no trace', async () => {
    const rand = seededRandom(99);
    const store = await openSqliteStore(':memory:');
    const uri = (i: number) => `urn:test:big:${i}`;
    const current = new Map<string, Story>();
    const put = async (batch: Story[]) => {
      await store.putStories(batch);
      for (const st of batch) current.set(st.uri, st);
    };
    // One segment of level 3 (600 stories), then one-story changes that merge among themselves.
    await put(Array.from({ length: 600 }, (_, i) => createStory({ uri: uri(i), ...storyText(rand, 600_000 + i) })));
    for (let i = 0; i < 60; i++) {
      const target = Math.floor(rand() * 700);
      const old = current.get(uri(target));
      const killed = old !== undefined && old.pubStatus === 'usable' && rand() < 0.3;
      await put([killed ? { ...old, pubStatus: 'canceled' } : createStory({ uri: uri(target), ...storyText(rand, 700_000 + i) })]);
    }
    // A batch that fails on its last story (a story code never changes) rolls back whole.
    const before = await search(store, 'کارخانه');
    await expect(store.putStories([
      createStory({ uri: 'urn:test:big:ghost', headline: 'کارخانه کارخانه کارخانه', body: [] }),
      createStory({ uri: uri(1), headline: 'تکراری', body: [] }),
      { ...createStory({ uri: uri(2), headline: 'تکراری' }), code: 5 },
    ])).rejects.toMatchObject({ code: 'CONFLICT' });
    expectSameRanking(await search(store, 'کارخانه'), before, 'after rollback');
    expect((await search(store, 'تکراری')).total).toBe(0);

    const fresh = await openSqliteStore(':memory:');
    // In creation order (a Map keeps first-insertion order), so that ids map monotonically.
    await fresh.putStories([...current.values()]);
    for (const q of QUERIES) expectSameRanking(await search(store, q), await search(fresh, q), q);
    await fresh.close();
    await store.close();
  });

  it("a second connection's writes reach the first connection's next search", async () => {
    const file = tempFile();
    const a = await openSqliteStore(file);
    const b = await openSqliteStore(file);
    const s = (i: number, body: string, pubStatus: Story['pubStatus'] = 'usable') =>
      createStory({ uri: `urn:test:conn:${i}`, headline: `گزارش ${i}`, body: [body], pubStatus });
    await a.putStories([s(1, 'سیل در شمال'), s(2, 'زلزله در جنوب'), s(3, 'برف در کوه')]);
    const uris = async (store: Store, q: string) => (await search(store, q)).hits.map((h) => h.story.uri).sort();
    expect(await uris(a, 'سیل')).toEqual(['urn:test:conn:1']);
    expect(await uris(a, 'زلزله')).toEqual(['urn:test:conn:2']);

    // b adds one, changes one, kills one.
    await b.putStories([s(4, 'سیل در غرب'), s(2, 'خورشید در جنوب'), s(3, 'برف در کوه', 'canceled')]);
    expect(await uris(a, 'سیل')).toEqual(['urn:test:conn:1', 'urn:test:conn:4']);
    expect(await uris(a, 'زلزله')).toEqual([]);
    expect(await uris(a, 'خورشید')).toEqual(['urn:test:conn:2']);
    expect(await uris(a, 'برف')).toEqual([]);
    expect(await uris(a, '"برف در کوه"')).toEqual([]);

    // b revives; a kills; each sees the other's change.
    await b.putStory(s(3, 'برف در کوه'));
    expect(await uris(a, 'برف')).toEqual(['urn:test:conn:3']);
    await a.putStory(s(1, 'سیل در شمال', 'canceled'));
    expect(await uris(b, 'سیل')).toEqual(['urn:test:conn:4']);

    // Many writes from both connections (merges included): a, b and a new connection agree exactly.
    const rand = seededRandom(7);
    for (let round = 0; round < 40; round++) {
      const writer = rand() < 0.5 ? a : b;
      const batch = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
        const i = 5 + Math.floor(rand() * 60);
        return s(i, words(rand, 6).join(' '), rand() < 0.15 ? 'canceled' : 'usable');
      });
      await writer.putStories(batch);
      if (round % 8 !== 7) continue;
      const c = await openSqliteStore(file);
      for (const q of QUERIES) {
        const [ra, rb, rc] = [await search(a, q), await search(b, q), await search(c, q)];
        for (const r of [ra, rb]) {
          expect(r.total, q).toBe(rc.total);
          expect(r.hits.map((h) => [h.id, h.score]), q).toEqual(rc.hits.map((h) => [h.id, h.score]));
        }
      }
      await c.close();
    }
    // 44 writing transactions; merges keep it within (FANOUT − 1) per level.
    expect(segments(file).length).toBeLessThanOrEqual((FANOUT - 1) * (levelOf(65) + 1));
    await a.close();
    await b.close();
  });
});

describe('migration from schema v1', () => {
  /** Writes `stories` straight into a v1 database, rows as the v1 writer made them. */
  function buildV1(file: string, stories: Story[]): void {
    const db = new Database(file);
    try {
      expect(runMigrations(db, [migration001Initial])).toBe(1);
      const insertStory = db.prepare(`INSERT INTO stories (uri, code, source_name, source_id, service, agency, pub_status,
        published_at, version, story, content_hash, created_at, updated_at) VALUES (?, ?, NULL, NULL, ?, NULL, ?, ?, 1, ?, ?, ?, ?)`);
      const insertVersion = db.prepare('INSERT INTO story_versions (story_id, version, story, created_at) VALUES (?, 1, ?, ?)');
      const insertFts = db.prepare('INSERT INTO story_fts (rowid, head, body, exact) VALUES (?, ?, ?, ?)');
      db.transaction(() => {
        stories.forEach((input, i) => {
          const story = { ...input, code: 1_000_001 + i, version: 1 };
          const json = JSON.stringify(story);
          const at = Date.UTC(2025, 0, 1) + i * 60_000;
          const id = Number(insertStory.run(story.uri, story.code, story.service ?? null, story.pubStatus, at, json,
            `hash-${i}`, at, at).lastInsertRowid);
          insertVersion.run(id, json, at);
          if (story.pubStatus === 'usable') {
            const doc = indexDocument(story);
            insertFts.run(id, doc.head, doc.body, doc.exact);
          }
        });
      })();
    } finally {
      db.close();
    }
  }

  it('re-indexes the usable stories of a v1 database (several migration batches) and searches them', async () => {
    const rand = seededRandom(1404);
    const stories: Story[] = [];
    for (let i = 0; i < 2300; i++) {
      const status: Story['pubStatus'] = i % 10 === 3 ? 'canceled' : i % 10 === 7 ? 'withheld' : 'usable';
      stories.push(createStory({
        uri: `urn:test:v1:${i}`, headline: words(rand, 3).join(' '), service: 'سرویس آزمون', pubStatus: status,
        body: [`${words(rand, 8).join(' ')} شماره ${900_000 + i}`, i % 5 === 0 ? 'افتتاح نمایشگاه کتاب' : words(rand, 4).join(' ')],
      }));
    }
    const file = tempFile();
    buildV1(file, stories);

    const store = await openSqliteStore(file);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(SQLITE_SCHEMA_VERSION);
    expect(SQLITE_SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
    // Migration 3 gave every usable story one `published` event on the wire log.
    expect(raw.prepare(`SELECT count(*) FROM wire_events WHERE kind = 'published'`).pluck().get()).toBe(
      stories.filter((s) => s.pubStatus === 'usable').length);
    // Only the usable stories are in the index; the migration wrote more than one segment and merged none away wrongly.
    expect(raw.prepare('SELECT count(*) FROM search_docs WHERE segment != 0').pluck().get()).toBe(
      stories.filter((s) => s.pubStatus === 'usable').length);
    expect(raw.prepare('SELECT count(*) FROM search_docs WHERE segment = 0').pluck().get()).toBe(0);
    raw.close();

    // Each story by its own number: usable ones found, the others not.
    for (const i of [0, 1, 3, 7, 999, 1000, 1001, 1999, 2000, 2299, 2293, 2297]) {
      const r = await search(store, String(900_000 + i));
      expect(r.hits.map((h) => h.story.uri), `story ${i}`).toEqual(stories[i]!.pubStatus === 'usable' ? [stories[i]!.uri] : []);
    }
    // Words and phrases rank exactly as a fresh import of the same stories.
    const fresh = await openSqliteStore(':memory:');
    await fresh.putStories(stories);
    for (const q of QUERIES) expectSameRanking(await search(store, q), await search(fresh, q), q);
    const phrase = await search(store, '"نمایشگاه کتاب"');
    // Every usable fifth story has it (random words may make a few more).
    expect(phrase.total).toBeGreaterThanOrEqual(stories.filter((s, i) => i % 5 === 0 && s.pubStatus === 'usable').length);

    // The migrated store keeps working: a kill and an update are seen by the next search.
    await store.putStories([{ ...stories[0]!, pubStatus: 'canceled' }, { ...stories[1]!, body: ['رودخانه آرام است'] }]);
    expect((await search(store, '900000')).total).toBe(0);
    expect((await search(store, '900001')).total).toBe(0);
    expect((await search(store, '"رودخانه آرام است"')).hits.map((h) => h.story.uri)).toEqual([stories[1]!.uri]);
    await fresh.close();
    await store.close();
  });
});
