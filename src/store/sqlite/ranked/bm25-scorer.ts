/**
 * BM25 over the ranked index, term at a time: each clause's postings are added into one accumulator
 * per story id (reused typed arrays), then the candidates are filtered and the best `k` selected with a
 * heap. The formula is SQLite FTS5's bm25() (https://www.sqlite.org/fts5.html#the_bm25_function), which
 * the archive used before it had this index, so rankings measured with FTS5 carry over:
 *
 *   idf(t) = max(ln((N − n + 0.5) / (n + 0.5)), 1e-6)
 *   score(d) = Σ idf(t) · f(t,d) · (k1 + 1) / (f(t,d) + k1 · (1 − b + b · |d| / avgdl))
 *
 * with f = headWeight · headline frequency + bodyWeight · body frequency, k1 = 1.2, b = 0.75.
 * Clauses answered elsewhere (FTS5 phrases and prefixes over the exact terms) come in as sets of ids
 * and score as a term with frequency 1.
 */
import { BM25_B, BM25_K1, bm25Idf } from '../../../search/index.js';
import type { RankedIndexReader } from './index-reader.js';
import { feedbackWeights, type Feedback } from './feedback.js';

/** BM25 parameters. */
export interface Bm25Params {
  k1: number;
  b: number;
  headWeight: number;
  bodyWeight: number;
}

/** FTS5's constants and equal column weights (a boosted headline costs MAP on Hamshahri). */
export const DEFAULT_BM25: Bm25Params = { k1: BM25_K1, b: BM25_B, headWeight: 1, bodyWeight: 1 };

/** What to score. Every term list is deduplicated by the caller or not; duplicates count once. */
export interface ScoreRequest {
  /** Ranked fa terms: a story needs one of them (or of `rankedSets`) when nothing is required. */
  should: readonly string[];
  /** fa terms every match must contain; they rank too. */
  must: readonly string[];
  /** Ranked sets (exact-column clauses answered by FTS5). */
  rankedSets: ReadonlyArray<ArrayLike<number>>;
  /** Required sets; they rank too. */
  requiredSets: ReadonlyArray<ArrayLike<number>>;
  /** Stories never to return. */
  excluded?: ReadonlySet<number>;
  /** When given, only stories with a non-zero entry here (by id) match. */
  allowed?: Uint8Array;
  /** Score multiplier for stories holding every `should` term (when there are two or more). */
  coordBoost: number;
}

/** Scored matches. */
export interface ScoredMatches {
  /** Matching story ids, in no particular order: every match, or (when pruned) a superset of the best. */
  ids: Int32Array;
  /** Their scores, index for index. */
  scores: Float64Array;
  /** How many stories match. */
  total: number;
}

/**
 * Reusable per-reader scratch state: accumulators by story id, and the ids touched in this pass. A story
 * is touched when its stamp differs from the pass's, so starting a pass costs nothing and a posting
 * costs one read to know whether its story is new.
 */
class Accumulators {
  score = new Float64Array(0);
  shouldHits = new Uint16Array(0);
  mustHits = new Uint16Array(0);
  stamp = new Int32Array(0);
  touched = new Int32Array(0);
  count = 0;
  pass = 0;

  ensure(size: number): void {
    if (this.score.length >= size) return;
    this.score = new Float64Array(size);
    this.shouldHits = new Uint16Array(size);
    this.mustHits = new Uint16Array(size);
    this.stamp = new Int32Array(size);
    this.touched = new Int32Array(size);
    this.pass = 0;
  }

  /** Starts a pass: every story untouched. */
  begin(): void {
    this.count = 0;
    if (++this.pass === 2 ** 31 - 1) {
      this.stamp.fill(0);
      this.pass = 1;
    }
  }
}

const scratch = new WeakMap<RankedIndexReader, Accumulators>();

/** BM25's idf (search module), the same as FTS5's. */
export const idf = bm25Idf;

/** One term's live postings, copied out of the reader's scratch so that a second pass can reuse them. */
export interface TermList {
  ids: Int32Array;
  tfs: Int32Array;
  /** idf · (k1 + 1). */
  weight: number;
  isShould: boolean;
  isMust: boolean;
}

/**
 * Scores every match of `req`. The reader must be refreshed. With `feedback`, the query's own terms are
 * re-weighted from the best first-pass stories and every match is scored again (see {@link Feedback}).
 */
