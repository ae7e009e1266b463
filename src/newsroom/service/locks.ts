/**
 * Edit locks: one editor at a time. Whoever may save an item may take its lock; a lock held by another
 * user is shown with its holder (the second editor sees who is editing) and not taken; a chief breaks it
 * (the store audits `lock.break`). A lock untouched for `lockSeconds` is stale: it no longer blocks
 * saves and the next taker replaces it.
 */
import { KhabarError } from '../../errors/index.js';
import type { User } from '../../store/index.js';
import { authorize } from '../policy/permissions.js';
import { requireActor, type ServiceContext } from './context.js';
import type { ItemActions, ItemView } from './items.js';

/** What taking a lock gives: whether it was taken, and the item with its holder. */
export interface LockResult {
  acquired: boolean;
  item: ItemView;
}

/** The lock actions. */
export interface LockActions {
  lock(actor: User | undefined, id: number): Promise<LockResult>;
  /** Releases the actor's own lock (no-op when they do not hold it). */
  unlock(actor: User | undefined, id: number): Promise<ItemView>;
  /** Takes the lock from whoever holds it (chief). */
  breakLock(actor: User | undefined, id: number): Promise<ItemView>;
}

/** The lock actions over `ctx`. */
export function lockActions(ctx: ServiceContext, items: ItemActions): LockActions {
  const { nr } = ctx;
  return {
    async lock(actor, id) {
      requireActor(actor, 'lock items');
      const { item, desk } = await ctx.itemAndDesk(id);
      authorize(actor, 'lock.take', { item, desk });
      if (item.state === 'killed') throw new KhabarError('CONFLICT', `item ${id} is killed: there is nothing to edit`, { itemId: id });
      // A stale lock is replaced (force), which the store records as a lock.break by the taker.
      const stale = item.lock !== undefined && item.lock.userId !== actor.id && !ctx.lockedByOther(item, actor);
      const r = await nr.acquireLock(id, actor.id, { now: ctx.nowIso(), ...(stale ? { force: true } : {}) });
      return { acquired: r.acquired, item: await items.view(actor, (await nr.getItem(id))!) };
    },

    async unlock(actor, id) {
      requireActor(actor, 'unlock items');
      const { item, desk } = await ctx.itemAndDesk(id);
      authorize(actor, 'item.read', { item, desk });
      await nr.releaseLock(id, actor.id);
      return items.view(actor, (await nr.getItem(id))!);
    },

    async breakLock(actor, id) {
      requireActor(actor, 'break edit locks');
      const { item, desk } = await ctx.itemAndDesk(id);
      authorize(actor, 'lock.break', { item, desk });
      await nr.acquireLock(id, actor.id, { force: true, now: ctx.nowIso() });
      return items.view(actor, (await nr.getItem(id))!);
    },
  };
}
