/**
 * ninjs 2.x (2.0–2.2; and the 1.x string fields `headline`, `description_text`, `body_text`,
 * `body_html`, `keywords`) → Story. Reads khabar's own documents back exactly; reads other providers'
 * documents as well as their shape allows.
 */
import { KhabarError, describeType, isKhabarError } from '../../errors/index.js';
import { stripUndefined, validateStory, wireLayoutSchema } from '../story.js';
import type { Story, Subject } from '../story.js';
import { DEFAULT_CREDIT_SEPARATOR } from '../xml/index.js';
import { htmlToParagraphs, parseKhabarHtml } from './html-body.js';
import { NINJS_CONTENT_TYPES, NINJS_ROLES } from './khabar-roles.js';
import { expectObject, invalid, objectArray, optionalString, stringArray, textEntries } from './ninjs-fields.js';
import type { JsonObject, TextEntry } from './ninjs-fields.js';
import { fromNinjsUri } from './ninjs-uri.js';
import { fromRfc3339 } from './rfc3339.js';

const P = 'ninjs';
/** Roles other providers give a lead/summary description; a description without a role counts too. */
const LEAD_ROLES = new Set<string | undefined>([NINJS_ROLES.lead, 'lead', 'description', 'abstract', 'standfirst', undefined]);

/**
 * Reads a ninjs document into a story.
 * @throws KhabarError INVALID_INPUT naming the offending ninjs field, e.g.
 *   `ninjs.headlines[0].value: expected a string, got number`; when the values have the right types
 *   but break the story schema (a headline too long…), the message names both, e.g.
 *   `ninjs.headlines (story.headline): Too big…`.
 */
export function fromNinjs(input: unknown): Story {
  const doc = expectObject(input, P);
  const uri = optionalString(doc, 'uri', P);
  if (uri === undefined) invalid(`${P}.uri`, 'required');

  const descriptions = textEntries(doc, 'descriptions', P);
  const wire = readWireLayout(descriptions);
  const credit = byRole(descriptions, NINJS_ROLES.credit);
  const { service, keywords, subjects } = readSubjects(doc);
  const ids = readAltIds(doc);

  const story = stripUndefined({
    uri: fromNinjsUri(uri),
    code: ids.code,
    version: readVersion(doc.version),
    firstCreated: readDate(doc, 'firstcreated'),
    versionCreated: readDate(doc, 'versioncreated'),
    pubStatus: readPubStatus(doc.pubstatus),
    urgency: readUrgency(doc.urgency),
    headline: readHeadline(doc),
    lead: readLead(doc, descriptions),
    body: readBody(doc, credit, wire?.creditSeparator),
    service,
    agency: readAgency(doc),
    credit,
    byline: optionalString(doc, 'by', P),
    located: optionalString(doc, 'located', P),
    keywords: [...keywords, ...stringArray(doc, 'keywords', P)],
    subjects,
    signOff: byRole(descriptions, NINJS_ROLES.signOff),
    endMarker: byRole(descriptions, NINJS_ROLES.endMarker),
    correction: readSignal(byRole(descriptions, NINJS_ROLES.signal)),
    embargoed: readDate(doc, 'embargoed'),
    edNote: optionalString(doc, 'ednote', P),
    language: optionalString(doc, 'language', P) ?? 'fa',
    source: ids.source,
    wire,
  });
  try {
    return validateStory(story);
  } catch (e) {
    if (!isKhabarError(e, 'INVALID_INPUT')) throw e;
    const field = String(e.details?.field ?? 'story');
    const top = /^story\.(\w+)/.exec(field)?.[1] ?? '';
    throw new KhabarError('INVALID_INPUT', `${P}.${ORIGIN[top] ?? top} (${e.message})`, { field });
  }
}

