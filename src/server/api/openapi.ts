/**
 * The OpenAPI 3.1 document of `/api/v1`, served at `/api/v1/openapi.json`: every route with its
 * parameters (types, limits, examples from the demo content), response bodies as JSON Schema
 * (openapi-schemas.ts), every error status, and the live wire (Server-Sent Events). Built from the same
 * constants the handlers check (params.ts), so the stated limits are the enforced ones.
 */
import { STORY_MEDIA_TYPES } from './negotiate.js';
import { API_LIMITS, STORY_FORMATS } from './params.js';
import { componentSchemas } from './openapi-schemas.js';
import { apiRoot } from './story-json.js';
import { newsroomPaths, newsroomResponses, newsroomSchemas, newsroomSecuritySchemes } from '../newsroom-api/openapi-newsroom.js';

type Obj = Record<string, unknown>;

/** The OpenAPI version the document is written in. */
export const OPENAPI_VERSION = '3.1.0';

const schemaRef = (name: string): Obj => ({ $ref: `#/components/schemas/${name}` });
const paramRef = (name: string): Obj => ({ $ref: `#/components/parameters/${name}` });
const responseRef = (name: string): Obj => ({ $ref: `#/components/responses/${name}` });
const json = (schema: Obj): Obj => ({ 'application/json': { schema } });

const cacheHeaders: Obj = {
  'Cache-Control': { description: 'Public, for a few seconds.', schema: { type: 'string' }, example: 'public, max-age=10' },
  ETag: { description: 'Strong entity tag of the body; send it back in If-None-Match for a 304.', schema: { type: 'string' } },
};

/** A 200 JSON response with the caching headers. */
function ok(description: string, schema: string): Obj {
  return { description, headers: cacheHeaders, content: json(schemaRef(schema)) };
}

const query = (name: string, description: string, schema: Obj, example?: unknown): Obj => ({
  name, in: 'query', required: false, description, schema, ...(example !== undefined ? { example } : {}),
});

function parameters(): Obj {
  const { limit, offset, related } = API_LIMITS;
  const dateText = 'Jalali or Gregorian, any digit script: `۱۴۰۳/۰۵/۱۲`, `1403-05-12`, `۱۲ مرداد ۱۴۰۳`, `2024-08-02`, or an ISO 8601 date-time.';
  return {
    Id: { name: 'id', in: 'path', required: true, description: 'The story\'s id.', schema: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER }, example: 1 },
    Code: { name: 'code', in: 'path', required: true, description: 'The story code (کد خبر).', schema: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER }, example: 1_000_001 },
    Service: query('service', 'Only stories of this service (desk), as named in `/services`.', { type: 'string', minLength: 1, maxLength: API_LIMITS.name }, 'سرویس آذربایجان'),
    Agency: query('agency', 'Only stories of this agency, as named in `/agencies`.', { type: 'string', minLength: 1, maxLength: API_LIMITS.name }, 'خبرگزاری آران'),
    Tag: query('tag', 'Only stories with this keyword.', { type: 'string', minLength: 1, maxLength: API_LIMITS.name }, 'تبریز'),
    From: query('from', `Published at or after (a date alone: the start of that day, Tehran time). ${dateText}`, { type: 'string', maxLength: API_LIMITS.date }, '۱۴۰۰/۰۱/۰۱'),
    To: query('to', `Published at or before (a date alone: the end of that day, Tehran time). ${dateText}`, { type: 'string', maxLength: API_LIMITS.date }, '1450-12-29'),
    ListLimit: query('limit', 'Page size.', { type: 'integer', minimum: limit.min, maximum: limit.max, default: limit.listDefault }, 5),
    SearchLimit: query('limit', 'Page size.', { type: 'integer', minimum: limit.min, maximum: limit.max, default: limit.searchDefault }, 5),
    Offset: query('offset', 'Items to skip.', { type: 'integer', minimum: 0, maximum: offset.max, default: 0 }, 0),
    RelatedLimit: query('limit', 'How many related stories.', { type: 'integer', minimum: related.min, maximum: related.max, default: related.default }, 3),
    Format: query('format', 'Representation; wins over the Accept header.', { type: 'string', enum: [...STORY_FORMATS] }, 'json'),
  };
}

function responses(): Obj {
  const err = (description: string): Obj => ({ description, content: json(schemaRef('Error')) });
  return {
    BadRequest: err('A parameter is invalid (code `INVALID_INPUT`); the message names it and what was wrong.'),
    NotFound: err('No such story (code `NOT_FOUND`). Withheld (embargoed) stories answer this too.'),
    Gone: err('The story was killed (withdrawn; ninjs pubstatus `canceled`): it must not be used. Code `NOT_FOUND`.'),
    NotAcceptable: err('The Accept header admits none of the story\'s media types (code `INVALID_INPUT`).'),
    UriTooLong: err(`The query string is over ${API_LIMITS.queryString} bytes (code \`INPUT_TOO_LARGE\`). `
      + 'Request lines over the HTTP server\'s header limit (16 KB) are refused with 431 before reaching the API.'),
    NotModified: { description: 'The representation matches If-None-Match (or has not changed since If-Modified-Since).' },
  };
}

