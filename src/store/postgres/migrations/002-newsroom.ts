/**
 * PostgreSQL schema version 2: the newsroom's tables (issue #6; the contract is store/newsroom-store.ts,
 * the code store/postgres/newsroom/): SQLite's migration 004 (sqlite/migrations/004-newsroom.ts, whose
 * comment explains every table) in PostgreSQL's types. Same tables, columns, CHECKs, indexes and foreign
 * keys (`items.story_id` references `stories (id)` of version 1).
 *
 * Dialect choices (the interface is unchanged by any of them):
 * - ids are `bigint GENERATED ALWAYS AS IDENTITY`: a sequence never hands a number out twice, like
 *   SQLite's AUTOINCREMENT (a rolled-back insert leaves a gap, as there). pg returns int8 as a string;
 *   rows.ts turns every number column back into a JS number.
 * - instants are `timestamptz` (microseconds; the store writes whole milliseconds, so every instant
 *   comes back exactly as `toISOString()` wrote it). SQLite needed integers to compare instants; PostgreSQL
 *   compares timestamps natively and shows them readably to whoever runs psql.
 * - booleans are `boolean`; drafts and audit details are `json`, not `jsonb`: `json` keeps the text as
 *   written and accepts every JSON string, where `jsonb` refuses `\u0000` (a Story field may carry one),
 *   and nothing queries inside them.
 * - every UNIQUE and PRIMARY KEY constraint is named: newsroom/context.ts turns a unique violation
 *   (23505) into a CONFLICT that says what collided, from the constraint's name.
 * - the role and state lists are written out, as in SQLite's migration: a released migration never changes.
 */
import type { PgMigration } from './migration.js';

/** Schema version 2. */
export const pgMigration002Newsroom: PgMigration = {
  version: 2,
  name: 'newsroom',
  async up(client) {
    await client.query(`
      CREATE TABLE users (
        id             bigint      GENERATED ALWAYS AS IDENTITY,
        username       text        NOT NULL,
        display_name   text        NOT NULL,
        role           text        NOT NULL CHECK (role IN ('reporter', 'editor', 'chief', 'admin')),
        password_hash  text        NOT NULL,
        disabled       boolean     NOT NULL DEFAULT false,
        created_at     timestamptz NOT NULL,
        CONSTRAINT users_pkey PRIMARY KEY (id),
        CONSTRAINT users_username_key UNIQUE (username)
      );

      CREATE TABLE desks (
        id          bigint      GENERATED ALWAYS AS IDENTITY,
        name        text        NOT NULL,
        created_at  timestamptz NOT NULL,
        CONSTRAINT desks_pkey PRIMARY KEY (id),
        CONSTRAINT desks_name_key UNIQUE (name)
      );
      CREATE TABLE desk_editors (
        desk_id  bigint NOT NULL REFERENCES desks (id) ON DELETE CASCADE,
        user_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT desk_editors_pkey PRIMARY KEY (desk_id, user_id)
      );
      CREATE INDEX desk_editors_user ON desk_editors (user_id, desk_id);

      CREATE TABLE sessions (
        token_hash  text        NOT NULL,
        user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        csrf_token  text        NOT NULL,
        created_at  timestamptz NOT NULL,
        expires_at  timestamptz NOT NULL,
        CONSTRAINT sessions_pkey PRIMARY KEY (token_hash)
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE INDEX sessions_expires ON sessions (expires_at);

      CREATE TABLE login_failures (
        key  text        NOT NULL,
        at   timestamptz NOT NULL
      );
      CREATE INDEX login_failures_key ON login_failures (key, at);
      CREATE INDEX login_failures_at ON login_failures (at);

      CREATE TABLE items (
        id                 bigint      GENERATED ALWAYS AS IDENTITY,
        desk_id            bigint      NOT NULL REFERENCES desks (id),
        author_id          bigint      NOT NULL REFERENCES users (id),
        uri                text        NOT NULL,
        state              text        NOT NULL
                           CHECK (state IN ('draft', 'submitted', 'returned', 'scheduled', 'published', 'killed')),
        draft              json        NOT NULL,
        revision           integer     NOT NULL CHECK (revision > 0),
        story_id           bigint      REFERENCES stories (id),
        published_version  integer,
        note               text,
        scheduled_at       timestamptz,
        lock_user          bigint      REFERENCES users (id),
        lock_at            timestamptz,
        created_at         timestamptz NOT NULL,
        updated_at         timestamptz NOT NULL,
        CONSTRAINT items_pkey PRIMARY KEY (id),
        CONSTRAINT items_uri_key UNIQUE (uri),
        CONSTRAINT items_story_id_key UNIQUE (story_id),
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
        item_id   bigint      NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        revision  integer     NOT NULL CHECK (revision > 0),
        draft     json        NOT NULL,
        user_id   bigint      NOT NULL REFERENCES users (id),
        action    text        NOT NULL,
        at        timestamptz NOT NULL,
        CONSTRAINT item_revisions_pkey PRIMARY KEY (item_id, revision)
      );

      CREATE TABLE audit_log (
        id       bigint      GENERATED ALWAYS AS IDENTITY,
        at       timestamptz NOT NULL,
        user_id  bigint      REFERENCES users (id),
        action   text        NOT NULL,
        item_id  bigint      REFERENCES items (id),
        detail   json,
        CONSTRAINT audit_log_pkey PRIMARY KEY (id)
      );
      CREATE INDEX audit_log_item ON audit_log (item_id, id);
      CREATE INDEX audit_log_user ON audit_log (user_id, id);

      CREATE TABLE webhooks (
        id               bigint      GENERATED ALWAYS AS IDENTITY,
        url              text        NOT NULL,
        secret           text        NOT NULL,
        active           boolean     NOT NULL DEFAULT true,
        cursor           bigint      NOT NULL DEFAULT 0 CHECK (cursor >= 0),
        failures         integer     NOT NULL DEFAULT 0 CHECK (failures >= 0),
        next_attempt_at  timestamptz,
        last_error       text,
        created_at       timestamptz NOT NULL,
        CONSTRAINT webhooks_pkey PRIMARY KEY (id)
      );
    `);
  },
};