/** Where each story field comes from in ninjs, for error messages. */
const ORIGIN: Readonly<Record<string, string>> = {
  headline: 'headlines', lead: 'descriptions', body: 'bodies', credit: 'descriptions', signOff: 'descriptions',
  endMarker: 'descriptions', correction: 'descriptions', embargoed: 'embargoed', wire: 'descriptions', service: 'subjects', keywords: 'subjects', subjects: 'subjects',
  agency: 'infosources', code: 'altids', source: 'altids', byline: 'by', edNote: 'ednote',
  firstCreated: 'firstcreated', versionCreated: 'versioncreated', pubStatus: 'pubstatus',
};

function readSignal(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'correction') return true;
  if (value === 'none') return false;
  return invalid(`${P}.descriptions[role=signal]`, `expected "correction" or "none", got ${JSON.stringify(value)}`);
}

function byRole(entries: readonly TextEntry[], role: string): string | undefined {
  return entries.find((e) => e.role === role)?.value;
}

function readVersion(value: unknown): number {
  if (value === undefined) return 1;
  // ninjs 2.x: a string; some producers write a number.
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^[1-9]\d{0,15}$/.test(text) || !Number.isSafeInteger(Number(text))) {
    invalid(`${P}.version`, `expected a positive integer (as a string), got ${typeof value === 'string' ? JSON.stringify(value) : describeType(value)}`);
  }
  return Number(text);
}

function readDate(doc: JsonObject, key: string): string | undefined {
  const value = optionalString(doc, key, P);
  if (value === undefined) return undefined;
  return fromRfc3339(value) ?? invalid(`${P}.${key}`, `expected an RFC 3339 date-time, got ${JSON.stringify(value)}`);
}

function readPubStatus(value: unknown): Story['pubStatus'] {
  if (value === undefined) return 'usable'; // schema: "its value is *usable* by default"
  if (value === 'usable' || value === 'withheld' || value === 'canceled') return value;
  return invalid(`${P}.pubstatus`, `expected usable, withheld or canceled, got ${JSON.stringify(value)}`);
}

function readUrgency(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 9) {
    invalid(`${P}.urgency`, `expected an integer 1–9, got ${JSON.stringify(value) ?? describeType(value)}`);
  }
  return value;
}

function readHeadline(doc: JsonObject): string {
  const headlines = textEntries(doc, 'headlines', P);
  const main = headlines.find((h) => h.role === NINJS_ROLES.headline) ?? headlines[0];
  if (main !== undefined) return main.value;
  const legacy = optionalString(doc, 'headline', P); // ninjs 1.x
  if (legacy !== undefined) return legacy;
  return invalid(`${P}.headlines`, 'expected at least one headline');
}

function readLead(doc: JsonObject, descriptions: readonly TextEntry[]): string | undefined {
  const lead = descriptions.find((d) => LEAD_ROLES.has(d.role));
  return lead?.value ?? optionalString(doc, 'description_text', P); // ninjs 1.x
}

function readWireLayout(descriptions: readonly TextEntry[]): Story['wire'] {
  const entry = descriptions.find((d) => d.role === NINJS_ROLES.wireLayout);
  if (entry === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry.value);
  } catch {
    return invalid(`${entry.path}.value`, 'expected a JSON object');
  }
  const r = wireLayoutSchema.safeParse(parsed);
  if (!r.success) return invalid(`${entry.path}.value`, `not a wire layout: ${r.error.issues[0]!.message}`);
  return stripUndefined(r.data);
}

/**
 * Body paragraphs: khabar's own HTML body exactly; else a plain-text body split at blank lines; else
 * any HTML body leniently; else ninjs 1.x `body_text`/`body_html`. The credit is taken off the first
 * paragraph when it is there.
 */
