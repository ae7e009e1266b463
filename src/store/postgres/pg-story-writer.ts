/**
 * Writing one validated story on PostgreSQL, inside a transaction the caller opened (Store.putStory /
 * putStories, or the newsroom's publish): identity (source, else uri), content-hash idempotence,
 * versions, code assignment, keywords, the wire log and the search columns — the rules of
 * sqlite/story-writer.ts.
 *
 * Concurrency (several app servers on one database). Every put first locks the `story_code` row of
 * `sequences` (`SELECT … FOR UPDATE`), held until the transaction ends: the store's writer lock, like
 * SQLite's single writer (BEGIN IMMEDIATE). It makes
 * - identity safe: a second server putting the same new story waits, then (READ COMMITTED takes a new
 *   snapshot per statement) finds the first one's row and stores a version or nothing;
 * - codes gap-free and transactional (a SEQUENCE would burn codes on rollback);
 * - wire sequence numbers commit in order, so a reader polling `seq > n` never skips one that commits late;
 * - term statistics (BM25) updates free of deadlocks, since all writers take this lock first.
 * The story's own row is also read `FOR UPDATE`, and the unique constraints on uri, code and (source)
 * are the last word: a violation (only possible from a writer that bypasses this module) aborts the
 * transaction with CONFLICT (pg-errors.ts).
 */
import type pg from 'pg';
import { KhabarError } from '../../errors/index.js';
import { filterKey } from '../../search/index.js';
import type { Story } from '../../story/index.js';
import { publishedAtOf, storyColumns, withCodeAndVersion } from '../stored-story.js';
import { contentHash } from '../content-hash.js';
import type { PutResult } from '../store.js';
import { pgIndexText, type PgIndexedText } from './pg-index-text.js';

/** The columns a put reads of the story it may replace. */
interface ExistingRow {
  id: string;
  uri: string;
  code: string;
  pub_status: Story['pubStatus'];
  published_at: string;
  version: number;
  content_hash: string;
}

const EXISTING_COLUMNS = 'id, uri, code, pub_status, published_at, version, content_hash';

/**
 * Stores one validated story (see Store.putStory) inside the open transaction on `client`.
 * @param now the time of the put, ms since the epoch.
 * @param text the story's search entry when the caller analyzed it already (outside the transaction).
 * @throws KhabarError CONFLICT when the story's uri or code belongs to another story, or its code differs
 *   from the stored story's.
 */
export async function putStoryTx(client: pg.PoolClient, story: Story, now: number,
  text: PgIndexedText | undefined = searchEntry(story)): Promise<PutResult> {
  const lastCode = await lockWriter(client);
  const found = story.source !== undefined
    ? await client.query<ExistingRow>(
      `SELECT ${EXISTING_COLUMNS} FROM stories WHERE source_name = $1 AND source_id = $2 FOR UPDATE`,
      [story.source.name, story.source.id])
    : await client.query<ExistingRow>(`SELECT ${EXISTING_COLUMNS} FROM stories WHERE uri = $1 FOR UPDATE`, [story.uri]);
  const existing = found.rows[0];
  if (existing !== undefined) return updateExisting(client, story, existing, now, text);
  return insertNew(client, story, lastCode, now, text);
}

/** The search entry of a story: its analyzed text when it is usable (only usable stories are searchable). */
export function searchEntry(story: Story): PgIndexedText | undefined {
  return story.pubStatus === 'usable' ? pgIndexText(story) : undefined;
}

/** Takes the writer lock (see the header), held until the transaction ends; returns the last story code. */
export async function lockWriter(client: pg.PoolClient): Promise<number> {
  const lock = await client.query<{ value: string }>(`SELECT value FROM sequences WHERE name = 'story_code' FOR UPDATE`);
  return Number(lock.rows[0]!.value);
}

