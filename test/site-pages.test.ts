/**
 * The public site over HTTP (issue #5 item 2): every page kind on a server with the demo content —
 * status, `lang="fa" dir="rtl"`, Persian content (Jalali dates, story codes in Persian digits),
 * pagination, Persian 404s, search with highlights across the ZWNJ/space spelling variants, hostile
 * input coming out escaped, and a malformed query answered with a 400 page rather than a 500.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KhabarError } from '../src/errors/index.js';
import { createStory, formatJalali, jalaliParts, JALALI_MONTH_NAMES, toPersianDigits, type Story } from '../src/story/index.js';
import { startTestServer, type TestServer } from './support/server.js';

const ZWNJ = '\u200C';
const HAMKARIHA = `همکاری${ZWNJ}های`;
const HOSTILE_HEADLINE = 'خبر آزمایشی <img src=x onerror=alert(1)> درباره امنیت';
const TEST_SERVICE = 'سرویس آزمون';

let server: TestServer;
let hostileCode: number;
let killedCode: number;

async function get(path: string, init: RequestInit = {}): Promise<{ status: number; html: string; res: Response }> {
  const res = await fetch(server.url + path, { redirect: 'manual', ...init });
  return { status: res.status, html: await res.text(), res };
}

/** What every HTML page must be: RTL Persian, one h1, nothing the CSP would block. */
function expectSitePage(html: string): void {
  expect(html.startsWith('<!doctype html>')).toBe(true);
  expect(html).toContain('<html lang="fa" dir="rtl">');
  expect(html.match(/<h1[\s>]/g)?.length).toBe(1);
  expect(html).not.toMatch(/<script|<style|\sstyle=/i);
  expect(html).toMatch(/<a class="skip-link" href="#main">/);
  expect(html).toMatch(/<main id="main"/);
}

const storyAt = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();

beforeAll(async () => {
  server = await startTestServer();
  const hostile: Story = createStory({
    headline: HOSTILE_HEADLINE,
    lead: 'لید آزمایشی با <script>alert("lead")</script> در متن.',
    body: ['بند نخست <b onclick="x()">پررنگ</b> و "نقل‌قول".'],
    service: 'سرویس سیاسی',
    agency: server.settings.agency,
    keywords: ['<i>برچسب</i>'],
    firstCreated: storyAt(1000),
    versionCreated: storyAt(1000),
    source: { name: 'site-test', id: 'hostile' },
  });
  hostileCode = (await server.store.putStory(hostile)).code;
  // 20 stories in a service of their own, for pagination.
  await server.store.putStories(Array.from({ length: 20 }, (_, i) => createStory({
    headline: `خبر شماره ${toPersianDigits(String(i + 1))} سرویس آزمون`,
    lead: 'لید خبر آزمون صفحه‌بندی.',
    body: ['متن خبر آزمون صفحه‌بندی.'],
    service: TEST_SERVICE,
    agency: server.settings.agency,
    firstCreated: storyAt(2000 + i),
    versionCreated: storyAt(2000 + i),
    source: { name: 'site-test', id: `page-${i}` },
  })));
  const killed = createStory({
    headline: 'خبری که لغو می‌شود', body: ['متن.'], service: 'سرویس سیاسی', agency: server.settings.agency,
    firstCreated: storyAt(3000), versionCreated: storyAt(3000), source: { name: 'site-test', id: 'killed' },
  });
  killedCode = (await server.store.putStory(killed)).code;
  await server.store.putStory({ ...killed, code: killedCode, version: 2, pubStatus: 'canceled', versionCreated: storyAt(2999) });
});

afterAll(async () => {
  await server?.close();
});

