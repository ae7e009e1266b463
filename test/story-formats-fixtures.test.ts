/**
 * The seed story and every wire fixture, parsed, written as ninjs and NewsML-G2: each ninjs document
 * validates against the IPTC ninjs 2.2 schema and each NewsML-G2 item against the 2.35 XSD (xmllint).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../bench/corpus.js';
import { parseWire, toNewsML, toNinjs } from '../src/story/index.js';
import type { Story } from '../src/story/index.js';
import { HAVE_STANDARDS, ninjsValidator, validateNewsML } from './support/validators.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'wire');
const SEED = join(SHARED_DIR, 'seed', '000_545843526358f5c7.txt');

function stories(): Array<[string, Story]> {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort().map((f) => join(FIXTURES, f));
  if (existsSync(SEED)) files.unshift(SEED);
  return files.map((f) => {
    const { story } = parseWire(readFileSync(f, 'utf8'), { source: { name: 'wire', id: f.split('/').pop()! } });
    // Wire text carries no dates; a NewsML-G2 item needs its version time.
    return [f, { ...story, versionCreated: '2025-09-05T09:26:00+03:30', code: 1000 + files.indexOf(f) }];
  });
}

describe('seed and fixtures in the standard formats', () => {
  if (!HAVE_STANDARDS) console.log('skipped: ../shared/standards is absent');
  it.skipIf(!HAVE_STANDARDS)('every ninjs document validates against ninjs 2.2', () => {
    const validate = ninjsValidator();
    const all = stories();
    expect(all.length).toBeGreaterThanOrEqual(31);
    const failures = all.map(([f, s]) => [f, validate(JSON.parse(JSON.stringify(toNinjs(s))))]).filter(([, e]) => e);
    expect(failures).toEqual([]);
  });
  it.skipIf(!HAVE_STANDARDS)('every NewsML-G2 item validates against the 2.35 All-Power XSD', () => {
    const all = stories();
    expect(validateNewsML(all.map(([, s]) => toNewsML(s)))).toEqual([]);
    expect(validateNewsML(all.map(([, s]) => toNewsML({ ...s, version: 2, correction: true })))).toEqual([]);
    expect(validateNewsML(all.slice(0, 3).map(([, s]) => toNewsML({ ...s, pubStatus: 'canceled', version: 3 })))).toEqual([]);
  });
  it.skipIf(!HAVE_STANDARDS)('a correction and a kill carry their signals', () => {
    const [, s] = stories()[0]!;
    const corrected = toNewsML({ ...s, version: 2, correction: true, edNote: 'اصلاحیه: نام وزیر درست شد' });
    expect(corrected).toContain('<signal qcode="sig:correction"/>');
    expect(corrected).toContain('<edNote>اصلاحیه: نام وزیر درست شد</edNote>');
    expect(toNewsML({ ...s, version: 2 })).toContain('<signal qcode="sig:update"/>');
    expect(toNewsML({ ...s, pubStatus: 'canceled' })).toContain('<pubStatus qcode="stat:canceled"/>');
  });
});
