/**
 * The Store conformance suite (DESIGN.md §3 "Scale": the same cases run on every adapter). Written once;
 * each adapter's test file calls {@link describeStoreConformance} with a way to open an empty store.
 * Cases under "search (needs sqlite-search)" exercise the search code through the Store interface.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isKhabarError, type KhabarErrorCode } from '../../errors/index.js';
import { createStory, type Story } from '../../story/index.js';
import type { Store } from '../store.js';
import { plainStory, richStory, sourceStories } from './fixtures.js';

/** The first code a store assigns to a story that has none (see the sqlite schema notes). */
const FIRST_ASSIGNED_CODE = 1_000_001;

async function expectError(p: Promise<unknown>, code: KhabarErrorCode, match?: RegExp): Promise<Record<string, unknown>> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(isKhabarError(e, code), `expected KhabarError ${code}, got ${String(e)}`).toBe(true);
  if (match) expect((e as Error).message).toMatch(match);
  return ((e as { details?: Record<string, unknown> }).details ?? {});
}

/**
 * Registers the conformance suite for one Store implementation.
 * @param name shown in the test names, e.g. `sqlite :memory:`.
 * @param open returns a new, empty store for each case.
 * @param close disposes of a store after each case (default: `store.close()`).
 */
export function describeStoreConformance(
  name: string,
  open: () => Promise<Store>,
  close: (store: Store) => Promise<void> = (s) => s.close(),
): void {
  describe(`Store conformance: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await close(store);
    });

    describe('puts and gets', () => {
      it('round-trips every Story field of a rich Persian story, by id, uri, code and source', async () => {
        const story = richStory();
        const r = await store.putStory(story);
        expect(r).toEqual({ id: r.id, version: 1, status: 'created', code: 4_200_017 });
        const byId = await store.getStory({ id: r.id });
        expect(byId).toEqual({ id: r.id, story });
        expect(await store.getStory({ uri: story.uri })).toEqual(byId);
        expect(await store.getStory({ code: 4_200_017 })).toEqual(byId);
        expect(await store.getStory({ source: { name: 'wire', id: 'aran-1403-12-14-017.txt' } })).toEqual(byId);
        expect(await store.getVersions(r.id)).toEqual([story]);
        expect(await store.countStories()).toBe(1);
      });

      it('returns undefined or empty for unknown stories', async () => {
        await store.putStory(plainStory());
        expect(await store.getStory({ id: 987_654 })).toBeUndefined();
        expect(await store.getStory({ uri: 'urn:khabar:story:nowhere' })).toBeUndefined();
        expect(await store.getStory({ code: 55 })).toBeUndefined();
        expect(await store.getStory({ source: { name: 'wire', id: 'missing' } })).toBeUndefined();
        expect(await store.getVersions(987_654)).toEqual([]);
      });

      it('assigns codes from 1,000,001 up to stories without one, skipping codes already taken', async () => {
        const a = await store.putStory(plainStory());
        const taken = await store.putStory(plainStory({ code: FIRST_ASSIGNED_CODE + 1 }));
        const b = await store.putStory(plainStory());
        expect([a.code, taken.code, b.code]).toEqual([FIRST_ASSIGNED_CODE, FIRST_ASSIGNED_CODE + 1, FIRST_ASSIGNED_CODE + 2]);
        expect((await store.getStory({ id: a.id }))!.story.code).toBe(FIRST_ASSIGNED_CODE);
        expect((await store.getStory({ code: FIRST_ASSIGNED_CODE + 2 }))!.id).toBe(b.id);
      });

      it('gives distinct stories distinct, stable ids', async () => {
        const rs = await store.putStories([plainStory(), plainStory(), plainStory()]);
        expect(new Set(rs.map((r) => r.id)).size).toBe(3);
        expect(rs.map((r) => r.status)).toEqual(['created', 'created', 'created']);
      });
    });

    describe('versions and identity', () => {
      it('stores a changed story as the next version and keeps every version, oldest first', async () => {
        const v1 = plainStory({ headline: 'نرخ تورم ماهانه اعلام شد' });
        const r1 = await store.putStory(v1);
        const v2 = { ...v1, headline: 'نرخ تورم ماهانه اعلام شد؛ کاهش دو دهم درصدی' };
        const r2 = await store.putStory(v2);
        const r3 = await store.putStory({ ...v2, body: [...v2.body, 'جزئیات بیشتر در گزارش بعدی.'] });
        expect([r2.status, r2.id, r2.version, r2.code]).toEqual(['updated', r1.id, 2, r1.code]);
        expect([r3.status, r3.version]).toEqual(['updated', 3]);
        const versions = await store.getVersions(r1.id);
        expect(versions.map((s) => s.version)).toEqual([1, 2, 3]);
        expect(versions.map((s) => s.headline)).toEqual([v1.headline, v2.headline, v2.headline]);
        const latest = await store.getStory({ id: r1.id });
        expect(latest!.story.version).toBe(3);
        expect(latest!.story.body).toHaveLength(2);
        expect(await store.countStories()).toBe(1);
      });

      it('writes nothing for an identical story (idempotent imports), whatever its version field says', async () => {
        const s = plainStory();
        const r1 = await store.putStory(s);
        const again = await store.putStory(s);
        const otherVersion = await store.putStory({ ...s, version: 7 });
        const withCode = await store.putStory({ ...s, code: r1.code });
        for (const r of [again, otherVersion, withCode]) expect(r).toEqual({ ...r1, status: 'unchanged' });
        expect(await store.getVersions(r1.id)).toHaveLength(1);
        expect(await store.countStories()).toBe(1);
      });

      it('identifies an imported story by source even when its uri changes', async () => {
        const a = createStory({ headline: 'افتتاح کتابخانهٔ عمومی در یزد', source: { name: 'csv', id: 'row-12' } });
        const b = createStory({ headline: 'افتتاح کتابخانهٔ عمومی در یزد با حضور استاندار', source: { name: 'csv', id: 'row-12' } });
        expect(a.uri).not.toBe(b.uri);
        const ra = await store.putStory(a);
        const rb = await store.putStory(b);
        expect([rb.id, rb.status, rb.version]).toEqual([ra.id, 'updated', 2]);
        expect((await store.getStory({ source: { name: 'csv', id: 'row-12' } }))!.story.headline).toBe(b.headline);
        expect((await store.getStory({ uri: b.uri }))!.id).toBe(ra.id);
        // The same id at another source is another story.
        const rc = await store.putStory(createStory({ headline: a.headline, uri: 'urn:x:other', source: { name: 'rss', id: 'row-12' } }));
        expect(rc.status).toBe('created');
        expect(await store.countStories()).toBe(2);
      });

      it('identifies a story without source by uri', async () => {
        const s = plainStory({ uri: 'urn:khabar:story:uri-identity' });
        const r1 = await store.putStory(s);
        const r2 = await store.putStory({ ...s, lead: 'لید تازه برای نسخهٔ دوم.' });
        expect([r2.id, r2.status]).toEqual([r1.id, 'updated']);
      });

      it('refuses a new story whose uri or code belongs to another story, writing nothing', async () => {
        const first = await store.putStory(plainStory({ uri: 'urn:khabar:story:taken', code: 3_000_003 }));
        const d1 = await expectError(store.putStory(createStory({
          headline: 'خبر دیگر', uri: 'urn:khabar:story:taken', source: { name: 'rss', id: '9' },
        })), 'CONFLICT', /urn:khabar:story:taken/);
        expect(d1['conflictingId']).toBe(first.id);
        await expectError(store.putStory(plainStory({ code: 3_000_003 })), 'CONFLICT', /3000003/);
        // A story's code never changes.
        await expectError(store.putStory(plainStory({ uri: 'urn:khabar:story:taken', code: 3_000_004, headline: 'تیتر نو' })),
          'CONFLICT', /code/);
        // A new version (same source) may not take another story's uri either.
        const src = createStory({ headline: 'خبر منبع‌دار', uri: 'urn:khabar:story:own', source: { name: 'rss', id: '10' } });
        await store.putStory(src);
        await expectError(store.putStory({ ...src, uri: 'urn:khabar:story:taken', lead: 'لید' }), 'CONFLICT', /taken/);
        expect(await store.countStories()).toBe(2);
        expect(await store.getVersions(first.id)).toHaveLength(1);
      });

      it('puts a batch all or nothing, results in input order', async () => {
        await store.putStory(plainStory({ code: 3_000_005 }));
        const batch = [plainStory(), plainStory(), plainStory({ code: 3_000_005 }), plainStory()];
        await expectError(store.putStories(batch), 'CONFLICT');
        expect(await store.countStories()).toBe(1);
        const ok = await store.putStories([batch[0]!, batch[1]!, batch[0]!, { ...batch[1]!, lead: 'لید' }]);
        expect(ok.map((r) => r.status)).toEqual(['created', 'created', 'unchanged', 'updated']);
        expect(ok[2]!.id).toBe(ok[0]!.id);
        expect(ok[3]!.id).toBe(ok[1]!.id);
        expect(await store.putStories([])).toEqual([]);
      });

      it('survives many concurrent putStories calls with overlapping stories', async () => {
        const shared = sourceStories('shared', 20);
        const calls = Array.from({ length: 12 }, (_, i) => store.putStories([...sourceStories(`feed-${i}`, 25), ...shared]));
        const results = await Promise.all(calls);
        expect(await store.countStories()).toBe(12 * 25 + 20);
        const sharedIds = results.map((rs) => rs.slice(25).map((r) => r.id).join());
        expect(new Set(sharedIds).size).toBe(1);
        expect(results.flat().filter((r) => r.status === 'created')).toHaveLength(12 * 25 + 20);
        const codes = new Set(results.flat().map((r) => r.code));
        expect(codes.size).toBe(12 * 25 + 20);
      });
    });

    describe('bad input', () => {
      it('refuses an invalid story with INVALID_INPUT naming the field', async () => {
        const bad = { ...plainStory(), body: ['یک', 42] } as unknown as Story;
        const d = await expectError(store.putStory(bad), 'INVALID_INPUT', /story\.body\[1\]/);
        expect(d['field']).toBe('story.body[1]');
        const d2 = await expectError(store.putStories([plainStory(), { ...plainStory(), pubStatus: 'killed' } as unknown as Story]),
          'INVALID_INPUT', /stories\[1\].*story\.pubStatus/);
        expect(d2['field']).toBe('story.pubStatus');
        expect(await store.countStories()).toBe(0);
      });

      it('refuses bad list queries with INVALID_INPUT naming the field', async () => {
        expect((await expectError(store.listStories({ limit: 0 }), 'INVALID_INPUT'))['field']).toBe('query.limit');
        expect((await expectError(store.listStories({ limit: 1001 }), 'INVALID_INPUT'))['field']).toBe('query.limit');
        expect((await expectError(store.listStories({ offset: -1 }), 'INVALID_INPUT'))['field']).toBe('query.offset');
        expect((await expectError(store.listStories({ from: 'دیروز' }), 'INVALID_INPUT'))['field']).toBe('query.from');
        expect((await expectError(store.listStories({ pubStatus: [] }), 'INVALID_INPUT'))['field']).toBe('query.pubStatus');
      });
    });

    describe('wire log', () => {
      it('logs every version subscribers must see, in order, with the version as it was', async () => {
        expect(await store.lastWireSeq()).toBe(0);
        const first = plainStory({ headline: 'نخست' });
        const a = await store.putStory(first);
        const held = await store.putStory(plainStory({ headline: 'در انتظار', pubStatus: 'withheld' }));
        expect((await store.putStory(first)).status).toBe('unchanged'); // nothing new on the wire
        const story = (await store.getStory({ id: a.id }))!.story;
        await store.putStory({ ...story, headline: 'نخست، اصلاح شده' });
        await store.putStory({ ...story, headline: 'نخست، اصلاح شده', pubStatus: 'canceled' });
        const heldStory = (await store.getStory({ id: held.id }))!.story;
        await store.putStory({ ...heldStory, pubStatus: 'usable' });
        const events = await store.wireEvents(0);
        expect(events.map((e) => [e.kind, e.id, e.story.version, e.story.headline])).toEqual([
          ['published', a.id, 1, 'نخست'],
          ['updated', a.id, 2, 'نخست، اصلاح شده'],
          ['killed', a.id, 3, 'نخست، اصلاح شده'],
          ['published', held.id, 2, 'در انتظار'],
        ]);
        const seqs = events.map((e) => e.seq);
        expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
        expect(new Set(seqs).size).toBe(4);
        expect(await store.lastWireSeq()).toBe(seqs[3]);
        expect(Number.isNaN(Date.parse(events[0]!.at))).toBe(false);
        expect((await store.wireEvents(seqs[1]!)).map((e) => e.seq)).toEqual(seqs.slice(2));
        expect((await store.wireEvents(0, 2)).map((e) => e.seq)).toEqual(seqs.slice(0, 2));
        expect(await store.wireEvents(seqs[3]!)).toEqual([]);
      });

      it('refuses a bad cursor or page size with INVALID_INPUT', async () => {
        expect((await expectError(store.wireEvents(-1), 'INVALID_INPUT'))['field']).toBe('after');
        expect((await expectError(store.wireEvents(1.5), 'INVALID_INPUT'))['field']).toBe('after');
        expect((await expectError(store.wireEvents('3' as unknown as number), 'INVALID_INPUT'))['field']).toBe('after');
        expect((await expectError(store.wireEvents(0, 0), 'INVALID_INPUT'))['field']).toBe('limit');
        expect((await expectError(store.wireEvents(0, 1001), 'INVALID_INPUT'))['field']).toBe('limit');
      });
    });

    describe('lists and counts', () => {
      async function putDesk(): Promise<number[]> {
        const day = (d: number) => `2025-01-${String(d).padStart(2, '0')}T08:00:00Z`;
        const rs = await store.putStories([
          plainStory({ headline: 'یک', service: 'سرویس فرهنگی', agency: 'خبرگزاری آران', keywords: ['کتاب'], versionCreated: day(1) }),
          plainStory({ headline: 'دو', service: 'سرویس فرهنگی', agency: 'خبرگزاری البرز', keywords: ['سینما', 'کتاب'], versionCreated: day(2) }),
          plainStory({ headline: 'سه', service: 'سرویس ورزشی', agency: 'خبرگزاری آران', keywords: ['فوتبال'], firstCreated: day(3) }),
          plainStory({ headline: 'چهار', service: 'سرویس فرهنگی', agency: 'خبرگزاری آران', versionCreated: day(4) }),
          plainStory({ headline: 'پنج', service: 'سرویس ورزشی', pubStatus: 'withheld', versionCreated: day(5) }),
          plainStory({ headline: 'شش', service: 'سرویس ورزشی', pubStatus: 'canceled', versionCreated: day(6) }),
        ]);
        return rs.map((r) => r.id);
      }
      const heads = (r: { items: Array<{ story: Story }> }) => r.items.map((i) => i.story.headline);

      it('lists usable stories newest first with a total, and pages', async () => {
        await putDesk();
        const all = await store.listStories();
        expect(heads(all)).toEqual(['چهار', 'سه', 'دو', 'یک']);
        expect(all.total).toBe(4);
        const page = await store.listStories({ limit: 2, offset: 1 });
        expect([heads(page), page.total]).toEqual([['سه', 'دو'], 4]);
        expect(await store.listStories({ offset: 10 })).toEqual({ items: [], total: 4 });
      });

      it('orders stories with equal times by id, newest id first', async () => {
        const t = '2025-02-01T10:00:00Z';
        const rs = await store.putStories([plainStory({ versionCreated: t }), plainStory({ versionCreated: t })]);
        expect((await store.listStories()).items.map((i) => i.id)).toEqual([rs[1]!.id, rs[0]!.id]);
      });

      it('filters by service, agency, tag, date range and status', async () => {
        await putDesk();
        expect(heads(await store.listStories({ service: 'سرویس فرهنگی' }))).toEqual(['چهار', 'دو', 'یک']);
        expect(heads(await store.listStories({ agency: 'خبرگزاری آران' }))).toEqual(['چهار', 'سه', 'یک']);
        expect(heads(await store.listStories({ tag: 'کتاب' }))).toEqual(['دو', 'یک']);
        expect(heads(await store.listStories({ service: 'سرویس فرهنگی', agency: 'خبرگزاری آران', tag: 'کتاب' }))).toEqual(['یک']);
        expect(heads(await store.listStories({ from: '2025-01-02T08:00:00Z', to: '2025-01-03T08:00:00Z' }))).toEqual(['سه', 'دو']);
        expect(heads(await store.listStories({ from: '2025-01-02T12:00:00+03:30' }))).toEqual(['چهار', 'سه']);
        expect(heads(await store.listStories({ pubStatus: ['canceled'] }))).toEqual(['شش']);
        const any = await store.listStories({ pubStatus: ['usable', 'withheld', 'canceled'], service: 'سرویس ورزشی' });
        expect([heads(any), any.total]).toEqual([['شش', 'پنج', 'سه'], 3]);
        expect(await store.listStories({ service: 'سرویس ناموجود' })).toEqual({ items: [], total: 0 });
      });

      it('counts services and agencies of usable stories, most first', async () => {
        await putDesk();
        expect(await store.services()).toEqual([{ name: 'سرویس فرهنگی', count: 3 }, { name: 'سرویس ورزشی', count: 1 }]);
        expect(await store.agencies()).toEqual([{ name: 'خبرگزاری آران', count: 3 }, { name: 'خبرگزاری البرز', count: 1 }]);
        expect(await store.countStories()).toBe(6);
      });

      it('drops a killed story from lists and counts, keeping its versions', async () => {
        const ids = await putDesk();
        const story = (await store.getStory({ id: ids[3]! }))!.story;
        const r = await store.putStory({ ...story, pubStatus: 'canceled', edNote: 'این خبر به دلیل خطا حذف شد.' });
        expect([r.status, r.version]).toEqual(['updated', 2]);
        expect(heads(await store.listStories())).toEqual(['سه', 'دو', 'یک']);
        expect(await store.services()).toEqual([{ name: 'سرویس فرهنگی', count: 2 }, { name: 'سرویس ورزشی', count: 1 }]);
        expect((await store.getVersions(ids[3]!)).map((s) => s.pubStatus)).toEqual(['usable', 'canceled']);
        expect((await store.getStory({ id: ids[3]! }))!.story.pubStatus).toBe('canceled');
      });
    });

    // These cases run the search code (src/store/sqlite/sqlite-search.ts for SQLite) through the Store.
    describe('search (needs sqlite-search)', () => {
      const ids = (r: { hits: Array<{ id: number }> }) => r.hits.map((h) => h.id);

      it('finds a stored story by a word of its headline', async () => {
        const r = await store.putStory(plainStory({ headline: 'زلزلهٔ خفیف در حوالی کرمان', body: ['خسارتی گزارش نشده است.'] }));
        await store.putStory(plainStory());
        const res = await store.search({ q: 'کرمان' });
        expect(ids(res)).toEqual([r.id]);
        expect(res.total).toBe(1);
        expect(res.hits[0]!.story.headline).toBe('زلزلهٔ خفیف در حوالی کرمان');
      });

      it('returns summaries without bodies on request, ranked the same; highlights still come from the body', async () => {
        await store.putStory(plainStory({ headline: 'بارش برف در گردنهٔ حیران', body: ['برف گردنه را بست.', 'راهداران در حال کارند.'] }));
        await store.putStory(plainStory({ headline: 'گردشگری زمستانی', body: ['برف امسال زودتر آمد.'] }));
        const full = await store.search({ q: 'برف' });
        const lite = await store.search({ q: 'برف', bodies: false });
        expect(ids(lite)).toEqual(ids(full));
        expect([lite.total, lite.hits.map((h) => h.score)]).toEqual([full.total, full.hits.map((h) => h.score)]);
        expect(full.hits.every((h) => h.story.body.length > 0)).toBe(true);
        expect(lite.hits.every((h) => h.story.body.length === 0 && h.story.headline.length > 0)).toBe(true);
        const lit = await store.search({ q: 'راهداران', bodies: false, highlight: true });
        expect(lit.hits[0]!.highlights!.some((h) => h.field === 'body')).toBe(true);
        expect(lit.hits[0]!.story.body).toEqual([]);
        await expectError(store.search({ q: 'برف', bodies: 'no' as unknown as boolean }), 'INVALID_INPUT', /bodies must be true or false/);
      });

      it('does not find a killed or withheld story', async () => {
        const s = plainStory({ headline: 'آتش‌سوزی در انبار کاغذ تبریز' });
        const r = await store.putStory(s);
        expect(ids(await store.search({ q: 'تبریز' }))).toEqual([r.id]);
        await store.putStory({ ...s, pubStatus: 'canceled' });
        expect(await store.search({ q: 'تبریز' })).toMatchObject({ total: 0, hits: [] });
        await store.putStory({ ...s, pubStatus: 'usable', lead: 'نسخهٔ اصلاح‌شده.' });
        expect(ids(await store.search({ q: 'تبریز' }))).toEqual([r.id]);
        await store.putStory({ ...s, pubStatus: 'withheld' });
        expect((await store.search({ q: 'تبریز' })).total).toBe(0);
      });

      it('finds a new version by its new words only', async () => {
        const s = plainStory({ headline: 'بازگشایی جادهٔ چالوس', body: ['جاده پس از برف باز شد.'] });
        const r = await store.putStory(s);
        await store.putStory({ ...s, headline: 'بازگشایی جادهٔ هراز', body: ['جاده پس از ریزش کوه باز شد.'] });
        expect((await store.search({ q: 'چالوس' })).total).toBe(0);
        expect(ids(await store.search({ q: 'هراز' }))).toEqual([r.id]);
      });

      it('filters by service: in the query and by the request field', async () => {
        const a = await store.putStory(plainStory({ headline: 'جشنوارهٔ فیلم کودک در اصفهان', service: 'سرویس فرهنگی' }));
        await store.putStory(plainStory({ headline: 'دیدار تیم‌های اصفهان در لیگ', service: 'سرویس ورزشی' }));
        expect((await store.search({ q: 'اصفهان' })).total).toBe(2);
        expect(ids(await store.search({ q: 'اصفهان service:"سرویس فرهنگی"' }))).toEqual([a.id]);
        expect(ids(await store.search({ q: 'اصفهان', service: 'سرویس فرهنگی' }))).toEqual([a.id]);
      });

      it('matches «همکاری های» (space) to «همکاری‌های» (ZWNJ)', async () => {
        const r = await store.putStory(plainStory({ headline: 'همکاری‌های علمی دانشگاه‌های دو کشور گسترش می‌یابد' }));
        await store.putStory(plainStory({ headline: 'همکاری تازه در صنعت فولاد' }));
        expect(ids(await store.search({ q: '«همکاری های»' }))).toEqual([r.id]);
      });

      it('relates stories by shared words, never the story itself', async () => {
        const a = await store.putStory(plainStory({ headline: 'کم‌آبی سد زاینده‌رود و کشاورزان اصفهان', body: ['کشاورزان خواستار رهاسازی آب سد شدند.'] }));
        const b = await store.putStory(plainStory({ headline: 'رهاسازی آب سد زاینده‌رود برای کشاورزان', body: ['آب سد برای کشت پاییزه رها می‌شود.'] }));
        await store.putStory(plainStory({ headline: 'مسابقهٔ شطرنج در شیراز', body: ['قهرمان جوان جام را برد.'] }));
        const related = await store.related(a.id, 5);
        expect(related.map((h) => h.id)).toContain(b.id);
        expect(related.map((h) => h.id)).not.toContain(a.id);
      });
    });
  });
}
