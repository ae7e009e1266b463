/**
 * The parts of a PostgreSQL search statement that decide which stories may match, whatever their rank:
 * bound parameters, tsquery texts, the request's filters and the query's exclusions, all as conditions
 * on `s` (the `stories` row). Every value, tsquery texts included, is a bound parameter; tsquery
 * literals are cast with `::tsquery`, which takes lexemes verbatim.
 */
import { filterKey, parseDateBound } from '../../search/index.js';
import type { AnalyzedQuery, SearchRequest } from '../../search/index.js';
import { quoteLexeme } from './pg-index-text.js';
import type pg from 'pg';

/** Positional parameters of one statement. */
export class Params {
  readonly values: unknown[];
  constructor(values: readonly unknown[] = []) {
    this.values = [...values];
  }
  bind(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** tsquery text: every term. */
export const allOf = (terms: readonly string[]): string => terms.map(quoteLexeme).join(' & ');
/** tsquery text: any term. */
export const anyOf = (terms: readonly string[]): string => terms.map(quoteLexeme).join(' | ');
/** tsquery text: the terms in a row. */
export const phrase = (terms: readonly string[]): string => terms.map(quoteLexeme).join(' <-> ');
/** tsquery text: a prefix. */
export const prefix = (p: string): string => `${quoteLexeme(p)}:*`;

/** The stored names of a column whose search form equals one of `values` (ي/ی, ZWNJ/space variants meet). */
async function storedNames(client: pg.PoolClient, column: 'service' | 'agency', values: readonly string[]): Promise<string[]> {
  const keys = new Set(values.map(filterKey));
  const { rows } = await client.query<{ name: string }>(`SELECT DISTINCT ${column} AS name FROM stories WHERE ${column} IS NOT NULL`);
  return rows.map((r) => r.name).filter((n) => keys.has(filterKey(n)));
}

/** Conditions on `s` (stories) for the request's filters. */
export async function filterClauses(client: pg.PoolClient, request: SearchRequest, q: AnalyzedQuery, p: Params): Promise<string[]> {
  const parts = ["s.pub_status = 'usable'"];
  const services = [...q.filters.service, ...(request.service ? [request.service] : [])];
  if (services.length) parts.push(`s.service = ANY(${p.bind(await storedNames(client, 'service', services))}::text[])`);
  const agencies = [...q.filters.agency, ...(request.agency ? [request.agency] : [])];
  if (agencies.length) parts.push(`s.agency = ANY(${p.bind(await storedNames(client, 'agency', agencies))}::text[])`);
  const tags = [...q.filters.tag, ...(request.tag ? [request.tag] : [])];
  if (tags.length) {
    parts.push(`EXISTS (SELECT 1 FROM story_keywords k WHERE k.story_id = s.id AND k.key = ANY(${p.bind(tags.map(filterKey))}::text[]))`);
  }
  const from = [q.filters.from, request.from ? parseDateBound(request.from, 'from') : undefined].filter((x): x is string => !!x);
  const to = [q.filters.to, request.to ? parseDateBound(request.to, 'to') : undefined].filter((x): x is string => !!x);
  if (from.length) parts.push(`s.published_at >= ${p.bind(Math.max(...from.map(Date.parse)))}`);
  if (to.length) parts.push(`s.published_at <= ${p.bind(Math.min(...to.map(Date.parse)))}`);
  return parts;
}

/** Exclusions: `-word` groups (fa), `-"phrase"` and `-pre*` (exact). */
export function exclusionClauses(q: AnalyzedQuery, p: Params): string[] {
  const parts: string[] = [];
  const notFa = q.not.filter((g) => g.length > 0).map((g) => `(${allOf([...new Set(g)])})`);
  if (notFa.length) parts.push(`NOT (s.fa @@ ${p.bind(notFa.join(' | '))}::tsquery)`);
  const notExact = [...q.notPhrases.filter((x) => x.length > 0).map(phrase), ...q.notPrefixes.map(prefix)].map((x) => `(${x})`);
  if (notExact.length) parts.push(`NOT (s.exact @@ ${p.bind(notExact.join(' | '))}::tsquery)`);
  return parts;
}

/** Does the query ask anything positive of the text (otherwise it lists by filters and exclusions)? */
export function hasPositiveClause(q: AnalyzedQuery): boolean {
  return q.should.length > 0 || q.must.some((g) => g.length > 0) || q.phrases.some((x) => x.length > 0) ||
    q.mustPrefixes.length > 0 || q.prefixes.length > 0 || q.exactShould.length > 0;
}
