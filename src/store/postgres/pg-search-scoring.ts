/**
 * BM25 over the PostgreSQL store, the formula and parameters of the SQLite ranked index
 * (sqlite/ranked/bm25-scorer.ts, k1 1.2, b 0.75):
 *
 *   score(s) = (Σ_t w_t · f(t,s) / (f(t,s) + norm(s)) + Σ_e [s holds e] · w_e / (1 + norm(s))) · coord(s)
 *
 * with w = idf · (k1 + 1) (times the feedback factor of a re-weighted word), norm(s) = k1 · (1 − b + b ·
 * |s| / avgdl) from `doc_length` and `search_stats`, f the number of the term's positions in the story's
 * `fa` tsvector, e the exact-column clauses (phrases, prefixes), and coord(s) = 1 + boost when the story
 * holds every should word (two or more), else 1. idf comes from `term_stats` (document frequency over
 * searchable stories, kept by the writer) and, for exact clauses, from a count of their matches.
 *
 * The frequencies are read from the story's own tsvector without expanding all of it: `setweight(fa,
 * 'C', terms)` marks the query's terms (a binary search each; khabar writes only weights A and B) and
 * `ts_filter(…, '{c}')` keeps just them, so `unnest` yields one row per query term the story holds
 * instead of one per distinct word of the story (EXPLAIN ANALYZE, 50,000 stories, the 19,600 holding
 * «ایران»: 1.5 s expanding each whole tsvector, 0.35 s taking out the query's terms, of which 0.25 s is
 * decompressing the tsvectors at all). The sum runs in the tsvector's lexeme
 * order through a plain function scan (no join whose strategy could change the order), so a story's
 * score is the same float in every statement that computes it: the pruned search compares scores from
 * different statements and must break ties exactly as one statement would.
 */
import type pg from 'pg';
import { BM25_B, BM25_K1, bm25Idf } from '../../search/index.js';
import { anyOf, type Params } from './pg-search-filters.js';

export const K1 = BM25_K1;
export const B = BM25_B;
const idf = bm25Idf;

/** An exact-column clause: tsquery text, weight idf·(k1+1), matching stories, and whether every match holds it. */
export interface ExactClause {
  query: string;
  weight: number;
  n: number;
  required: boolean;
}

/** What a ranked query scores: fa terms with their weights, exact clauses with theirs. */
export interface Scoring {
  /** Distinct fa terms. */
  terms: string[];
  /** Weight of each term (idf·(k1+1), times a feedback factor). */
  weights: number[];
  /** Terms every match holds (`+word`). */
  required: ReadonlySet<string>;
  exact: ExactClause[];
  /** Should terms for the coordination boost (all present: ×(1 + boost)). */
  coord: string[];
  boost: number;
  /** Searchable stories (N). */
  docs: number;
  /** Document frequency of each term in `terms`. */
  df: Map<string, number>;
  /** norm(s) = c0 + c1 · |s|. */
  c0: number;
  c1: number;
}

/** Does the coordination boost apply to this query at all? As SQLite's scorer: it needs two or more should words. */
export function coordApplies(sc: Scoring): boolean {
  return sc.coord.length >= 2 && sc.boost !== 0;
}

/**
 * Collection statistics and term weights, read in the search's snapshot.
 * @param fa the ranked fa terms (should and required), duplicates allowed
 * @param required the fa terms every match holds
 */
