/**
 * A search highlight as JSX: the snippet's text with each matched span in `<mark>`. Built from the
 * highlight's spans (offsets into the original text, search/highlight.ts) rather than from HTML, so
 * every character goes through hono/jsx's escaping — the same rules as search's `highlightHtml`: spans
 * out of range, empty or overlapping an earlier one are ignored rather than trusted.
 */
import type { Highlight } from '../../../search/index.js';
import type { Story } from '../../../story/index.js';

/** Text pieces, `marked` where a span matched. */
export function highlightPieces(h: Pick<Highlight, 'text' | 'spans'>): Array<{ text: string; marked: boolean }> {
  const text = typeof h.text === 'string' ? h.text : '';
  const spans = (Array.isArray(h.spans) ? h.spans : [])
    .filter((s) => Array.isArray(s) && Number.isInteger(s[0]) && Number.isInteger(s[1]) && s[0] >= 0 && s[1] <= text.length && s[0] < s[1])
    .slice().sort((a, b) => a[0] - b[0]);
  const out: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [s, e] of spans) {
    if (s < at) continue;
    if (s > at) out.push({ text: text.slice(at, s), marked: false });
    out.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}

/** The field text a highlight was cut from. */
function fieldText(story: Story, h: Highlight): string {
  if (h.field === 'headline') return story.headline;
  if (h.field === 'lead') return story.lead ?? '';
  return story.body[h.paragraph ?? 0] ?? '';
}

/**
 * The highlight, with «…» where the snippet starts after the field's start or ends before its end
 * (the snippet is a window of a longer paragraph).
 */
export function Highlighted(p: { highlight: Highlight; story?: Story }) {
  const h = p.highlight;
  const full = p.story === undefined ? undefined : fieldText(p.story, h);
  const before = h.offset > 0;
  const after = full !== undefined && h.offset + h.text.length < full.length;
  return (
    <>
      {before ? '… ' : null}
      {highlightPieces(h).map((piece) => (piece.marked ? <mark>{piece.text}</mark> : piece.text))}
      {after ? ' …' : null}
    </>
  );
}
