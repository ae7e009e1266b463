/**
 * Search over the PostgreSQL store. Matching is PostgreSQL full-text search over tsvectors khabar built
 * itself (pg-index-text.ts): the query's fa terms against `fa`, phrases (`<->`) and prefixes (`:*`)
 * against `exact`, both through GIN indexes; the `stories` columns filter, page and facet
 * (pg-search-filters.ts builds those conditions, every value a bound parameter).
 *
 * Ranking: BM25 computed in SQL, the formula and parameters of the SQLite ranked index, over the query
 * terms' frequencies in each story's `fa` tsvector (pg-search-scoring.ts), with SQLite's ×1.05
 * coordination boost and its feedback re-weighting (pg-feedback.ts: a first pass's best 10 re-weight the
 * query's words, a second pass ranks with them). Chosen over `ts_rank_cd`, which has no idf at all.
 *
 * Pruning (pg-search-pruning.ts, pg-search-ranking.ts): only the page's best offset + limit (k) are
 * needed exactly, and each clause adds less than a known bound to a score (a word less than its weight
 * idf·(k1+1), times the coordination factor), so once θ (the k-th best score of the matches holding the
 * rarest words) is known, the matches holding none of the clauses whose bounds could still lift a story
 * to θ are never scored: a query with a word in half the archive scores the few hundred stories its
 * rare words find, in a few statements. The feedback pass bounds with its own weights, starting from
 * the first pass's best stories, and often needs no scan at all (pg-search-second-pass.ts). The count
 * of every match is its own statement (GIN bitmaps, and term_stats for the widest word), so `total`
 * stays exact, and the results (ids, order, scores, total) are those of scoring every match, which
 * tuning `prune: false` still does (pg-search-reference.ts) for tests and the evaluation. Everything
 * runs in one REPEATABLE READ snapshot.
 */
import { analyzedQueryOf, checkSearchRequest, highlight, indexDocument } from '../../search/index.js';
import type { AnalyzedQuery, SearchHit, SearchRequest, SearchResult } from '../../search/index.js';
import type { Story } from '../../story/index.js';
import type { PgDb } from './pg-db.js';
import { DEFAULT_PG_RANKING, type PgRankingTuning } from './pg-feedback.js';
import { allOf, exclusionClauses, filterClauses, hasPositiveClause, Params, phrase, prefix } from './pg-search-filters.js';
import { facetsPg } from './pg-search-facets.js';
import { bestMatches } from './pg-search-pruning.js';
import { rankPruned, type HoldsOneOf } from './pg-search-ranking.js';
import { quoteLexeme } from './pg-index-text.js';
import { rankUnpruned } from './pg-search-reference.js';
import { holdsAny, scoring } from './pg-search-scoring.js';
import type pg from 'pg';

/**
 * Every search statement runs in one read-only snapshot, and without sequential scans: the planner
 * prices `fa @@ q` as a cheap operator, so for a word in half the stories it scans the table and
 * decompresses every story's tsvector to test it, where the GIN bitmap visits only the matches and
 * needs no tsvector to know them (EXPLAIN ANALYZE, 50,000 stories, «سال»: 572 ms scanning against
 * 417 ms by bitmap). Statements with no index to use still scan.
 */
const SEARCH_TRANSACTION = 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL enable_seqscan = off';

/** Loads the page's stories in one query; without bodies, PostgreSQL drops `body` before sending the JSON. */
async function loadStories(client: pg.PoolClient, ids: readonly number[], withBody: boolean): Promise<Map<number, Story>> {
  const out = new Map<number, Story>();
  if (ids.length === 0) return out;
  const col = withBody ? 'story' : `(story::jsonb - 'body')::text`;
  const { rows } = await client.query<{ id: string; story: string }>(`SELECT id, ${col} AS story FROM stories WHERE id = ANY($1::bigint[])`, [ids]);
  for (const r of rows) {
    const story = JSON.parse(r.story) as Story;
    if (!withBody) story.body = [];
    out.set(Number(r.id), story);
  }
  return out;
}

