/** Search paths the conformance suite leaves out: facets, date order, filter-only and exclusion-only queries. */
import { describe, expect, it } from 'vitest';
import { createStory } from '../../story/index.js';
import { openSqliteStore } from './open-sqlite-store.js';

const story = (i: number, headline: string, service: string, versionCreated: string, keywords: string[] = []) =>
  createStory({ headline, body: [`${headline} — متن خبر ${i}.`], service, agency: 'خبرگزاری آران', keywords, versionCreated, source: { name: 't', id: String(i) } });

async function fixture() {
  const store = await openSqliteStore(':memory:');
  await store.putStories([
    story(1, 'بارش باران در تبریز', 'سرویس آذربایجان', '2025-03-19T08:00:00Z', ['هوا']), // 1403/12/29
    story(2, 'بارش برف در اردبیل', 'سرویس آذربایجان', '2025-03-21T08:00:00Z', ['هوا']), // 1404/01/01
    story(3, 'بارش باران در تهران', 'سرویس اقتصادی', '2025-03-22T08:00:00Z'),
    story(4, 'قیمت طلا در بازار', 'سرویس اقتصادی', '2025-03-23T08:00:00Z'),
  ]);
  return store;
}

describe('SQLite search extras', () => {
  it('counts facets over every match: service, agency and Jalali month', async () => {
    const store = await fixture();
    const r = await store.search({ q: 'بارش', facets: true, limit: 1 });
    expect(r.total).toBe(3);
    expect(r.hits).toHaveLength(1);
    expect(r.facets!.service).toEqual([{ value: 'سرویس آذربایجان', count: 2 }, { value: 'سرویس اقتصادی', count: 1 }]);
    expect(r.facets!.agency).toEqual([{ value: 'خبرگزاری آران', count: 3 }]);
    expect(r.facets!.month).toEqual([{ value: '1404/01', count: 2 }, { value: '1403/12', count: 1 }]);
    await store.close();
  });
  it('sorts by date, lists by filters alone, and honours exclusions without positive words', async () => {
    const store = await fixture();
    const byDate = await store.search({ q: 'بارش', sort: 'date' });
    expect(byDate.hits.map((h) => h.story.source!.id)).toEqual(['3', '2', '1']);
    const onlyFilter = await store.search({ q: 'service:"سرویس اقتصادی"', facets: true });
    expect(onlyFilter.hits.map((h) => h.story.source!.id)).toEqual(['4', '3']);
    expect(onlyFilter.facets!.service).toEqual([{ value: 'سرویس اقتصادی', count: 2 }]);
    const excluded = await store.search({ q: 'service:"سرویس اقتصادی" -طلا' });
    expect(excluded.hits.map((h) => h.story.source!.id)).toEqual(['3']);
    expect(excluded.total).toBe(1);
    const tagged = await store.search({ q: '', tag: 'هوا', to: '1404/01/01' });
    expect(tagged.hits.map((h) => h.story.source!.id)).toEqual(['2', '1']);
    await store.close();
  });
});
