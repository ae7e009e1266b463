/**
 * A minimal XML element writer: enough for khabar's NewsML-G2 and XHTML output, where every element and
 * attribute name is a constant in khabar's code and only values come from stories.
 */
import { escapeXmlAttr } from './escape.js';

/** Attribute values; `undefined` leaves the attribute out. */
export type XmlAttrs = Readonly<Record<string, string | number | undefined>>;

/**
 * Writes `<name attrs>content</name>`, or `<name attrs/>` when there is no content.
 * @param name an element name written by khabar's code (not checked).
 * @param attrs attribute values, escaped here.
 * @param content already-serialized XML (escape text with `escapeXmlText`); arrays are concatenated.
 */
export function xmlElement(name: string, attrs: XmlAttrs = {}, content?: string | readonly string[]): string {
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined) open += ` ${key}="${escapeXmlAttr(String(value))}"`;
  }
  const inner = Array.isArray(content) ? content.join('') : (content ?? '');
  return inner === '' ? `${open}/>` : `${open}>${inner}</${name}>`;
}
