/**
 * Story paragraphs as an HTML/XHTML fragment: one `<p dir="rtl">` per paragraph, the credit (if any)
 * kept in a `<span class="credit">` at the start of the first one. The same fragment serves ninjs
 * `bodies` (text/html), feed content and the XHTML body of NewsML-G2, so subscribers see one layout.
 */
import { stripInvalidXmlChars } from './xml-chars.js';

/** How to render paragraphs. */
export interface HtmlParagraphOptions {
  /** Credit opening the first paragraph («خبرگزاری آران / سرویس آذربایجان»); rendered in `span.credit`. */
  credit?: string | undefined;
  /** What joins the credit to the paragraph text (default {@link DEFAULT_CREDIT_SEPARATOR}). */
  creditSeparator?: string | undefined;
  /**
   * Drop characters XML 1.0 forbids (default true), so the fragment is also well-formed XHTML and can
   * sit inside RSS/Atom/NewsML. ninjs passes false: its HTML body is JSON-carried and must keep every
   * character for an exact round trip.
   */
  xmlSafe?: boolean;
  /** Text direction attribute of each paragraph (default `rtl`: khabar's stories are Persian). */
  dir?: 'rtl' | 'ltr' | 'auto';
}

/** The credit separator khabar writes when a story does not record its own (DESIGN.md §2: «… : »). */
export const DEFAULT_CREDIT_SEPARATOR = ' : ';

/** Escapes HTML text content and double-quoted attribute values: `&`, `<`, `>`, `"` (HTML §13.1.2.6). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Renders paragraphs as `<p dir="rtl">…</p>` lines joined by `\n`. With a credit and an empty body,
 * the credit gets a paragraph of its own, `<p dir="rtl" class="credit">`, so that it is not lost and a
 * reader can tell it from a body whose only paragraph is empty.
 */
export function renderParagraphsHtml(paragraphs: readonly string[], options: HtmlParagraphOptions = {}): string {
  const clean = options.xmlSafe === false ? (s: string) => s : stripInvalidXmlChars;
  const text = (s: string) => escapeHtml(clean(s));
  const open = `<p dir="${options.dir ?? 'rtl'}">`;
  const out = paragraphs.map((p) => `${open}${text(p)}</p>`);
  if (options.credit !== undefined) {
    const credit = `<span class="credit">${text(options.credit)}</span>`;
    const sep = text(options.creditSeparator ?? DEFAULT_CREDIT_SEPARATOR);
    if (out.length === 0) out.push(`<p dir="${options.dir ?? 'rtl'}" class="credit">${text(options.credit)}</p>`);
    else out[0] = `${open}${credit}${sep}${text(paragraphs[0]!)}</p>`;
  }
  return out.join('\n');
}
