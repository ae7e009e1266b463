/**
 * Search over the SQLite store: the ranked index (ranked/) finds and scores the fa terms (BM25), FTS5
 * answers phrases and prefixes over the exact terms, the `stories` table filters (service, agency, tag,
 * dates) and pages. Stories that contain every ranked word get a boost; facets and highlights are
 * computed on request. A search reads from one snapshot (a read transaction).
 */
import type Database from 'better-sqlite3';
import { prepared } from './statement-cache.js';
import {
  analyzedQueryOf, checkSearchRequest, filterKey, indexDocument, parseDateBound,
} from '../../search/index.js';
import type { AnalyzedQuery, SearchHit, SearchRequest, SearchResult } from '../../search/index.js';
import { exactClauses, hasPositiveClause } from './exact-clauses.js';
import { loadStories } from './rows.js';
import { searchExtras, type MatchedStories } from './search-extras.js';
import { rankByRelevance, type RankingTuning } from './rank-relevance.js';
import { rankedReader, type RankedIndexReader } from './ranked/index-reader.js';
import { DEFAULT_BM25, scoreMatches } from './ranked/bm25-scorer.js';
import { storiesWithAll } from './ranked/exclusions.js';
import { topK } from './ranked/top-k.js';

/** Tuning for experiments and the evaluation; the store uses the defaults. */
export interface SearchTuning {
  /** Relevance ranking knobs (BM25 parameters and column weights included); see rank-relevance.ts. */
  ranking?: Partial<RankingTuning>;
}


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



/** The stories the filters allow, as a mask by id (only when the request has filters). */
function allowedMask(db: Database.Database, filters: Filters, reader: RankedIndexReader): Uint8Array {
  const mask = new Uint8Array(reader.maxId + 1);
  for (const id of prepared(db, `SELECT s.id FROM stories s WHERE ${filters.sql}`).pluck().iterate(...filters.params) as IterableIterator<number>) {
    if (id < mask.length) mask[id] = 1;
  }
  return mask;
}

/** Runs a search. */
export function searchSqlite(db: Database.Database, request: SearchRequest, tuning: SearchTuning = {}): SearchResult {
  const { limit, offset } = checkSearchRequest(request);
  const q = analyzedQueryOf(request);
  // One snapshot for the index, the stories and the page, even while another connection writes.
  return db.transaction(() => runSearch(db, request, q, limit, offset, tuning))();
}

function runSearch(db: Database.Database, request: SearchRequest, q: AnalyzedQuery, limit: number, offset: number,
  tuning: SearchTuning): SearchResult {
  const reader = rankedReader(db);
  reader.refresh();
  const filters = buildFilters(db, request, q);
  const exact = exactClauses(db, q);
  const excluded = storiesWithAll(reader, q.not);
  for (const id of exact.excluded) excluded.add(id);
  const need = offset + limit;

  let page: Array<{ id: number; score: number }>;
  let total: number;
  // Every match as a condition for facets, built only when facets are asked for.
  let matched: () => MatchedStories;
  if (q.matchAll || !hasPositiveClause(q)) {
    // Nothing positive asked of the text: every story the filters allow, less the exclusions, newest first.
    const where = excluded.size ? `${filters.sql} AND s.id NOT IN (SELECT value FROM json_each(?))` : filters.sql;
    const params = excluded.size ? [...filters.params, JSON.stringify([...excluded])] : filters.params;
    matched = () => ({ where, params });
    total = (prepared(db, `SELECT count(*) AS n FROM stories s WHERE ${where}`).get(...params) as { n: number }).n;
    page = (prepared(db, `SELECT s.id AS id FROM stories s WHERE ${where} ORDER BY s.published_at DESC, s.id DESC LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as Array<{ id: number }>).map((r) => ({ id: r.id, score: 0 }));
  } else {
    // The ranked index holds usable stories only (the writer removes killed and withheld ones), so the
    // status filter needs no mask; any other filter does.
    const allowed = filters.params.length > 0 ? allowedMask(db, filters, reader) : undefined;
    const req = {
      should: q.should, must: q.must.flat(), rankedSets: exact.ranked, requiredSets: exact.required, excluded, allowed,
    };
    const sortByDate = request.sort === 'date';
    const ranked = rankByRelevance(reader, req, sortByDate ? 0 : need, tuning.ranking, sortByDate || request.facets === true);
    total = ranked.total;
    // Every match as one JSON parameter, only when facets or date order need them all: at 200,000
    // stories a common word matches half the archive and writing the list costs more than the ranking.
    const ids = (): string => JSON.stringify(Array.from(ranked.ids));
    matched = () => ({ where: 's.id IN (SELECT value FROM json_each(?))', params: [ids()] });
    page = sortByDate
      ? (prepared(db, `SELECT s.id AS id FROM stories s WHERE s.id IN (SELECT value FROM json_each(?))
          ORDER BY s.published_at DESC, s.id DESC LIMIT ? OFFSET ?`).all(ids(), limit, offset) as Array<{ id: number }>)
        .map((r) => ({ id: r.id, score: 0 }))
      : ranked.order.slice(offset, need).map((i) => ({ id: ranked.ids[i]!, score: ranked.scores[i]! }));
  }

  // Highlights are cut from the whole story; summaries go without bodies when the caller says so.
  const stories = loadStories(db, page.map((r) => r.id), request.bodies !== false || request.highlight === true);
  const hits: SearchHit[] = page.filter((r) => stories.has(r.id)).map((r) => ({ id: r.id, story: stories.get(r.id)!, score: r.score }));
  const result: SearchResult = { total, hits };
  searchExtras(db, request, q, matched, result);
  if (request.bodies === false) for (const hit of result.hits) hit.story.body = [];
  return result;
}

/** Stories most like story `id`: its most telling terms (tf·idf over head and body), OR-ed. */
export function relatedSqlite(db: Database.Database, id: number, limit = 5): SearchHit[] {
  return db.transaction(() => {
    const story = loadStories(db, [id]).get(id);
    if (!story) return [];
    const reader = rankedReader(db);
    reader.refresh();
    const doc = indexDocument(story);
    const tf = new Map<string, number>();
    for (const t of doc.head.split(' ')) if (t) tf.set(t, (tf.get(t) ?? 0) + 2); // a headline word says more
    for (const t of doc.body.split(' ')) if (t) tf.set(t, (tf.get(t) ?? 0) + 1);
    if (tf.size === 0) return [];
    const n = reader.liveDocs;
    const df = reader.approximateDocumentFrequencies([...tf.keys()]);
    const terms = [...tf].map(([t, f]) => [t, f * Math.log(1 + n / (df.get(t) ?? 1))] as const)
      .filter(([t]) => (df.get(t) ?? 0) > 1) // a term only this story has finds nothing else
      .sort((a, b) => b[1] - a[1]).slice(0, 12).map(([t]) => t);
    if (terms.length === 0) return [];
    const m = scoreMatches(reader, { should: terms, must: [], rankedSets: [], requiredSets: [], excluded: new Set([id]), coordBoost: 0 }, DEFAULT_BM25, undefined, limit);
    const best = topK(m.ids, m.scores, limit).map((i) => ({ id: m.ids[i]!, score: m.scores[i]! }));
    const stories = loadStories(db, best.map((r) => r.id));
    return best.filter((r) => stories.has(r.id)).map((r) => ({ id: r.id, story: stories.get(r.id)!, score: r.score }));
  })();
}
