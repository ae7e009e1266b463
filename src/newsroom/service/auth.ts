/**
 * Logging in and out. Every login makes a new session token and CSRF token (a token presented before
 * login is never promoted to a session: session fixation, OWASP Session Management Cheat Sheet), and the
 * store keeps only the token's SHA-256.
 *
 * Throttling: the store counts failures but has no read-only count, so the username's attempt is
 * recorded before the password is checked (and cleared when it was right), which makes its count exact
 * and shared by every process; the address's count is recorded only on a real failure (else an office
 * full of people logging in would lock itself out) and the latest count is remembered in this process
 * to refuse the next attempt before any password work.
 */
import { KhabarError } from '../../errors/index.js';
import type { User } from '../../store/index.js';
import { assertLoginAllowed, loginThrottleKeys, loginWindowStart, LOGIN_THROTTLE } from '../security/login-throttle.js';
import { hashPassword, needsRehash, verifyPassword } from '../security/password.js';
import { createCsrfToken, createSessionToken, hashSessionToken, isTokenShaped } from '../security/tokens.js';
import { requireActor, type ServiceContext } from './context.js';

/** What a successful login hands back: the session token goes into the cookie or the Authorization header. */
export interface LoginResult {
  user: User;
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** A live session: its user, its CSRF token and when it ends. */
export interface Authenticated {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

/** Longest username or address accepted at login (longer is refused before any work). */
const MAX_LOGIN_FIELD = 200;

/** The auth actions. */
export interface AuthActions {
  /**
   * Logs in. @throws TOO_MANY_REQUESTS when throttled (details.retryAfterSeconds), UNAUTHENTICATED
   * "wrong username or password" (the same for an unknown user and a disabled one), INVALID_INPUT.
   */
  login(username: string, password: string, address: string): Promise<LoginResult>;
  /** The session's user, or undefined for an unknown, expired or malformed token. */
  authenticate(token: string | undefined): Promise<Authenticated | undefined>;
  /** Ends one session (unknown tokens are ignored). */
  logout(token: string): Promise<void>;
  /** Ends every session of the actor; returns how many. */
  logoutEverywhere(actor: User | undefined): Promise<number>;
}

/** The auth actions over `ctx`. */
export function authActions(ctx: ServiceContext): AuthActions {
  const { nr } = ctx;
  /** Address failure counts last seen: key → count and when. */
  const addressFailures = new Map<string, { count: number; at: number }>();

  function knownAddressFailures(key: string, now: number): number {
    const seen = addressFailures.get(key);
    if (!seen) return 0;
    if (seen.at <= now - LOGIN_THROTTLE.windowSeconds * 1000) {
      addressFailures.delete(key);
      return 0;
    }
    return seen.count;
  }

  return {
    async login(username, password, address) {
      for (const [name, v] of [['username', username], ['password', password], ['address', address]] as const) {
        if (typeof v !== 'string' || v === '') throw new KhabarError('INVALID_INPUT', `${name} is required`, { field: name });
        if (v.length > MAX_LOGIN_FIELD && name !== 'password') {
          throw new KhabarError('INVALID_INPUT', `${name} is over ${MAX_LOGIN_FIELD} characters`, { field: name });
        }
      }
      const now = ctx.now();
      const at = now.toISOString();
      const since = loginWindowStart(now);
      const keys = loginThrottleKeys(username, address);
      const userCount = await nr.recordLoginFailure(keys.username, at, since);
      try {
        assertLoginAllowed({ username: userCount - 1, address: knownAddressFailures(keys.address, now.getTime()) });
      } catch (e) {
        await ctx.audit({ action: 'login-throttled', detail: { username, address } });
        throw e;
      }
      const found = await nr.getUserByUsername(username);
      const ok = await verifyPassword(password, found?.passwordHash);
      if (!ok || !found || found.disabled) {
        const count = await nr.recordLoginFailure(keys.address, at, since);
        addressFailures.set(keys.address, { count, at: now.getTime() });
        await ctx.audit({ action: 'login-failed', ...(found ? { userId: found.id } : {}), detail: { username, address } });
        throw new KhabarError('UNAUTHENTICATED', 'wrong username or password');
      }
      await nr.clearLoginFailures(keys.username);
      const { passwordHash, ...user } = found;
      // Old hashes with weaker parameters are upgraded while the password is at hand (not when the
      // newsroom was configured with its own cost, as tests do).
      if (!ctx.scrypt && needsRehash(passwordHash)) await nr.updateUser(user.id, { passwordHash: await hashPassword(password) });
      const token = createSessionToken();
      const csrfToken = createCsrfToken();
      const expiresAt = new Date(now.getTime() + ctx.sessionSeconds * 1000).toISOString();
      await nr.createSession({ tokenHash: hashSessionToken(token), userId: user.id, csrfToken, createdAt: at, expiresAt });
      await ctx.audit({ action: 'login', userId: user.id, detail: { address } });
      return { user, token, csrfToken, expiresAt };
    },

    async authenticate(token) {
      if (!isTokenShaped(token)) return undefined;
      const found = await nr.getSession(hashSessionToken(token), ctx.nowIso());
      if (!found) return undefined;
      return { user: found.user, csrfToken: found.session.csrfToken, expiresAt: found.session.expiresAt };
    },

    async logout(token) {
      if (!isTokenShaped(token)) return;
      const hash = hashSessionToken(token);
      const found = await nr.getSession(hash, ctx.nowIso());
      await nr.deleteSession(hash);
      if (found) await ctx.audit({ action: 'logout', userId: found.user.id });
    },

    async logoutEverywhere(actor) {
      requireActor(actor, 'log out everywhere');
      const n = await nr.deleteUserSessions(actor.id);
      await ctx.audit({ action: 'logout-all', userId: actor.id, detail: { sessions: n } });
      return n;
    },
  };
}
