/**
 * The search request and result every store answers with (DESIGN.md §3, "Archive search"). The query
 * string is in khabar's query language (see query-language.ts); stores never parse it themselves.
 */
import type { Story } from '../story/index.js';

/** Largest page a search returns (a TREC run takes the top 1000). */
export const MAX_SEARCH_LIMIT = 1000;

/** A search. */
export interface SearchRequest {
  /** The query in khabar's query language: words, +must, -not, "phrase", prefix*, service: agency: tag: from: to:. */
  q: string;
  /** Only stories of this service (desk), in addition to any `service:` in `q`. */
  service?: string;
  /** Only stories of this agency. */
  agency?: string;
  /** Only stories with this keyword. */
  tag?: string;
  /** Only stories published at or after this instant (ISO 8601) or Jalali/ISO date string. */
  from?: string;
  /** Only stories published at or before this instant or date (a date means the end of that day, Tehran). */
  to?: string;
  /** `relevance` (default) or `date` (newest first). */
  sort?: 'relevance' | 'date';
  /** Page size, 1–{@link MAX_SEARCH_LIMIT}; default 10. */
  limit?: number;
  /** Hits to skip; default 0. */
  offset?: number;
  /** Compute facet counts (service, agency, month) over all matches. */
  facets?: boolean;
  /** Compute highlighted snippets for the hits. */
  highlight?: boolean;
  /**
   * Hits carry their stories' body paragraphs (default true). `false` leaves `body` empty, for callers
   * that show summaries: a long story's body is most of the cost of reading it back. Highlights are
   * computed from the whole story either way.
   */
  bodies?: boolean;
}

/** A highlighted piece of a story: `text` is a slice of the original, `spans` are [start, end) in `text`. */
export interface Highlight {
  field: 'headline' | 'lead' | 'body';
  /** Paragraph index for `body`. */
  paragraph?: number;
  /** The snippet: an exact substring of the original field text. */
  text: string;
  /** UTF-16 offset of `text` within the field text. */
  offset: number;
  /** Matched spans as [start, end) offsets within `text`. */
  spans: Array<[number, number]>;
}

/** One result. */
export interface SearchHit {
  /** The store's id of the story. */
  id: number;
  /** The story as stored (latest version). */
  story: Story;
  /** Relevance score (higher is better); 0 when sorted by date. */
  score: number;
  /** Highlighted snippets, headline first, when asked for. */
  highlights?: Highlight[];
}

/** A facet value and how many matching stories have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** Search results. */
export interface SearchResult {
  /** Number of matching stories. */
  total: number;
  hits: SearchHit[];
  /** Facet counts over all matches, when asked for. `month` values are Jalali `YYYY/MM` (Tehran). */
  facets?: { service: FacetCount[]; agency: FacetCount[]; month: FacetCount[] };
}
