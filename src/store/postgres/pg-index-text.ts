/**
 * A story's search entry on PostgreSQL, built from khabar's analyzer (search module `indexTerms`), never
 * from PostgreSQL's text parser: the `fa` and `fa-exact` terms become tsvector literals
 * (https://www.postgresql.org/docs/15/datatype-textsearch.html#DATATYPE-TSVECTOR) that are cast with
 * `::tsvector`, which takes lexemes verbatim (no configuration is applied to a literal).
 *
 * Dialect limits: a position is at most 16383 (later occurrences are clamped to it, so a term's
 * frequency past that point is undercounted), a lexeme keeps at most 256 positions, and a lexeme is at
 * most 2047 bytes (longer terms, which no real word is, are left out).
 */
import { indexTerms } from '../../search/index.js';
import type { Story } from '../../story/index.js';

/** Largest tsvector position. */
const MAX_POS = 16383;
/** Largest lexeme, in bytes (2 KB − 1). */
const MAX_LEXEME_BYTES = 2046;

/** What the adapter stores of a story's text. */
export interface PgIndexedText {
  /** tsvector literal of the fa terms: headline occurrences weight A, the rest weight B. */
  fa: string;
  /** tsvector literal of the fa-exact terms with positions (phrases, prefixes). */
  exact: string;
  /** The distinct fa terms (for term_stats). */
  faTerms: string[];
  /** BM25 length: headline, body and exact tokens together, as the SQLite ranked index counts it. */
  length: number;
}

/** A lexeme quoted for a tsvector or tsquery literal: quotes and backslashes escaped. */
export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function fits(term: string): boolean {
  return term.length > 0 && (term.length * 3 <= MAX_LEXEME_BYTES || Buffer.byteLength(term) <= MAX_LEXEME_BYTES);
}

/** Term → its positions, in order of first appearance. */
function positions(terms: readonly string[], start: number, into: Map<string, string[]>, weight: string): number {
  let pos = start;
  for (const t of terms) {
    pos += 1;
    if (!fits(t)) continue;
    const p = `${Math.min(pos, MAX_POS)}${weight}`;
    const list = into.get(t);
    if (list === undefined) into.set(t, [p]);
    else if (list.length < 256 && list[list.length - 1] !== p) list.push(p);
  }
  return pos;
}

function literal(map: Map<string, string[]>): string {
  const parts: string[] = [];
  for (const [t, ps] of map) parts.push(`${quoteLexeme(t)}:${ps.join(',')}`);
  return parts.join(' ');
}

/** The search entry of a story. */
export function pgIndexText(story: Pick<Story, 'headline' | 'lead' | 'body'>): PgIndexedText {
  const t = indexTerms(story);
  const fa = new Map<string, string[]>();
  const end = positions(t.head, 0, fa, 'A');
  positions(t.body, end, fa, 'B');
  const exact = new Map<string, string[]>();
  positions(t.exact, 0, exact, '');
  return { fa: literal(fa), exact: literal(exact), faTerms: [...fa.keys()], length: t.head.length + t.body.length + t.exact.length };
}
