/**
 * When the feedback re-weighting's second pass needs no statement of its own. The first pass kept its
 * best `keep` stories (the pool, more than the page), and they are rescored with the new weights; the
 * pool's k-th best new score is θ. Every other match either was scored by the first pass, so its first
 * score is at most S, the pool's last, or holds none of the clauses the first pass covered. If neither
 * kind can reach θ, the pool's best k are the answer and no story outside it is scored twice.
 *
 * A scored story outside the pool: with y_t = c · w_t · f/(f + norm) (c its coordination factor) and e
 * its exact-clause part times c, its first score is Σ y_t + e ≤ S and its new one Σ φ_t · y_t + e, φ_t
 * the term's feedback factor, with 0 ≤ y_t < cmax · w_t and 0 ≤ e ≤ cmax · Σ exact bounds, and y_t = 0
 * for a term whose every story (its document frequency) is in the pool. The most that can be is a
 * fractional knapsack: fill S with the highest factors first, each up to its cap. A story outside the
 * first pass's coverage is bounded as pruning bounds it (pg-search-pruning.ts), with the new weights.
 */
import { clauseKey, clausesOf, MARGIN, type BestMatches, type Ranked } from './pg-search-pruning.js';
import type { Scoring } from './pg-search-scoring.js';

/** What the first pass left for the second. */
export interface FirstPass {
  first: BestMatches;
  /** How many stories the first pass kept (its pool is full when it holds that many). */
  keep: number;
  /** The first and second passes' scoring (second weights = first weights × factor). */
  sc1: Scoring;
  sc2: Scoring;
  /** Each term's feedback factor, by index in `sc1.terms`. */
  factors: readonly number[];
  /** The pool with the second weights, best first. */
  rescored: readonly Ranked[];
  /** How many pool stories hold each fa term. */
  holders: ReadonlyMap<string, number>;
}

/** The most a scored story outside the pool can score with the second weights when its first score is at most `s`. */
function knapsack(f: FirstPass, s: number): number {
  const { sc1, factors, holders } = f;
  const { maxFactor } = clausesOf(sc1);
  let exact = 0;
  for (const e of sc1.exact) exact += Math.max(0, e.weight) / (1 + sc1.c0);
  const items = sc1.terms.flatMap((term, i) => ((holders.get(term) ?? 0) >= (sc1.df.get(term) ?? 0) ? []
    : [{ coef: factors[i]!, cap: maxFactor * sc1.weights[i]! }]));
  items.push({ coef: 1, cap: maxFactor * exact });
  items.sort((a, b) => b.coef - a.coef);
  let room = s;
  let most = 0;
  for (const { coef, cap } of items) {
    if (room <= 0) break;
    const take = Math.min(cap, room);
    most += coef * take;
    room -= take;
  }
  return most;
}

/** Are the pool's best `k` with the second weights the answer? */
export function poolSuffices(f: FirstPass, k: number): boolean {
  const { first, keep, sc1, sc2, factors, rescored } = f;
  if (rescored.length < k) return false;
  const theta = rescored[k - 1]!.score;
  const c1 = clausesOf(sc1);
  const c2 = clausesOf(sc2);
  if (!c1.sound || !c2.sound || factors.some((x) => !(x >= 0))) return false;
  // Scored by the first pass, outside the pool (none when the pool holds every scored story).
  const scored = first.best.length < keep ? 0 : knapsack(f, first.best[keep - 1]!.score);
  // Holding none of the clauses the first pass covered (none when it covered every match).
  let unscored = 0;
  if (first.covered !== 'all') {
    const covered = first.covered;
    const out = c2.optional.filter((c) => !covered.has(clauseKey(c)));
    unscored = (c2.always + out.reduce((sum, c) => sum + c.bound, 0)) *
      (c2.optional.some((c) => c.coord && covered.has(clauseKey(c))) ? 1 : c2.maxFactor);
  }
  return Math.max(scored, unscored) * MARGIN < theta;
}
