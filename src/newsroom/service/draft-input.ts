/**
 * What a reporter or editor writes — headline, lead, body, keywords, urgency — checked and turned into
 * the item's working copy (a Story). Text is kept exactly as written, markup included: `<script>` in a
 * headline is a headline about a script tag, stored as text and escaped by every writer on output.
 */
import { KhabarError } from '../../errors/index.js';
import { FIELD_LIMITS, validateStory } from '../../story/index.js';
import type { Story } from '../../story/index.js';

/** The fields a story is written with. */
export interface DraftInput {
  /** Required, 1–1,000 characters. */
  headline: string;
  /** The lead (لید), up to 10,000 characters. */
  lead?: string;
  /** Paragraphs (a single string is split at blank lines). */
  body?: string[] | string;
  /** Tags, each 1–500 characters, at most 200. */
  keywords?: string[];
  /** 1 (flash) to 9. */
  urgency?: number;
}

const FIELDS = new Set(['headline', 'lead', 'body', 'keywords', 'urgency']);

function invalid(field: string, message: string): KhabarError {
  return new KhabarError('INVALID_INPUT', `${field} ${message}`, { field });
}

/** Checks `input`. @throws KhabarError INVALID_INPUT naming the field and the limit. */
export function readDraftInput(input: unknown): DraftInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new KhabarError('INVALID_INPUT', 'a story needs at least a headline: { headline, lead, body, keywords, urgency }');
  }
  const o = input as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!FIELDS.has(k)) throw invalid(k, `is not a story field (expected ${[...FIELDS].join(', ')})`);
  const headline = o['headline'];
  if (typeof headline !== 'string' || headline.trim() === '') throw invalid('headline', 'is required');
  if (headline.length > FIELD_LIMITS.headline) throw invalid('headline', `is ${headline.length} characters; the limit is ${FIELD_LIMITS.headline}`);
  const out: DraftInput = { headline: headline.trim() };
  if (o['lead'] !== undefined) {
    if (typeof o['lead'] !== 'string') throw invalid('lead', 'must be text');
    if (o['lead'].length > FIELD_LIMITS.lead) throw invalid('lead', `is ${o['lead'].length} characters; the limit is ${FIELD_LIMITS.lead}`);
    out.lead = o['lead'].trim();
  }
  if (o['body'] !== undefined) {
    const raw = o['body'];
    const paras = typeof raw === 'string' ? raw.split(/\r?\n\s*\r?\n/) : raw;
    if (!Array.isArray(paras) || paras.some((p) => typeof p !== 'string')) throw invalid('body', 'must be text or a list of paragraphs');
    const clean = (paras as string[]).map((p) => p.trim()).filter((p) => p !== '');
    if (clean.length > FIELD_LIMITS.paragraphs) throw invalid('body', `has ${clean.length} paragraphs; the limit is ${FIELD_LIMITS.paragraphs}`);
    const long = clean.findIndex((p) => p.length > FIELD_LIMITS.paragraph);
    if (long >= 0) throw invalid('body', `paragraph ${long + 1} is ${clean[long]!.length} characters; the limit is ${FIELD_LIMITS.paragraph}`);
    out.body = clean;
  }
  if (o['keywords'] !== undefined) {
    const k = o['keywords'];
    if (!Array.isArray(k) || k.some((w) => typeof w !== 'string')) throw invalid('keywords', 'must be a list of text');
    const clean = [...new Set((k as string[]).map((w) => w.trim()).filter((w) => w !== ''))];
    if (clean.length > FIELD_LIMITS.keywords) throw invalid('keywords', `has ${clean.length} entries; the limit is ${FIELD_LIMITS.keywords}`);
    if (clean.some((w) => w.length > FIELD_LIMITS.short)) throw invalid('keywords', `entries must be at most ${FIELD_LIMITS.short} characters`);
    out.keywords = clean;
  }
  if (o['urgency'] !== undefined) {
    const u = o['urgency'];
    if (typeof u !== 'number' || !Number.isInteger(u) || u < 1 || u > 9) throw invalid('urgency', 'must be a whole number from 1 (flash) to 9');
    out.urgency = u;
  }
  return out;
}

/** `base` with the written fields replaced (fields not given are cleared, as an editor form sends them all). */
export function applyDraft(base: Story, input: DraftInput): Story {
  const { lead: _lead, urgency: _urgency, ...rest } = base;
  return validateStory({
    ...rest,
    headline: input.headline,
    ...(input.lead ? { lead: input.lead } : {}),
    body: Array.isArray(input.body) ? input.body : [],
    keywords: input.keywords ?? [],
    ...(input.urgency !== undefined ? { urgency: input.urgency } : {}),
  });
}
