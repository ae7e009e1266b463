/** A highlight as HTML: the text escaped, matched spans wrapped in `<mark>`. */
import type { Highlight } from './search-types.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Renders `h` as HTML text content: every character of `h.text` escaped (`& < > " '`, so the result is
 * safe in element content and in quoted attributes), each span wrapped in `<mark>…</mark>`. Spans out of
 * range, empty, or overlapping an earlier span are ignored rather than trusted, since a Highlight may come
 * from outside (an API client).
 */
export function highlightHtml(h: Highlight): string {
  const text = typeof h.text === 'string' ? h.text : '';
  const spans = (Array.isArray(h.spans) ? h.spans : [])
    .filter((s) => Array.isArray(s) && Number.isInteger(s[0]) && Number.isInteger(s[1]) && s[0] >= 0 && s[1] <= text.length && s[0] < s[1])
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    if (s < at) continue;
    out += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return out + escapeHtml(text.slice(at));
}
