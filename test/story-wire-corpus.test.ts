/**
 * Every story of ../shared/corpus/isna and ../shared/corpus/farsnews, turned into wire text, survives
 * wire → story → wire → story with no field changed.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath, hasCorpus, isnaFiles, missingCorpusMessage, readText } from '../bench/corpus.js';
import { fromFarsNewsRecord, fromIsnaText } from '../src/story/sources/index.js';
import { parseWire, writeWire } from '../src/story/wire/index.js';
import type { Story } from '../src/story/index.js';

/** The fields the wire layout carries; identity fields (uri, source) come from the importer. */
function wireFields(s: Story) {
  return { headline: s.headline, lead: s.lead, body: s.body, service: s.service, agency: s.agency, endMarker: s.endMarker, signOff: s.signOff };
}

function roundTrip(story: Story): string | undefined {
  const once = parseWire(writeWire(story)).story;
  const fields = JSON.stringify(wireFields(once));
  if (fields !== JSON.stringify(wireFields(story))) return `first pass: ${fields.slice(0, 300)}`;
  const twice = parseWire(writeWire(once)).story;
  if (JSON.stringify(twice) !== JSON.stringify(once)) return 'second pass differs';
  return undefined;
}

function farsStories(): Story[] {
  const dir = corpusPath('farsnews');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().flatMap((f) =>
    (JSON.parse(readText(`${dir}/${f}`)) as unknown[]).map((r, i) => fromFarsNewsRecord(r, i)));
}

describe('wire round trip over the corpora', () => {
  for (const [name, corpus, load] of [
    ['ISNA', 'isna', () => isnaFiles().map((f) => fromIsnaText(readText(f), basename(dirname(f)), basename(f)))],
    ['Fars News', 'farsnews', farsStories],
  ] as const) {
    const present = hasCorpus(corpus);
    if (!present) console.log(missingCorpusMessage(corpus));
    it.skipIf(!present)(`every ${name} story survives wire → story → wire → story`, () => {
      const stories = load();
      const failures: string[] = [];
      for (const s of stories) {
        const why = roundTrip(s);
        if (why && failures.length < 5) failures.push(`${s.source?.id}: ${why}`);
      }
      expect(failures).toEqual([]);
      expect(stories.length).toBeGreaterThanOrEqual(name === 'ISNA' ? 7500 : 1500);
    });
  }
});
