/**
 * khabar's own JSON for a story: a compact summary for lists and search hits, and the full story for
 * `GET /stories/{id}` and its versions. Field names follow the Story model (story/story.ts); absent
 * optional fields are left out rather than written as null. Display text is as the editors approved it
 * (DESIGN.md §5): JSON needs no HTML escaping, and the API sends it with `X-Content-Type-Options: nosniff`.
 */
import type { Story } from '../../story/index.js';
import { stripUndefined } from '../../story/index.js';

/** Links of a story: its API resource and its page on the site. */
export interface StoryLinks {
  /** `GET /api/v1/stories/{id}`. */
  self: string;
  /** The story page, `${baseUrl}/story/{code}`. */
  site?: string;
}

/** A story in lists and search hits. */
export interface StorySummary {
  id: number;
  code?: number;
  uri: string;
  version: number;
  pubStatus: Story['pubStatus'];
  headline: string;
  lead?: string;
  service?: string;
  agency?: string;
  keywords: string[];
  urgency?: number;
  firstCreated?: string;
  versionCreated?: string;
  links: StoryLinks;
}

/** A whole story (or one version of it). */
export interface StoryDetail extends StorySummary {
  body: string[];
  language: string;
  credit?: string;
  byline?: string;
  located?: string;
  subjects: Story['subjects'];
  signOff?: string;
  endMarker?: string;
  correction?: boolean;
  embargoed?: string;
  edNote?: string;
  links: StoryLinks & { versions: string; related: string; ninjs: string; newsml: string; wire: string };
}

/** The API's root URL for a base URL (`settings.baseUrl`, no trailing slash). */
export function apiRoot(baseUrl: string): string {
  return `${baseUrl}/api/v1`;
}

/** The compact JSON of a stored story. */
export function storySummary(id: number, story: Story, baseUrl: string): StorySummary {
  const self = `${apiRoot(baseUrl)}/stories/${id}`;
  return stripUndefined({
    id,
    code: story.code,
    uri: story.uri,
    version: story.version,
    pubStatus: story.pubStatus,
    headline: story.headline,
    lead: story.lead,
    service: story.service,
    agency: story.agency,
    keywords: story.keywords,
    urgency: story.urgency,
    firstCreated: story.firstCreated,
    versionCreated: story.versionCreated,
    links: stripUndefined({ self, site: story.code !== undefined ? `${baseUrl}/story/${story.code}` : undefined }),
  });
}

/** The full JSON of a stored story (or of one of its versions). */
export function storyDetail(id: number, story: Story, baseUrl: string): StoryDetail {
  const summary = storySummary(id, story, baseUrl);
  const self = summary.links.self;
  return stripUndefined({
    ...summary,
    body: story.body,
    language: story.language,
    credit: story.credit,
    byline: story.byline,
    located: story.located,
    subjects: story.subjects,
    signOff: story.signOff,
    endMarker: story.endMarker,
    correction: story.correction,
    embargoed: story.embargoed,
    edNote: story.edNote,
    links: {
      ...summary.links,
      versions: `${self}/versions`,
      related: `${self}/related`,
      ninjs: `${self}?format=ninjs`,
      newsml: `${self}?format=newsml`,
      wire: `${self}?format=wire`,
    },
  });
}
