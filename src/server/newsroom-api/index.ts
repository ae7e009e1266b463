/**
 * The newsroom JSON API under `/api/v1/newsroom` (issue #6): every newsroom action as an endpoint, with
 * exactly the permission checks of the newsroom service (it calls nothing else). Sessions by cookie or
 * bearer token, CSRF on cookie-authenticated unsafe requests (session.ts), JSON bodies checked with zod
 * (body.ts), errors `{ "error": { "code", "message" } }` from the app's handler, and `Cache-Control:
 * no-store` on every answer: they are one user's view and must not be kept by any cache.
 */
import { Hono } from 'hono';
import { createNewsroom, type Newsroom } from '../../newsroom/index.js';
import type { ServerDeps } from '../deps.js';
import { adminRoutes } from './admin-routes.js';
import { authRoutes } from './auth-routes.js';
import { itemRoutes } from './item-routes.js';
import { sessionMiddleware, type NewsroomEnv } from './session.js';

export { SESSION_COOKIE, CSRF_HEADER } from './session.js';
export { ITEM_MOVES } from './item-routes.js';

/** The newsroom API, mounted by app.ts at /api/v1/newsroom (before the public API). */
export function newsroomApi(deps: ServerDeps): Hono<NewsroomEnv> {
  // Without a newsroom in the dependencies (an older composition root), one over the same store.
  const newsroom: Newsroom = deps.newsroom ?? createNewsroom({ store: deps.store, onWrite: () => deps.hub.poke(), agency: deps.settings.agency });
  const app = new Hono<NewsroomEnv>();
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use('*', sessionMiddleware(newsroom, (path) => path.endsWith('/login')));
  app.route('/', authRoutes(deps, newsroom));
  app.route('/', adminRoutes(deps, newsroom));
  app.route('/items', itemRoutes(newsroom));
  return app;
}
