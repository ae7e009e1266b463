/**
 * Relevance ranking on top of BM25 (ranked/bm25-scorer.ts): a coordination boost for stories that
 * contain every ranked word, and feedback re-weighting of the query's own words from the best first-pass
 * stories. Both measured on the Hamshahri dev queries (bench/results/search-eval.md).
 */
import type { RankedIndexReader } from './ranked/index-reader.js';
import { DEFAULT_BM25, scoreMatches, type Bm25Params, type ScoreRequest, type ScoredMatches } from './ranked/bm25-scorer.js';
import { topK } from './ranked/top-k.js';

/** The knobs. */
export interface RankingTuning {
  /**
   * Score multiplier for stories that contain every ranked word: 1 + coordBoost. `Infinity` puts them
   * strictly first. Strictly first measured MAP 0.805 on Hamshahri against 0.843 without; a boost keeps
   * such stories high without burying a story that says the same thing in other words.
   */
  coordBoost: number;
  /** Stories whose words re-weight the query's words (0 turns feedback off); see bm25-scorer.ts `Feedback`. */
  feedbackDocs: number;
  /** The share of a word's weight the feedback decides. */
  feedbackLambda: number;
  /** BM25 parameters and column weights. */
  bm25: Bm25Params;
}

/**
 * Defaults, chosen on the Hamshahri dev queries (bench/results/search-eval.md): BM25 alone MAP 0.843;
 * every-word stories strictly first 0.805 (a story that says it in other words is buried), boosted ×1.05
 * 0.845 — the query language's "all of them first" as a preference, not a wall; with feedback
 * re-weighting from the best 10 stories, λ 0.5: 0.881, P@10 0.836.
 */
export const DEFAULT_RANKING: RankingTuning = { coordBoost: 0.05, feedbackDocs: 10, feedbackLambda: 0.5, bm25: DEFAULT_BM25 };

/** Every match with its score, and the best `need` of them in order (indexes into ids/scores). */
export interface RankedMatches extends ScoredMatches {
  order: number[];
}

/** The clauses of a query as the scorer takes them, without the coordination boost. */
export type MatchRequest = Omit<ScoreRequest, 'coordBoost'>;

/**
 * Ranks the matches of `req`; `need` is how many of the best the caller wants in order. With
 * `allMatches` the result lists every match (facets and date order need them); otherwise only the best
 * are scored exactly and the rest only counted (see bm25-scorer.ts).
 */
export function rankByRelevance(reader: RankedIndexReader, req: MatchRequest, need: number,
  tuning: Partial<RankingTuning> = {}, allMatches = false): RankedMatches {
  const t = { ...DEFAULT_RANKING, ...tuning };
  const coordBoost = t.coordBoost === Infinity ? 1e9 : t.coordBoost;
  // Strictly-first scores are rescaled after scoring, which pruning's bounds do not know about.
  const prune = !allMatches && t.coordBoost !== Infinity;
  const m = scoreMatches(reader, { ...req, coordBoost }, t.bm25, { docs: t.feedbackDocs, lambda: t.feedbackLambda },
    prune ? need : undefined);
  if (t.coordBoost === Infinity) flattenBoost(m);
  return { ...m, order: topK(m.ids, m.scores, need) };
}

/**
 * With every-word stories strictly first, their scores were multiplied by a huge factor; bring them back
 * to "the best other score + their own", so that scores stay readable and monotonic in rank.
 */
function flattenBoost(m: ScoredMatches): void {
  let bestOther = 0;
  for (const s of m.scores) if (s < 1e8) bestOther = Math.max(bestOther, s);
  for (let i = 0; i < m.scores.length; i++) if (m.scores[i]! >= 1e8) m.scores[i] = bestOther + m.scores[i]! / (1 + 1e9);
}
