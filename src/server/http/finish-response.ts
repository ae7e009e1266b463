/**
 * Conditional requests and compression for every buffered response (streams such as the live wire pass
 * through untouched):
 * - a strong ETag from the body's SHA-1, and 304 for a matching If-None-Match;
 * - 304 for If-Modified-Since when the handler set Last-Modified and no ETag condition was sent;
 * - brotli or gzip by Accept-Encoding for text bodies over 1 KB (brotli at quality 5: the default 11 costs
 *   milliseconds per page, more than rendering it), with `Vary: Accept-Encoding`.
 */
import { createHash } from 'node:crypto';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { MiddlewareHandler } from 'hono';
import { replaceResponse } from './replace-response.js';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const COMPRESSIBLE = /^(text\/|application\/([\w.-]+\+)?(json|xml)\b|application\/javascript|image\/svg)/;
const MIN_COMPRESS = 1024;
/** Headers a 304 keeps (RFC 9110 §15.4.5). */
const KEPT_ON_304 = ['cache-control', 'etag', 'last-modified', 'vary', 'expires', 'content-location'];

/** A 304 carrying the validators and caching headers of `headers`. */
export function notModified(headers: Headers): Response {
  const kept = new Headers();
  for (const k of KEPT_ON_304) {
    const v = headers.get(k);
    if (v !== null) kept.set(k, v);
  }
  return new Response(null, { status: 304, headers: kept });
}

/**
 * Whether a request's conditions say the client has this representation: If-None-Match against the ETag
 * (weak or strong, `*`), else If-Modified-Since against Last-Modified (RFC 9110 §13.2.2 order).
 */
export function isNotModified(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined,
  etag: string | null, lastModified: string | null): boolean {
  if (ifNoneMatch !== undefined) {
    const tags = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || (etag !== null && tags.includes(etag.replace(/^W\//, '')));
  }
  if (ifModifiedSince === undefined || lastModified === null) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}

/** The encoding to use for an Accept-Encoding header, if any. */
export function chooseEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  if (!accept) return undefined;
  const allowed = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    allowed.set(name!, q ? Number(q[1]) : 1);
  }
  const ok = (e: string) => (allowed.get(e) ?? allowed.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

export function finishResponse(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    const res = c.res;
    const type = res.headers.get('Content-Type') ?? '';
    if ((method !== 'GET' && method !== 'HEAD') || res.status !== 200 || type.startsWith('text/event-stream') || res.body === null) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const etag = res.headers.get('ETag') ?? `"${createHash('sha1').update(body).digest('base64url')}"`;
    const headers = new Headers(res.headers);
    headers.set('ETag', etag);
    if (isNotModified(c.req.header('If-None-Match'), c.req.header('If-Modified-Since'), etag, headers.get('Last-Modified'))) {
      replaceResponse(c, notModified(headers));
      return;
    }
    let out: Uint8Array = body;
    if (COMPRESSIBLE.test(type)) {
      const vary = headers.get('Vary');
      if (vary === null || !/accept-encoding/i.test(vary)) headers.append('Vary', 'Accept-Encoding');
      const encoding = body.length >= MIN_COMPRESS ? chooseEncoding(c.req.header('Accept-Encoding')) : undefined;
      if (encoding === 'br') {
        out = await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
      } else if (encoding === 'gzip') {
        out = await gz(body, { level: 6 });
      }
      if (encoding !== undefined) headers.set('Content-Encoding', encoding);
    }
    headers.set('Content-Length', String(out.length));
    replaceResponse(c, new Response(method === 'HEAD' ? null : out, { status: res.status, headers }));
  };
}
