/**
 * Merging segments of the ranked index, so that a term's postings stay in a few rows however many
 * transactions wrote them. Size-tiered: a segment's level is log8 of its story count; when a level holds
 * {@link FANOUT} segments they are merged into one (a level up), and merges cascade. Each posting is thus
 * rewritten about log8(stories per segment / stories per transaction) times. Merging drops stale
 * postings and moves the live stories' `search_docs` rows to the new segment. Levels whose merge would
 * exceed {@link MAX_MERGE_DOCS} stories are left as they are: a merge holds its segments in memory, and
 * a query reads one row per segment, which stays cheap for the few such segments an archive gathers.
 */
import type Database from 'better-sqlite3';
import { decodeLivePostings, encodePostings, newScratch, type PostingsScratch } from './postings-codec.js';

/** Segments per level that trigger a merge. */
export const FANOUT = 8;
/** The largest merge, in stories. */
export const MAX_MERGE_DOCS = 100_000;
/** Term ranges a merge is cut into. */
const MERGE_CHUNKS = 16;

/** A segment's level: floor(log8(stories)). */
export function levelOf(docs: number): number {
  return Math.floor(Math.log(Math.max(docs, 1)) / Math.log(FANOUT) + 1e-9);
}

/** Merges until no level holds {@link FANOUT} mergeable segments. Runs inside the writing transaction. */
export function mergeSegments(db: Database.Database, gen: number): void {
  for (;;) {
    const segments = db.prepare<[], { id: number; docs: number }>('SELECT id, docs FROM search_segments ORDER BY id').all();
    const byLevel = new Map<number, Array<{ id: number; docs: number }>>();
    for (const s of segments) {
      const level = levelOf(s.docs);
      let list = byLevel.get(level);
      if (list === undefined) byLevel.set(level, (list = []));
      list.push(s);
    }
    const level = [...byLevel.keys()].sort((a, b) => a - b).find((l) => {
      const list = byLevel.get(l)!;
      return list.length >= FANOUT && list.reduce((n, s) => n + s.docs, 0) <= MAX_MERGE_DOCS;
    });
    if (level === undefined) return;
    mergeInto(db, byLevel.get(level)!.map((s) => s.id), gen);
  }
}

/** Pack (id, tf) into one double so that a typed-array sort orders postings by id. */
const TF_LIMIT = 2 ** 21;

function mergeInto(db: Database.Database, segments: number[], gen: number): void {
  const ids = JSON.stringify(segments);
  const maxId = (db.prepare('SELECT max(story_id) FROM search_docs').pluck().get() as number | null) ?? 0;
  // Which segment holds each story's live postings (0: none).
  const owner = new Int32Array(maxId + 1);
  for (const [id, seg] of db.prepare('SELECT story_id, segment FROM search_docs WHERE segment IN (SELECT value FROM json_each(?))')
    .raw().iterate(ids) as IterableIterator<[number, number]>) owner[id] = seg;

  const target = Number(db.prepare('INSERT INTO search_segments (docs) VALUES (0)').run().lastInsertRowid);
  const insert = db.prepare<[string, number, number, Buffer]>('INSERT INTO search_postings (term, segment, n, postings) VALUES (?, ?, ?, ?)');
  const read = db.prepare<[number, string, string], [string, Buffer]>(
    'SELECT term, postings FROM search_postings WHERE segment = ? AND term >= ? AND term < ?').raw();
  const scratch = newScratch();
  const packed = { array: new Float64Array(1024) };
  // A term range at a time, so that a merge holds a slice of its segments in memory, not all of them:
  // whole merges of the largest segments were the import's peak resident memory.
  const bounds = termBounds(db, segments);
  for (let c = 0; c + 1 < bounds.length; c++) {
    const parts = new Map<string, Array<[number, Buffer]>>();
    for (const seg of segments) {
      for (const [term, postings] of read.iterate(seg, bounds[c]!, bounds[c + 1]!) as IterableIterator<[string, Buffer]>) {
        let list = parts.get(term);
        if (list === undefined) parts.set(term, (list = []));
        list.push([seg, postings]);
      }
    }
    for (const term of [...parts.keys()].sort()) mergeTerm(parts.get(term)!, owner, scratch, packed, (n, bytes) => insert.run(term, target, n, bytes));
  }
  db.prepare('DELETE FROM search_postings WHERE segment IN (SELECT value FROM json_each(?))').run(ids);
  db.prepare('DELETE FROM search_segments WHERE id IN (SELECT value FROM json_each(?))').run(ids);
  const moved = db.prepare('UPDATE search_docs SET segment = ?, gen = ? WHERE segment IN (SELECT value FROM json_each(?))').run(target, gen, ids).changes;
  db.prepare('UPDATE search_segments SET docs = ? WHERE id = ?').run(moved, target);
}

/**
 * Term boundaries that cut the merge into about {@link MERGE_CHUNKS} ranges of equal row counts (taken
 * from the largest segment): '' first, and a string above every term last.
 */
function termBounds(db: Database.Database, segments: number[]): string[] {
  const count = db.prepare<[number], number>('SELECT count(*) FROM search_postings WHERE segment = ?').pluck();
  let largest = segments[0]!;
  let rows = 0;
  for (const seg of segments) {
    const n = count.get(seg)!;
    if (n > rows) [largest, rows] = [seg, n];
  }
  const at = db.prepare<[number, number], string>('SELECT term FROM search_postings WHERE segment = ? ORDER BY term LIMIT 1 OFFSET ?').pluck();
  const inner = new Set<string>();
  for (let k = 1; k < MERGE_CHUNKS; k++) {
    const term = at.get(largest, Math.floor((rows * k) / MERGE_CHUNKS));
    if (term !== undefined && term !== '') inner.add(term);
  }
  // U+10FFFF sorts after every term in SQLite's BINARY (UTF-8) order.
  return ['', ...[...inner].sort(byBytes), '\u{10FFFF}'];
}

/** SQLite's BINARY collation on text: UTF-8 byte order (which is code point order). */
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Merges one term's parts (segment, postings) into one live, id-ordered list and hands it to `write`. */
function mergeTerm(list: Array<[number, Buffer]>, owner: Int32Array, scratch: PostingsScratch,
  packed: { array: Float64Array }, write: (n: number, bytes: Buffer) => void): void {
  let n = 0;
  // Only postings of stories whose live postings are in that part's segment survive.
  for (const [seg, bytes] of list) n = decodeLivePostings(bytes, scratch, n, owner, seg);
  if (n === 0) return;
  if (list.length > 1) {
    if (packed.array.length < n) packed.array = new Float64Array(Math.max(n, packed.array.length * 2));
    const p = packed.array;
    for (let i = 0; i < n; i++) p[i] = scratch.ids[i]! * TF_LIMIT + Math.min(scratch.tfs[i]!, TF_LIMIT - 1);
    const sorted = p.subarray(0, n).sort();
    for (let i = 0; i < n; i++) {
      const v = sorted[i]!;
      const id = Math.floor(v / TF_LIMIT);
      scratch.ids[i] = id;
      scratch.tfs[i] = v - id * TF_LIMIT;
    }
  }
  write(n, encodePostings(scratch.ids, scratch.tfs, n));
}
