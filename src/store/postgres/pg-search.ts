/**
 * Search over the PostgreSQL store. Matching is PostgreSQL full-text search over tsvectors khabar built
 * itself (pg-index-text.ts): the query's fa terms against `fa`, phrases (`<->`) and prefixes (`:*`)
 * against `exact`, both through GIN indexes; the `stories` columns filter, page and facet. Every value,
 * tsquery texts included, is a bound parameter; tsquery literals are cast with `::tsquery`, which takes
 * lexemes verbatim (no configuration runs over them, like the `simple` config would not change them).
 *
 * Ranking: BM25 computed in SQL, the same formula and parameters as the SQLite ranked index
 * (sqlite/ranked/bm25-scorer.ts, k1 1.2, b 0.75): the term frequency of each query term is the number of
 * its positions in the story's `fa` tsvector (unnest), idf comes from `term_stats` (document frequency
 * over searchable stories, kept by the writer), the length normalization from `doc_length` and
 * `search_stats`. Phrases and prefixes add idf(matching stories)·(k1+1)/(1+norm) as SQLite does, and
 * stories holding every ranked word get the same ×1.05 coordination boost. Chosen over `ts_rank_cd`
 * (normalization 1|32), which has no idf at all: rare words would weigh no more than common ones.
 *
 * Feedback re-weighting as on SQLite (sqlite/rank-relevance.ts, sqlite/ranked/feedback.ts): when the
 * query has two or more distinct should words, a first pass ranks the matches and returns its best 10
 * (ties to the lower id, as SQLite's top-k) with their lengths and the frequencies of the should words;
 * pg-feedback.ts turns them into weight factors exactly as feedback.ts does, and a second pass ranks
 * with the re-weighted words (the matches and their count do not change). Both passes run in the
 * search's snapshot. Not ported: pruning (every candidate is scored, which costs time on words that
 * match much of the archive).
 */
import {
  analyzedQueryOf, checkSearchRequest, filterKey, highlight, indexDocument, monthKey, parseDateBound,
} from '../../search/index.js';
import type { AnalyzedQuery, FacetCount, SearchHit, SearchRequest, SearchResult } from '../../search/index.js';
import type { Story } from '../../story/index.js';
import type { PgDb } from './pg-db.js';
import { quoteLexeme } from './pg-index-text.js';
import { DEFAULT_PG_RANKING, feedbackWeightsPg, type FeedbackStory, type PgRankingTuning } from './pg-feedback.js';
import type pg from 'pg';

const K1 = 1.2;
const B = 0.75;
const HALF_HOUR = 1_800_000;

