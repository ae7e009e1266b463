/**
 * Feedback re-weighting of a query's own words on PostgreSQL, the computation of
 * sqlite/ranked/feedback.ts (`feedbackWeights`) over the first pass's best stories as SQL returns them:
 * the best `docs` first-pass stories, each weighted by its share of their scores, vote for each ranked
 * (should) term by its relative frequency in the story (tf / max(BM25 length, 1)), times ln(N / df);
 * a term's weight becomes (1 − λ) + λ · |should terms| · its normalized vote. Terms that are only
 * required (`+word`) keep weight 1, as they do on SQLite.
 */

/** The knobs, with SQLite's defaults (sqlite/rank-relevance.ts `DEFAULT_RANKING`). */
export interface PgRankingTuning {
  /** Score multiplier for stories holding every should term: 1 + coordBoost. */
  coordBoost: number;
  /** First-pass stories whose words re-weight the query's words (0: off). */
  feedbackDocs: number;
  /** λ, the share of a word's weight the votes decide. */
  feedbackLambda: number;
  /**
   * Not a ranking knob: false scores every match in every pass (pg-search-reference.ts), the reference
   * the pruned ranking (pg-search-pruning.ts) must equal; for tests and the evaluation.
   */
  prune: boolean;
  /**
   * Not a ranking knob either: how many first-pass stories, at least, the pruned search keeps so that
   * the second pass can often stop at them (pg-search-second-pass.ts; more when many stories match, up
   * to 10×). Tests lower it to reach every path on a small archive.
   */
  pool: number;
}

export const DEFAULT_PG_RANKING: PgRankingTuning = { coordBoost: 0.05, feedbackDocs: 10, feedbackLambda: 0.5, prune: true, pool: 200 };

/** One of the first pass's best stories. */
export interface FeedbackStory {
  score: number;
  /** BM25 length (`doc_length`). */
  length: number;
  /** Frequency of each should term the story holds (its positions in `fa`). */
  tf: Record<string, number>;
}

/**
 * Weight factors by should term, or undefined when the votes say nothing (no positive first-pass score,
 * or no vote at all), in which case the first pass stands.
 * @param should the distinct should terms, each with its document frequency
 * @param docs N, searchable stories
 */
export function feedbackWeightsPg(best: readonly FeedbackStory[], should: ReadonlyArray<{ term: string; df: number }>,
  docs: number, lambda: number): Map<string, number> | undefined {
  let total = 0;
  for (const s of best) total += s.score;
  if (total <= 0) return undefined;
  const votes: number[] = [];
  let sum = 0;
  for (const { term, df } of should) {
    let v = 0;
    for (const s of best) {
      const tf = s.tf[term] ?? 0;
      if (tf === 0) continue;
      v += ((s.score / total) * tf) / Math.max(s.length, 1);
    }
    const vote = v * Math.max(0, Math.log(docs / Math.max(df, 1)));
    votes.push(vote);
    sum += vote;
  }
  if (sum <= 0) return undefined;
  const weights = new Map<string, number>();
  should.forEach(({ term }, t) => weights.set(term, 1 - lambda + (lambda * should.length * votes[t]!) / sum));
  return weights;
}
