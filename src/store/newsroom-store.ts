/**
 * What the newsroom keeps (issue #6): people and their roles, desks and their editors, sessions, the
 * items reporters file (each saved revision kept), edit locks, the audit log, webhook subscribers and
 * their delivery cursors. Implemented by every adapter next to the {@link Store} (SQLite now,
 * PostgreSQL later), in the same database, so that publishing — the story's next version, its wire
 * event (the outbox), the item's new state, the revision and the audit entry — is one transaction.
 *
 * The store does no permission checks: `src/newsroom` decides who may do what, then calls these
 * methods with what it expects to find (`expect`), and the store refuses with CONFLICT when the item
 * changed in between (another editor saved, the state moved on), so no save is lost silently.
 */
import type { Story } from '../story/index.js';
import type { PutResult } from './store.js';

/** Newsroom roles, least to most powerful. */
export const ROLES = ['reporter', 'editor', 'chief', 'admin'] as const;
/** A {@link ROLES} value: reporter files and submits own items; editor edits and publishes on own desks; chief: all desks, corrections, kills; admin: users, desks, settings. */
export type Role = (typeof ROLES)[number];

/** A newsroom user (without the password hash). */
export interface User {
  id: number;
  /** Login name: 1–64 characters, unique, compared as given (the caller lower-cases it if it wants). */
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

/** A user with the stored password hash (scrypt, encoded by src/newsroom). */
export interface UserWithSecret extends User {
  passwordHash: string;
}

/** A desk: one service («سرویس آذربایجان»), with the users who edit it. */
export interface Desk {
  id: number;
  /** The service name stories of this desk carry. Unique. */
  name: string;
  /** Ids of the users who edit this desk (editors; chiefs edit every desk anyway). */
  editors: number[];
}

/** Where an item is in the workflow. */
export const ITEM_STATES = ['draft', 'submitted', 'returned', 'scheduled', 'published', 'killed'] as const;
/** An {@link ITEM_STATES} value. */
export type ItemState = (typeof ITEM_STATES)[number];

/** An edit lock: one editor at a time. */
export interface EditLock {
  userId: number;
  at: string;
}

/** A story as the newsroom works on it. */
export interface NewsroomItem {
  id: number;
  deskId: number;
  /** The reporter who filed it. */
  authorId: number;
  state: ItemState;
  /** The working copy (headline, lead, body, keywords, urgency…; `service` is the desk's name). */
  draft: Story;
  /** Saved revisions so far (1 after creation); every save adds one. */
  revision: number;
  /** The archive story, once published (Store id), and its latest published version number. */
  storyId?: number;
  publishedVersion?: number;
  /** The last workflow note (why it was returned, what a correction corrects). */
  note?: string;
  /** When a scheduled (embargoed) item is to be published. */
  scheduledAt?: string;
  lock?: EditLock;
  createdAt: string;
  updatedAt: string;
}

/** One saved revision of an item. */
export interface ItemRevision {
  itemId: number;
  revision: number;
  draft: Story;
  userId: number;
  /** What made it: `create`, `save`, `submit`, `return`, `schedule`, `publish`, `correct`, `kill`. */
  action: string;
  at: string;
}

/** One line of the audit log: who did what when. */
export interface AuditEntry {
  id: number;
  at: string;
  /** The acting user (undefined for the system: scheduled publishing, the dispatcher). */
  userId?: number;
  /** e.g. `login`, `login-failed`, `logout-all`, `item.create`, `item.publish`, `lock.break`, `user.create`. */
  action: string;
  itemId?: number;
  /** Anything else worth keeping, as JSON-able values. */
  detail?: Record<string, unknown>;
}

/** A login session. The cookie carries a random token; the store keeps only its hash. */
export interface Session {
  /** SHA-256 of the session token, hex. */
  tokenHash: string;
  userId: number;
  /** The session's CSRF token (sent in forms and the X-CSRF-Token header). */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** A webhook subscriber: every wire event is POSTed to `url` in order, signed with `secret`. */
export interface Webhook {
  id: number;
  url: string;
  secret: string;
  active: boolean;
  /** The last wire sequence number delivered (2xx). Delivery resumes after it. */
  cursor: number;
  /** Consecutive failed attempts of the current event. */
  failures: number;
  /** Not before this instant (backoff after a failure). */
  nextAttemptAt?: string;
  lastError?: string;
  createdAt: string;
}

/** What the caller expects to find, so that a concurrent change is refused instead of overwritten. */
export interface ItemExpectation {
  /** The item's revision the caller's change is based on. */
  revision?: number;
  /** States the item must be in. */
  states?: readonly ItemState[];
}

/** A workflow move (everything but publishing). */
export interface ItemTransition {
  to: ItemState;
  userId: number;
  /** Revision action and audit action suffix: `submit`, `return`, `schedule`, `unschedule`… */
  action: string;
  note?: string;
  /** Only with `to: 'scheduled'`. */
  scheduledAt?: string;
  expect?: ItemExpectation;
}

/** Publishing an item (first publication, a correction or a kill): see {@link NewsroomStore.publishItem}. */
export interface ItemPublication {
  /** The story to store: the item's draft as published (pubStatus usable, or canceled for a kill). */
  story: Story;
  userId: number | undefined;
  /** `publish`, `correct` or `kill`. */
  action: 'publish' | 'correct' | 'kill';
  note?: string;
  expect?: ItemExpectation;
}

/**
 * The newsroom's persistence. Every method is atomic. Refusals: NOT_FOUND for an unknown id; CONFLICT
 * for a unique name taken or an expectation not met (the message says what was found); INVALID_INPUT
 * for malformed arguments (the message names the field).
 */
export interface NewsroomStore {
  // People
  createUser(input: { username: string; displayName: string; role: Role; passwordHash: string }): Promise<User>;
  getUser(id: number): Promise<User | undefined>;
  /** With the password hash, for logging in. */
  getUserByUsername(username: string): Promise<UserWithSecret | undefined>;
  listUsers(): Promise<User[]>;
  updateUser(id: number, patch: Partial<Pick<UserWithSecret, 'displayName' | 'role' | 'disabled' | 'passwordHash'>>): Promise<User>;

