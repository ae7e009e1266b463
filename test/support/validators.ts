/**
 * The standards' own validators, for tests: the IPTC ninjs 2.2 JSON schema (ajv, draft 2020-12) and
 * the NewsML-G2 2.35 All-Power XSD (xmllint, one process for many files). Both read ../shared/standards.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SHARED_DIR } from '../../bench/corpus.js';

export const NINJS_SCHEMA = join(SHARED_DIR, 'standards/ninjs/ninjs-schema_2.2.json');
export const NEWSML_XSD = join(SHARED_DIR, 'standards/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd');
/** True when both standards are there to validate against. */
export const HAVE_STANDARDS = existsSync(NINJS_SCHEMA) && existsSync(NEWSML_XSD);

/** A validator for ninjs 2.2 documents: returns the first error as text, or undefined when valid. */
export function ninjsValidator(): (doc: unknown) => string | undefined {
  const ajv = new Ajv2020({ strict: false });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json' }); // referenced by `places` only; khabar writes none
  const validate = ajv.compile(JSON.parse(readFileSync(NINJS_SCHEMA, 'utf8')));
  return (doc) => (validate(doc) ? undefined : JSON.stringify(validate.errors?.[0]));
}

/** Validates NewsML-G2 documents with one xmllint run; returns the error lines (empty when all are valid). */
export function validateNewsML(documents: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-newsml-'));
  try {
    const files = documents.map((xml, i) => {
      const file = join(dir, `item-${i}.xml`);
      writeFileSync(file, xml);
      return file;
    });
    try {
      execFileSync('xmllint', ['--noout', '--nonet', '--schema', NEWSML_XSD, ...files], { stdio: 'pipe', maxBuffer: 1 << 26 });
      return [];
    } catch (e) {
      return String((e as { stderr?: Buffer }).stderr ?? e).split('\n').filter((l) => l !== '' && !l.endsWith(' validates'));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
