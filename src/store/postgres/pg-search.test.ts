/**
 * PostgreSQL ranking against SQLite's on the same stories: with the feedback re-weighting on (queries of
 * two or more words), the order and the scores must follow SQLite's ranked index. Also the weight
 * computation itself (pg-feedback.ts) on a hand-checked case. The comparison runs when
 * KHABAR_TEST_PG_URL is set, in a schema of its own that it drops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../story/index.js';
import { openSqliteStore } from '../sqlite/index.js';
import { searchSqlite } from '../sqlite/sqlite-search.js';
import type { Store } from '../store.js';
import { openPostgresStore } from './open-postgres-store.js';
import { feedbackWeightsPg, type FeedbackStory } from './pg-feedback.js';
import { dropSchema, freshSchema, pgDescribe, PG_TEST_URL } from '../../../test/support/postgres.js';

describe('feedbackWeightsPg', () => {
  it('weights should words by their share-weighted relative frequency times ln(N/df), λ-mixed', () => {
    const best: FeedbackStory[] = [
      { score: 3, length: 10, tf: { a: 2, b: 1 } },
      { score: 1, length: 5, tf: { a: 1 } },
    ];
    const w = feedbackWeightsPg(best, [{ term: 'a', df: 10 }, { term: 'b', df: 2 }], 100, 0.5)!;
    const va = ((0.75 * 2) / 10 + (0.25 * 1) / 5) * Math.log(100 / 10);
    const vb = ((0.75 * 1) / 10) * Math.log(100 / 2);
    expect(w.get('a')).toBeCloseTo(0.5 + (0.5 * 2 * va) / (va + vb), 12);
    expect(w.get('b')).toBeCloseTo(0.5 + (0.5 * 2 * vb) / (va + vb), 12);
  });

  it('says nothing without a positive first-pass score or any vote', () => {
    expect(feedbackWeightsPg([], [{ term: 'a', df: 1 }, { term: 'b', df: 1 }], 10, 0.5)).toBeUndefined();
    expect(feedbackWeightsPg([{ score: 1, length: 3, tf: {} }], [{ term: 'a', df: 1 }, { term: 'b', df: 1 }], 10, 0.5)).toBeUndefined();
  });
});

const url = PG_TEST_URL;
const describePg = pgDescribe('PostgreSQL ranking tests');

const WORDS = ['زعفران', 'صادرات', 'کشاورزی', 'بازار', 'قیمت', 'خراسان', 'باران', 'سد', 'آب', 'برداشت', 'کشاورزان', 'دولت'];

/** Stories mixing the words in different proportions and lengths, so that feedback changes the order. */
function stories() {
  const out = [];
  for (let n = 0; n < 40; n++) {
    const pick = (k: number) => WORDS[(n * 7 + k * 5) % WORDS.length]!;
    const body = [`${pick(0)} ${pick(1)} ${pick(1)} در ${pick(2)} و ${pick(3)}`, `${'گزارش '.repeat(n % 6)}${pick(n % 4)} ${pick(4)}`];
    out.push(createStory({
      uri: `urn:khabar:test:rank-${n}`, headline: `${pick(5)} ${n % 3 === 0 ? pick(0) : 'امروز'}`, body,
      source: { name: 'wire', id: `rank-${n}` },
      versionCreated: new Date(Date.UTC(2024, 2, 1, 8, n)).toISOString(),
    }));
  }
  return out;
}

describePg('PostgreSQL ranking follows SQLite', () => {
  const schema = freshSchema();
  const dir = mkdtempSync(join(tmpdir(), 'khabar-pg-rank-'));
  let lite: Store;
  let pgStore: Store;

  beforeAll(async () => {
    lite = await openSqliteStore(join(dir, 'rank.db'));
    pgStore = await openPostgresStore(url!, { schema, poolSize: 2 });
    await lite.putStories(stories());
    await pgStore.putStories(stories());
  });

  afterAll(async () => {
    await lite?.close();
    await pgStore?.close();
    rmSync(dir, { recursive: true, force: true });
    await dropSchema(schema);
  });

  const queries = ['زعفران صادرات', 'باران سد آب', 'قیمت بازار کشاورزی خراسان', 'زعفران +قیمت', 'برداشت کشاورزان -دولت', 'آب'];

  it('has queries whose order the feedback re-weighting changes (so that the comparison tests it)', () => {
    const db = new Database(join(dir, 'rank.db'), { readonly: true });
    try {
      const changed = queries.filter((q) => {
        const on = searchSqlite(db, { q, limit: 50 }).hits.map((h) => h.id).join();
        const off = searchSqlite(db, { q, limit: 50 }, { ranking: { feedbackDocs: 0 } }).hits.map((h) => h.id).join();
        return on !== off;
      });
      expect(changed.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  for (const q of queries) {
    it(`ranks «${q}» as SQLite does`, async () => {
      const a = await lite.search({ q, limit: 50 });
      const b = await pgStore.search({ q, limit: 50 });
      expect(b.total).toBe(a.total);
      expect(b.hits.map((h) => h.story.uri)).toEqual(a.hits.map((h) => h.story.uri));
      b.hits.forEach((h, i) => expect(h.score).toBeCloseTo(a.hits[i]!.score, 9));
    });
  }
});
