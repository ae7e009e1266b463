/**
 * The PostgreSQL Store: the Store interface over a {@link PgDb} pool. Every write is one transaction
 * (putStories: the whole batch, written by {@link putStoriesTx} in few round trips); reads run on any pooled connection.
 * Dialect notes: BIGINT columns arrive as strings (converted with Number; ids and seqs stay < 2^53);
 * COUNT(*) is cast to int in SQL for the same reason.
 */
import { KhabarError } from '../../errors/index.js';
import type { SearchHit, SearchRequest, SearchResult } from '../../search/index.js';
import { validateStory, type Story } from '../../story/index.js';
import type { NewsroomStore } from '../newsroom-store.js';
import { createPgNewsroom } from './newsroom/pg-newsroom.js';
import { MAX_WIRE_EVENTS_PAGE } from '../store.js';
import type { NameCount, PutResult, Store, StoredStory, StoryRef, WireEvent, WireEventKind } from '../store.js';
import type { PgDb } from './pg-db.js';
import { fromPgError } from './pg-errors.js';
import { listStoriesPg, toStored } from './pg-list-query.js';
import { relatedPg, searchPg } from './pg-search.js';
import { putStoriesTx } from './pg-story-batch.js';
import { createStatisticsKeeper } from './pg-statistics.js';
import { searchEntry } from './pg-story-writer.js';

