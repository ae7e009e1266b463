/**
 * Logging in and out. Every login makes a new session token and CSRF token (a token presented before
 * login is never promoted to a session: session fixation, OWASP Session Management Cheat Sheet), and the
 * store keeps only the token's SHA-256.
 *
 * Throttling: before any password work, the failures in the window are counted for the username and for
 * the client's address (`countLoginFailures`, so the count is exact and shared by every process on the
 * database); a failure is recorded under both keys, and a success clears the username's count only (an
 * address that logs many people in must not wipe its record of failures).
 */
import { KhabarError } from '../../errors/index.js';
import type { User } from '../../store/index.js';
import { assertLoginAllowed, loginThrottleKeys, loginWindowStart } from '../security/login-throttle.js';
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
      const [userFailures, addressFailures] = await Promise.all([
        nr.countLoginFailures(keys.username, since), nr.countLoginFailures(keys.address, since),
      ]);
      try {
        assertLoginAllowed({ username: userFailures, address: addressFailures });
      } catch (e) {
        await ctx.audit({ action: 'login-throttled', detail: { username, address } });
        throw e;
      }
      const found = await nr.getUserByUsername(username);
      const ok = await verifyPassword(password, found?.passwordHash);
      if (!ok || !found || found.disabled) {
        await Promise.all([nr.recordLoginFailure(keys.username, at, since), nr.recordLoginFailure(keys.address, at, since)]);
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
