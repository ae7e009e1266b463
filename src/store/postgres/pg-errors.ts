/**
 * `pg` rejects with a `DatabaseError` whose `code` is the SQLSTATE
 * (https://www.postgresql.org/docs/15/errcodes-appendix.html), or with a Node system error (ECONNREFUSED…)
 * when the server cannot be reached. The store turns the ones a caller can act on into KhabarErrors;
 * anything else is a bug and passes through unchanged.
 */
import { KhabarError, isKhabarError } from '../../errors/index.js';

/** SQLSTATE of a unique_violation. */
export const PG_UNIQUE_VIOLATION = '23505';

/** True when `e` is a PostgreSQL unique violation (raw or already mapped by {@link fromPgError}). */
export function isUniqueViolation(e: unknown): boolean {
  if (isKhabarError(e, 'CONFLICT')) return e.details?.['pgCode'] === PG_UNIQUE_VIOLATION;
  return (e as { code?: unknown } | null)?.code === PG_UNIQUE_VIOLATION;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** The KhabarError for a PostgreSQL error, or the error itself when it is not one the store explains. */
export function fromPgError(e: unknown, action: string): unknown {
  if (isKhabarError(e) || !(e instanceof Error)) return e;
  const code = (e as Error & { code?: unknown }).code;
  if (typeof code !== 'string') {
    // pg's own errors without a code: a connection that ended or timed out.
    if (/Connection terminated|connection timeout|Client has encountered a connection error|Cannot use a pool after calling end/i.test(e.message)) {
      return new KhabarError('STORE', `${action}: ${e.message}`, { cause: e.message });
    }
    return e;
  }
  const details = { pgCode: code, cause: e.message };
  if (NETWORK_CODES.has(code)) {
    return new KhabarError('STORE', `${action}: PostgreSQL is unreachable (${e.message})`, details);
  }
  if (code === PG_UNIQUE_VIOLATION) {
    const detail = (e as Error & { detail?: string }).detail;
    return new KhabarError('CONFLICT', `${action}: ${e.message}${detail ? ` (${detail})` : ''}`, details);
  }
  // Class 08 connection exception, 57P admin shutdown / cannot connect now, 53 insufficient resources,
  // 40001 serialization failure, 40P01 deadlock, 25006 read-only transaction (a replica), 3D000 no such
  // database, 28 invalid authorization.
  if (code.startsWith('08') || code.startsWith('57P') || code.startsWith('53') || code.startsWith('28')
    || code === '40001' || code === '40P01' || code === '25006' || code === '3D000') {
    return new KhabarError('STORE', `${action}: ${e.message}`, details);
  }
  return e;
}
