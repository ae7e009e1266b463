/**
 * Turning a {@link ListQuery} into PostgreSQL: the same filters and validation as sqlite/list-query.ts.
 * The WHERE clause is assembled from constant fragments; every value is a bound parameter ($n).
 */
import { KhabarError } from '../../errors/index.js';
import { PUB_STATUSES, type Story } from '../../story/index.js';
import type { ListQuery, StoredStory } from '../store.js';
import type { PgDb } from './pg-db.js';

/** Default and largest page of {@link ListQuery}. */
export const PG_LIST_LIMITS = { default: 20, max: 1000 } as const;

/** See Store.listStories. @throws KhabarError INVALID_INPUT naming the bad field. */
export async function listStoriesPg(db: PgDb, query: ListQuery): Promise<{ items: StoredStory[]; total: number }> {
  const { where, params, limit, offset } = buildWhere(query);
  const [count] = await db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM stories WHERE ${where}`, params);
  const total = count!.n;
  if (total <= offset) return { items: [], total };
  const rows = await db.query<{ id: string; story: string }>(
    `SELECT id, story FROM stories WHERE ${where} ORDER BY published_at DESC, id DESC
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, limit, offset]);
  return { items: rows.map(toStored), total };
}

/** A row as a {@link StoredStory} (ids arrive as strings: BIGINT). */
export function toStored(row: { id: string | number; story: string }): StoredStory {
  return { id: Number(row.id), story: JSON.parse(row.story) as Story };
}

/** The WHERE clause (constant text) and its positional parameters. */
function buildWhere(query: ListQuery): { where: string; params: unknown[]; limit: number; offset: number } {
  if (query === null || typeof query !== 'object') {
    throw new KhabarError('INVALID_INPUT', 'list query must be an object', { field: 'query' });
  }
  const clauses: string[] = [];
  const params: unknown[] = [];
  const bind = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const statuses = query.pubStatus ?? ['usable'];
  if (!Array.isArray(statuses) || statuses.length === 0 || !statuses.every((s) => PUB_STATUSES.includes(s))) {
    throw new KhabarError('INVALID_INPUT',
      `query.pubStatus must be a non-empty array of ${PUB_STATUSES.join(', ')}`, { field: 'query.pubStatus' });
  }
  const distinct = [...new Set(statuses)];
  clauses.push(distinct.length === 1 ? `pub_status = ${bind(distinct[0])}` : `pub_status = ANY(${bind(distinct)}::text[])`);
  for (const field of ['service', 'agency', 'tag'] as const) {
    const v = query[field];
    if (v !== undefined && typeof v !== 'string') {
      throw new KhabarError('INVALID_INPUT', `query.${field} must be a string`, { field: `query.${field}` });
    }
  }
  if (query.service !== undefined) clauses.push(`service = ${bind(query.service)}`);
  if (query.agency !== undefined) clauses.push(`agency = ${bind(query.agency)}`);
  if (query.tag !== undefined) clauses.push(`id IN (SELECT story_id FROM story_keywords WHERE keyword = ${bind(query.tag)})`);
  if (query.from !== undefined) clauses.push(`published_at >= ${bind(instant(query.from, 'query.from'))}`);
  if (query.to !== undefined) clauses.push(`published_at <= ${bind(instant(query.to, 'query.to'))}`);
  const limit = query.limit ?? PG_LIST_LIMITS.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > PG_LIST_LIMITS.max) {
    throw new KhabarError('INVALID_INPUT', `query.limit must be an integer from 1 to ${PG_LIST_LIMITS.max}, got ${String(limit)}`,
      { field: 'query.limit' });
  }
  const offset = query.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new KhabarError('INVALID_INPUT', `query.offset must be a non-negative integer, got ${String(offset)}`,
      { field: 'query.offset' });
  }
  return { where: clauses.join(' AND '), params, limit, offset };
}

/** An ISO 8601 instant as ms since the epoch. */
function instant(value: unknown, field: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new KhabarError('INVALID_INPUT', `${field} must be an ISO 8601 instant, got ${JSON.stringify(value)}`, { field });
  }
  return ms;
}
