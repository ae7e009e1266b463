/**
 * Story → NewsML-G2 2.35 News Item (IPTC; schema ../shared/standards/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd,
 * modelled on its LISTING 1 News Item). Power conformance: every item validates against the All-Power XSD.
 */
import { KhabarError } from '../../errors/index.js';
import type { Story } from '../story.js';
import { toRfc3339 } from '../ninjs/index.js';
import { escapeXmlText, stripInvalidXmlChars, xmlElement } from '../xml/index.js';
import type { XmlAttrs } from '../xml/index.js';
import { IPTC_CATALOG, KHABAR_SCHEME_BASE } from './newsml-options.js';
import type { NewsMLConceptRef, NewsMLOptions } from './newsml-options.js';
import { renderXhtml } from './xhtml-body.js';

/** The NewsML-G2 namespace (NewsML-G2 2.35 XSD targetNamespace). */
export const NEWSML_NS = 'http://iptc.org/std/nar/2006-10-01/';

/** xs:language (XML Schema Part 2 §3.3.3): what `xml:lang` and `language/@tag` accept. */
const XS_LANGUAGE = /^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$/;
/** Primary language subtags written right to left (BCP 47), for the XHTML `dir`. */
const RTL_LANGUAGES = new Set(['fa', 'ar', 'he', 'ur', 'ps', 'ckb', 'sd', 'ug', 'yi', 'dv', 'prs', 'pes', 'glk', 'mzn', 'lrc', 'bqi']);

/**
 * Writes a story as a NewsML-G2 2.35 `<newsItem>` document (UTF-8, with XML declaration).
 *
 * Text is XML-escaped; characters XML 1.0 forbids (C0 controls other than TAB/LF/CR, lone surrogates,
 * U+FFFE/U+FFFF) are removed, and in single-line properties (`g2normalizedString`: keyword, creditline,
 * names) TAB/LF/CR become spaces. A canceled (killed) story is written with `stat:canceled`.
 *
 * @throws KhabarError INVALID_INPUT when the story has neither versionCreated nor firstCreated
 *   (itemMeta/versionCreated is required), a date-time is not a real one, or the language is not an
 *   xs:language tag.
 */
