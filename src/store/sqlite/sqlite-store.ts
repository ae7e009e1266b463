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
import { MAX_WIRE_EVENTS_PAGE } from '../store.js';
import type { ListQuery, NameCount, PutResult, Store, StoredStory, StoryRef, WireEvent, WireEventKind } from '../store.js';
import { createStoryLister } from './list-query.js';
import { toStoredStory } from './rows.js';
import { fromSqliteError } from './sqlite-errors.js';
import { relatedSqlite, searchSqlite } from './sqlite-search.js';
import { createStoryWriter } from './story-writer.js';
import { createAnalysisPool } from './analysis-pool.js';
import type { IndexedText } from './analyzed-story.js';
import { createSqliteNewsroom } from './newsroom/sqlite-newsroom.js';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** The connection is read-only: puts fail with STORE. */
  readonly?: boolean;
  /**
   * Worker threads that analyze stories' text while the writes run (0, the default: analyze on the
   * calling thread). With threads, puts are queued and written in call order, so a caller may issue the
   * next batch before the previous one resolved and the two overlap.
   */
  analysisThreads?: number;
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
  // INDEXED BY: the (service|agency, pub_status, …) indexes answer these alone. Without statistics the
  // planner picked the pub_status index and read every usable story's row: 30 ms at 20,000 stories, not 2.
  const services = db.prepare<[], NameCount>(`SELECT service AS name, COUNT(*) AS count FROM stories
    INDEXED BY stories_service_published
    WHERE pub_status = 'usable' AND service IS NOT NULL GROUP BY service ORDER BY count DESC, name`);
  const agencies = db.prepare<[], NameCount>(`SELECT agency AS name, COUNT(*) AS count FROM stories
    INDEXED BY stories_agency_published
    WHERE pub_status = 'usable' AND agency IS NOT NULL GROUP BY agency ORDER BY count DESC, name`);

  const wireRows = db.prepare<[number, number], { seq: number; kind: WireEventKind; id: number; at: number; story: string }>(
    `SELECT w.seq, w.kind, w.story_id AS id, w.at, v.story FROM wire_events w
     JOIN story_versions v ON v.story_id = w.story_id AND v.version = w.version
     WHERE w.seq > ? ORDER BY w.seq LIMIT ?`);
  const lastWire = db.prepare<[], number>('SELECT COALESCE(MAX(seq), 0) FROM wire_events').pluck();

  // One transaction for a whole batch. IMMEDIATE takes the write lock at BEGIN, so a second process
  // waits on busy_timeout there instead of failing with SQLITE_BUSY when its read turns into a write.
  const putBatch = writer === undefined ? undefined : db.transaction((stories: readonly Story[], now: number, texts?: IndexedText[]) => {
    try {
      const results = stories.map((s, i) => writer.put(s, now, texts?.[i]));
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

  const threads = readonly ? 0 : Math.max(0, Math.trunc(options.analysisThreads ?? 0));
  const pool = threads > 0 ? createAnalysisPool(threads) : undefined;
  // With a pool, every write waits for the previous one: puts are applied in call order.
  let writes: Promise<unknown> = Promise.resolve();

  /** Validates everything before any transaction: bad input never takes the write lock. */
  function validate(inputs: readonly unknown[], prefix: boolean): Story[] {
    if (putBatch === undefined) throw new KhabarError('STORE', 'the store was opened read-only');
    return inputs.map((input, i) => {
      try {
        return validateStory(input);
      } catch (e) {
        if (!prefix || !(e instanceof KhabarError)) throw e;
        throw new KhabarError(e.code, `stories[${i}]: ${e.message}`, { ...e.details, index: i });
      }
    });
  }

  function put(action: string, inputs: readonly unknown[], prefix: boolean): Promise<PutResult[]> {
    let stories: Story[];
    try {
      stories = validate(inputs, prefix);
    } catch (e) {
      return Promise.reject(fromSqliteError(e, action));
    }
    if (pool === undefined) return run(action, () => putBatch!.immediate(stories, Date.now()));
    const texts = pool.analyze(stories.filter((s) => s.pubStatus === 'usable'));
    const done = writes.then(async () => {
      const usable = await texts;
      let next = 0;
      const aligned = stories.map((s) => (s.pubStatus === 'usable' ? usable[next++] : undefined));
      return run(action, () => putBatch!.immediate(stories, Date.now(), aligned as IndexedText[]));
    });
    writes = done.catch(() => undefined);
    return done;
  }

  return {
    dialect: 'sqlite',
    // The same connection and story writer: publishing is one transaction with the archive write.
    newsroom: createSqliteNewsroom(db, writer),
    putStory: async (story) => (await put('putStory', [story], false))[0]!,
    putStories: (stories) => {
      if (!Array.isArray(stories)) return Promise.reject(new KhabarError('INVALID_INPUT', 'stories must be an array', { field: 'stories' }));
      return stories.length === 0 ? Promise.resolve([]) : put('putStories', stories, true);
    },
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
    wireEvents: (after, limit = MAX_WIRE_EVENTS_PAGE) => run('wireEvents', (): WireEvent[] => {
      if (!Number.isSafeInteger(after) || after < 0) {
        throw new KhabarError('INVALID_INPUT', `after must be a whole number ≥ 0, got ${String(after)}`, { field: 'after' });
      }
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_WIRE_EVENTS_PAGE) {
        throw new KhabarError('INVALID_INPUT', `limit must be an integer from 1 to ${MAX_WIRE_EVENTS_PAGE}, got ${String(limit)}`, { field: 'limit' });
      }
      return wireRows.all(after, limit).map((r) => ({
        seq: r.seq, kind: r.kind, id: r.id, at: new Date(r.at).toISOString(), story: JSON.parse(r.story) as Story,
      }));
    }),
    lastWireSeq: () => run('lastWireSeq', () => lastWire.get()!),
    close: async () => {
      await writes; // queued puts finish first
      await pool?.close();
      if (db.open) db.close();
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
