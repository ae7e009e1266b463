/**
 * Turning a {@link ListQuery} into SQL. The WHERE clause is assembled from constant fragments, one per
 * filter given; every value is a bound parameter. The few distinct SQL texts this yields are prepared
 * once per connection and cached.
 */
import type Database from 'better-sqlite3';
import { checkListQuery } from '../list-query-check.js';
import type { ListQuery, StoredStory } from '../store.js';
import { toStoredStory } from './rows.js';

export { LIST_LIMITS } from '../list-query-check.js';

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
  const q = checkListQuery(query);
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.statuses.length === 1) {
    // One status (the usual case): `=` lets the (pub_status, published_at, id) index give the order.
    clauses.push('pub_status = @status');
    params['status'] = q.statuses[0];
  } else {
    // A JSON array parameter keeps the SQL text the same whatever the number of statuses.
    clauses.push('pub_status IN (SELECT value FROM json_each(@statuses))');
    params['statuses'] = JSON.stringify(q.statuses);
  }
  if (q.service !== undefined) {
    clauses.push('service = @service');
    params['service'] = q.service;
  }
  if (q.agency !== undefined) {
    clauses.push('agency = @agency');
    params['agency'] = q.agency;
  }
  if (q.tag !== undefined) {
    clauses.push('id IN (SELECT story_id FROM story_keywords WHERE keyword = @tag)');
    params['tag'] = q.tag;
  }
  if (q.from !== undefined) {
    clauses.push('published_at >= @from');
    params['from'] = q.from;
  }
  if (q.to !== undefined) {
    clauses.push('published_at <= @to');
    params['to'] = q.to;
  }
  return { where: clauses.join(' AND '), params, limit: q.limit, offset: q.offset };
}
