/**
 * Sends a rendered page with its caching headers. Pages are public and short-lived (30 s: a newsroom
 * publishes continuously); ETag and compression are added by the app's finishResponse middleware.
 * Server errors are never cached.
 */
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';

/** How long a page may be reused by browsers and shared caches. */
export const PAGE_MAX_AGE = 30;

/** Options of {@link sendPage}. */
export interface SendPageOptions {
  status?: number;
  /** The newest instant the page shows (ISO); becomes Last-Modified. */
  lastModified?: string | undefined;
}

/** The page as an HTML response. Components are synchronous, so the element is a string already. */
export function sendPage(c: Context, page: JSX.Element, options: SendPageOptions = {}): Response {
  if (typeof (page as { then?: unknown }).then === 'function') throw new Error('sendPage: site components must render synchronously');
  const status = options.status ?? 200;
  const headers: Record<string, string> = {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': status >= 500 ? 'no-store' : `public, max-age=${PAGE_MAX_AGE}`,
  };
  const ms = options.lastModified === undefined ? NaN : Date.parse(options.lastModified);
  // Last-Modified may not be in the future (RFC 9110 §8.8.2.1), e.g. for a clock-skewed import.
  if (!Number.isNaN(ms)) headers['Last-Modified'] = new Date(Math.min(ms, Date.now())).toUTCString();
  return c.body(`<!doctype html>${String(page)}`, status as 200, headers);
}
