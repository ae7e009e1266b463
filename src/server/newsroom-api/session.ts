/**
 * Who is asking, and CSRF. A request is authenticated by the session cookie `khabar_session` or by
 * `Authorization: Bearer <token>` (the same session tokens, for scripts). A cookie is an ambient
 * credential — the browser attaches it to cross-site requests too —, so every unsafe method (POST, PUT,
 * PATCH, DELETE) authenticated by the cookie must carry the session's CSRF token in `X-CSRF-Token`
 * (OWASP CSRF Prevention Cheat Sheet: synchronizer token); a bearer token is sent only by code that
 * holds it, so those requests are exempt. SameSite=Strict on the cookie is the second line.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { KhabarError } from '../../errors/index.js';
import { tokensEqual, type Newsroom } from '../../newsroom/index.js';
import type { User } from '../../store/index.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'khabar_session';
/** The header unsafe cookie-authenticated requests carry the CSRF token in. */
export const CSRF_HEADER = 'X-CSRF-Token';

/** The request's session, when it has one. */
export interface RequestAuth {
  user: User;
  token: string;
  csrfToken: string;
  expiresAt: string;
  via: 'cookie' | 'bearer';
}

/** Hono variables the newsroom routes read. */
export interface NewsroomEnv {
  Variables: { auth: RequestAuth | undefined };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session and enforces CSRF. A malformed Authorization header or an unknown bearer token is
 * 401 at once (never silently anonymous); an unknown cookie just means no session.
 */
export function sessionMiddleware(newsroom: Newsroom, exempt: (path: string) => boolean): MiddlewareHandler<NewsroomEnv> {
  return async (c, next) => {
    let auth: RequestAuth | undefined;
    const header = c.req.header('Authorization');
    if (header !== undefined) {
      const m = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header.trim());
      const found = m ? await newsroom.authenticate(m[1]) : undefined;
      if (!found) throw new KhabarError('UNAUTHENTICATED', 'the bearer token is malformed, unknown or expired; log in again');
      auth = { ...found, token: m![1]!, via: 'bearer' };
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      const found = token !== undefined ? await newsroom.authenticate(token) : undefined;
      if (found) auth = { ...found, token: token!, via: 'cookie' };
    }
    if (auth?.via === 'cookie' && UNSAFE.has(c.req.method) && !exempt(c.req.path)) {
      if (!tokensEqual(auth.csrfToken, c.req.header(CSRF_HEADER))) {
        throw new KhabarError('FORBIDDEN', `missing or wrong ${CSRF_HEADER} header: a request authenticated by the session cookie must carry the session's CSRF token (from login or GET /me)`);
      }
    }
    c.set('auth', auth);
    await next();
  };
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Path=/, Secure on https, Max-Age until expiry. */
export function setSessionCookie(c: Context, token: string, expiresAt: string, secure: boolean): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure, maxAge });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Strict', path: '/', secure });
}

/**
 * Refuses a login posted from another site (login CSRF: logging the victim into the attacker's
 * account). Browsers send Origin on every cross-origin POST (RFC 6454 §7, Fetch); without one the
 * request is not a browser's cross-site form, and is allowed.
 */
export function assertSameOrigin(c: Context, baseUrl: string): void {
  const origin = c.req.header('Origin');
  if (origin === undefined) return;
  const allowed = new Set([new URL(c.req.url).origin]);
  try {
    allowed.add(new URL(baseUrl).origin);
  } catch {
    // A base URL that is not a URL allows only the request's own origin.
  }
  if (!allowed.has(origin)) {
    throw new KhabarError('FORBIDDEN', `cross-site login refused: Origin ${origin.slice(0, 100)} is not this site`);
  }
}

/** The client's address, for the login throttle. */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
