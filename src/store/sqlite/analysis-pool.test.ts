/**
 * The SQLite store with analysis worker threads: overlapping puts are applied in call order, a failing
 * batch rejects alone, and what is stored and found equals a store that analyzes on the calling thread.
 */
import { describe, expect, it } from 'vitest';
import { createStory, type Story } from '../../story/index.js';
import type { Store } from '../store.js';
import { openSqliteStore } from './open-sqlite-store.js';

const story = (id: string, headline: string, extra: Partial<Parameters<typeof createStory>[0]> = {}): Story =>
  createStory({ headline, body: [`${headline}؛ متن کامل گزارش خبرنگار ما.`], source: { name: 'pool', id }, ...extra });

/** Five batches: creations, an update of a story from an earlier batch, a kill, one invalid story. */
function batches(): unknown[][] {
  return [
    [story('1', 'بارش باران در تبریز'), story('2', 'نمایشگاه کتاب در اردبیل')],
    [story('1', 'بارش برف سنگین در تبریز'), story('3', 'قیمت طلا در بازار تهران')],
    [{ headline: '' }], // invalid: rejected before any write
    [story('2', 'نمایشگاه کتاب در اردبیل', { pubStatus: 'canceled' }), story('4', 'برف و باران در ارومیه')],
    [story('1', 'بارش برف سنگین در تبریز'), story('5', 'کتاب‌های تازهٔ ناشران تبریزی')],
  ];
}

async function fill(store: Store): Promise<Array<string>> {
  // Every batch handed over before any resolves: the pool analyzes ahead, the writes stay in order.
  const settled = await Promise.allSettled(batches().map((b) => store.putStories(b as Story[])));
  return settled.map((s) => (s.status === 'fulfilled' ? s.value.map((r) => r.status).join(',') : 'rejected'));
}

async function snapshot(store: Store) {
  const out: Record<string, unknown> = {};
  for (const q of ['تبریز', 'برف', 'کتاب', 'باران', '"بارش برف"', 'کتاب*']) {
    const r = await store.search({ q, limit: 10 });
    out[q] = { total: r.total, hits: r.hits.map((h) => [h.story.source!.id, h.story.headline, Math.round(h.score * 1e9)]) };
  }
  const one = await store.getStory({ source: { name: 'pool', id: '1' } });
  out.versions = (await store.getVersions(one!.id)).map((v) => v.headline);
  return out;
}

describe('SQLite store with analysis threads', () => {
  it('applies overlapping puts in call order and matches a store without threads', async () => {
    const threaded = await openSqliteStore(':memory:', { analysisThreads: 2 });
    const plain = await openSqliteStore(':memory:');
    const statuses = await fill(threaded);
    expect(statuses).toEqual(['created,created', 'updated,created', 'rejected', 'updated,created', 'unchanged,created']);
    expect(await fill(plain)).toEqual(statuses);
    const a = await snapshot(threaded);
    expect(a).toEqual(await snapshot(plain));
    expect(a.versions).toEqual(['بارش باران در تبریز', 'بارش برف سنگین در تبریز']);
    // The killed story is not found; the updated one is found by its new words only.
    expect((await threaded.search({ q: 'اردبیل' })).total).toBe(0);
    expect((await threaded.search({ q: 'برف' })).hits.map((h) => h.story.source!.id)).toContain('1');
    await threaded.close();
    await plain.close();
  });

  it('finishes queued puts before close, and refuses puts after it', async () => {
    const store = await openSqliteStore(':memory:', { analysisThreads: 1 });
    const pending = store.putStories([story('9', 'خبر پایانی پیش از بستن')]);
    await store.close();
    expect((await pending)[0]!.status).toBe('created');
    await expect(store.putStories([story('10', 'خبر پس از بستن')])).rejects.toMatchObject({ code: 'STORE' });
  });
});
