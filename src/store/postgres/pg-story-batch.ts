/**
 * Writing a batch of validated stories on PostgreSQL in few round trips (Store.putStories), with the
 * same outcome as putting them one after another with putStoryTx (pg-story-writer.ts), which it still
 * uses for every story that is not plainly new.
 *
 * Why: one story put alone costs about a dozen statements (lock, identity lookup, uri and code checks,
 * insert, version, keywords, term statistics, search statistics, wire event, notify), each a round trip,
 * and the term statistics upsert touches every distinct term of every story. An archive import puts
 * hundreds of thousands of stories; a batch of new stories instead costs a fixed handful of statements:
 * one identity lookup for the whole batch, one multi-row INSERT per table (arrays bound as parameters
 * and expanded with `unnest`), one term-statistics upsert with each term's count summed over the batch,
 * one search-statistics update, one wire-log insert and one notification.
 *
 * A story takes the batched path when it is plainly new: no stored story has its identity (source, else
 * uri) or its uri, no earlier story in the batch shares its identity or uri, and it carries no code or a
 * code at or below the counter that no stored or earlier story holds (codes above the counter could
 * collide with the codes this batch hands out). Anything else (a new version, a conflict to report) is
 * put by putStoryTx after the new stories before it are flushed, so ids, codes and wire sequence numbers
 * come out in the batch's order, exactly as if the stories had been put one by one.
 */
import type pg from 'pg';
import { filterKey } from '../../search/index.js';
import type { Story } from '../../story/index.js';
import { contentHash } from '../content-hash.js';
import { publishedAtOf, storyColumns, withCodeAndVersion } from '../stored-story.js';
import type { PutResult } from '../store.js';
import type { PgIndexedText } from './pg-index-text.js';
import { lockWriter, nextFreeCodes, notifyWire, putStoryTx } from './pg-story-writer.js';

/** A story of the batch with its search entry (undefined when it is not usable, so not searchable). */
export interface StoryToPut {
  story: Story;
  text: PgIndexedText | undefined;
}

/** What the batch already knows is taken: by stored stories (looked up once) and by earlier stories. */
interface Taken {
  identities: Set<string>;
  uris: Set<string>;
  codes: Set<number>;
  /** Stored stories by identity key, for recognizing an unchanged story without a statement of its own. */
  stored: Map<string, { id: number; version: number; code: number; hash: string }>;
}

const identityOf = (s: Story): string => (s.source ? `s\u0000${s.source.name}\u0000${s.source.id}` : `u\u0000${s.uri}`);

/** Identities, uris and codes of the batch that stored stories already hold, in one statement. */
async function storedTaken(client: pg.PoolClient, stories: readonly Story[]): Promise<Taken> {
  const withSource = stories.filter((s) => s.source !== undefined);
  const { rows } = await client.query<{ id: string; uri: string; code: string; version: number; content_hash: string;
    source_name: string | null; source_id: string | null }>(
    `SELECT id, uri, code, version, content_hash, source_name, source_id FROM stories
      WHERE uri = ANY($1::text[])
         OR code = ANY($2::bigint[])
         OR (source_name, source_id) IN (SELECT * FROM unnest($3::text[], $4::text[]))`,
    [stories.map((s) => s.uri), stories.flatMap((s) => (s.code === undefined ? [] : [s.code])),
      withSource.map((s) => s.source!.name), withSource.map((s) => s.source!.id)]);
  const taken: Taken = { identities: new Set(), uris: new Set(), codes: new Set(), stored: new Map() };
  for (const r of rows) {
    taken.uris.add(r.uri);
    taken.codes.add(Number(r.code));
    const row = { id: Number(r.id), version: r.version, code: Number(r.code), hash: r.content_hash };
    // A story without a source is found by uri even when the stored one has a source (putStoryTx's rule).
    taken.identities.add(`u\u0000${r.uri}`);
    taken.stored.set(`u\u0000${r.uri}`, row);
    if (r.source_name !== null) {
      taken.identities.add(`s\u0000${r.source_name}\u0000${r.source_id}`);
      taken.stored.set(`s\u0000${r.source_name}\u0000${r.source_id}`, row);
    }
  }
  return taken;
}

