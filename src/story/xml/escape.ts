/**
 * Escaping for XML 1.0 text and attribute values (XML 1.0 §2.4 Character Data, §3.3.3 Attribute-Value
 * Normalization). Both drop characters XML cannot carry ({@link stripInvalidXmlChars}).
 */
import { stripInvalidXmlChars } from './xml-chars.js';

/**
 * Escapes text for element content: `&`, `<`, `>` (the last for `]]>`, §2.4) and `"` (harmless in
 * content, escaped so the same string is safe in either place), and CR as `&#xD;` because a parser
 * turns a literal CR or CRLF into LF (§2.11 End-of-Line Handling).
 */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/**
 * Escapes text for a double-quoted attribute value: as {@link escapeXmlText}, plus TAB and LF as
 * character references, because attribute-value normalization (§3.3.3) turns literal whitespace
 * characters into spaces.
 */
export function escapeXmlAttr(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"\r\n\t]/g, (c) => TEXT_ESCAPES[c]!);
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#xD;',
  '\n': '&#xA;',
  '\t': '&#x9;',
};
