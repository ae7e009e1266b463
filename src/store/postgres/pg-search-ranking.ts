/**
 * The ranked page of a search on PostgreSQL: the count of every match, then the best offset + limit
 * matches by pruned BM25 (pg-search-pruning.ts), in one pass or, when feedback re-weights the query's
 * words (pg-feedback.ts), in two. The count is its own statement over the GIN bitmaps (no story is
 * scored for it), so pruning never changes `total`.
 *
 * Feedback: the first pass needs its best `feedbackDocs` exactly, and its best offset + limit stand as
 * the answer when the votes say nothing, so it ranks max(feedbackDocs, offset + limit). The second pass
 * starts from those stories (rescored with the new weights, they give θ at once) and prunes with bounds
 * from the new weights: the matches its essential clauses miss are never scored in either pass.
 */
import type pg from 'pg';
import { feedbackWeightsPg, type PgRankingTuning } from './pg-feedback.js';
import { bestMatches, type PrunableQuery, type Ranked } from './pg-search-pruning.js';
import { anyOf } from './pg-search-filters.js';
import { quoteLexeme } from './pg-index-text.js';
import { termFrequencies, type Scoring } from './pg-search-scoring.js';

/** A ranked query and where its matches are. */
export interface RankRequest {
  sc: Scoring;
  /** Conditions of every match whatever ranked clauses it holds (filters, exclusions, required clauses). */
  base: readonly string[];
  baseParams: readonly unknown[];
  /** The whole match condition and its parameters. */
  where: string;
  matchParams: readonly unknown[];
  /** Distinct should terms (feedback re-weights them). */
  should: readonly string[];
  /** Set when a story matches exactly when it is usable and holds one of these fa terms. */
  holdsOneOf?: readonly string[];
}

/**
 * How many stories match. A count over the GIN bitmap still visits every match's heap page (for
 * visibility and the filters; PostgreSQL 15.11 and later no longer skip all-visible pages in bitmap
 * scans), which for a word in 40% of 50,000 stories costs more than the pruned ranking. When the match
 * is only "holds one of these words", the most frequent word's stories are counted by term_stats (its
 * document frequency over usable stories, kept by the writer in the same transactions as the stories,
 * so exact in this snapshot) and only the others' stories without it are visited:
 * |A ∪ B ∪ C| = df(C) + |(A ∪ B) ∖ C|, with `(A | B) & !C` answered by the GIN index.
 */
async function countMatches(client: pg.PoolClient, r: RankRequest): Promise<number> {
  const terms = r.holdsOneOf;
  if (terms === undefined || terms.length === 0) {
    const [c] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM stories s WHERE ${r.where}`, [...r.matchParams])).rows;
    return c!.n;
  }
  const df = (t: string) => r.sc.df.get(t) ?? 0;
  const widest = terms.reduce((a, b) => (df(b) > df(a) ? b : a));
  const others = terms.filter((t) => t !== widest);
  if (others.length === 0) return df(widest);
  const [c] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM stories s
    WHERE s.pub_status = 'usable' AND s.fa @@ $1::tsquery`, [`(${anyOf(others)}) & !${quoteLexeme(widest)}`])).rows;
  return df(widest) + c!.n;
}

/** The count of every match and the page, best first. */
export async function rankPruned(client: pg.PoolClient, r: RankRequest, tuning: PgRankingTuning, limit: number, offset: number):
  Promise<{ total: number; page: Ranked[] }> {
  const total = await countMatches(client, r);
  const k = offset + limit;
  if (total === 0 || offset >= total) return { total, page: [] };
  const query: PrunableQuery = { sc: r.sc, base: r.base, params: r.baseParams, total };
  if (!(tuning.feedbackDocs > 0 && r.should.length >= 2)) {
    return { total, page: (await bestMatches(client, query, k)).slice(offset) };
  }
  const first = await bestMatches(client, query, Math.max(tuning.feedbackDocs, k));
  const top = first.slice(0, tuning.feedbackDocs);
  const data = await termFrequencies(client, top.map((s) => s.id), r.should);
  const best = top.map((s) => ({ score: s.score, length: data.get(s.id)!.length, tf: data.get(s.id)!.tf }));
  const factors = feedbackWeightsPg(best, r.should.map((term) => ({ term, df: r.sc.df.get(term) ?? 0 })), r.sc.docs, tuning.feedbackLambda);
  if (factors === undefined) return { total, page: first.slice(offset, k) };
  const sc = { ...r.sc, weights: r.sc.terms.map((term, i) => r.sc.weights[i]! * (factors.get(term) ?? 1)) };
  const second = await bestMatches(client, { ...query, sc }, k, first.map((s) => s.id));
  return { total, page: second.slice(offset) };
}
