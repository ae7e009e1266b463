/**
 * The SQLite Store over an open, migrated better-sqlite3 connection. better-sqlite3 is synchronous: each
 * method runs to completion inside one event-loop turn, so concurrent callers in one process are
 * serialized without locks, and a transaction never interleaves with another caller's statements. The
 * methods are async only because the Store interface is (PostgreSQL needs it).
 */
import type Database from 'better-sqlite3';
import { KhabarError } from '../../errors/index.js';
import type { SearchHit, SearchRequest, SearchResult } from '../../search/index.js';
import { validateStory, type Story } from '../../story/index.js';
import type { ListQuery, NameCount, PutResult, Store, StoredStory, StoryRef } from '../store.js';
import { createStoryLister } from './list-query.js';
import { toStoredStory } from './rows.js';
import { fromSqliteError } from './sqlite-errors.js';
import { relatedSqlite, searchSqlite } from './sqlite-search.js';
import { createStoryWriter } from './story-writer.js';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** The connection is read-only: puts fail with STORE. */
  readonly?: boolean;
}

/**
 * A Store over `db`, which must already be configured and migrated (see openSqliteStore). The store
 * owns the connection: `close()` closes it.
 */
export function createSqliteStore(db: Database.Database, options: SqliteStoreOptions = {}): Store {
  const readonly = options.readonly === true;
  const writer = readonly ? undefined : createStoryWriter(db);
  const lister = createStoryLister(db);
  const byId = db.prepare<[number], { id: number; story: string }>('SELECT id, story FROM stories WHERE id = ?');
  const byUri = db.prepare<[string], { id: number; story: string }>('SELECT id, story FROM stories WHERE uri = ?');
  const byCode = db.prepare<[number], { id: number; story: string }>('SELECT id, story FROM stories WHERE code = ?');
  const bySource = db.prepare<[string, string], { id: number; story: string }>(
    'SELECT id, story FROM stories WHERE source_name = ? AND source_id = ?');
  const versions = db.prepare<[number], string>(
    'SELECT story FROM story_versions WHERE story_id = ? ORDER BY version').pluck();
  const count = db.prepare<[], number>('SELECT COUNT(*) FROM stories').pluck();
  const services = db.prepare<[], NameCount>(`SELECT service AS name, COUNT(*) AS count FROM stories
    WHERE pub_status = 'usable' AND service IS NOT NULL GROUP BY service ORDER BY count DESC, name`);
  const agencies = db.prepare<[], NameCount>(`SELECT agency AS name, COUNT(*) AS count FROM stories
    WHERE pub_status = 'usable' AND agency IS NOT NULL GROUP BY agency ORDER BY count DESC, name`);

  // One transaction for a whole batch. IMMEDIATE takes the write lock at BEGIN, so a second process
  // waits on busy_timeout there instead of failing with SQLITE_BUSY when its read turns into a write.
  const putBatch = writer === undefined ? undefined : db.transaction((stories: readonly Story[], now: number) => {
    try {
      const results = stories.map((s) => writer.put(s, now));
      writer.finish();
      return results;
    } finally {
      writer.discard();
    }
  });

  /** Runs `fn` on an open connection, turning SQLite errors into KhabarErrors. */
  function run<T>(action: string, fn: () => T): Promise<T> {
    try {
      if (!db.open) throw new KhabarError('STORE', `${action}: the store is closed`);
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(fromSqliteError(e, action));
    }
  }

  function put(inputs: readonly unknown[], prefix: boolean): PutResult[] {
    if (putBatch === undefined) throw new KhabarError('STORE', 'the store was opened read-only');
    // Validate everything before the transaction: bad input never takes the write lock.
    const stories = inputs.map((input, i) => {
      try {
        return validateStory(input);
      } catch (e) {
        if (!prefix || !(e instanceof KhabarError)) throw e;
        throw new KhabarError(e.code, `stories[${i}]: ${e.message}`, { ...e.details, index: i });
      }
    });
    return putBatch.immediate(stories, Date.now());
  }

  return {
    dialect: 'sqlite',
    putStory: (story) => run('putStory', () => put([story], false)[0]!),
    putStories: (stories) => run('putStories', () => {
      if (!Array.isArray(stories)) throw new KhabarError('INVALID_INPUT', 'stories must be an array', { field: 'stories' });
      return stories.length === 0 ? [] : put(stories, true);
    }),
    getStory: (ref) => run('getStory', () => getStory(ref)),
    getVersions: (id) => run('getVersions', () => {
      if (!Number.isSafeInteger(id)) return [];
      return versions.all(id).map((json) => JSON.parse(json) as Story);
    }),
    listStories: (query = {}) => run('listStories', () => lister.list(query)),
    countStories: () => run('countStories', () => count.get()!),
    services: () => run('services', () => services.all()),
    agencies: () => run('agencies', () => agencies.all()),
    search: (request: SearchRequest) => run('search', (): SearchResult => searchSqlite(db, request)),
    // The search code owns the default number of related stories.
    related: (id: number, limit?: number) => run('related', (): SearchHit[] => relatedSqlite(db, id, limit)),
    close: () => {
      if (db.open) db.close();
      return Promise.resolve();
    },
  };

  function getStory(ref: StoryRef): StoredStory | undefined {
    const r = ref as Partial<Record<'id' | 'uri' | 'code' | 'source', unknown>> | null;
    let row: { id: number; story: string } | undefined;
    if (r !== null && typeof r === 'object' && 'id' in r) {
      if (typeof r.id !== 'number') throw badRef('ref.id must be a number');
      row = Number.isSafeInteger(r.id) ? byId.get(r.id) : undefined;
    } else if (r !== null && typeof r === 'object' && 'uri' in r) {
      if (typeof r.uri !== 'string') throw badRef('ref.uri must be a string');
      row = byUri.get(r.uri);
    } else if (r !== null && typeof r === 'object' && 'code' in r) {
      if (typeof r.code !== 'number') throw badRef('ref.code must be a number');
      row = Number.isSafeInteger(r.code) ? byCode.get(r.code) : undefined;
    } else if (r !== null && typeof r === 'object' && 'source' in r) {
      const s = r.source as { name?: unknown; id?: unknown } | null;
      if (s === null || typeof s !== 'object' || typeof s.name !== 'string' || typeof s.id !== 'string') {
        throw badRef('ref.source must be { name: string, id: string }');
      }
      row = bySource.get(s.name, s.id);
    } else {
      throw badRef('ref must have one of id, uri, code or source');
    }
    return row === undefined ? undefined : toStoredStory(row);
  }
}

function badRef(message: string): KhabarError {
  return new KhabarError('INVALID_INPUT', message, { field: message.split(' ')[0] });
}