async function updateExisting(client: pg.PoolClient, input: Story, existing: ExistingRow, now: number,
  analyzed: PgIndexedText | undefined): Promise<PutResult> {
  const id = Number(existing.id);
  const storedCode = Number(existing.code);
  if (input.code !== undefined && input.code !== storedCode) {
    throw new KhabarError('CONFLICT',
      `story code ${input.code} differs from stored story ${id}'s code ${storedCode}; a story code never changes`,
      { field: 'story.code', code: input.code, storedCode, conflictingId: id });
  }
  const hash = contentHash(input);
  if (hash === existing.content_hash) return { id, version: existing.version, status: 'unchanged', code: storedCode };
  // Identity by source: a new version may carry a new uri; it must still not be another story's.
  if (input.uri !== existing.uri) await assertUriFree(client, input.uri, id);
  const version = existing.version + 1;
  const story = withCodeAndVersion(input, storedCode, version);
  const json = JSON.stringify(story);
  const wasUsable = existing.pub_status === 'usable';
  if (wasUsable) await unindex(client, id);
  const text = story.pubStatus === 'usable' ? analyzed : undefined;
  const c = storyColumns(story);
  await client.query(`UPDATE stories SET
      uri = $2, source_name = $3, source_id = $4, service = $5, agency = $6, pub_status = $7, published_at = $8,
      version = $9, story = $10, content_hash = $11, updated_at = $12,
      fa = $13::tsvector, exact = $14::tsvector, doc_length = $15
    WHERE id = $1`,
  [id, c.uri, c.source_name, c.source_id, c.service, c.agency, c.pub_status,
    publishedAtOf(story, Number(existing.published_at)), version, json, hash, now,
    text?.fa ?? null, text?.exact ?? null, text?.length ?? null]);
  await client.query('INSERT INTO story_versions (story_id, version, story, created_at) VALUES ($1, $2, $3, $4)',
    [id, version, json, now]);
  await client.query('DELETE FROM story_keywords WHERE story_id = $1', [id]);
  await writeKeywords(client, id, story);
  if (text !== undefined) await index(client, text);
  await logWire(client, id, version, story.pubStatus, wasUsable, now);
  return { id, version, status: 'updated', code: storedCode };
}

async function insertNew(client: pg.PoolClient, input: Story, lastCode: number, now: number,
  analyzed: PgIndexedText | undefined): Promise<PutResult> {
  await assertUriFree(client, input.uri, undefined);
  let code = input.code;
  if (code !== undefined) {
    const other = await client.query<{ id: string }>('SELECT id FROM stories WHERE code = $1', [code]);
    if (other.rows[0] !== undefined) {
      const conflictingId = Number(other.rows[0].id);
      throw new KhabarError('CONFLICT', `story code ${code} belongs to another story (id ${conflictingId})`,
        { field: 'story.code', code, conflictingId });
    }
  } else {
    code = (await nextFreeCodes(client, lastCode, 1))[0]!;
    await client.query(`UPDATE sequences SET value = $1 WHERE name = 'story_code'`, [code]);
  }
  // The first version keeps the number it came with (an import may start at 3); later ones count up.
  const story = withCodeAndVersion(input, code, input.version);
  const json = JSON.stringify(story);
  const text = story.pubStatus === 'usable' ? analyzed : undefined;
  const c = storyColumns(story);
  const ins = await client.query<{ id: string }>(`INSERT INTO stories
      (uri, code, source_name, source_id, service, agency, pub_status, published_at, version, story, content_hash,
       created_at, updated_at, fa, exact, doc_length)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13::tsvector, $14::tsvector, $15)
    RETURNING id`,
  [c.uri, code, c.source_name, c.source_id, c.service, c.agency, c.pub_status, publishedAtOf(story, now),
    story.version, json, contentHash(story), now, text?.fa ?? null, text?.exact ?? null, text?.length ?? null]);
  const id = Number(ins.rows[0]!.id);
  await client.query('INSERT INTO story_versions (story_id, version, story, created_at) VALUES ($1, $2, $3, $4)',
    [id, story.version, json, now]);
  await writeKeywords(client, id, story);
  if (text !== undefined) await index(client, text);
  await logWire(client, id, story.version, story.pubStatus, false, now);
  return { id, version: story.version, status: 'created', code };
}

