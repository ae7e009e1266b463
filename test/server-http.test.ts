/**
 * HTTP craft (issue #5 item 6): security headers on every kind of response, ETag and Last-Modified with
 * 304s, brotli and gzip by Accept-Encoding (checked on the raw bytes), body-size limit, request log,
 * JSON errors on the API.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../src/story/index.js';
import { startTestServer, type TestServer } from './support/server.js';

/** A raw GET (no automatic decompression): status, headers, body bytes. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

describe('HTTP craft', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('sets the security headers on pages, API responses and errors', async () => {
    for (const path of ['/', '/api/v1/services', '/no-such-page', '/api/v1/no-such-route']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('answers a matching If-None-Match with 304 and no body, keeping the validators', async () => {
    const first = await fetch(`${server.url}/api/v1/services`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await rawGet(`${server.url}/api/v1/services`, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const other = await rawGet(`${server.url}/api/v1/services`, { 'If-None-Match': '"something-else"' });
    expect(other.status).toBe(200);
  });

  it('compresses with brotli or gzip as the client asks, and not at all when it does not', async () => {
    const plain = await rawGet(`${server.url}/`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    const br = await rawGet(`${server.url}/`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length);
    const gz = await rawGet(`${server.url}/`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    const refused = await rawGet(`${server.url}/`, { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    // The ETag names the content, whatever the encoding.
    expect(br.headers.etag).toBe(plain.headers.etag);
  });

  it('refuses an API body over 1 MB with a 413 JSON error, and stores nothing', async () => {
    const before = await server.store.countStories();
    const res = await fetch(`${server.url}/api/v1/stories`, {
      method: 'POST', body: 'x'.repeat(1024 * 1024 + 1), headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INPUT_TOO_LARGE');
    expect(await server.store.countStories()).toBe(before);
  });

  it('logs one line per request with method, path, status and time', async () => {
    await fetch(`${server.url}/api/v1/services?probe=1`);
    expect(server.log.some((l) => / GET \/api\/v1\/services 200 [\d.]+ms/.test(l))).toBe(true);
  });

  it('serves public responses from the micro-cache until the next wire event, then renders them again', async () => {
    const services = async () => ((await (await fetch(`${server.url}/api/v1/services`)).json()) as { items: Array<{ name: string }> }).items.map((x) => x.name);
    const before = await services();
    expect(before).not.toContain('سرویس آزمایشی');
    expect(await services()).toEqual(before);
    await server.store.putStory(createStory({ headline: 'خبر آزمایشی برای حافظهٔ نهان', service: 'سرویس آزمایشی', body: ['متن'] }));
    await server.hub.poke();
    expect(await services()).toContain('سرویس آزمایشی');
  });

  it('never caches a response for a request that carries a cookie', async () => {
    const a = await fetch(`${server.url}/api/v1/services`, { headers: { Cookie: 'session=x' } });
    expect(a.status).toBe(200);
    const b = await fetch(`${server.url}/api/v1/services`, { headers: { Cookie: 'session=x', 'If-None-Match': a.headers.get('etag')! } });
    expect(b.status).toBe(304); // conditional requests still work, from a fresh rendering
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await fetch(`${server.url}/`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"/);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });
});
