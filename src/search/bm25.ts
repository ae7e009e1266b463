/**
 * BM25's parameters and idf, shared by every store's ranking (SQLite's ranked index, PostgreSQL's SQL)
 * so that both rank a collection the same way:
 *   idf(t) = max(ln((N − n + 0.5) / (n + 0.5)), 1e-6)
 * The floor keeps a word that most stories hold from scoring zero or below (FTS5 does the same).
 */

/** Term-frequency saturation. */
export const BM25_K1 = 1.2;
/** Length normalization. */
export const BM25_B = 0.75;

/** BM25's idf of a term held by `n` of `docs` stories. */
export function bm25Idf(docs: number, n: number): number {
  const v = Math.log((docs - n + 0.5) / (n + 0.5));
  return v <= 0 ? 1e-6 : v;
}