/**
 * Stores `batch` inside the open transaction on `client`; the results are in the batch's order.
 * @param now the time of the put, ms since the epoch.
 * @throws KhabarError CONFLICT as putStoryTx does (the caller's transaction then rolls the batch back).
 */
export async function putStoriesTx(client: pg.PoolClient, batch: readonly StoryToPut[], now: number): Promise<PutResult[]> {
  let lastCode = await lockWriter(client);
  const taken = await storedTaken(client, batch.map((b) => b.story));
  const out: PutResult[] = new Array<PutResult>(batch.length);
  // The plainly new stories not yet written, with their places in the batch.
  let group: StoryToPut[] = [];
  let places: number[] = [];
  const flush = async (): Promise<void> => {
    if (group.length === 0) return;
    const results = await insertNewStories(client, group, lastCode, now);
    lastCode = results.lastCode;
    results.puts.forEach((put, i) => { out[places[i]!] = put; });
    group = [];
    places = [];
  };
  const startCode = lastCode;
  const seen = new Set<string>();
  for (const [place, b] of batch.entries()) {
    const s = b.story;
    const id = identityOf(s);
    // An unchanged story (a re-import) needs no statement, unless an earlier story of the batch has the
    // same identity and so may have changed what is stored. putStoryTx compares the same hash.
    const stored = seen.has(id) ? undefined : taken.stored.get(id);
    seen.add(id);
    if (stored !== undefined && (s.code === undefined || s.code === stored.code) && contentHash(s) === stored.hash) {
      out[place] = { id: stored.id, version: stored.version, status: 'unchanged', code: stored.code };
      continue;
    }
    const plainlyNew = !taken.identities.has(id) && !taken.uris.has(s.uri) &&
      (s.code === undefined || (s.code <= startCode && !taken.codes.has(s.code)));
    // Whatever happens to this story, later ones must treat its identity, uri and code as taken.
    taken.identities.add(id);
    taken.uris.add(s.uri);
    if (s.code !== undefined) taken.codes.add(s.code);
    if (plainlyNew) {
      group.push(b);
      places.push(place);
      continue;
    }
    await flush();
    const put = await putStoryTx(client, s, now, b.text);
    taken.codes.add(put.code);
    if (put.status === 'created' && s.code === undefined) lastCode = put.code; // putStoryTx advanced the counter
    out[place] = put;
  }
  await flush();
  return out;
}

