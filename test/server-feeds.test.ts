/**
 * The feeds under /feeds against a running server: every feed (RSS 2.0, Atom 1.0, JSON Feed 1.1 × all
 * services and each demo service) parses with a real feed parser (rss-parser), is well-formed XML for
 * xmllint and valid against a JSON Feed 1.1 schema written from the spec; entries are the newest stories in
 * order with RFC dates; killed stories leave the feeds; conditional GET; hostile story text stays text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory, type Story } from '../src/story/index.js';
import type { StoredStory } from '../src/store/index.js';
import { startTestServer, type TestServer } from './support/server.js';

const ZWNJ = '\u200C';
const PERSIAN_OR_ARABIC_DIGIT = /[\u06F0-\u06F9\u0660-\u0669]/;
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const;
const FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;
type Format = keyof typeof FILES;
const HAVE_XMLLINT = spawnSync('xmllint', ['--version']).error === undefined;

/**
 * JSON Feed 1.1, written from https://www.jsonfeed.org/version/1.1/: required `version`, `title`, `items`;
 * every item an `id` and `content_html` or `content_text`; authors with at least one of name/url/avatar;
 * dates RFC 3339; URLs absolute. Only the spec's keys are allowed, plus extensions (keys starting with `_`).
 */
const JSON_FEED_1_1_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://khabar.test/json-feed-1.1.schema.json',
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string' },
    home_page_url: { type: 'string', format: 'uri' },
    feed_url: { type: 'string', format: 'uri' },
    description: { type: 'string' },
    user_comment: { type: 'string' },
    next_url: { type: 'string', format: 'uri' },
    icon: { type: 'string', format: 'uri' },
    favicon: { type: 'string', format: 'uri' },
    authors: { type: 'array', items: { $ref: '#/$defs/author' } },
    author: { $ref: '#/$defs/author' }, // 1.0's field, deprecated in 1.1 but still allowed
    language: { type: 'string', minLength: 2 },
    expired: { type: 'boolean' },
    hubs: {
      type: 'array',
      items: {
        type: 'object', required: ['type', 'url'],
        properties: { type: { type: 'string' }, url: { type: 'string', format: 'uri' } },
      },
    },
    items: { type: 'array', items: { $ref: '#/$defs/item' } },
  },
  patternProperties: { '^_': {} },
  additionalProperties: false,
  $defs: {
    author: {
      type: 'object',
      properties: { name: { type: 'string' }, url: { type: 'string', format: 'uri' }, avatar: { type: 'string', format: 'uri' } },
      anyOf: [{ required: ['name'] }, { required: ['url'] }, { required: ['avatar'] }],
      patternProperties: { '^_': {} },
      additionalProperties: false,
    },
    item: {
      type: 'object',
      required: ['id'],
      anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
      properties: {
        id: { type: 'string' },
        url: { type: 'string', format: 'uri' },
        external_url: { type: 'string', format: 'uri' },
        title: { type: 'string' },
        content_html: { type: 'string' },
        content_text: { type: 'string' },
        summary: { type: 'string' },
        image: { type: 'string', format: 'uri' },
        banner_image: { type: 'string', format: 'uri' },
        date_published: { type: 'string', format: 'date-time' },
        date_modified: { type: 'string', format: 'date-time' },
        authors: { type: 'array', items: { $ref: '#/$defs/author' } },
        author: { $ref: '#/$defs/author' },
        tags: { type: 'array', items: { type: 'string' } },
        language: { type: 'string', minLength: 2 },
        attachments: {
          type: 'array',
          items: {
            type: 'object',
            required: ['url', 'mime_type'],
            properties: {
              url: { type: 'string', format: 'uri' },
              mime_type: { type: 'string' },
              title: { type: 'string' },
              size_in_bytes: { type: 'number' },
              duration_in_seconds: { type: 'number' },
            },
            patternProperties: { '^_': {} },
            additionalProperties: false,
          },
        },
      },
      patternProperties: { '^_': {} },
      additionalProperties: false,
    },
  },
};

const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
addFormats.default(ajv);
const validateJsonFeed = ajv.compile(JSON_FEED_1_1_SCHEMA);

