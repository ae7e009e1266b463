/**
 * Sending newsroom pages: HTML, `Cache-Control: no-store` (one user's view, with their CSRF token in
 * it: no cache may keep it), and POST-redirect-GET redirects (303 See Other, RFC 9110 §15.4.4).
 */
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';

/** The page as an HTML response. Components are synchronous, so the element is a string already. */
export function sendHtml(c: Context, page: JSX.Element, status = 200): Response {
  if (typeof (page as { then?: unknown }).then === 'function') throw new Error('newsroom pages must render synchronously');
  return c.body(`<!doctype html>${String(page)}`, status as 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
}

/** 303 to `location` (a path on this site). */
export function seeOther(c: Context, location: string): Response {
  return c.body(null, 303, { Location: location, 'Cache-Control': 'no-store' });
}

/** The login page's address, coming back to `next` afterwards (only paths under /newsroom). */
export function loginUrl(next?: string): string {
  return next && safeNext(next) !== '/newsroom' ? `/newsroom/login?next=${encodeURIComponent(next)}` : '/newsroom/login';
}

/** `next` when it is a path under /newsroom on this site, else /newsroom (no open redirect). */
export function safeNext(next: string | undefined): string {
  if (typeof next !== 'string' || !/^\/newsroom(?:[/?#]|$)/.test(next) || next.includes('\\') || next.startsWith('//')) return '/newsroom';
  return next;
}
