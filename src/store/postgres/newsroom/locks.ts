/**
 * Edit locks on PostgreSQL (as sqlite/newsroom/locks.ts): one holder per item, kept on the item's row,
 * which is locked (`FOR UPDATE`) while the holder is decided, so two servers cannot both take a free lock.
 * Taking a lock one holds refreshes its `at`; forcing another holder's appends `lock.break` (with the
 * previous holder) in the same transaction. Locks change neither `updatedAt` nor the revision.
 */
import type { EditLock, NewsroomStore } from '../../newsroom-store.js';
import { checkBoolean, checkId, checkInstant, checkObject, notFound } from '../../newsroom-checks.js';
import { appendAuditTx } from './audit.js';
import type { PgNewsroomContext } from './context.js';
import { lockItem, requireUser } from './lookups.js';
import { at, isoOf, num } from './rows.js';

type LockMethods = Pick<NewsroomStore, 'acquireLock' | 'releaseLock'>;

/** The lock methods over `ctx`. */
export function createLockMethods(ctx: PgNewsroomContext): LockMethods {
  return {
    acquireLock: (itemId, userId, options = {}) => ctx.run('acquireLock', async () => {
      checkId(itemId, 'itemId');
      checkId(userId, 'userId');
      const o = checkObject(options, 'options', ['force', 'now']);
      const force = o['force'] === undefined ? false : checkBoolean(o['force'], 'options.force');
      const given = o['now'] === undefined ? undefined : checkInstant(o['now'], 'options.now');
      return ctx.tx(async (c): Promise<{ acquired: boolean; lock: EditLock }> => {
        const row = await lockItem(c, itemId);
        await requireUser(c, userId);
        const when = given ?? await ctx.now(c);
        const holder = row.lock_user === null ? null : num(row.lock_user);
        if (holder !== null && holder !== userId) {
          if (!force) return { acquired: false, lock: { userId: holder, at: isoOf(row.lock_at!) } };
          await appendAuditTx(c, { at: when, userId, action: 'lock.break', itemId, detail: { from: holder, heldSince: isoOf(row.lock_at!) } });
        }
        await c.query('UPDATE items SET lock_user = $1, lock_at = $2 WHERE id = $3', [userId, at(when), itemId]);
        return { acquired: true, lock: { userId, at: at(when) } };
      });
    }),
    releaseLock: (itemId, userId) => ctx.run('releaseLock', async () => {
      checkId(itemId, 'itemId');
      checkId(userId, 'userId');
      // One statement; an unknown item is told apart from a lock held by someone else afterwards.
      const released = await ctx.rows<{ id: string }>(
        `UPDATE items SET lock_user = NULL, lock_at = NULL WHERE id = $1 AND lock_user = $2 RETURNING id`, [itemId, userId]);
      if (released.length === 0) {
        const exists = await ctx.rows('SELECT 1 FROM items WHERE id = $1', [itemId]);
        if (exists.length === 0) throw notFound('item', itemId);
      }
    }),
  };
}

