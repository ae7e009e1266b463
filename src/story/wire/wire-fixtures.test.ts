/**
 * Wire-text fixtures (test/fixtures/wire): every `NN-name.txt` is a story exactly as a wire would send
 * it (CRLF, BOM, blank lines of spaces, Arabic ي/ك, missing ZWNJ…), and `NN-name.json` says what the
 * parser must find in it:
 *
 *   { "description": "…",
 *     "expect":   { "headline": …, "lead": …, "body": […], "wire": { … }, … },  // compared with toEqual
 *     "absent":   ["lead", …],                                              // must be undefined
 *     "warnings": ["no-slug-line", …] }                                     // codes, in text order
 *
 * `errors/NN-name.txt` + `.json` hold input the parser must refuse: { "error": code, "messageIncludes": … }.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCode } from '../../../test/support/error-code.js';
import { KhabarError } from '../../errors/index.js';
import type { Story } from '../story.js';
import { parseWire } from './parse-wire.js';
import { writeWire } from './write-wire.js';

const DIR = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'wire');
const ERRORS = join(DIR, 'errors');

interface StoryFixture {
  description: string;
  expect: Partial<Story>;
  absent?: Array<keyof Story>;
  warnings: string[];
}

interface ErrorFixture {
  description?: string;
  error: 'INVALID_INPUT' | 'INPUT_TOO_LARGE';
  messageIncludes: string;
}

function names(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -'.txt'.length)).sort();
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** The text after the normalizations the parser is allowed: BOM, line ends, trailing white space. */
function normalized(text: string): string {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((l) => l.trimEnd()).join('\n');
}

const storyFixtures = names(DIR);
const errorFixtures = names(ERRORS);

describe('wire fixtures', () => {
  it('there are at least 30 story fixtures, each with its .json', () => {
    expect(storyFixtures.length).toBeGreaterThanOrEqual(30);
    const jsons = new Set(readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)));
    expect(storyFixtures.filter((n) => !jsons.has(n))).toEqual([]);
    expect([...jsons].filter((n) => !storyFixtures.includes(n))).toEqual([]);
  });

  describe.each(storyFixtures)('%s', (name) => {
    const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
    const fixture = readJson<StoryFixture>(join(DIR, `${name}.json`));

    it('finds every listed field', () => {
      expect(fixture.description, 'fixture has a description').toBeTruthy();
      const { story } = parseWire(text);
      const got = story as Record<string, unknown>;
      for (const [field, value] of Object.entries(fixture.expect)) {
        expect(got[field], `story.${field}`).toEqual(value);
      }
      for (const field of fixture.absent ?? []) {
        expect(got[field], `story.${field} should be absent`).toBeUndefined();
      }
    });

    it('reports the expected warnings', () => {
      const { warnings } = parseWire(text);
      // Listed in the order their lines come in the text (stable: same line keeps the parser's order).
      const inTextOrder = warnings.map((w, i) => ({ w, i })).sort((a, b) => a.w.line - b.w.line || a.i - b.i);
      expect(inTextOrder.map(({ w }) => w.code)).toEqual(fixture.warnings);
      const source = normalized(text);
      for (const w of warnings) {
        expect(w.message, `${w.code} has a message`).toBeTruthy();
        expect(w.line, `${w.code} has a 1-based line`).toBeGreaterThanOrEqual(1);
        // Text the story does not keep is carried by the warning, never dropped silently.
        if (w.code === 'after-end-marker') {
          expect(w.text, 'after-end-marker keeps the text').toBeTruthy();
          expect(source).toContain(w.text);
        }
      }
    });

    it('writes back to wire text that parses to the same story', () => {
      const { story } = parseWire(text);
      expect(parseWire(writeWire(story)).story).toEqual(story);
    });
  });
});

describe('wire fixtures: refused input', () => {
  it('there are error fixtures', () => {
    expect(errorFixtures.length).toBeGreaterThan(0);
  });

  describe.each(errorFixtures)('errors/%s', (name) => {
    it('throws the expected KhabarError', () => {
      const text = readFileSync(join(ERRORS, `${name}.txt`), 'utf8');
      const fixture = readJson<ErrorFixture>(join(ERRORS, `${name}.json`));
      let thrown: unknown;
      try {
        parseWire(text);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(KhabarError);
      const err = thrown as KhabarError;
      expect(err.code).toBe(fixture.error);
      expect(err.message.toLowerCase()).toContain(fixture.messageIncludes.toLowerCase());
    });
  });

  it('refuses text over the 2 MB limit with INPUT_TOO_LARGE', () => {
    const para = 'بارش باران در استان‌های شمالی کشور ادامه دارد و هواشناسی هشدار سطح زرد صادر کرد.';
    const text = `خبر بسیار بلند\n\n${`${para}\n\n`.repeat(Math.ceil(2_200_000 / (para.length + 2)))}پایان پیام.`;
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(errorCode(() => parseWire(text))).toBe('INPUT_TOO_LARGE');
  });
});
