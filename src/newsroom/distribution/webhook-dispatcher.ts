/**
 * Webhook delivery from the outbox. The outbox is the store's wire log: every published, corrected or
 * killed version is written there in the transaction that publishes it (store/newsroom-store.ts), so a
 * crash can neither lose a publication nor announce one that did not happen. Each subscriber has a
 * cursor — the last sequence number it acknowledged with a 2xx — and gets the events after it, one at a
 * time, in order. A failure (non-2xx, timeout, refused connection) leaves the cursor where it was and
 * backs off exponentially; a subscriber that was down gets everything it missed, in order, when it
 * returns. The cursor moves only after the 2xx, so delivery is at least once: the `X-Khabar-Seq` header
 * (the wire sequence) lets a receiver drop the one repeat a crash between its 2xx and our cursor write
 * could cause.
 *
 * Body: JSON `{ seq, kind, id, at, correction, ninjs }` (the same as the live wire's event data).
 * Many app servers (issue #7): when the store offers `claimWebhook` (PostgreSQL: the webhook's row locked
 * `FOR UPDATE SKIP LOCKED` for one transaction), each pass claims a subscriber before delivering to it and
 * reads the cursor from the claimed row, not from the list read before; a subscriber another server is
 * delivering to right now is skipped. The cursor moves inside the claim, so a second server claims only
 * after the first committed its cursor, and starts after it: each event once across the cluster (a
 * server dying between a 2xx and its commit is the one repeat, as above).
 *
 * Signature: `X-Khabar-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>` and
 * `X-Khabar-Timestamp` (seconds), so a receiver can refuse replays of old deliveries.
 */
import { createHmac } from 'node:crypto';
import type { DeliveryOutcome, NewsroomStore, Store, Webhook, WireEvent } from '../../store/index.js';
import { toNinjs } from '../../story/index.js';

/** The JSON body of one delivery. */
export function deliveryBody(e: WireEvent): string {
  return JSON.stringify({ seq: e.seq, kind: e.kind, id: e.id, at: e.at, correction: e.story.correction === true, ninjs: toNinjs(e.story) });
}

/** The signature header value for a body sent at `timestamp` (seconds). */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface DispatcherOptions {
  wire: Pick<Store, 'wireEvents'>;
  /** `claimWebhook`, when present, is used before every delivery pass to a subscriber (see the top). */
  hooks: Pick<NewsroomStore, 'listWebhooks' | 'recordDelivery' | 'claimWebhook'>;
  /** Resolves when there may be new events (the live wire hub's news), or after a while. */
  waitForNews: (after: number, timeoutMs: number) => Promise<boolean>;
  /** Current wire sequence (to know whether anything is pending at all). */
  lastSeq: () => number;
  /** First retry delay; doubles per failure up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Errors worth a log line (a subscriber down is one, once per failure streak). */
  log?: (line: string) => void;
  fetch?: typeof fetch;
}

export interface WebhookDispatcher {
  /** Runs until stopped. */
  start(): void;
  /** Stops after the delivery in flight; resolves when the loop has ended. */
  stop(): Promise<void>;
  /** One pass over every subscriber (delivers what is due); for tests and the loop. */
  runOnce(now?: Date): Promise<void>;
}

/** Delay before attempt `failures + 1`. */
export function backoffDelay(failures: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, failures - 1));
}

export function createWebhookDispatcher(options: DispatcherOptions): WebhookDispatcher {
  const base = options.backoffMs ?? 1000;
  const max = options.maxBackoffMs ?? 5 * 60_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;
  const log = options.log ?? (() => undefined);
  let running = false;
  let loop: Promise<void> | undefined;

  /** Delivers one event; returns undefined on success or the error text. */
  async function deliver(hook: Webhook, e: WireEvent): Promise<string | undefined> {
    const body = deliveryBody(e);
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const res = await doFetch(hook.url, {
        method: 'POST', body, redirect: 'error', signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'Content-Type': 'application/json', 'User-Agent': 'khabar-webhooks',
          'X-Khabar-Event': e.kind, 'X-Khabar-Seq': String(e.seq), 'X-Khabar-Timestamp': String(timestamp),
          'X-Khabar-Signature': signDelivery(hook.secret, timestamp, body),
        },
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.status >= 200 && res.status < 300 ? undefined : `HTTP ${res.status}`;
    } catch (err) {
      return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
  }

  /** Claims one subscriber when the store can (another server may hold it: skip), then delivers what is due. */
  async function serve(listed: Webhook, now: Date): Promise<void> {
    if (isWaiting(listed, now)) return; // as listed; the claimed row is checked again below
    if (options.hooks.claimWebhook === undefined) {
      await deliverDue(listed, (o) => options.hooks.recordDelivery(listed.id, o));
      return;
    }
    await options.hooks.claimWebhook(listed.id, async ({ webhook, record }) => {
      if (!isWaiting(webhook, now)) await deliverDue(webhook, record);
    });
  }

  function isWaiting(hook: Webhook, now: Date): boolean {
    return hook.nextAttemptAt !== undefined && Date.parse(hook.nextAttemptAt) > now.getTime();
  }

  /** Delivers what is due to one subscriber, in order, until it fails or is up to date. */
  async function deliverDue(hook: Webhook, record: (o: DeliveryOutcome) => Promise<Webhook>): Promise<void> {
    let cursor = hook.cursor;
    let failures = hook.failures;
    // runOnce outside the loop (tests, a one-off pass) delivers everything; inside it, stop() ends the pass.
    while (running || loop === undefined) {
      const events = await options.wire.wireEvents(cursor, 100);
      if (events.length === 0) return;
      for (const e of events) {
        const error = await deliver(hook, e);
        if (error !== undefined) {
          failures++;
          const next = new Date(Date.now() + backoffDelay(failures, base, max)).toISOString();
          await record({ seq: e.seq, delivered: false, error, nextAttemptAt: next });
          if (failures === 1) log(`webhook ${hook.id} ${hook.url}: event ${e.seq} failed (${error}); retrying with backoff`);
          return;
        }
        await record({ seq: e.seq, delivered: true });
        if (failures > 0) log(`webhook ${hook.id} ${hook.url}: delivering again after ${failures} failed attempts`);
        failures = 0;
        cursor = e.seq;
      }
    }
  }

  async function runOnce(now = new Date()): Promise<void> {
    const hooks = (await options.hooks.listWebhooks()).filter((h) => h.active);
    // Subscribers are independent: one that is down never holds up the others.
    await Promise.all(hooks.map((h) => serve(h, now).catch((err: unknown) => log(`webhook ${h.id}: ${String(err)}`))));
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          const seen = options.lastSeq();
          await runOnce();
          // Wake on news, or every second to retry subscribers whose backoff has ended.
          if (running) await options.waitForNews(seen, 1000);
        }
      })();
    },
    async stop() {
      running = false;
      await loop;
      loop = undefined;
    },
    runOnce,
  };
}
