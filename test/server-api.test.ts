/**
 * The JSON API against its own OpenAPI document: the document validates as OpenAPI 3.1, and every
 * path + method in it answers as documented — 200 with a body that validates against the documented
 * schema (for each documented media type of a story), and each documented error status, provoked on
 * purpose, with the documented error body. Every parameter the document constrains is also sent with a
 * value that breaks the constraint and must give 400 naming it. Representations: ninjs against the IPTC
 * 2.2 schema, NewsML-G2 against the 2.35 XSD, wire text parsed back to the same headline.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { schemaError } from './support/schema-check.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory, parseWire, type Story } from '../src/story/index.js';
import { startTestServer, type TestServer } from './support/server.js';
import { HAVE_STANDARDS, ninjsValidator, validateNewsML } from './support/validators.js';

type Obj = Record<string, any>;

let srv: TestServer;
/** The document as served, and with every $ref replaced by its target. */
let doc: Obj;
let resolved: Obj;
/** Ids and codes of stories written for this test. */
const fixture = { killedId: 0, killedCode: 0 };


function story(init: Partial<Story> & { headline: string; uri: string }): Story {
  return createStory({
    lead: 'لید آزمایشی این خبر برای آزمون رابط برنامه‌نویسی نوشته شده است.',
    body: ['بند نخست خبر آزمایشی.', 'بند دوم خبر آزمایشی.'],
    service: 'سرویس آزمون', agency: 'خبرگزاری آران', credit: 'خبرگزاری آران / سرویس آزمون', endMarker: 'پایان پیام.',
    firstCreated: '2025-01-01T08:00:00Z', versionCreated: '2025-01-01T08:00:00Z',
    ...init,
  });
}

