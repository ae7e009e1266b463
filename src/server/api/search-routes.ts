/**
 * `GET /search` (the archive search of DESIGN.md §3 in khabar's query language), `GET /services` and
 * `GET /agencies`.
 */
import { Hono } from 'hono';
import { KhabarError, isKhabarError } from '../../errors/index.js';
import type { SearchRequest } from '../../search/index.js';
import type { ServerDeps } from '../deps.js';
import { API_LIMITS, readParams, searchParams } from './params.js';
import { storySummary } from './story-json.js';

/** The routes /search, /services and /agencies. */
export function searchRoutes(deps: ServerDeps): Hono {
  const app = new Hono();

  app.get('/search', async (c) => {
    const p = readParams(searchParams, c.req.query());
    const q = p.q ?? '';
    const filtered = [p.service, p.agency, p.tag, p.from, p.to].some((v) => v !== undefined);
    if (q.trim() === '' && !filtered) {
      throw new KhabarError('INVALID_INPUT', 'query parameter q: words to search for are required unless service, agency, tag, from or to is given',
        { parameter: 'q' });
    }
    if (p.from !== undefined && p.to !== undefined && p.from > p.to) {
      throw new KhabarError('INVALID_INPUT', `query parameter from: ${p.from} is after to (${p.to})`, { parameter: 'from' });
    }
    const limit = p.limit ?? API_LIMITS.limit.searchDefault;
    const offset = p.offset ?? 0;
    const request: SearchRequest = {
      q, service: p.service, agency: p.agency, tag: p.tag, from: p.from, to: p.to,
      sort: p.sort ?? 'relevance', limit, offset, facets: p.facets ?? false, highlight: p.highlight ?? false,
      bodies: false, // hits are summaries (storySummary): no body
    };
    let result;
    try {
      result = await deps.store.search(request);
    } catch (e) {
      // Every other parameter was checked above, so what the store refuses is the query text itself
      // (unclosed quote, too many terms, an unreadable from:/to: inside q…): name it.
      if (isKhabarError(e, 'INVALID_INPUT')) throw new KhabarError('INVALID_INPUT', `query parameter q: ${e.message}`, { parameter: 'q', ...e.details });
      throw e;
    }
    const base = deps.settings.baseUrl;
    return c.json({
      total: result.total,
      limit,
      offset,
      hits: result.hits.map((h) => ({
        id: h.id,
        score: h.score,
        story: storySummary(h.id, h.story, base),
        ...(request.highlight ? { highlights: h.highlights ?? [] } : {}),
      })),
      ...(request.facets && result.facets ? { facets: result.facets } : {}),
    });
  });

  app.get('/services', async (c) => c.json({ items: await deps.store.services() }));
  app.get('/agencies', async (c) => c.json({ items: await deps.store.agencies() }));

  return app;
}