/**
 * Runs a search in one REPEATABLE READ snapshot. `tuning` is for experiments and the evaluation; the
 * store uses the defaults, which are SQLite's (and prune).
 */
export async function searchPg(db: PgDb, request: SearchRequest, tuning: Partial<PgRankingTuning> = {}): Promise<SearchResult> {
  const { limit, offset } = checkSearchRequest(request);
  const q = analyzedQueryOf(request);
  const t = { ...DEFAULT_PG_RANKING, ...tuning };
  return db.tx(async (client) => {
    await client.query(SEARCH_TRANSACTION);
    return runSearch(client, request, q, limit, offset, t);
  });
}

async function runSearch(client: pg.PoolClient, request: SearchRequest, q: AnalyzedQuery, limit: number, offset: number,
  tuning: PgRankingTuning): Promise<SearchResult> {
  const p = new Params();
  const base = [...await filterClauses(client, request, q, p), ...exclusionClauses(q, p)];
  const unfiltered = base.length === 1; // only the usable-story condition
  if (q.matchAll || !hasPositiveClause(q)) {
    const w = base.join(' AND ');
    const [c] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM stories s WHERE ${w}`, p.values)).rows;
    const params = [...p.values];
    const { rows } = await client.query<{ id: string }>(
      `SELECT s.id FROM stories s WHERE ${w} ORDER BY s.published_at DESC, s.id DESC LIMIT ${p.bind(limit)} OFFSET ${p.bind(offset)}`,
      p.values);
    return finish(client, request, q, w, params, c!.n, rows.map((r) => ({ id: Number(r.id), score: 0 })));
  }
  // Match conditions. Required: every must group (fa), every phrase and +prefix (exact). Otherwise one
  // of the should terms (fa) or the ranked exact clauses.
  const must = q.must.filter((g) => g.length > 0).flat();
  const required = [...q.phrases.filter((x) => x.length > 0).map(phrase), ...q.mustPrefixes.map(prefix)];
  const rankedExact = [...q.exactShould.map((t) => phrase([t])), ...q.prefixes.map(prefix)];
  if (must.length) base.push(`s.fa @@ ${p.bind(allOf([...new Set(must)]))}::tsquery`);
  for (const r of required) base.push(`s.exact @@ ${p.bind(r)}::tsquery`);
  const baseParams = [...p.values];
  const where = [...base];
  if (must.length === 0 && required.length === 0) where.push(holdsAny(q.should, rankedExact, p)!);
  const w = where.join(' AND ');
  const matchParams = [...p.values];
  let total: number;
  let page: Array<{ id: number; score: number }>;
  if (request.sort === 'date') {
    const [c] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM stories s WHERE ${w}`, p.values)).rows;
    total = c!.n;
    const { rows } = await client.query<{ id: string }>(
      `SELECT s.id FROM stories s WHERE ${w} ORDER BY s.published_at DESC, s.id DESC LIMIT ${p.bind(limit)} OFFSET ${p.bind(offset)}`,
      p.values);
    page = rows.map((r) => ({ id: Number(r.id), score: 0 }));
  } else {
    const exact = [...required.map((query) => ({ query, required: true })), ...rankedExact.map((query) => ({ query, required: false }))];
    const sc = await scoring(client, [...q.should, ...must], must, exact, q.should, tuning.coordBoost);
    const should = [...new Set(q.should)];
    const mustTerms = [...new Set(must)];
    // When a match is any usable story holding one of a few clauses of one column, the count can start
    // from how many stories hold each (pg-search-ranking.ts).
    let holdsOneOf: HoldsOneOf | undefined;
    if (unfiltered && required.length === 0) {
      const fa = (terms: string[]): HoldsOneOf => ({ column: 'fa', clauses: terms.map((t) => ({ query: quoteLexeme(t), n: sc.df.get(t) ?? 0 })) });
      if (mustTerms.length === 1) holdsOneOf = fa(mustTerms);
      else if (mustTerms.length === 0 && rankedExact.length === 0) holdsOneOf = fa(should);
      else if (mustTerms.length === 0 && should.length === 0) holdsOneOf = { column: 'exact', clauses: sc.exact.map((e) => ({ query: e.query, n: e.n })) };
    }
    ({ total, page } = tuning.prune
      ? await rankPruned(client, { sc, base, baseParams, where: w, matchParams, should, holdsOneOf }, tuning, limit, offset)
      : await rankUnpruned(client, sc, w, matchParams, should, tuning, limit, offset));
  }
  return finish(client, request, q, w, matchParams, total, page);
}