  // Sessions and login throttling
  createSession(session: Session): Promise<void>;
  /** The session and its user, if the session exists, has not expired at `now` and the user is not disabled. */
  getSession(tokenHash: string, now: string): Promise<{ session: Session; user: User } | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Logout everywhere: every session of the user. Returns how many were deleted. */
  deleteUserSessions(userId: number): Promise<number>;
  /** Records a failed login for `key` (a username or an address) and returns the failures since `since`. */
  recordLoginFailure(key: string, at: string, since: string): Promise<number>;
  /** Failed logins for `key` since `since`, recording nothing (to refuse an attempt before checking a password). */
  countLoginFailures(key: string, since: string): Promise<number>;
  clearLoginFailures(key: string): Promise<void>;

  // Desks
  createDesk(name: string): Promise<Desk>;
  listDesks(): Promise<Desk[]>;
  getDesk(id: number): Promise<Desk | undefined>;
  setDeskEditors(deskId: number, userIds: readonly number[]): Promise<Desk>;

  // Items
  /** Files a new item in state `draft`, revision 1 (action `create`). */
  createItem(input: { deskId: number; authorId: number; draft: Story }): Promise<NewsroomItem>;
  getItem(id: number): Promise<NewsroomItem | undefined>;
  /** Items, most recently updated first, optionally by desk, state and author. */
  listItems(query?: { deskId?: number; states?: readonly ItemState[]; authorId?: number; limit?: number; offset?: number }): Promise<NewsroomItem[]>;
  /** Saves a new working copy: the next revision (action `save`). Refuses unless `expect.revision` is the current one. */
  saveItem(id: number, input: { draft: Story; userId: number; expect: ItemExpectation & { revision: number } }): Promise<NewsroomItem>;
  /** Moves an item to another state (and a revision recording it), refusing when `expect` does not hold. */
  transitionItem(id: number, move: ItemTransition): Promise<NewsroomItem>;
  /**
   * Publishes in one transaction: the story's next version in the archive (Store.putStory semantics;
   * identity by the draft's uri, which stays the item's for life: the first publication creates the
   * story with a new code, later ones add versions to it and keep the code), its
   * wire event, the item's state (`published`, or `killed` for a kill) with `storyId`/`publishedVersion`,
   * a revision and an audit entry. Refuses when `expect` does not hold.
   */
  publishItem(id: number, publication: ItemPublication): Promise<{ item: NewsroomItem; put: PutResult }>;
  listRevisions(itemId: number): Promise<ItemRevision[]>;
  /** Items in state `scheduled` whose time has come at `now`, earliest first. */
  dueScheduledItems(now: string): Promise<NewsroomItem[]>;

