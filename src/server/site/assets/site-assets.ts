/**
 * The site's static files: the Vazirmatn font from the `vazirmatn` package (OFL-1.1; no request leaves
 * the machine), the stylesheet and the icon. Each is read or built once, when the routes are created,
 * and served from memory at a URL carrying a hash of its content, so it can be cached for a year
 * (`immutable`, RFC 8246) and a new build gets new URLs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { KhabarError } from '../../../errors/index.js';
import { FAVICON_SVG } from './favicon.js';
import { siteCss } from './site-css.js';

/** One file served from memory. */
interface Asset {
  body: Uint8Array;
  type: string;
}

/** Fingerprinted URLs of the site's files, for pages to link. */
export interface SiteAssets {
  /** The stylesheet. */
  css: string;
  /** The Vazirmatn variable font (weights 100–900), for a preload link. */
  font: string;
  /** The icon (SVG). */
  icon: string;
  /** Routes serving them under /assets, plus /favicon.ico. */
  routes: Hono;
}

/** A year, the longest max-age caches honour (RFC 9111 §5.2.2.1 suggests no more). */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The variable font holds every weight in one 110 KB file: one request instead of one per weight. */
const FONT_FILE = 'Vazirmatn[wght].woff2';

function hash(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 12);
}

/** The folder of the vazirmatn package, resolved the way Node would import it. */
function vazirmatnDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve('vazirmatn/package.json'));
  } catch {
    throw new KhabarError('IO', 'the vazirmatn package is not installed (npm install): the site needs its font');
  }
}

/** Reads the font and builds the stylesheet; call once per server. */
export function loadSiteAssets(): SiteAssets {
  const dir = vazirmatnDir();
  const font = new Uint8Array(readFileSync(join(dir, 'fonts', 'webfonts', FONT_FILE)));
  const license = new TextEncoder().encode(readFileSync(join(dir, 'OFL.txt'), 'utf8'));
  const fontUrl = `/assets/fonts/vazirmatn-${hash(font)}.woff2`;
  const css = new TextEncoder().encode(siteCss(fontUrl));
  const icon = new TextEncoder().encode(FAVICON_SVG);
  const files = new Map<string, Asset>([
    [fontUrl, { body: font, type: 'font/woff2' }],
    [`/assets/site-${hash(css)}.css`, { body: css, type: 'text/css; charset=utf-8' }],
    [`/assets/icon-${hash(icon)}.svg`, { body: icon, type: 'image/svg+xml' }],
    // The font's license travels with it (SIL OFL 1.1 §2); not fingerprinted, so it has a stable address.
    ['/assets/fonts/OFL.txt', { body: license, type: 'text/plain; charset=utf-8' }],
  ]);
  const urls = [...files.keys()];
  const routes = new Hono();
  // No Content-Length here: the app's finishResponse compresses text and sets the length it sends.
  const send = (a: Asset, cache: string) => new Response(a.body, { headers: { 'Content-Type': a.type, 'Cache-Control': cache } });
  routes.get('/assets/*', (c) => {
    const a = files.get(c.req.path);
    if (a === undefined) return c.notFound();
    return send(a, c.req.path.endsWith('.txt') ? 'public, max-age=86400' : IMMUTABLE);
  });
  routes.get('/favicon.ico', () => send(files.get(urls[2]!)!, 'public, max-age=86400'));
  return { font: urls[0]!, css: urls[1]!, icon: urls[2]!, routes };
}
