/**
 * Snippet windows: a stretch of one field's original text around a match, about 160–240 characters, cut
 * at word (token) boundaries so that no word is split, choosing the window with the most distinct
 * matched terms.
 */
import type { FieldAnalysis, FieldMatch } from './field-matches.js';

/** Snippet length bounds in UTF-16 code units. */
export const SNIPPET_LENGTH = { min: 160, target: 200, max: 240 } as const;
/** Context kept before the first match of a window, so that the match is not the first word. */
const LEAD_CONTEXT = 50;

/** A candidate window [start, end) of a field, with what it contains. */
export interface SnippetWindow {
  start: number;
  end: number;
  /** Distinct query parts matched inside. */
  distinct: number;
  /** Matches inside. */
  count: number;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /[\s\u200E\u200F]/.test(c);

/** Index of the first token ending after `offset` (tokens sorted), or tokens.length. */
function tokenAt(tokens: ReadonlyArray<[number, number]>, offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]![1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Moves `end` back off a high surrogate so that a cut never splits a character outside the BMP. */
function safeEnd(text: string, end: number): number {
  const c = text.charCodeAt(end - 1);
  return c >= 0xd800 && c <= 0xdbff ? end - 1 : end;
}

/**
 * The window of `text` around the match starting at `anchor`: whole text when it is short, else from a
 * token boundary up to {@link LEAD_CONTEXT} characters before the anchor to the last token that keeps the
 * window within the target length; punctuation touching either end («, », ., ،) is kept. A single token
 * longer than the maximum (a URL, hostile input) is cut at the maximum.
 */
export function windowAround(text: string, analysis: FieldAnalysis, anchor: number): { start: number; end: number } {
  const { min, target, max } = SNIPPET_LENGTH;
  if (text.length <= max) return { start: 0, end: text.length };
  const tokens = analysis.tokens;
  if (tokens.length === 0) return { start: 0, end: safeEnd(text, max) };
  const ai = Math.min(tokenAt(tokens, anchor), tokens.length - 1);
  let si = ai;
  while (si > 0 && tokens[ai]![0] - tokens[si - 1]![0] <= LEAD_CONTEXT) si--;
  let ei = ai;
  while (ei + 1 < tokens.length && tokens[ei + 1]![1] - tokens[si]![0] <= target) ei++;
  // Near the end of a paragraph: take more context before instead.
  while (si > 0 && tokens[ei]![1] - tokens[si]![0] < min && tokens[ei]![1] - tokens[si - 1]![0] <= target) si--;
  let start = tokens[si]![0];
  let end = tokens[ei]![1];
  if (end - start > max) return { start, end: safeEnd(text, start + max) };
  const nextStart = ei + 1 < tokens.length ? tokens[ei + 1]![0] : text.length;
  while (end < nextStart && end - start < max && !isSpace(text[end])) end++;
  const prevEnd = si > 0 ? tokens[si - 1]![1] : 0;
  while (start > prevEnd && end - start < max && !isSpace(text[start - 1])) start--;
  return { start, end: safeEnd(text, end) };
}

/** Counts the matches inside [start, end) and how many distinct query parts they are. */
export function scoreWindow(matches: readonly FieldMatch[], start: number, end: number): SnippetWindow {
  const keys = new Set<string>();
  let count = 0;
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < matches.length; i++) {
    const m = matches[i]!;
    if (m.start >= end) break;
    if (m.start >= start && m.end <= end) {
      keys.add(m.key);
      count++;
    }
  }
  return { start, end, distinct: keys.size, count };
}