function readBody(doc: JsonObject, credit: string | undefined, separator: string | undefined): string[] {
  const bodies = textEntries(doc, 'bodies', P);
  const html = bodies.filter((b) => b.contenttype !== undefined && /html/i.test(b.contenttype));
  for (const b of html) {
    const own = parseKhabarHtml(b.value);
    if (own === undefined) continue;
    if (own.afterCredit !== undefined) {
      const sep = separator ?? DEFAULT_CREDIT_SEPARATOR;
      own.paragraphs[0] = own.afterCredit.startsWith(sep) ? own.afterCredit.slice(sep.length) : own.afterCredit;
    }
    return own.paragraphs;
  }
  const plain = bodies.find((b) => b.contenttype === NINJS_CONTENT_TYPES.plain || b.contenttype === undefined)?.value
    ?? optionalString(doc, 'body_text', P);
  if (plain !== undefined) return dropCredit(splitPlain(plain), credit, separator);
  const anyHtml = html[0]?.value ?? optionalString(doc, 'body_html', P);
  if (anyHtml !== undefined) return dropCredit(htmlToParagraphs(anyHtml), credit, separator);
  return [];
}

function splitPlain(text: string): string[] {
  return text.split(/\r?\n[ \t]*\r?\n/).map((p) => p.trim()).filter((p) => p !== '');
}

function dropCredit(paragraphs: string[], credit: string | undefined, separator: string | undefined): string[] {
  const first = paragraphs[0];
  if (credit === undefined || first === undefined || !first.startsWith(credit)) return paragraphs;
  let rest = first.slice(credit.length);
  rest = separator !== undefined && rest.startsWith(separator) ? rest.slice(separator.length) : rest.replace(/^\s*[:\-–—]\s*/, '');
  return rest === '' ? paragraphs.slice(1) : [rest, ...paragraphs.slice(1)];
}

function readSubjects(doc: JsonObject): { service: string | undefined; keywords: string[]; subjects: Subject[] } {
  let service: string | undefined;
  const keywords: string[] = [];
  const subjects: Subject[] = [];
  objectArray(doc, 'subjects', P).forEach((s, i) => {
    const at = `${P}.subjects[${i}]`;
    const name = optionalString(s, 'name', at);
    const rel = optionalString(s, 'rel', at);
    const literal = optionalString(s, 'literal', at);
    const uri = optionalString(s, 'uri', at);
    if (rel === NINJS_ROLES.service) {
      service ??= name ?? invalid(`${at}.name`, 'required for a service');
    } else if (rel === NINJS_ROLES.keyword) {
      keywords.push(name ?? invalid(`${at}.name`, 'required for a keyword'));
    } else {
      // khabar writes { name, literal: code }; other providers may give only a literal or a uri.
      const code = literal ?? uri;
      const label = name ?? code ?? invalid(`${at}.name`, 'expected a name, literal or uri');
      subjects.push(code !== undefined ? { name: label, code } : { name: label });
    }
  });
  return { service, keywords, subjects };
}

function readAgency(doc: JsonObject): string | undefined {
  const sources = objectArray(doc, 'infosources', P);
  for (const [i, s] of sources.entries()) {
    if (optionalString(s, 'role', `${P}.infosources[${i}]`) === NINJS_ROLES.agency) {
      return optionalString(s, 'name', `${P}.infosources[${i}]`);
    }
  }
  return undefined;
}

function readAltIds(doc: JsonObject): { code: number | undefined; source: Story['source'] } {
  let code: number | undefined;
  let source: { name: string; id: string; url?: string } | undefined;
  let url: string | undefined;
  objectArray(doc, 'altids', P).forEach((a, i) => {
    const at = `${P}.altids[${i}]`;
    const role = optionalString(a, 'role', at);
    const value = optionalString(a, 'value', at);
    if (role === undefined || value === undefined) return;
    if (role === NINJS_ROLES.storyCode && code === undefined) {
      if (!/^[1-9]\d{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) {
        invalid(`${at}.value`, `expected a story code (a positive integer), got ${JSON.stringify(value)}`);
      }
      code = Number(value);
    } else if (role.startsWith(NINJS_ROLES.sourcePrefix) && source === undefined) {
      source = { name: role.slice(NINJS_ROLES.sourcePrefix.length), id: value };
    } else if (role === NINJS_ROLES.sourceUrl) {
      url ??= value;
    }
  });
  if (source !== undefined && url !== undefined) source.url = url;
  return { code, source };
}
