/**
 * The one error type khabar throws. Libraries throw it, never log; only the server maps
 * `code` to an HTTP status, and tests assert on `code` rather than on message text.
 */

/** Every error code khabar can raise, with what it means. New codes are added here, nowhere else. */
export const ERROR_CODES = {
  INVALID_INPUT: 'An argument has the wrong type or shape.',
  INVALID_OPTION: 'An option is unknown or has a bad value.',
  INPUT_TOO_LARGE: 'Input exceeds a size limit.',
  NOT_FOUND: 'A requested thing does not exist.',
  USAGE: 'A command was called the wrong way.',
  IO: 'A file could not be read or written.',
  CONFLICT: 'A write collides with stored data (a uri or story code that another story has).',
  STORE: 'The database cannot be used as asked (schema newer than the code, closed, read-only, corrupt).',
  UNAUTHENTICATED: 'The action needs a logged-in user (no session, an expired one, or wrong credentials).',
  FORBIDDEN: 'The user is logged in but their role or desk does not allow the action.',
  TOO_MANY_REQUESTS: 'Too many attempts in a short time (login throttling); try again later.',
} as const;

/** A code from {@link ERROR_CODES}. */
export type KhabarErrorCode = keyof typeof ERROR_CODES;

/** An error with a machine-readable `code` and a message that names what was wrong. */
export class KhabarError extends Error {
  /** The catalogue code, stable across versions. */
  readonly code: KhabarErrorCode;
  /** Optional structured detail (field name, position, limit…). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: KhabarErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'KhabarError';
    this.code = code;
    this.details = details;
  }
}

/** True when `e` is a {@link KhabarError}, optionally with the given code. */
export function isKhabarError(e: unknown, code?: KhabarErrorCode): e is KhabarError {
  return e instanceof KhabarError && (code === undefined || e.code === code);
}

/** Describe a value's type for error messages: `null`, `array`, `number`, … */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
