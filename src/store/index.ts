/** Storage: the Store interface and its adapters. */
export type { Store, StoredStory, PutResult, StoryRef, ListQuery, NameCount, WireEvent, WireEventKind } from './store.js';
export { MAX_WIRE_EVENTS_PAGE } from './store.js';
export { ROLES, ITEM_STATES } from './newsroom-store.js';
export type {
  Role, User, UserWithSecret, Desk, ItemState, EditLock, NewsroomItem, ItemRevision, AuditEntry, Session, Webhook,
  ItemExpectation, ItemTransition, ItemPublication, NewsroomStore, WebhookClaim, DeliveryOutcome,
} from './newsroom-store.js';
export {
  openSqliteStore, defaultAnalysisThreads, MIN_SQLITE_VERSION, SQLITE_SCHEMA_VERSION, STORY_CODE_SEQUENCE_START,
} from './sqlite/index.js';
export type { OpenSqliteStoreOptions } from './sqlite/index.js';
export { openPostgresStore, PG_SCHEMA_VERSION, copyNewsroomIntoPostgres, createPgWireNotifier } from './postgres/index.js';
export type { PgWireNotifier } from './postgres/index.js';
export type { OpenPostgresStoreOptions, NewsroomCopy, NewsroomCopyResult } from './postgres/index.js';
