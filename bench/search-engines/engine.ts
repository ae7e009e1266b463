/**
 * The one shape every engine in `npm run bench:search` is driven through, so that indexing, latency and
 * quality are measured by the same loop for khabar and for the JavaScript libraries it is compared with.
 */
import type { Story } from '../../src/story/index.js';

/** Size of an index as the engine itself would persist it. */
export interface IndexSize {
  bytes: number;
  /** What was measured, e.g. "SQLite file" or "JSON.stringify(index)". */
  how: string;
}

/** A search engine under test. Ids are story URIs: unique in every corpus, unlike source ids. */
export interface SearchEngine {
  /** Indexes the stories (the whole corpus in one call; the adapter batches if the engine wants it). */
  add(stories: readonly Story[]): Promise<void>;
  /** Waits until everything added is stored, for engines whose add() may return with a batch still being written. */
  flush?(): Promise<void>;
  /** The URIs of the top `k` stories for a free-text query, best first (fewer when fewer match). */
  search(q: string, k: number): Promise<string[]>;
  /** Size of the built index on disk or in the engine's own serialization. */
  size(): Promise<IndexSize>;
  close(): Promise<void>;
}

/** How to build one engine configuration; `dir` is a scratch folder the engine may write files into. */
export interface EngineSpec {
  /** Short key used on the command line and in the table. */
  key: string;
  /** Table label. */
  label: string;
  /** Exactly what was configured, for the results file. */
  config: string;
  /** True when the engine runs on khabar's analyzer rather than its own tokenizer. */
  khabarAnalyzer: boolean;
  create(dir: string): Promise<SearchEngine>;
}

/**
 * The text the JavaScript engines index: every searchable field of the story in one string, the same
 * fields khabar indexes (headline, lead, body), so that no engine sees more or less text than another.
 */
export function storyText(story: Story): string {
  return [story.headline, story.lead ?? '', ...story.body].join('\n');
}
