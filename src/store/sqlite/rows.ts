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

// One prepared statement per connection and kind: preparing costs more than running it for a page of ids.
const loadStatements = new WeakMap<Database.Database, Record<'full' | 'summary', Database.Statement<[string], { id: number; story: string }>>>();

/**
 * The latest version of each of the given stories, by id. Ids that do not exist are absent from the map.
 * One query for any number of ids: the ids go in as one JSON array parameter (`json_each`), so the SQL
 * text never changes and never contains values. For the search code, which ranks ids and then needs
 * the stories of one page. Without `withBody`, SQLite empties `body` before the JSON reaches JavaScript
 * (four times cheaper for a page of long stories).
 */
export function loadStories(db: Database.Database, ids: readonly number[], withBody = true): Map<number, Story> {
  const out = new Map<number, Story>();
  if (ids.length === 0) return out;
  let stmts = loadStatements.get(db);
  if (stmts === undefined) {
    const where = 'FROM stories WHERE id IN (SELECT value FROM json_each(?))';
    stmts = {
      full: db.prepare(`SELECT id, story ${where}`),
      summary: db.prepare(`SELECT id, json_set(story, '$.body', json('[]')) AS story ${where}`),
    };
    loadStatements.set(db, stmts);
  }
  for (const row of stmts[withBody ? 'full' : 'summary'].all(JSON.stringify(ids))) out.set(row.id, JSON.parse(row.story) as Story);
  return out;
}