/** Positional parameters of one statement. */
class Params {
  readonly values: unknown[] = [];
  bind(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** BM25's idf, as sqlite/ranked/bm25-scorer.ts. */
function idf(docs: number, n: number): number {
  const v = Math.log((docs - n + 0.5) / (n + 0.5));
  return v <= 0 ? 1e-6 : v;
}

const and = (terms: readonly string[]) => terms.map(quoteLexeme).join(' & ');
const phrase = (terms: readonly string[]) => terms.map(quoteLexeme).join(' <-> ');
const prefix = (p: string) => `${quoteLexeme(p)}:*`;



/** The stored names of a column whose search form equals one of `values` (ي/ی, ZWNJ/space variants meet). */
async function storedNames(client: pg.PoolClient, column: 'service' | 'agency', values: readonly string[]): Promise<string[]> {
  const keys = new Set(values.map(filterKey));
  const { rows } = await client.query<{ name: string }>(`SELECT DISTINCT ${column} AS name FROM stories WHERE ${column} IS NOT NULL`);
  return rows.map((r) => r.name).filter((n) => keys.has(filterKey(n)));
}

/** Conditions on `s` (stories) for the request's filters. */
async function filterClauses(client: pg.PoolClient, request: SearchRequest, q: AnalyzedQuery, p: Params): Promise<string[]> {
  const parts = ["s.pub_status = 'usable'"];
  const services = [...q.filters.service, ...(request.service ? [request.service] : [])];
  if (services.length) parts.push(`s.service = ANY(${p.bind(await storedNames(client, 'service', services))}::text[])`);
  const agencies = [...q.filters.agency, ...(request.agency ? [request.agency] : [])];
  if (agencies.length) parts.push(`s.agency = ANY(${p.bind(await storedNames(client, 'agency', agencies))}::text[])`);
  const tags = [...q.filters.tag, ...(request.tag ? [request.tag] : [])];
  if (tags.length) {
    parts.push(`EXISTS (SELECT 1 FROM story_keywords k WHERE k.story_id = s.id AND k.key = ANY(${p.bind(tags.map(filterKey))}::text[]))`);
  }
  const from = [q.filters.from, request.from ? parseDateBound(request.from, 'from') : undefined].filter((x): x is string => !!x);
  const to = [q.filters.to, request.to ? parseDateBound(request.to, 'to') : undefined].filter((x): x is string => !!x);
  if (from.length) parts.push(`s.published_at >= ${p.bind(Math.max(...from.map(Date.parse)))}`);
  if (to.length) parts.push(`s.published_at <= ${p.bind(Math.min(...to.map(Date.parse)))}`);
  return parts;
}

/** Exclusions: `-word` groups (fa), `-"phrase"` and `-pre*` (exact). */
function exclusionClauses(q: AnalyzedQuery, p: Params): string[] {
  const parts: string[] = [];
  const notFa = q.not.filter((g) => g.length > 0).map((g) => `(${and([...new Set(g)])})`);
  if (notFa.length) parts.push(`NOT (s.fa @@ ${p.bind(notFa.join(' | '))}::tsquery)`);
  const notExact = [...q.notPhrases.filter((x) => x.length > 0).map(phrase), ...q.notPrefixes.map(prefix)].map((x) => `(${x})`);
  if (notExact.length) parts.push(`NOT (s.exact @@ ${p.bind(notExact.join(' | '))}::tsquery)`);
  return parts;
}

/** Does the query ask anything positive of the text (otherwise it lists by filters and exclusions)? */
function hasPositiveClause(q: AnalyzedQuery): boolean {
  return q.should.length > 0 || q.must.some((g) => g.length > 0) || q.phrases.some((x) => x.length > 0) ||
    q.mustPrefixes.length > 0 || q.prefixes.length > 0 || q.exactShould.length > 0;
}

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

/** What a ranked query scores: fa terms with their weights, exact clauses with theirs. */
interface Scoring {
  terms: string[];
  weights: number[];
  /** tsquery texts of exact clauses and their weights idf·(k1+1). */
  exact: Array<{ query: string; weight: number }>;
  /** Should terms for the coordination boost (all present: ×(1 + boost)). */
  coord: string[];
  boost: number;
  /** Searchable stories (N). */
  docs: number;
  /** Document frequency of each term in `terms`. */
  df: Map<string, number>;
}

/** Collection statistics and term weights, read in the search's snapshot. */
async function scoring(client: pg.PoolClient, fa: string[], exactQueries: string[], coord: string[], boost: number): Promise<Scoring & { c0: number; c1: number }> {
  const { rows: [stats] } = await client.query<{ docs: string; total_len: string }>('SELECT docs, total_len FROM search_stats WHERE id = 1');
  const docs = Number(stats!.docs);
  const avgdl = docs > 0 ? Number(stats!.total_len) / docs : 1;
  const terms = [...new Set(fa)];
  const { rows } = terms.length
    ? await client.query<{ term: string; df: number }>('SELECT term, df FROM term_stats WHERE term = ANY($1::text[])', [terms])
    : { rows: [] };
  const df = new Map(rows.map((r) => [r.term, r.df]));
  const exact: Scoring['exact'] = [];
  for (const query of exactQueries) {
    const { rows: [c] } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM stories WHERE exact @@ $1::tsquery`, [query]);
    exact.push({ query, weight: idf(docs, c!.n) * (K1 + 1) });
  }
  return {
    terms, weights: terms.map((t) => idf(docs, df.get(t) ?? 0) * (K1 + 1)), exact, coord: [...new Set(coord)], boost, docs, df,
    c0: K1 * (1 - B), c1: (K1 * B) / avgdl,
  };
}

/**
 * The BM25 score of `s` as a SQL expression (correlated subquery over the story's own tsvector: one
 * row per query term it holds, f = the term's positions).
 */
function scoreSql(sc: Scoring & { c0: number; c1: number }, p: Params): string {
  const norm = `(${p.bind(sc.c0)}::float8 + ${p.bind(sc.c1)}::float8 * COALESCE(s.doc_length, 0))`;
  const parts: string[] = [];
  if (sc.terms.length) {
    parts.push(`COALESCE((SELECT SUM(w.weight * cardinality(u.positions) / (cardinality(u.positions) + ${norm}))
      FROM unnest(s.fa) AS u JOIN unnest(${p.bind(sc.terms)}::text[], ${p.bind(sc.weights)}::float8[]) AS w (term, weight)
      ON w.term = u.lexeme), 0)`);
  }
  for (const e of sc.exact) {
    parts.push(`CASE WHEN s.exact @@ ${p.bind(e.query)}::tsquery THEN ${p.bind(e.weight)}::float8 / (1 + ${norm}) ELSE 0 END`);
  }
  const base = parts.length ? parts.join(' + ') : '0';
  // As SQLite's scorer: the boost needs two or more should words (one word would boost every story holding it).
  if (sc.coord.length < 2 || sc.boost === 0) return `(${base})`;
  return `((${base}) * CASE WHEN s.fa @@ ${p.bind(and(sc.coord))}::tsquery THEN ${p.bind(1 + sc.boost)}::float8 ELSE 1 END)`;
}

/**
 * The first pass's best `n` stories (score order, ties to the lower id) with their BM25 lengths and the
 * frequencies of the `should` terms they hold, for the feedback re-weighting.
 */
async function firstPassBest(client: pg.PoolClient, sc: Scoring & { c0: number; c1: number }, where: string,
  matchParams: readonly unknown[], should: readonly string[], n: number): Promise<FeedbackStory[]> {
  const p = new Params();
  p.values.push(...matchParams);
  const score = scoreSql(sc, p);
  const { rows } = await client.query<{ score: number; length: number | null; tf: Record<string, number> }>(
    `SELECT r.score, st.doc_length AS length,
        (SELECT COALESCE(json_object_agg(u.lexeme, cardinality(u.positions)), '{}'::json)
          FROM unnest(st.fa) AS u WHERE u.lexeme = ANY(${p.bind(should)}::text[])) AS tf
      FROM (SELECT s.id, ${score} AS score FROM stories s WHERE ${where} ORDER BY score DESC, s.id ASC LIMIT ${p.bind(n)}) AS r
      JOIN stories st ON st.id = r.id
      ORDER BY r.score DESC, r.id ASC`, p.values);
  return rows.map((r) => ({ score: r.score, length: Number(r.length ?? 0), tf: r.tf }));
}

/**
 * Runs a search in one REPEATABLE READ snapshot. `tuning` is for experiments and the evaluation; the
 * store uses the defaults, which are SQLite's.
 */
export async function searchPg(db: PgDb, request: SearchRequest, tuning: Partial<PgRankingTuning> = {}): Promise<SearchResult> {
  const { limit, offset } = checkSearchRequest(request);
  const q = analyzedQueryOf(request);
  const t = { ...DEFAULT_PG_RANKING, ...tuning };
  return db.tx(async (client) => {
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return runSearch(client, request, q, limit, offset, t);
  });
}

async function runSearch(client: pg.PoolClient, request: SearchRequest, q: AnalyzedQuery, limit: number, offset: number,
  tuning: PgRankingTuning): Promise<SearchResult> {
  const p = new Params();
  const where = [...await filterClauses(client, request, q, p), ...exclusionClauses(q, p)];
  let total: number;
  let page: Array<{ id: number; score: number }>;
  if (q.matchAll || !hasPositiveClause(q)) {
    const w = where.join(' AND ');
    const [c] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM stories s WHERE ${w}`, p.values)).rows;
    total = c!.n;
    const { rows } = await client.query<{ id: string }>(
      `SELECT s.id FROM stories s WHERE ${w} ORDER BY s.published_at DESC, s.id DESC LIMIT ${p.bind(limit)} OFFSET ${p.bind(offset)}`,
      p.values);
    page = rows.map((r) => ({ id: Number(r.id), score: 0 }));
    return finish(client, request, q, w, p.values.slice(0, -2), total, page);
  }
  // Match conditions. Required: every must group (fa), every phrase and +prefix (exact). Otherwise one
  // of the should terms (fa) or the ranked exact clauses.
  const must = q.must.filter((g) => g.length > 0).flat();
  const required = [...q.phrases.filter((x) => x.length > 0).map(phrase), ...q.mustPrefixes.map(prefix)];
  const rankedExact = [...q.exactShould.map((t) => phrase([t])), ...q.prefixes.map(prefix)];
  if (must.length) where.push(`s.fa @@ ${p.bind(and([...new Set(must)]))}::tsquery`);
  for (const r of required) where.push(`s.exact @@ ${p.bind(r)}::tsquery`);
  if (must.length === 0 && required.length === 0) {
    const any: string[] = [];
    if (q.should.length) any.push(`s.fa @@ ${p.bind(q.should.map(quoteLexeme).join(' | '))}::tsquery`);
    if (rankedExact.length) any.push(`s.exact @@ ${p.bind(rankedExact.map((x) => `(${x})`).join(' | '))}::tsquery`);
    where.push(`(${any.join(' OR ')})`);
  }
  const w = where.join(' AND ');
  const matchParams = [...p.values];
  if (request.sort === 'date') {
    const [c] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM stories s WHERE ${w}`, p.values)).rows;
    total = c!.n;
    const { rows } = await client.query<{ id: string }>(
      `SELECT s.id FROM stories s WHERE ${w} ORDER BY s.published_at DESC, s.id DESC LIMIT ${p.bind(limit)} OFFSET ${p.bind(offset)}`,
      p.values);
    page = rows.map((r) => ({ id: Number(r.id), score: 0 }));
  } else {
    const sc = await scoring(client, [...q.should, ...must], [...required, ...rankedExact], q.should, tuning.coordBoost);
    const should = [...new Set(q.should)];
    if (tuning.feedbackDocs > 0 && should.length >= 2) {
      const best = await firstPassBest(client, sc, w, matchParams, should, tuning.feedbackDocs);
      const factors = feedbackWeightsPg(best, should.map((term) => ({ term, df: sc.df.get(term) ?? 0 })), sc.docs, tuning.feedbackLambda);
      if (factors !== undefined) sc.weights = sc.terms.map((term, i) => sc.weights[i]! * (factors.get(term) ?? 1));
    }
    const score = scoreSql(sc, p);
    const { rows } = await client.query<{ id: string; score: number; total: number }>(
      `SELECT s.id, ${score} AS score, (count(*) OVER ())::int AS total FROM stories s WHERE ${w}
        ORDER BY score DESC, s.id ASC LIMIT ${p.bind(limit)} OFFSET ${p.bind(offset)}`, p.values);
    page = rows.map((r) => ({ id: Number(r.id), score: r.score }));
    if (rows.length > 0) total = rows[0]!.total;
    else {
      const [c] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM stories s WHERE ${w}`, matchParams)).rows;
      total = c!.n;
    }
  }
  return finish(client, request, q, w, matchParams, total, page);
}

