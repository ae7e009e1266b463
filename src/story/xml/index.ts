/** XML 1.0 / HTML escaping and writing helpers shared by khabar's NewsML-G2, ninjs and feed output. */
export { stripInvalidXmlChars, isXmlSafe } from './xml-chars.js';
export { escapeXmlText, escapeXmlAttr } from './escape.js';
export { xmlElement } from './element.js';
export type { XmlAttrs } from './element.js';
export { renderParagraphsHtml, escapeHtml, DEFAULT_CREDIT_SEPARATOR } from './html-paragraphs.js';
export type { HtmlParagraphOptions } from './html-paragraphs.js';
