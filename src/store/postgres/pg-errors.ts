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

/** pg's own errors without a code that mean the connection is gone or never came (pg and pg-pool messages). */
const LOST_CONNECTION = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * True when `code` says the server cannot be used right now, whatever the statement: not reachable, the
 * connection lost (class 08), shutting down, starting up or recovering from a crash (57P01 admin shutdown,
 * 57P02 crash shutdown, 57P03 cannot connect now), or out of connections or resources (class 53).
 */
function isUnavailable(code: string): boolean {
  return NETWORK_CODES.has(code) || code.startsWith('08') || code.startsWith('57P') || code.startsWith('53');
}

/**
 * The KhabarError for a PostgreSQL error, or the error itself when it is not one the store explains.
 * When the server cannot be used right now the message says «the database is unavailable» and
 * `details.unavailable` is true, whichever of the many ways pg reports it (a refused connect, a
 * terminated session, a server in recovery): callers and people see one clear cause, worth a retry.
 */
export function fromPgError(e: unknown, action: string): unknown {
  if (isKhabarError(e) || !(e instanceof Error)) return e;
  const code = (e as Error & { code?: unknown }).code;
  if (typeof code !== 'string') {
    if (LOST_CONNECTION.test(e.message)) return unavailable(action, e.message, { cause: e.message });
    if (/Cannot use a pool after calling end/.test(e.message)) {
      return new KhabarError('STORE', `${action}: the PostgreSQL store is closed (${e.message})`, { cause: e.message });
    }
    return e;
  }
  const details = { pgCode: code, cause: e.message };
  if (isUnavailable(code)) return unavailable(action, e.message, details);
  if (code === PG_UNIQUE_VIOLATION) {
    const detail = (e as Error & { detail?: string }).detail;
    return new KhabarError('CONFLICT', `${action}: ${e.message}${detail ? ` (${detail})` : ''}`, details);
  }
  // 40001 serialization failure, 40P01 deadlock, 25006 read-only transaction (a replica), 3D000 no such
  // database, class 28 invalid authorization.
  if (code.startsWith('28') || code === '40001' || code === '40P01' || code === '25006' || code === '3D000') {
    return new KhabarError('STORE', `${action}: ${e.message}`, details);
  }
  return e;
}

function unavailable(action: string, why: string, details: Record<string, unknown>): KhabarError {
  return new KhabarError('STORE', `${action}: the database is unavailable (PostgreSQL: ${why})`, { ...details, unavailable: true });
}
