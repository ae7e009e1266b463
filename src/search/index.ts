/**
 * Search, storage-agnostic: what the index stores for a story, the query language, the request and
 * result types, highlighting on the original text. Pure: no node:* modules.
 */
export { indexDocument, indexTerms, encodeTerm, storyText, TERM_TOKENCHARS } from './index-terms.js';
export type { IndexDocument, IndexTerms } from './index-terms.js';
export { MAX_SEARCH_LIMIT } from './search-types.js';
export { checkSearchRequest, analyzedQueryOf, MAX_SEARCH_OFFSET } from './search-request.js';
export type { SearchRequest, SearchResult, SearchHit, Highlight, FacetCount } from './search-types.js';
export { parseQuery, MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from './query-parse.js';
export { analyzeQuery, compileQuery, MIN_PREFIX_LENGTH } from './query-analyze.js';
export type {
  ParsedQuery, QueryClause, WordClause, PhraseClause, PrefixClause, Occur, QueryFilters, AnalyzedQuery,
} from './query-types.js';
export { parseDateBound } from './date-bound.js';
export { filterKey } from './filter-key.js';
export { highlight } from './highlight.js';
export type { HighlightOptions } from './highlight.js';
export { highlightHtml } from './highlight-html.js';
export { SNIPPET_LENGTH } from './snippet.js';
export { monthKey, monthRange } from './month-key.js';
export { BM25_K1, BM25_B, bm25Idf } from './bm25.js';
