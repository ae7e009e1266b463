/**
 * The story editor's form as text fields (what the browser posts and what the page shows again), and
 * its conversions: to the service's draft input, from an item's working copy, and through the editorial
 * normalizer (DESIGN.md §3 «ویراستار») field by field — the body paragraph by paragraph, so blank lines
 * between paragraphs stay where the writer put them.
 */
import { normalize } from '../../analysis/index.js';
import { diffWords, type DiffRun, type DraftInput } from '../../newsroom/index.js';
import type { Story } from '../../story/index.js';

/** The editor's fields, as text. */
export interface DraftForm {
  headline: string;
  lead: string;
  /** Paragraphs separated by blank lines. */
  body: string;
  /** Tags separated by «،» or «,». */
  keywords: string;
  /** '' or 1–9. */
  urgency: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The fields of a posted form. */
export function readDraftForm(form: Record<string, unknown>): DraftForm {
  return {
    headline: text(form['headline']), lead: text(form['lead']), body: text(form['body']).replace(/\r\n?/g, '\n'),
    keywords: text(form['keywords']), urgency: text(form['urgency']).trim(),
  };
}

/** The paragraphs of a body text (cut at blank lines, as the service cuts it). */
export function paragraphsOf(body: string): string[] {
  return body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
}

/** The tags of a keywords field. */
export function keywordsOf(keywords: string): string[] {
  return keywords.split(/[,،\n]/).map((k) => k.trim()).filter((k) => k !== '');
}

/** What the service's `file`/`save`/`correct` read. */
export function toDraftInput(f: DraftForm): DraftInput {
  return {
    headline: f.headline, lead: f.lead, body: paragraphsOf(f.body), keywords: keywordsOf(f.keywords),
    ...(f.urgency !== '' ? { urgency: /^\d+$/.test(f.urgency) ? Number(f.urgency) : NaN } : {}),
  };
}

/** The form showing a working copy. */
export function formOf(story: Story): DraftForm {
  return {
    headline: story.headline, lead: story.lead ?? '', body: story.body.join('\n\n'), keywords: story.keywords.join('، '),
    urgency: story.urgency !== undefined ? String(story.urgency) : '',
  };
}

/** True when saving `f` would change `story` (the editor then saves before a workflow move). */
export function differsFrom(f: DraftForm, story: Story): boolean {
  const d = toDraftInput(f);
  return d.headline.trim() !== story.headline || (d.lead ?? '').trim() !== (story.lead ?? '') ||
    JSON.stringify(d.body) !== JSON.stringify(story.body) || JSON.stringify(d.keywords) !== JSON.stringify(story.keywords) ||
    d.urgency !== story.urgency;
}

/** The form with every field normalized (what «apply all suggestions» saves). */
export function normalizeForm(f: DraftForm): DraftForm {
  return {
    ...f,
    headline: normalize(f.headline), lead: normalize(f.lead),
    body: paragraphsOf(f.body).map((p) => normalize(p)).join('\n\n'),
    keywords: keywordsOf(f.keywords).map((k) => normalize(k)).join('، '),
  };
}

/** One field's suggestion: its label and the word diff from the text to the normalized text. */
export interface Suggestion {
  field: string;
  runs: DiffRun[];
}

/** The normalizer's suggestions for `f`, only for fields it would change. */
export function suggestionsFor(f: DraftForm): Suggestion[] {
  const out: Suggestion[] = [];
  const add = (field: string, a: string) => {
    const b = normalize(a);
    if (a !== b) out.push({ field, runs: diffWords(a, b) });
  };
  add('تیتر', f.headline.trim());
  add('لید', f.lead.trim());
  paragraphsOf(f.body).forEach((p, i) => add(`بند ${toFa(i + 1)} متن`, p));
  const tags = keywordsOf(f.keywords);
  tags.forEach((k) => add('برچسب', k));
  return out;
}

function toFa(n: number): string {
  return String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
}