export function scoreMatches(reader: RankedIndexReader, req: ScoreRequest, params: Bm25Params = DEFAULT_BM25,
  feedback?: Feedback, need?: number): ScoredMatches {
  let acc = scratch.get(reader);
  if (acc === undefined) scratch.set(reader, (acc = new Accumulators()));
  acc.ensure(reader.maxId + 1);
  const N = reader.liveDocs;
  const should = new Set(req.should);
  const must = new Set(req.must);
  const lists: TermList[] = [];
  for (const term of new Set([...should, ...must])) {
    const p = reader.postings(term);
    lists.push({
      ids: p.ids.slice(0, p.count), tfs: p.tfs.slice(0, p.count), weight: idf(N, p.count) * (params.k1 + 1),
      isShould: should.has(term), isMust: must.has(term),
    });
  }
  const reweight = feedback !== undefined && feedback.docs > 0 && should.size >= 2;
  // The first pass needs its best `feedback.docs` exactly when it feeds the second; else the best `need`.
  const first = accumulate(reader, acc, req, params, lists, undefined, reweight && need !== undefined ? Math.max(feedback.docs, need) : need, true);
  if (!reweight || first.ids.length === 0) return first;
  const weights = feedbackWeights(reader, lists, first, feedback);
  if (weights === undefined) return first;
  // Weights change scores, not which stories match: the first pass's count stands.
  return { ...accumulate(reader, acc, req, params, lists, weights, need, false), total: first.total };
}

/** The set, or undefined when it is empty (a Set lookup per posting is a cost worth skipping). */
function nonEmpty(set: ReadonlySet<number> | undefined): ReadonlySet<number> | undefined {
  return set !== undefined && set.size > 0 ? set : undefined;
}

/**
 * The `k`-th best score among the touched stories that may match (the pruning threshold), or -Infinity
 * when fewer than `k` are touched. A min-heap of size k over the partial scores.
 */
function kthBest(acc: Accumulators, req: ScoreRequest, k: number): number {
  const heap = new Float64Array(k);
  let len = 0;
  const excluded = nonEmpty(req.excluded);
  const allowed = req.allowed;
  for (let i = 0; i < acc.count; i++) {
    const id = acc.touched[i]!;
    if ((excluded !== undefined && excluded.has(id)) || (allowed !== undefined && !allowed[id])) continue;
    const s = acc.score[id]!;
    if (len < k) {
      let j = len++;
      heap[j] = s;
      while (j > 0 && heap[(j - 1) >> 1]! > heap[j]!) {
        const p = (j - 1) >> 1;
        [heap[p], heap[j]] = [heap[j]!, heap[p]!];
        j = p;
      }
    } else if (s > heap[0]!) {
      heap[0] = s;
      let j = 0;
      for (;;) {
        const l = 2 * j + 1;
        const r = l + 1;
        let m = j;
        if (l < len && heap[l]! < heap[m]!) m = l;
        if (r < len && heap[r]! < heap[m]!) m = r;
        if (m === j) break;
        [heap[m], heap[j]] = [heap[j]!, heap[m]!];
        j = m;
      }
    }
  }
  return len < k ? -Infinity : heap[0]!;
}

/**
 * One scoring pass: accumulate every clause, then keep the stories that match.
 *
 * With `need` (the caller wants only the best `need` exactly, and the number of matches), terms are
 * taken from the highest possible contribution down (MaxScore, Turtle & Flood 1995): once the
 * `need`-th best partial score exceeds what all remaining terms together could add to a story (each
 * adds less than idf · (k1 + 1) · its weight), no story they alone reach can enter the top, so their
 * postings only add to stories already touched and count the others. A query with a very common word
 * («کرد», «سال») then scores only the stories its rarer words found. The result's `ids` are then the
 * touched stories, a superset of the best `need`; `total` still counts every match when `countAll`
 * (a second pass over the same clauses knows the count already and skips the stories it did not touch).
 */
