/**
 * A story's entry in the ranked index: the frequency of each `fa` term in its headline and in the rest,
 * and its length as BM25 counts it.
 */
import type { IndexTerms } from '../../../search/index.js';
import { MAX_HEAD_TF, packTf } from './postings-codec.js';

/** What the ranked index stores of one story. */
export interface DocTerms {
  /** fa term → packed frequency ({@link packTf}). */
  terms: Map<string, number>;
  /**
   * Tokens of the headline, body and exact columns together. BM25 normalizes by this length, as SQLite
   * FTS5's bm25() did when the fa terms lived in FTS5 beside the exact column: the ranking measured on
   * Hamshahri (bench/results/search-eval.md) is kept.
   */
  length: number;
}

/** The ranked-index entry of a story's index terms. */
export function docTerms(t: IndexTerms): DocTerms {
  // One number per term in packTf's layout: body occurrences × 4 + headline occurrences (kept up to 3).
  const counts = new Map<string, number>();
  for (const term of t.head) {
    const c = counts.get(term) ?? 0;
    if ((c & 3) < MAX_HEAD_TF) counts.set(term, c + 1);
  }
  for (const term of t.body) counts.set(term, (counts.get(term) ?? 0) + 4);
  const terms = new Map<string, number>();
  for (const [term, c] of counts) terms.set(term, packTf(c & 3, Math.floor(c / 4)));
  return { terms, length: t.head.length + t.body.length + t.exact.length };
}
