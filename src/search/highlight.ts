/**
 * Highlighting on the original text (DESIGN.md §3, §5): the headline with its matches marked, and the best
 * snippets of the lead and body. Every `text` is an exact slice of the stored field, so the site shows
 * what the editor approved, never folded text.
 */
import { KhabarError } from '../errors/index.js';
import type { Story } from '../story/index.js';
import { createQueryMatcher, matchField, toSpans } from './field-matches.js';
import type { FieldAnalysis } from './field-matches.js';
import type { AnalyzedQuery } from './query-types.js';
import type { Highlight } from './search-types.js';
import { scoreWindow, windowAround } from './snippet.js';
import type { SnippetWindow } from './snippet.js';

/** Options for {@link highlight}. */
export interface HighlightOptions {
  /** Most snippets from lead and body, 0–3; default 2. Fewer are returned when fewer places match. */
  snippets?: number;
}

/** Upper bound on windows tried per story, so a paragraph repeating a query word 20,000 times stays fast. */
const MAX_ANCHORS = 2_000;

interface Field {
  field: 'lead' | 'body';
  paragraph?: number;
  text: string;
}

interface Candidate extends SnippetWindow {
  order: number;
  f: Field;
  analysis: FieldAnalysis;
}

function makeHighlight(f: Field, analysis: FieldAnalysis, start: number, end: number): Highlight {
  const h: Highlight = { field: f.field, text: f.text.slice(start, end), offset: start, spans: toSpans(analysis.matches, start, end - start) };
  if (f.paragraph !== undefined) h.paragraph = f.paragraph;
  return h;
}

/**
 * Highlights a story for a query: first the whole headline with its matched spans (always, even with
 * none), then up to `options.snippets` snippets of lead/body (about 160–240 characters, cut at word
 * boundaries), chosen by most distinct matched terms, then most matches, then earliest, never overlapping,
 * returned in reading order. With no match in lead or body, one snippet from the start of the lead (or
 * the first paragraph) is returned without spans, so that a result still shows its text.
 *
 * Matched: tokens whose `fa` term is in `should`/`must`, whose folded form is in `exactShould` or starts
 * with a prefix, and token sequences equal to a phrase (one span over the whole phrase). Exclusions are
 * not marked. For every highlight, `fieldText.slice(offset, offset + text.length) === text` and every span
 * lies within `text`.
 * @throws KhabarError INVALID_OPTION for a bad `snippets` value.
 */
export function highlight(story: Pick<Story, 'headline' | 'lead' | 'body'>, query: AnalyzedQuery, options: HighlightOptions = {}): Highlight[] {
  const max = options.snippets ?? 2;
  if (!Number.isInteger(max) || max < 0 || max > 3) {
    throw new KhabarError('INVALID_OPTION', `highlight: snippets must be an integer 0–3, got ${String(options.snippets)}`);
  }
  const matcher = createQueryMatcher(query);
  const headline = story.headline ?? '';
  const head = matchField(headline, matcher);
  const out: Highlight[] = [{ field: 'headline', text: headline, offset: 0, spans: toSpans(head.matches, 0, headline.length) }];
  if (max === 0) return out;

  const fields: Field[] = [];
  if (story.lead) fields.push({ field: 'lead', text: story.lead });
  (story.body ?? []).forEach((text, paragraph) => {
    if (text) fields.push({ field: 'body', paragraph, text });
  });

  const candidates: Candidate[] = [];
  let anchors = 0;
  let first: { f: Field; analysis: FieldAnalysis } | undefined;
  fields.forEach((f, order) => {
    if (anchors >= MAX_ANCHORS) return;
    const analysis = matchField(f.text, matcher);
    first ??= { f, analysis };
    let lastStart = -1;
    for (const m of analysis.matches) {
      if (anchors++ >= MAX_ANCHORS) break;
      const w = windowAround(f.text, analysis, m.start);
      if (w.start === lastStart) continue;
      lastStart = w.start;
      candidates.push({ ...scoreWindow(analysis.matches, w.start, w.end), order, f, analysis });
    }
  });

  candidates.sort((a, b) => b.distinct - a.distinct || b.count - a.count || a.order - b.order || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    if (chosen.length >= max) break;
    if (c.count === 0) continue;
    if (chosen.some((o) => o.order === c.order && o.start < c.end && c.start < o.end)) continue;
    chosen.push(c);
  }
  chosen.sort((a, b) => a.order - b.order || a.start - b.start);
  for (const c of chosen) out.push(makeHighlight(c.f, c.analysis, c.start, c.end));
  if (chosen.length === 0 && first) {
    const w = windowAround(first.f.text, first.analysis, 0);
    out.push({ ...makeHighlight(first.f, first.analysis, w.start, w.end), spans: [] });
  }
  return out;
}
