/**
 * Text and date helpers of the feed writers: XML 1.0 escaping and the two date formats feeds use.
 * Dates are always Gregorian with ASCII digits in UTC — a feed reader parses them, nobody reads them —
 * whatever the site shows (Jalali, Persian digits, Asia/Tehran).
 */

// XML 1.0 §2.2 [2] Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Anything
// else may not appear in a document even as a character reference (§4.1 WFC: Legal Character). The `u` flag
// makes a lone surrogate match on its own. Story text is already stripped by toFeedItem; this covers the
// settings (site name, agency) and service names the writers print themselves.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#xD;', '\n': '&#xA;', '\t': '&#x9;',
};

/** Drops the characters XML 1.0 forbids, as toFeedItem does for story text. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/**
 * Escapes text for XML element content: `&`, `<`, `>` (so that `]]>` never appears, §2.4), `"`, and CR as
 * a character reference (a literal CR would become LF, §2.11). Forbidden characters are dropped.
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"\r]/g, (c) => ESCAPES[c]!);
}

/**
 * Escapes text for a double-quoted attribute value: as {@link xmlText}, plus TAB and LF, which
 * attribute-value normalization (§3.3.3) would otherwise turn into spaces.
 */
export function xmlAttr(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"\r\n\t]/g, (c) => ESCAPES[c]!);
}

/**
 * Escapes plain text for the RSS elements that hold text, not HTML (title, category, dc:creator…): as
 * {@link xmlText}, but `&`, `<` and `>` as hexadecimal character references. RSS never said whether those
 * elements may hold HTML and readers differ; the RSS Advisory Board's Best Practices Profile (section
 * Character Data, https://www.rssboard.org/rss-profile) recommends `&#x26;` and `&#x3C;` as the form the widest range of readers shows as text.
 */
export function xmlPlainText(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"\r]/g, (c) => HEX_ESCAPES[c]!);
}

const HEX_ESCAPES: Readonly<Record<string, string>> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;', '"': '&#x22;', '\r': '&#xD;' };

/** Escapes plain text for HTML (HTML §13.1.2.6), for RSS `description`, which readers render as HTML. */
export function htmlText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

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
