/**
 * Search, storage-agnostic: what the index stores for a story, the query language, the request and
 * result types, highlighting on the original text. Pure: no node:* modules.
 */
export { indexDocument, encodeTerm, storyText, TERM_TOKENCHARS } from './index-terms.js';
export type { IndexDocument } from './index-terms.js';
export { MAX_SEARCH_LIMIT } from './search-types.js';
export type { SearchRequest, SearchResult, SearchHit, Highlight, FacetCount } from './search-types.js';
