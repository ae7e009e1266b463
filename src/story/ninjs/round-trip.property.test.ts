/**
 * Property: for any valid story, toNinjs validates against ninjs 2.2 and fromNinjs(toNinjs(s)) is s,
 * deep and strict. Stories are generated with Persian text (letters, ZWNJ, digits, punctuation), hostile
 * characters (markup, entities, controls, bidi marks, emoji, lone surrogates, newlines) and every
 * optional field present or absent (story-arbitrary.test.ts). Runs: KHABAR_PROPERTY_RUNS (default 1000).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromNinjs, isAbsoluteUri, toNinjs } from './index.js';
import { storyArbitrary } from './story-arbitrary.test.js';

const SCHEMA = resolve(import.meta.dirname, '../../../../shared/standards/ninjs/ninjs-schema_2.2.json');
const RUNS = Number(process.env.KHABAR_PROPERTY_RUNS ?? 1000);

describe('ninjs round trip (property)', () => {
  it('fromNinjs(toNinjs(s)) is s, through JSON text too', () => {
    fc.assert(fc.property(storyArbitrary, (story) => {
      expect(fromNinjs(toNinjs(story))).toStrictEqual(story);
      expect(fromNinjs(JSON.parse(JSON.stringify(toNinjs(story))))).toStrictEqual(story);
    }), { numRuns: RUNS });
  });

  it.skipIf(!existsSync(SCHEMA))('toNinjs(s) validates against ninjs 2.2', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json' });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    fc.assert(fc.property(storyArbitrary, (story) => {
      expect(validate(toNinjs(story)) || validate.errors).toBe(true);
    }), { numRuns: RUNS });
  });

  it.skipIf(!existsSync(SCHEMA))('whatever isAbsoluteUri accepts, the schema\'s format: uri accepts', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile({ type: 'string', format: 'uri' });
    const uriLike = fc.array(fc.constantFrom(...'ab:/?#@%[]!$&\'()*+,;=-._~1 خ'.split(''), '%2F', '%zz', '//'), { maxLength: 20 }).map((a) => `x${a.join('')}`);
    fc.assert(fc.property(fc.oneof(uriLike, fc.webUrl(), fc.string()), (s) => {
      if (isAbsoluteUri(s)) expect(validate(s), s).toBe(true);
    }), { numRuns: RUNS * 5 });
  });
});
