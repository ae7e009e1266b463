/**
 * Rows of the newsroom tables on PostgreSQL (migrations/002-newsroom.ts) and the objects the NewsroomStore returns, the
 * same objects as SQLite's (sqlite/newsroom/rows.ts): NULL optional fields are left out, instants are
 * `toISOString()`. `pg` returns int8 (ids, sequence numbers) as strings and timestamptz as Dates, and
 * parses `json` columns; each mapper takes what it gets and answers numbers, ISO strings and objects.
 */
import type { Story } from '../../../story/index.js';
import type { AuditEntry, ItemRevision, ItemState, NewsroomItem, Role, User, UserWithSecret, Webhook } from '../../newsroom-store.js';

/** An int8/int4 column as pg returns it. */
export type PgInt = number | string;
/** A timestamptz column as pg returns it (a Date; a string if a type parser says so). */
export type PgTime = Date | string;
/** A json column as pg returns it (parsed; text if a type parser says so). */
export type PgJson = unknown;

/** An int column as a number. */
export const num = (v: PgInt): number => Number(v);
/** A nullable int column as a number or null. */
export const numOrNull = (v: PgInt | null): number | null => (v === null ? null : Number(v));
/** A timestamptz column as `toISOString()`. */
export const isoOf = (v: PgTime): string => (v instanceof Date ? v : new Date(v)).toISOString();
/** A timestamptz column as ms since the epoch. */
export const msOf = (v: PgTime): number => (v instanceof Date ? v : new Date(v)).getTime();
/** A json column as a value. */
export const jsonOf = <T>(v: PgJson): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
/** An instant (ms) as a query parameter: ISO text, which PostgreSQL reads as timestamptz without doubt. */
export const at = (ms: number): string => new Date(ms).toISOString();

/** A `users` row. */
export interface UserRow {
  id: PgInt;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: boolean;
  created_at: PgTime;
}

/** The user without the password hash. */
export function toUser(r: UserRow): User {
  return { id: num(r.id), username: r.username, displayName: r.display_name, role: r.role, disabled: r.disabled, createdAt: isoOf(r.created_at) };
}

/** The user with the password hash. */
export function toUserWithSecret(r: UserRow): UserWithSecret {
  return { ...toUser(r), passwordHash: r.password_hash };
}

/** An `items` row. */
export interface ItemRow {
  id: PgInt;
  desk_id: PgInt;
  author_id: PgInt;
  uri: string;
  state: ItemState;
  draft: PgJson;
  revision: PgInt;
  story_id: PgInt | null;
  published_version: PgInt | null;
  note: string | null;
  scheduled_at: PgTime | null;
  lock_user: PgInt | null;
  lock_at: PgTime | null;
  created_at: PgTime;
  updated_at: PgTime;
}

/** The item as the interface returns it. */
export function toItem(r: ItemRow): NewsroomItem {
  const item: NewsroomItem = {
    id: num(r.id), deskId: num(r.desk_id), authorId: num(r.author_id), state: r.state, draft: jsonOf<Story>(r.draft),
    revision: num(r.revision), createdAt: isoOf(r.created_at), updatedAt: isoOf(r.updated_at),
  };
  if (r.story_id !== null) item.storyId = num(r.story_id);
  if (r.published_version !== null) item.publishedVersion = num(r.published_version);
  if (r.note !== null) item.note = r.note;
  if (r.scheduled_at !== null) item.scheduledAt = isoOf(r.scheduled_at);
  if (r.lock_user !== null && r.lock_at !== null) item.lock = { userId: num(r.lock_user), at: isoOf(r.lock_at) };
  return item;
}

/** An `item_revisions` row. */
export interface RevisionRow {
  item_id: PgInt;
  revision: PgInt;
  draft: PgJson;
  user_id: PgInt;
  action: string;
  at: PgTime;
}

/** The revision as the interface returns it. */
export function toRevision(r: RevisionRow): ItemRevision {
  return { itemId: num(r.item_id), revision: num(r.revision), draft: jsonOf<Story>(r.draft), userId: num(r.user_id), action: r.action, at: isoOf(r.at) };
}

/** An `audit_log` row. */
export interface AuditRow {
  id: PgInt;
  at: PgTime;
  user_id: PgInt | null;
  action: string;
  item_id: PgInt | null;
  detail: PgJson | null;
}

/** The audit entry as the interface returns it. */
export function toAudit(r: AuditRow): AuditEntry {
  const entry: AuditEntry = { id: num(r.id), at: isoOf(r.at), action: r.action };
  if (r.user_id !== null) entry.userId = num(r.user_id);
  if (r.item_id !== null) entry.itemId = num(r.item_id);
  if (r.detail !== null) entry.detail = jsonOf<Record<string, unknown>>(r.detail);
  return entry;
}

/** A `webhooks` row. */
export interface WebhookRow {
  id: PgInt;
  url: string;
  secret: string;
  active: boolean;
  cursor: PgInt;
  failures: PgInt;
  next_attempt_at: PgTime | null;
  last_error: string | null;
  created_at: PgTime;
}

/** The webhook as the interface returns it. */
export function toWebhook(r: WebhookRow): Webhook {
  const hook: Webhook = {
    id: num(r.id), url: r.url, secret: r.secret, active: r.active, cursor: num(r.cursor), failures: num(r.failures), createdAt: isoOf(r.created_at),
  };
  if (r.next_attempt_at !== null) hook.nextAttemptAt = isoOf(r.next_attempt_at);
  if (r.last_error !== null) hook.lastError = r.last_error;
  return hook;
}