async function finish(client: pg.PoolClient, request: SearchRequest, q: AnalyzedQuery, where: string, params: unknown[],
  total: number, page: Array<{ id: number; score: number }>): Promise<SearchResult> {
  // Highlights are cut from the whole story; summaries go without bodies when the caller says so.
  const stories = await loadStories(client, page.map((r) => r.id), request.bodies !== false || request.highlight === true);
  const hits: SearchHit[] = page.filter((r) => stories.has(r.id)).map((r) => ({ id: r.id, story: stories.get(r.id)!, score: r.score }));
  const result: SearchResult = { total, hits };
  if (request.facets) result.facets = await facetsPg(client, where, params);
  if (request.highlight) for (const hit of result.hits) hit.highlights = highlight(hit.story, q);
  if (request.bodies === false) for (const hit of result.hits) hit.story.body = [];
  return result;
}

/**
 * Stories most like story `id`: its most telling terms (tf·idf over head and body), OR-ed, BM25-ranked
 * (pruned like a search, unless `tuning.prune` is false).
 */
export async function relatedPg(db: PgDb, id: number, limit = 5, tuning: Partial<Pick<PgRankingTuning, 'prune'>> = {}): Promise<SearchHit[]> {
  if (!Number.isSafeInteger(id)) return [];
  return db.tx(async (client) => {
    await client.query(SEARCH_TRANSACTION);
    const story = (await loadStories(client, [id], true)).get(id);
    if (!story) return [];
    const doc = indexDocument(story);
    const tf = new Map<string, number>();
    for (const t of doc.head.split(' ')) if (t) tf.set(t, (tf.get(t) ?? 0) + 2); // a headline word says more
    for (const t of doc.body.split(' ')) if (t) tf.set(t, (tf.get(t) ?? 0) + 1);
    if (tf.size === 0) return [];
    const { rows: [stats] } = await client.query<{ docs: string }>('SELECT docs FROM search_stats WHERE id = 1');
    const n = Number(stats!.docs);
    const { rows } = await client.query<{ term: string; df: number }>('SELECT term, df FROM term_stats WHERE term = ANY($1::text[])', [[...tf.keys()]]);
    const df = new Map(rows.map((r) => [r.term, r.df]));
    const terms = [...tf].map(([t, f]) => [t, f * Math.log(1 + n / (df.get(t) ?? 1))] as const)
      .filter(([t]) => (df.get(t) ?? 0) > 1) // a term only this story has finds nothing else
      .sort((a, b) => b[1] - a[1]).slice(0, 12).map(([t]) => t);
    if (terms.length === 0) return [];
    const sc = await scoring(client, terms, [], [], [], 0);
    const p = new Params();
    const base = [`s.pub_status = 'usable'`, `s.id <> ${p.bind(id)}`];
    const baseParams = [...p.values];
    const where = [...base, holdsAny(terms, [], p)!].join(' AND ');
    const best = tuning.prune === false
      ? (await rankUnpruned(client, sc, where, p.values, [], { ...DEFAULT_PG_RANKING, feedbackDocs: 0 }, limit, 0)).page
      : (await bestMatches(client, { sc, base, params: baseParams }, limit)).best;
    const stories = await loadStories(client, best.map((r) => r.id), true);
    return best.filter((r) => stories.has(r.id)).map((r) => ({ id: r.id, story: stories.get(r.id)!, score: r.score }));
  });
}
