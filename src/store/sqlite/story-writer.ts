/**
 * Writing one validated story: identity, idempotence, versions, code assignment, keywords, the wire
 * log and the search index entries (FTS5 exact terms, ranked-index terms). Statements are prepared once per connection and reused for every story (preparing is
 * the dominant cost of a small statement). Callers wrap calls in a transaction (see sqlite-store.ts).
 */
import type { StoryRow } from './rows.js';
import type Database from 'better-sqlite3';
import { KhabarError } from '../../errors/index.js';
import type { Story } from '../../story/index.js';
import { publishedAtOf, storyColumns, withCodeAndVersion } from '../stored-story.js';
import type { PutResult } from '../store.js';
import { contentHash } from '../content-hash.js';
import { indexText, type IndexedText } from './analyzed-story.js';
import { createRankedIndexWriter } from './ranked/index-writer.js';

/** The first story code the store assigns is this + 1 (see migrations/001-initial.ts). */
export const STORY_CODE_SEQUENCE_START = 1_000_000;

/** Writes stories; create with {@link createStoryWriter}. */
export interface StoryWriter {
  /**
   * Stores one validated story (see Store.putStory). Must run inside a transaction that ends with
   * {@link StoryWriter.finish} (or {@link StoryWriter.discard} when it rolls back).
   * @param now the time of the put, ms since the epoch.
   * @param text the story's indexed text when it was analyzed ahead (analysis-pool.ts); else analyzed here.
   * @throws KhabarError CONFLICT when the story's uri or code belongs to another story, or its code differs
   *   from the stored story's.
   */
  put(story: Story, now: number, text?: IndexedText): PutResult;
  /** Writes the story-code sequence and the ranked-index segment of the puts since the last call. Call at the end of the transaction. */
  finish(): void;
  /** Forgets the advanced sequence (the transaction is rolling back). */
  discard(): void;
}

/** The columns a put reads of the story it may replace (every `stories` column but the JSON). */
type ExistingRow = Omit<StoryRow, 'story'>;

const EXISTING_COLUMNS = 'id, uri, code, pub_status, published_at, version, content_hash';

