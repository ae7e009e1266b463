/**
 * Search over the SQLite store: FTS5 finds and ranks (BM25 over khabar's analyzer terms, per-column
 * weights), the `stories` table filters (status, service, agency, tag, dates) and pages. Stories that
 * contain every ranked word come first; facets and highlights are computed on request.
 */
import type Database from 'better-sqlite3';
import { prepared } from './statement-cache.js';
import { KhabarError } from '../../errors/index.js';
import {
  compileQuery, filterKey, indexDocument, MAX_SEARCH_LIMIT, parseDateBound,
} from '../../search/index.js';
import type { AnalyzedQuery, SearchHit, SearchRequest, SearchResult } from '../../search/index.js';
import { anyFaTerms, compileFts5, storiesWhere } from './fts5-query.js';
import { loadStories } from './rows.js';
import { searchExtras } from './search-extras.js';
import { rankByRelevance, type RankingTuning, type Scored } from './rank-relevance.js';

/** BM25 weights of the `head`, `body` and `exact` columns. */
export interface ColumnWeights {
  head: number;
  body: number;
  exact: number;
}

/**
 * Equal weights: measured on Hamshahri (bench/results/search-eval.md), a boosted headline column costs
 * MAP there, since a document's first line is often a column name (نگاه، یادداشت) rather than a headline.
 */
export const DEFAULT_WEIGHTS: ColumnWeights = { head: 1, body: 1, exact: 1 };

/** Tuning for experiments and the evaluation; the store uses the defaults. */
export interface SearchTuning {
  weights?: ColumnWeights;
  /** Relevance ranking knobs; see rank-relevance.ts. */
  ranking?: Partial<RankingTuning>;
}

const MAX_OFFSET = 100_000;

interface Filters {
  sql: string;
  params: unknown[];
}

/** The stored names of a column whose search form equals one of `values` (ي/ی, ZWNJ/space variants meet). */
function storedNames(db: Database.Database, column: 'service' | 'agency', values: readonly string[]): string[] {
  const keys = new Set(values.map(filterKey));
  const rows = prepared(db, `SELECT DISTINCT ${column} AS name FROM stories WHERE ${column} IS NOT NULL`).all() as Array<{ name: string }>;
  return rows.map((r) => r.name).filter((n) => keys.has(filterKey(n)));
}

const keyFunctions = new WeakSet<Database.Database>();

/** Registers `filter_key(text)` on the connection, for tag filters (keywords are too many to list). */
function ensureFunctions(db: Database.Database): void {
  if (keyFunctions.has(db)) return;
  db.function('filter_key', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? filterKey(v) : null));
  keyFunctions.add(db);
}

