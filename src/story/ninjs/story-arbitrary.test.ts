/**
 * A fast-check generator of valid stories for the format property tests: Persian text (letters, ZWNJ,
 * digits, punctuation) mixed with hostile characters (markup, entities, controls, bidi marks, emoji,
 * lone surrogates, newlines, khabar's own markers), every optional field present or absent. A test file
 * (it imports fast-check, which shipped story code may not) that other format tests import.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PUB_STATUSES, validateStory } from '../story.js';
import type { Story } from '../story.js';

const persianChar = fc.constantFrom(
  ...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءآأؤئةيكۀ‌ ۰۱۲۳۴۵۶۷۸۹،؛؟«»:/-.',
);
const hostileChar = fc.constantFrom(
  '<', '>', '&', '"', "'", '\n', '\r', '\t', '\u0000', '\u0001', '\u000B', '\u001F', '\u200F', '\u200E',
  '\u202B', '\u202C', '\uFEFF', '\uD800', '\uDC00', '\uFFFE', '😀', '&amp;', '<p dir="rtl">', '</p>',
  '<span class="credit">', '</span>', ']]>', '\n\n', ' : ', '_00e9', 'urn:khabar:uri:',
);
const text = (max: number) => fc.array(fc.oneof({ weight: 6, arbitrary: persianChar }, { weight: 1, arbitrary: hostileChar }, { weight: 1, arbitrary: fc.string({ maxLength: 2, unit: 'binary' }) }), { maxLength: max }).map((a) => a.join('').slice(0, max));
const nonEmpty = (max: number) => text(max).filter((s) => s.length > 0);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const instant = fc.record({
  y: fc.integer({ min: 1, max: 9999 }), mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }),
  h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 59 }),
  frac: fc.option(fc.integer({ min: 0, max: 999_999 }), { nil: undefined }),
  zone: fc.constantFrom('Z', '+03:30', '-05:00', '+00:00', '+14:00'),
}).map((t) => `${pad(t.y, 4)}-${pad(t.mo)}-${pad(t.d)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}${t.frac === undefined ? '' : `.${t.frac}`}${t.zone}`)
  .filter((s) => !Number.isNaN(Date.parse(s)));

const uri = fc.oneof(
  fc.nat().map((n) => `urn:khabar:story:${n}`),
  fc.webUrl(),
  text(40).filter((s) => s.length > 0),
);

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Any valid story (validated, undefined keys dropped, as createStory returns them). */
export const storyArbitrary: fc.Arbitrary<Story> = fc.record({
  uri,
  code: opt(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
  version: fc.integer({ min: 1, max: 1_000_000 }),
  firstCreated: opt(instant),
  versionCreated: opt(instant),
  pubStatus: fc.constantFrom(...PUB_STATUSES),
  urgency: opt(fc.integer({ min: 1, max: 9 })),
  headline: nonEmpty(80),
  lead: opt(text(200)),
  body: fc.array(text(300), { maxLength: 6 }),
  service: opt(text(30)),
  agency: opt(text(30)),
  credit: opt(text(40)),
  byline: opt(text(30)),
  located: opt(text(20)),
  keywords: fc.array(nonEmpty(20), { maxLength: 5 }),
  subjects: fc.array(fc.record({ name: nonEmpty(20), code: opt(text(20)) }), { maxLength: 4 }),
  signOff: opt(text(10)),
  endMarker: opt(fc.constantFrom('پایان پیام.', 'انتهای پیام/', 'پایان پیام /ب/')),
  edNote: opt(text(100)),
  correction: opt(fc.boolean()),
  embargoed: opt(instant),
  language: fc.constantFrom('fa', 'fa-IR', 'en'),
  source: opt(fc.record({ name: nonEmpty(10), id: nonEmpty(20), url: opt(fc.oneof(fc.webUrl(), text(30))) })),
  wire: opt(fc.record({
    slug: opt(fc.constantFrom('service-agency', 'agency-service', 'none') as fc.Arbitrary<'service-agency' | 'agency-service' | 'none'>),
    creditSeparator: opt(fc.constantFrom(' : ', ': ', ' - ', '', ' :')),
  })),
}).map((s) => validateStory(dropUndefined(s)));

/** Drops undefined keys at every depth, as a story read from JSON has none. */
function dropUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(dropUndefined) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, dropUndefined(v)])) as T;
}


describe('story generator', () => {
  it('yields valid stories with optional fields both present and absent', () => {
    const sample = fc.sample(storyArbitrary, { seed: 42, numRuns: 300 });
    for (const key of ['code', 'lead', 'credit', 'wire', 'source', 'firstCreated']) {
      expect(sample.some((s) => key in s), key).toBe(true);
      expect(sample.some((s) => !(key in s)), key).toBe(true);
    }
  });
});
