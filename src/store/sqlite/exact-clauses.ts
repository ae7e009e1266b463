/**
 * The clauses of an analyzed query that need word positions — quoted phrases and prefixes over the
 * `exact` terms — answered by the FTS5 table `story_fts(exact)` as sets of story ids. Terms hold only
 * letters, digits and `#.,_`, but `#`, `.`, `,` are FTS5 syntax outside a string, so every term is
 * written as a "string" (https://www.sqlite.org/fts5.html#full_text_query_syntax).
 */
import type Database from 'better-sqlite3';
import type { AnalyzedQuery } from '../../search/index.js';
import { prepared } from './statement-cache.js';

/** A term or phrase as an FTS5 string. */
function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Exact-column clauses as id sets. */
export interface ExactClauses {
  /** Phrases and `+pre*`: every match is in each of these; they rank. */
  required: Int32Array[];
  /** `pre*` and the exact terms of an all-stopword query: they rank, and match when nothing is required. */
  ranked: Int32Array[];
  /** `-"phrase"`, `-pre*`. */
  excluded: Set<number>;
}

function ids(db: Database.Database, match: string): Int32Array {
  return Int32Array.from(prepared(db, 'SELECT rowid FROM story_fts WHERE story_fts MATCH ?').pluck().all(match) as number[]);
}

const phrase = (p: readonly string[]) => `exact : ${str(p.join(' '))}`;
const prefix = (p: string) => `exact : ${str(p)} *`;

/** Runs the exact-column clauses of `q`. */
export function exactClauses(db: Database.Database, q: AnalyzedQuery): ExactClauses {
  const excluded = new Set<number>();
  for (const match of [...q.notPhrases.filter((p) => p.length > 0).map(phrase), ...q.notPrefixes.map(prefix)]) {
    for (const id of ids(db, match)) excluded.add(id);
  }
  return {
    required: [...q.phrases.filter((p) => p.length > 0).map(phrase), ...q.mustPrefixes.map(prefix)].map((m) => ids(db, m)),
    ranked: [...q.exactShould.map((t) => phrase([t])), ...q.prefixes.map(prefix)].map((m) => ids(db, m)),
    excluded,
  };
}

/** Does the query ask anything positive of the text (otherwise it lists by filters and exclusions)? */
export function hasPositiveClause(q: AnalyzedQuery): boolean {
  return q.should.length > 0 || q.must.some((g) => g.length > 0) || q.phrases.some((p) => p.length > 0) ||
    q.mustPrefixes.length > 0 || q.prefixes.length > 0 || q.exactShould.length > 0;
}
