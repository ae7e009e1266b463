/**
 * ninjs out and in: hand-written Persian stories (hostile content included) validate against the
 * IPTC ninjs 2.2 schema and read back exactly; other providers' ninjs (IPTC examples, 1.x fields) is
 * read; bad input is refused naming the field.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { isKhabarError } from '../../errors/index.js';
import { createStory } from '../story.js';
import { fromNinjs, isAbsoluteUri, toNinjs } from './index.js';
import { HAND_STORIES } from './hand-stories.test.js';

const STANDARDS = resolve(import.meta.dirname, '../../../../shared/standards/ninjs');
const HAVE_SHARED = existsSync(join(STANDARDS, 'ninjs-schema_2.2.json'));

/** The ninjs 2.2 validator; the schema's GeoJSON `$ref` (places only) is stubbed, khabar writes no places. */
function ninjsValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json' });
  return ajv.compile(JSON.parse(readFileSync(join(STANDARDS, 'ninjs-schema_2.2.json'), 'utf8')));
}

describe('toNinjs / fromNinjs on hand-written stories', () => {
  const validate = HAVE_SHARED ? ninjsValidator() : undefined;
  it.skipIf(!HAVE_SHARED)('every document validates against ninjs 2.2 (../shared/standards/ninjs)', () => {
    for (const story of HAND_STORIES) {
      const doc = toNinjs(story);
      const ok = validate!(doc);
      expect(validate!.errors ?? [], story.headline).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('reads each document back to the same story', () => {
    for (const story of HAND_STORIES) {
      // The story schema takes only RFC 3339 date-times, so every story comes back exactly.
      const expected = story;
      expect(fromNinjs(toNinjs(story))).toStrictEqual(expected);
      // …and through JSON text, as a subscriber receives it.
      expect(fromNinjs(JSON.parse(JSON.stringify(toNinjs(story))))).toStrictEqual(expected);
    }
  });

  it('writes a plain-text body with the credit restored and an escaped HTML body', () => {
    const doc = toNinjs(HAND_STORIES[0]!);
    expect(doc.bodies?.[0]).toMatchObject({ contenttype: 'text/plain' });
    expect(doc.bodies?.[0]?.value.startsWith('خبرگزاری آران / سرویس آذربایجان : مدیرکل')).toBe(true);
    expect(doc.bodies?.[0]?.value).toContain('۱۲ روستا می‌رود.\n\nبه گفتهٔ وی');
    const html = toNinjs(HAND_STORIES[1]!).bodies?.[1]?.value ?? '';
    expect(html).not.toMatch(/<script|<p dir="ltr"|<!--/);
    expect(html).toContain('&lt;p dir=&quot;ltr&quot;&gt;');
  });

  it('puts khabar fields in schema slots', () => {
    const doc = toNinjs(HAND_STORIES[0]!);
    expect(doc.descriptions).toContainEqual({ role: 'summary', value: HAND_STORIES[0]!.lead });
    expect(doc.subjects).toContainEqual({ name: 'سرویس آذربایجان', rel: 'service' });
    expect(doc.subjects).toContainEqual({ name: 'کتابخانه', rel: 'keyword' });
    expect(doc.infosources).toEqual([{ name: 'خبرگزاری آران', role: 'agency' }]);
    expect(doc.altids).toContainEqual({ role: 'storycode', value: '1404061501' });
    expect(doc.version).toBe('1');
    expect(toNinjs(HAND_STORIES[1]!).ednote).toMatch(/^اصلاحیه/);
  });

  it('escapes a story uri that is not an absolute URI, reversibly', () => {
    expect(isAbsoluteUri('not a uri / خبر')).toBe(false);
    expect(toNinjs(HAND_STORIES[2]!).uri).toMatch(/^urn:khabar:uri:not_0020a_0020uri/);
    expect(fromNinjs(toNinjs(HAND_STORIES[2]!)).uri).toBe('not a uri / خبر');
  });

  it('the story schema itself refuses dates that are not RFC 3339 (no seconds, no zone, 30 February)', () => {
    for (const bad of ['2025-02-30T10:00:00Z', '2025-03-20T23:59Z', '2025-03-20T23:59:00', '0000-01-01T00:00:00Z']) {
      expect(() => createStory({ headline: 'x', firstCreated: bad })).toThrow(/story\.firstCreated/);
    }
  });
});

describe('fromNinjs on other documents', () => {
  it.skipIf(!HAVE_SHARED)('reads the IPTC ninjs 2.2 examples', () => {
    const dir = join(STANDARDS, 'examples-2.2');
    for (const name of readdirSync(dir)) {
      const story = fromNinjs(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      expect(story.headline).toBe('Captain of wrecked cruise ship on trial in Italy');
      expect(story.body.length).toBeGreaterThan(0);
      expect(story.body.join(' ')).toContain('Schettino');
    }
  });

  it('reads ninjs 1.x string fields', () => {
    const story = fromNinjs({
      uri: 'http://example.org/1', version: '2', headline: 'تیتر', description_text: 'لید',
      body_text: 'بند یک\n\nبند دو', keywords: ['الف', 'ب'], versioncreated: '2025-01-01t10:00:00+0330',
    });
    expect(story).toMatchObject({ headline: 'تیتر', lead: 'لید', body: ['بند یک', 'بند دو'], keywords: ['الف', 'ب'], version: 2, versionCreated: '2025-01-01T10:00:00+03:30' });
  });

  it('reads another provider\'s HTML body leniently and takes the credit off', () => {
    const story = fromNinjs({
      uri: 'http://example.org/2', headlines: [{ value: 'تیتر' }],
      descriptions: [{ role: 'credit', value: 'خبرگزاری آران' }],
      bodies: [{ contenttype: 'application/xhtml+xml', value: '<div><p>خبرگزاری آران - متن&nbsp;<b>اول</b></p><p>دوم &amp; سوم</p></div>' }],
    });
    expect(story.body).toEqual(['متن\u00A0اول', 'دوم & سوم']);
    expect(story.credit).toBe('خبرگزاری آران');
  });

  const bad: [unknown, string][] = [
    [null, 'ninjs:'],
    [[], 'ninjs:'],
    [{ headlines: [{ value: 'x' }] }, 'ninjs.uri'],
    [{ uri: 'u:x', headlines: [{ value: 3 }] }, 'ninjs.headlines[0].value: expected a string'],
    [{ uri: 'u:x', headlines: 'x' }, 'ninjs.headlines: expected an array'],
    [{ uri: 'u:x' }, 'ninjs.headlines: expected at least one headline'],
    [{ uri: 'u:x', headlines: [{ value: 'x' }], version: 'v2' }, 'ninjs.version'],
    [{ uri: 'u:x', headlines: [{ value: 'x' }], urgency: 10 }, 'ninjs.urgency'],
    [{ uri: 'u:x', headlines: [{ value: 'x' }], pubstatus: 'killed' }, 'ninjs.pubstatus'],
    [{ uri: 'u:x', headlines: [{ value: 'x' }], versioncreated: 'yesterday' }, 'ninjs.versioncreated'],
    [{ uri: 'u:x', headlines: [{ value: 'x' }], subjects: [{ rel: 'about' }] }, 'ninjs.subjects[0].name'],
    [{ uri: 'u:x', headlines: [{ value: 'x' }], altids: [{ role: 'storycode', value: '12a' }] }, 'ninjs.altids[0].value'],
    [{ uri: 'u:x', headlines: [{ value: 'x' }], descriptions: [{ role: 'wirelayout', value: '{"slug":"up"}' }] }, 'ninjs.descriptions[0].value'],
    [{ uri: 'u:x', headlines: [{ value: 'x'.repeat(1_001) }] }, 'ninjs.headlines (story.headline'],
  ];
  it.each(bad.map(([input, field]) => [field, input] as const))('refuses bad input naming %s', (field, input) => {
    let error: unknown;
    try {
      fromNinjs(input);
    } catch (e) {
      error = e;
    }
    expect(isKhabarError(error, 'INVALID_INPUT')).toBe(true);
    expect((error as Error).message).toContain(field);
  });
});
