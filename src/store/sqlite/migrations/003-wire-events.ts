/**
 * Schema version 3: the wire log. Every story version that subscribers must see — a story becoming
 * usable (`published`), a new version of a usable story (`updated`), a usable story canceled (`killed`)
 * — gets the next sequence number, in the transaction that stores the version. The live wire
 * (server/wire) streams this log: the sequence is the Server-Sent Events id, so a subscriber that
 * reconnects with Last-Event-ID gets exactly what it missed, in order. AUTOINCREMENT: a sequence number
 * is never reused, even after the newest rows are deleted.
 *
 * Stories already stored get one `published` event each (their latest version, oldest publication
 * first), so that `Last-Event-ID: 0` replays the archive that was there before the log existed.
 */
import type { SqliteMigration } from './migration.js';

/** Schema version 3. */
export const migration003WireEvents: SqliteMigration = {
  version: 3,
  name: 'wire-events',
  up(db) {
    db.exec(`
      CREATE TABLE wire_events (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        story_id  INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        version   INTEGER NOT NULL,
        kind      TEXT    NOT NULL CHECK (kind IN ('published', 'updated', 'killed')),
        at        INTEGER NOT NULL
      );
      CREATE INDEX wire_events_story ON wire_events (story_id);
      INSERT INTO wire_events (story_id, version, kind, at)
        SELECT id, version, 'published', published_at FROM stories WHERE pub_status = 'usable'
        ORDER BY published_at, id;
    `);
  },
};
