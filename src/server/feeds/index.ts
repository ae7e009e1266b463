/** RSS 2.0, Atom and JSON Feed under /feeds. Placeholder until the feeds land. */
import { Hono } from 'hono';
import type { ServerDeps } from '../deps.js';

export function feedRoutes(_deps: ServerDeps): Hono {
  return new Hono();
}
