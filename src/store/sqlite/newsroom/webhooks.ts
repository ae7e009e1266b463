/**
 * Webhook subscribers and their delivery cursors over the wire log (migrations/003-wire-events.ts).
 * The cursor only moves forward, one delivered event at a time as the dispatcher reports it, so no event
 * is skipped or sent twice after a restart: a delivery for a sequence at or before the cursor, or past
 * the wire log's end, is refused. A failure counts against the event after the cursor and leaves the
 * cursor where it is; a delivery clears the failure count, backoff and last error.
 *
 * A new webhook starts at the wire log's current end (it receives what is published from now on) unless
 * it is given a cursor (0: the whole log from the start).
 */
import { KhabarError } from '../../../errors/index.js';
import type { NewsroomStore, Webhook } from '../../newsroom-store.js';
import { checkBoolean, checkId, checkInstant, checkInt, checkNote, checkObject, checkText, invalid, notFound } from '../../newsroom-checks.js';
import type { NewsroomContext } from './context.js';
import { toWebhook, type WebhookRow } from './rows.js';

/** Longest webhook URL. */
export const MAX_WEBHOOK_URL = 2000;
/** Shortest and longest webhook secret (HMAC key). */
export const WEBHOOK_SECRET_LENGTH = { min: 16, max: 200 } as const;
/** A delivery error longer than this is cut (it is often a remote server's response body). */
export const MAX_DELIVERY_ERROR = 2000;

type WebhookMethods = Pick<NewsroomStore,
  'createWebhook' | 'listWebhooks' | 'getWebhook' | 'updateWebhook' | 'deleteWebhook' | 'recordDelivery'>;

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

/** The webhook methods over `ctx`. */
export function createWebhookMethods(ctx: NewsroomContext): WebhookMethods {
  const { db } = ctx;
  const byId = db.prepare<[number], WebhookRow>('SELECT * FROM webhooks WHERE id = ?');
  const all = db.prepare<[], WebhookRow>('SELECT * FROM webhooks ORDER BY id');
  const lastSeq = db.prepare<[], number>('SELECT COALESCE(MAX(seq), 0) FROM wire_events').pluck();
  const insert = db.prepare<[string, string, number, number]>('INSERT INTO webhooks (url, secret, cursor, created_at) VALUES (?, ?, ?, ?)');
  const update = db.prepare<[string, string, number, number]>('UPDATE webhooks SET url = ?, secret = ?, active = ? WHERE id = ?');
  const remove = db.prepare<[number]>('DELETE FROM webhooks WHERE id = ?');
  const delivered = db.prepare<[number, number]>(
    'UPDATE webhooks SET cursor = ?, failures = 0, next_attempt_at = NULL, last_error = NULL WHERE id = ?');
  const failed = db.prepare<[number, string, number]>(
    'UPDATE webhooks SET failures = failures + 1, next_attempt_at = ?, last_error = ? WHERE id = ?');

  function require(id: number): WebhookRow {
    const row = byId.get(id);
    if (row === undefined) throw notFound('webhook', id);
    return row;
  }

  return {
    createWebhook: (input) => ctx.run('createWebhook', () => {
      const i = checkObject(input, 'input', ['url', 'secret', 'cursor']);
      const url = checkUrl(i['url'], 'input.url');
      const secret = checkSecret(i['secret'], 'input.secret');
      const cursor = i['cursor'] === undefined ? undefined : checkInt(i['cursor'], 'input.cursor', 0, Number.MAX_SAFE_INTEGER);
      return ctx.immediate((): Webhook => {
        const last = lastSeq.get()!;
        if (cursor !== undefined && cursor > last) {
          throw invalid('input.cursor', `must not be after the wire log's last sequence ${last}, got ${cursor}`);
        }
        const id = Number(insert.run(url, secret, cursor ?? last, ctx.now()).lastInsertRowid);
        return toWebhook(byId.get(id)!);
      });
    }),
    listWebhooks: () => ctx.run('listWebhooks', () => all.all().map(toWebhook)),
    getWebhook: (id) => ctx.run('getWebhook', () => {
      const row = byId.get(checkId(id, 'id'));
      return row === undefined ? undefined : toWebhook(row);
    }),
    updateWebhook: (id, patch) => ctx.run('updateWebhook', () => {
      checkId(id, 'id');
      const p = checkObject(patch, 'patch', ['url', 'secret', 'active']);
      const url = p['url'] === undefined ? undefined : checkUrl(p['url'], 'patch.url');
      const secret = p['secret'] === undefined ? undefined : checkSecret(p['secret'], 'patch.secret');
      const active = p['active'] === undefined ? undefined : checkBoolean(p['active'], 'patch.active');
      return ctx.immediate(() => {
        const row = require(id);
        update.run(url ?? row.url, secret ?? row.secret, (active ?? row.active === 1) ? 1 : 0, id);
        return toWebhook(byId.get(id)!);
      });
    }),
    deleteWebhook: (id) => ctx.run('deleteWebhook', () => {
      checkId(id, 'id');
      ctx.immediate(() => {
        require(id);
        remove.run(id);
      });
    }),
    recordDelivery: (id, outcome) => ctx.run('recordDelivery', () => {
      checkId(id, 'id');
      const o = checkObject(outcome, 'outcome', ['seq', 'delivered', 'error', 'nextAttemptAt']);
      const seq = checkId(o['seq'], 'outcome.seq');
      const ok = checkBoolean(o['delivered'], 'outcome.delivered');
      let error = '';
      let nextAttemptAt = 0;
      if (!ok) {
        error = checkNote(o['error'], 'outcome.error', Number.MAX_SAFE_INTEGER);
        if (error.length > MAX_DELIVERY_ERROR) error = `${error.slice(0, MAX_DELIVERY_ERROR - 1)}…`;
        nextAttemptAt = checkInstant(o['nextAttemptAt'], 'outcome.nextAttemptAt');
      } else if (o['error'] !== undefined || o['nextAttemptAt'] !== undefined) {
        throw invalid('outcome.delivered', 'is true: a delivery has no error or next attempt');
      }
      return ctx.immediate(() => {
        const row = require(id);
        if (seq <= row.cursor) {
          throw new KhabarError('CONFLICT', `webhook ${id}'s cursor is at ${row.cursor}: wire event ${seq} was delivered already`,
            { webhookId: id, cursor: row.cursor, seq });
        }
        const last = lastSeq.get()!;
        if (seq > last) throw invalid('outcome.seq', `must not be after the wire log's last sequence ${last}, got ${seq}`);
        if (ok) delivered.run(seq, id);
        else failed.run(nextAttemptAt, error, id);
        return toWebhook(byId.get(id)!);
      });
    }),
  };
}
