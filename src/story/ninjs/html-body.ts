/**
 * Reading paragraphs back from a ninjs HTML body. khabar's own bodies (written by
 * `renderParagraphsHtml`) are read exactly; other providers' HTML is read leniently: one paragraph per
 * block element, tags dropped, entities decoded.
 */

/** Paragraphs and credit read from a khabar HTML body. */
export interface KhabarHtmlBody {
  paragraphs: string[];
  /** The credit, when the body carries one in `span.credit` (or a `p.credit` of its own). */
  credit?: string;
  /** What followed the credit span, up to the paragraph text: `creditSeparator + text`. */
  afterCredit?: string;
}

// One paragraph as renderParagraphsHtml writes it: text never holds a raw '<' (escaped), so `[^<]*`.
const KHABAR_P = /<p dir="(?:rtl|ltr|auto)"( class="credit")?>(?:<span class="credit">([^<]*)<\/span>)?([^<]*)<\/p>/y;

/**
 * Parses a body in exactly the form khabar writes; undefined when `html` is in any other form.
 */
export function parseKhabarHtml(html: string): KhabarHtmlBody | undefined {
  const paragraphs: string[] = [];
  let credit: string | undefined;
  let afterCredit: string | undefined;
  let pos = 0;
  while (pos < html.length) {
    if (paragraphs.length > 0 || credit !== undefined) {
      if (html[pos] !== '\n') return undefined;
      pos++;
    }
    KHABAR_P.lastIndex = pos;
    const m = KHABAR_P.exec(html);
    if (!m) return undefined;
    pos = KHABAR_P.lastIndex;
    const [, creditOnly, span, text] = m;
    const first = paragraphs.length === 0 && credit === undefined;
    if (creditOnly !== undefined) {
      // A credit paragraph stands alone, first and only, with no span inside.
      if (!first || span !== undefined || pos !== html.length) return undefined;
      credit = decodeEntities(text!);
      continue;
    }
    if (span !== undefined) {
      if (!first) return undefined;
      credit = decodeEntities(span);
      afterCredit = decodeEntities(text!);
      paragraphs.push(afterCredit);
      continue;
    }
    paragraphs.push(decodeEntities(text!));
  }
  return { paragraphs, ...(credit !== undefined ? { credit } : {}), ...(afterCredit !== undefined ? { afterCredit } : {}) };
}

/**
 * Reads paragraphs from any HTML fragment: each `<p>`, `<div>`, `<h1>`…`<h6>`, `<li>` or `<br><br>`
 * ends a paragraph; other tags are dropped; entities decoded; HTML whitespace runs (not NBSP) collapsed; empty
 * paragraphs dropped. For other providers' bodies, where exactness is not possible anyway.
 */
export function htmlToParagraphs(html: string): string[] {
  const blocks = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .split(/<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|section|article)\b[^>]*>|(?:<br\s*\/?>\s*){2,}/i);
  return blocks
    .map((b) => decodeEntities(b.replace(/<[^>]*>/g, '')).replace(/[ \t\n\f\r]+/g, ' ').trim())
    .filter((b) => b !== '');
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', zwnj: '\u200C', zwj: '\u200D', rlm: '\u200F', lrm: '\u200E' };

/** Decodes the named entities above and numeric character references; others stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10FFFF ? String.fromCodePoint(code) : whole;
  });
}
