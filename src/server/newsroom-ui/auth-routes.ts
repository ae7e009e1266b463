/**
 * `/newsroom/login`, `/logout`, `/logout-everywhere` as forms. Logging in is the API's: the service's
 * `login` (throttled, audited), a session presented before login ended (session fixation), and the
 * cookie set by the API's `setSessionCookie` (HttpOnly, SameSite=Strict); the login form is refused
 * from another origin by the API's `assertSameOrigin` (login CSRF).
 */
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { isKhabarError } from '../../errors/index.js';
import { faDigits } from '../site/format.js';
import { assertSameOrigin, clearSessionCookie, clientAddress, SESSION_COOKIE, setSessionCookie, type NewsroomEnv } from '../newsroom-api/session.js';
import { loginPage } from './pages/login-page.js';
import { safeNext, seeOther } from './send.js';
import type { UiContext } from './ui-context.js';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The auth routes. */
export function authRoutes(ctx: UiContext): Hono<NewsroomEnv> {
  const app = new Hono<NewsroomEnv>();
  const { newsroom, deps } = ctx;
  const secure = () => deps.settings.baseUrl.startsWith('https:');

  app.get('/login', (c) => {
    if (c.get('auth')) return seeOther(c, safeNext(c.req.query('next')));
    const out = c.req.query('out');
    return loginPage(c, ctx, {
      next: safeNext(c.req.query('next')),
      ...(out === '1' ? { info: 'از اتاق خبر خارج شدید.' } : out === 'all' ? { info: 'از همهٔ دستگاه‌ها خارج شدید.' } : {}),
    });
  });

  app.post('/login', async (c) => {
    assertSameOrigin(c, deps.settings.baseUrl);
    const form = await c.req.parseBody();
    const username = text(form['username']).trim().slice(0, 200);
    const password = text(form['password']);
    const next = safeNext(text(form['next']));
    if (username === '' || password === '') return loginPage(c, ctx, { username, next, error: 'نام کاربری و گذرواژه را بنویسید.' }, 400);
    try {
      const r = await newsroom.login(username, password, clientAddress(c));
      const previous = getCookie(c, SESSION_COOKIE);
      if (previous !== undefined) await newsroom.logout(previous);
      setSessionCookie(c, r.token, r.expiresAt, secure());
      return seeOther(c, next);
    } catch (e) {
      if (isKhabarError(e) && e.code === 'TOO_MANY_REQUESTS') {
        const minutes = Math.max(1, Math.ceil(Number(e.details?.['retryAfterSeconds'] ?? 900) / 60));
        const res = loginPage(c, ctx, { username, next, error: `تلاش‌های ناموفق برای ورود بیش از اندازه بوده است. لطفاً ${faDigits(minutes)} دقیقهٔ دیگر دوباره تلاش کنید.` }, 429);
        res.headers.set('Retry-After', String(minutes * 60));
        return res;
      }
      if (isKhabarError(e) && (e.code === 'UNAUTHENTICATED' || e.code === 'INVALID_INPUT')) {
        return loginPage(c, ctx, { username, next, error: 'نام کاربری یا گذرواژه نادرست است.' }, 401);
      }
      throw e;
    }
  });

  app.post('/logout', async (c) => {
    const auth = c.get('auth');
    if (auth) await newsroom.logout(auth.token);
    clearSessionCookie(c, secure());
    return seeOther(c, '/newsroom/login?out=1');
  });

  app.post('/logout-everywhere', async (c) => {
    const auth = c.get('auth');
    if (auth) await newsroom.logoutEverywhere(auth.user);
    clearSessionCookie(c, secure());
    return seeOther(c, '/newsroom/login?out=all');
  });
  return app;
}
