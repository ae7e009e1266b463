/**
 * Story → ninjs 2.2 (IPTC, ../shared/standards/ninjs/ninjs-schema_2.2.json). The document validates
 * against the 2.2 schema and `fromNinjs` reads it back to the same story (see khabar-roles.ts for where
 * khabar's own fields go).
 */
import type { Story } from '../story.js';
import { DEFAULT_CREDIT_SEPARATOR, renderParagraphsHtml } from '../xml/index.js';
import { NINJS_CONTENT_TYPES, NINJS_ROLES, NINJS_STANDARD } from './khabar-roles.js';
import type { NinjsAltId, NinjsDocument, NinjsInfoSource, NinjsSubject, NinjsText } from './ninjs-document.js';
import { toNinjsUri } from './ninjs-uri.js';
import { toRfc3339 } from './rfc3339.js';

/**
 * Writes a story as a ninjs 2.2 document.
 *
 * - `bodies[0]` (role `main`, text/plain): the reading text, credit restored at the start of the first
 *   paragraph as wire text has it («credit : text», with the story's own separator), paragraphs
 *   separated by a blank line.
 * - `bodies[1]` (role `richtext`, text/html): `<p dir="rtl">` per paragraph, HTML-escaped, credit in a
 *   `<span class="credit">`; every character kept, so this body is what `fromNinjs` reads back.
 * - lead, credit, sign-off, end marker and wire layout: `descriptions` by role; service and keywords:
 *   `subjects` by `rel`; agency: `infosources`; story code and import source: `altids`.
 *
 * @throws KhabarError INVALID_INPUT when a date-time is not a real RFC 3339 date-time (the story schema
 *   is laxer than ninjs's `format: date-time`).
 */
export function toNinjs(story: Story): NinjsDocument {
  const doc: NinjsDocument = {
    uri: toNinjsUri(story.uri),
    type: 'text',
    version: String(story.version),
    pubstatus: story.pubStatus,
    language: story.language,
    headlines: [{ role: NINJS_ROLES.headline, value: story.headline }],
    standard: { ...NINJS_STANDARD },
  };
  if (story.firstCreated !== undefined) doc.firstcreated = toRfc3339(story.firstCreated, 'story.firstCreated');
  if (story.versionCreated !== undefined) doc.versioncreated = toRfc3339(story.versionCreated, 'story.versionCreated');
  if (story.urgency !== undefined) doc.urgency = story.urgency;
  if (story.embargoed !== undefined) doc.embargoed = toRfc3339(story.embargoed, 'story.embargoed');

  const descriptions = descriptionsOf(story);
  if (descriptions.length > 0) doc.descriptions = descriptions;
  const bodies = bodiesOf(story);
  if (bodies.length > 0) doc.bodies = bodies;
  if (story.edNote !== undefined) doc.ednote = story.edNote;
  if (story.byline !== undefined) doc.by = story.byline;
  if (story.located !== undefined) doc.located = story.located;

  const subjects: NinjsSubject[] = [];
  if (story.service !== undefined) subjects.push({ name: story.service, rel: NINJS_ROLES.service });
  for (const s of story.subjects) subjects.push(s.code !== undefined ? { name: s.name, literal: s.code } : { name: s.name });
  for (const k of story.keywords) subjects.push({ name: k, rel: NINJS_ROLES.keyword });
  if (subjects.length > 0) doc.subjects = subjects;

  const infosources: NinjsInfoSource[] = [];
  if (story.agency !== undefined) infosources.push({ name: story.agency, role: NINJS_ROLES.agency });
  if (infosources.length > 0) doc.infosources = infosources;

  const altids: NinjsAltId[] = [];
  if (story.code !== undefined) altids.push({ role: NINJS_ROLES.storyCode, value: String(story.code) });
  if (story.source !== undefined) {
    altids.push({ role: `${NINJS_ROLES.sourcePrefix}${story.source.name}`, value: story.source.id });
    if (story.source.url !== undefined) altids.push({ role: NINJS_ROLES.sourceUrl, value: story.source.url });
  }
  if (altids.length > 0) doc.altids = altids;
  return doc;
}

function descriptionsOf(story: Story): NinjsText[] {
  const out: NinjsText[] = [];
  if (story.lead !== undefined) out.push({ role: NINJS_ROLES.lead, value: story.lead });
  if (story.credit !== undefined) out.push({ role: NINJS_ROLES.credit, value: story.credit });
  if (story.signOff !== undefined) out.push({ role: NINJS_ROLES.signOff, value: story.signOff });
  if (story.endMarker !== undefined) out.push({ role: NINJS_ROLES.endMarker, value: story.endMarker });
  // ninjs has no signal property (NewsML-G2 has <signal>); a description role carries it.
  if (story.correction !== undefined) out.push({ role: NINJS_ROLES.signal, value: story.correction ? 'correction' : 'none' });
  if (story.wire !== undefined) {
    // Key order fixed here so the JSON text is stable whatever order the story object has.
    const layout = { slug: story.wire.slug, creditSeparator: story.wire.creditSeparator };
    out.push({ role: NINJS_ROLES.wireLayout, contenttype: NINJS_CONTENT_TYPES.json, value: JSON.stringify(layout) });
  }
  return out;
}

function bodiesOf(story: Story): NinjsText[] {
  if (story.body.length === 0 && story.credit === undefined) return [];
  const separator = story.wire?.creditSeparator ?? DEFAULT_CREDIT_SEPARATOR;
  const paragraphs = [...story.body];
  if (story.credit !== undefined) {
    paragraphs[0] = paragraphs.length === 0 ? story.credit : `${story.credit}${separator}${paragraphs[0]}`;
  }
  return [
    { role: NINJS_ROLES.plainBody, contenttype: NINJS_CONTENT_TYPES.plain, value: paragraphs.join('\n\n') },
    {
      role: NINJS_ROLES.htmlBody,
      contenttype: NINJS_CONTENT_TYPES.html,
      value: renderParagraphsHtml(story.body, { credit: story.credit, creditSeparator: separator, xmlSafe: false }),
    },
  ];
}
