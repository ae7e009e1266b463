/**
 * The best `k` matches of a ranked query without scoring every match: MaxScore (Turtle & Flood 1995)
 * over SQL statements instead of postings, with the bounds SQLite's scorer uses
 * (sqlite/ranked/bm25-scorer.ts `accumulate`).
 *
 * Bounds. A term adds w · f / (f + norm) < w to a story's score (norm ≥ k1 · (1 − b) > 0), an exact
 * clause w / (1 + norm) ≤ w / (1 + k1 · (1 − b)), and the coordination factor is at most 1 + boost, and
 * exactly 1 for a story that lacks one of the should words. The clauses every match holds (`+word`,
 * phrases, `+pre*`) always count; the others ("optional": should words, ranked prefixes) are ordered by
 * bound, highest (rarest) first. A story holding none of the first j optional clauses scores below
 * rest(j) = Σ always + Σ optional from j on, times 1 + boost unless one of the first j is a should word.
 * Once θ, the k-th best score of some k matches, is known, only the matches holding one of the first j
 * optional clauses, for the smallest j with rest(j) < θ (the "essential" clauses), can be in the best k:
 * the others score strictly below k scores already seen, so neither ties nor their lower ids matter.
 *
 * Rounds. Each round is one statement that scores the matches holding one of a few more optional clauses
 * (GIN finds them) and keeps its best k (ORDER BY score, id LIMIT k); the best k of the union so far
 * gives θ, θ gives the essential clauses, and the rounds stop once every essential clause has been
 * scored. The first round takes the rarest clauses until their document frequencies add up to k; a round
 * that leaves θ unknown (fewer than k matches so far: filters, required words) takes clauses until it
 * holds four times as many stories again; at most 2k matches are scored in one statement. A story
 * holding clauses of two rounds is scored in both, to the same float (pg-search-scoring.ts), and kept
 * once. With `seeds` (the first pass's best, when feedback re-weights the words) the seeds are scored
 * first, so that θ is known before the first round. The bounds come from the weights being ranked with,
 * so a second pass prunes with its own.
 */
import type pg from 'pg';
import { Params } from './pg-search-filters.js';
import { coordApplies, holdsAny, scoreSql, type Scoring } from './pg-search-scoring.js';

/** A scored story. */
export interface Ranked {
  id: number;
  score: number;
}

/** A ranked query to prune. */
export interface PrunableQuery {
  sc: Scoring;
  /** Conditions every match meets whatever it holds of the ranked clauses: filters, exclusions, required clauses. */
  base: readonly string[];
  /** The parameters `base` refers to. */
  params: readonly unknown[];
  /** How many stories match, when known (then a small result set is scored in one statement). */
  total?: number;
}

/** A ranked clause a match may lack. */
export interface Optional {
  column: 'fa' | 'exact';
  /** The term (fa) or tsquery text (exact). */
  text: string;
  /** At least what it can add to a story's score. */
  bound: number;
  /** Stories holding it, over all searchable stories. */
  df: number;
  /** A should word (a story without it gets no coordination boost). */
  coord: boolean;
}

/** Margin on the bounds, against rounding in sums that reach θ (the bounds themselves are not tight). */
export const MARGIN = 1 + 1e-9;

/** Ranked before? Score descending, ties to the lower id (as ORDER BY score DESC, id ASC). */
export function before(a: Ranked, b: Ranked): number {
  return b.score - a.score || a.id - b.id;
}

/** What {@link bestMatches} found. */
export interface BestMatches {
  /** The best `k` matches, then the best of the other scored matches up to `keep`, best first. */
  best: Ranked[];
  /** The optional clauses (`fa:term`, `exact:query`) every match of which was scored, or 'all' when every match was. */
  covered: ReadonlySet<string> | 'all';
}

/** The key of a clause in {@link BestMatches.covered}. */
export const clauseKey = (c: Pick<Optional, 'column' | 'text'>): string => `${c.column}:${c.text}`;

/** The query's clauses as MaxScore sees them (see the header). */
export interface Clauses {
  /** Optional clauses, highest bound first. */
  optional: Optional[];
  /** Σ of the bounds of the clauses every match holds. */
  always: number;
  /** No clause is required: every match holds an optional one. */
  needsOptional: boolean;
  /** Most the coordination factor can be. */
  maxFactor: number;
  /** The bounds hold (weights ≥ 0, factor ≥ 0: any tuning the evaluation uses); otherwise nothing is pruned. */
  sound: boolean;
}

/** The query's clauses as MaxScore sees them. */
export function clausesOf(sc: Scoring): Clauses {
  const optional: Optional[] = [];
  let always = 0;
  let requiredCount = 0;
  const coord = new Set(sc.coord);
  sc.terms.forEach((term, i) => {
    const bound = Math.max(0, sc.weights[i]!);
    if (sc.required.has(term)) {
      always += bound;
      requiredCount++;
    } else optional.push({ column: 'fa', text: term, bound, df: sc.df.get(term) ?? 0, coord: coord.has(term) });
  });
  for (const e of sc.exact) {
    const bound = Math.max(0, e.weight) / (1 + sc.c0);
    if (e.required) {
      always += bound;
      requiredCount++;
    } else optional.push({ column: 'exact', text: e.query, bound, df: e.n, coord: false });
  }
  optional.sort((a, b) => b.bound - a.bound || a.df - b.df);
  return {
    // Without a required clause a match is a story holding an optional one (runSearch's match condition).
    optional, always, needsOptional: requiredCount === 0, maxFactor: coordApplies(sc) ? Math.max(1, 1 + sc.boost) : 1,
    sound: sc.weights.every((w) => w >= 0) && sc.exact.every((e) => e.weight >= 0) && 1 + sc.boost >= 0,
  };
}

