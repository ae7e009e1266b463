/**
 * An analyzed query (search module) → FTS5 MATCH expressions for the `story_fts(head, body, exact)`
 * table. Terms hold only letters, digits and `#.,_`, but `#`, `.`, `,` are FTS5 syntax outside a
 * string, so every term is written as a "string" (https://www.sqlite.org/fts5.html#full_text_query_syntax).
 */
import type { AnalyzedQuery } from '../../search/index.js';

/** A term or phrase as an FTS5 string. */
function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

const FA = '{head body}';

/** The MATCH expressions of a query. */
export interface Fts5Plan {
  /** Stories that match the query (undefined: no positive text clause; list by filters). */
  any: string | undefined;
  /** Stories that also contain every ranked word: ranked first ("stories that contain all of them first"). */
  all: string | undefined;
  /** Stories to exclude (`-word`, `-"phrase"`, `-pre*`), for queries with no positive clause. */
  excluded: string | undefined;
}

function group(op: 'AND' | 'OR', parts: string[]): string {
  return parts.length === 1 ? parts[0]! : `(${parts.join(` ${op} `)})`;
}

/** Compiles an analyzed query. */
export function compileFts5(q: AnalyzedQuery): Fts5Plan {
  const required: string[] = [
    ...q.must.filter((g) => g.length > 0).map((g) => `${FA} : ${group('AND', g.map(str))}`),
    ...q.phrases.filter((p) => p.length > 0).map((p) => `exact : ${str(p.join(' '))}`),
    ...q.mustPrefixes.map((p) => `exact : ${str(p)} *`),
  ];
  const ranked: string[] = [
    ...(q.should.length ? [`${FA} : ${group('OR', q.should.map(str))}`] : []),
    ...(q.exactShould.length ? [`exact : ${group('OR', q.exactShould.map(str))}`] : []),
    ...q.prefixes.map((p) => `exact : ${str(p)} *`),
  ];
  const excluded: string[] = [
    ...q.not.filter((g) => g.length > 0).map((g) => `${FA} : ${group('AND', g.map(str))}`),
    ...q.notPhrases.filter((p) => p.length > 0).map((p) => `exact : ${str(p.join(' '))}`),
    ...q.notPrefixes.map((p) => `exact : ${str(p)} *`),
  ];
  const notTail = excluded.map((e) => ` NOT ${e}`).join('');
  let any: string | undefined;
  let all: string | undefined;
  if (required.length > 0) {
    // Required clauses decide matching; ranked words only add to the score. FTS5 scores only what
    // is in the expression, so they are OR-ed with a required clause that every match holds anyway.
    const req = group('AND', required);
    any = ranked.length ? `${req} AND (${[...ranked, required[0]!].join(' OR ')})` : req;
    if (q.should.length > 1) all = `${req} AND ${FA} : ${group('AND', q.should.map(str))}`;
  } else if (ranked.length > 0) {
    any = group('OR', ranked);
    if (q.should.length > 1) all = `${FA} : ${group('AND', q.should.map(str))}`;
  }
  return {
    any: any === undefined ? undefined : `${any}${notTail}`,
    all: all === undefined ? undefined : `${all}${notTail}`,
    excluded: excluded.length ? group('OR', excluded) : undefined,
  };
}

/** An OR of fa terms (related stories, query expansion). */
export function anyFaTerms(terms: readonly string[]): string {
  return `${FA} : ${group('OR', terms.map(str))}`;
}

/**
 * The stories a plan matches, as a condition on `stories s` joined to the request's filters: those the
 * text query matches, or — when it asks nothing positive of the text — those its exclusions leave.
 * Shared by date-sorted lists and facet counts, so both count the same stories.
 */
export function storiesWhere(plan: Fts5Plan, filters: { sql: string; params: unknown[] }): { where: string; params: unknown[] } {
  if (plan.any !== undefined) {
    return { where: `${filters.sql} AND s.id IN (SELECT rowid FROM story_fts WHERE story_fts MATCH ?)`, params: [...filters.params, plan.any] };
  }
  if (plan.excluded !== undefined) {
    return { where: `${filters.sql} AND s.id NOT IN (SELECT rowid FROM story_fts WHERE story_fts MATCH ?)`, params: [...filters.params, plan.excluded] };
  }
  return { where: filters.sql, params: filters.params };
}
