/**
 * The story resources of the API: the list, one story in four representations, its versions and its
 * related stories.
 *
 * Who may see a story is decided by its latest version: a usable story is served; a withheld one
 * (embargoed or held back) answers 404 exactly as an unknown id does, so that an embargo does not leak;
 * a killed (canceled) one answers 410 Gone — a subscriber that still holds the story learns that it was
 * withdrawn and must be taken down (RFC 9110 §15.5.11: the resource is gone and likely for good).
 */
import { Hono, type Context } from 'hono';
import { KhabarError } from '../../errors/index.js';
import type { StoredStory } from '../../store/index.js';
import { toNewsML, toNinjs, writeWire } from '../../story/index.js';
import type { Story } from '../../story/index.js';
import type { ServerDeps } from '../deps.js';
import { errorBody } from '../http/error-status.js';
import { contentTypeOf, negotiateFormat, STORY_MEDIA_TYPES } from './negotiate.js';
import { API_LIMITS, listParams, readId, readParams, relatedParams, storyParams, type StoryFormat } from './params.js';
import { storyDetail, storySummary } from './story-json.js';

/** Whether a story may be shown: `ok`, `killed` (410) or `hidden` (withheld or still under embargo: 404). */
export function visibility(story: Story, now = Date.now()): 'ok' | 'killed' | 'hidden' {
  if (story.pubStatus === 'canceled') return 'killed';
  if (story.pubStatus === 'withheld') return 'hidden';
  if (story.embargoed !== undefined && Date.parse(story.embargoed) > now) return 'hidden';
  return 'ok';
}

/** The 404 of an unknown (or hidden) story. */
function notFound(what: string): KhabarError {
  return new KhabarError('NOT_FOUND', `no story with ${what}`);
}

/** The stored story, or the response that says why it is not shown. */
function gate(c: Context, stored: StoredStory | undefined, what: string): StoredStory | Response {
  if (stored === undefined) throw notFound(what);
  const v = visibility(stored.story);
  if (v === 'hidden') throw notFound(what);
  if (v === 'killed') {
    const when = stored.story.versionCreated ? ` at ${stored.story.versionCreated}` : '';
    return c.json(errorBody('NOT_FOUND', `story with ${what} was killed (withdrawn)${when}; it must not be used`), 410);
  }
  return stored;
}

/** `Last-Modified` (RFC 9110 §8.8.2) from the version's creation time. */
function setLastModified(c: Context, story: Story): void {
  const at = Date.parse(story.versionCreated ?? story.firstCreated ?? '');
  if (!Number.isNaN(at)) c.header('Last-Modified', new Date(at).toUTCString());
}

/** One story in the representation asked for by `?format=` (first) or the Accept header. */
function sendStory(c: Context, deps: ServerDeps, stored: StoredStory): Response {
  const { format: asked } = readParams(storyParams, c.req.query());
  // Accept-Encoding too: finish-response.ts appends it to the Vary it finds, but Hono copies the
  // handler's headers over the response that middleware builds, so the handler's Vary must be whole.
  c.header('Vary', 'Accept, Accept-Encoding');
  const format: StoryFormat | undefined = asked ?? negotiateFormat(c.req.header('Accept'));
  if (format === undefined) {
    const types = [...new Set(STORY_MEDIA_TYPES.map((m) => m.type))].join(', ');
    return c.json(errorBody('INVALID_INPUT', `Accept header: none of ${types} is acceptable; or use ?format=json|ninjs|newsml|wire`), 406);
  }
  const { id, story } = stored;
  setLastModified(c, story);
  const type = contentTypeOf(format);
  switch (format) {
    case 'json':
      return c.body(JSON.stringify(storyDetail(id, story, deps.settings.baseUrl)), 200, { 'Content-Type': type });
    case 'ninjs':
      return c.body(JSON.stringify(toNinjs(story)), 200, { 'Content-Type': type });
    case 'newsml':
      return c.body(toNewsML(story, { correction: story.correction === true }), 200, { 'Content-Type': type });
    case 'wire':
      return c.body(writeWire(story), 200, { 'Content-Type': type });
  }
}

/** The routes under /stories. */
export function storyRoutes(deps: ServerDeps): Hono {
  const app = new Hono();
  const base = () => deps.settings.baseUrl;

  app.get('/', async (c) => {
    const p = readParams(listParams, c.req.query());
    if (p.from !== undefined && p.to !== undefined && p.from > p.to) {
      throw new KhabarError('INVALID_INPUT', `query parameter from: ${p.from} is after to (${p.to})`, { parameter: 'from' });
    }
    const limit = p.limit ?? API_LIMITS.limit.listDefault;
    const offset = p.offset ?? 0;
    const { items, total } = await deps.store.listStories({
      service: p.service, agency: p.agency, tag: p.tag, from: p.from, to: p.to, limit, offset,
    });
    return c.json({ items: items.map((s) => storySummary(s.id, s.story, base())), total, limit, offset });
  });

  app.get('/code/:code', async (c) => {
    const code = readId('code', c.req.param('code'));
    const r = gate(c, await deps.store.getStory({ code }), `code ${code}`);
    return r instanceof Response ? r : sendStory(c, deps, r);
  });

  app.get('/:id', async (c) => {
    const id = readId('id', c.req.param('id'));
    const r = gate(c, await deps.store.getStory({ id }), `id ${id}`);
    return r instanceof Response ? r : sendStory(c, deps, r);
  });

  app.get('/:id/versions', async (c) => {
    const id = readId('id', c.req.param('id'));
    const r = gate(c, await deps.store.getStory({ id }), `id ${id}`);
    if (r instanceof Response) return r;
    const versions = await deps.store.getVersions(id);
    setLastModified(c, r.story);
    return c.json({ id, items: versions.map((v) => storyDetail(id, v, base())) });
  });

  app.get('/:id/related', async (c) => {
    const id = readId('id', c.req.param('id'));
    const { limit = API_LIMITS.related.default } = readParams(relatedParams, c.req.query());
    const r = gate(c, await deps.store.getStory({ id }), `id ${id}`);
    if (r instanceof Response) return r;
    const hits = await deps.store.related(id, limit);
    const items = hits
      .filter((h) => visibility(h.story) === 'ok')
      .map((h) => ({ id: h.id, score: h.score, story: storySummary(h.id, h.story, base()) }));
    return c.json({ id, items });
  });

  return app;
}
