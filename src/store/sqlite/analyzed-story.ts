/** What the store indexes of a story's text, and the messages that carry it between threads. */
import { indexTerms } from '../../search/index.js';
import type { Story } from '../../story/index.js';
import { docTerms } from './ranked/doc-terms.js';

/** The indexed text of one story. */
export interface IndexedText {
  /** fa-exact terms for the FTS5 `exact` column (phrases, prefixes). */
  exact: string;
  /** fa term → packed frequency, for the ranked index. */
  terms: Map<string, number>;
  /** BM25 length. */
  length: number;
}

/** The part of a story that is indexed. */
export type StoryText = Pick<Story, 'headline' | 'lead' | 'body'>;

/** Main thread → worker. */
export interface AnalysisRequest {
  id: number;
  texts: StoryText[];
}

/** Worker → main thread. */
export type AnalysisResponse = { id: number; out: IndexedText[] } | { id: number; error: string };

/** Analyzes on the calling thread (no pool, or a single story). */
export function indexText(text: StoryText): IndexedText {
  const t = indexTerms(text);
  const { terms, length } = docTerms(t);
  return { exact: t.exact.join(' '), terms, length };
}
