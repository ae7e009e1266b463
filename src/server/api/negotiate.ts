/**
 * Content negotiation for a story (RFC 9110 §12.5.1): which representation an `Accept` header asks for.
 * Each media range's q-value applies to the types it matches, the most specific range winning; the
 * type with the highest q is chosen, ties going to the server's order (khabar JSON, ninjs, NewsML-G2,
 * wire text, so `text/*` is wire text). No header, or the all-types range, gives khabar JSON.
 */
import type { StoryFormat } from './params.js';

/** The media types the API writes a story in, and the format each is. */
export const STORY_MEDIA_TYPES: ReadonlyArray<{ type: string; format: StoryFormat; contentType: string }> = [
  // JSON is UTF-8 by definition (RFC 8259 §8.1) and has no charset parameter; as Hono's c.json writes it.
  { type: 'application/json', format: 'json', contentType: 'application/json' },
  { type: 'application/ninjs+json', format: 'ninjs', contentType: 'application/ninjs+json; charset=utf-8' },
  { type: 'application/vnd.iptc.g2.newsitem+xml', format: 'newsml', contentType: 'application/vnd.iptc.g2.newsitem+xml; charset=utf-8' },
  { type: 'text/plain', format: 'wire', contentType: 'text/plain; charset=utf-8' },
  // Generic XML also gets the NewsML-G2 item (the only XML khabar writes for a story).
  { type: 'application/xml', format: 'newsml', contentType: 'application/vnd.iptc.g2.newsitem+xml; charset=utf-8' },
  { type: 'text/xml', format: 'newsml', contentType: 'application/vnd.iptc.g2.newsitem+xml; charset=utf-8' },
];

/** The Content-Type a format is sent with. */
export function contentTypeOf(format: StoryFormat): string {
  return STORY_MEDIA_TYPES.find((m) => m.format === format)!.contentType;
}

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

/** Longest Accept header read; the rest is ignored (a guard against pathological headers). */
const MAX_ACCEPT = 4096;

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.slice(0, MAX_ACCEPT).split(',')) {
    const [range, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!range) continue;
    const slash = range.indexOf('/');
    if (slash <= 0 || slash === range.length - 1) continue;
    let q = 1;
    for (const p of params) {
      const m = /^q\s*=\s*([01](?:\.\d{0,3})?)$/.exec(p);
      if (m) q = Math.min(1, Number(m[1]));
    }
    ranges.push({ type: range.slice(0, slash), subtype: range.slice(slash + 1), q });
  }
  return ranges;
}

/** How specifically a range matches `type/subtype`: 3 exact, 2 its type's wildcard, 1 the all-types range, 0 not at all. */
function specificity(r: MediaRange, type: string, subtype: string): number {
  if (r.type === type && r.subtype === subtype) return 3;
  if (r.type === type && r.subtype === '*') return 2;
  if (r.type === '*' && r.subtype === '*') return 1;
  return 0;
}

/**
 * The format an Accept header asks for: `json` when there is no header, `undefined` when the header
 * accepts none of {@link STORY_MEDIA_TYPES} (the caller answers 406).
 */
export function negotiateFormat(accept: string | undefined): StoryFormat | undefined {
  if (accept === undefined || accept.trim() === '') return 'json';
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return 'json';
  let best: StoryFormat | undefined;
  let bestQ = 0;
  for (const m of STORY_MEDIA_TYPES) {
    const [type, subtype] = m.type.split('/') as [string, string];
    let q = 0;
    let spec = 0;
    for (const r of ranges) {
      const s = specificity(r, type, subtype);
      if (s > spec) {
        spec = s;
        q = r.q;
      }
    }
    if (q > bestQ) {
      bestQ = q;
      best = m.format;
    }
  }
  return best;
}
