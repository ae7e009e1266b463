/** The JSON API under /api/v1. Minimal first version; the full API replaces it. */
import { Hono } from 'hono';
import type { ServerDeps } from '../deps.js';

export function apiRoutes(deps: ServerDeps): Hono {
  const app = new Hono();
  app.get('/services', async (c) => c.json({ items: await deps.store.services() }));
  return app;
}