beforeAll(async () => {
  srv = await startTestServer();
  const killed = story({ uri: 'urn:test:api:killed', headline: 'خبری که بعدا لغو شد' });
  await srv.store.putStory(killed);
  const r = await srv.store.putStory({ ...killed, version: 2, pubStatus: 'canceled', versionCreated: '2025-01-01T09:00:00Z' });
  fixture.killedId = r.id;
  fixture.killedCode = r.code;
  const res = await fetch(`${srv.url}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as Obj;
  const validator = new Validator();
  const v = await validator.validate(structuredClone(doc));
  expect(v.errors ?? []).toEqual([]);
  resolved = validator.resolveRefs() as Obj;
});
afterAll(async () => srv?.close());

/** Path with its path parameters filled, plus query string. */
function url(path: string, pathParams: Obj, query: Obj): string {
  const p = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(pathParams[name])));
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return `${srv.url}/api/v1${p}${qs ? `?${qs}` : ''}`;
}

/** The newsroom's paths need a session; test/newsroom-openapi.test.ts walks them. */
const isNewsroom = (path: string) => path.startsWith('/newsroom/');

/** Every operation of the resolved document (the public API's). */
function operations(): Array<{ path: string; method: string; op: Obj }> {
  const out: Array<{ path: string; method: string; op: Obj }> = [];
  for (const [path, item] of Object.entries(resolved['paths'] as Obj)) {
    if (isNewsroom(path)) continue;
    for (const [method, op] of Object.entries(item as Obj)) out.push({ path, method, op: op as Obj });
  }
  return out;
}

/** The example value of every parameter of an operation, by location. */
function examples(op: Obj): { path: Obj; query: Obj; header: Obj } {
  const out = { path: {} as Obj, query: {} as Obj, header: {} as Obj };
  for (const p of (op['parameters'] ?? []) as Obj[]) {
    if (p['required']) expect(p['example'], `${p['name']} has an example`).toBeDefined();
    if (p['example'] !== undefined) out[p['in'] as 'path' | 'query' | 'header'][p['name']] = p['example'];
  }
  return out;
}

/** Values that break a parameter's schema (what the document promises the API refuses). */
function badValues(schema: Obj): string[] {
  if (schema['enum']) return ['nope'];
  if (schema['type'] === 'boolean') return ['maybe', '1'];
  if (schema['type'] === 'integer') {
    const out = ['abc', '1.5', ''];
    if (schema['minimum'] !== undefined) out.push(String(schema['minimum'] - 1));
    if (schema['maximum'] !== undefined) out.push(String(BigInt(schema['maximum']) + 1n));
    return out;
  }
  const out: string[] = [];
  if (schema['pattern']) out.push('x1');
  if (schema['maxLength'] !== undefined) out.push('x'.repeat(schema['maxLength'] + 1));
  if (schema['minLength']) out.push('');
  return out;
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with the server it was fetched from, and documents every route', () => {
    expect(doc['openapi']).toMatch(/^3\.1\./);
    expect(doc['servers'][0].url).toBe(`${srv.url}/api/v1`);
    expect(Object.keys(doc['paths']).filter((p) => !isNewsroom(p)).sort()).toEqual([
      '/agencies', '/openapi.json', '/search', '/services', '/stories', '/stories/code/{code}', '/stories/{id}',
      '/stories/{id}/related', '/stories/{id}/versions', '/wire',
    ]);
    expect(doc['components'].schemas.Error).toBeDefined();
    for (const { path, method, op } of operations()) {
      expect(op['operationId'], `${method} ${path}`).toBeTruthy();
      expect(op['responses']['200'], `${method} ${path}`).toBeDefined();
      for (const [status, r] of Object.entries(op['responses'] as Obj)) {
        if (Number(status) >= 400) expect((r as Obj)['content']['application/json'].schema.properties.error, `${method} ${path} ${status}`).toBeDefined();
      }
      for (const p of (op['parameters'] ?? []) as Obj[]) expect(p['schema']['type'], `${path} ${p['name']}`).toBeDefined();
    }
  });
});

describe('every path and method answers as documented', () => {
  it('200 with the examples, each documented media type, bodies valid against the documented schemas', async () => {
    const validateNinjs = HAVE_STANDARDS ? ninjsValidator() : undefined;
    const newsml: string[] = [];
    let checked = 0;
    for (const { path, method, op } of operations()) {
      expect(method).toBe('get');
      const ex = examples(op);
      // The representation is asked for by Accept here (`?format=` would win over it).
      const { format: _format, ...query } = ex.query;
      const target = url(path, ex.path, query);
      const ok = op['responses']['200'] as Obj;
      for (const [type, media] of Object.entries(ok['content'] as Obj)) {
        const where = `${path} as ${type}`;
        if (type === 'text/event-stream') {
          const ac = new AbortController();
          const res = await fetch(target, { headers: ex.header, signal: ac.signal });
          expect(res.status, where).toBe(200);
          expect(res.headers.get('content-type'), where).toMatch(/^text\/event-stream/);
          const reader = res.body!.getReader();
          let text = '';
          while (!text.includes('event: ready')) text += new TextDecoder().decode((await reader.read()).value);
          ac.abort();
          checked++;
          continue;
        }
        const res = await fetch(target, { headers: { ...ex.header, Accept: type } });
        expect(res.status, where).toBe(200);
        expect(res.headers.get('content-type'), where).toBe(type === 'application/json' ? type : `${type}; charset=utf-8`);
        for (const h of Object.keys((ok['headers'] ?? {}) as Obj)) expect(res.headers.get(h), `${where}: header ${h}`).not.toBeNull();
        expect(res.headers.get('cache-control'), where).toMatch(/^public, max-age=\d+$/);
        const body = await res.text();
        if (type.endsWith('json')) {
          const data = JSON.parse(body);
          expect(schemaError((media as Obj)['schema'], data), where).toBeUndefined();
          if (type === 'application/ninjs+json' && validateNinjs) expect(validateNinjs(data), where).toBeUndefined();
          if (path === '/stories' || path === '/search') expect(data.total, `${where}: the examples find something`).toBeGreaterThan(0);
        } else if (type === 'text/plain') {
          expect(parseWire(body).story.headline, where).toBeTruthy();
        } else {
          expect(type).toBe('application/vnd.iptc.g2.newsitem+xml');
          expect(body, where).toMatch(/^<\?xml[^>]*\?>\s*<newsItem /);
          newsml.push(body);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(16);
    if (HAVE_STANDARDS) expect(validateNewsML(newsml)).toEqual([]);
    else console.log('skipped NewsML-G2 and ninjs validation: ../shared/standards is absent');
  });

  it('every documented error status, provoked, with the documented error body', async () => {
    const provoked = new Set<string>();
    const documented = new Set<string>();
    for (const { path, method, op } of operations()) {
      const ex = examples(op);
      const statuses = Object.keys(op['responses'] as Obj).filter((s) => s !== '200');
      const errorSchema = (s: string) => (op['responses'][s] as Obj)['content']?.['application/json']?.schema as Obj;
      const expectError = async (res: Response, status: string, why: string, code?: string) => {
        const where = `${method.toUpperCase()} ${path} ${why}`;
        expect(res.status, where).toBe(Number(status));
        expect(res.headers.get('content-type'), where).toMatch(/^application\/json/);
        const body = (await res.json()) as Obj;
        expect(schemaError(errorSchema(status), body), where).toBeUndefined();
        if (code) expect(body['error'].code, where).toBe(code);
        provoked.add(`${path} ${status}`);
        return body['error'].message as string;
      };
      for (const status of statuses) {
        documented.add(`${path} ${status}`);
        switch (status) {
          case '304': {
            const first = await fetch(url(path, ex.path, ex.query));
            const etag = first.headers.get('etag')!;
            const again = await fetch(url(path, ex.path, ex.query), { headers: { 'If-None-Match': etag } });
            expect(again.status, `${path} If-None-Match`).toBe(304);
            provoked.add(`${path} ${status}`);
            break;
          }
          case '400': {
            // Every constrained parameter, one at a time, with each value that breaks it.
            for (const p of (op['parameters'] ?? []) as Obj[]) {
              for (const bad of badValues(p['schema'] as Obj)) {
                const where = `${p['in']} ${p['name']}=${JSON.stringify(bad.slice(0, 20))}`;
                const res = p['in'] === 'header'
                  ? await fetch(url(path, ex.path, ex.query), { headers: { [p['name']]: bad } })
                  : await fetch(url(path, p['in'] === 'path' ? { ...ex.path, [p['name']]: bad } : ex.path,
                    p['in'] === 'query' ? { ...ex.query, [p['name']]: bad } : ex.query));
                if (p['in'] === 'path' && bad === '') {
                  // `/stories//versions` is another route: no such thing, so a 404.
                  expect([400, 404], where).toContain(res.status);
                  continue;
                }
                const message = await expectError(res, status, where, 'INVALID_INPUT');
                expect(squash(message), `${where}: message names the parameter: ${message}`).toContain(squash(p['name']));
              }
            }
            break;
          }
          case '404': {
            const missing = { ...ex.path, id: 987654321, code: 987654321 };
            await expectError(await fetch(url(path, missing, ex.query)), status, 'unknown story', 'NOT_FOUND');
            break;
          }
          case '406':
            await expectError(await fetch(url(path, ex.path, {}), { headers: { Accept: 'image/png, audio/*;q=0.5' } }), status, 'Accept: image/png', 'INVALID_INPUT');
            break;
          case '410': {
            const killed = { id: fixture.killedId, code: fixture.killedCode };
            const message = await expectError(await fetch(url(path, killed, {})), status, 'killed story', 'NOT_FOUND');
            expect(message).toMatch(/killed/);
            break;
          }
          case '414':
            await expectError(await fetch(url(path, ex.path, { ...ex.query, pad: 'x'.repeat(9000) })), status, '9 KB query string', 'INPUT_TOO_LARGE');
            break;
          default:
            throw new Error(`${method} ${path}: no way to provoke documented status ${status}`);
        }
      }
    }
    expect([...provoked].sort()).toEqual([...documented].sort());
    expect(documented.size).toBeGreaterThanOrEqual(25);
  });
});