/**
 * The first `n` codes after `last` that no stored story carries (an imported story may already hold
 * one), looked for in windows of n + 63: generate_series is materialized whole before LIMIT applies, so
 * one huge window would cost milliseconds on every put.
 */
export async function nextFreeCodes(client: pg.PoolClient, last: number, n: number): Promise<number[]> {
  const codes: number[] = [];
  for (let from = last + 1; codes.length < n;) {
    const width = n - codes.length + 63;
    const { rows } = await client.query<{ code: string }>(
      `SELECT c AS code FROM generate_series($1::bigint, $1::bigint + $2::bigint - 1) AS c
        WHERE NOT EXISTS (SELECT 1 FROM stories WHERE stories.code = c) ORDER BY c LIMIT $3`, [from, width, n - codes.length]);
    codes.push(...rows.map((r) => Number(r.code)));
    from += width;
  }
  return codes;
}

async function assertUriFree(client: pg.PoolClient, uri: string, selfId: number | undefined): Promise<void> {
  const other = await client.query<{ id: string }>('SELECT id FROM stories WHERE uri = $1', [uri]);
  const otherId = other.rows[0] === undefined ? undefined : Number(other.rows[0].id);
  if (otherId !== undefined && otherId !== selfId) {
    throw new KhabarError('CONFLICT', `uri ${uri} belongs to another story (id ${otherId})`,
      { field: 'story.uri', uri, conflictingId: otherId });
  }
}

async function writeKeywords(client: pg.PoolClient, id: number, story: Story): Promise<void> {
  if (story.keywords.length === 0) return;
  // ON CONFLICT DO NOTHING: a story may repeat a keyword; the table holds each once.
  await client.query(
    `INSERT INTO story_keywords (story_id, keyword, key) SELECT $1, k, key FROM unnest($2::text[], $3::text[]) AS u (k, key)
      ON CONFLICT DO NOTHING`,
    [id, story.keywords, story.keywords.map(filterKey)]);
}

/** Takes a searchable story's terms out of the BM25 statistics (before its row changes). */
async function unindex(client: pg.PoolClient, id: number): Promise<void> {
  await client.query(`UPDATE term_stats SET df = df - 1
    WHERE term IN (SELECT unnest(tsvector_to_array(fa)) FROM stories WHERE id = $1)`, [id]);
  await client.query(`UPDATE search_stats SET docs = docs - 1,
    total_len = total_len - COALESCE((SELECT doc_length FROM stories WHERE id = $1), 0) WHERE id = 1`, [id]);
}

/** Adds a searchable story's terms to the BM25 statistics. */
async function index(client: pg.PoolClient, text: { faTerms: string[]; length: number }): Promise<void> {
  if (text.faTerms.length > 0) {
    await client.query(`INSERT INTO term_stats (term, df) SELECT t, 1 FROM unnest($1::text[]) AS t
      ON CONFLICT (term) DO UPDATE SET df = term_stats.df + 1`, [text.faTerms]);
  }
  await client.query('UPDATE search_stats SET docs = docs + 1, total_len = total_len + $1 WHERE id = 1', [text.length]);
}

/** Logs the version for the live wire when subscribers must see it (SQLite migrations/003-wire-events.ts). */
async function logWire(client: pg.PoolClient, id: number, version: number, status: Story['pubStatus'],
  wasUsable: boolean, now: number): Promise<void> {
  const kind = status === 'usable' ? (wasUsable ? 'updated' : 'published') : status === 'canceled' && wasUsable ? 'killed' : undefined;
  if (kind !== undefined) {
    await client.query('INSERT INTO wire_events (story_id, version, kind, at) VALUES ($1, $2, $3, $4)', [id, version, kind, now]);
    await notifyWire(client);
  }
}

/** Tells the other servers' hubs about the wire events just inserted (delivered at commit: pg-notify.ts). */
export async function notifyWire(client: pg.PoolClient): Promise<void> {
  await client.query(`SELECT pg_notify('khabar_wire', currval(pg_get_serial_sequence('wire_events', 'seq'))::text)`);
}