/** Inserts plainly new stories (see the header) in one statement per table. */
async function insertNewStories(client: pg.PoolClient, group: readonly StoryToPut[], lastCode: number, now: number)
  : Promise<{ puts: PutResult[]; lastCode: number }> {
  const auto = group.filter((b) => b.story.code === undefined).length;
  const codes = auto > 0 ? await nextFreeCodes(client, lastCode, auto) : [];
  let next = 0;
  const rows = group.map((b) => {
    const code = b.story.code ?? codes[next++]!;
    // The first version keeps the number it came with (an import may start at 3), as putStoryTx does.
    const story = withCodeAndVersion(b.story, code, b.story.version);
    return { story, code, json: JSON.stringify(story), text: b.text, columns: storyColumns(story) };
  });
  const col = <T>(f: (r: (typeof rows)[number]) => T): T[] => rows.map(f);
  const inserted = await client.query<{ id: string; uri: string }>(`INSERT INTO stories
      (uri, code, source_name, source_id, service, agency, pub_status, published_at, version, story, content_hash,
       created_at, updated_at, fa, exact, doc_length)
    SELECT u.uri, u.code, u.source_name, u.source_id, u.service, u.agency, u.pub_status, u.published_at, u.version,
        u.story, u.content_hash, $15, $15, u.fa::tsvector, u.exact::tsvector, u.doc_length
      FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[],
        $9::int[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int[])
        WITH ORDINALITY AS u (uri, code, source_name, source_id, service, agency, pub_status, published_at, version,
          story, content_hash, fa, exact, doc_length, ord)
      ORDER BY u.ord
    RETURNING id, uri`,
  [col((r) => r.columns.uri), col((r) => r.code), col((r) => r.columns.source_name), col((r) => r.columns.source_id),
    col((r) => r.columns.service), col((r) => r.columns.agency), col((r) => r.columns.pub_status),
    col((r) => publishedAtOf(r.story, now)), col((r) => r.story.version), col((r) => r.json), col((r) => contentHash(r.story)),
    col((r) => r.text?.fa ?? null), col((r) => r.text?.exact ?? null), col((r) => r.text?.length ?? null), now]);
  // RETURNING's row order is not promised; uris are unique within the group.
  const idOf = new Map(inserted.rows.map((r) => [r.uri, Number(r.id)]));
  const ids = col((r) => idOf.get(r.story.uri)!);
  // The version rows copy the JSON just inserted instead of sending it a second time.
  await client.query(`INSERT INTO story_versions (story_id, version, story, created_at)
    SELECT id, version, story, created_at FROM stories WHERE id = ANY($1::bigint[])`, [ids]);
  await insertKeywords(client, ids, rows.map((r) => r.story.keywords));
  await addTermStats(client, rows.flatMap((r) => (r.text === undefined ? [] : [r.text])));
  // Only usable stories reach the wire (a withheld or canceled first version is not news).
  const wired = rows.flatMap((r, i) => (r.story.pubStatus === 'usable' ? [{ id: ids[i]!, version: r.story.version }] : []));
  if (wired.length > 0) {
    await client.query(`INSERT INTO wire_events (story_id, version, kind, at)
      SELECT w.id, w.version, 'published', $3 FROM unnest($1::bigint[], $2::int[]) WITH ORDINALITY AS w (id, version, ord)
      ORDER BY w.ord`, [wired.map((w) => w.id), wired.map((w) => w.version), now]);
    await notifyWire(client);
  }
  const newLast = codes.length > 0 ? codes[codes.length - 1]! : lastCode;
  if (newLast !== lastCode) await client.query(`UPDATE sequences SET value = $1 WHERE name = 'story_code'`, [newLast]);
  return {
    puts: rows.map((r, i) => ({ id: ids[i]!, version: r.story.version, status: 'created', code: r.code })),
    lastCode: newLast,
  };
}

async function insertKeywords(client: pg.PoolClient, ids: readonly number[], keywords: ReadonlyArray<readonly string[]>): Promise<void> {
  const storyIds: number[] = [];
  const words: string[] = [];
  keywords.forEach((list, i) => {
    for (const k of list) {
      storyIds.push(ids[i]!);
      words.push(k);
    }
  });
  if (words.length === 0) return;
  // ON CONFLICT DO NOTHING: a story may repeat a keyword; the table holds each once.
  await client.query(`INSERT INTO story_keywords (story_id, keyword, key)
    SELECT id, k, key FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u (id, k, key) ON CONFLICT DO NOTHING`,
  [storyIds, words, words.map(filterKey)]);
}

/**
 * Adds the stories' terms to the BM25 statistics: one upsert of each distinct term with the number of
 * stories holding it, in term order (all writers hold the writer lock anyway; a fixed order keeps even
 * a writer that does not from deadlocking on term rows).
 */
async function addTermStats(client: pg.PoolClient, texts: readonly PgIndexedText[]): Promise<void> {
  if (texts.length === 0) return;
  const df = new Map<string, number>();
  let length = 0;
  for (const t of texts) {
    length += t.length;
    for (const term of t.faTerms) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const terms = [...df.keys()].sort();
  if (terms.length > 0) {
    await client.query(`INSERT INTO term_stats (term, df) SELECT * FROM unnest($1::text[], $2::int[])
      ON CONFLICT (term) DO UPDATE SET df = term_stats.df + EXCLUDED.df`, [terms, terms.map((t) => df.get(t)!)]);
  }
  await client.query('UPDATE search_stats SET docs = docs + $1, total_len = total_len + $2 WHERE id = 1', [texts.length, length]);
}
