/**
 * The one storage interface (DESIGN.md §4): stories with every version, services, agencies, import
 * sources, and search. Adapters: sqlite/ (default) and postgres/ (later); both pass the conformance suite
 * in conformance/. Every method is async so that a networked database fits the same interface.
 */
import type { Story } from '../story/index.js';
import type { SearchRequest, SearchResult, SearchHit } from '../search/index.js';
import type { NewsroomStore } from './newsroom-store.js';

/** A stored story: the store's id and the latest version. */
export interface StoredStory {
  /** The store's id (stable, never reused). */
  id: number;
  /** The latest version. */
  story: Story;
}

/** What happened to a story given to {@link Store.putStory}. */
export interface PutResult {
  id: number;
  /** The story's version number after the put. */
  version: number;
  /** `created`: new story; `updated`: a new version was stored; `unchanged`: identical to the latest version, nothing written. */
  status: 'created' | 'updated' | 'unchanged';
  /** The story code (کد خبر), assigned by the store on creation when the story had none. */
  code: number;
}

/** How to find one story. */
export type StoryRef = { id: number } | { uri: string } | { code: number } | { source: { name: string; id: string } };

/** Filters and paging for {@link Store.listStories}; newest first. */
export interface ListQuery {
  service?: string;
  agency?: string;
  tag?: string;
  /** ISO instants, inclusive. */
  from?: string;
  to?: string;
  /** Only these publication statuses; default usable only. */
  pubStatus?: Array<Story['pubStatus']>;
  /** 1–1000, default 20. */
  limit?: number;
  offset?: number;
}

/** A name and how many stories carry it. */
export interface NameCount {
  name: string;
  count: number;
}

/** What a wire event says happened to a story. */
export type WireEventKind = 'published' | 'updated' | 'killed';

/**
 * One entry of the wire log: a story version that subscribers must receive. `seq` is strictly
 * increasing and never reused; the live wire uses it as the Server-Sent Events id.
 */
export interface WireEvent {
  seq: number;
  kind: WireEventKind;
  /** The store's id of the story. */
  id: number;
  /** When the version was stored (ISO 8601). */
  at: string;
  /** The story as of this event (that version). */
  story: Story;
}

/** Most wire events one {@link Store.wireEvents} call returns. */
export const MAX_WIRE_EVENTS_PAGE = 1000;

/** The storage interface. */
export interface Store {
  /** `sqlite` or `postgres`. */
  readonly dialect: 'sqlite' | 'postgres';
  /** The newsroom's persistence, in the same database (see newsroom-store.ts). */
  readonly newsroom: NewsroomStore;
  /**
   * Stores a story. Its identity is `source` (name + id) when it has one, else its `uri`: a story with the
   * identity of a stored one becomes its next version (version number +1) unless its content is identical
   * (then nothing is written: imports are idempotent). A new story without a code gets the next code.
   * Durable when the promise resolves.
   */
  putStory(story: Story): Promise<PutResult>;
  /** {@link putStory} for many stories in one transaction (all or nothing); results in input order. */
  putStories(stories: readonly Story[]): Promise<PutResult[]>;
  /** The latest version of one story, or undefined. */
  getStory(ref: StoryRef): Promise<StoredStory | undefined>;
  /** Every stored version of a story, oldest first (empty for an unknown id). */
  getVersions(id: number): Promise<Story[]>;
  /** Stories, newest first (by versionCreated/firstCreated, then id). */
  listStories(query?: ListQuery): Promise<{ items: StoredStory[]; total: number }>;
  /** Number of stories (any status). */
  countStories(): Promise<number>;
  /** Services with story counts, most first. */
  services(): Promise<NameCount[]>;
  /** Agencies with story counts, most first. */
  agencies(): Promise<NameCount[]>;
  /** Full-text search over usable stories (DESIGN.md §3). */
  search(request: SearchRequest): Promise<SearchResult>;
  /** Stories most like the given one (by its terms), best first, not including itself. */
  related(id: number, limit?: number): Promise<SearchHit[]>;
  /**
   * The wire log after sequence `after` (0: from the start), oldest first, at most `limit` (default and
   * maximum {@link MAX_WIRE_EVENTS_PAGE}).
   */
  wireEvents(after: number, limit?: number): Promise<WireEvent[]>;
  /** The newest wire sequence number (0 when the log is empty). */
  lastWireSeq(): Promise<number>;
  /** Closes the connection; the store cannot be used afterwards. */
  close(): Promise<void>;
}
