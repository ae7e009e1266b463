/**
 * The audit log on PostgreSQL: entries are only appended; "newest first" is descending id (an identity:
 * ids are handed out in insert order, though with several writers an entry may commit after a later id —
 * `before` paging still never skips or repeats a committed entry, it may only miss one still in flight).
 * The item methods, publishing and lock breaking append their own entries in their transactions with
 * {@link appendAuditTx}.
 */
import type { AuditEntry, NewsroomStore } from '../../newsroom-store.js';
import { AUDIT_PAGE, MAX_AUDIT_ACTION, MAX_AUDIT_DETAIL } from '../../sqlite/newsroom/audit.js';
import { checkDetail, checkId, checkInstant, checkInt, checkObject, checkText } from '../../newsroom-checks.js';
import type { PgNewsroomContext, Sql } from './context.js';
import { requireItem, requireUser } from './lookups.js';
import { at, toAudit, type AuditRow } from './rows.js';

/** Appends an entry inside the caller's transaction; returns its row. */
export async function appendAuditTx(sql: Sql, e: {
  at: number; userId: number | undefined; action: string; itemId: number | undefined; detail?: Record<string, unknown>;
}): Promise<AuditRow> {
  return (await sql.query<AuditRow>('INSERT INTO audit_log (at, user_id, action, item_id, detail) VALUES ($1, $2, $3, $4, $5) RETURNING *',
    [at(e.at), e.userId ?? null, e.action, e.itemId ?? null, e.detail === undefined ? null : JSON.stringify(e.detail)])).rows[0]!;
}

type AuditMethods = Pick<NewsroomStore, 'appendAudit' | 'listAudit'>;

/** The audit methods over `ctx`. */
export function createAuditMethods(ctx: PgNewsroomContext): AuditMethods {
  return {
    appendAudit: (entry) => ctx.run('appendAudit', async (): Promise<AuditEntry> => {
      const e = checkObject(entry, 'entry', ['userId', 'action', 'itemId', 'detail', 'at']);
      const action = checkText(e['action'], 'entry.action', 1, MAX_AUDIT_ACTION);
      const userId = e['userId'] === undefined ? undefined : checkId(e['userId'], 'entry.userId');
      const itemId = e['itemId'] === undefined ? undefined : checkId(e['itemId'], 'entry.itemId');
      const detail = e['detail'] === undefined ? undefined
        : JSON.parse(checkDetail(e['detail'], 'entry.detail', MAX_AUDIT_DETAIL)) as Record<string, unknown>;
      const given = e['at'] === undefined ? undefined : checkInstant(e['at'], 'entry.at');
      return ctx.tx(async (c) => {
        if (userId !== undefined) await requireUser(c, userId);
        if (itemId !== undefined) await requireItem(c, itemId);
        return toAudit(await appendAuditTx(c, { at: given ?? await ctx.now(c), userId, action, itemId, detail }));
      });
    }),
    listAudit: (query = {}) => ctx.run('listAudit', async () => {
      const q = checkObject(query, 'query', ['itemId', 'userId', 'limit', 'before']);
      const where: string[] = [];
      const params: number[] = [];
      const add = (column: string, op: string, value: number) => {
        params.push(value);
        where.push(`${column} ${op} $${params.length}`);
      };
      if (q['itemId'] !== undefined) add('item_id', '=', checkId(q['itemId'], 'query.itemId'));
      if (q['userId'] !== undefined) add('user_id', '=', checkId(q['userId'], 'query.userId'));
      if (q['before'] !== undefined) add('id', '<', checkId(q['before'], 'query.before'));
      params.push(checkInt(q['limit'], 'query.limit', 1, AUDIT_PAGE.max, AUDIT_PAGE.default));
      const rows = await ctx.rows<AuditRow>(
        `SELECT * FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`, params);
      return rows.map(toAudit);
    }),
  };
}
