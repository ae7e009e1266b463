/**
 * Cross-process news of the live wire on PostgreSQL: a dedicated connection (not from the pool) that runs
 * `LISTEN khabar_wire`. The story writer (pg-story-writer.ts) sends `pg_notify('khabar_wire', <seq>)` in
 * the transaction that inserts a wire event; PostgreSQL delivers a notification only when that
 * transaction commits (docs/15/sql-notify.html), so a listener that wakes and reads `seq > n` finds the
 * event. The payload is informational: listeners treat a notification as "check the store now".
 *
 * Notes:
 * - The channel is per database, not per schema: two khabar schemas in one database wake each other's
 *   hubs, which then find nothing new (one cheap `MAX(seq)` query each). Harmless; tests share a database.
 * - A lost connection loses the notifications sent meanwhile. The notifier reconnects with backoff
 *   (250 ms doubling to 10 s) and, once listening again, calls every listener once, so that anything
 *   committed during the gap is picked up; the hub's poll covers the gap itself.
 */
import pg from 'pg';
import { DEFAULT_CONNECT_TIMEOUT_MS } from './pg-db.js';

/** The channel the story writer notifies and the hubs listen on. */
export const WIRE_CHANNEL = 'khabar_wire';

/** The listening connection's application_name (pg_stat_activity shows it). */
export const LISTENER_NAME = 'khabar-wire-listener';

/** A source of "the wire may have news" signals (structurally the live-wire hub's WireNotifier). */
export interface PgWireNotifier {
  /** Calls `listener` on every notification and after every reconnect; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Resolves true once LISTEN is in effect, false if the notifier was closed first. */
  ready(): Promise<boolean>;
  /** True while LISTEN is in effect on a live connection. */
  readonly listening: boolean;
  /** Ends the connection and stops reconnecting. */
  close(): Promise<void>;
}

export interface PgWireNotifierOptions {
  /** Errors worth a log line (the connection lost, a reconnect failing). */
  log?: (line: string) => void;
  /** First reconnect delay, doubling up to `maxRetryMs`. Default 250. */
  retryMs?: number;
  maxRetryMs?: number;
  /** How long one connect may take before it counts as failed (and is retried). Default as the store's pool. */
  connectTimeoutMs?: number;
}

/** Starts listening on `url` (the same connection string as the store's); returns at once. */
export function createPgWireNotifier(url: string, options: PgWireNotifierOptions = {}): PgWireNotifier {
  const log = options.log ?? (() => undefined);
  const retryMs = options.retryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 10_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const listeners = new Set<() => void>();
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let readyWaiters: Array<(ok: boolean) => void> = [];

  const emit = (): void => {
    for (const l of [...listeners]) {
      try {
        l();
      } catch {
        // a listener's failure is its own
      }
    }
  };

  function lost(c: pg.Client, why: string): void {
    if (client !== c) return;
    client = undefined;
    listening = false;
    c.removeAllListeners('notification');
    c.end().catch(() => undefined);
    if (closed) return;
    if (failures === 0) log(`wire notifications: ${why}; polling until LISTEN is back`);
    schedule();
  }

  function schedule(): void {
    const delay = Math.min(maxRetryMs, retryMs * 2 ** Math.min(failures, 16));
    failures++;
    timer = setTimeout(() => void connect(), delay);
    timer.unref();
  }

  async function connect(): Promise<void> {
    if (closed) return;
    // Bounded like the pool's connects (pg-db.ts): unbounded, a connect to a server that accepts and never
    // answers (frozen, or a dead proxy in front of a server that failed over) waits as long as that lasts,
    // perhaps forever, and the reconnect loop with it: the hub would only poll, never listen again.
    const c = new pg.Client({ connectionString: url, application_name: LISTENER_NAME, connectionTimeoutMillis: connectTimeoutMs });
    client = c;
    c.on('error', (e) => lost(c, `connection error: ${e.message}`));
    c.on('end', () => lost(c, 'connection ended'));
    c.on('notification', (n) => {
      if (n.channel === WIRE_CHANNEL) emit();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${WIRE_CHANNEL}`);
    } catch (e) {
      lost(c, `cannot LISTEN: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (client !== c) return;
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    if (failures > 0) log('wire notifications: listening again');
    failures = 0;
    listening = true;
    for (const w of readyWaiters.splice(0)) w(true);
    emit(); // anything committed while not listening
  }

  void connect();

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    ready() {
      if (listening) return Promise.resolve(true);
      if (closed) return Promise.resolve(false);
      return new Promise((resolve) => readyWaiters.push(resolve));
    },
    get listening() {
      return listening;
    },
    async close() {
      closed = true;
      listening = false;
      clearTimeout(timer);
      for (const w of readyWaiters.splice(0)) w(false);
      readyWaiters = [];
      listeners.clear();
      const c = client;
      client = undefined;
      if (c !== undefined) {
        c.removeAllListeners('notification');
        await c.end().catch(() => undefined);
      }
    },
  };
}
