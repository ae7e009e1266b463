/**
 * A micro-cache of public GET responses, valid until the next wire event (and at most `maxAgeMs`): every
 * page, feed and API answer depends only on the usable stories, and every change to them — publish,
 * update, kill — advances the wire sequence, so an entry tagged with the sequence it was rendered at is
 * exactly as fresh as a new rendering (other processes' writes are seen when the hub next polls, within
 * a quarter second). Requests with a Cookie or Authorization header, and responses that set a cookie or
 * say `no-store`/`private`, are never cached. Entries hold the final bytes per content encoding, so a
 * hit costs no rendering, hashing or compression. Bounded by total bytes, least recently used first out.
 */
import type { MiddlewareHandler } from 'hono';
import { replaceResponse } from './replace-response.js';
import type { WireHub } from '../wire/wire-hub.js';
import { chooseEncoding, isNotModified, notModified } from './finish-response.js';

interface Entry {
  seq: number;
  at: number;
  status: number;
  headers: Array<[string, string]>;
  body: Uint8Array;
  etag: string | null;
}

export interface ResponseCacheOptions {
  maxBytes?: number;
  maxAgeMs?: number;
}

export function responseCache(hub: WireHub, options: ResponseCacheOptions = {}): MiddlewareHandler {
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const drop = (key: string) => {
    const e = entries.get(key);
    if (e === undefined) return;
    bytes -= e.body.length;
    entries.delete(key);
  };

  return async (c, next) => {
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || c.req.header('Cookie') !== undefined || c.req.header('Authorization') !== undefined) {
      return next();
    }
    const key = `${chooseEncoding(c.req.header('Accept-Encoding')) ?? 'identity'}|${c.req.header('Accept') ?? ''}|${c.req.url}`;
    const hit = entries.get(key);
    const now = Date.now();
    if (hit !== undefined && hit.seq === hub.lastSeq && now - hit.at < maxAgeMs) {
      entries.delete(key); // most recently used goes last
      entries.set(key, hit);
      const headers = new Headers(hit.headers);
      if (isNotModified(c.req.header('If-None-Match'), c.req.header('If-Modified-Since'), hit.etag, headers.get('Last-Modified'))) {
        replaceResponse(c, notModified(headers));
        return;
      }
      replaceResponse(c, new Response(method === 'HEAD' ? null : hit.body, { status: hit.status, headers: hit.headers }));
      return;
    }
    if (hit !== undefined) drop(key);
    const seq = hub.lastSeq;
    await next();
    const res = c.res;
    const cc = res.headers.get('Cache-Control') ?? '';
    if (method !== 'GET' || res.status !== 200 || res.body === null || res.headers.has('Set-Cookie') || /no-store|private/.test(cc) ||
      (res.headers.get('Content-Type') ?? '').startsWith('text/event-stream')) {
      return;
    }
    const body = new Uint8Array(await res.arrayBuffer());
    const entry: Entry = { seq, at: now, status: res.status, headers: [...res.headers.entries()], body, etag: res.headers.get('ETag') };
    replaceResponse(c, new Response(body, { status: res.status, headers: res.headers }));
    if (body.length > maxBytes / 16) return;
    entries.set(key, entry);
    bytes += body.length;
    for (const k of entries.keys()) {
      if (bytes <= maxBytes) break;
      drop(k);
    }
  };
}
