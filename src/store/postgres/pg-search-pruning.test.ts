/**
 * Pruned PostgreSQL ranking (pg-search-pruning.ts) against the unpruned reference (tuning `prune: false`,
 * pg-search-reference.ts, which scores every match): for hand-written Persian queries and fast-check
 * queries mixing very common and rare words with required, excluded, phrase, prefix and filter clauses
 * and offsets, the ids, their order and the total must be the same and the scores equal to 1e-9
 * (relative). The archive has exact copies of stories, so tied scores (and their order by id) are
 * tested too, and some stories have later versions (rewritten, withheld, killed). Also: pruning really
 * leaves stories unscored, and `related` prunes to the same answer.
 * Runs when KHABAR_TEST_PG_URL is set, in a schema of its own that it drops.
 */
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyzedQueryOf, type SearchRequest } from '../../search/index.js';
import { createStory, type Story } from '../../story/index.js';
import type { Store } from '../store.js';
import { openPostgresStore } from './open-postgres-store.js';
import { openPgDb, type PgDb } from './pg-db.js';
import type { PgRankingTuning } from './pg-feedback.js';
import { relatedPg, searchPg } from './pg-search.js';
import { dropSchema, freshSchema, pgDescribe, PG_TEST_URL } from '../../../test/support/postgres.js';

