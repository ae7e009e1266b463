/**
 * A story's entry in the ranked index: the frequency of each `fa` term in its headline and in the rest,
 * and its length as BM25 counts it.
 */
import type { IndexDocument } from '../../../search/index.js';
import { packTf } from './postings-codec.js';

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

function count(text: string, into: Map<string, [number, number]>, slot: 0 | 1): number {
  if (text === '') return 0;
  let n = 0;
  for (const term of text.split(' ')) {
    if (term === '') continue;
    n++;
    let tf = into.get(term);
    if (tf === undefined) into.set(term, (tf = [0, 0]));
    tf[slot]++;
  }
  return n;
}

/** The ranked-index entry of an indexed document. */
export function docTerms(doc: IndexDocument): DocTerms {
  const tf = new Map<string, [number, number]>();
  const headCount = count(doc.head, tf, 0);
  const bodyCount = count(doc.body, tf, 1);
  let exactCount = 0;
  if (doc.exact !== '') for (const t of doc.exact.split(' ')) if (t !== '') exactCount++;
  const terms = new Map<string, number>();
  for (const [term, [h, b]] of tf) terms.set(term, packTf(h, b));
  return { terms, length: headCount + bodyCount + exactCount };
}
