/**
 * Webhook subscribers and their delivery cursors on PostgreSQL (as sqlite/newsroom/webhooks.ts): the
 * cursor only moves forward, one delivered wire event at a time; a delivery at or before the cursor is
 * refused with CONFLICT, one past the wire log's end with INVALID_INPUT; a failure counts against the
 * event after the cursor, a delivery clears failures, backoff and last error. A new webhook starts at the
 * wire log's end unless given a cursor.
 *
 * Recording is `UPDATE … WHERE cursor < $seq` on the webhook's row, locked first (`FOR UPDATE`), so two
 * dispatchers reporting the same event cannot both move the cursor: the second is refused.
 *
 * Delivery across many app servers ({@link withClaimedWebhook}): each dispatcher, for each webhook, opens a
 * transaction and claims the webhook's row with `SELECT … FOR UPDATE SKIP LOCKED`. If another process
 * holds the row it is delivering that webhook right now: skip it (no waiting, no double send). Holding the
 * row, the dispatcher reads the events after the cursor, POSTs them in order, and records each outcome in
 * the same transaction (the row lock is the lease; it ends with the transaction, so a dispatcher that dies
 * mid-delivery releases it when PostgreSQL notices the lost connection, and the event is sent again by
 * whoever claims next: at-least-once, with the cursor deciding what counts as delivered). The claim is
 * held for the length of one HTTP attempt per event, on one pooled connection per webhook in flight.
 */
import { KhabarError } from '../../../errors/index.js';
import type { NewsroomStore, Webhook, WebhookClaim } from '../../newsroom-store.js';
import { checkBoolean, checkId, checkInstant, checkInt, checkNote, checkObject, checkText, invalid, notFound } from '../../newsroom-checks.js';
import { MAX_DELIVERY_ERROR, MAX_WEBHOOK_URL, WEBHOOK_SECRET_LENGTH } from '../../sqlite/newsroom/webhooks.js';
import type { PgDb } from '../pg-db.js';
import { createPgNewsroomContext, type PgNewsroomContext, type Sql } from './context.js';
import { at, num, toWebhook, type WebhookRow } from './rows.js';

type WebhookMethods = Pick<NewsroomStore,
  'createWebhook' | 'listWebhooks' | 'getWebhook' | 'updateWebhook' | 'deleteWebhook' | 'recordDelivery'>;

/** A delivery outcome as recordDelivery takes it. */
export type DeliveryOutcome = Parameters<NewsroomStore['recordDelivery']>[1];

// checkUrl and checkSecret: copied from sqlite/newsroom/webhooks.ts, where they are not exported.
function checkUrl(value: unknown, field: string): string {
  const url = checkText(value, field, 1, MAX_WEBHOOK_URL);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(field, `must be an absolute http(s) URL, got "${url.slice(0, 60)}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw invalid(field, `must be an http or https URL, got ${parsed.protocol}`);
  return url;
}

function checkSecret(value: unknown, field: string): string {
  return checkText(value, field, WEBHOOK_SECRET_LENGTH.min, WEBHOOK_SECRET_LENGTH.max);
}

const LAST_SEQ = 'SELECT COALESCE(MAX(seq), 0) AS last FROM wire_events';

async function lastSeq(sql: Sql): Promise<number> {
  return Number((await sql.query<{ last: string }>(LAST_SEQ)).rows[0]!.last);
}

interface CheckedOutcome {
  seq: number;
  ok: boolean;
  error: string;
  nextAttemptAt: number;
}

function checkOutcome(outcome: unknown): CheckedOutcome {
  const o = checkObject(outcome, 'outcome', ['seq', 'delivered', 'error', 'nextAttemptAt']);
  const seq = checkId(o['seq'], 'outcome.seq');
  const ok = checkBoolean(o['delivered'], 'outcome.delivered');
  let error = '';
  let nextAttemptAt = 0;
  if (!ok) {
    error = checkNote(o['error'], 'outcome.error', Number.MAX_SAFE_INTEGER);
    if (error.length > MAX_DELIVERY_ERROR) error = `${error.slice(0, MAX_DELIVERY_ERROR - 1)}…`;
    // A NUL cannot be stored in text (a remote server's body may carry one).
    error = error.replaceAll('\u0000', '\ufffd');
    nextAttemptAt = checkInstant(o['nextAttemptAt'], 'outcome.nextAttemptAt');
  } else if (o['error'] !== undefined || o['nextAttemptAt'] !== undefined) {
    throw invalid('outcome.delivered', 'is true: a delivery has no error or next attempt');
  }
  return { seq, ok, error, nextAttemptAt };
}

/** Records a checked outcome for webhook `id` in the caller's transaction (the row is locked here). */
async function recordTx(sql: Sql, id: number, o: CheckedOutcome): Promise<Webhook> {
  const row = (await sql.query<WebhookRow>('SELECT * FROM webhooks WHERE id = $1 FOR UPDATE', [id])).rows[0];
  if (row === undefined) throw notFound('webhook', id);
  const cursor = num(row.cursor);
  if (o.seq <= cursor) {
    throw new KhabarError('CONFLICT', `webhook ${id}'s cursor is at ${cursor}: wire event ${o.seq} was delivered already`,
      { webhookId: id, cursor, seq: o.seq });
  }
  const last = await lastSeq(sql);
  if (o.seq > last) throw invalid('outcome.seq', `must not be after the wire log's last sequence ${last}, got ${o.seq}`);
  const updated = o.ok
    ? await sql.query<WebhookRow>(`UPDATE webhooks SET cursor = $2, failures = 0, next_attempt_at = NULL, last_error = NULL
        WHERE id = $1 AND cursor < $2 RETURNING *`, [id, o.seq])
    : await sql.query<WebhookRow>(`UPDATE webhooks SET failures = failures + 1, next_attempt_at = $3, last_error = $4
        WHERE id = $1 AND cursor < $2 RETURNING *`, [id, o.seq, at(o.nextAttemptAt), o.error]);
  const next = updated.rows[0];
  if (next === undefined) throw new KhabarError('CONFLICT', `webhook ${id}'s cursor moved past ${o.seq} meanwhile`, { webhookId: id, seq: o.seq });
  return toWebhook(next);
}