export async function scoring(client: pg.PoolClient, fa: readonly string[], required: readonly string[],
  exactQueries: ReadonlyArray<{ query: string; required: boolean }>, coord: readonly string[], boost: number): Promise<Scoring> {
  const { rows: [stats] } = await client.query<{ docs: string; total_len: string }>('SELECT docs, total_len FROM search_stats WHERE id = 1');
  const docs = Number(stats!.docs);
  const avgdl = docs > 0 ? Number(stats!.total_len) / docs : 1;
  const terms = [...new Set(fa)];
  const { rows } = terms.length
    ? await client.query<{ term: string; df: number }>('SELECT term, df FROM term_stats WHERE term = ANY($1::text[])', [terms])
    : { rows: [] };
  const df = new Map(rows.map((r) => [r.term, r.df]));
  const exact: ExactClause[] = [];
  for (const { query, required: req } of exactQueries) {
    const { rows: [c] } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM stories WHERE exact @@ $1::tsquery`, [query]);
    exact.push({ query, weight: idf(docs, c!.n) * (K1 + 1), n: c!.n, required: req });
  }
  return {
    terms, weights: terms.map((t) => idf(docs, df.get(t) ?? 0) * (K1 + 1)), required: new Set(required), exact,
    coord: [...new Set(coord)], boost, docs, df, c0: K1 * (1 - B), c1: (K1 * B) / avgdl,
  };
}

/** SQL for norm(s). */
function normSql(sc: Scoring, p: Params): string {
  return `(${p.bind(sc.c0)}::float8 + ${p.bind(sc.c1)}::float8 * COALESCE(s.doc_length, 0))`;
}

/**
 * The score of `s` as SQL: `join` goes after `FROM stories s` (a lateral subquery `t` over the story's
 * query terms: their BM25 sum, how many should words it holds and, with `held`, which terms it holds as
 * `t.held`), `score` is the expression.
 */
export function scoreSql(sc: Scoring, p: Params, held = false): { join: string; score: string } {
  const parts: string[] = [];
  let join = '';
  if (sc.terms.length) {
    const norm = normSql(sc, p);
    const terms = `${p.bind(sc.terms)}::text[]`;
    const f = 'cardinality(u.positions)';
    join = `CROSS JOIN LATERAL (SELECT sum((${p.bind(sc.weights)}::float8[])[array_position(${terms}, u.lexeme)] * ${f} / (${f} + ${norm})) AS fa,
        count(*) FILTER (WHERE u.lexeme = ANY(${p.bind(sc.coord)}::text[])) AS coord${held ? ', array_agg(u.lexeme) AS held' : ''}
      FROM unnest(ts_filter(setweight(s.fa, 'C', ${terms}), '{c}')) AS u) AS t`;
    parts.push('COALESCE(t.fa, 0)');
  }
  if (sc.exact.length) {
    const norm = normSql(sc, p);
    for (const e of sc.exact) {
      parts.push(`CASE WHEN s.exact @@ ${p.bind(e.query)}::tsquery THEN ${p.bind(e.weight)}::float8 / (1 + ${norm}) ELSE 0 END`);
    }
  }
  const base = parts.length ? parts.join(' + ') : '0';
  if (!coordApplies(sc)) return { join, score: `(${base})` };
  return { join, score: `((${base}) * CASE WHEN t.coord = ${p.bind(sc.coord.length)} THEN ${p.bind(1 + sc.boost)}::float8 ELSE 1 END)` };
}

/** One story's feedback data: BM25 length and the frequencies of the given terms it holds. */
export async function termFrequencies(client: pg.PoolClient, ids: readonly number[], terms: readonly string[]):
  Promise<Map<number, { length: number; tf: Record<string, number> }>> {
  const { rows } = await client.query<{ id: string; length: number | null; tf: Record<string, number> }>(
    `SELECT s.id, s.doc_length AS length,
        (SELECT COALESCE(json_object_agg(u.lexeme, cardinality(u.positions)), '{}'::json)
          FROM unnest(ts_filter(setweight(s.fa, 'C', $2::text[]), '{c}')) AS u) AS tf
      FROM stories s WHERE s.id = ANY($1::bigint[])`, [ids, terms]);
  return new Map(rows.map((r) => [Number(r.id), { length: Number(r.length ?? 0), tf: r.tf }]));
}

/** `s` holds one of the terms (fa) or exact clauses: SQL, or undefined when both lists are empty. */
export function holdsAny(terms: readonly string[], exact: readonly string[], p: Params): string | undefined {
  const any: string[] = [];
  if (terms.length) any.push(`s.fa @@ ${p.bind(anyOf(terms))}::tsquery`);
  if (exact.length) any.push(`s.exact @@ ${p.bind(exact.map((x) => `(${x})`).join(' | '))}::tsquery`);
  return any.length ? `(${any.join(' OR ')})` : undefined;
}
