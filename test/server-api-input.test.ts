/**
 * The JSON API under bad and hostile input, and what it shows of stories: a table of invalid parameters
 * (400 naming the parameter), unknown ids, codes and routes (404 JSON), bodies over 1 MB (413 JSON),
 * enormous queries (a clear 4xx, never a 500), a headline with `<script>` (plain JSON text, nosniff),
 * killed stories (410) and withheld ones (404), versions, search facets and highlights, list filters
 * and paging, caching headers. The stored data is the same after all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory, type Story } from '../src/story/index.js';
import { startTestServer, type TestServer } from './support/server.js';

type Obj = Record<string, any>;

let srv: TestServer;
let countBefore = 0;
const ids = { script: 0, scriptCode: 0, killed: 0, killedCode: 0, withheld: 0, withheldCode: 0, corrected: 0 };
const SCRIPT_HEADLINE = '<script>alert("x")</script> هشدار «آزمون» & </p><img src=x onerror=alert(1)>';

function story(init: Partial<Story> & { headline: string; uri: string }): Story {
  return createStory({
    lead: 'لید آزمایشی این خبر برای آزمون رابط برنامه‌نویسی نوشته شده است.',
    body: ['بند نخست خبر آزمایشی درباره واژه‌ای کمیاب: زرافه‌سواری.', 'بند دوم خبر آزمایشی.'],
    service: 'سرویس آزمون', agency: 'خبرگزاری آران', credit: 'خبرگزاری آران / سرویس آزمون', endMarker: 'پایان پیام.',
    keywords: ['آزمون'], firstCreated: '2025-01-01T08:00:00Z', versionCreated: '2025-01-01T08:00:00Z',
    ...init,
  });
}

const api = (path: string, init?: RequestInit) => fetch(`${srv.url}/api/v1${path}`, init);
async function getJson(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: Obj }> {
  const res = await api(path, init);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Obj };
}

beforeAll(async () => {
  srv = await startTestServer();
  const s = await srv.store.putStory(story({ uri: 'urn:test:script', headline: SCRIPT_HEADLINE, keywords: ['اسکریپت'] }));
  ids.script = s.id;
  ids.scriptCode = s.code;
  const killed = story({ uri: 'urn:test:killed', headline: 'خبر زرافه‌سواری که لغو شد' });
  await srv.store.putStory(killed);
  const k = await srv.store.putStory({ ...killed, version: 2, pubStatus: 'canceled', versionCreated: '2025-01-01T09:00:00Z' });
  ids.killed = k.id;
  ids.killedCode = k.code;
  const w = await srv.store.putStory(story({
    uri: 'urn:test:withheld', headline: 'خبر زرافه‌سواری زیر قرار انتشار', pubStatus: 'withheld', embargoed: '2099-01-01T00:00:00Z',
  }));
  ids.withheld = w.id;
  ids.withheldCode = w.code;
  const corrected = story({ uri: 'urn:test:corrected', headline: 'نخستین نسخه خبر اصلاح‌شده' });
  await srv.store.putStory(corrected);
  const c = await srv.store.putStory({
    ...corrected, version: 2, headline: 'نسخه اصلاح‌شده خبر', correction: true, edNote: 'تیتر اصلاح شد.', versionCreated: '2025-01-02T08:00:00Z',
  });
  ids.corrected = c.id;
  countBefore = await srv.store.countStories();
});
afterAll(async () => srv?.close());

describe('bad input', () => {
  const table: Array<[string, string]> = [
    ['/stories?limit=abc', 'limit'],
    ['/stories?limit=1000', 'limit'],
    ['/stories?limit=0', 'limit'],
    ['/stories?limit=1e2', 'limit'],
    ['/stories?limit=', 'limit'],
    ['/stories?offset=-1', 'offset'],
    ['/stories?offset=100001', 'offset'],
    ['/stories?from=garbage', 'from'],
    ['/stories?to=۱۴۰۳/۱۳/۰۱', 'to'],
    ['/stories?from=2025-02-01&to=2025-01-01', 'from'],
    ['/stories?service=', 'service'],
    [`/stories?tag=${'ب'.repeat(501)}`, 'tag'],
    ['/stories/abc', 'id'],
    ['/stories/0', 'id'],
    ['/stories/-3', 'id'],
    ['/stories/1.5', 'id'],
    ['/stories/99999999999999999999', 'id'],
    ['/stories/code/abc', 'code'],
    ['/stories/abc/versions', 'id'],
    ['/stories/abc/related', 'id'],
    ['/stories/1/related?limit=0', 'limit'],
    ['/stories/1/related?limit=51', 'limit'],
    ['/stories/1?format=pdf', 'format'],
    ['/stories/1?format=', 'format'],
    ['/search?q=x&sort=foo', 'sort'],
    ['/search?q=x&facets=maybe', 'facets'],
    ['/search?q=x&highlight=yes', 'highlight'],
    ['/search?q=x&limit=abc', 'limit'],
    ['/search?q=x&limit=101', 'limit'],
    ['/search?q=x&offset=-1', 'offset'],
    ['/search?q=x&from=not-a-date', 'from'],
    ['/search', 'q'],
    ['/search?q=%20%20', 'q'],
    ['/search?q=%22unclosed', 'q'],
    [`/search?q=${'x'.repeat(2001)}`, 'q'],
    [`/search?q=${'a+'.repeat(2000)}`, 'q'],
    ['/wire?lastEventId=abc', 'Last-Event-ID'],
  ];
  const cases = table.map(([path, name]) => [path.length > 70 ? `${path.slice(0, 60)}… (${path.length} bytes)` : path, name, path]);
  it.each(cases)('%s → 400 naming %s', async (_label, name, path) => {
    const { status, headers, body } = await getJson(path);
    expect(status).toBe(400);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(body['error'].code).toBe('INVALID_INPUT');
    expect(body['error'].message).toContain(name);
    expect(body['error'].message.length).toBeLessThan(600);
  });

  it('unknown ids, codes and routes → 404 JSON', async () => {
    for (const path of ['/stories/987654', '/stories/code/987654', '/stories/987654/versions', '/stories/987654/related', '/nope', '/stories/1/nope', '/stories/code/1/versions', '/']) {
      const { status, body } = await getJson(path);
      expect(status, path).toBe(404);
      expect(body['error'].code, path).toBe('NOT_FOUND');
    }
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const { status, body } = await getJson('/stories', { method });
      expect(status, method).toBe(404);
      expect(body['error'].message).toContain(method);
    }
  });

  it('a request body over 1 MB → 413 JSON, whatever the path', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    for (const path of ['/stories', '/search', '/stories/1', '/nope']) {
      const { status, body } = await getJson(path, { method: 'POST', body: big, headers: { 'Content-Type': 'application/json' } });
      expect(status, path).toBe(413);
      expect(body['error'].code).toBe('INPUT_TOO_LARGE');
    }
  });

  it('enormous queries get a clear 4xx, never a 500', async () => {
    // 5,000 Persian words (≈ 110 KB percent-encoded) and a 100 KB q: past Node's 16 KB header limit, so
    // Node answers 431 itself; a 10 KB query string is refused by the API with 414; 5,000 ASCII words
    // (10 KB) too; one under the limit but over the query language's 2,000 characters gets 400.
    const cases: Array<[string, number[]]> = [
      [`/search?q=${encodeURIComponent('نفت '.repeat(5000))}`, [431]],
      [`/search?q=${'x'.repeat(100_000)}`, [431]],
      [`/search?q=${'a+'.repeat(5000)}`, [414]],
      [`/stories?tag=${'t'.repeat(9000)}`, [414]],
      [`/search?q=${'نفت+'.repeat(300)}`, [400]],
    ];
    for (const [path, statuses] of cases) {
      const res = await api(path);
      expect(statuses, `${path.slice(0, 40)}… (${path.length} bytes): ${res.status}`).toContain(res.status);
      const text = await res.text();
      if (res.status !== 431) expect((JSON.parse(text) as Obj)['error'].message, path.slice(0, 40)).toMatch(/query string|q:/);
    }
    // 200 words is what the query language allows; a query of that size is answered.
    const words = Array.from({ length: 200 }, (_, i) => ['تبریز', 'کتاب', 'نمایشگاه', 'ایران'][i % 4]).join(' ');
    const ok = await getJson(`/search?q=${encodeURIComponent(words)}`);
    expect(ok.status).toBe(200);
    expect(ok.body['total']).toBeGreaterThan(0);
    // The server is still there.
    expect((await api('/services')).status).toBe(200);
  });

  it('odd but valid input is answered', async () => {
    for (const path of [
      '/stories?offset=100000', '/stories?service=%00%01', `/stories?tag=${encodeURIComponent("'; DROP TABLE stories; --")}`,
      '/search?q=%E2%80%8C', '/search?q=*', `/search?q=${encodeURIComponent('«»')}`, '/search?q=a&q=b', '/stories?limit=001',
    ]) {
      const res = await api(path);
      expect([200, 400], path).toContain(res.status);
      const body = (await res.json()) as Obj;
      if (res.status === 400) expect(body['error'].code).toBe('INVALID_INPUT');
    }
    expect((await getJson('/stories?offset=100000')).body['items']).toEqual([]);
  });
});

describe('what the API shows', () => {
  it('a headline with <script> comes back as plain JSON text, nosniff', async () => {
    for (const path of [`/stories/${ids.script}`, `/stories/code/${ids.scriptCode}`, '/stories?tag=اسکریپت', `/search?q=${encodeURIComponent('هشدار')}&highlight=true&limit=100`]) {
      const res = await api(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json(;|$)/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      const text = await res.text();
      const body = JSON.parse(text) as Obj;
      const story = body['items']?.find((s: Obj) => s['id'] === ids.script) ?? body['hits']?.find((h: Obj) => h['id'] === ids.script)?.story ?? body;
      expect(story['headline'], path).toBe(SCRIPT_HEADLINE);
      expect(text, path).toContain('"<script>alert(\\"x\\")</script>');
    }
    const wire = await api(`/stories/${ids.script}?format=wire`);
    expect(wire.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await wire.text()).split('\n')[0]).toBe(SCRIPT_HEADLINE);
    const xml = await (await api(`/stories/${ids.script}?format=newsml`)).text();
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
  });

  it('killed stories answer 410, withheld ones 404, and neither is listed or found', async () => {
    for (const path of [`/stories/${ids.killed}`, `/stories/code/${ids.killedCode}`, `/stories/${ids.killed}/versions`, `/stories/${ids.killed}/related`,
      `/stories/${ids.killed}?format=ninjs`]) {
      const { status, body } = await getJson(path);
      expect(status, path).toBe(410);
      expect(body['error'].message, path).toMatch(/killed/);
    }
    const hidden = await getJson('/stories/987654');
    for (const path of [`/stories/${ids.withheld}`, `/stories/code/${ids.withheldCode}`, `/stories/${ids.withheld}/versions`, `/stories/${ids.withheld}/related`]) {
      const { status, body } = await getJson(path);
      expect(status, path).toBe(404);
      // The same answer as for a story that does not exist, but for the number.
      const same = (m: string) => m.replace(/(id|code) \d+/g, 'X N');
      expect(same(body['error'].message), path).toBe(same(hidden.body['error'].message));
    }
    const listed = await getJson('/stories?service=' + encodeURIComponent('سرویس آزمون') + '&limit=100');
    const listedIds = (listed.body['items'] as Obj[]).map((s) => s['id']);
    expect(listedIds).not.toContain(ids.killed);
    expect(listedIds).not.toContain(ids.withheld);
    expect(listedIds).toContain(ids.script);
    const found = await getJson(`/search?q=${encodeURIComponent('زرافه‌سواری')}&limit=100`);
    const foundIds = (found.body['hits'] as Obj[]).map((h) => h['id']);
    expect(foundIds).not.toContain(ids.killed);
    expect(foundIds).not.toContain(ids.withheld);
    expect(foundIds.length).toBeGreaterThan(0);
  });

  it('versions, oldest first, with the correction', async () => {
    const { status, headers, body } = await getJson(`/stories/${ids.corrected}/versions`);
    expect(status).toBe(200);
    expect((body['items'] as Obj[]).map((v) => [v['version'], v['headline'], v['correction'] ?? false])).toEqual([
      [1, 'نخستین نسخه خبر اصلاح‌شده', false], [2, 'نسخه اصلاح‌شده خبر', true],
    ]);
    expect(body['items'][1].edNote).toBe('تیتر اصلاح شد.');
    expect(headers.get('last-modified')).toBe(new Date('2025-01-02T08:00:00Z').toUTCString());
    const latest = await getJson(`/stories/${ids.corrected}`);
    expect(latest.body['version']).toBe(2);
    expect(latest.body['links'].versions).toBe(`${srv.url}/api/v1/stories/${ids.corrected}/versions`);
    const xml = await (await api(`/stories/${ids.corrected}?format=newsml`)).text();
    expect(xml).toContain('sig:correction');
  });

  it('lists filter, page and link', async () => {
    const all = await getJson('/stories?limit=100');
    expect(all.body['total']).toBe(50); // 48 demo stories, the <script> one and the corrected one
    expect(all.body['items'].length).toBe(50);
    const dates = (all.body['items'] as Obj[]).map((s) => s['versionCreated'] ?? s['firstCreated']);
    expect([...dates].sort().reverse()).toEqual(dates);
    const first = (await getJson('/stories')).body;
    expect([first['limit'], first['offset'], first['items'].length]).toEqual([20, 0, 20]);
    const page2 = (await getJson('/stories?limit=7&offset=7')).body;
    expect(page2['items'].map((s: Obj) => s['id'])).toEqual(all.body['items'].slice(7, 14).map((s: Obj) => s['id']));
    const item = first['items'][0] as Obj;
    expect(item['links']).toEqual({ self: `${srv.url}/api/v1/stories/${item['id']}`, site: `${srv.url}/story/${item['code']}` });
    const service = 'سرویس ورزشی';
    const bySvc = (await getJson(`/stories?service=${encodeURIComponent(service)}`)).body;
    expect(bySvc['total']).toBe(6);
    expect((bySvc['items'] as Obj[]).every((s) => s['service'] === service)).toBe(true);
    const tag = (await getJson(`/stories?tag=${encodeURIComponent('تبریز')}`)).body;
    expect(tag['total']).toBeGreaterThan(0);
    expect((tag['items'] as Obj[]).every((s) => (s['keywords'] as string[]).includes('تبریز'))).toBe(true);
    const byAgency = (await getJson(`/stories?agency=${encodeURIComponent('خبرگزاری آران')}&limit=100`)).body;
    expect(byAgency['total']).toBe(50);
    // Dates: Gregorian and Jalali bounds in any digits give the same stories.
    const jan = (await getJson('/stories?from=2025-01-01&to=2025-01-01&limit=100')).body;
    const janFa = (await getJson(`/stories?from=${encodeURIComponent('۱۴۰۳/۱۰/۱۲')}&to=${encodeURIComponent('۱۲ دی ۱۴۰۳')}&limit=100`)).body;
    expect(jan['items'].map((s: Obj) => s['id']).sort()).toEqual([ids.script]);
    expect(janFa['items'].map((s: Obj) => s['id'])).toEqual(jan['items'].map((s: Obj) => s['id']));
    // Numbers in Persian digits, as the site prints story codes.
    const fa = (n: number) => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    expect((await getJson(`/stories?limit=${encodeURIComponent(fa(7))}`)).body['items'].length).toBe(7);
    const byFaCode = await getJson(`/stories/code/${encodeURIComponent(fa(item['code']))}`);
    expect([byFaCode.status, byFaCode.body['id']]).toEqual([200, item['id']]);
    const services = (await getJson('/services')).body['items'] as Obj[];
    expect(services.find((s) => s['name'] === service)).toEqual({ name: service, count: 6 });
    const agencies = (await getJson('/agencies')).body['items'] as Obj[];
    expect(agencies[0]!['name']).toBe('خبرگزاری آران');
  });

  it('search: relevance, date order, filters, facets and highlights on the original text', async () => {
    const q = encodeURIComponent('تبریز');
    const plain = (await getJson(`/search?q=${q}`)).body;
    expect(plain['total']).toBeGreaterThan(3);
    expect(plain['facets']).toBeUndefined();
    expect(plain['hits'][0].highlights).toBeUndefined();
    const scores = (plain['hits'] as Obj[]).map((h) => h['score']);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const rich = (await getJson(`/search?q=${q}&facets=true&highlight=true&limit=100`)).body;
    expect(rich['hits'].length).toBe(rich['total']);
    expect((rich['facets']['service'] as Obj[]).reduce((n, f) => n + f['count'], 0)).toBe(rich['total']);
    expect(rich['facets']['month'].length).toBeGreaterThan(0);
    for (const hit of rich['hits'] as Obj[]) {
      const full = (await getJson(`/stories/${hit['id']}`)).body;
      expect(hit['highlights'].length, `hit ${hit['id']}`).toBeGreaterThan(0);
      for (const h of hit['highlights'] as Obj[]) {
        const field = h['field'] === 'body' ? full['body'][h['paragraph']] : full[h['field']];
        expect(field.slice(h['offset'], h['offset'] + h['text'].length)).toBe(h['text']);
        for (const [a, b] of h['spans'] as Array<[number, number]>) expect(b).toBeGreaterThan(a);
      }
    }
    const byDate = (await getJson(`/search?q=${q}&sort=date&limit=100`)).body;
    const dates = (byDate['hits'] as Obj[]).map((h) => h['story'].versionCreated);
    expect([...dates].sort().reverse()).toEqual(dates);
    const svc = 'سرویس آذربایجان';
    const filtered = (await getJson(`/search?q=${q}&service=${encodeURIComponent(svc)}`)).body;
    expect(filtered['total']).toBeGreaterThan(0);
    expect(filtered['total']).toBeLessThan(plain['total']);
    expect((filtered['hits'] as Obj[]).every((h) => h['story'].service === svc)).toBe(true);
    // A blank q with a filter lists by date.
    const listing = (await getJson(`/search?service=${encodeURIComponent(svc)}`)).body;
    expect(listing['total']).toBe(6);
    // Spelling variants (Arabic yeh and kaf) find the same stories.
    const arabic = (await getJson(`/search?q=${encodeURIComponent('كتاب')}`)).body;
    const persian = (await getJson(`/search?q=${encodeURIComponent('کتاب')}`)).body;
    expect(arabic['total']).toBe(persian['total']);
    // Paging.
    const p1 = (await getJson(`/search?q=${q}&limit=2&offset=2`)).body;
    expect(p1['hits'].map((h: Obj) => h['id'])).toEqual(plain['hits'].slice(2, 4).map((h: Obj) => h['id']));
  });

  it('related stories are usable ones, not the story itself', async () => {
    const { body } = await getJson('/stories/1/related?limit=10');
    expect(body['items'].length).toBeGreaterThan(0);
    expect(body['items'].length).toBeLessThanOrEqual(10);
    for (const r of body['items'] as Obj[]) {
      expect(r['id']).not.toBe(1);
      expect([ids.killed, ids.withheld]).not.toContain(r['id']);
    }
    expect((await getJson('/stories/1/related')).body['items'].length).toBeLessThanOrEqual(5);
  });

  it('caching: Cache-Control on answers, no-store on errors, ETag and 304', async () => {
    for (const path of ['/stories', '/stories/1', '/services', `/search?q=${encodeURIComponent('تبریز')}`]) {
      const res = await api(path);
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=10');
      const etag = res.headers.get('etag');
      expect(etag, path).toMatch(/^"/);
      const again = await api(path, { headers: { 'If-None-Match': etag! } });
      expect(again.status, path).toBe(304);
    }
    for (const path of ['/stories/abc', '/stories/987654', `/stories/${ids.killed}`, '/nope']) {
      expect((await api(path)).headers.get('cache-control'), path).toBe('no-store');
    }
    // Each representation has its own ETag (one URL, Vary: Accept).
    const tags = new Set<string | null>();
    for (const accept of ['application/json', 'application/ninjs+json', 'application/xml', 'text/plain']) {
      tags.add((await api('/stories/1', { headers: { Accept: accept } })).headers.get('etag'));
    }
    expect(tags.size).toBe(4);
    // HEAD works and has no body.
    const head = await api('/stories/1', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('the stored data is unharmed', async () => {
    expect(await srv.store.countStories()).toBe(countBefore);
    const s = await srv.store.getStory({ id: ids.script });
    expect(s?.story.headline).toBe(SCRIPT_HEADLINE);
  });
});