describe('home page', () => {
  it('is RTL Persian with the most urgent recent story as the lead and a box per service', async () => {
    const { status, html, res } = await get('/');
    expect(status).toBe(200);
    expectSitePage(html);
    expect(res.headers.get('cache-control')).toBe('public, max-age=30');
    expect(res.headers.get('last-modified')).toBeTruthy();
    // Demo: «کلیات لایحه…» has urgency 2, the best within the last day (demo/manifest.json).
    const lead = /<article class="lead-story"[^]*?<\/article>/.exec(html)?.[0] ?? '';
    expect(lead).toContain('کلیات لایحه موافقت‌نامه معاضدت حقوقی با جمهوری آذربایجان در مجلس تصویب شد');
    for (const service of ['سرویس آذربایجان', 'سرویس سیاسی', 'سرویس اقتصادی', 'سرویس ورزشی', `سرویس بین${ZWNJ}الملل`]) {
      expect(html).toContain(`<h2 id="service-`);
      expect(html).toContain(`href="/service/${encodeURIComponent(service)}">${service}</a></h2>`);
    }
    // Times in Persian digits with a Jalali month name.
    expect(html).toMatch(new RegExp(`<time datetime="[^"]+">[۰-۹]+ (${JALALI_MONTH_NAMES.join('|')}) [۰-۹]{4}، ساعت [۰-۹]{2}:[۰-۹]{2}</time>`));
    // Feeds and assets are linked; nothing points off the machine.
    expect(html).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(html).toContain('href="/feeds/atom.xml"');
    expect(html).toContain('href="/feeds/feed.json"');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!127\.0\.0\.1)/);
  });
});

