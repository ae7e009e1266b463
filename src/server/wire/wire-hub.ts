/**
 * The live wire's hub: knows the newest wire sequence number and wakes the subscribers waiting for it.
 * Writers in this process call {@link WireHub.poke} after a write; writes by other processes (an import,
 * a second server on the same file) are noticed by polling `lastWireSeq` every `pollMs`. Recent events
 * are kept in memory so that a hundred subscribers catching up read the store once, not a hundred times.
 *
 * Many app servers (issue #7): given a {@link WireNotifier} (on PostgreSQL, store/postgres/pg-notify.ts:
 * `LISTEN khabar_wire` on a dedicated connection, notified by the transaction that writes a wire event,
 * delivered at its commit) the hub checks the store as soon as another process commits news instead of at
 * the next poll. The poll stays as the fallback: notifications sent while the listening connection is
 * down are lost, and the notifier signals once more after it reconnects. The notifier is passed in rather
 * than found on the Store so that the Store interface stays as it is and the hub stays store-agnostic;
 * whoever opens the store (serve) opens the notifier beside it and closes it after the hub.
 *
 * Checks never overlap, and a check asked for while one runs (a poke, a notification) runs again after
 * it, so news committed after the running check read `lastWireSeq` is not left for the next poll.
 */
import type { Store, WireEvent } from '../../store/index.js';

/** How many recent events the hub keeps in memory. */
const RECENT = 2000;

export interface WireHub {
  /** The newest sequence number known. */
  readonly lastSeq: number;
  /** Events after `after`, oldest first, at most `limit` (from memory when they are recent). */
  eventsAfter(after: number, limit: number): Promise<WireEvent[]>;
  /** Resolves when an event newer than `after` exists, or after `timeoutMs` (false then). */
  waitForNews(after: number, timeoutMs: number): Promise<boolean>;
  /** Tells the hub that this process wrote: check the store now. */
  poke(): Promise<void>;
  /** Subscribers currently waiting. */
  readonly waiting: number;
  /** True after {@link WireHub.close}: streams end. */
  readonly closed: boolean;
  close(): void;
}

/** A source of "the wire may have news" signals from other processes (e.g. PostgreSQL LISTEN/NOTIFY). */
export interface WireNotifier {
  /** Calls `listener` whenever there may be news; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export interface WireHubOptions {
  /** Wakes the hub on other processes' writes; the poll remains the fallback. */
  notifier?: WireNotifier;
}

export async function createWireHub(store: Store, pollMs = 250, options: WireHubOptions = {}): Promise<WireHub> {
  let lastSeq = await store.lastWireSeq();
  let recent: WireEvent[] = []; // contiguous, ascending, ending at lastSeq when non-empty
  const waiters = new Set<{ after: number; wake: (news: boolean) => void }>();
  let checking: Promise<void> | undefined;
  let again: Promise<void> | undefined;
  let closed = false;

  /** Checks the store; if a check is running, one more right after it (shared by every caller meanwhile). */
  function check(): Promise<void> {
    if (checking === undefined) return checkNow();
    again ??= checking.then(() => {
      again = undefined;
      return check();
    });
    return again;
  }

  function checkNow(): Promise<void> {
    checking = (async () => {
      try {
        const seq = await store.lastWireSeq();
        if (seq <= lastSeq) return;
        // Extend the in-memory tail so that waiters read it from here.
        const from = recent.length > 0 ? recent[recent.length - 1]!.seq : lastSeq;
        let fresh: WireEvent[] = [];
        for (let after = from; after < seq;) {
          const page = await store.wireEvents(after, 1000);
          if (page.length === 0) break;
          fresh = fresh.concat(page);
          after = page[page.length - 1]!.seq;
          if (fresh.length > RECENT) fresh = fresh.slice(-RECENT);
        }
        recent = recent.concat(fresh).slice(-RECENT);
        lastSeq = Math.max(seq, recent.length > 0 ? recent[recent.length - 1]!.seq : seq);
        for (const w of [...waiters]) {
          if (lastSeq > w.after) {
            waiters.delete(w);
            w.wake(true);
          }
        }
      } catch {
        // The store is closing or failed for a moment: the next poll tries again.
      } finally {
        checking = undefined;
      }
    })();
    return checking;
  }

  const timer = setInterval(() => void check(), pollMs);
  timer.unref();
  const unsubscribe = options.notifier?.subscribe(() => {
    if (!closed) void check();
  });

  return {
    get lastSeq() {
      return lastSeq;
    },
    get waiting() {
      return waiters.size;
    },
    get closed() {
      return closed;
    },
    async eventsAfter(after, limit) {
      const first = recent[0];
      if (first !== undefined && after >= first.seq - 1 && after <= lastSeq) {
        // Sequence numbers may have gaps (a rolled-back transaction); find the first newer event.
        let lo = 0;
        let hi = recent.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (recent[mid]!.seq <= after) lo = mid + 1;
          else hi = mid;
        }
        return recent.slice(lo, lo + limit);
      }
      return store.wireEvents(after, Math.min(limit, 1000));
    },
    waitForNews(after, timeoutMs) {
      if (lastSeq > after) return Promise.resolve(true);
      if (closed) return Promise.resolve(false);
      return new Promise((resolve) => {
        const w = {
          after,
          wake: (news: boolean) => {
            clearTimeout(t);
            resolve(news);
          },
        };
        const t = setTimeout(() => {
          waiters.delete(w);
          resolve(false);
        }, timeoutMs);
        waiters.add(w);
      });
    },
    poke: check,
    close() {
      closed = true;
      clearInterval(timer);
      unsubscribe?.();
      for (const w of waiters) w.wake(false);
      waiters.clear();
    },
  };
}
