/**
 * Every story of ../shared/corpus/isna (7,500) and ../shared/corpus/farsnews (1,500), turned into wire
 * text, survives wire → story → wire → story, and story → ninjs → story, with no field changed.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hasCorpus, missingCorpusMessage } from '../bench/corpus.js';
import { fromNinjs, parseWire, toNinjs, writeWire } from '../src/story/index.js';
import type { Story } from '../src/story/index.js';
import { farsStories, isnaStories } from './support/corpus-stories.js';

/** The fields the wire layout carries; identity fields (uri, source) come from the importer. */
function wireFields(s: Story) {
  return { headline: s.headline, lead: s.lead, body: s.body, service: s.service, agency: s.agency, endMarker: s.endMarker, signOff: s.signOff };
}

function roundTrips(story: Story): string | undefined {
  const once = parseWire(writeWire(story)).story;
  if (!isDeepStrictEqual(wireFields(once), wireFields(story))) return `wire, first pass: ${JSON.stringify(wireFields(once)).slice(0, 300)}`;
  if (!isDeepStrictEqual(parseWire(writeWire(once)).story, once)) return 'wire, second pass differs';
  if (!isDeepStrictEqual(fromNinjs(JSON.parse(JSON.stringify(toNinjs(story)))), story)) return 'ninjs round trip differs';
  return undefined;
}

describe('wire and ninjs round trips over the corpora', () => {
  for (const [name, corpus, load, min] of [
    ['ISNA', 'isna', isnaStories, 7500],
    ['Fars News', 'farsnews', farsStories, 1500],
  ] as const) {
    const present = hasCorpus(corpus);
    if (!present) console.log(missingCorpusMessage(corpus));
    it.skipIf(!present)(`every ${name} story survives wire → story → wire → story and story → ninjs → story`, () => {
      const stories = load();
      const failures: string[] = [];
      for (const s of stories) {
        const why = roundTrips(s);
        if (why && failures.length < 5) failures.push(`${s.source?.id}: ${why}`);
      }
      expect(failures).toEqual([]);
      expect(stories.length).toBeGreaterThanOrEqual(min);
    });
  }
});
