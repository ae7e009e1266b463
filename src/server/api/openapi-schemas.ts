/**
 * JSON Schemas (draft 2020-12, the dialect of OpenAPI 3.1) of the API's JSON bodies, for the
 * `components.schemas` of the OpenAPI document. They describe exactly what story-json.ts,
 * story-routes.ts and search-routes.ts write (no extra properties), so that tests can validate every
 * response against them.
 */
import { ERROR_CODES } from '../../errors/index.js';
import { PUB_STATUSES } from '../../story/index.js';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str = (description: string, extra: Schema = {}): Schema => ({ type: 'string', description, ...extra });
const int = (description: string, extra: Schema = {}): Schema => ({ type: 'integer', description, ...extra });
const dateTime = (description: string): Schema => str(description, { format: 'date-time' });
const uri = (description: string): Schema => str(description, { format: 'uri' });
const obj = (properties: Record<string, Schema>, required: string[], description?: string): Schema => ({
  type: 'object', ...(description ? { description } : {}), required, properties, additionalProperties: false,
});

/** Fields of the compact story (lists, search hits, related). */
const summaryProperties: Record<string, Schema> = {
  id: int('The store\'s id of the story (stable, never reused).', { minimum: 1 }),
  code: int('Story code (کد خبر), the number the agency prints with the story.', { minimum: 1 }),
  uri: str('Globally unique identifier, e.g. `urn:khabar:story:1000001`.'),
  version: int('Version number, 1 for the first published version.', { minimum: 1 }),
  pubStatus: str('ninjs pubstatus; always `usable` for a story the API shows (older versions may differ).', { enum: [...PUB_STATUSES] }),
  headline: str('Headline (تیتر), as the editors approved it.'),
  lead: str('Lead paragraph (لید).'),
  service: str('Service (desk, سرویس), e.g. «سرویس اقتصادی».'),
  agency: str('Agency, e.g. «خبرگزاری آران».'),
  keywords: { type: 'array', items: { type: 'string' }, description: 'Tags.' },
  urgency: int('News urgency 1 (flash) … 9 (lowest).', { minimum: 1, maximum: 9 }),
  firstCreated: dateTime('When the story was first created (RFC 3339).'),
  versionCreated: dateTime('When this version was created (RFC 3339).'),
};
const summaryRequired = ['id', 'uri', 'version', 'pubStatus', 'headline', 'keywords', 'links'];

