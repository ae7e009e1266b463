/** Feedback re-weighting of a query's own words from the best first-pass stories (see {@link Feedback}). */
import type { RankedIndexReader } from './index-reader.js';
import { bodyTfOf, headTfOf } from './postings-codec.js';
import type { ScoredMatches, TermList } from './bm25-scorer.js';
import { topK } from './top-k.js';

/**
 * Feedback re-weighting of the query's own terms (a relevance model restricted to them): the best
 * `docs` first-pass stories, each weighted by its share of their scores, vote for each ranked term by
 * its relative frequency in the story, times ln(N / df); a term's weight becomes
 * (1 − λ) + λ · |terms| · its normalized vote, so that uniform votes leave the ranking as it was.
 * Measured on the Hamshahri dev queries (bench/results/search-eval.md): MAP 0.845 → 0.881, P@10
 * 0.792 → 0.836, and P@10 stays within 0.820–0.840 for docs 3–20 and λ 0.3–0.7. It adds no terms, so it
 * costs one more accumulation over postings already in memory.
 */
export interface Feedback {
  /** Feedback stories (0: off). */
  docs: number;
  /** λ, the share of the weight the votes decide. */
  lambda: number;
}

const shares = new WeakMap<RankedIndexReader, Float64Array>();

/** A zeroed array by story id, kept per reader and left zeroed after use. */
function shareScratch(reader: RankedIndexReader): Float64Array {
  let a = shares.get(reader);
  if (a === undefined || a.length <= reader.maxId) shares.set(reader, (a = new Float64Array(reader.maxId + 1)));
  return a;
}

/** Weights per list (1 for lists that are not ranked words), or undefined when the votes say nothing. */
export function feedbackWeights(reader: RankedIndexReader, lists: TermList[], first: ScoredMatches, fb: Feedback): Float64Array | undefined {
  const best = topK(first.ids, first.scores, fb.docs);
  let total = 0;
  for (const i of best) total += first.scores[i]!;
  if (total <= 0) return undefined;
  // Shares by story id in a reused array (a Map lookup per posting dominated long lists at 200k stories).
  const share = shareScratch(reader);
  for (const i of best) share[first.ids[i]!] = first.scores[i]! / total;
  const N = reader.liveDocs;
  const votes = new Float64Array(lists.length);
  let terms = 0;
  let sum = 0;
  lists.forEach((list, t) => {
    if (!list.isShould) return;
    terms++;
    let v = 0;
    for (let i = 0; i < list.ids.length; i++) {
      const w = share[list.ids[i]!]!;
      if (w === 0) continue;
      const tf = headTfOf(list.tfs[i]!) + bodyTfOf(list.tfs[i]!);
      v += (w * tf) / Math.max(reader.docLength[list.ids[i]!]!, 1);
    }
    votes[t] = v * Math.max(0, Math.log(N / Math.max(list.ids.length, 1)));
    sum += votes[t]!;
  });
  for (const i of best) share[first.ids[i]!] = 0;
  if (sum <= 0) return undefined;
  const weights = new Float64Array(lists.length).fill(1);
  lists.forEach((list, t) => {
    if (list.isShould) weights[t] = 1 - fb.lambda + (fb.lambda * terms * votes[t]!) / sum;
  });
  return weights;
}

