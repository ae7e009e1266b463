/**
 * The JSON API under /api/v1 (documented by its own OpenAPI 3.1 document at /api/v1/openapi.json):
 * stories with filters, one story as khabar JSON, ninjs, NewsML-G2 or wire text, versions, related
 * stories, archive search, services and agencies. Read-only. Errors are thrown as KhabarError and
 * answered by the app's error handler as `{ "error": { "code", "message" } }`; the live wire
 * (/api/v1/wire) is mounted beside this by app.ts.
 */
import { Hono } from 'hono';
import type { ServerDeps } from '../deps.js';
import { errorBody } from '../http/error-status.js';
import { openApiDocument } from './openapi.js';
import { API_LIMITS } from './params.js';
import { searchRoutes } from './search-routes.js';
import { storyRoutes } from './story-routes.js';

export { openApiDocument, OPENAPI_VERSION } from './openapi.js';
export { API_LIMITS, STORY_FORMATS } from './params.js';
export type { StoryFormat } from './params.js';
export { negotiateFormat, STORY_MEDIA_TYPES } from './negotiate.js';
export { storySummary, storyDetail } from './story-json.js';
export type { StorySummary, StoryDetail, StoryLinks } from './story-json.js';

/** How long clients and shared caches may keep a successful API answer (seconds): a wire moves fast. */
const MAX_AGE = 10;

/** The API routes, mounted by app.ts at /api/v1. */
export function apiRoutes(deps: ServerDeps): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    // Refuse huge query strings before any parameter is read (Node's own header limit, 16 KB, stops
    // the largest ones with 431 before they get here).
    const url = c.req.url;
    const q = url.indexOf('?');
    if (q >= 0 && url.length - q - 1 > API_LIMITS.queryString) {
      c.header('Cache-Control', 'no-store');
      return c.json(errorBody('INPUT_TOO_LARGE', `query string is ${url.length - q - 1} bytes, at most ${API_LIMITS.queryString}`), 414);
    }
    await next();
    if (!c.res.headers.has('Cache-Control')) {
      const cacheable = (c.req.method === 'GET' || c.req.method === 'HEAD') && c.res.status === 200;
      c.res.headers.set('Cache-Control', cacheable ? `public, max-age=${MAX_AGE}` : 'no-store');
    }
  });

  let doc: { baseUrl: string; siteName: string; body: string } | undefined;
  app.get('/openapi.json', (c) => {
    const { baseUrl, siteName } = deps.settings;
    if (doc === undefined || doc.baseUrl !== baseUrl || doc.siteName !== siteName) {
      doc = { baseUrl, siteName, body: JSON.stringify(openApiDocument(baseUrl, siteName)) };
    }
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(doc.body, 200, { 'Content-Type': 'application/json' });
  });

  app.route('/stories', storyRoutes(deps));
  app.route('/', searchRoutes(deps));
  return app;
}
