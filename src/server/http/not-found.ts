/** The JSON 404 of the API (the site renders its own Persian page). */
import type { Context } from 'hono';
import { errorBody } from './error-status.js';

export function apiNotFound(c: Context): Response {
  return c.json(errorBody('NOT_FOUND', `no API route ${c.req.method} ${new URL(c.req.url).pathname}; see /api/v1/openapi.json`), 404);
}
