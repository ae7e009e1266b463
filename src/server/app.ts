/**
 * The HTTP application: middleware every response goes through (request log, security headers, a
 * micro-cache of public responses, conditional requests and compression, body-size limit on the API), then the routes — the live wire,
 * the JSON API, the feeds and the site — and the error pages. Built once per server; all state lives in
 * the dependencies.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isKhabarError } from '../errors/index.js';
import type { ServerDeps } from './deps.js';
import { errorBody, statusOf } from './http/error-status.js';
import { finishResponse } from './http/finish-response.js';
import { apiNotFound } from './http/not-found.js';
import { requestLog } from './http/request-log.js';
import { responseCache } from './http/response-cache.js';
import { securityHeaders } from './http/security-headers.js';
import { apiRoutes } from './api/index.js';
import { newsroomApi } from './newsroom-api/index.js';
import { feedRoutes } from './feeds/index.js';
import { newsroomUi } from './newsroom-ui/index.js';
import { renderErrorPage, renderNotFoundPage, siteRoutes } from './site/index.js';
import { wireRoute, type WireRouteOptions } from './wire/wire-route.js';

/** Largest request body the API accepts. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  wire?: WireRouteOptions;
  /** The public-response micro-cache (http/response-cache.ts); on unless false. */
  cache?: boolean;
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

export function createApp(deps: ServerDeps, options: AppOptions = {}): Hono {
  const app = new Hono();
  app.use('*', requestLog(deps.log));
  app.use('*', securityHeaders());
  if (options.cache !== false) app.use('*', responseCache(deps.hub));
  app.use('*', finishResponse());
  app.use('/api/*', bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // Connection: close — the rest of the body is not read, so the connection cannot carry another request.
    onError: (c) => c.json(errorBody('INPUT_TOO_LARGE', `request body over ${MAX_BODY_BYTES} bytes`), 413, { Connection: 'close' }),
  }));
  app.route('/api/v1/wire', wireRoute(deps, options.wire));
  app.route('/api/v1/newsroom', newsroomApi(deps));
  app.route('/api/v1', apiRoutes(deps));
  app.route('/feeds', feedRoutes(deps));
  app.route('/newsroom', newsroomUi(deps));
  app.route('/', siteRoutes(deps));
  app.notFound((c) => (isApi(c.req.path) ? apiNotFound(c) : renderNotFoundPage(c, deps)));
  app.onError((e, c) => {
    const status = isKhabarError(e) ? statusOf(e.code) : 500;
    const code = isKhabarError(e) ? e.code : 'INTERNAL';
    // Internal errors are logged with their stack and shown without details.
    const message = isKhabarError(e) ? e.message : 'internal server error';
    if (status >= 500) deps.log(`error ${c.req.method} ${c.req.path}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    if (isApi(c.req.path)) return c.json(errorBody(code, message), status);
    return renderErrorPage(c, deps, status, message);
  });
  return app;
}