/** A Store over an open, migrated `db`; the store owns it (`close()` ends the pool). */
export function createPgStore(db: PgDb): Store {
  /** Runs `fn`, turning driver errors into KhabarErrors. */
  async function run<T>(action: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw fromPgError(e, action);
    }
  }

  // Fresh planner statistics after bulk writes (an import), which autovacuum would bring too late.
  const statistics = createStatisticsKeeper(db);

  /** Validates everything before any transaction: bad input never takes the writer lock. */
  function validate(inputs: readonly unknown[], prefix: boolean): Story[] {
    return inputs.map((input, i) => {
      try {
        return validateStory(input);
      } catch (e) {
        if (!prefix || !(e instanceof KhabarError)) throw e;
        throw new KhabarError(e.code, `stories[${i}]: ${e.message}`, { ...e.details, index: i });
      }
    });
  }

  async function put(action: string, inputs: readonly unknown[], prefix: boolean): Promise<PutResult[]> {
    const stories = validate(inputs, prefix);
    // Analysis runs before the transaction: no lock is held meanwhile, and while this batch is analyzed
    // the database can still be writing the one before (the import hands batches over that way).
    const batch = stories.map((story) => ({ story, text: searchEntry(story) }));
    const now = Date.now();
    const out = await run(action, () => db.tx((client) => putStoriesTx(client, batch, now)));
    await statistics.written(out.filter((r) => r.status !== 'unchanged').length);
    return out;
  }

  async function one(sql: string, param: unknown): Promise<StoredStory | undefined> {
    const rows = await db.query<{ id: string; story: string }>(sql, [param]);
    return rows[0] === undefined ? undefined : toStored(rows[0]);
  }

  async function getStory(ref: StoryRef): Promise<StoredStory | undefined> {
    const r = ref as Partial<Record<'id' | 'uri' | 'code' | 'source', unknown>> | null;
    if (r !== null && typeof r === 'object' && 'id' in r) {
      if (typeof r.id !== 'number') throw badRef('ref.id must be a number');
      return Number.isSafeInteger(r.id) ? one('SELECT id, story FROM stories WHERE id = $1', r.id) : undefined;
    }
    if (r !== null && typeof r === 'object' && 'uri' in r) {
      if (typeof r.uri !== 'string') throw badRef('ref.uri must be a string');
      return one('SELECT id, story FROM stories WHERE uri = $1', r.uri);
    }
    if (r !== null && typeof r === 'object' && 'code' in r) {
      if (typeof r.code !== 'number') throw badRef('ref.code must be a number');
      return Number.isSafeInteger(r.code) ? one('SELECT id, story FROM stories WHERE code = $1', r.code) : undefined;
    }
    if (r !== null && typeof r === 'object' && 'source' in r) {
      const s = r.source as { name?: unknown; id?: unknown } | null;
      if (s === null || typeof s !== 'object' || typeof s.name !== 'string' || typeof s.id !== 'string') {
        throw badRef('ref.source must be { name: string, id: string }');
      }
      const rows = await db.query<{ id: string; story: string }>(
        'SELECT id, story FROM stories WHERE source_name = $1 AND source_id = $2', [s.name, s.id]);
      return rows[0] === undefined ? undefined : toStored(rows[0]);
    }
    throw badRef('ref must have one of id, uri, code or source');
  }

  async function nameCounts(column: 'service' | 'agency'): Promise<NameCount[]> {
    return db.query<NameCount>(`SELECT ${column} AS name, COUNT(*)::int AS count FROM stories
      WHERE pub_status = 'usable' AND ${column} IS NOT NULL GROUP BY ${column} ORDER BY count DESC, name`);
  }

  // The newsroom's tables live in the same database; publishing uses the same story writer (pg-story-writer.ts).
  const newsroom: NewsroomStore = createPgNewsroom(db);

  return {
    dialect: 'postgres',
    newsroom,
    putStory: async (story) => (await put('putStory', [story], false))[0]!,
    putStories: async (stories) => {
      if (!Array.isArray(stories)) throw new KhabarError('INVALID_INPUT', 'stories must be an array', { field: 'stories' });
      return stories.length === 0 ? [] : put('putStories', stories, true);
    },
    getStory: (ref) => run('getStory', () => getStory(ref)),
    getVersions: (id) => run('getVersions', async () => {
      if (!Number.isSafeInteger(id)) return [];
      const rows = await db.query<{ story: string }>('SELECT story FROM story_versions WHERE story_id = $1 ORDER BY version', [id]);
      return rows.map((r) => JSON.parse(r.story) as Story);
    }),
    listStories: (query = {}) => run('listStories', () => listStoriesPg(db, query)),
    countStories: () => run('countStories', async () => (await db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM stories'))[0]!.n),
    services: () => run('services', () => nameCounts('service')),
    agencies: () => run('agencies', () => nameCounts('agency')),
    search: (request: SearchRequest) => run('search', (): Promise<SearchResult> => searchPg(db, request)),
    related: (id: number, limit?: number) => run('related', (): Promise<SearchHit[]> => relatedPg(db, id, limit)),
    wireEvents: (after, limit = MAX_WIRE_EVENTS_PAGE) => run('wireEvents', async (): Promise<WireEvent[]> => {
      if (!Number.isSafeInteger(after) || after < 0) {
        throw new KhabarError('INVALID_INPUT', `after must be a whole number ≥ 0, got ${String(after)}`, { field: 'after' });
      }
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_WIRE_EVENTS_PAGE) {
        throw new KhabarError('INVALID_INPUT', `limit must be an integer from 1 to ${MAX_WIRE_EVENTS_PAGE}, got ${String(limit)}`, { field: 'limit' });
      }
      const rows = await db.query<{ seq: string; kind: WireEventKind; id: string; at: string; story: string }>(
        `SELECT w.seq, w.kind, w.story_id AS id, w.at, v.story FROM wire_events w
          JOIN story_versions v ON v.story_id = w.story_id AND v.version = w.version
          WHERE w.seq > $1 ORDER BY w.seq LIMIT $2`, [after, limit]);
      return rows.map((r) => ({
        seq: Number(r.seq), kind: r.kind, id: Number(r.id), at: new Date(Number(r.at)).toISOString(),
        story: JSON.parse(r.story) as Story,
      }));
    }),
    lastWireSeq: () => run('lastWireSeq', async () =>
      Number((await db.query<{ s: string }>('SELECT COALESCE(MAX(seq), 0) AS s FROM wire_events'))[0]!.s)),
    close: () => db.close(),
  };
}

function badRef(message: string): KhabarError {
  return new KhabarError('INVALID_INPUT', message, { field: message.split(' ')[0] });
}