/** Prepares the statements a writer needs on `db`. */
export function createStoryWriter(db: Database.Database): StoryWriter {
  const bySource = db.prepare<[string, string], ExistingRow>(
    `SELECT ${EXISTING_COLUMNS} FROM stories WHERE source_name = ? AND source_id = ?`);
  const byUri = db.prepare<[string], ExistingRow>(`SELECT ${EXISTING_COLUMNS} FROM stories WHERE uri = ?`);
  const idByCode = db.prepare<[number], number>('SELECT id FROM stories WHERE code = ?').pluck();
  const readCode = db.prepare<[], number>(`SELECT value FROM sequences WHERE name = 'story_code'`).pluck();
  const writeCode = db.prepare<[number]>(`UPDATE sequences SET value = ? WHERE name = 'story_code'`);
  const insertStory = db.prepare(`INSERT INTO stories
    (uri, code, source_name, source_id, service, agency, pub_status, published_at, version, story, content_hash,
     created_at, updated_at)
    VALUES (@uri, @code, @source_name, @source_id, @service, @agency, @pub_status, @published_at, @version, @story,
     @content_hash, @now, @now)`);
  const updateStory = db.prepare(`UPDATE stories SET
    uri = @uri, source_name = @source_name, source_id = @source_id, service = @service, agency = @agency,
    pub_status = @pub_status, published_at = @published_at, version = @version, story = @story,
    content_hash = @content_hash, updated_at = @now
    WHERE id = @id`);
  const insertVersion = db.prepare<[number, number, string, number]>(
    'INSERT INTO story_versions (story_id, version, story, created_at) VALUES (?, ?, ?, ?)');
  const deleteKeywords = db.prepare<[number]>('DELETE FROM story_keywords WHERE story_id = ?');
  // OR IGNORE: a story may repeat a keyword; the table holds each once.
  const insertKeyword = db.prepare<[number, string]>('INSERT OR IGNORE INTO story_keywords (story_id, keyword) VALUES (?, ?)');
  // Contentless-delete FTS5 table: deleting by rowid alone is allowed, and deleting a rowid that is
  // not there is a no-op.
  const deleteFts = db.prepare<[number]>('DELETE FROM story_fts WHERE rowid = ?');
  const insertFts = db.prepare<[number, string]>('INSERT INTO story_fts (rowid, exact) VALUES (?, ?)');
  const ranked = createRankedIndexWriter(db);
  const insertWireEvent = db.prepare<[number, number, string, number]>(
    'INSERT INTO wire_events (story_id, version, kind, at) VALUES (?, ?, ?, ?)');

  /** Logs the version for the live wire when subscribers must see it (see migrations/003-wire-events.ts). */
  function logWire(id: number, version: number, status: Story['pubStatus'], wasUsable: boolean, now: number): void {
    const kind = status === 'usable' ? (wasUsable ? 'updated' : 'published') : status === 'canceled' && wasUsable ? 'killed' : undefined;
    if (kind !== undefined) insertWireEvent.run(id, version, kind, now);
  }

  /** Another story (not `selfId`) with this uri, or this code. */
  function assertUriFree(uri: string, selfId: number | undefined): void {
    const other = byUri.get(uri);
    if (other !== undefined && other.id !== selfId) {
      throw new KhabarError('CONFLICT', `uri ${uri} belongs to another story (id ${other.id})`,
        { field: 'story.uri', uri, conflictingId: other.id });
    }
  }

  // The last code handed out in this transaction, written back by finish(). The transaction holds the
  // write lock (BEGIN IMMEDIATE), so no other connection can take codes meanwhile; one UPDATE per batch
  // instead of one per story.
  let lastCode: number | undefined;

  function assignCode(): number {
    let code = lastCode ?? readCode.get()!;
    // Skip codes an imported story already carries.
    do code += 1;
    while (idByCode.get(code) !== undefined);
    lastCode = code;
    return code;
  }

  function discard(): void {
    lastCode = undefined;
    ranked.discard();
  }

  /** The exact terms go to FTS5 (phrases, prefixes), the fa terms to the ranked index. */
  function writeIndex(id: number, story: Story, wasIndexed: boolean, text: IndexedText | undefined): void {
    if (wasIndexed) deleteFts.run(id);
    // Only usable stories are searchable: a killed (canceled) or withheld story leaves the index.
    if (story.pubStatus === 'usable') {
      const t = text ?? indexText(story);
      insertFts.run(id, t.exact);
      ranked.put(id, t);
    } else if (wasIndexed) {
      ranked.remove(id);
    }
  }

  function writeKeywords(id: number, story: Story, replace: boolean): void {
    if (replace) deleteKeywords.run(id);
    for (const k of story.keywords) insertKeyword.run(id, k);
  }

  return {
    finish() {
      if (lastCode !== undefined) writeCode.run(lastCode);
      ranked.flush();
      discard();
    },
    discard,
    put(input, now, text) {
      const existing = input.source !== undefined
        ? bySource.get(input.source.name, input.source.id)
        : byUri.get(input.uri);
      if (existing !== undefined) {
        if (input.code !== undefined && input.code !== existing.code) {
          throw new KhabarError('CONFLICT',
            `story code ${input.code} differs from stored story ${existing.id}'s code ${existing.code}; a story code never changes`,
            { field: 'story.code', code: input.code, storedCode: existing.code, conflictingId: existing.id });
        }
        const hash = contentHash(input);
        if (hash === existing.content_hash) {
          return { id: existing.id, version: existing.version, status: 'unchanged', code: existing.code };
        }
        // Identity by source: a new version may carry a new uri (e.g. one derived from its text); it must
        // still not be another story's.
        if (input.uri !== existing.uri) assertUriFree(input.uri, existing.id);
        const version = existing.version + 1;
        const story = withCodeAndVersion(input, existing.code, version);
        const json = JSON.stringify(story);
        updateStory.run({
          id: existing.id, ...storyColumns(story), published_at: publishedAtOf(story, existing.published_at),
          version, story: json, content_hash: hash, now,
        });
        insertVersion.run(existing.id, version, json, now);
        writeKeywords(existing.id, story, true);
        writeIndex(existing.id, story, existing.pub_status === 'usable', text);
        logWire(existing.id, version, story.pubStatus, existing.pub_status === 'usable', now);
        return { id: existing.id, version, status: 'updated', code: existing.code };
      }

      assertUriFree(input.uri, undefined);
      let code = input.code;
      if (code !== undefined) {
        const other = idByCode.get(code);
        if (other !== undefined) {
          throw new KhabarError('CONFLICT', `story code ${code} belongs to another story (id ${other})`,
            { field: 'story.code', code, conflictingId: other });
        }
      } else {
        code = assignCode();
      }
      // The first version keeps the number it came with (an import may start at 3); later ones count up.
      const story = withCodeAndVersion(input, code, input.version);
      const json = JSON.stringify(story);
      const info = insertStory.run({
        ...storyColumns(story), code, published_at: publishedAtOf(story, now), version: story.version, story: json,
        content_hash: contentHash(story), now,
      });
      const id = Number(info.lastInsertRowid);
      insertVersion.run(id, story.version, json, now);
      writeKeywords(id, story, false);
      writeIndex(id, story, false, text);
      logWire(id, story.version, story.pubStatus, false, now);
      return { id, version: story.version, status: 'created', code };
    },
  };
}