/** SQL conditions on `s` (stories) for a request's filters, values as parameters. */
function buildFilters(db: Database.Database, request: SearchRequest, q: AnalyzedQuery): Filters {
  const parts = ["s.pub_status = 'usable'"];
  const params: unknown[] = [];
  const services = [...q.filters.service, ...(request.service ? [request.service] : [])];
  if (services.length) {
    parts.push('s.service IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(storedNames(db, 'service', services)));
  }
  const agencies = [...q.filters.agency, ...(request.agency ? [request.agency] : [])];
  if (agencies.length) {
    parts.push('s.agency IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(storedNames(db, 'agency', agencies)));
  }
  const tags = [...q.filters.tag, ...(request.tag ? [request.tag] : [])];
  if (tags.length) {
    ensureFunctions(db);
    parts.push('EXISTS (SELECT 1 FROM story_keywords k WHERE k.story_id = s.id AND filter_key(k.keyword) IN (SELECT value FROM json_each(?)))');
    params.push(JSON.stringify(tags.map(filterKey)));
  }
  const from = [q.filters.from, request.from ? parseDateBound(request.from, 'from') : undefined].filter((x): x is string => !!x);
  const to = [q.filters.to, request.to ? parseDateBound(request.to, 'to') : undefined].filter((x): x is string => !!x);
  if (from.length) {
    parts.push('s.published_at >= ?');
    params.push(Math.max(...from.map(Date.parse)));
  }
  if (to.length) {
    parts.push('s.published_at <= ?');
    params.push(Math.min(...to.map(Date.parse)));
  }
  return { sql: parts.join(' AND '), params };
}

function checkRequest(request: SearchRequest): { limit: number; offset: number } {
  if (typeof request !== 'object' || request === null || typeof request.q !== 'string') {
    throw new KhabarError('INVALID_INPUT', 'search request needs q, the query text, as a string');
  }
  const limit = request.limit ?? 10;
  const offset = request.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw new KhabarError('INVALID_INPUT', `limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}, got ${String(limit)}`);
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw new KhabarError('INVALID_INPUT', `offset must be an integer from 0 to ${MAX_OFFSET}, got ${String(offset)}`);
  }
  if (request.sort !== undefined && request.sort !== 'relevance' && request.sort !== 'date') {
    throw new KhabarError('INVALID_INPUT', `sort must be "relevance" or "date", got ${JSON.stringify(request.sort)}`);
  }
  return { limit, offset };
}

/** The query of a request: a blank `q` with filters in the request lists by date. */
function analyzedQueryOf(request: SearchRequest): AnalyzedQuery {
  const hasRequestFilter = [request.service, request.agency, request.tag, request.from, request.to].some((v) => v !== undefined);
  if (request.q.trim() === '' && hasRequestFilter) {
    return {
      should: [], must: [], not: [], phrases: [], notPhrases: [], prefixes: [], mustPrefixes: [], notPrefixes: [],
      exactShould: [], filters: { service: [], agency: [], tag: [] }, matchAll: true,
    } as AnalyzedQuery;
  }
  return compileQuery(request.q);
}

/** Runs a search. */
export function searchSqlite(db: Database.Database, request: SearchRequest, tuning: SearchTuning = {}): SearchResult {
  const { limit, offset } = checkRequest(request);
  const q = analyzedQueryOf(request);
  const plan = compileFts5(q);
  const filters = buildFilters(db, request, q);
  const w = tuning.weights ?? DEFAULT_WEIGHTS;
  const need = offset + limit;

  let ranked: Array<{ id: number; score: number }>;
  let total: number;
  if (plan.any === undefined || request.sort === 'date') {
    const { where, params } = storiesWhere(plan, filters);
    total = (prepared(db, `SELECT count(*) AS n FROM stories s WHERE ${where}`).get(...params) as { n: number }).n;
    ranked = (prepared(db, `SELECT s.id AS id FROM stories s WHERE ${where} ORDER BY s.published_at DESC, s.id DESC LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as Array<{ id: number }>).map((r) => ({ id: r.id, score: 0 }));
  } else {
    // The full-text table holds usable stories only (the writer removes killed and withheld ones), so
    // without other filters the join to `stories` is skipped: it doubled the query time.
    const rankSql = filters.params.length === 0
      ? 'SELECT rowid AS id, bm25(story_fts, ?, ?, ?) AS rank FROM story_fts WHERE story_fts MATCH ? ORDER BY rank LIMIT ?'
      : `SELECT s.id AS id, bm25(story_fts, ?, ?, ?) AS rank FROM story_fts JOIN stories s ON s.id = story_fts.rowid
      WHERE story_fts MATCH ? AND ${filters.sql} ORDER BY rank LIMIT ?`;
    const run = (match: string, n: number): Scored[] =>
      (prepared(db, rankSql).all(w.head, w.body, w.exact, match, ...filters.params, n) as Array<{ id: number; rank: number }>)
        .map((r) => ({ id: r.id, score: -r.rank }));
    ranked = rankByRelevance(db, q, plan, (match, n) => run(match, n), need, tuning.ranking).slice(offset, need);
    total = (prepared(db, filters.params.length === 0 ? 'SELECT count(*) AS n FROM story_fts WHERE story_fts MATCH ?'
      : `SELECT count(*) AS n FROM story_fts JOIN stories s ON s.id = story_fts.rowid WHERE story_fts MATCH ? AND ${filters.sql}`)
      .get(plan.any, ...filters.params) as { n: number }).n;
  }

  const stories = loadStories(db, ranked.map((r) => r.id));
  const hits: SearchHit[] = ranked.filter((r) => stories.has(r.id)).map((r) => ({ id: r.id, story: stories.get(r.id)!, score: r.score }));
  const result: SearchResult = { total, hits };
  searchExtras(db, request, q, plan, filters, result);
  return result;
}

/** Stories most like story `id`: its most telling terms (tf·idf over head and body), OR-ed. */
export function relatedSqlite(db: Database.Database, id: number, limit = 5): SearchHit[] {
  const story = loadStories(db, [id]).get(id);
  if (!story) return [];
  const doc = indexDocument(story);
  const tf = new Map<string, number>();
  for (const t of doc.head.split(' ')) if (t) tf.set(t, (tf.get(t) ?? 0) + 2); // a headline word says more
  for (const t of doc.body.split(' ')) if (t) tf.set(t, (tf.get(t) ?? 0) + 1);
  if (tf.size === 0) return [];
  const n = (prepared(db, "SELECT count(*) AS n FROM stories WHERE pub_status = 'usable'").get() as { n: number }).n;
  const df = new Map((prepared(db, 'SELECT term, doc FROM story_fts_vocab WHERE term IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...tf.keys()])) as Array<{ term: string; doc: number }>).map((r) => [r.term, r.doc]));
  const terms = [...tf].map(([t, f]) => [t, f * Math.log(1 + n / (df.get(t) ?? 1))] as const)
    .filter(([t]) => (df.get(t) ?? 0) > 1) // a term only this story has finds nothing else
    .sort((a, b) => b[1] - a[1]).slice(0, 12).map(([t]) => t);
  if (terms.length === 0) return [];
  const rows = prepared(db, `SELECT s.id AS id, bm25(story_fts, 1, 1, 1) AS rank FROM story_fts JOIN stories s ON s.id = story_fts.rowid
    WHERE story_fts MATCH ? AND s.pub_status = 'usable' AND s.id <> ? ORDER BY rank LIMIT ?`).all(anyFaTerms(terms), id, limit) as Array<{ id: number; rank: number }>;
  const stories = loadStories(db, rows.map((r) => r.id));
  return rows.filter((r) => stories.has(r.id)).map((r) => ({ id: r.id, story: stories.get(r.id)!, score: -r.rank }));
}

