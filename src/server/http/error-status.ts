/** KhabarError codes as HTTP statuses (only the server does this mapping; see errors/khabar-error.ts). */
import type { KhabarErrorCode } from '../../errors/index.js';

const STATUS: Record<KhabarErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503> = {
  INVALID_INPUT: 400,
  INVALID_OPTION: 400,
  USAGE: 400,
  INPUT_TOO_LARGE: 413,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IO: 500,
  STORE: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TOO_MANY_REQUESTS: 429,
};

/** The HTTP status for an error code. */
export function statusOf(code: KhabarErrorCode): 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503 {
  return STATUS[code];
}

/** The JSON error body every API error has: `{ "error": { "code", "message" } }`. */
export function errorBody(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}
