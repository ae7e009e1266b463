/**
 * Session and CSRF tokens. A session token is 32 random bytes (256 bits, far beyond OWASP's 64-bit
 * minimum for session ids) in base64url, sent only in the cookie; the store keeps its SHA-256, so a
 * leaked database holds no usable session. A fast hash is enough here, unlike for passwords: the
 * token is random, so there is nothing to guess. CSRF tokens are random per session and compared in
 * constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Random bytes in a session or CSRF token. */
export const TOKEN_BYTES = 32;
/** A token's base64url text: 43 characters for 32 bytes (RFC 4648 §5, no padding). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new session token (for the cookie; store {@link hashSessionToken} of it). */
export function createSessionToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** A new CSRF token (kept in the session, sent in forms and the X-CSRF-Token header). */
export function createCsrfToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** SHA-256 of a session token, lower-case hex: what the store keeps and looks sessions up by. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True when `value` looks like a token this module made (check cookies before looking them up). */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_SHAPE.test(value);
}

/**
 * Compares two secrets in constant time. Both are hashed first, so that neither their contents nor
 * their lengths show in the timing (timingSafeEqual itself needs equal lengths). False for non-strings
 * and for an empty `expected`, so that a missing token never matches a missing header.
 */
export function tokensEqual(expected: unknown, given: unknown): boolean {
  if (typeof expected !== 'string' || typeof given !== 'string' || expected === '') return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(given, 'utf8').digest();
  return timingSafeEqual(a, b);
}
