/**
 * Reading stories back from rows. The story JSON in `stories.story` and `story_versions.story` was
 * validated on the way in and is written only by this adapter, so it is parsed without re-validating
 * (zod would cost more than the query on large result pages).
 */
import type Database from 'better-sqlite3';
import type { Story } from '../../story/index.js';
import type { StoredStory } from '../store.js';

/** The `stories` columns the adapter reads for a stored story. */
export interface StoryRow {
  id: number;
  uri: string;
  code: number;
  pub_status: Story['pubStatus'];
  published_at: number;
  version: number;
  story: string;
  content_hash: string;
}

/** A row as the {@link StoredStory} the Store interface returns. */
export function toStoredStory(row: Pick<StoryRow, 'id' | 'story'>): StoredStory {
  return { id: row.id, story: JSON.parse(row.story) as Story };
}

// One prepared statement per connection: preparing costs more than running it for a page of ids.
const loadStatements = new WeakMap<Database.Database, Database.Statement<[string], { id: number; story: string }>>();

/**
 * The latest version of each of the given stories, by id. Ids that do not exist are absent from the map.
 * One query for any number of ids: the ids go in as one JSON array parameter (`json_each`), so the SQL
 * text never changes and never contains values. For the search code, which ranks ids and then needs
 * the stories of one page.
 */
export function loadStories(db: Database.Database, ids: readonly number[]): Map<number, Story> {
  const out = new Map<number, Story>();
  if (ids.length === 0) return out;
  let stmt = loadStatements.get(db);
  if (stmt === undefined) {
    stmt = db.prepare<[string], { id: number; story: string }>(
      'SELECT id, story FROM stories WHERE id IN (SELECT value FROM json_each(?))');
    loadStatements.set(db, stmt);
  }
  for (const row of stmt.all(JSON.stringify(ids))) out.set(row.id, JSON.parse(row.story) as Story);
  return out;
}
