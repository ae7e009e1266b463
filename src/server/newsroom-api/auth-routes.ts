/** `/login`, `/logout`, `/logout-everywhere`, `/me`. */
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { isKhabarError } from '../../errors/index.js';
import type { Newsroom } from '../../newsroom/index.js';
import type { ServerDeps } from '../deps.js';
import { errorBody } from '../http/error-status.js';
import { bodies, readBody } from './body.js';
import { assertSameOrigin, clearSessionCookie, clientAddress, SESSION_COOKIE, setSessionCookie, type NewsroomEnv } from './session.js';
import { requireAuth } from './require-auth.js';

/** The auth routes. */
export function authRoutes(deps: ServerDeps, newsroom: Newsroom): Hono<NewsroomEnv> {
  const app = new Hono<NewsroomEnv>();
  const secure = () => deps.settings.baseUrl.startsWith('https:');

  app.post('/login', async (c) => {
    assertSameOrigin(c, deps.settings.baseUrl);
    const { username, password } = await readBody(c, bodies.login);
    try {
      const r = await newsroom.login(username, password, clientAddress(c));
      // A session presented before login is ended, never carried over (session fixation).
      const previous = getCookie(c, SESSION_COOKIE);
      if (previous !== undefined) await newsroom.logout(previous);
      setSessionCookie(c, r.token, r.expiresAt, secure());
      return c.json(r, 200);
    } catch (e) {
      if (isKhabarError(e) && e.code === 'TOO_MANY_REQUESTS') {
        const wait = Number(e.details?.['retryAfterSeconds'] ?? 900);
        return c.json(errorBody(e.code, e.message), 429, { 'Retry-After': String(wait) });
      }
      throw e;
    }
  });

  app.post('/logout', async (c) => {
    const auth = requireAuth(c, 'log out');
    await newsroom.logout(auth.token);
    clearSessionCookie(c, secure());
    return c.body(null, 204);
  });

  app.post('/logout-everywhere', async (c) => {
    const auth = requireAuth(c, 'log out everywhere');
    const sessions = await newsroom.logoutEverywhere(auth.user);
    clearSessionCookie(c, secure());
    return c.json({ sessions });
  });

  app.get('/me', (c) => {
    const { user, csrfToken, expiresAt } = requireAuth(c, 'see who you are');
    return c.json({ user, csrfToken, expiresAt });
  });
  return app;
}
