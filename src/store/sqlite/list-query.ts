/**
 * Turning a {@link ListQuery} into SQL. The WHERE clause is assembled from constant fragments, one per
 * filter given; every value is a bound parameter. The few distinct SQL texts this yields are prepared
 * once per connection and cached.
 */
import type Database from 'better-sqlite3';
import { KhabarError } from '../../errors/index.js';
import { PUB_STATUSES } from '../../story/index.js';
import type { ListQuery, StoredStory } from '../store.js';
import { toStoredStory } from './rows.js';

/** Default and largest page of {@link ListQuery}. */
export const LIST_LIMITS = { default: 20, max: 1000 } as const;

/** Runs list queries on one connection; create with {@link createStoryLister}. */
export interface StoryLister {
  /** See Store.listStories. @throws KhabarError INVALID_INPUT naming the bad field. */
  list(query: ListQuery): { items: StoredStory[]; total: number };
}

/** A prepared-statement cache keyed by SQL text, for `db`. */
export function createStoryLister(db: Database.Database): StoryLister {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let stmt = cache.get(sql);
    if (stmt === undefined) cache.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
  return {
    list(query) {
      const { where, params, limit, offset } = buildWhere(query);
      const total = prepare(`SELECT COUNT(*) FROM stories WHERE ${where}`).pluck().get(params) as number;
      if (total <= offset) return { items: [], total };
      const rows = prepare(
        `SELECT id, story FROM stories WHERE ${where} ORDER BY published_at DESC, id DESC LIMIT @limit OFFSET @offset`,
      ).all({ ...params, limit, offset }) as Array<{ id: number; story: string }>;
      return { items: rows.map(toStoredStory), total };
    },
  };
}

/** The WHERE clause (constant text) and its named parameters. */
function buildWhere(query: ListQuery): { where: string; params: Record<string, unknown>; limit: number; offset: number } {
  if (query === null || typeof query !== 'object') {
    throw new KhabarError('INVALID_INPUT', 'list query must be an object', { field: 'query' });
  }
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const statuses = query.pubStatus ?? ['usable'];
  if (!Array.isArray(statuses) || statuses.length === 0 || !statuses.every((s) => PUB_STATUSES.includes(s))) {
    throw new KhabarError('INVALID_INPUT',
      `query.pubStatus must be a non-empty array of ${PUB_STATUSES.join(', ')}`, { field: 'query.pubStatus' });
  }
  const distinct = [...new Set(statuses)];
  if (distinct.length === 1) {
    // One status (the usual case): `=` lets the (pub_status, published_at, id) index give the order.
    clauses.push('pub_status = @status');
    params['status'] = distinct[0];
  } else {
    // A JSON array parameter keeps the SQL text the same whatever the number of statuses.
    clauses.push('pub_status IN (SELECT value FROM json_each(@statuses))');
    params['statuses'] = JSON.stringify(distinct);
  }
  for (const field of ['service', 'agency', 'tag'] as const) {
    const v = query[field];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new KhabarError('INVALID_INPUT', `query.${field} must be a string`, { field: `query.${field}` });
    params[field] = v;
  }
  if (params['service'] !== undefined) clauses.push('service = @service');
  if (params['agency'] !== undefined) clauses.push('agency = @agency');
  if (params['tag'] !== undefined) clauses.push('id IN (SELECT story_id FROM story_keywords WHERE keyword = @tag)');
  if (query.from !== undefined) {
    params['from'] = instant(query.from, 'query.from');
    clauses.push('published_at >= @from');
  }
  if (query.to !== undefined) {
    params['to'] = instant(query.to, 'query.to');
    clauses.push('published_at <= @to');
  }
  const limit = query.limit ?? LIST_LIMITS.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMITS.max) {
    throw new KhabarError('INVALID_INPUT', `query.limit must be an integer from 1 to ${LIST_LIMITS.max}, got ${String(limit)}`,
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
