/**
 * The story as an XHTML 1.0 document for NewsML-G2 `inlineXML` (contenttype application/xhtml+xml):
 * `<h1>` headline, lead, paragraphs with the credit in `span.credit`, all `dir="rtl"`.
 */
import type { Story } from '../story.js';
import { escapeXmlAttr, escapeXmlText, renderParagraphsHtml } from '../xml/index.js';

/** The XHTML namespace (XHTML 1.0 §3.1.1). */
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * Writes the XHTML `<html>` element for a story. Text is XML-escaped and stripped of characters XML 1.0
 * forbids; `lang` and `xml:lang` both carry the language (XHTML 1.0 §C.7).
 */
export function renderXhtml(story: Story, dir: 'rtl' | 'ltr'): string {
  const lang = escapeXmlAttr(story.language);
  const headline = escapeXmlText(story.headline);
  const lead = story.lead !== undefined ? `<p dir="${dir}" class="lead">${escapeXmlText(story.lead)}</p>\n` : '';
  // renderParagraphsHtml escapes & < > " and drops non-XML characters; CR is all it leaves that an XML
  // parser would change (§2.11), so it is written as a character reference here.
  const paragraphs = renderParagraphsHtml(story.body, {
    credit: story.credit,
    creditSeparator: story.wire?.creditSeparator,
    dir,
  }).replace(/\r/g, '&#xD;');
  return `<html xmlns="${XHTML_NS}" dir="${dir}" lang="${lang}" xml:lang="${lang}">\n`
    + `<head><title>${headline}</title></head>\n`
    + `<body>\n<h1 dir="${dir}">${headline}</h1>\n${lead}${paragraphs}${paragraphs === '' ? '' : '\n'}</body>\n</html>`;
}