function accumulate(reader: RankedIndexReader, acc: Accumulators, req: ScoreRequest, params: Bm25Params,
  lists: TermList[], termWeights: Float64Array | undefined, need: number | undefined, countAll: boolean): ScoredMatches {
  const { k1, b, headWeight, bodyWeight } = params;
  const excluded = nonEmpty(req.excluded);
  const allowed = req.allowed;
  const N = reader.liveDocs;
  const lengths = reader.docLength;
  // norm(d) = k1 · (1 − b + b · |d| / avgdl), computed per posting from the length (cheaper than a table).
  const c0 = k1 * (1 - b);
  const c1 = (k1 * b) / reader.averageLength;
  let shouldCount = 0;
  let mustCount = 0;
  for (const l of lists) {
    if (l.isShould) shouldCount++;
    if (l.isMust) mustCount++;
  }
  const mustTarget = mustCount + req.requiredSets.length;
  const coord = shouldCount > 1 && req.coordBoost > 0;
  // Pruning needs every match to come from a ranked term: no required clause, no ranked id sets.
  const prune = need !== undefined && need > 0 && mustTarget === 0 && req.rankedSets.length === 0;
  const order = lists.map((list, t) => ({ list, w: list.weight * (termWeights === undefined ? 1 : termWeights[t]!) }))
    .sort((x, y) => y.w - x.w);
  // remaining[j]: the most terms j.. can add to one story.
  const remaining = new Float64Array(order.length + 1);
  for (let j = order.length - 1; j >= 0; j--) remaining[j] = remaining[j + 1]! + order[j]!.w;
  let remainingPostings = order.reduce((n, o) => n + o.list.ids.length, 0);
  let countOnly = 0; // matches seen only by count-only terms
  let scoringNew = true;
  acc.begin();
  const { score, shouldHits, mustHits, stamp, touched } = acc;
  const pass = acc.pass;
  order.forEach(({ list, w }, j) => {
    if (prune && scoringNew && j > 0 && remainingPostings > acc.count) {
      // Worth checking only when what is left outweighs what was touched.
      if (kthBest(acc, req, need) > remaining[j]!) scoringNew = false;
    }
    remainingPostings -= list.ids.length;
    const { ids, tfs, isShould, isMust } = list;
    let count = acc.count;
    if (scoringNew) {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const packed = tfs[i]!;
        const f = headWeight * (packed & 3) + bodyWeight * (packed >>> 2); // headTfOf, bodyTfOf
        const contribution = (w * f) / (f + c0 + c1 * lengths[id]!);
        if (stamp[id] !== pass) {
          stamp[id] = pass;
          touched[count++] = id;
          score[id] = contribution;
          shouldHits[id] = isShould ? 1 : 0;
          mustHits[id] = isMust ? 1 : 0;
        } else {
          score[id]! += contribution;
          if (isShould) shouldHits[id]!++;
          if (isMust) mustHits[id]!++;
        }
      }
    } else {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const st = stamp[id];
        if (st === pass) {
          const packed = tfs[i]!;
          const f = headWeight * (packed & 3) + bodyWeight * (packed >>> 2);
          score[id]! += (w * f) / (f + c0 + c1 * lengths[id]!);
          if (isShould) shouldHits[id]!++;
        } else if (countAll && st !== -pass) {
          stamp[id] = -pass; // counted once
          if ((excluded === undefined || !excluded.has(id)) && (allowed === undefined || allowed[id])) countOnly++;
        }
      }
    }
    acc.count = count;
  });
  const addSet = (set: ArrayLike<number>, required: boolean) => {
    const w = idf(N, set.length) * (k1 + 1);
    for (let i = 0; i < set.length; i++) {
      const id = set[i]!;
      if (id > reader.maxId || reader.docSegment[id] === 0) continue;
      const contribution = w / (1 + c0 + c1 * lengths[id]!);
      if (stamp[id] !== pass) {
        stamp[id] = pass;
        touched[acc.count++] = id;
        score[id] = contribution;
        shouldHits[id] = 0;
        mustHits[id] = required ? 1 : 0;
      } else {
        score[id]! += contribution;
        if (required) mustHits[id]!++;
      }
    }
  };
  for (const set of req.rankedSets) addSet(set, false);
  for (const set of req.requiredSets) addSet(set, true);

  const ids = new Int32Array(acc.count);
  const scores = new Float64Array(acc.count);
  let n = 0;
  for (let i = 0; i < acc.count; i++) {
    const id = touched[i]!;
    if (mustTarget > 0 && mustHits[id] !== mustTarget) continue;
    if (excluded !== undefined && excluded.has(id)) continue;
    if (allowed !== undefined && !allowed[id]) continue;
    let sc = score[id]!;
    if (coord && shouldHits[id] === shouldCount) sc *= 1 + req.coordBoost;
    ids[n] = id;
    scores[n] = sc;
    n++;
  }
  return { ids: ids.subarray(0, n), scores: scores.subarray(0, n), total: n + countOnly };
}