export function toNewsML(story: Story, options: NewsMLOptions = {}): string {
  if (!XS_LANGUAGE.test(story.language)) {
    throw new KhabarError('INVALID_INPUT', `story.language: not a BCP 47 / xs:language tag: ${JSON.stringify(story.language)}`, { field: 'story.language' });
  }
  const versionCreated = story.versionCreated ?? story.firstCreated;
  if (versionCreated === undefined) {
    throw new KhabarError('INVALID_INPUT', 'story.versionCreated: NewsML-G2 itemMeta requires versionCreated (or firstCreated)', { field: 'story.versionCreated' });
  }
  const modified = toRfc3339(versionCreated, story.versionCreated !== undefined ? 'story.versionCreated' : 'story.firstCreated');
  const created = story.firstCreated !== undefined ? toRfc3339(story.firstCreated, 'story.firstCreated') : undefined;
  const schemeBase = options.schemeBase ?? KHABAR_SCHEME_BASE;
  const dir = RTL_LANGUAGES.has(story.language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';

  const root: XmlAttrs = {
    xmlns: NEWSML_NS,
    guid: story.uri,
    version: story.version,
    standard: 'NewsML-G2',
    standardversion: '2.35',
    conformance: 'power',
    'xml:lang': story.language,
  };
  const children = [
    xmlElement('catalogRef', { href: options.catalogHref ?? IPTC_CATALOG }),
    // khabar's own schemes, declared inline (NewsML-G2 Guidelines, "Catalogs") so each QCode resolves.
    xmlElement('catalog', {}, [
      xmlElement('scheme', { alias: 'khsvc', uri: `${schemeBase}service/` }),
      xmlElement('scheme', { alias: 'khid', uri: `${schemeBase}idtype/` }),
    ]),
    itemMeta(story, options, modified, created),
    contentMeta(story, modified, created),
    xmlElement('contentSet', {}, xmlElement('inlineXML', { contenttype: 'application/xhtml+xml' }, `\n${renderXhtml(story, dir)}\n`)),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlElement('newsItem', root, `\n${children.join('\n')}\n`)}\n`;
}

function itemMeta(story: Story, options: NewsMLOptions, versionCreated: string, firstCreated: string | undefined): string {
  const provider: NewsMLConceptRef = options.provider ?? { name: story.agency ?? 'khabar' };
  const parts = [
    xmlElement('itemClass', { qcode: 'ninat:text' }),
    concept('provider', provider, provider.qcode === undefined && provider.uri === undefined ? provider.name : undefined),
    xmlElement('versionCreated', {}, versionCreated),
    firstCreated !== undefined ? xmlElement('firstCreated', {}, firstCreated) : '',
    // ItemMetadataType order: … firstCreated, embargoed, pubStatus …
    story.embargoed !== undefined ? xmlElement('embargoed', {}, toRfc3339(story.embargoed, 'story.embargoed')) : '',
    // ninjs pubstatus ↔ IPTC "stat" NewsCodes: usable, withheld, canceled (a kill).
    xmlElement('pubStatus', { qcode: `stat:${story.pubStatus}` }),
  ];
  if (story.service !== undefined) {
    const code = stripInvalidXmlChars(story.service).trim().replace(/\s+/g, '-');
    const qcode = options.serviceQcode?.(story.service) ?? `khsvc:${code === '' ? '-' : code}`;
    parts.push(xmlElement('service', { qcode }, name(story.service)));
  }
  if (story.edNote !== undefined) parts.push(xmlElement('edNote', {}, escapeXmlText(story.edNote)));
  // IPTC signal NewsCodes: sig:correction for a correction, sig:update for any other later version.
  if (options.correction === true || story.correction === true) parts.push(xmlElement('signal', { qcode: 'sig:correction' }));
  else if (story.version > 1) parts.push(xmlElement('signal', { qcode: 'sig:update' }));
  return xmlElement('itemMeta', {}, parts.filter((p) => p !== ''));
}

function contentMeta(story: Story, versionCreated: string, firstCreated: string | undefined): string {
  // Order follows ContentMetadataAfDType: AdministrativeMetadataGroup, then DescriptiveMetadataGroup.
  const parts: string[] = [];
  if (story.urgency !== undefined) parts.push(xmlElement('urgency', {}, String(story.urgency)));
  if (firstCreated !== undefined) parts.push(xmlElement('contentCreated', {}, firstCreated));
  parts.push(xmlElement('contentModified', {}, versionCreated));
  if (story.located !== undefined) parts.push(xmlElement('located', {}, name(story.located)));
  if (story.byline !== undefined) parts.push(xmlElement('creator', {}, name(story.byline)));
  if (story.code !== undefined) parts.push(xmlElement('altId', { type: 'khid:storycode' }, String(story.code)));
  parts.push(xmlElement('language', { tag: story.language }));
  for (const k of story.keywords) parts.push(xmlElement('keyword', {}, escapeXmlText(oneLine(k))));
  for (const s of story.subjects) {
    // A code shaped like a QCode (QCodeType: `[^\s:]+:[^\s]+`) is written as one, anything else as a literal.
    const code = s.code === undefined ? undefined : stripInvalidXmlChars(s.code);
    const attrs = code === undefined ? {} : /^[^\s:]+:\S+$/.test(code) ? { qcode: code } : { literal: oneLine(code) };
    parts.push(xmlElement('subject', attrs, name(s.name)));
  }
  parts.push(xmlElement('headline', {}, escapeXmlText(story.headline)));
  if (story.byline !== undefined) parts.push(xmlElement('by', {}, escapeXmlText(story.byline)));
  if (story.credit !== undefined) parts.push(xmlElement('creditline', {}, escapeXmlText(oneLine(story.credit))));
  // IPTC description-role NewsCodes: drol:summary for the lead.
  if (story.lead !== undefined) parts.push(xmlElement('description', { role: 'drol:summary' }, escapeXmlText(story.lead)));
  return xmlElement('contentMeta', {}, parts);
}

function concept(tag: string, ref: NewsMLConceptRef, literal: string | undefined): string {
  const attrs = { qcode: ref.qcode, uri: ref.uri, literal: literal === undefined ? undefined : oneLine(literal) };
  return xmlElement(tag, attrs, ref.name !== undefined ? name(ref.name) : undefined);
}

function name(text: string): string {
  return xmlElement('name', {}, escapeXmlText(oneLine(text)));
}

/** For g2normalizedString (pattern `[\S ]*`): TAB, LF and CR become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ');
}
