/** The session's CSRF token as a hidden form field (`_csrf`), checked on the server for every POST. */
export const CSRF_FIELD = '_csrf';

/** `<input type="hidden" name="_csrf">`. */
export function CsrfField(p: { token?: string | undefined }) {
  return <input type="hidden" name={CSRF_FIELD} value={p.token ?? ''} />;
}