/** The webhook methods over `ctx`. */
export function createWebhookMethods(ctx: PgNewsroomContext): WebhookMethods {
  return {
    createWebhook: (input) => ctx.run('createWebhook', async () => {
      const i = checkObject(input, 'input', ['url', 'secret', 'cursor']);
      const url = checkUrl(i['url'], 'input.url');
      const secret = checkSecret(i['secret'], 'input.secret');
      const cursor = i['cursor'] === undefined ? undefined : checkInt(i['cursor'], 'input.cursor', 0, Number.MAX_SAFE_INTEGER);
      return ctx.tx(async (c): Promise<Webhook> => {
        const last = await lastSeq(c);
        if (cursor !== undefined && cursor > last) {
          throw invalid('input.cursor', `must not be after the wire log's last sequence ${last}, got ${cursor}`);
        }
        const row = (await c.query<WebhookRow>('INSERT INTO webhooks (url, secret, cursor, created_at) VALUES ($1, $2, $3, $4) RETURNING *',
          [url, secret, cursor ?? last, at(await ctx.now(c))])).rows[0]!;
        return toWebhook(row);
      });
    }),
    listWebhooks: () => ctx.run('listWebhooks', async () => (await ctx.rows<WebhookRow>('SELECT * FROM webhooks ORDER BY id')).map(toWebhook)),
    getWebhook: (id) => ctx.run('getWebhook', async () => {
      const [row] = await ctx.rows<WebhookRow>('SELECT * FROM webhooks WHERE id = $1', [checkId(id, 'id')]);
      return row === undefined ? undefined : toWebhook(row);
    }),
    updateWebhook: (id, patch) => ctx.run('updateWebhook', async () => {
      checkId(id, 'id');
      const p = checkObject(patch, 'patch', ['url', 'secret', 'active']);
      const url = p['url'] === undefined ? null : checkUrl(p['url'], 'patch.url');
      const secret = p['secret'] === undefined ? null : checkSecret(p['secret'], 'patch.secret');
      const active = p['active'] === undefined ? null : checkBoolean(p['active'], 'patch.active');
      const [row] = await ctx.rows<WebhookRow>(`UPDATE webhooks SET url = COALESCE($2, url), secret = COALESCE($3, secret),
        active = COALESCE($4, active) WHERE id = $1 RETURNING *`, [id, url, secret, active]);
      if (row === undefined) throw notFound('webhook', id);
      return toWebhook(row);
    }),
    deleteWebhook: (id) => ctx.run('deleteWebhook', async () => {
      checkId(id, 'id');
      const deleted = await ctx.rows('DELETE FROM webhooks WHERE id = $1 RETURNING id', [id]);
      if (deleted.length === 0) throw notFound('webhook', id);
    }),
    recordDelivery: (id, outcome) => ctx.run('recordDelivery', async () => {
      checkId(id, 'id');
      const o = checkOutcome(outcome);
      return ctx.tx((c) => recordTx(c, id, o));
    }),
  };
}

/**
 * What {@link withClaimedWebhook} hands the delivery function (NewsroomStore's WebhookClaim): `record` is
 * recordDelivery inside the claim's transaction (NewsroomStore.recordDelivery would wait on the claim's
 * own row lock).
 */
export type { WebhookClaim } from '../../newsroom-store.js';

/**
 * Runs `deliver` holding webhook `id` exclusively across processes (see the comment at the top): `claimed`
 * false when the webhook is inactive, unknown, or being delivered by another process right now. The
 * outcomes `deliver` records commit when it returns; if it throws, they roll back with the claim.
 */
export async function withClaimedWebhook<T>(db: PgDb, id: number, deliver: (claim: WebhookClaim) => Promise<T>):
  Promise<{ claimed: false } | { claimed: true; value: T }> {
  const ctx = createPgNewsroomContext(db);
  return ctx.run('withClaimedWebhook', async () => {
    checkId(id, 'id');
    return ctx.tx(async (c) => {
      const row = (await c.query<WebhookRow>('SELECT * FROM webhooks WHERE id = $1 AND active FOR UPDATE SKIP LOCKED', [id])).rows[0];
      if (row === undefined) return { claimed: false as const };
      const claim: WebhookClaim = {
        webhook: toWebhook(row),
        record: (outcome) => ctx.run('recordDelivery', () => recordTx(c, id, checkOutcome(outcome))),
      };
      return { claimed: true as const, value: await deliver(claim) };
    });
  });
}
