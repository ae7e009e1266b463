/**
 * Edit locks: one holder per item, kept on the item row. A lock is data, not a timeout: it stays until
 * its holder releases it or someone forces it; the newsroom layer decides when a lock is stale (from its
 * `at`) and who may force. Taking a lock one already holds refreshes its `at`. Forcing another holder's
 * lock appends a `lock.break` audit entry (with the previous holder) in the same transaction. Locks do not
 * change the item's `updatedAt` or revision: they are not edits.
 */
import type { EditLock, NewsroomStore } from '../../newsroom-store.js';
import type { AuditAppender } from './audit.js';
import { checkBoolean, checkId, checkInstant, checkObject, iso } from '../../newsroom-checks.js';
import type { NewsroomContext } from './context.js';
import type { NewsroomLookups } from './lookups.js';

type LockMethods = Pick<NewsroomStore, 'acquireLock' | 'releaseLock'>;

/** The lock methods over `ctx`. */
export function createLockMethods(ctx: NewsroomContext, lookups: NewsroomLookups, audit: AuditAppender): LockMethods {
  const { db } = ctx;
  const take = db.prepare<[number, number, number]>('UPDATE items SET lock_user = ?, lock_at = ? WHERE id = ?');
  const release = db.prepare<[number, number]>('UPDATE items SET lock_user = NULL, lock_at = NULL WHERE id = ? AND lock_user = ?');

  return {
    acquireLock: (itemId, userId, options = {}) => ctx.run('acquireLock', () => {
      checkId(itemId, 'itemId');
      checkId(userId, 'userId');
      const o = checkObject(options, 'options', ['force', 'now']);
      const force = o['force'] === undefined ? false : checkBoolean(o['force'], 'options.force');
      const at = o['now'] === undefined ? ctx.now() : checkInstant(o['now'], 'options.now');
      return ctx.immediate((): { acquired: boolean; lock: EditLock } => {
        const row = lookups.requireItem(itemId);
        lookups.requireUser(userId);
        const holder = row.lock_user;
        if (holder !== null && holder !== userId) {
          if (!force) return { acquired: false, lock: { userId: holder, at: iso(row.lock_at!) } };
          audit({ at, userId, action: 'lock.break', itemId, detail: { from: holder, heldSince: iso(row.lock_at!) } });
        }
        take.run(userId, at, itemId);
        return { acquired: true, lock: { userId, at: iso(at) } };
      });
    }),
    releaseLock: (itemId, userId) => ctx.run('releaseLock', () => {
      checkId(itemId, 'itemId');
      checkId(userId, 'userId');
      ctx.immediate(() => {
        lookups.requireItem(itemId);
        release.run(itemId, userId);
      });
    }),
  };
}
