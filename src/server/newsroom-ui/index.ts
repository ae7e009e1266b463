/**
 * The newsroom UI (issue #6 item 5), server-rendered with hono/jsx: RTL Persian pages, Jalali Tehran
 * times, every action through the newsroom service (which checks permissions itself, whatever a page
 * showed). Mounted by app.ts at `/newsroom`:
 * - `GET|POST /newsroom/login`, `POST /newsroom/logout`, `POST /newsroom/logout-everywhere` — auth-routes.ts
 * - `GET /newsroom` — the desk queues (pages/queue-page.tsx)
 * - `GET /newsroom/items/new`, `POST /newsroom/items`, `GET|POST /newsroom/items/{id}`,
 *   `POST /newsroom/suggest` — the story editor (editor-routes.ts)
 * - `GET /newsroom/items/{id}/history?from=&to=` — revisions and their word diff (pages/history-page.tsx)
 * - `GET /newsroom/audit?before=` — the audit log, chief and admin (pages/audit-page.tsx)
 * - `/newsroom/assets/…` — the newsroom's stylesheet and the editor's script (fingerprinted)
 *
 * Sessions are the API's (newsroom-api/session.ts: the `khabar_session` cookie, resolved by its
 * middleware). Every POST but the login carries the session's CSRF token in the hidden `_csrf` field
 * (or the API's `X-CSRF-Token` header, for the editor's script) and is refused with a 403 page and no
 * change otherwise; the login checks Origin as the API's does. Answers are `no-store`; a request
 * without a session is sent to the login page; a denial is a Persian 403 page naming what was refused.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isKhabarError } from '../../errors/index.js';
import { tokensEqual, type NewsroomAction } from '../../newsroom/index.js';
import type { ServerDeps } from '../deps.js';
import { statusOf } from '../http/error-status.js';
import { CSRF_HEADER, sessionMiddleware, type NewsroomEnv, type RequestAuth } from '../newsroom-api/session.js';
import { renderErrorPage } from '../site/index.js';
import { authRoutes } from './auth-routes.js';
import { CSRF_FIELD } from './components/csrf-field.js';
import { editorRoutes } from './editor-routes.js';
import { ACTION_LABELS } from './labels.js';
import { auditPage } from './pages/audit-page.js';
import { historyPage } from './pages/history-page.js';
import { messagePage } from './pages/message-page.js';
import { queuePage } from './pages/queue-page.js';
import { loginUrl, seeOther } from './send.js';
import { createUiContext, type UiContext } from './ui-context.js';

/**
 * Largest form body: the story limits (1,000-character headline, 10,000-character lead, 200 paragraphs)
 * as UTF-8 percent-encoding writes Persian letters (6 bytes a letter).
 */
export const MAX_FORM_BYTES = 8 * 1024 * 1024;

/** The session of `c`; routes behind {@link requireSession} always have one. */
export function sessionOf(c: Context<NewsroomEnv>): RequestAuth {
  return c.get('auth')!;
}

/** The newsroom UI, to mount at `/newsroom`. */
export function newsroomUi(deps: ServerDeps): Hono<NewsroomEnv> {
  const ctx = createUiContext(deps);
  const app = new Hono<NewsroomEnv>();
  app.route('/', ctx.assets.routes);
  app.use('*', async (c, next) => {
    await next();
    if (!c.req.path.startsWith('/newsroom/assets/')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use('*', bodyLimit({
    maxSize: MAX_FORM_BYTES,
    onError: (c) => messagePage(c, ctx, 413, 'متن فرستاده‌شده بیش از اندازه بزرگ است.'),
  }));
  // The API's session resolution; its header-only CSRF rule is replaced below by the form field.
  app.use('*', sessionMiddleware(ctx.newsroom, () => true));
  app.use('*', csrfForForms(ctx));
  app.route('/', authRoutes(ctx));
  app.use('*', requireSession());
  app.get('/', (c) => queuePage(c, ctx, sessionOf(c)));
  app.route('/', editorRoutes(ctx));
  app.get('/items/:id/history', (c) => historyPage(c, ctx, sessionOf(c)));
  app.get('/audit', (c) => auditPage(c, ctx, sessionOf(c)));
  app.notFound((c) => messagePage(c, ctx, 404, 'صفحه‌ای با این نشانی در اتاق خبر نیست.', c.get('auth')));
  app.onError((e, c) => errorAnswer(e, c, ctx));
  return app;
}

/** Every POST but the login: a session and its CSRF token in the form (or header), else 403 and nothing done. */
function csrfForForms(ctx: UiContext) {
  return async (c: Context<NewsroomEnv>, next: () => Promise<void>): Promise<Response | void> => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.path === '/newsroom/login') return next();
    const auth = c.get('auth');
    if (!auth) return seeOther(c, loginUrl());
    const type = c.req.header('Content-Type') ?? '';
    let sent: string | undefined = c.req.header(CSRF_HEADER);
    if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
      const v = (await c.req.parseBody())[CSRF_FIELD];
      if (typeof v === 'string') sent = v;
    }
    if (!tokensEqual(auth.csrfToken, sent)) {
      return messagePage(c, ctx, 403, 'این فرم رمز امنیتی (CSRF) درست این نشست را همراه نداشت و انجام نشد. صفحه را دوباره باز کنید و از نو بفرستید.', auth);
    }
    return next();
  };
}

/** Pages behind the login: without a session, to the login page and back. */
function requireSession() {
  return async (c: Context<NewsroomEnv>, next: () => Promise<void>): Promise<Response | void> => {
    if (c.get('auth')) return next();
    const url = new URL(c.req.url);
    return seeOther(c, loginUrl(c.req.method === 'GET' ? url.pathname + url.search : undefined));
  };
}

/** KhabarError → a redirect to the login (401), a Persian 403/404 page, or the site's error page. */
function errorAnswer(e: Error, c: Context<NewsroomEnv>, ctx: UiContext): Response | Promise<Response> {
  const auth = c.get('auth');
  if (!isKhabarError(e)) {
    ctx.deps.log(`error ${c.req.method} ${c.req.path}: ${e.stack ?? e.message}`);
    return messagePage(c, ctx, 500, 'در انجام این کار خطایی رخ داد. لطفاً دوباره تلاش کنید.', auth);
  }
  const status = statusOf(e.code);
  if (status === 401) {
    const url = new URL(c.req.url);
    return seeOther(c, loginUrl(c.req.method === 'GET' ? url.pathname + url.search : undefined));
  }
  if (status === 403) {
    const action = e.details?.['action'] as NewsroomAction | undefined;
    const what = action && ACTION_LABELS[action] ? `«${ACTION_LABELS[action]}»` : 'این کار';
    return messagePage(c, ctx, 403, `شما اجازهٔ ${what} را ندارید.`, auth, e.message);
  }
  if (status === 404) return messagePage(c, ctx, 404, 'آنچه خواستید پیدا نشد.', auth, e.message);
  if (status === 400 || status === 409) return messagePage(c, ctx, status, 'این درخواست انجام نشد.', auth, e.message);
  return renderErrorPage(c, ctx.deps, status, e.message);
}
