/**
 * Text and date helpers of the feed writers: XML 1.0 escaping and the two date formats feeds use.
 * Dates are always Gregorian with ASCII digits in UTC — a feed reader parses them, nobody reads them —
 * whatever the site shows (Jalali, Persian digits, Asia/Tehran).
 */

import { escapeHtml, escapeXmlAttr, escapeXmlText, stripInvalidXmlChars } from '../../story/index.js';

// XML 1.0 escaping is the story module's (shared with NewsML-G2); the names here say what feeds use them for.
/** Drops the characters XML 1.0 forbids (settings and service names the writers print themselves). */
export const xmlSafe = stripInvalidXmlChars;
/** Escapes text for XML element content. */
export const xmlText = escapeXmlText;
/** Escapes text for a double-quoted attribute value. */
export const xmlAttr = escapeXmlAttr;
/** Escapes plain text for HTML (HTML §13.1.2.6), for RSS `description`, which readers render as HTML. */
export const htmlText = escapeHtml;

/**
 * Escapes plain text for the RSS elements that hold text, not HTML (title, category, dc:creator…): as
 * {@link xmlText}, but `&`, `<` and `>` as hexadecimal character references. RSS never said whether those
 * elements may hold HTML and readers differ; the RSS Advisory Board's Best Practices Profile (section
 * Character Data, https://www.rssboard.org/rss-profile) recommends `&#x26;` and `&#x3C;` as the form the widest range of readers shows as text.
 */
export function xmlPlainText(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"\r]/g, (c) => HEX_ESCAPES[c]!);
}

const HEX_ESCAPES: Readonly<Record<string, string>> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;', '"': '&#x22;', '\r': '&#xD;' };

/**
 * RFC 822 date-time as RSS 2.0 wants it (§5 as amended by RFC 1123: four-digit year), in GMT:
 * `Fri, 05 Sep 2025 09:26:00 GMT`. `toUTCString` writes exactly this (ECMA-262 §21.4.4.43), in English
 * and ASCII digits whatever the host locale.
 */
export function rfc822(date: Date): string {
  return date.toUTCString();
}

/** RFC 3339 date-time in UTC (Atom §3.3, JSON Feed 1.1): `2025-09-05T09:26:00Z`, milliseconds kept when not zero. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** Attribute values of {@link element}; `undefined` leaves the attribute out. */
export type Attrs = Readonly<Record<string, string | undefined>>;

/**
 * `<name attrs>text</name>` with the text escaped (by `escape`, default {@link xmlText}), or `<name attrs/>`
 * for no text. Element and attribute names are constants in the writers; only values come from stories and
 * settings.
 */
export function element(name: string, attrs: Attrs = {}, text?: string, escape: (s: string) => string = xmlText): string {
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) open += ` ${key}="${xmlAttr(value)}"`;
  return text === undefined || text === '' ? `${open}/>` : `${open}>${escape(text)}</${name}>`;
}
