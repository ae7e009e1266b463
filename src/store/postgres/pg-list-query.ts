/**
 * Turning a {@link ListQuery} into PostgreSQL: the same filters and validation as sqlite/list-query.ts.
 * The WHERE clause is assembled from constant fragments; every value is a bound parameter ($n).
 */
import type { Story } from '../../story/index.js';
import { checkListQuery, LIST_LIMITS } from '../list-query-check.js';
import type { ListQuery, StoredStory } from '../store.js';
import type { PgDb } from './pg-db.js';

/** Default and largest page of {@link ListQuery} (the same as SQLite's). */
export const PG_LIST_LIMITS = LIST_LIMITS;

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
  const q = checkListQuery(query);
  const clauses: string[] = [];
  const params: unknown[] = [];
  const bind = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  clauses.push(q.statuses.length === 1 ? `pub_status = ${bind(q.statuses[0])}` : `pub_status = ANY(${bind(q.statuses)}::text[])`);
  if (q.service !== undefined) clauses.push(`service = ${bind(q.service)}`);
  if (q.agency !== undefined) clauses.push(`agency = ${bind(q.agency)}`);
  if (q.tag !== undefined) clauses.push(`id IN (SELECT story_id FROM story_keywords WHERE keyword = ${bind(q.tag)})`);
  if (q.from !== undefined) clauses.push(`published_at >= ${bind(q.from)}`);
  if (q.to !== undefined) clauses.push(`published_at <= ${bind(q.to)}`);
  return { where: clauses.join(' AND '), params, limit: q.limit, offset: q.offset };
}