async function finish(client: pg.PoolClient, request: SearchRequest, q: AnalyzedQuery, where: string, params: unknown[],
  total: number, page: Array<{ id: number; score: number }>): Promise<SearchResult> {
  // Highlights are cut from the whole story; summaries go without bodies when the caller says so.
  const stories = await loadStories(client, page.map((r) => r.id), request.bodies !== false || request.highlight === true);
  const hits: SearchHit[] = page.filter((r) => stories.has(r.id)).map((r) => ({ id: r.id, story: stories.get(r.id)!, score: r.score }));
  const result: SearchResult = { total, hits };
  if (request.facets) result.facets = await facets(client, where, params);
  if (request.highlight) for (const hit of result.hits) hit.highlights = highlight(hit.story, q);
  if (request.bodies === false) for (const hit of result.hits) hit.story.body = [];
  return result;
}

/** Counts per service, agency and Jalali month over every match (months as sqlite/search-extras.ts). */
async function facets(client: pg.PoolClient, where: string, params: unknown[]) {
  const from = `stories s WHERE ${where}`;
  const byColumn = async (col: 'service' | 'agency'): Promise<FacetCount[]> =>
    (await client.query<FacetCount>(`SELECT s.${col} AS value, count(*)::int AS count FROM ${from} AND s.${col} IS NOT NULL
      GROUP BY s.${col} ORDER BY count DESC, value LIMIT 50`, params)).rows;
  const months = new Map<string, number>();
  const { rows } = await client.query<{ b: string; n: number }>(
    `SELECT s.published_at / ${HALF_HOUR} AS b, count(*)::int AS n FROM ${from} GROUP BY b`, params);
  for (const r of rows) {
    const key = monthKey(new Date(Number(r.b) * HALF_HOUR).toISOString());
    months.set(key, (months.get(key) ?? 0) + r.n);
  }
  const month = [...months].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value < b.value ? 1 : -1));
  return { service: await byColumn('service'), agency: await byColumn('agency'), month };
}

/** Stories most like story `id`: its most telling terms (tf·idf over head and body), OR-ed, BM25-ranked. */
export async function relatedPg(db: PgDb, id: number, limit = 5): Promise<SearchHit[]> {
  if (!Number.isSafeInteger(id)) return [];
  return db.tx(async (client) => {
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
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
    const p = new Params();
    const sc = await scoring(client, terms, [], [], 0);
    const score = scoreSql(sc, p);
    const { rows: best } = await client.query<{ id: string; score: number }>(
      `SELECT s.id, ${score} AS score FROM stories s
        WHERE s.pub_status = 'usable' AND s.id <> ${p.bind(id)} AND s.fa @@ ${p.bind(terms.map(quoteLexeme).join(' | '))}::tsquery
        ORDER BY score DESC, s.id ASC LIMIT ${p.bind(limit)}`, p.values);
    const stories = await loadStories(client, best.map((r) => Number(r.id)), true);
    return best.filter((r) => stories.has(Number(r.id))).map((r) => ({ id: Number(r.id), story: stories.get(Number(r.id))!, score: r.score }));
  });
}
