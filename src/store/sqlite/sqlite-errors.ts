/**
 * better-sqlite3 throws `SqliteError` with SQLite's extended result code as `code`
 * (https://www.sqlite.org/rescode.html). The store turns the ones a caller can act on into KhabarErrors;
 * anything else is a bug and passes through unchanged.
 */
import { KhabarError, isKhabarError } from '../../errors/index.js';

/** The KhabarError for a SQLite error, or the error itself when it is not one the store explains. */
export function fromSqliteError(e: unknown, action: string): unknown {
  if (isKhabarError(e) || !(e instanceof Error)) return e;
  const code = (e as Error & { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return e;
  const details = { sqliteCode: code, cause: e.message };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new KhabarError('STORE', `${action}: the database is locked by another connection (${e.message})`, details);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new KhabarError('STORE', `${action}: the database is read-only (${e.message})`, details);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new KhabarError('STORE', `${action}: the database file is corrupt or not a database (${e.message})`, details);
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL' || code.startsWith('SQLITE_CANTOPEN')
    || code === 'SQLITE_PERM') {
    return new KhabarError('IO', `${action}: ${e.message}`, details);
  }
  return e;
}
