/**
 * Rows of the newsroom tables (migrations/004-newsroom.ts) and the objects the NewsroomStore returns.
 * Optional fields that are NULL are left out of the objects, not set to undefined. JSON columns were
 * validated on the way in and are written only by this adapter, so they are parsed without re-validating.
 */
import type { Story } from '../../../story/index.js';
import type { AuditEntry, ItemRevision, ItemState, NewsroomItem, Role, User, UserWithSecret, Webhook } from '../../newsroom-store.js';
import { iso } from '../../newsroom-checks.js';

/** A `users` row. */
export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: 0 | 1;
  created_at: number;
}

/** The user without the password hash. */
export function toUser(r: UserRow): User {
  return { id: r.id, username: r.username, displayName: r.display_name, role: r.role, disabled: r.disabled === 1, createdAt: iso(r.created_at) };
}

/** The user with the password hash. */
export function toUserWithSecret(r: UserRow): UserWithSecret {
  return { ...toUser(r), passwordHash: r.password_hash };
}

/** An `items` row. */
export interface ItemRow {
  id: number;
  desk_id: number;
  author_id: number;
  uri: string;
  state: ItemState;
  draft: string;
  revision: number;
  story_id: number | null;
  published_version: number | null;
  note: string | null;
  scheduled_at: number | null;
  lock_user: number | null;
  lock_at: number | null;
  created_at: number;
  updated_at: number;
}

/** The item as the interface returns it. */
export function toItem(r: ItemRow): NewsroomItem {
  const item: NewsroomItem = {
    id: r.id, deskId: r.desk_id, authorId: r.author_id, state: r.state, draft: JSON.parse(r.draft) as Story,
    revision: r.revision, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
  if (r.story_id !== null) item.storyId = r.story_id;
  if (r.published_version !== null) item.publishedVersion = r.published_version;
  if (r.note !== null) item.note = r.note;
  if (r.scheduled_at !== null) item.scheduledAt = iso(r.scheduled_at);
  if (r.lock_user !== null && r.lock_at !== null) item.lock = { userId: r.lock_user, at: iso(r.lock_at) };
  return item;
}

/** An `item_revisions` row. */
export interface RevisionRow {
  item_id: number;
  revision: number;
  draft: string;
  user_id: number;
  action: string;
  at: number;
}

/** The revision as the interface returns it. */
export function toRevision(r: RevisionRow): ItemRevision {
  return { itemId: r.item_id, revision: r.revision, draft: JSON.parse(r.draft) as Story, userId: r.user_id, action: r.action, at: iso(r.at) };
}

/** An `audit_log` row. */
export interface AuditRow {
  id: number;
  at: number;
  user_id: number | null;
  action: string;
  item_id: number | null;
  detail: string | null;
}

/** The audit entry as the interface returns it. */
export function toAudit(r: AuditRow): AuditEntry {
  const entry: AuditEntry = { id: r.id, at: iso(r.at), action: r.action };
  if (r.user_id !== null) entry.userId = r.user_id;
  if (r.item_id !== null) entry.itemId = r.item_id;
  if (r.detail !== null) entry.detail = JSON.parse(r.detail) as Record<string, unknown>;
  return entry;
}

/** A `webhooks` row. */
export interface WebhookRow {
  id: number;
  url: string;
  secret: string;
  active: 0 | 1;
  cursor: number;
  failures: number;
  next_attempt_at: number | null;
  last_error: string | null;
  created_at: number;
}

/** The webhook as the interface returns it. */
export function toWebhook(r: WebhookRow): Webhook {
  const hook: Webhook = {
    id: r.id, url: r.url, secret: r.secret, active: r.active === 1, cursor: r.cursor, failures: r.failures, createdAt: iso(r.created_at),
  };
  if (r.next_attempt_at !== null) hook.nextAttemptAt = iso(r.next_attempt_at);
  if (r.last_error !== null) hook.lastError = r.last_error;
  return hook;
}