/** `components.schemas` of the OpenAPI document. */
export function componentSchemas(): Record<string, Schema> {
  return {
    Error: obj({
      error: obj({
        code: str('Machine-readable code from khabar\'s error catalogue (`INTERNAL` for an unexpected server error).', {
          enum: [...Object.keys(ERROR_CODES), 'INTERNAL'],
        }),
        message: str('What was wrong, naming the parameter for bad input.'),
      }, ['code', 'message']),
    }, ['error'], 'Every API error: `{ "error": { "code", "message" } }`.'),

    StoryLinks: obj({
      self: uri('This story in the API.'),
      site: uri('The story page on the site (`{baseUrl}/story/{code}`).'),
    }, ['self']),

    StorySummary: obj({ ...summaryProperties, links: ref('StoryLinks') }, summaryRequired, 'A story in a list or a search hit.'),

    Story: obj({
      ...summaryProperties,
      body: { type: 'array', items: { type: 'string' }, description: 'Body paragraphs, without the credit that opens the first.' },
      language: str('BCP 47 language tag (`fa`).'),
      credit: str('Credit that opens the first body paragraph, e.g. «خبرگزاری آران / سرویس اقتصادی».'),
      byline: str('Reporter(s).'),
      located: str('Where the story happened.'),
      subjects: {
        type: 'array',
        items: obj({ name: str('Subject name.'), code: str('Controlled-vocabulary code.') }, ['name']),
      },
      signOff: str('Sign-off of the editor or reporter.'),
      endMarker: str('End-of-message marker as written, e.g. «پایان پیام.».'),
      correction: { type: 'boolean', description: 'This version corrects an earlier one.' },
      embargoed: dateTime('Not to be published before this instant.'),
      edNote: str('Editor\'s note carried with this version.'),
      links: obj({
        self: uri('This story in the API.'),
        site: uri('The story page on the site.'),
        versions: uri('Every version of the story.'),
        related: uri('Related stories.'),
        ninjs: uri('This story as ninjs 2.2.'),
        newsml: uri('This story as a NewsML-G2 news item.'),
        wire: uri('This story as wire text.'),
      }, ['self', 'versions', 'related', 'ninjs', 'newsml', 'wire']),
    }, [...summaryRequired, 'body', 'language', 'subjects'], 'A whole story (khabar JSON), or one version of it.'),

    StoryList: obj({
      items: { type: 'array', items: ref('StorySummary') },
      total: int('Stories matching the filters.', { minimum: 0 }),
      limit: int('Page size used.', { minimum: 1 }),
      offset: int('Stories skipped.', { minimum: 0 }),
    }, ['items', 'total', 'limit', 'offset'], 'Usable stories, newest first.'),

    StoryVersions: obj({
      id: int('The story\'s id.', { minimum: 1 }),
      items: { type: 'array', items: ref('Story'), minItems: 1, description: 'Every stored version, oldest first.' },
    }, ['id', 'items']),

    RelatedStories: obj({
      id: int('The story the others are related to.', { minimum: 1 }),
      items: {
        type: 'array',
        description: 'Most similar first.',
        items: obj({ id: int('Story id.', { minimum: 1 }), score: { type: 'number' }, story: ref('StorySummary') }, ['id', 'score', 'story']),
      },
    }, ['id', 'items']),

    Highlight: obj({
      field: str('Which field the snippet is from.', { enum: ['headline', 'lead', 'body'] }),
      paragraph: int('Body paragraph index (for `body`).', { minimum: 0 }),
      text: str('The snippet: an exact substring of the original field text.'),
      offset: int('UTF-16 offset of `text` in the field text.', { minimum: 0 }),
      spans: {
        type: 'array',
        description: 'Matched spans as [start, end) UTF-16 offsets within `text`.',
        items: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 2, maxItems: 2 },
      },
    }, ['field', 'text', 'offset', 'spans']),

    SearchHit: obj({
      id: int('Story id.', { minimum: 1 }),
      score: { type: 'number', description: 'Relevance (higher is better); 0 when sorted by date.' },
      story: ref('StorySummary'),
      highlights: { type: 'array', items: ref('Highlight'), description: 'With `highlight=true`: snippets, headline first.' },
    }, ['id', 'score', 'story']),

    FacetCount: obj({ value: str('Facet value.'), count: int('Matching stories.', { minimum: 0 }) }, ['value', 'count']),

    SearchResult: obj({
      total: int('Matching stories.', { minimum: 0 }),
      limit: int('Page size used.', { minimum: 1 }),
      offset: int('Hits skipped.', { minimum: 0 }),
      hits: { type: 'array', items: ref('SearchHit') },
      facets: obj({
        service: { type: 'array', items: ref('FacetCount') },
        agency: { type: 'array', items: ref('FacetCount') },
        month: { type: 'array', items: ref('FacetCount'), description: 'Jalali months `YYYY/MM` (Tehran time).' },
      }, ['service', 'agency', 'month'], 'With `facets=true`: counts over all matches.'),
    }, ['total', 'limit', 'offset', 'hits']),

    NameCountList: obj({
      items: {
        type: 'array',
        description: 'Most stories first.',
        items: obj({ name: str('Name.'), count: int('Stories.', { minimum: 0 }) }, ['name', 'count']),
      },
    }, ['items']),

    Ninjs: {
      type: 'object',
      required: ['uri'],
      description: 'The story as an IPTC ninjs 2.2 document (schema: http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json); '
        + 'khabar\'s own fields are in `descriptions`, `subjects` and `altids` roles.',
      externalDocs: { url: 'https://iptc.org/standards/ninjs/' },
    },

    OpenApiDocument: {
      type: 'object',
      required: ['openapi', 'info', 'paths'],
      description: 'An OpenAPI 3.1 document.',
    },
  };
}
