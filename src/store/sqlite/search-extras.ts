/** Facet counts and highlights for a search result (only when the request asks for them). */
import type Database from 'better-sqlite3';
import { prepared } from './statement-cache.js';
import { highlight, monthKey } from '../../search/index.js';
import type { AnalyzedQuery, FacetCount, SearchRequest, SearchResult } from '../../search/index.js';

/** The matching stories as a condition on `stories s` (with its parameters). */
export interface MatchedStories {
  where: string;
  params: unknown[];
}

const HALF_HOUR = 1_800_000;

/**
 * Counts per service, agency and Jalali month over every match. Months are counted per half-hour of
 * publication time first (Tehran's offsets are whole half-hours, so a bucket never straddles a Tehran
 * midnight), then each bucket is named with its Jalali month.
 */
function facets(db: Database.Database, { where, params }: MatchedStories) {
  const from = `stories s WHERE ${where}`;
  const byColumn = (col: 'service' | 'agency'): FacetCount[] =>
    (prepared(db, `SELECT s.${col} AS value, count(*) AS count FROM ${from} AND s.${col} IS NOT NULL GROUP BY s.${col} ORDER BY count DESC, value LIMIT 50`)
      .all(...params) as FacetCount[]);
  const months = new Map<string, number>();
  for (const r of prepared(db, `SELECT s.published_at / ${HALF_HOUR} AS b, count(*) AS n FROM ${from} GROUP BY b`).all(...params) as Array<{ b: number; n: number }>) {
    const key = monthKey(new Date(r.b * HALF_HOUR).toISOString());
    months.set(key, (months.get(key) ?? 0) + r.n);
  }
  const month = [...months].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value < b.value ? 1 : -1));
  return { service: byColumn('service'), agency: byColumn('agency'), month };
}

/** Adds facets and highlights to `result` when the request asks for them. */
export function searchExtras(db: Database.Database, request: SearchRequest, q: AnalyzedQuery, matched: () => MatchedStories,
  result: SearchResult): void {
  if (request.facets) result.facets = facets(db, matched());
  if (request.highlight) for (const hit of result.hits) hit.highlights = highlight(hit.story, q);
}
