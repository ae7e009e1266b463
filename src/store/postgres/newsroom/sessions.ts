/**
 * Login sessions and login throttling on PostgreSQL (as sqlite/newsroom/sessions.ts): sessions keyed by
 * the SHA-256 of the cookie's token, live until `expiresAt` (exclusive) while the user is not disabled,
 * expired rows deleted whenever a session is created; one login_failures row per failure, counted per key
 * over the caller's window, rows past the retention deleted when a failure is recorded.
 */
import { KhabarError, describeType } from '../../../errors/index.js';
import type { NewsroomStore } from '../../newsroom-store.js';
import { checkId, checkInstant, checkObject, checkText, invalid, iso } from '../../newsroom-checks.js';
import { LOGIN_FAILURE_RETENTION_MS, MAX_CSRF_TOKEN, MAX_FAILURE_KEY } from '../../sqlite/newsroom/sessions.js';
import type { PgNewsroomContext } from './context.js';
import { requireUser } from './lookups.js';
import { at, isoOf, toUser, type PgInt, type PgTime, type UserRow } from './rows.js';

/** SHA-256 in lower-case hex (copied from sqlite/newsroom/sessions.ts, where it is not exported). */
const TOKEN_HASH = /^[0-9a-f]{64}$/;

type SessionMethods = Pick<NewsroomStore,
  'createSession' | 'getSession' | 'deleteSession' | 'deleteUserSessions' | 'recordLoginFailure' | 'countLoginFailures' | 'clearLoginFailures'>;

type LiveRow = { token_hash: string; user_id: PgInt; csrf_token: string; created_at: PgTime; expires_at: PgTime }
  & { [K in keyof UserRow as `u_${K}`]: UserRow[K] };

function checkTokenHash(value: unknown, field: string): string {
  if (typeof value !== 'string' || !TOKEN_HASH.test(value)) {
    throw invalid(field, `must be a SHA-256 hash in lower-case hex (64 characters), got ${typeof value === 'string' ? `${value.length} characters` : describeType(value)}`);
  }
  return value;
}

function checkKey(value: unknown): string {
  return checkText(value, 'key', 1, MAX_FAILURE_KEY);
}

/** Rows of login failures for `key` at or after `from` (ms). */
const COUNT_FAILURES = 'SELECT COUNT(*) AS n FROM login_failures WHERE key = $1 AND at >= $2';

/** The session and login-throttling methods over `ctx`. */
export function createSessionMethods(ctx: PgNewsroomContext): SessionMethods {
  return {
    createSession: (session) => ctx.run('createSession', async () => {
      const s = checkObject(session, 'session');
      const tokenHash = checkTokenHash(s['tokenHash'], 'session.tokenHash');
      const userId = checkId(s['userId'], 'session.userId');
      const csrf = checkText(s['csrfToken'], 'session.csrfToken', 16, MAX_CSRF_TOKEN);
      const created = checkInstant(s['createdAt'], 'session.createdAt');
      const expires = checkInstant(s['expiresAt'], 'session.expiresAt');
      if (expires <= created) throw invalid('session.expiresAt', `must be after session.createdAt (${iso(created)})`);
      await ctx.tx(async (c) => {
        await requireUser(c, userId);
        await c.query('DELETE FROM sessions WHERE expires_at <= $1', [at(created)]);
        // ON CONFLICT DO NOTHING: a duplicate (even one committed concurrently) is refused with the
        // message SQLite gives, and the transaction is not aborted by a unique violation.
        const inserted = await c.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
          VALUES ($1, $2, $3, $4, $5) ON CONFLICT (token_hash) DO NOTHING`, [tokenHash, userId, csrf, at(created), at(expires)]);
        if (inserted.rowCount === 0) throw new KhabarError('CONFLICT', 'a session with this token hash exists', { field: 'session.tokenHash' });
      });
    }),
    getSession: (tokenHash, now) => ctx.run('getSession', async () => {
      if (typeof tokenHash !== 'string') throw invalid('tokenHash', `must be a string, got ${describeType(tokenHash)}`);
      const when = checkInstant(now, 'now');
      if (!TOKEN_HASH.test(tokenHash)) return undefined; // no stored hash looks otherwise
      const [r] = await ctx.rows<LiveRow>(
        `SELECT s.*, u.id AS u_id, u.username AS u_username, u.display_name AS u_display_name, u.role AS u_role,
           u.password_hash AS u_password_hash, u.disabled AS u_disabled, u.created_at AS u_created_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled`, [tokenHash, at(when)]);
      if (r === undefined) return undefined;
      const user = toUser({
        id: r.u_id, username: r.u_username, display_name: r.u_display_name, role: r.u_role, password_hash: r.u_password_hash,
        disabled: r.u_disabled, created_at: r.u_created_at,
      });
      return {
        session: { tokenHash: r.token_hash, userId: Number(r.user_id), csrfToken: r.csrf_token, createdAt: isoOf(r.created_at), expiresAt: isoOf(r.expires_at) },
        user,
      };
    }),
    deleteSession: (tokenHash) => ctx.run('deleteSession', async () => {
      if (typeof tokenHash !== 'string') throw invalid('tokenHash', `must be a string, got ${describeType(tokenHash)}`);
      if (!TOKEN_HASH.test(tokenHash)) return;
      await ctx.rows('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    }),
    deleteUserSessions: (userId) => ctx.run('deleteUserSessions', async () => {
      checkId(userId, 'userId');
      return ctx.tx(async (c) => {
        await requireUser(c, userId);
        return (await c.query('DELETE FROM sessions WHERE user_id = $1', [userId])).rowCount ?? 0;
      });
    }),
    recordLoginFailure: (key, when, since) => ctx.run('recordLoginFailure', async () => {
      const k = checkKey(key);
      const t = checkInstant(when, 'at');
      const from = checkInstant(since, 'since');
      return ctx.tx(async (c) => {
        await c.query('DELETE FROM login_failures WHERE at < $1', [at(t - LOGIN_FAILURE_RETENTION_MS)]);
        await c.query('INSERT INTO login_failures (key, at) VALUES ($1, $2)', [k, at(t)]);
        return Number((await c.query<{ n: string }>(COUNT_FAILURES, [k, at(from)])).rows[0]!.n);
      });
    }),
    countLoginFailures: (key, since) => ctx.run('countLoginFailures', async () => {
      const k = checkKey(key);
      const from = checkInstant(since, 'since');
      return Number((await ctx.rows<{ n: string }>(COUNT_FAILURES, [k, at(from)]))[0]!.n);
    }),
    clearLoginFailures: (key) => ctx.run('clearLoginFailures', async () => {
      await ctx.rows('DELETE FROM login_failures WHERE key = $1', [checkKey(key)]);
    }),
  };
}
