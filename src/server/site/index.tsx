/**
 * The public site (DESIGN.md §3, "Site"), server-rendered with hono/jsx: RTL Persian pages with Jalali
 * dates in Tehran time, Vazirmatn served from the package, no script. Routes:
 * - `/` home (lead story, latest, a box per service) — pages/home-page.tsx
 * - `/service/<name>?page=n` — pages/service-page.tsx
 * - `/story/<code>`, `/story/<code>/print` — pages/story-page.tsx
 * - `/search?q=&service=&tag=&from=&to=&sort=&page=` — pages/search-page.tsx
 * - `/archive` (→ today), `/archive/<yyyy>/<mm>/<dd>?page=n` — pages/archive-page.tsx
 * - `/assets/…` (CSS, font, icon; fingerprinted, cached a year), `/favicon.ico` — assets/site-assets.ts
 * The app (../app.ts) mounts {@link siteRoutes} at `/` and renders its 404 and error pages with
 * {@link renderNotFoundPage} and {@link renderErrorPage}.
 */
import { Hono, type Context } from 'hono';
import type { ServerDeps } from '../deps.js';
import { loadSiteAssets, type SiteAssets } from './assets/site-assets.js';
import { archiveIndex, archivePage } from './pages/archive-page.js';
import { errorPage, notFoundPage } from './pages/error-page.js';
import { homePage } from './pages/home-page.js';
import { searchPage } from './pages/search-page.js';
import { servicePage } from './pages/service-page.js';
import { storyPage } from './pages/story-page.js';
import { createSiteContext, type SiteContext } from './site-context.js';

/** One site context per ServerDeps, shared by the routes and the app's 404/error handlers. */
const contexts = new WeakMap<ServerDeps, SiteContext>();
/** The assets are the same for every server in the process: read the font once. */
let assets: SiteAssets | undefined;

function contextOf(deps: ServerDeps): SiteContext {
  let ctx = contexts.get(deps);
  if (ctx === undefined) {
    assets ??= loadSiteAssets();
    ctx = createSiteContext(deps, { css: assets.css, font: assets.font, icon: assets.icon });
    contexts.set(deps, ctx);
  }
  return ctx;
}

/** The site's routes, to mount at `/`. */
export function siteRoutes(deps: ServerDeps): Hono {
  const ctx = contextOf(deps);
  const app = new Hono();
  app.route('/', assets!.routes);
  app.get('/', (c) => homePage(c, ctx));
  app.get('/service/:name', (c) => servicePage(c, ctx, c.req.param('name')));
  app.get('/story/:code', (c) => storyPage(c, ctx, c.req.param('code'), false));
  app.get('/story/:code/print', (c) => storyPage(c, ctx, c.req.param('code'), true));
  app.get('/search', (c) => searchPage(c, ctx));
  app.get('/archive', (c) => archiveIndex(c, ctx));
  app.get('/archive/:y/:m/:d', (c) => archivePage(c, ctx, c.req.param('y'), c.req.param('m'), c.req.param('d')));
  return app;
}

/** The Persian 404 page (status 404), for any path no route answered outside the API. */
export function renderNotFoundPage(c: Context, deps: ServerDeps): Response | Promise<Response> {
  return notFoundPage(c, contextOf(deps));
}

/** The Persian error page with `status` and the error's `message` (internal errors arrive without details). */
export function renderErrorPage(c: Context, deps: ServerDeps, status: number, message: string): Response | Promise<Response> {
  return errorPage(c, contextOf(deps), status, message);
}