/** The representations of one story, by media type. */
function storyContent(): Obj {
  const out: Obj = {};
  for (const m of STORY_MEDIA_TYPES) {
    if (m.type === 'application/xml' || m.type === 'text/xml') continue; // answered as the NewsML-G2 type
    out[m.type] = m.format === 'json' ? { schema: schemaRef('Story') }
      : m.format === 'ninjs' ? { schema: schemaRef('Ninjs') }
        : m.format === 'newsml' ? { schema: { type: 'string', description: 'A NewsML-G2 2.35 `<newsItem>` document (power conformance); `stat:canceled` never appears here since killed stories answer 410.' } }
          : { schema: { type: 'string', description: 'The agency wire text: headline, lead, slug line, credit and body, end marker (DESIGN.md §2).' } };
  }
  return out;
}

function storyOperation(operationId: string, summary: string, idParam: string): Obj {
  return {
    operationId,
    summary,
    tags: ['stories'],
    description: 'The representation is chosen by `?format=` if given, else by the Accept header (RFC 9110 §12.5.1): '
      + '`application/json` → khabar JSON, `application/ninjs+json` → ninjs 2.2, `application/vnd.iptc.g2.newsitem+xml` '
      + '(or `application/xml`, `text/xml`) → NewsML-G2, `text/plain` → wire text; no Accept or `*/*` → khabar JSON. '
      + 'Responses carry `Vary: Accept` and `Last-Modified` (the version\'s creation time).',
    parameters: [paramRef(idParam), paramRef('Format')],
    responses: {
      200: {
        description: 'The story.',
        headers: {
          ...cacheHeaders,
          'Last-Modified': { description: 'When this version was created.', schema: { type: 'string' } },
          Vary: { description: 'Accept (and Accept-Encoding).', schema: { type: 'string' } },
        },
        content: storyContent(),
      },
      304: responseRef('NotModified'),
      400: responseRef('BadRequest'),
      404: responseRef('NotFound'),
      406: responseRef('NotAcceptable'),
      410: responseRef('Gone'),
      414: responseRef('UriTooLong'),
    },
  };
}