describe('assets', () => {
  it('serves the stylesheet and the Vazirmatn font from the package at fingerprinted, immutable URLs', async () => {
    const { html } = await get('/');
    const cssUrl = /<link rel="stylesheet" href="(\/assets\/site-[\w-]+\.css)"/.exec(html)?.[1];
    const fontUrl = /<link rel="preload" href="(\/assets\/fonts\/vazirmatn-[\w-]+\.woff2)" as="font"/.exec(html)?.[1];
    expect(cssUrl).toBeTruthy();
    expect(fontUrl).toBeTruthy();
    const css = await fetch(server.url + cssUrl);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const cssText = await css.text();
    expect(cssText).toContain(`url("${fontUrl}")`);
    const font = await fetch(server.url + fontUrl);
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(font.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const dir = dirname(createRequire(import.meta.url).resolve('vazirmatn/package.json'));
    const expected = readFileSync(join(dir, 'fonts', 'webfonts', 'Vazirmatn[wght].woff2'));
    expect(Buffer.from(await font.arrayBuffer()).equals(expected)).toBe(true);
    expect((await fetch(server.url + '/favicon.ico')).status).toBe(200);
    expect((await fetch(server.url + '/assets/site-nope.css')).status).toBe(404);
  });
});

describe('service page', () => {
  it('lists a service with links back to its stories', async () => {
    const { status, html } = await get(`/service/${encodeURIComponent('سرویس ورزشی')}`);
    expect(status).toBe(200);
    expectSitePage(html);
    expect(html).toContain('<h1>سرویس ورزشی</h1>');
    expect(html).toContain('تراکتور با دو گل ذوب‌آهن را شکست داد و به صدر جدول نزدیک شد');
    expect(html.match(/<li><h2><a href="\/story\/\d+">/g)?.length).toBe(6);
    expect(html).toContain('aria-current="page">سرویس ورزشی</a>');
    expect(html).toContain(`href="/feeds/service/${encodeURIComponent('سرویس ورزشی')}/rss.xml"`);
  });

  it('paginates with ?page=n (Persian page numbers) and answers 404 past the last page', async () => {
    const base = `/service/${encodeURIComponent(TEST_SERVICE)}`;
    const p1 = await get(base);
    expect(p1.status).toBe(200);
    expect(p1.html.match(/<li><h2>/g)?.length).toBe(15);
    expect(p1.html).toContain('۲۰ خبر');
    expect(p1.html).toContain(`<a href="${base}?page=2" rel="next">صفحه بعد</a>`);
    expect(p1.html).toContain('<span aria-current="page">۱</span>');
    expect(p1.html).toContain('خبر شماره ۱ سرویس آزمون');
    const p2 = await get(`${base}?page=2`);
    expect(p2.status).toBe(200);
    expectSitePage(p2.html);
    expect(p2.html.match(/<li><h2>/g)?.length).toBe(5);
    expect(p2.html).toContain('خبر شماره ۲۰ سرویس آزمون');
    expect(p2.html).toContain('<span aria-current="page">۲</span>');
    expect(p2.html).toContain(`<a href="${base}" rel="prev">صفحه قبل</a>`);
    expect((await get(`${base}?page=3`)).status).toBe(404);
    expect((await get(`${base}?page=abc`)).status).toBe(404);
  });
});

describe('story page', () => {
  it('shows headline, lead, body, service, agency, Jalali date, story code and tags', async () => {
    const { items } = await server.store.listStories({ service: 'سرویس سیاسی', limit: 50 });
    const stored = items.find((s) => s.story.headline.startsWith('کلیات لایحه'))!;
    const s = stored.story;
    const { status, html, res } = await get(`/story/${s.code}`);
    expect(status).toBe(200);
    expectSitePage(html);
    expect(html).toContain(`<h1 id="story-title">${s.headline}</h1>`);
    expect(html).toContain(`<p class="lead">${s.lead}</p>`);
    for (const para of s.body) expect(html).toContain(para);
    expect(html).toContain(`کد خبر: ${toPersianDigits(String(s.code))}`);
    expect(html).toContain(`>${formatJalali(new Date(s.firstCreated!))}</time>`);
    const month = JALALI_MONTH_NAMES[jalaliParts(new Date(s.firstCreated!)).month - 1]!;
    expect(html).toContain(month);
    expect(html).toContain('خبرگزاری آران');
    expect(html).toContain(`<a href="/service/${encodeURIComponent('سرویس سیاسی')}">سرویس سیاسی</a>`);
    expect(html).toContain(`<a href="/search?tag=${encodeURIComponent('مجلس')}" rel="tag">مجلس</a>`);
    expect(html).toContain('<h2 id="related-title">اخبار مرتبط</h2>');
    expect(html).toContain(`href="/story/${s.code}/print"`);
    expect(res.headers.get('last-modified')).toBe(new Date(s.versionCreated!).toUTCString());
    // Conditional GET: the app's ETag middleware answers 304.
    const again = await fetch(`${server.url}/story/${s.code}`, { headers: { 'If-None-Match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);

    const print = await get(`/story/${s.code}/print`);
    expect(print.status).toBe(200);
    expectSitePage(print.html);
    expect(print.html).toContain(s.headline);
    expect(print.html).toContain('<meta name="robots" content="noindex"/>');
    expect(print.html).not.toContain('اخبار مرتبط');
  });

  it('follows a tag link to the stories with that tag', async () => {
    const { status, html } = await get(`/search?tag=${encodeURIComponent('مجلس')}`);
    expect(status).toBe(200);
    expectSitePage(html);
    expect(html).toContain('<h1>اخبار با برچسب «مجلس»</h1>');
    expect(html).toContain('کلیات لایحه موافقت‌نامه معاضدت حقوقی');
  });

  it('redirects a code in Persian digits to the canonical URL', async () => {
    const r = await get(`/story/${encodeURIComponent(toPersianDigits(String(hostileCode)))}`);
    expect(r.status).toBe(301);
    expect(r.res.headers.get('location')).toBe(`/story/${hostileCode}`);
  });

  it('escapes a hostile headline, lead, body and tag everywhere it is shown', async () => {
    const { status, html } = await get(`/story/${hostileCode}`);
    expect(status).toBe(200);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b onclick');
    expect(html).not.toContain('<i>برچسب');
    expect(html).toContain('خبر آزمایشی &lt;img src=x onerror=alert(1)&gt; درباره امنیت');
    const search = await get(`/search?q=${encodeURIComponent('آزمایشی امنیت')}`);
    expect(search.status).toBe(200);
    expect(search.html).toContain('<mark>');
    expect(search.html).not.toContain('<img src=x');
    expect(search.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const archiveDay = jalaliParts(new Date(storyAt(1000)));
    const archive = await get(`/archive/${archiveDay.year}/${String(archiveDay.month).padStart(2, '0')}/${String(archiveDay.day).padStart(2, '0')}`);
    expect(archive.status).toBe(200);
    expect(archive.html).not.toContain('<img src=x');
  });

  it('answers 404 with a Persian page for unknown and killed stories', async () => {
    for (const path of ['/story/999999999', '/story/abc', `/story/${killedCode}`, `/story/${killedCode}/print`]) {
      const { status, html } = await get(path);
      expect(status, path).toBe(404);
      expectSitePage(html);
      expect(html).toContain('<h1>صفحه پیدا نشد</h1>');
    }
  });
});

describe('404 pages', () => {
  it('answers unknown services and routes with the Persian 404', async () => {
    for (const path of [`/service/${encodeURIComponent('سرویس ناموجود')}`, '/no/such/page', '/archive/1404/13/01', '/archive/abcd/01/01']) {
      const { status, html } = await get(path);
      expect(status, path).toBe(404);
      expectSitePage(html);
      expect(html).toContain('صفحه‌ای که به دنبال آن بودید پیدا نشد');
    }
  });
});

describe('search page', () => {
  it('shows the form alone for an empty query', async () => {
    const { status, html } = await get('/search');
    expect(status).toBe(200);
    expectSitePage(html);
    expect(html).toContain('<input id="search-q" type="search" name="q" value=""');
    expect(html).toContain('<select id="search-service" name="service">');
    expect(html).toContain('<input id="search-from" type="text" name="from"');
    expect(html).not.toContain('class="hits"');
  });

  it('finds «همکاری های» (a space, not ZWNJ) in stories that write «همکاری‌های», marked', async () => {
    const { status, html } = await get(`/search?q=${encodeURIComponent('همکاری های')}`);
    expect(status).toBe(200);
    expectSitePage(html);
    expect(html).toContain(`<mark>${HAMKARIHA}</mark>`);
    expect(html).toContain('value="همکاری های"');
    const total = /<h2 id="results-title" class="summary">([۰-۹٬]+) خبر/.exec(html)?.[1];
    expect(total).toMatch(/^[۰-۹٬]+$/);
    // Facets as links: services and Jalali months.
    expect(html).toContain('<h3>سرویس</h3>');
    expect(html).toContain('<h3>ماه</h3>');
    expect(html).toMatch(/<a href="\/search\?q=[^"]+&amp;service=[^"]+">سرویس /);
    expect(html).toMatch(new RegExp(`>(${JALALI_MONTH_NAMES.join('|')}) [۰-۹]{4}</a>`));
    // 11 demo stories match: two pages of 10.
    expect(html).toContain(`<a href="/search?q=${encodeURIComponent('همکاری های').replace(/%20/g, '+')}&amp;page=2" rel="next">صفحه بعد</a>`);
    const p2 = await get(`/search?q=${encodeURIComponent('همکاری های')}&page=2`);
    expect(p2.status).toBe(200);
    expect(p2.html).toContain('<span aria-current="page">۲</span>');
    expect(p2.html.match(/<li><h3>/g)?.length).toBeGreaterThan(0);
  });

  it('filters by service and by a Jalali date range in Persian or ASCII digits', async () => {
    const q = encodeURIComponent('همکاری های');
    const all = await get(`/search?q=${q}`);
    const byService = await get(`/search?q=${q}&service=${encodeURIComponent('سرویس سیاسی')}`);
    expect(byService.status).toBe(200);
    expect(byService.html).toContain('<option value="سرویس سیاسی" selected="">سرویس سیاسی</option>');
    const headlines = [...byService.html.matchAll(/<li><h3><a href="\/story\/(\d+)">/g)].map((m) => Number(m[1]));
    expect(headlines.length).toBeGreaterThan(0);
    for (const code of headlines) expect((await server.store.getStory({ code }))!.story.service).toBe('سرویس سیاسی');
    expect(byService.html.length).toBeLessThan(all.html.length);
    // A range that ends before any demo story: nothing; one around today: the same as no range.
    const before = await get(`/search?q=${q}&to=${encodeURIComponent('۱۳۹۰/۰۱/۰۱')}`);
    expect(before.status).toBe(200);
    expect(before.html).toContain('خبری برای «همکاری های» پیدا نشد.');
    const t = jalaliParts(new Date(Date.now() + 86_400_000));
    const to = `${t.year}/${String(t.month).padStart(2, '0')}/${String(t.day).padStart(2, '0')}`;
    const around = await get(`/search?q=${q}&from=1390/01/01&to=${encodeURIComponent(toPersianDigits(to))}`);
    expect(around.status).toBe(200);
    expect(/class="summary">([^<]+)</.exec(around.html)?.[1]).toBe(/class="summary">([^<]+)</.exec(all.html)?.[1]);
  });

  it('escapes a hostile query', async () => {
    const { status, html } = await get(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(status).toBeLessThan(500);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers a malformed query with a 400 page and a Persian message, not a 500', async () => {
    const { status, html } = await get(`/search?q=${encodeURIComponent('"unclosed')}`);
    expect(status).toBe(400);
    expectSitePage(html);
    expect(html).toContain('role="alert"');
    expect(html).toContain('عبارت جستجو درست نوشته نشده است');
    expect(html).toContain('unclosed quote');
    expect(html).toContain('value="&quot;unclosed"');
    const badDate = await get(`/search?q=x&from=${encodeURIComponent('فردای دور')}`);
    expect(badDate.status).toBe(400);
    expect(badDate.html).toContain('تاریخ واردشده خوانده نشد');
  });
});

describe('archive by Jalali date', () => {
  it('sends /archive to today in Tehran', async () => {
    const r = await get('/archive');
    expect(r.status).toBe(302);
    const t = jalaliParts(new Date());
    expect(r.res.headers.get('location')).toBe(`/archive/${t.year}/${String(t.month).padStart(2, '0')}/${String(t.day).padStart(2, '0')}`);
  });

  it("lists a Tehran day's stories with links to the days around it", async () => {
    const { items } = await server.store.listStories({ limit: 1 });
    const newest = items[0]!.story;
    const d = jalaliParts(new Date(newest.versionCreated!));
    const p2 = (n: number) => String(n).padStart(2, '0');
    const path = `/archive/${d.year}/${p2(d.month)}/${p2(d.day)}`;
    const { status, html } = await get(path);
    expect(status).toBe(200);
    expectSitePage(html);
    const dayText = formatJalali(new Date(newest.versionCreated!), { time: false });
    expect(html).toContain(`<h1>آرشیو اخبار ${dayText}</h1>`);
    expect(html).toContain(newest.headline);
    expect(html).toMatch(/<a href="\/archive\/\d{4}\/\d{2}\/\d{2}" rel="prev">روز قبل: /);
    // Every story listed is from that Tehran day.
    for (const m of html.matchAll(/<time datetime="([^"]+)">/g)) {
      const p = jalaliParts(new Date(m[1]!));
      expect([p.year, p.month, p.day]).toEqual([d.year, d.month, d.day]);
    }
    const persian = await get(`/archive/${encodeURIComponent(toPersianDigits(`${d.year}/${d.month}/${d.day}`)).replace(/%2F/g, '/')}`);
    expect(persian.status).toBe(301);
    expect(persian.res.headers.get('location')).toBe(path);
    const jump = await get(`/archive?date=${encodeURIComponent(toPersianDigits(`${d.year}/${p2(d.month)}/${p2(d.day)}`))}`);
    expect(jump.status).toBe(302);
    expect(jump.res.headers.get('location')).toBe(path);
  });

  it('answers an unreadable date with a Persian 400 page', async () => {
    const { status, html } = await get(`/archive?date=${encodeURIComponent('دیروز و پریروز')}`);
    expect(status).toBe(400);
    expectSitePage(html);
    expect(html).toContain('<h1>درخواست نادرست</h1>');
  });
});

describe('error page', () => {
  it('renders a failing store as a Persian error page that is never cached', async () => {
    const broken = await startTestServer({ demo: false });
    try {
      const store = broken.store as unknown as Record<string, unknown>;
      store['services'] = async () => { throw new Error('disk on fire'); };
      const internal = await fetch(broken.url + '/');
      const html = await internal.text();
      expect(internal.status).toBe(500);
      expect(internal.headers.get('cache-control')).toBe('no-store');
      expectSitePage(html);
      expect(html).toContain('<h1>خطای سرور</h1>');
      expect(html).not.toContain('disk on fire'); // internal details stay in the log
      store['services'] = async () => { throw new KhabarError('STORE', 'database is locked'); };
      const unavailable = await fetch(broken.url + '/search?q=x');
      expect(unavailable.status).toBe(503);
      const body = await unavailable.text();
      expectSitePage(body);
      expect(body).toContain('<h1>سرویس موقتاً در دسترس نیست</h1>');
      expect(body).toContain('database is locked');
    } finally {
      await broken.close();
    }
  });
});
