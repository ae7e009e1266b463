/**
 * The newsroom's static files: its stylesheet and the editor's script, served from memory under
 * `/newsroom/assets/` at URLs carrying a hash of their content (cached a year, `immutable`, RFC 8246).
 * The site's own stylesheet and font (site/assets) are linked too: one look, one font file.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { loadSiteAssets } from '../../site/assets/site-assets.js';
import { EDITOR_JS } from './editor-js.js';
import { NEWSROOM_CSS } from './newsroom-css.js';

/** URLs the pages link, and the routes serving the newsroom's own files. */
export interface UiAssets {
  siteCss: string;
  icon: string;
  css: string;
  js: string;
  /** Routes for `/assets/*`, to mount under `/newsroom`. */
  routes: Hono;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const hash = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 12);

let cached: UiAssets | undefined;

/** Builds the assets once per process. */
export function uiAssets(): UiAssets {
  if (cached) return cached;
  const site = loadSiteAssets();
  const files = new Map<string, { body: string; type: string }>([
    [`/assets/newsroom-${hash(NEWSROOM_CSS)}.css`, { body: NEWSROOM_CSS, type: 'text/css; charset=utf-8' }],
    [`/assets/editor-${hash(EDITOR_JS)}.js`, { body: EDITOR_JS, type: 'text/javascript; charset=utf-8' }],
  ]);
  const [css, js] = [...files.keys()];
  const routes = new Hono();
  routes.get('/assets/*', (c) => {
    const f = files.get(c.req.path.replace(/^\/newsroom/, ''));
    if (!f) return c.notFound();
    return c.body(f.body, 200, { 'Content-Type': f.type, 'Cache-Control': IMMUTABLE });
  });
  cached = { siteCss: site.css, icon: site.icon, css: `/newsroom${css!}`, js: `/newsroom${js!}`, routes };
  return cached;
}
