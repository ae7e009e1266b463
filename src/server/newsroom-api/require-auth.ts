/** The request's session, or UNAUTHENTICATED (401). */
import type { Context } from 'hono';
import { KhabarError } from '../../errors/index.js';
import type { NewsroomEnv, RequestAuth } from './session.js';

/** The session of `c`, refusing with 401 "log in to …" without one. */
export function requireAuth(c: Context<NewsroomEnv>, what: string): RequestAuth {
  const auth = c.get('auth');
  if (!auth) throw new KhabarError('UNAUTHENTICATED', `log in to ${what}`);
  return auth;
}