/** In nearly every story / in many / in a few: the mix that makes MaxScore prune. */
const COMMON = ['ایران', 'کشور', 'سال', 'مردم', 'دولت', 'گزارش'];
const MEDIUM = ['بازار', 'قیمت', 'مجلس', 'دانشگاه', 'ورزش', 'فوتبال', 'نفت', 'باران', 'کتاب', 'صادرات', 'کشاورزی', 'سینما'];
const RARE = ['زعفران', 'زلزله', 'کنسرت', 'موزه', 'دریاچه', 'کوهستان', 'نمایشگاه', 'جنگل', 'سیل', 'طلا'];
const SERVICES = ['اقتصادی', 'ورزشی', 'فرهنگی', 'سیاسی'];
const AGENCIES = ['خبرگزاری آران', 'خبرگزاری تیرا'];
const TAGS = ['آب', 'انرژی', 'هنر'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** 420 stories: words drawn by tier, lengths from a line to several paragraphs, every 12th an exact copy. */
function archive(): Story[] {
  const r = rng(1403);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const word = () => {
    const x = r();
    return x < 0.55 ? pick(COMMON) : x < 0.93 ? pick(MEDIUM) : pick(RARE);
  };
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  const out: Story[] = [];
  for (let i = 0; i < 420; i++) {
    const copyOf = i % 12 === 11 ? out[i - 7]! : undefined;
    const paragraphs = Math.floor(r() * 4);
    out.push(createStory({
      headline: copyOf?.headline ?? `${sentence(2 + Math.floor(r() * 4))} در ${pick(RARE)}`,
      body: copyOf?.body ?? Array.from({ length: paragraphs }, () => sentence(5 + Math.floor(r() * 30))),
      service: copyOf?.service ?? pick(SERVICES), agency: copyOf?.agency ?? pick(AGENCIES),
      keywords: copyOf?.keywords ?? (r() < 0.4 ? [pick(TAGS)] : []),
      source: { name: 'prune', id: String(i) },
      versionCreated: new Date(Date.UTC(2024, 0, 1) + i * 6 * 3_600_000).toISOString(),
    }));
  }
  return out;
}

const describePg = pgDescribe('PostgreSQL pruning tests');

describePg('pruned PostgreSQL ranking equals scoring every match', () => {
  const schema = freshSchema();
  let store: Store;
  let db: PgDb;
  let ids: number[] = [];

  beforeAll(async () => {
    store = await openPostgresStore(PG_TEST_URL!, { schema, poolSize: 2 });
    await store.putStories(archive());
    db = await openPgDb(PG_TEST_URL!, { schema, poolSize: 2 });
    ids = (await db.query<{ id: string }>('SELECT id FROM stories ORDER BY id')).map((r) => Number(r.id));
    // Later versions: rewritten, withheld and killed stories change term_stats, which ranking and counts read.
    for (const [i, id] of ids.filter((_, i) => i % 13 === 5).entries()) {
      const story = (await store.getStory({ id }))!.story;
      const change = i % 3 === 0 ? { body: [...story.body, 'زعفران و دریاچه در گزارش ایران'] }
        : i % 3 === 1 ? { pubStatus: 'canceled' as const } : { pubStatus: 'withheld' as const, headline: `${story.headline} طلا` };
      await store.putStory({ ...story, ...change });
    }
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await db?.close();
    await dropSchema(schema);
  });

  async function same(request: SearchRequest, tuning: Partial<PgRankingTuning> = {}): Promise<void> {
    const pruned = await searchPg(db, { ...request, bodies: false }, tuning);
    const full = await searchPg(db, { ...request, bodies: false }, { ...tuning, prune: false });
    const what = JSON.stringify({ request, tuning });
    expect(pruned.total, what).toBe(full.total);
    expect(pruned.hits.map((h) => h.id), what).toEqual(full.hits.map((h) => h.id));
    pruned.hits.forEach((h, i) => {
      const ref = full.hits[i]!.score;
      expect(Math.abs(h.score - ref), `${what} #${i}`).toBeLessThanOrEqual(1e-9 * Math.abs(ref));
    });
  }

  const written = [
    'زعفران', 'زعفران ایران', 'ایران کشور سال', 'زلزله مردم دولت', 'بازار قیمت طلا', 'نفت صادرات ایران کشور',
    'کنسرت سینما سال', '+بازار زعفران', '+ایران موزه نمایشگاه', 'باران سیل -دولت', 'زعفران -ایران',
    '"بازار قیمت"', '"ایران کشور" زلزله', 'کشا* سال', 'زعف* ایران', '+دانش* ورزش', 'فوتبال -کشو*',
    'سال service:ورزشی', 'ایران زعفران agency:«خبرگزاری آران»', 'مردم کتاب tag:هنر', 'دریاچه جنگل کوهستان سیل طلا',
    'ایران کشور سال مردم دولت گزارش', 'از این که',
  ];
  for (const q of written) {
    it(`ranks «${q}» as the unpruned search, on every page`, async () => {
      for (const [limit, offset] of [[10, 0], [5, 7], [1, 0], [40, 3], [10, 200]] as const) {
        for (const pool of [0, 12, 200]) await same({ q, limit, offset }, { pool });
      }
    });
  }

  it('has tied scores on its pages (the copies), so that the order of ties is compared too', async () => {
    const { hits } = await searchPg(db, { q: 'زعفران ایران', limit: 100, bodies: false });
    const ties = hits.slice(1).filter((h, i) => h.score === hits[i]!.score);
    expect(ties.length).toBeGreaterThan(3);
    hits.slice(1).forEach((h, i) => { if (h.score === hits[i]!.score) expect(h.id).toBeGreaterThan(hits[i]!.id); });
  });

  it('ranks generated queries as the unpruned search', async () => {
    const any = [...COMMON, ...MEDIUM, ...RARE];
    const clause = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...COMMON, ...COMMON, ...RARE, ...MEDIUM) },
      { weight: 1, arbitrary: fc.constantFrom(...any).map((w) => `+${w}`) },
      { weight: 1, arbitrary: fc.constantFrom(...any).map((w) => `-${w}`) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...any), fc.constantFrom(...any)).map(([a, b]) => `"${a} ${b}"`) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...any), fc.constantFrom('', '+', '-')).map(([w, op]) => `${op}${w.slice(0, 3)}*`) },
      { weight: 1, arbitrary: fc.constantFrom(...SERVICES.map((s) => `service:${s}`), `agency:«${AGENCIES[1]}»`, ...TAGS.map((t) => `tag:${t}`)) },
    );
    // Other knobs than the store's too (the evaluation varies them): a strong boost makes its bound matter.
    // A small first-pass pool makes this archive take every path: rounds, the pool answering the second
    // pass, and the second pass scoring on.
    const pool = fc.constantFrom(0, 0, 12, 200);
    const tuning = fc.oneof(
      { weight: 3, arbitrary: fc.record({ pool }) },
      { weight: 1, arbitrary: fc.record({ pool, coordBoost: fc.constantFrom(0, 1, 3), feedbackDocs: fc.constantFrom(0, 3, 10), feedbackLambda: fc.constantFrom(0.5, 0.9) }) },
    );
    await fc.assert(fc.asyncProperty(
      fc.array(clause, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 40 }), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })), tuning,
      async (clauses, limit, offset, t) => same({ q: clauses.join(' '), limit, offset }, t)), { numRuns: 300 });
  }, 300_000);

  it('leaves the matches of a common word unscored when rare words fill the page', async () => {
    const statements: Array<{ text: string; values: unknown[] }> = [];
    const traced: PgDb = {
      ...db,
      tx: (fn) => db.tx((client) => fn(new Proxy(client, {
        get(target, key, receiver) {
          if (key !== 'query') return Reflect.get(target, key, receiver) as unknown;
          return (text: string, values: unknown[]) => {
            statements.push({ text, values });
            return target.query(text, values);
          };
        },
      }) as pg.PoolClient)),
    };
    const q = 'زعفران ایران';
    const [rare, common] = analyzedQueryOf({ q }).should;
    const result = await searchPg(traced, { q, limit: 5 });
    const reference = await searchPg(db, { q, limit: 5 }, { prune: false });
    expect(result.hits.map((h) => h.id)).toEqual(reference.hits.map((h) => h.id));
    const scoring = statements.filter((s) => /ORDER BY score DESC/.test(s.text));
    expect(scoring.length).toBeGreaterThan(0);
    const tsqueries = scoring.flatMap((s) => s.values).filter((v): v is string => typeof v === 'string');
    expect(tsqueries.some((v) => v.includes(`'${rare}'`))).toBe(true);
    expect(tsqueries.some((v) => v.includes(`'${common}'`) && !v.includes(`'${rare}'`))).toBe(false);
    // The count still covers every story holding either word.
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM stories WHERE fa @@ $1::tsquery`, [`'${rare}' | '${common}'`]) as [{ n: number }];
    expect(result.total).toBe(n);
    expect(n).toBeGreaterThan(300);
  });

  it('finds the same related stories pruned as unpruned', async () => {
    for (const id of ids.filter((_, i) => i % 37 === 0)) {
      const pruned = await relatedPg(db, id, 8);
      const full = await relatedPg(db, id, 8, { prune: false });
      expect(pruned.map((h) => h.id)).toEqual(full.map((h) => h.id));
      pruned.forEach((h, i) => expect(Math.abs(h.score - full[i]!.score)).toBeLessThanOrEqual(1e-9 * full[i]!.score));
    }
  });
});
