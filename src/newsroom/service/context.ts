/**
 * What every part of the newsroom service shares: the store, the clock, the write hook and the
 * lookups each action starts with (the acting user, the item and its desk). Kept apart from the actions
 * so that each action file stays one concept.
 */
import { KhabarError } from '../../errors/index.js';
import type { AuditEntry, Desk, NewsroomItem, NewsroomStore, Store, User } from '../../store/index.js';
import type { ScryptParams } from '../security/password.js';

/** Options of {@link createNewsroom}. */
export interface NewsroomOptions {
  /** The store (the newsroom's tables are `store.newsroom`; publishing reads the archive through it). */
  store: Store;
  /** The clock (tests move it). Default: `() => new Date()`. */
  now?: () => Date;
  /**
   * Called after every write that may change the wire (publish, correct, kill, the scheduler): the
   * server passes the live-wire hub's `poke`, so subscribers hear at once instead of at the next poll.
   * Its failure is not the action's failure (the write is durable): it is swallowed.
   */
  onWrite?: () => Promise<void> | void;
  /** The agency stories are filed under («خبرگزاری آران»). Default: «خبرگزاری آران». */
  agency?: string;
  /** The end-of-message marker new stories carry. Default: «پایان پیام.». */
  endMarker?: string;
  /** How long a session lasts, in seconds. Default: 12 hours (one newsroom shift and then some). */
  sessionSeconds?: number;
  /**
   * After how many seconds an untouched edit lock stops blocking others (a reporter who closed the
   * laptop). Default: 30 minutes. Taking or saving refreshes the lock.
   */
  lockSeconds?: number;
  /** scrypt cost of new password hashes (tests lower it; verification reads the cost from the hash). */
  scrypt?: ScryptParams;
}

/** The resolved options and helpers the action files use. */
export interface ServiceContext {
  store: Store;
  nr: NewsroomStore;
  now(): Date;
  nowIso(): string;
  agency: string;
  endMarker: string;
  sessionSeconds: number;
  lockSeconds: number;
  scrypt: ScryptParams | undefined;
  /** Tells the wire a write happened (never throws). */
  wrote(): Promise<void>;
  audit(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void>;
  /** The item, or NOT_FOUND. */
  item(id: number): Promise<NewsroomItem>;
  /** The desk, or NOT_FOUND. */
  desk(id: number): Promise<Desk>;
  /** The item and its desk. */
  itemAndDesk(id: number): Promise<{ item: NewsroomItem; desk: Desk }>;
  /** True while `item`'s lock is held by another user and has not gone stale. */
  lockedByOther(item: NewsroomItem, user: User): boolean;
}

/** The default agency when none is configured (the seed's). */
export const DEFAULT_NEWSROOM_AGENCY = 'خبرگزاری آران';

/** Builds the shared context. */
export function createContext(options: NewsroomOptions): ServiceContext {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const onWrite = options.onWrite;
  const lockSeconds = options.lockSeconds ?? 30 * 60;
  const ctx: ServiceContext = {
    store,
    nr: store.newsroom,
    now,
    nowIso: () => now().toISOString(),
    agency: options.agency ?? DEFAULT_NEWSROOM_AGENCY,
    endMarker: options.endMarker ?? 'پایان پیام.',
    sessionSeconds: options.sessionSeconds ?? 12 * 3600,
    lockSeconds,
    scrypt: options.scrypt,
    async wrote() {
      try {
        await onWrite?.();
      } catch {
        // The write is durable; the hub's own polling will notice it within its interval.
      }
    },
    async audit(entry) {
      await store.newsroom.appendAudit({ ...entry, at: now().toISOString() });
    },
    async item(id) {
      checkId(id, 'item id');
      const item = await store.newsroom.getItem(id);
      if (!item) throw new KhabarError('NOT_FOUND', `no newsroom item ${id}`, { itemId: id });
      return item;
    },
    async desk(id) {
      checkId(id, 'desk id');
      const desk = await store.newsroom.getDesk(id);
      if (!desk) throw new KhabarError('NOT_FOUND', `no desk ${id}`, { deskId: id });
      return desk;
    },
    async itemAndDesk(id) {
      const item = await ctx.item(id);
      return { item, desk: await ctx.desk(item.deskId) };
    },
    lockedByOther(item, user) {
      const lock = item.lock;
      if (!lock || lock.userId === user.id) return false;
      return Date.parse(lock.at) + lockSeconds * 1000 > now().getTime();
    },
  };
  return ctx;
}

/** Refuses a missing actor (no session) with UNAUTHENTICATED, a disabled one too. */
export function requireActor(actor: User | undefined, what: string): asserts actor is User {
  if (!actor) throw new KhabarError('UNAUTHENTICATED', `log in to ${what}`);
  if (actor.disabled) throw new KhabarError('UNAUTHENTICATED', `user «${actor.username}» is disabled`, { userId: actor.id });
}

/** Refuses an id that is not a positive safe integer. */
export function checkId(id: unknown, what: string): asserts id is number {
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    throw new KhabarError('INVALID_INPUT', `${what} must be a positive whole number, got ${JSON.stringify(id)}`, { field: what });
  }
}
