/**
 * Reading the ranked index. Each connection keeps, in memory, which segment holds every story's live
 * postings and the story's BM25 length (8 bytes per story id), refreshed from the rows written since it
 * last looked (`search_docs.gen`). A term's postings are then one key lookup per segment, decoded
 * straight into reusable typed arrays with stale postings skipped.
 *
 * Call {@link RankedIndexReader.refresh} inside the read transaction the search runs in, so that the
 * story table and the postings come from one snapshot even while another connection writes.
 */
import type Database from 'better-sqlite3';
import { decodeLivePostings, newScratch, type PostingsScratch } from './postings-codec.js';

/** Most document frequencies a reader remembers (about 4 MB). */
const DF_CACHE_TERMS = 50_000;

/** Live postings of one term, in the reader's scratch arrays (valid until the next call). */
export interface TermPostings {
  ids: Int32Array;
  tfs: Int32Array;
  /** How many postings: entries 0..count-1 of `ids` and `tfs`. */
  count: number;
}

/** The in-memory side of the ranked index for one connection; get it with {@link rankedReader}. */
export class RankedIndexReader {
  /** Segment of each story's live postings (0: not searchable), by story id. */
  docSegment = new Int32Array(0);
  /** BM25 length of each story, by story id. */
  docLength = new Int32Array(0);
  /** Searchable stories. */
  liveDocs = 0;
  /** Sum of the searchable stories' lengths. */
  totalLength = 0;
  private gen = -1;
  private readonly scratch: PostingsScratch = newScratch(4096);
  private readonly readGen: Database.Statement<[], number>;
  private readonly changedDocs: Database.Statement<[number], [number, number, number]>;
  private readonly termRow: Database.Statement<[number, string], Buffer>;
  private readonly termCounts: Database.Statement<[number, string], [string, number]>;
  private readonly segmentIds: Database.Statement<[], number>;
  /** The segments, oldest first. */
  private segments: number[] = [];
  /** {@link approximateDocumentFrequencies} answers for this generation. */
  private readonly dfCache = new Map<string, number>();

  constructor(db: Database.Database) {
    this.readGen = db.prepare<[], number>(`SELECT value FROM sequences WHERE name = 'search_gen'`).pluck();
    this.changedDocs = db.prepare<[number], [number, number, number]>(
      'SELECT story_id, segment, length FROM search_docs WHERE gen > ?').raw();
    this.termRow = db.prepare<[number, string], Buffer>('SELECT postings FROM search_postings WHERE segment = ? AND term = ?').pluck();
    this.termCounts = db.prepare<[number, string], [string, number]>(
      'SELECT term, n FROM search_postings WHERE segment = ? AND term IN (SELECT value FROM json_each(?))').raw();
    this.segmentIds = db.prepare<[], number>('SELECT id FROM search_segments ORDER BY id').pluck();
  }

  /** The largest story id the arrays cover. */
  get maxId(): number {
    return this.docSegment.length - 1;
  }

  /** Average BM25 length of a searchable story. */
  get averageLength(): number {
    return this.liveDocs === 0 ? 1 : this.totalLength / this.liveDocs;
  }

  /** Loads the story rows written since the last refresh. */
  refresh(): void {
    const gen = this.readGen.get() ?? 0;
    if (gen === this.gen) return;
    if (gen < this.gen) this.reset(); // the file was replaced by an older one: start over
    for (const [id, segment, length] of this.changedDocs.iterate(Math.max(this.gen, 0)) as IterableIterator<[number, number, number]>) {
      this.grow(id);
      if (this.docSegment[id] !== 0) {
        this.liveDocs--;
        this.totalLength -= this.docLength[id]!;
      }
      this.docSegment[id] = segment;
      this.docLength[id] = segment === 0 ? 0 : length;
      if (segment !== 0) {
        this.liveDocs++;
        this.totalLength += length;
      }
    }
    this.segments = this.segmentIds.all();
    this.dfCache.clear();
    this.gen = gen;
  }

  /** The live postings of `term`, in ascending id order within each segment. */
  postings(term: string): TermPostings {
    const s = this.scratch;
    const seg = this.docSegment;
    let n = 0;
    for (const segment of this.segments) {
      const bytes = this.termRow.get(segment, term);
      if (bytes === undefined) continue;
      n = decodeLivePostings(bytes, s, n, seg, segment);
    }
    return { ids: s.ids, tfs: s.tfs, count: n };
  }

  /**
   * Postings per term counted over all segments, stale ones included: an upper bound of the document
   * frequency that costs no decoding (for choosing telling terms, not for scoring).
   */
  approximateDocumentFrequencies(terms: readonly string[]): Map<string, number> {
    const out = new Map<string, number>();
    const missing: string[] = [];
    for (const term of terms) {
      const n = this.dfCache.get(term);
      if (n === undefined) missing.push(term);
      else if (n > 0) out.set(term, n);
    }
    if (missing.length === 0) return out;
    // One statement per segment for all the terms: a story page asks for hundreds of them.
    const list = JSON.stringify(missing);
    for (const segment of this.segments) {
      for (const [term, n] of this.termCounts.iterate(segment, list) as IterableIterator<[string, number]>) {
        out.set(term, (out.get(term) ?? 0) + n);
      }
    }
    // Story pages share most of their words: remember the counts until the index changes.
    if (this.dfCache.size + missing.length > DF_CACHE_TERMS) this.dfCache.clear();
    for (const term of missing) this.dfCache.set(term, out.get(term) ?? 0);
    return out;
  }

  private grow(id: number): void {
    if (id < this.docSegment.length) return;
    const size = Math.max(id + 1, Math.ceil(this.docSegment.length * 1.5), 1024);
    const seg = new Int32Array(size);
    seg.set(this.docSegment);
    const len = new Int32Array(size);
    len.set(this.docLength);
    this.docSegment = seg;
    this.docLength = len;
  }

  private reset(): void {
    this.docSegment = new Int32Array(0);
    this.docLength = new Int32Array(0);
    this.liveDocs = 0;
    this.totalLength = 0;
    this.gen = -1;
  }
}

const readers = new WeakMap<Database.Database, RankedIndexReader>();

/** The reader of a connection, created on first use. */
export function rankedReader(db: Database.Database): RankedIndexReader {
  let r = readers.get(db);
  if (r === undefined) readers.set(db, (r = new RankedIndexReader(db)));
  return r;
}