interface JsonFeedItem {
  id: string; url: string; title: string; summary?: string; content_html: string; content_text: string;
  date_published?: string; date_modified?: string; tags?: string[]; authors: Array<{ name: string }>;
}
interface JsonFeed { title: string; language: string; feed_url: string; home_page_url: string; items: JsonFeedItem[] }

const parser = new Parser();

/** The feed's path for all services (`undefined`) or one service. */
function feedPath(format: Format, service?: string): string {
  return service === undefined ? `/feeds/${FILES[format]}` : `/feeds/service/${encodeURIComponent(service)}/${FILES[format]}`;
}

async function get(server: TestServer, path: string, headers: Record<string, string> = {}): Promise<{ res: Response; text: string }> {
  const res = await fetch(server.url + path, { headers });
  return { res, text: await res.text() };
}

/** Well-formedness errors of XML documents by xmllint (empty when all are well-formed). */
function xmllintErrors(documents: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-feeds-'));
  try {
    const files = documents.map((xml, i) => {
      const file = join(dir, `feed-${i}.xml`);
      writeFileSync(file, xml);
      return file;
    });
    const r = spawnSync('xmllint', ['--noout', '--nonet', ...files], { encoding: 'utf8' });
    return r.status === 0 ? '' : `${r.stderr}${r.stdout}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The instant an RFC 822 date can carry: whole seconds. */
const toSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;
/** Text of every `<name>` element in a document (dates only: they hold no markup). */
const elementTexts = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!);

/**
 * Fetches the three feeds of one scope and checks them against the stories the store lists: parse,
 * count, order, titles, links, dates. Returns the documents for further checks.
 */
async function checkScope(server: TestServer, service: string | undefined, expected: StoredStory[]): Promise<Record<Format, string>> {
  const where = service ?? 'all services';
  const docs = {} as Record<Format, string>;
  for (const format of ['rss', 'atom', 'json'] as const) {
    const { res, text } = await get(server, feedPath(format, service));
    expect(res.status, `${format} ${where}`).toBe(200);
    expect(res.headers.get('content-type')).toBe(TYPES[format]);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const lastModified = res.headers.get('last-modified');
    expect(lastModified).toMatch(RFC822);
    expect(Date.parse(lastModified!)).toBe(toSeconds(expected[0]!.story.versionCreated!));
    docs[format] = text;
  }
  const base = server.settings.baseUrl;
  const pageOf = (s: StoredStory) => `${base}/story/${s.story.code}`;
  const siteName = server.settings.siteName;
  const channelTitle = service === undefined ? siteName : `${siteName} — ${service}`;
  const homeUrl = service === undefined ? `${base}/` : `${base}/service/${encodeURIComponent(service)}`;

  // RSS 2.0
  const rss = await parser.parseString(docs.rss);
  expect(rss.title).toBe(channelTitle);
  expect(rss.link).toBe(homeUrl);
  expect(rss.language).toBe('fa-IR');
  expect(rss.feedUrl).toBe(base + feedPath('rss', service));
  expect(rss.lastBuildDate).toMatch(RFC822);
  expect(Date.parse(rss.lastBuildDate!)).toBe(toSeconds(expected[0]!.story.versionCreated!));
  expect(rss.items.map((i) => i.title)).toEqual(expected.map((s) => s.story.headline));
  expect(rss.items.map((i) => i.link)).toEqual(expected.map(pageOf));
  expect(rss.items.map((i) => i.guid)).toEqual(expected.map(pageOf));
  rss.items.forEach((item, i) => {
    const { story } = expected[i]!;
    expect(item.pubDate).toMatch(RFC822);
    expect(item.pubDate).not.toMatch(PERSIAN_OR_ARABIC_DIGIT);
    expect(Date.parse(item.pubDate!)).toBe(toSeconds(story.versionCreated!));
    expect(item.creator).toBe(story.agency);
    expect(item.categories).toEqual([...new Set([story.service!, ...story.keywords])]);
    expect(item.content).toBe(escapeHtml(story.lead!)); // the parsed description: the lead, HTML-escaped
    const html = (item as { 'content:encoded'?: string })['content:encoded']!;
    expect(html).toContain(escapeHtml(story.body[story.body.length - 1]!));
  });
  // Newest first: dates never increase down the list.
  const rssDates = rss.items.map((i) => Date.parse(i.pubDate!));
  expect(rssDates).toEqual([...rssDates].sort((a, b) => b - a));

  // Atom 1.0
  expect(docs.atom).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="fa">/);
  const atom = await parser.parseString(docs.atom);
  expect(atom.title).toBe(channelTitle);
  expect(atom.link).toBe(homeUrl);
  expect(atom.feedUrl).toBe(base + feedPath('atom', service));
  expect(atom.items.map((i) => i.title)).toEqual(expected.map((s) => s.story.headline));
  expect(atom.items.map((i) => i.link)).toEqual(expected.map(pageOf));
  expect(atom.items.map((i) => (i as { id?: string }).id)).toEqual(expected.map(pageOf));
  expect(atom.items.map((i) => i.summary)).toEqual(expected.map((s) => s.story.lead));
  expect(atom.items.map((i) => i.isoDate && Date.parse(i.isoDate))).toEqual(expected.map((s) => Date.parse(s.story.firstCreated!)));
  const updated = elementTexts(docs.atom, 'updated');
  expect(updated.length).toBe(expected.length + 1); // the feed's, then one per entry
  for (const d of [...updated, ...elementTexts(docs.atom, 'published')]) {
    expect(d).toMatch(RFC3339);
    expect(d).not.toMatch(PERSIAN_OR_ARABIC_DIGIT);
  }
  expect(updated.map((d) => Date.parse(d))).toEqual([expected[0]!, ...expected].map((s) => Date.parse(s.story.versionCreated!)));

  // JSON Feed 1.1
  const json = JSON.parse(docs.json) as JsonFeed;
  expect(validateJsonFeed(json), JSON.stringify(validateJsonFeed.errors)).toBe(true);
  expect(json.title).toBe(channelTitle);
  expect(json.language).toBe('fa-IR');
  expect(json.home_page_url).toBe(homeUrl);
  expect(json.feed_url).toBe(base + feedPath('json', service));
  expect(json.items.map((i) => i.title)).toEqual(expected.map((s) => s.story.headline));
  expect(json.items.map((i) => i.url)).toEqual(expected.map(pageOf));
  expect(json.items.map((i) => i.id)).toEqual(expected.map(pageOf));
  json.items.forEach((item, i) => {
    const { story } = expected[i]!;
    for (const d of [item.date_published!, item.date_modified!]) {
      expect(d).toMatch(RFC3339);
      expect(d).not.toMatch(PERSIAN_OR_ARABIC_DIGIT);
    }
    expect(Date.parse(item.date_modified!)).toBe(Date.parse(story.versionCreated!));
    expect(Date.parse(item.date_published!)).toBe(Date.parse(story.firstCreated!));
    expect(item.summary).toBe(story.lead);
    expect(item.authors).toEqual([{ name: story.agency }]);
    expect(item.tags).toEqual([...new Set([story.service!, ...story.keywords])]);
    expect(item.content_html).toContain(escapeHtml(story.body[0]!));
  });
  return docs;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

describe('feeds of the demo content', () => {
  let server: TestServer;
  let services: string[];
  beforeAll(async () => {
    server = await startTestServer();
    services = (await server.store.services()).map((s) => s.name);
  });
  afterAll(async () => server?.close());

  it('are valid and list the newest stories, for all services and each service', async () => {
    expect(services.length).toBe(8);
    expect(services).toContain('سرویس آذربایجان');
    const xml: string[] = [];
    for (const service of [undefined, ...services]) {
      const { items } = await server.store.listStories({ service, limit: 50 });
      expect(items.length).toBe(service === undefined ? 48 : 6);
      const docs = await checkScope(server, service, items);
      xml.push(docs.rss, docs.atom);
    }
    // Persian text is not touched: ZWNJ survives in titles and service names (a demo service has one).
    expect(services.some((s) => s.includes(ZWNJ))).toBe(true);
    expect(xml[0]).toContain(ZWNJ);
    if (HAVE_XMLLINT) expect(xmllintErrors(xml)).toBe('');
    else console.warn('xmllint not found (Debian package libxml2-utils): XML well-formedness checked by rss-parser only');
  });

  it.skipIf(!HAVE_XMLLINT)('are well-formed XML for xmllint', async () => {
    const docs = await Promise.all([feedPath('rss'), feedPath('atom'), feedPath('rss', services[0]), feedPath('atom', services[0])]
      .map(async (p) => (await get(server, p)).text));
    expect(xmllintErrors(docs)).toBe('');
  });

  it('link entries to story pages and channels to home and service pages, all of which exist', async () => {
    for (const service of [undefined, ...services]) {
      const rss = await parser.parseString((await get(server, feedPath('rss', service))).text);
      const { items } = await server.store.listStories({ service, limit: 1 });
      const link = rss.items[0]!.link!;
      expect(link).toBe(`${server.settings.baseUrl}/story/${items[0]!.story.code}`);
      const page = await fetch(link);
      expect(page.status, link).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain(items[0]!.story.headline);
      expect((await fetch(rss.link!)).status, rss.link).toBe(200);
    }
  });

  it('are the feeds the site advertises', async () => {
    for (const path of ['/', `/service/${encodeURIComponent(services[0]!)}`]) {
      const html = (await get(server, path)).text;
      const hrefs = [...html.matchAll(/<link rel="alternate" type="application\/(?:rss\+xml|atom\+xml|feed\+json)"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
      expect(hrefs.length).toBeGreaterThanOrEqual(3);
      for (const href of hrefs) expect((await fetch(new URL(href.replace(/&amp;/g, '&'), server.url))).status, href).toBe(200);
    }
  });

  it('answer 404 for an unknown service, and nothing else under /feeds', async () => {
    for (const format of ['rss', 'atom', 'json'] as const) {
      const { res, text } = await get(server, feedPath(format, 'سرویس ناموجود'));
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(text).toContain('پیدا نشد');
    }
    // A service name differing only in spelling is another service: names are matched as written.
    expect((await get(server, feedPath('rss', 'سرويس آذربايجان'))).res.status).toBe(404);
    expect((await get(server, '/feeds/service/rss.xml')).res.status).toBe(404);
    expect((await get(server, '/feeds/nope.xml')).res.status).toBe(404);
  });

  it('answer conditional requests with 304 (If-None-Match, If-Modified-Since)', async () => {
    for (const path of [feedPath('rss'), feedPath('atom'), feedPath('json'), feedPath('json', services[1])]) {
      const first = await get(server, path);
      const etag = first.res.headers.get('etag');
      const lastModified = first.res.headers.get('last-modified');
      expect(etag).toBeTruthy();
      expect(lastModified).toBeTruthy();
      const byTag = await fetch(server.url + path, { headers: { 'If-None-Match': etag! } });
      expect(byTag.status).toBe(304);
      expect(byTag.headers.get('etag')).toBe(etag);
      expect(byTag.headers.get('cache-control')).toBe('public, max-age=60');
      const byDate = await fetch(server.url + path, { headers: { 'If-Modified-Since': lastModified! } });
      expect(byDate.status).toBe(304);
      const head = await fetch(server.url + path, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('etag')).toBe(etag);
      expect(await head.text()).toBe('');
      const older = new Date(Date.parse(lastModified!) - 1000).toUTCString();
      expect((await fetch(server.url + path, { headers: { 'If-Modified-Since': older } })).status).toBe(200);
    }
  });

  it('drop a killed story from the all-services feed and its service feed', async () => {
    const service = 'سرویس آذربایجان';
    const agency = server.settings.agency;
    // In the past, seconds apart: HTTP dates have whole seconds, and Last-Modified is never later than the clock.
    const now = Date.now() - 10_000;
    const story = createStory({
      headline: `خبر آزمایشی برای حذف از خوراک ${now}`, lead: 'لید خبر آزمایشی.', body: ['متن خبر آزمایشی.'],
      service, agency, keywords: ['آزمون'],
      firstCreated: new Date(now).toISOString(), versionCreated: new Date(now).toISOString(),
    });
    const put = await server.store.putStory(story);
    await server.hub.poke(); // a writer in the server's process tells the hub (caches key on its sequence)
    const page = `${server.settings.baseUrl}/story/${put.code}`;
    const links = async (path: string) => {
      const { text } = await get(server, path);
      return path.endsWith('.json') ? (JSON.parse(text) as JsonFeed).items.map((i) => i.url) : (await parser.parseString(text)).items.map((i) => i.link);
    };
    for (const format of ['rss', 'atom', 'json'] as const) {
      expect((await links(feedPath(format)))[0]).toBe(page);
      expect((await links(feedPath(format, service)))[0]).toBe(page);
    }
    const before = (await get(server, feedPath('rss', service))).res.headers.get('last-modified')!;

    const stored = (await server.store.getStory({ id: put.id }))!.story;
    const killed: Story = { ...stored, pubStatus: 'canceled', versionCreated: new Date(now + 5000).toISOString() };
    expect((await server.store.putStory(killed)).status).toBe('updated');
    await server.hub.poke();
    for (const format of ['rss', 'atom', 'json'] as const) {
      expect(await links(feedPath(format))).not.toContain(page);
      expect(await links(feedPath(format, service))).not.toContain(page);
      expect((await links(feedPath(format, service))).length).toBe(6);
    }
    // The kill is a change: a client that kept the old feed and asks with its Last-Modified alone must get
    // the new one, even though the newest story left is older than the one it had.
    const after = await get(server, feedPath('rss', service), { 'If-Modified-Since': before });
    expect(after.res.status).toBe(200);
    expect(Date.parse(after.res.headers.get('last-modified')!)).toBe(toSeconds(killed.versionCreated!));
    const rss = await parser.parseString(after.text);
    expect(Date.parse(rss.lastBuildDate!)).toBeLessThan(Date.parse(before)); // the newest item left
  });
});

describe('feeds of hostile and many stories', () => {
  let server: TestServer;
  const service = 'سرویس <ویژه> & "آزمون" ]]>';
  const emptyService = 'سرویس خالی';
  const hostile = {
    headline: '<script>alert("تیتر")</script> ]]> & &amp; \u0007 \u202Eوارونه\u202C \u200Fمی\u200Cخواهد',
    lead: '<b>لید</b> & ]]> <!-- x --> \u0000',
    body: [
      '<script>alert(1)</script>',
      'a ]]> b ]]> c <![CDATA[ d ]]>',
      'کنترل\u0001\u000B\u001Fها و \uFFFE و نیم\u200Cفاصله',
      '<img src=x onerror=alert(1)> &lt;script&gt;',
      'خط\r\nشکسته',
    ],
    keywords: ['<script>', 'a&b', '"q"', ']]>'],
  };
  let base: Date;

  beforeAll(async () => {
    server = await startTestServer({ demo: false, settings: { services: [emptyService], siteName: 'خبرگزاری <آران> & ]]>' } });
    base = new Date(Date.now() - 3_600_000);
    const at = (i: number) => new Date(base.getTime() + i * 60_000).toISOString();
    const many = Array.from({ length: 55 }, (_, i) => createStory({
      headline: `خبر شماره ${i + 1} سرویس ورزشی`, lead: `لید خبر ${i + 1}.`, body: [`متن خبر ${i + 1}.`],
      service: 'سرویس ورزشی', agency: 'خبرگزاری آران', keywords: [], firstCreated: at(i), versionCreated: at(i),
    }));
    await server.store.putStories(many);
    await server.store.putStory(createStory({
      ...hostile, service, agency: 'خبرگزاری آران', firstCreated: at(100), versionCreated: at(100),
    }));
    await server.hub.poke();
  });
  afterAll(async () => server?.close());

  it('hold the newest 50 stories, newest first', async () => {
    const { items } = await server.store.listStories({ limit: 50 });
    expect(items.length).toBe(50);
    for (const format of ['rss', 'atom', 'json'] as const) {
      const { text } = await get(server, feedPath(format));
      const titles = format === 'json'
        ? (JSON.parse(text) as JsonFeed).items.map((i) => i.title)
        : (await parser.parseString(text)).items.map((i) => i.title);
      expect(titles.length).toBe(50);
      expect(titles[1]).toBe('خبر شماره 55 سرویس ورزشی');
      expect(titles[49]).toBe('خبر شماره 7 سرویس ورزشی');
    }
    const sports = await get(server, feedPath('json', 'سرویس ورزشی'));
    expect((JSON.parse(sports.text) as JsonFeed).items.length).toBe(50);
  });

  it('keep hostile story text as text: parsable, well-formed, no live markup', async () => {
    const docs: string[] = [];
    for (const scope of [undefined, service]) {
      for (const format of ['rss', 'atom', 'json'] as const) {
        const { res, text } = await get(server, feedPath(format, scope));
        expect(res.status).toBe(200);
        if (format !== 'json') {
          docs.push(text);
          expect(text).not.toMatch(/<script|<img|<b>|<!--|<!\[CDATA\[/i);
          expect(text).not.toContain(']]>');
          expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
        }
      }
    }
    if (HAVE_XMLLINT) expect(xmllintErrors(docs)).toBe('');
    else console.warn('xmllint not found (Debian package libxml2-utils): skipped the xmllint check of hostile feeds');

    // What readers get back: the headline as text (forbidden characters dropped, bidi marks and ZWNJ kept),
    // the HTML fields escaped so that no element is live.
    const headline = hostile.headline.replace('\u0007', '');
    expect(headline).toContain('\u202E');
    const rssText = (await get(server, feedPath('rss', service))).text;
    // RSS plain-text elements carry markup characters as hexadecimal references (RSS Best Practices Profile).
    expect(rssText).toContain('<title>&#x3C;script&#x3E;alert(');
    const rss = await parser.parseString(rssText);
    expect(rss.title).toBe('خبرگزاری <آران> & ]]> — ' + service);
    const item = rss.items[0]!;
    expect(item.title).toBe(headline);
    expect(item.content).toBe(escapeHtml(hostile.lead.replace('\u0000', '')));
    expect(item.categories).toEqual([service, ...hostile.keywords]);
    const html = (item as { 'content:encoded'?: string })['content:encoded']!;
    expect(html).not.toMatch(/<script|<img|<b>|<!--/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&amp;lt;script&amp;gt;');
    expect(html).toContain(`نیم${ZWNJ}فاصله`);
    expect(html).toContain('خط\r\nشکسته'); // CR written as &#xD; survives parsing

    const atom = await parser.parseString((await get(server, feedPath('atom', service))).text);
    expect(atom.items[0]!.title).toBe(headline);
    expect(atom.items[0]!.summary).toBe(hostile.lead.replace('\u0000', ''));
    expect(atom.items[0]!.content).not.toMatch(/<script|<img|<b>/i);

    const json = JSON.parse((await get(server, feedPath('json', service))).text) as JsonFeed;
    expect(validateJsonFeed(json), JSON.stringify(validateJsonFeed.errors)).toBe(true);
    expect(json.items[0]!.title).toBe(headline);
    expect(json.items[0]!.content_html).not.toMatch(/<script|<img|<b>/i);
    expect(json.items[0]!.tags).toEqual([service, ...hostile.keywords]);
  });

  it('serve an empty, valid feed for a service in the settings that has no story yet', async () => {
    for (const format of ['rss', 'atom', 'json'] as const) {
      const { res, text } = await get(server, feedPath(format, emptyService));
      expect(res.status).toBe(200);
      expect(res.headers.get('last-modified')).toBeNull();
      if (format === 'json') {
        const json = JSON.parse(text) as JsonFeed;
        expect(validateJsonFeed(json), JSON.stringify(validateJsonFeed.errors)).toBe(true);
        expect(json.items).toEqual([]);
      } else {
        expect((await parser.parseString(text)).items).toEqual([]);
        if (HAVE_XMLLINT) expect(xmllintErrors([text])).toBe('');
      }
    }
  });
});
