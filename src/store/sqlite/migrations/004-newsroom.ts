/**
 * Schema version 4: the newsroom (issue #6; the contract is store/newsroom-store.ts), in the archive's
 * database so that publishing writes the story version, its wire event, the item and the audit entry in
 * one transaction (newsroom/publish-item.ts).
 *
 * Instants are INTEGER milliseconds since the epoch, like `stories.created_at` and `wire_events.at`: the
 * interface speaks ISO 8601 strings, which compare correctly as text only when every one has the same
 * offset and precision; numbers always do. They come back as `Date#toISOString()` (UTC, milliseconds).
 * Ids are AUTOINCREMENT: never reused, so an audit line or a revision never points at a newer namesake
 * (https://www.sqlite.org/autoinc.html). Booleans are 0/1 with a CHECK. The role and state lists are
 * written out here rather than taken from ROLES / ITEM_STATES: a released migration never changes, and a
 * new role or state needs a migration of its own.
 *
 * - `users`: login name (UNIQUE, compared as given), display name, role, scrypt hash, disabled flag.
 * - `desks` (UNIQUE name: the service its stories carry) and `desk_editors` (desk, user) pairs.
 * - `sessions`: keyed by the SHA-256 of the cookie's token (the token itself is never stored), with the
 *   CSRF token and expiry; by user for "log out everywhere", by expiry for clearing old rows.
 * - `login_failures`: one row per failed login per key (username or address), counted over a window.
 * - `items`: the newsroom's working copies. `uri` is the draft's uri, UNIQUE and fixed for the item's life:
 *   it is the archive identity its publications go to. `draft` is the latest revision's Story JSON.
 *   `story_id` (UNIQUE: one item per archive story) and `published_version` once published; the CHECKs
 *   keep the columns that travel together together (a published or killed item has a story, a scheduled
 *   one a time, a lock a holder and an instant). Indexes: a desk's queue by state, newest change first;
 *   an author's items; every state's items; the scheduler's due items (partial: scheduled ones only).
 * - `item_revisions`: every saved draft (item, revision) with who, which action and when; never deleted.
 *   A rowid table: drafts are large, and WITHOUT ROWID suits small rows only
 *   (https://www.sqlite.org/withoutrowid.html §4).
 * - `audit_log`: who did what when; newest first by id; by item and by user.
 * - `webhooks`: subscribers with their delivery cursor (the last `wire_events.seq` delivered), consecutive
 *   failures, the backoff instant and the last error.
 */
import type { SqliteMigration } from './migration.js';

/** Schema version 4. */
export const migration004Newsroom: SqliteMigration = {
  version: 4,
  name: 'newsroom',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        username       TEXT    NOT NULL UNIQUE,
        display_name   TEXT    NOT NULL,
        role           TEXT    NOT NULL CHECK (role IN ('reporter', 'editor', 'chief', 'admin')),
        password_hash  TEXT    NOT NULL,
        disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at     INTEGER NOT NULL
      );

      CREATE TABLE desks (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        name        TEXT    NOT NULL UNIQUE,
        created_at  INTEGER NOT NULL
      );
      CREATE TABLE desk_editors (
        desk_id  INTEGER NOT NULL REFERENCES desks (id) ON DELETE CASCADE,
        user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (desk_id, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX desk_editors_user ON desk_editors (user_id, desk_id);

      CREATE TABLE sessions (
        token_hash  TEXT    PRIMARY KEY,
        user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        csrf_token  TEXT    NOT NULL,
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE INDEX sessions_expires ON sessions (expires_at);

      CREATE TABLE login_failures (
        key  TEXT    NOT NULL,
        at   INTEGER NOT NULL
      );
      CREATE INDEX login_failures_key ON login_failures (key, at);
      CREATE INDEX login_failures_at ON login_failures (at);

      CREATE TABLE items (
        id                 INTEGER PRIMARY KEY AUTOINCREMENT,
        desk_id            INTEGER NOT NULL REFERENCES desks (id),
        author_id          INTEGER NOT NULL REFERENCES users (id),
        uri                TEXT    NOT NULL UNIQUE,
        state              TEXT    NOT NULL
                           CHECK (state IN ('draft', 'submitted', 'returned', 'scheduled', 'published', 'killed')),
        draft              TEXT    NOT NULL,
        revision           INTEGER NOT NULL CHECK (revision > 0),
        story_id           INTEGER UNIQUE REFERENCES stories (id),
        published_version  INTEGER,
        note               TEXT,
        scheduled_at       INTEGER,
        lock_user          INTEGER REFERENCES users (id),
        lock_at            INTEGER,
        created_at         INTEGER NOT NULL,
        updated_at         INTEGER NOT NULL,
        CHECK ((story_id IS NULL) = (published_version IS NULL)),
        CHECK (state NOT IN ('published', 'killed') OR story_id IS NOT NULL),
        CHECK ((state = 'scheduled') = (scheduled_at IS NOT NULL)),
        CHECK ((lock_user IS NULL) = (lock_at IS NULL))
      );
      CREATE INDEX items_desk_state_updated ON items (desk_id, state, updated_at, id);
      CREATE INDEX items_author_updated ON items (author_id, updated_at, id);
      CREATE INDEX items_state_updated ON items (state, updated_at, id);
      CREATE INDEX items_updated ON items (updated_at, id);
      CREATE INDEX items_scheduled ON items (scheduled_at, id) WHERE state = 'scheduled';

      CREATE TABLE item_revisions (
        item_id   INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        revision  INTEGER NOT NULL CHECK (revision > 0),
        draft     TEXT    NOT NULL,
        user_id   INTEGER NOT NULL REFERENCES users (id),
        action    TEXT    NOT NULL,
        at        INTEGER NOT NULL,
        PRIMARY KEY (item_id, revision)
      );

      CREATE TABLE audit_log (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        at       INTEGER NOT NULL,
        user_id  INTEGER REFERENCES users (id),
        action   TEXT    NOT NULL,
        item_id  INTEGER REFERENCES items (id),
        detail   TEXT
      );
      CREATE INDEX audit_log_item ON audit_log (item_id, id);
      CREATE INDEX audit_log_user ON audit_log (user_id, id);

      CREATE TABLE webhooks (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        url              TEXT    NOT NULL,
        secret           TEXT    NOT NULL,
        active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        cursor           INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
        failures         INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
        next_attempt_at  INTEGER,
        last_error       TEXT,
        created_at       INTEGER NOT NULL
      );
    `);
  },
};
