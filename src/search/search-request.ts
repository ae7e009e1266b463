/**
 * Checking a search request and turning its text into an analyzed query: the same for every store
 * (SQLite and PostgreSQL answer the same requests and refuse the same bad ones).
 */
import { KhabarError } from '../errors/index.js';
import { compileQuery } from './query-analyze.js';
import type { AnalyzedQuery } from './query-types.js';
import { MAX_SEARCH_LIMIT, type SearchRequest } from './search-types.js';

/** Largest `offset` a search accepts (deep pages are what date filters are for). */
export const MAX_SEARCH_OFFSET = 100_000;

/**
 * The page a request asks for, after checking every field's type and range.
 * @throws KhabarError INVALID_INPUT naming the field.
 */
export function checkSearchRequest(request: SearchRequest): { limit: number; offset: number } {
  if (typeof request !== 'object' || request === null || typeof request.q !== 'string') {
    throw new KhabarError('INVALID_INPUT', 'search request needs q, the query text, as a string');
  }
  const limit = request.limit ?? 10;
  const offset = request.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw new KhabarError('INVALID_INPUT', `limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}, got ${String(limit)}`);
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_SEARCH_OFFSET) {
    throw new KhabarError('INVALID_INPUT', `offset must be an integer from 0 to ${MAX_SEARCH_OFFSET}, got ${String(offset)}`);
  }
  for (const flag of ['facets', 'highlight', 'bodies'] as const) {
    if (request[flag] !== undefined && typeof request[flag] !== 'boolean') {
      throw new KhabarError('INVALID_INPUT', `${flag} must be true or false, got ${JSON.stringify(request[flag])}`, { field: flag });
    }
  }
  if (request.sort !== undefined && request.sort !== 'relevance' && request.sort !== 'date') {
    throw new KhabarError('INVALID_INPUT', `sort must be "relevance" or "date", got ${JSON.stringify(request.sort)}`);
  }
  return { limit, offset };
}

/** The query of a request: a blank `q` with filters in the request lists by date (matchAll). */
export function analyzedQueryOf(request: SearchRequest): AnalyzedQuery {
  const hasRequestFilter = [request.service, request.agency, request.tag, request.from, request.to].some((v) => v !== undefined);
  if (request.q.trim() === '' && hasRequestFilter) {
    return {
      should: [], must: [], not: [], phrases: [], notPhrases: [], prefixes: [], mustPrefixes: [], notPrefixes: [],
      exactShould: [], filters: { service: [], agency: [], tag: [] }, matchAll: true,
    } as AnalyzedQuery;
  }
  return compileQuery(request.q);
}