/** The scores of the given matches, best first, and how many of them hold each fa term. */
export async function scoreIds(client: pg.PoolClient, sc: Scoring, ids: readonly number[]): Promise<{ ranked: Ranked[]; holders: Map<string, number> }> {
  const holders = new Map<string, number>();
  if (ids.length === 0) return { ranked: [], holders };
  const p = new Params();
  const { join, score } = scoreSql(sc, p, true);
  const { rows } = await client.query<{ id: string; score: number; held: string[] | null }>(
    `SELECT s.id, ${score} AS score, ${sc.terms.length ? 't.held' : 'NULL::text[]'} AS held FROM stories s ${join} WHERE s.id = ANY(${p.bind(ids)}::bigint[])`, p.values);
  for (const r of rows) for (const term of r.held ?? []) holders.set(term, (holders.get(term) ?? 0) + 1);
  return { ranked: rows.map((r) => ({ id: Number(r.id), score: r.score })).sort(before), holders };
}

/**
 * The best matches, best first (score descending, ties to the lower id): the best `k` exactly as scoring
 * every match would rank them (pruned with θ = the k-th best score), followed, up to `keep`, by the next
 * best of the matches it scored (every match holding a covered clause). `scored` are matches already
 * scored with these weights (they set θ before the first round).
 */
export async function bestMatches(client: pg.PoolClient, query: PrunableQuery, k: number,
  options: { keep?: number; scored?: readonly Ranked[] } = {}): Promise<BestMatches> {
  const { sc, base, params, total } = query;
  const keep = Math.max(k, options.keep ?? k);
  let best = (options.scored ?? []).slice(0, keep);
  if (k <= 0 || total === 0) return { best: [], covered: 'all' };
  const { optional, always, needsOptional, maxFactor, sound } = clausesOf(sc);
  const n = optional.length;
  const ALL = n + 1; // coverage level: every match scored
  /** Scores the matches holding one of optional[from..to) (every match: to = ALL); merges the best `keep`. */
  const score = async (from: number, to: number) => {
    const p = new Params(params);
    const { join, score: expr } = scoreSql(sc, p);
    let where = [...base];
    if (to !== ALL || needsOptional) {
      // Without a required clause every match holds an optional one: "every match" is "holding one of the rest".
      const c = optional.slice(from, to === ALL ? n : to);
      const holds = holdsAny(c.filter((x) => x.column === 'fa').map((x) => x.text), c.filter((x) => x.column === 'exact').map((x) => x.text), p);
      if (holds === undefined) return;
      where = [...base, holds];
    }
    const { rows } = await client.query<{ id: string; score: number }>(
      `SELECT s.id, ${expr} AS score FROM stories s ${join} WHERE ${where.join(' AND ')}
        ORDER BY score DESC, s.id ASC LIMIT ${p.bind(keep)}`, p.values);
    const merged = new Map(best.map((r) => [r.id, r.score]));
    for (const r of rows) merged.set(Number(r.id), r.score);
    best = [...merged].map(([id, s]) => ({ id, score: s })).sort(before).slice(0, keep);
  };
  // Coverage: every match holding one of optional[0..covered) has been scored (ALL: every match).
  let covered = total !== undefined && best.length >= total ? ALL : 0;
  // At most 2k matches: pruning could spare at most half of them, and rounds cost statements.
  if (covered < ALL && (n === 0 || (total !== undefined && total <= 2 * keep))) {
    await score(0, ALL);
    covered = ALL;
  }
  // rest[j]: the most a story holding none of optional[0..j) can score, before the coordination factor.
  const rest = new Float64Array(n + 1);
  rest[n] = always;
  for (let j = n - 1; j >= 0; j--) rest[j] = rest[j + 1]! + optional[j]!.bound;
  const firstCoord = optional.findIndex((c) => c.coord);
  const factor = (j: number) => (firstCoord < 0 || firstCoord >= j ? maxFactor : 1);
  /** The essential clauses for θ: optional[0..j) for the smallest j whose rest cannot reach θ, or ALL. */
  const essential = (theta: number): number => {
    if (!sound) return ALL;
    for (let j = 0; j <= n; j++) if (rest[j]! * factor(j) * MARGIN < theta) return needsOptional && j === n ? ALL : j;
    return ALL;
  };
  const df = (to: number) => optional.slice(0, to).reduce((s, c) => s + c.df, 0);
  while (covered < ALL) {
    const theta = best.length >= k ? best[k - 1]!.score : -Infinity;
    let next = essential(theta);
    if (next <= covered) break;
    if (theta === -Infinity) {
      // No θ yet: the next few clauses, by how many stories they hold.
      const target = covered === 0 ? k : 4 * df(covered);
      next = covered + 1;
      while (next < n && df(next) < target) next++;
      if (needsOptional && next === n) next = ALL;
    }
    await score(covered, next);
    covered = next;
  }
  return { best, covered: covered === ALL ? 'all' : new Set(optional.slice(0, covered).map(clauseKey)) };
}
