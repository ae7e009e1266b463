/**
 * The shapes of a search query on its way from the user's text to a store: {@link ParsedQuery} (what the
 * user wrote, with offsets) and {@link AnalyzedQuery} (index terms a store compiles to FTS5 MATCH or a
 * PostgreSQL tsquery without knowing any Persian). query-parse.ts builds the first, query-analyze.ts the second.
 */

/** How a clause takes part in matching: ranked only, required, or excluded. */
export type Occur = 'should' | 'must' | 'not';

/** A plain word (`word`, `+word`, `-word`); `text` excludes the operator. */
export interface WordClause {
  kind: 'word';
  occur: Occur;
  /** The word as written. */
  text: string;
  /** UTF-16 offset of `text` in the query. */
  start: number;
}

/** A quoted phrase (`"…"`, `«…»`, `“…”`); always required unless written `-"…"`. */
export interface PhraseClause {
  kind: 'phrase';
  occur: 'must' | 'not';
  /** The text between the quotes. */
  text: string;
  /** UTF-16 offset of the opening quote in the query. */
  start: number;
}

/** A prefix (`pre*`, `+pre*`, `-pre*`); `text` excludes the operator and the star. */
export interface PrefixClause {
  kind: 'prefix';
  occur: Occur;
  /** The letters before the star, as written. */
  text: string;
  /** UTF-16 offset of `text` in the query. */
  start: number;
}

/** One text clause of a query. */
export type QueryClause = WordClause | PhraseClause | PrefixClause;

/**
 * Filters of a query. Values of one field are alternatives: a story matches when it has any of them
 * (`service:a service:b` = service a or b). Compare values with `filterKey` on both sides so that
 * spelling variants (ي/ی, ZWNJ/space) meet.
 */
export interface QueryFilters {
  /** `service:` values (desk names), as written, white space trimmed and collapsed. */
  service: string[];
  /** `agency:` values. */
  agency: string[];
  /** `tag:` values (story keywords). */
  tag: string[];
  /** `from:` as an ISO 8601 instant (`toISOString()` form): stories published at or after it. */
  from?: string;
  /** `to:` as an ISO 8601 instant: stories published at or before it (a date alone: 23:59:59.999 Tehran). */
  to?: string;
}

/** A query as written: its clauses in order and its filters. */
export interface ParsedQuery {
  /** The query text parsed. */
  text: string;
  /** Word, phrase and prefix clauses, in query order. */
  clauses: QueryClause[];
  /** Filters, with dates resolved to instants. */
  filters: QueryFilters;
}

/**
 * A query as index terms, every term already in the index alphabet (`encodeTerm`). Two term spaces:
 * - **fa** terms (lemmas, stopwords dropped) live in the `head` and `body` columns of `indexDocument`;
 * - **exact** terms (folded surface forms, every word) live in the `exact` column.
 *
 * A story matches when **all** of these hold:
 * 1. for every group in `must`, the story's fa columns contain every term of the group;
 * 2. the exact column contains every sequence in `phrases` as consecutive terms, and for every entry of
 *    `mustPrefixes` some term starting with it;
 * 3. no group of `not` is wholly contained in the fa columns, no sequence of `notPhrases` occurs in the
 *    exact column, no exact term starts with an entry of `notPrefixes`;
 * 4. when 1–2 are empty (no required clause), at least one of `should` (fa columns), `exactShould` or
 *    `prefixes` (exact column) matches — unless `matchAll` is true;
 * 5. the filters hold.
 *
 * Ranking: BM25 over every positive term (should, must, phrases, prefixes, exactShould). When `matchAll`
 * is true there is no positive text clause (only filters and/or exclusions): list the matching stories
 * newest first.
 *
 * SQLite sketch: fa terms (should, must, not) are looked up in the store's ranked index; phrases and
 * prefixes become FTS5 MATCH on the exact column, `exact: "a b c"`, `exact: "pre" *`; terms never need
 * quoting beyond `"…"` since they hold only letters, digits and `#.,_` (but `#`, `.`, `,` must be inside a
 * `"…"` string in FTS5).
 * tsquery sketch: `'a' | 'b'`, `'a' & 'b'`, `'a' <-> 'b'`, `'pre':*`, `!(…)`.
 */
export interface AnalyzedQuery {
  /** fa terms of plain words, deduplicated, in query order: any of them may match; they rank. */
  should: string[];
  /** One group per required word (`+word`): all its fa terms are required (most groups hold one term). */
  must: string[][];
  /** One group per excluded word (`-word`): a story holding all its fa terms is excluded. */
  not: string[][];
  /** Required exact-term sequences: quoted phrases, and `+stopword` as a one-term sequence. */
  phrases: string[][];
  /** Excluded exact-term sequences: `-"phrase"`, and `-stopword` as a one-term sequence. */
  notPhrases: string[][];
  /** Exact-column prefixes of `pre*`: rank, and match when there is no required clause. */
  prefixes: string[];
  /** Exact-column prefixes of `+pre*`: required. */
  mustPrefixes: string[];
  /** Exact-column prefixes of `-pre*`: excluded. */
  notPrefixes: string[];
  /**
   * Exact-column terms used when every plain word of the query is a stopword («از این که»), so that such a
   * query still finds something; otherwise empty. Matched like `should`, on the exact column.
   */
  exactShould: string[];
  /** Filters, as parsed. */
  filters: QueryFilters;
  /** True when nothing positive is asked of the text: list every story passing filters and exclusions, by date. */
  matchAll: boolean;
}
