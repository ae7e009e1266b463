/**
 * The audit log: who did what when. Entries are only ever appended; "newest first" is the order they
 * were appended (descending id), which is also what `before` pages by. The item methods, publishing
 * and lock breaking append their own entries in their transactions (see sqlite-newsroom.ts).
 */
import type Database from 'better-sqlite3';
import type { AuditEntry, NewsroomStore } from '../../newsroom-store.js';
import { checkDetail, checkId, checkInstant, checkInt, checkObject, checkText } from '../../newsroom-checks.js';
import type { NewsroomContext } from './context.js';
import type { NewsroomLookups } from './lookups.js';
import { toAudit, type AuditRow } from './rows.js';

/** Longest audit action name. */
export const MAX_AUDIT_ACTION = 100;
/** Longest audit detail, as JSON. */
export const MAX_AUDIT_DETAIL = 64_000;
/** Default and largest page of {@link NewsroomStore.listAudit}. */
export const AUDIT_PAGE = { default: 100, max: 1000 } as const;

/** Appends an entry inside the caller's transaction; returns its id. */
export type AuditAppender = (entry: { at: number; userId: number | undefined; action: string; itemId: number | undefined; detail?: Record<string, unknown> }) => number;

/** An appender on `db`, for the methods that audit what they do in their own transaction. */
export function createAuditAppender(db: Database.Database): AuditAppender {
  const insert = db.prepare<[number, number | null, string, number | null, string | null]>(
    'INSERT INTO audit_log (at, user_id, action, item_id, detail) VALUES (?, ?, ?, ?, ?)');
  return (e) => Number(insert.run(e.at, e.userId ?? null, e.action, e.itemId ?? null,
    e.detail === undefined ? null : JSON.stringify(e.detail)).lastInsertRowid);
}

type AuditMethods = Pick<NewsroomStore, 'appendAudit' | 'listAudit'>;

/** The audit methods over `ctx`. */
export function createAuditMethods(ctx: NewsroomContext, lookups: NewsroomLookups, append: AuditAppender): AuditMethods {
  const { db } = ctx;
  const byId = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE id = ?');
  // One statement per filter combination, prepared on first use; the SQL never contains values.
  const lists = new Map<string, { all(...params: number[]): AuditRow[] }>();
  function listStatement(item: boolean, user: boolean, before: boolean) {
    const key = `${+item}${+user}${+before}`;
    let stmt = lists.get(key);
    if (stmt === undefined) {
      const where = [item && 'item_id = ?', user && 'user_id = ?', before && 'id < ?'].filter(Boolean);
      stmt = db.prepare<number[], AuditRow>(
        `SELECT * FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`);
      lists.set(key, stmt);
    }
    return stmt;
  }

  return {
    appendAudit: (entry) => ctx.run('appendAudit', (): AuditEntry => {
      const e = checkObject(entry, 'entry', ['userId', 'action', 'itemId', 'detail', 'at']);
      const action = checkText(e['action'], 'entry.action', 1, MAX_AUDIT_ACTION);
      const userId = e['userId'] === undefined ? undefined : checkId(e['userId'], 'entry.userId');
      const itemId = e['itemId'] === undefined ? undefined : checkId(e['itemId'], 'entry.itemId');
      const detail = e['detail'] === undefined ? undefined
        : JSON.parse(checkDetail(e['detail'], 'entry.detail', MAX_AUDIT_DETAIL)) as Record<string, unknown>;
      const at = e['at'] === undefined ? ctx.now() : checkInstant(e['at'], 'entry.at');
      return ctx.immediate(() => {
        if (userId !== undefined) lookups.requireUser(userId);
        if (itemId !== undefined) lookups.requireItem(itemId);
        const id = append({ at, userId, action, itemId, detail });
        return toAudit(byId.get(id)!);
      });
    }),
    listAudit: (query = {}) => ctx.run('listAudit', () => {
      const q = checkObject(query, 'query', ['itemId', 'userId', 'limit', 'before']);
      const params: number[] = [];
      if (q['itemId'] !== undefined) params.push(checkId(q['itemId'], 'query.itemId'));
      if (q['userId'] !== undefined) params.push(checkId(q['userId'], 'query.userId'));
      if (q['before'] !== undefined) params.push(checkId(q['before'], 'query.before'));
      params.push(checkInt(q['limit'], 'query.limit', 1, AUDIT_PAGE.max, AUDIT_PAGE.default));
      return listStatement(q['itemId'] !== undefined, q['userId'] !== undefined, q['before'] !== undefined)
        .all(...params).map(toAudit);
    }),
  };
}
