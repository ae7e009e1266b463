/**
 * What the parts of a Persian wire story look like (DESIGN.md §2): the end-of-message marker, the slug
 * line «سرویس … / خبرگزاری …», and the credit that opens the first body paragraph. Matching is done on
 * the text as written: Arabic ي/ك are accepted in the fixed phrases, but names are not rewritten.
 */

/** «پایان پیام» or «انتهای پیام» (with Arabic or Persian yeh) at the start of a line. */
const END_MARKER = /^\s*(?:پایان|پايان|انتهای|انتهاي)[\s\u200C]*(?:پیام|پيام)(?![\p{L}\p{M}])/u;
/** A service side: starts with «سرویس» or «گروه». An agency side: starts with «خبرگزاری». */
const SERVICE_START = /^(?:سرویس|سرويس|گروه)(?=[\s\u200C])/;
const AGENCY_START = /^(?:خبرگزاری|خبرگزاري)(?=[\s\u200C])/;
/** At most this many words on each side of a slug line or a credit. */
const MAX_SIDE_WORDS = 6;

/** The parts of an end-marker line. */
export interface EndMarker {
  /** The whole line as written, e.g. «انتهای پیام/ ۴۲۱۳». */
  marker: string;
  /** What follows the marker phrase, without leading . / - : and spaces, e.g. «۴۲۱۳»; undefined if nothing. */
  signOff: string | undefined;
}

/** Reads an end-marker line, or undefined if the line is not one. */
export function matchEndMarker(line: string): EndMarker | undefined {
  const m = END_MARKER.exec(line);
  if (!m) return undefined;
  const rest = line.slice(m[0].length).replace(/^[\s./\-:]+/, '').trim();
  return { marker: line.trim(), signOff: rest === '' ? undefined : rest };
}

/** A slug line or credit: its service and agency, and which came first. */
export interface ServiceAgency {
  service: string;
  agency: string;
  order: 'service-agency' | 'agency-service';
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * Reads «A / B» where one side is the agency («خبرگزاری …») and the other the service. The service
 * usually starts with «سرویس» or «گروه», but desks are named freely («اقتصادی», «politics»), so with
 * `strict` false any short name without sentence punctuation is taken as the service.
 */
export function matchServiceAgency(text: string, strict = false): ServiceAgency | undefined {
  const parts = text.split('/');
  if (parts.length !== 2) return undefined;
  const a = parts[0]!.trim();
  const b = parts[1]!.trim();
  if (!a || !b || words(a) > MAX_SIDE_WORDS || words(b) > MAX_SIDE_WORDS) return undefined;
  const isService = (x: string) => SERVICE_START.test(x) || (!strict && !AGENCY_START.test(x) && !/[.!?؟،:؛«»"()]/.test(x));
  if (isService(a) && AGENCY_START.test(b)) return { service: a, agency: b, order: 'service-agency' };
  if (AGENCY_START.test(a) && isService(b)) return { service: b, agency: a, order: 'agency-service' };
  return undefined;
}

/** A block that is a slug line: one line of the «A / B» form. */
export function matchSlugLine(lines: readonly string[]): ServiceAgency | undefined {
  return lines.length === 1 ? matchServiceAgency(lines[0]!) : undefined;
}

/** A credit found at the start of a paragraph. */
export interface Credit extends ServiceAgency {
  /** The credit as written, e.g. «خبرگزاری آران / سرویس آذربایجان». */
  credit: string;
  /** The exact text between the credit and the paragraph: « : », «: », « - », or « ». */
  separator: string;
  /** The paragraph after the separator. */
  rest: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Separator after a credit: a colon or dash with any spaces around it, else white space. */
const SEPARATOR = /^(?:[ \t\u200C]*[:：\-–—][ \t\u200C]*|[ \t]+)/;

/**
 * The credit opening `paragraph`: with known names (from the slug line), «agency / service» or
 * «service / agency» followed by a separator (a colon, a dash or just a space); without names, any
 * «خبرگزاری … / سرویس …» pair of at most six words a side, which then needs a colon or dash, since
 * without one nothing says where the service name ends.
 */
export function matchCredit(paragraph: string, names?: { service: string; agency: string }): Credit | undefined {
  if (names) {
    const s = escapeRegExp(names.service);
    const a = escapeRegExp(names.agency);
    for (const [re, order] of [
      [new RegExp(`^${a}[ \\t]*/[ \\t]*${s}`), 'agency-service'],
      [new RegExp(`^${s}[ \\t]*/[ \\t]*${a}`), 'service-agency'],
    ] as const) {
      const m = re.exec(paragraph);
      if (!m) continue;
      const after = paragraph.slice(m[0].length);
      const sep = SEPARATOR.exec(after);
      if (!sep || after.length === sep[0].length) continue;
      return { ...names, order, credit: m[0], separator: sep[0], rest: after.slice(sep[0].length) };
    }
    return undefined;
  }
  const m = /^([^:：\-–—\n/]{2,120}\/[^:：\-–—\n/]{2,120}?)([ \t\u200C]*[:：\-–—][ \t\u200C]*)/.exec(paragraph);
  if (!m) return undefined;
  const pair = matchServiceAgency(m[1]!, true);
  const rest = paragraph.slice(m[0].length);
  if (!pair || rest === '') return undefined;
  return { ...pair, credit: m[1]!.trimEnd(), separator: paragraph.slice(m[1]!.trimEnd().length, m[0].length), rest };
}
