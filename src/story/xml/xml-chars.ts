/**
 * Characters XML 1.0 allows in a document (XML 1.0 5th ed. §2.2, production [2] Char):
 * #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
 * Everything else (C0 controls, lone surrogates, U+FFFE, U+FFFF) cannot appear in an XML document,
 * not even as a character reference (§4.1 WFC: Legal Character), so a writer must drop or reject it.
 */

// `u` flag: astral characters are one code point, a lone surrogate is matched on its own.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Removes the characters XML 1.0 forbids (see the file comment). khabar removes rather than rejects
 * them: they are invisible debris from word processors and copy-paste (vertical tab, form feed, NUL),
 * and refusing to distribute a story because of one would be worse than dropping it.
 */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** True when `text` holds only characters XML 1.0 allows. */
export function isXmlSafe(text: string): boolean {
  NOT_XML_CHAR.lastIndex = 0;
  return !NOT_XML_CHAR.test(text);
}
