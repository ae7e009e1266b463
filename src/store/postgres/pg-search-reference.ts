/**
 * The unpruned ranking, kept as the reference the pruned one (pg-search-pruning.ts) is tested and
 * evaluated against (tuning `prune: false`): every match is scored, in each pass, by a correlated
 * subquery that expands the story's whole `fa` tsvector (`unnest`) and joins it with the query's terms,
 * and the page is cut with LIMIT/OFFSET in SQL. This is the search as it was before pruning, statement
 * for statement; it is slow on words that match much of the archive, and meant for tests and evaluation.
 */
import type pg from 'pg';
import { allOf, Params } from './pg-search-filters.js';
import { coordApplies, type Scoring } from './pg-search-scoring.js';
import { feedbackWeightsPg, type FeedbackStory, type PgRankingTuning } from './pg-feedback.js';

/** The BM25 score of `s` as one SQL expression (correlated subquery over the story's whole tsvector). */
function referenceScoreSql(sc: Scoring, p: Params): string {
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
  if (!coordApplies(sc)) return `(${base})`;
  return `((${base}) * CASE WHEN s.fa @@ ${p.bind(allOf(sc.coord))}::tsquery THEN ${p.bind(1 + sc.boost)}::float8 ELSE 1 END)`;
}

/** The first pass's best `n` stories with their lengths and should-term frequencies. */
async function firstPassBest(client: pg.PoolClient, sc: Scoring, where: string, matchParams: readonly unknown[],
  should: readonly string[], n: number): Promise<FeedbackStory[]> {
  const p = new Params(matchParams);
  const score = referenceScoreSql(sc, p);
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
 * The page and the count of matches of `where`, every match scored (twice with feedback).
 * `sc.weights` is replaced by the re-weighted ones when feedback applies.
 */
export async function rankUnpruned(client: pg.PoolClient, sc: Scoring, where: string, matchParams: readonly unknown[],
  should: readonly string[], tuning: PgRankingTuning, limit: number, offset: number):
  Promise<{ total: number; page: Array<{ id: number; score: number }> }> {
  if (tuning.feedbackDocs > 0 && should.length >= 2) {
    const best = await firstPassBest(client, sc, where, matchParams, should, tuning.feedbackDocs);
    const factors = feedbackWeightsPg(best, should.map((term) => ({ term, df: sc.df.get(term) ?? 0 })), sc.docs, tuning.feedbackLambda);
    if (factors !== undefined) sc.weights = sc.terms.map((term, i) => sc.weights[i]! * (factors.get(term) ?? 1));
  }
  const p = new Params(matchParams);
  const score = referenceScoreSql(sc, p);
  const { rows } = await client.query<{ id: string; score: number; total: number }>(
    `SELECT s.id, ${score} AS score, (count(*) OVER ())::int AS total FROM stories s WHERE ${where}
      ORDER BY score DESC, s.id ASC LIMIT ${p.bind(limit)} OFFSET ${p.bind(offset)}`, p.values);
  const page = rows.map((r) => ({ id: Number(r.id), score: r.score }));
  if (rows.length > 0) return { total: rows[0]!.total, page };
  const [c] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM stories s WHERE ${where}`, [...matchParams])).rows;
  return { total: c!.n, page };
}
