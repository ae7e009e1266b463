/**
 * The ranked page of a search on PostgreSQL: the count of every match, then the best offset + limit
 * matches by pruned BM25 (pg-search-pruning.ts), in one pass or, when feedback re-weights the query's
 * words (pg-feedback.ts), in two. The count is its own statement (no story is scored for it), so
 * pruning never changes `total`.
 *
 * Feedback: the first pass needs its best `feedbackDocs` exactly, and its best offset + limit stand as
 * the answer when the votes say nothing, so it ranks max(feedbackDocs, offset + limit), and keeps a pool
 * of its next best. The pool, rescored with the new weights, gives θ at once; it is the answer when
 * nothing outside it can reach θ (pg-search-second-pass.ts), and otherwise the second pass prunes with
 * bounds from the new weights: the matches its essential clauses miss are never scored in either pass.
 */
import type pg from 'pg';
import { feedbackWeightsPg, type PgRankingTuning } from './pg-feedback.js';
import { before, bestMatches, scoreIds, type PrunableQuery, type Ranked } from './pg-search-pruning.js';
import { poolSuffices } from './pg-search-second-pass.js';
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
  /** Set when a story matches exactly when it is usable and holds one of these clauses. */
  holdsOneOf?: HoldsOneOf;
}

/** Clauses of one column (tsquery texts) and how many usable stories hold each. */
export interface HoldsOneOf {
  column: 'fa' | 'exact';
  clauses: ReadonlyArray<{ query: string; n: number }>;
}

/**
 * How many stories match. A count over the GIN bitmap still visits every match's heap page (for
 * visibility and the filters; PostgreSQL 15.11 and later no longer skip all-visible pages in bitmap
 * scans), which for a word in 40% of 50,000 stories costs more than the pruned ranking. When a match is
 * any usable story holding one of a few clauses of one column, the widest clause's stories are counted
 * by what is known already — a word's document frequency in term_stats (kept by the writer in the
 * same transactions as the stories, so exact in this snapshot), an exact clause's count for its idf —
 * and only the other clauses' stories without it are visited: |A ∪ B ∪ C| = n(C) + |(A ∪ B) ∖ C|,
 * with `(A | B) & !C` answered by the GIN index.
 */
async function countMatches(client: pg.PoolClient, r: RankRequest): Promise<number> {
  const clauses = r.holdsOneOf?.clauses ?? [];
  if (r.holdsOneOf === undefined || clauses.length === 0) {
    const [c] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM stories s WHERE ${r.where}`, [...r.matchParams])).rows;
    return c!.n;
  }
  const widest = clauses.reduce((a, b) => (b.n > a.n ? b : a));
  const others = clauses.filter((c) => c !== widest);
  if (others.length === 0) return widest.n;
  const [c] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM stories s
    WHERE s.pub_status = 'usable' AND s.${r.holdsOneOf.column} @@ $1::tsquery`,
  [`(${others.map((o) => `(${o.query})`).join(' | ')}) & !(${widest.query})`])).rows;
  return widest.n + c!.n;
}

/** First-pass stories rescored before the rest of the pool. */
const HEAD = 50;

/** The count of every match and the page, best first. */
export async function rankPruned(client: pg.PoolClient, r: RankRequest, tuning: PgRankingTuning, limit: number, offset: number):
  Promise<{ total: number; page: Ranked[] }> {
  const total = await countMatches(client, r);
  const k = offset + limit;
  if (total === 0 || offset >= total) return { total, page: [] };
  const query: PrunableQuery = { sc: r.sc, base: r.base, params: r.baseParams, total };
  if (!(tuning.feedbackDocs > 0 && r.should.length >= 2)) {
    return { total, page: (await bestMatches(client, query, k)).best.slice(offset) };
  }
  const k1 = Math.max(tuning.feedbackDocs, k);
  // The pool grows with the matches (up to 10× the knob): a first pass that scored tens of thousands of
  // common-word stories has rescored 2,000 of them in a few percent of its time, and a pool that deep
  // usually spares the second pass a scan as long as the first (measured on 50,000 stories).
  const keep = Math.max(k1, Math.min(10 * tuning.pool, Math.max(tuning.pool, Math.ceil(total / 25))));
  const first = await bestMatches(client, query, k1, { keep });
  const top = first.best.slice(0, tuning.feedbackDocs);
  const data = await termFrequencies(client, top.map((s) => s.id), r.should);
  const best = top.map((s) => ({ score: s.score, length: data.get(s.id)!.length, tf: data.get(s.id)!.tf }));
  const votes = feedbackWeightsPg(best, r.should.map((term) => ({ term, df: r.sc.df.get(term) ?? 0 })), r.sc.docs, tuning.feedbackLambda);
  if (votes === undefined) return { total, page: first.best.slice(offset, k) };
  const factors = r.sc.terms.map((term) => votes.get(term) ?? 1);
  const sc = { ...r.sc, weights: r.sc.terms.map((_, i) => r.sc.weights[i]! * factors[i]!) };
  // The pool is rescored best first in two steps: its head alone often answers (a head is a pool too).
  let rescored: Ranked[] = [];
  const holders = new Map<string, number>();
  let done = 0;
  for (const size of new Set([Math.min(keep, Math.max(k1, HEAD)), keep])) {
    const part = await scoreIds(client, sc, first.best.slice(done, size).map((s) => s.id));
    rescored = [...rescored, ...part.ranked].sort(before);
    for (const [term, n] of part.holders) holders.set(term, (holders.get(term) ?? 0) + n);
    done = size;
    const head = { best: first.best.slice(0, size), covered: first.covered };
    if (poolSuffices({ first: head, keep: size, sc1: r.sc, sc2: sc, factors, rescored, holders }, k)) {
      return { total, page: rescored.slice(offset, k) };
    }
  }
  const second = await bestMatches(client, { ...query, sc }, k, { scored: rescored });
  return { total, page: second.best.slice(offset) };
}