describe('conditional requests by date', () => {
  it('If-Modified-Since → 304 for a story, also when the answer is already in the server\'s micro-cache', async () => {
    for (const path of ['/stories/5', '/stories/5?format=ninjs', '/stories/6/versions']) {
      const first = await fetch(`${srv.url}/api/v1${path}`);
      const lastModified = first.headers.get('last-modified')!;
      expect(lastModified, path).toBeTruthy();
      // The second request is answered from src/server/http/response-cache.ts.
      const since = await fetch(`${srv.url}/api/v1${path}`, { headers: { 'If-Modified-Since': lastModified } });
      expect(since.status, `${path} If-Modified-Since`).toBe(304);
      const older = await fetch(`${srv.url}/api/v1${path}`, { headers: { 'If-Modified-Since': new Date(Date.parse(lastModified) - 60_000).toUTCString() } });
      expect(older.status, `${path} modified since a minute before`).toBe(200);
    }
  });
});

describe('one story in four representations', () => {
  it('by Accept and by ?format=, ?format= winning, with Vary and Last-Modified', async () => {
    const json = (await (await fetch(`${srv.url}/api/v1/stories/3`)).json()) as Obj;
    const cases: Array<[Obj, string | undefined, RegExp]> = [
      [{}, undefined, /^application\/json/],
      [{ Accept: '*/*' }, undefined, /^application\/json/],
      [{ Accept: 'application/json' }, undefined, /^application\/json/],
      [{ Accept: 'application/ninjs+json' }, undefined, /^application\/ninjs\+json/],
      [{ Accept: 'application/vnd.iptc.g2.newsitem+xml' }, undefined, /^application\/vnd\.iptc\.g2\.newsitem\+xml/],
      [{ Accept: 'application/xml' }, undefined, /^application\/vnd\.iptc\.g2\.newsitem\+xml/],
      [{ Accept: 'text/plain' }, undefined, /^text\/plain/],
      [{ Accept: 'text/*' }, undefined, /^text\/plain/],
      [{ Accept: 'text/plain;q=0.5, application/ninjs+json' }, undefined, /^application\/ninjs\+json/],
      [{ Accept: 'application/json;q=0.1, text/plain;q=0.9' }, undefined, /^text\/plain/],
      [{ Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }, undefined, /newsitem\+xml/],
      [{ Accept: 'text/plain' }, 'json', /^application\/json/],
      [{ Accept: 'application/json' }, 'ninjs', /^application\/ninjs\+json/],
      [{ Accept: 'application/json' }, 'newsml', /newsitem\+xml/],
      [{ Accept: 'image/png' }, 'wire', /^text\/plain/],
    ];
    for (const [headers, format, type] of cases) {
      const res = await fetch(`${srv.url}/api/v1/stories/3${format ? `?format=${format}` : ''}`, { headers });
      const where = `${JSON.stringify(headers)} format=${format}`;
      expect(res.status, where).toBe(200);
      expect(res.headers.get('content-type'), where).toMatch(type);
      expect(res.headers.get('vary'), where).toMatch(/\bAccept\b/);
      expect(res.headers.get('last-modified'), where).toBe(new Date(json['versionCreated']).toUTCString());
      expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');
    }
    // The same story by code, in each representation, is the same as by id.
    for (const format of ['json', 'ninjs', 'newsml', 'wire']) {
      const [a, b] = await Promise.all([
        fetch(`${srv.url}/api/v1/stories/3?format=${format}`).then((r) => r.text()),
        fetch(`${srv.url}/api/v1/stories/code/${json['code']}?format=${format}`).then((r) => r.text()),
      ]);
      expect(b, format).toBe(a);
    }
    const bad = await fetch(`${srv.url}/api/v1/stories/3?format=pdf`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Obj)['error'].message).toMatch(/format/);
  });

  it('ninjs validates against ninjs 2.2 and NewsML-G2 against the XSD, for every demo story', async () => {
    if (!HAVE_STANDARDS) {
      console.log('skipped: ../shared/standards is absent (ninjs schema, NewsML-G2 XSD)');
      return;
    }
    const validate = ninjsValidator();
    const list = (await (await fetch(`${srv.url}/api/v1/stories?limit=100`)).json()) as Obj;
    expect(list['items'].length).toBe(48);
    const xml: string[] = [];
    for (const item of list['items'] as Obj[]) {
      const ninjs = await (await fetch(`${srv.url}/api/v1/stories/${item['id']}`, { headers: { Accept: 'application/ninjs+json' } })).json();
      expect(validate(ninjs), `story ${item['id']}`).toBeUndefined();
      expect((ninjs as Obj)['uri']).toBe(item['uri']);
      xml.push(await (await fetch(`${srv.url}/api/v1/stories/${item['id']}?format=newsml`)).text());
    }
    expect(validateNewsML(xml)).toEqual([]);
  });

  it('wire text parses back to the same story text', async () => {
    const list = (await (await fetch(`${srv.url}/api/v1/stories?limit=100`)).json()) as Obj;
    for (const item of (list['items'] as Obj[]).slice(0, 48)) {
      const full = (await (await fetch(`${srv.url}/api/v1/stories/${item['id']}`)).json()) as Obj;
      const text = await (await fetch(`${srv.url}/api/v1/stories/${item['id']}`, { headers: { Accept: 'text/plain' } })).text();
      const { story: back, warnings } = parseWire(text);
      expect(warnings, `story ${item['id']}`).toEqual([]);
      expect(back.headline).toBe(full['headline']);
      expect(back.lead).toBe(full['lead']);
      expect(back.body).toEqual(full['body']);
      expect(back.service).toBe(full['service']);
    }
  });
});