function paths(): Obj {
  const listFilters = ['Service', 'Agency', 'Tag', 'From', 'To'].map(paramRef);
  return {
    '/stories': {
      get: {
        operationId: 'listStories', tags: ['stories'], summary: 'Published stories, newest first, with filters.',
        parameters: [...listFilters, paramRef('ListLimit'), paramRef('Offset')],
        responses: { 200: ok('A page of stories.', 'StoryList'), 400: responseRef('BadRequest'), 414: responseRef('UriTooLong') },
      },
    },
    '/stories/{id}': { get: storyOperation('getStory', 'One story by id.', 'Id') },
    '/stories/code/{code}': { get: storyOperation('getStoryByCode', 'One story by its story code (کد خبر).', 'Code') },
    '/stories/{id}/versions': {
      get: {
        operationId: 'getStoryVersions', tags: ['stories'], summary: 'Every stored version of a story, oldest first (khabar JSON).',
        parameters: [paramRef('Id')],
        responses: {
          200: ok('The versions.', 'StoryVersions'), 400: responseRef('BadRequest'), 404: responseRef('NotFound'),
          410: responseRef('Gone'), 414: responseRef('UriTooLong'),
        },
      },
    },
    '/stories/{id}/related': {
      get: {
        operationId: 'getRelatedStories', tags: ['stories'], summary: 'Stories most like this one (by its terms), best first.',
        parameters: [paramRef('Id'), paramRef('RelatedLimit')],
        responses: {
          200: ok('Related stories.', 'RelatedStories'), 400: responseRef('BadRequest'), 404: responseRef('NotFound'),
          410: responseRef('Gone'), 414: responseRef('UriTooLong'),
        },
      },
    },
    '/search': {
      get: {
        operationId: 'searchStories', tags: ['search'], summary: 'Persian-aware full-text search of the archive.',
        description: 'The query language: words, `+must`, `-not`, `"phrase"` or `«phrase»`, `prefix*`, and the filters '
          + '`service:` `agency:` `tag:` `from:` `to:`. Spelling variants (ي/ی, ك/ک, ZWNJ or space, digits) find the same stories. '
          + 'A blank `q` with a filter lists the filtered stories by date.',
        parameters: [
          query('q', 'The query (required unless a filter is given).', { type: 'string', maxLength: API_LIMITS.q }, 'تبریز'),
          ...listFilters,
          query('sort', 'Order of hits.', { type: 'string', enum: ['relevance', 'date'], default: 'relevance' }, 'relevance'),
          paramRef('SearchLimit'), paramRef('Offset'),
          query('facets', 'Count matches by service, agency and Jalali month.', { type: 'boolean', default: false }, true),
          query('highlight', 'Snippets with the matched spans, on the original text.', { type: 'boolean', default: false }, true),
        ],
        responses: { 200: ok('Hits, best first.', 'SearchResult'), 400: responseRef('BadRequest'), 414: responseRef('UriTooLong') },
      },
    },
    '/services': {
      get: {
        operationId: 'listServices', tags: ['catalogue'], summary: 'Services (desks) with story counts, most first.',
        responses: { 200: ok('Services.', 'NameCountList'), 414: responseRef('UriTooLong') },
      },
    },
    '/agencies': {
      get: {
        operationId: 'listAgencies', tags: ['catalogue'], summary: 'Agencies with story counts, most first.',
        responses: { 200: ok('Agencies.', 'NameCountList'), 414: responseRef('UriTooLong') },
      },
    },
    '/wire': {
      get: {
        operationId: 'wireStream', tags: ['wire'], summary: 'The live wire: every published, updated and killed version, as Server-Sent Events.',
        description: 'A `text/event-stream` (WHATWG HTML §9.2). The first event is `ready` with data `{"after": <cursor>, "last": <newest seq>}`. '
          + 'Then one event per wire-log entry, oldest first: event `published`, `updated` or `killed`, `id` = the wire sequence '
          + 'number, data = JSON `{ "seq", "kind", "id" (story id), "at", "correction", "ninjs" }`. A comment line every 15 s keeps '
          + 'the connection open. To resume, reconnect with `Last-Event-ID` (EventSource does this by itself) or `?lastEventId=`: '
          + 'exactly the events after it follow, none lost; `0` replays the whole log; without either the stream starts at the newest event.',
        parameters: [
          { name: 'Last-Event-ID', in: 'header', required: false, description: 'The last sequence number received.', schema: { type: 'string', pattern: '^\\d{1,15}$' }, example: '0' },
          query('lastEventId', 'As Last-Event-ID, for clients that cannot set headers (the header wins).', { type: 'string', pattern: '^\\d{1,15}$' }, '0'),
        ],
        responses: {
          200: {
            description: 'The event stream (never ends by itself). `Cache-Control: no-store`.',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          400: responseRef('BadRequest'),
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi', tags: ['meta'], summary: 'This document.',
        responses: { 200: ok('The OpenAPI document.', 'OpenApiDocument'), 414: responseRef('UriTooLong') },
      },
    },
  };
}

/** The OpenAPI document for a server reached at `baseUrl`. */
export function openApiDocument(baseUrl: string, siteName: string): Obj {
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: `khabar API — ${siteName}`,
      version: '1.0.0',
      summary: 'Stories of a Persian news agency in khabar JSON, ninjs 2.2, NewsML-G2 and wire text; archive search; the live wire.',
      description: 'The public API is read-only, JSON, with no authentication; the newsroom API (`/newsroom/…`, tag `newsroom`) needs a session: '
        + 'the `khabar_session` cookie with the `X-CSRF-Token` header on unsafe methods, or `Authorization: Bearer <token>`; its answers are `Cache-Control: no-store`. Every error is `{ "error": { "code", "message" } }` (schema `Error`); '
        + 'unknown routes answer 404 and request bodies over 1 MB 413 in that shape. Successful GETs carry `Cache-Control: public, max-age=10`, '
        + 'a strong `ETag` (If-None-Match → 304) and are compressed with brotli or gzip on request. '
        + 'Withheld (embargoed) stories are not found (404); killed stories answer 410 Gone.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: apiRoot(baseUrl), description: siteName }],
    tags: [
      { name: 'stories', description: 'Published stories and their representations.' },
      { name: 'search', description: 'Archive search.' },
      { name: 'catalogue', description: 'Services and agencies.' },
      { name: 'wire', description: 'The live wire for subscribers.' },
      { name: 'meta', description: 'About the API.' },
      { name: 'newsroom', description: 'The newsroom: sessions, users, desks, the item workflow, locks, audit, webhooks.' },
    ],
    paths: { ...paths(), ...newsroomPaths() },
    components: {
      schemas: { ...componentSchemas(), ...newsroomSchemas() },
      parameters: parameters(),
      responses: { ...responses(), ...newsroomResponses() },
      securitySchemes: newsroomSecuritySchemes(),
    },
  };
}