  // Locks
  /**
   * Takes the edit lock for `userId`, or (with `force`, for a chief editor) breaks another holder's.
   * Returns the lock holder afterwards: `acquired` false means someone else holds it.
   */
  acquireLock(itemId: number, userId: number, options?: { force?: boolean; now?: string }): Promise<{ acquired: boolean; lock: EditLock }>;
  /** Releases the lock if `userId` holds it. */
  releaseLock(itemId: number, userId: number): Promise<void>;

  // Audit
  appendAudit(entry: Omit<AuditEntry, 'id' | 'at'> & { at?: string }): Promise<AuditEntry>;
  /** Newest first. */
  listAudit(query?: { itemId?: number; userId?: number; limit?: number; before?: number }): Promise<AuditEntry[]>;

  // Webhooks
  createWebhook(input: { url: string; secret: string; cursor?: number }): Promise<Webhook>;
  listWebhooks(): Promise<Webhook[]>;
  getWebhook(id: number): Promise<Webhook | undefined>;
  updateWebhook(id: number, patch: Partial<Pick<Webhook, 'url' | 'secret' | 'active'>>): Promise<Webhook>;
  deleteWebhook(id: number): Promise<void>;
  /**
   * Records a delivery: `delivered` moves the cursor to `seq` (only forward: `seq` must be after the
   * cursor) and clears failures; otherwise counts a failure with its error and the next attempt time.
   */
  recordDelivery(id: number, outcome: DeliveryOutcome): Promise<Webhook>;
  /**
   * Optional: runs `deliver` holding webhook `id` exclusively across every process on this database, so
   * that two app servers never deliver the same event to a subscriber twice. `claimed` is false when the
   * webhook is unknown, inactive, or held by another dispatcher right now (skip it: no waiting). Inside,
   * `claim.webhook` is the row as claimed (its cursor is the truth, not an earlier list's) and
   * `claim.record` records outcomes while the claim is held. PostgreSQL: a `FOR UPDATE SKIP LOCKED` row
   * lock for the length of one transaction; outcomes commit when `deliver` returns. SQLite: one process
   * owns the file, so the claim is an in-process one; outcomes commit as recorded.
   */
  claimWebhook?<T>(id: number, deliver: (claim: WebhookClaim) => Promise<T>): Promise<{ claimed: false } | { claimed: true; value: T }>;
}

/** A delivery outcome as {@link NewsroomStore.recordDelivery} takes it. */
export type DeliveryOutcome = { seq: number; delivered: true } | { seq: number; delivered: false; error: string; nextAttemptAt: string };

/** What {@link NewsroomStore.claimWebhook} hands the delivery function. */
export interface WebhookClaim {
  /** The webhook as claimed (active). */
  webhook: Webhook;
  /** recordDelivery within the claim. */
  record(outcome: DeliveryOutcome): Promise<Webhook>;
}
