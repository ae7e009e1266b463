/**
 * Argument checks for the newsroom store, shared by every adapter (SQLite, PostgreSQL), so both refuse the
 * same input the same way. Every refusal is INVALID_INPUT with `details.field` naming the argument as the
 * NewsroomStore signature spells it (`input.username`, `query.limit`, `move.expect.states`,
 * `publication.story.headline`), like the Store's `query.limit` and `story.body[1]`. The checks run
 * before any transaction: bad input never takes the write lock.
 */
import { KhabarError, describeType } from '../errors/index.js';
import { validateStory, type Story } from '../story/index.js';
import { ITEM_STATES, ROLES, type ItemState, type Role } from './newsroom-store.js';

/** An INVALID_INPUT error naming `field`. */
export function invalid(field: string, message: string): KhabarError {
  return new KhabarError('INVALID_INPUT', `${field} ${message}`, { field });
}

/** A NOT_FOUND error for an unknown id: `item 7 not found`. */
export function notFound(kind: string, id: number): KhabarError {
  return new KhabarError('NOT_FOUND', `${kind} ${id} not found`, { kind, id });
}

function got(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return describeType(value);
}

/** A stored id: a positive safe integer. */
export function checkId(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw invalid(field, `must be a positive integer, got ${got(value)}`);
  }
  return value;
}

/** A whole number from `min` to `max`, or `fallback` when undefined. */
export function checkInt(value: unknown, field: string, min: number, max: number, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw invalid(field, `must be an integer from ${min} to ${max}, got ${got(value)}`);
  }
  return value;
}

/** Characters as people count them (code points, like PostgreSQL's `char_length`), not UTF-16 units. */
function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

/** A string of `min`–`max` characters without control characters (C0, DEL, C1: never typed on purpose). */
export function checkText(value: unknown, field: string, min: number, max: number): string {
  if (typeof value !== 'string') throw invalid(field, `must be a string, got ${got(value)}`);
  const n = charLength(value);
  if (n < min || n > max) throw invalid(field, `must be ${min}–${max} characters long, got ${n}`);
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) throw invalid(field, 'must not contain control characters');
  return value;
}

/** Free text (a note, an error): up to `max` characters, line breaks allowed. */
export function checkNote(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') throw invalid(field, `must be a string, got ${got(value)}`);
  if (charLength(value) > max) throw invalid(field, `must be at most ${max} characters long`);
  return value;
}

/** A boolean. */
export function checkBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalid(field, `must be true or false, got ${got(value)}`);
  return value;
}

/** A plain object (not null, not an array); `allowed` lists the keys it may have. */
export function checkObject(value: unknown, field: string, allowed?: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(field, `must be an object, got ${got(value)}`);
  }
  if (allowed !== undefined) {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) throw invalid(`${field}.${key}`, `is not a known field (known: ${allowed.join(', ')})`);
    }
  }
  return value as Record<string, unknown>;
}

/** A {@link ROLES} value. */
export function checkRole(value: unknown, field: string): Role {
  if (!(ROLES as readonly unknown[]).includes(value)) throw invalid(field, `must be one of ${ROLES.join(', ')}, got ${got(value)}`);
  return value as Role;
}

/** An {@link ITEM_STATES} value. */
export function checkState(value: unknown, field: string): ItemState {
  if (!(ITEM_STATES as readonly unknown[]).includes(value)) {
    throw invalid(field, `must be one of ${ITEM_STATES.join(', ')}, got ${got(value)}`);
  }
  return value as ItemState;
}

/** A non-empty array of states, without repeats. */
export function checkStates(value: unknown, field: string): ItemState[] {
  if (!Array.isArray(value) || value.length === 0) throw invalid(field, `must be a non-empty array of states, got ${got(value)}`);
  return [...new Set(value.map((s, i) => checkState(s, `${field}[${i}]`)))];
}

// RFC 3339 date-time (https://www.rfc-editor.org/rfc/rfc3339#section-5.6): seconds and a zone required.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * An ISO 8601 / RFC 3339 instant with a zone, as ms since the epoch (how the schema stores instants; see
 * migrations/004-newsroom.ts).
 */
export function checkInstant(value: unknown, field: string): number {
  const m = typeof value === 'string' ? RFC3339.exec(value) : null;
  const ms = m === null ? Number.NaN : Date.parse(value as string);
  // Date.parse rolls 2025-02-30 over to March; a day that does not exist is a mistake.
  const [y, mo, d] = m === null ? [0, 0, 0] : [Number(m[1]), Number(m[2]), Number(m[3])];
  if (Number.isNaN(ms) || mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) {
    throw invalid(field, `must be an ISO 8601 instant with seconds and a zone, e.g. 2025-09-05T09:26:00Z, got ${got(value)}`);
  }
  return ms;
}

/** An instant as the interface returns it. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * A story through the story module's schema; the field is renamed from `story.…` to where it sits in the
 * argument (`input.draft.headline`, `publication.story.body[2]`).
 */
export function checkStory(value: unknown, field: string): Story {
  try {
    return validateStory(value);
  } catch (e) {
    if (!(e instanceof KhabarError) || e.code !== 'INVALID_INPUT') throw e;
    const path = String(e.details?.['field'] ?? 'story');
    const renamed = field + path.slice('story'.length);
    throw new KhabarError('INVALID_INPUT', `${renamed}${e.message.slice(path.length)}`, { ...e.details, field: renamed });
  }
}

/** A JSON-able detail object, as its JSON text. */
export function checkDetail(value: unknown, field: string, maxChars: number): string {
  checkObject(value, field);
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch (e) {
    throw invalid(field, `must be JSON-able (${(e as Error).message})`);
  }
  if (json.length > maxChars) throw invalid(field, `must be at most ${maxChars} characters as JSON, got ${json.length}`);
  return json;
}

/** A checked {@link ItemExpectation}. */
export interface Expectation {
  revision?: number;
  states?: ItemState[];
}

/** Checks an expectation argument (`field`: where it sits, e.g. `move.expect`). */
export function checkExpectation(value: unknown, field: string, revisionRequired = false): Expectation | undefined {
  if (value === undefined && !revisionRequired) return undefined;
  const e = checkObject(value, field, ['revision', 'states']);
  const out: Expectation = {};
  if (e['revision'] !== undefined || revisionRequired) out.revision = checkId(e['revision'], `${field}.revision`);
  if (e['states'] !== undefined) out.states = checkStates(e['states'], `${field}.states`);
  return out;
}

/**
 * The columns a change to an item sets, as both adapters write it; revision, updated_at and the revision
 * row follow from them.
 */
export interface ItemChange {
  state: ItemState;
  /** The new draft, as JSON. */
  draft: string;
  userId: number;
  /** The revision's action. */
  action: string;
  note: string | null;
  scheduledAt: number | null;
  storyId: number | null;
  publishedVersion: number | null;
}
