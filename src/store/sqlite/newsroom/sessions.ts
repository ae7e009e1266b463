/**
 * Login sessions and login throttling. A session is keyed by the SHA-256 of the cookie's token (hex), so
 * a copy of the database does not hand out live sessions. A session counts until `expiresAt` (exclusive)
 * and only while its user is not disabled; expired rows are deleted whenever a session is created.
 * Login failures are one row each, counted per key over the caller's window.
 */
import { KhabarError, describeType } from '../../../errors/index.js';
import type { NewsroomStore } from '../../newsroom-store.js';
import { checkId, checkInstant, checkObject, checkText, invalid } from '../../newsroom-checks.js';
import type { NewsroomContext } from './context.js';
import type { NewsroomLookups } from './lookups.js';
import { toUser, type UserRow } from './rows.js';
import { iso } from '../../newsroom-checks.js';

/** Longest CSRF token. */
export const MAX_CSRF_TOKEN = 200;
/** Longest login-failure key (a username or an address). */
export const MAX_FAILURE_KEY = 200;
/**
 * Login failures older than this before the newest one are deleted when a failure is recorded: windows
 * up to a week long count correctly, and the table stays small under a password-guessing flood.
 */
export const LOGIN_FAILURE_RETENTION_MS = 7 * 24 * 3600_000;

/** SHA-256 in lower-case hex, as `createHash('sha256').digest('hex')` writes it. */
const TOKEN_HASH = /^[0-9a-f]{64}$/;

type SessionMethods = Pick<NewsroomStore,
  'createSession' | 'getSession' | 'deleteSession' | 'deleteUserSessions' | 'recordLoginFailure' | 'countLoginFailures' | 'clearLoginFailures'>;

interface SessionRow {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

/** The session and login-throttling methods over `ctx`. */
export function createSessionMethods(ctx: NewsroomContext, lookups: NewsroomLookups): SessionMethods {
  const { db } = ctx;
  const exists = db.prepare<[string], number>('SELECT 1 FROM sessions WHERE token_hash = ?').pluck();
  const insert = db.prepare<[string, number, string, number, number]>(
    'INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const purgeExpired = db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?');
  const live = db.prepare<[string, number], SessionRow & { [K in keyof UserRow as `u_${K}`]: UserRow[K] }>(
    `SELECT s.*, u.id AS u_id, u.username AS u_username, u.display_name AS u_display_name, u.role AS u_role,
       u.password_hash AS u_password_hash, u.disabled AS u_disabled, u.created_at AS u_created_at
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`);
  const remove = db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?');
  const removeUser = db.prepare<[number]>('DELETE FROM sessions WHERE user_id = ?');
  const insertFailure = db.prepare<[string, number]>('INSERT INTO login_failures (key, at) VALUES (?, ?)');
  const purgeFailures = db.prepare<[number]>('DELETE FROM login_failures WHERE at < ?');
  const countFailures = db.prepare<[string, number], number>('SELECT COUNT(*) FROM login_failures WHERE key = ? AND at >= ?').pluck();
  const clearFailures = db.prepare<[string]>('DELETE FROM login_failures WHERE key = ?');

  function checkTokenHash(value: unknown, field: string): string {
    if (typeof value !== 'string' || !TOKEN_HASH.test(value)) {
      throw invalid(field, `must be a SHA-256 hash in lower-case hex (64 characters), got ${typeof value === 'string' ? `${value.length} characters` : describeType(value)}`);
    }
    return value;
  }

  function checkKey(value: unknown): string {
    return checkText(value, 'key', 1, MAX_FAILURE_KEY);
  }

  return {
    createSession: (session) => ctx.run('createSession', () => {
      const s = checkObject(session, 'session');
      const tokenHash = checkTokenHash(s['tokenHash'], 'session.tokenHash');
      const userId = checkId(s['userId'], 'session.userId');
      const csrf = checkText(s['csrfToken'], 'session.csrfToken', 16, MAX_CSRF_TOKEN);
      const created = checkInstant(s['createdAt'], 'session.createdAt');
      const expires = checkInstant(s['expiresAt'], 'session.expiresAt');
      if (expires <= created) throw invalid('session.expiresAt', `must be after session.createdAt (${iso(created)})`);
      ctx.immediate(() => {
        lookups.requireUser(userId);
        purgeExpired.run(created);
        if (exists.get(tokenHash) !== undefined) {
          throw new KhabarError('CONFLICT', 'a session with this token hash exists', { field: 'session.tokenHash' });
        }
        insert.run(tokenHash, userId, csrf, created, expires);
      });
    }),
    getSession: (tokenHash, now) => ctx.run('getSession', () => {
      if (typeof tokenHash !== 'string') throw invalid('tokenHash', `must be a string, got ${describeType(tokenHash)}`);
      const at = checkInstant(now, 'now');
      const r = live.get(tokenHash, at);
      if (r === undefined) return undefined;
      const user = toUser({
        id: r.u_id, username: r.u_username, display_name: r.u_display_name, role: r.u_role, password_hash: r.u_password_hash,
        disabled: r.u_disabled, created_at: r.u_created_at,
      });
      return {
        session: { tokenHash: r.token_hash, userId: r.user_id, csrfToken: r.csrf_token, createdAt: iso(r.created_at), expiresAt: iso(r.expires_at) },
        user,
      };
    }),
    deleteSession: (tokenHash) => ctx.run('deleteSession', () => {
      if (typeof tokenHash !== 'string') throw invalid('tokenHash', `must be a string, got ${describeType(tokenHash)}`);
      remove.run(tokenHash);
    }),
    deleteUserSessions: (userId) => ctx.run('deleteUserSessions', () => {
      checkId(userId, 'userId');
      return ctx.immediate(() => {
        lookups.requireUser(userId);
        return removeUser.run(userId).changes;
      });
    }),
    recordLoginFailure: (key, at, since) => ctx.run('recordLoginFailure', () => {
      const k = checkKey(key);
      const when = checkInstant(at, 'at');
      const from = checkInstant(since, 'since');
      return ctx.immediate(() => {
        purgeFailures.run(when - LOGIN_FAILURE_RETENTION_MS);
        insertFailure.run(k, when);
        return countFailures.get(k, from)!;
      });
    }),
    countLoginFailures: (key, since) => ctx.run('countLoginFailures', () => countFailures.get(checkKey(key), checkInstant(since, 'since'))!),
    clearLoginFailures: (key) => ctx.run('clearLoginFailures', () => {
      clearFailures.run(checkKey(key));
    }),
  };
}
