/**
 * Relevance ranking on top of FTS5's BM25: a coordination boost for stories that contain every ranked
 * word, and pseudo-relevance feedback (RM3-style query expansion from the best first-pass stories).
 * Both measured on the Hamshahri dev queries (bench/results/search-eval.md).
 */
import type Database from 'better-sqlite3';
import { prepared } from './statement-cache.js';
import { indexDocument } from '../../search/index.js';
import type { AnalyzedQuery } from '../../search/index.js';
import { anyFaTerms, type Fts5Plan } from './fts5-query.js';
import { loadStories } from './rows.js';

/** A story id and its score (higher is better). */
export interface Scored {
  id: number;
  score: number;
}

/** The knobs. */
export interface RankingTuning {
  /**
   * Score multiplier for stories that contain every ranked word: 1 + coordBoost. `Infinity` puts them
   * strictly first. Strictly first measured MAP 0.794 on Hamshahri against 0.833 without; a boost keeps
   * such stories high without burying a story that says the same thing in other words.
   */
  coordBoost: number;
  /** Feedback stories (0 turns expansion off). */
  feedbackDocs: number;
  /** Expansion terms taken from them. */
  feedbackTerms: number;
  /** Weight of the expansion query's (max-normalized) score against the original's. */
  feedbackWeight: number;
  /** How deep the first pass goes when expansion re-ranks (the expansion can only reorder what it sees). */
  candidateDepth: number;
}

/** Defaults, chosen on the Hamshahri dev queries. */
/**
 * Defaults, chosen on the Hamshahri dev queries (MAP, bench/results/search-eval.md): BM25 alone 0.833;
 * every-word stories strictly first 0.794 (a story that says it in other words is buried), boosted ×1.05
 * 0.834; expansion from 10 stories × 20 terms 0.838 at 4–6× the query time. So: BM25 with a light boost
 * for stories holding every word — the query language's "all of them first" as a preference, not a wall.
 */
export const DEFAULT_RANKING: RankingTuning = { coordBoost: 0.05, feedbackDocs: 0, feedbackTerms: 20, feedbackWeight: 0.3, candidateDepth: 1000 };

function normalize(list: Scored[]): Map<number, number> {
  const max = list.reduce((m, r) => Math.max(m, r.score), 0) || 1;
  return new Map(list.map((r) => [r.id, r.score / max]));
}

/** Ranks matches of `plan.any` (which must be defined); `run(match, n)` returns BM25-scored ids. */
export function rankByRelevance(db: Database.Database, q: AnalyzedQuery, plan: Fts5Plan,
  run: (match: string, n: number) => Scored[], need: number, tuning: Partial<RankingTuning> = {}): Scored[] {
  const t = { ...DEFAULT_RANKING, ...tuning };
  const expand = t.feedbackDocs > 0 && q.should.length > 0;
  // Expansion reorders what the first pass saw, so it needs a fixed, deep pass (the same for any page
  // size, so that a top-10 page is the head of the top-1000 list); BM25 and the boost need only `need`.
  const depth = expand ? Math.max(t.candidateDepth, need) : need;
  const anyMatch = plan.any!;
  const base = run(anyMatch, depth);
  if (plan.all !== undefined && t.coordBoost > 0) {
    const all = new Set(run(plan.all, depth).map((r) => r.id));
    if (t.coordBoost === Infinity) {
      base.sort((a, b) => Number(all.has(b.id)) - Number(all.has(a.id)) || b.score - a.score);
      const top = base.length ? base[0]!.score : 0;
      // Keep scores monotonic in rank for TREC runs, which are re-sorted by score.
      let floor = Infinity;
      for (const r of base) floor = r.score = Math.min(r.score + (all.has(r.id) ? top + 1 : 0), floor);
    } else {
      for (const r of base) if (all.has(r.id)) r.score *= 1 + t.coordBoost;
      base.sort((a, b) => b.score - a.score);
    }
  }
  if (!expand || base.length === 0) return base;

  const terms = expansionTerms(db, base.slice(0, t.feedbackDocs), new Set(q.should), t.feedbackTerms);
  if (terms.length === 0) return base;
  const orig = normalize(base);
  const exp = normalize(run(`(${anyMatch}) OR ${anyFaTerms(terms)}`, depth));
  const ids = new Set([...orig.keys(), ...exp.keys()]);
  return [...ids].map((id) => ({ id, score: (orig.get(id) ?? 0) + t.feedbackWeight * (exp.get(id) ?? 0) }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
}

/** The terms most typical of the feedback stories (relevance-model weight × idf), query terms left out. */
function expansionTerms(db: Database.Database, feedback: Scored[], exclude: Set<string>, k: number): string[] {
  const stories = loadStories(db, feedback.map((r) => r.id));
  const total = feedback.reduce((s, r) => s + r.score, 0) || 1;
  const weight = new Map<string, number>();
  for (const r of feedback) {
    const story = stories.get(r.id);
    if (!story) continue;
    const doc = indexDocument(story);
    const terms = `${doc.head} ${doc.body}`.split(' ').filter(Boolean);
    const tf = new Map<string, number>();
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
    for (const [term, f] of tf) {
      if (exclude.has(term) || /^[\d.,_]+$/.test(term)) continue;
      weight.set(term, (weight.get(term) ?? 0) + (f / terms.length) * (r.score / total));
    }
  }
  const n = (prepared(db, 'SELECT count(*) AS n FROM stories').get() as { n: number }).n;
  const candidates = [...weight].sort((a, b) => b[1] - a[1]).slice(0, k * 5);
  const df = new Map((prepared(db, 'SELECT term, doc FROM story_fts_vocab WHERE term IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(candidates.map(([term]) => term))) as Array<{ term: string; doc: number }>).map((r) => [r.term, r.doc]));
  return candidates.map(([term, w]) => [term, w * Math.log(n / (df.get(term) ?? n))] as const)
    .filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1]).slice(0, k).map(([term]) => term);
}
