/**
 * Runs both analyzers over every text in ../shared/corpus/isna and hamshahri-ir/docs: no exception, and
 * every token's offsets point at exactly its text in the original.
 */
import { describe, expect, it } from 'vitest';
import { forEachToken } from '../src/analysis/index.js';
import type { AnalyzerName } from '../src/analysis/index.js';
import { hamshahriFiles, hasCorpus, isnaFiles, missingCorpusMessage, readText } from '../bench/corpus.js';

function checkAll(files: string[], analyzer: AnalyzerName): { docs: number; tokens: number; bad: string[] } {
  let tokens = 0;
  const bad: string[] = [];
  for (const file of files) {
    const text = readText(file);
    let last = -1;
    forEachToken(text, (t) => {
      tokens++;
      if (text.slice(t.start, t.end) !== t.text || t.start <= last || t.term === '') {
        if (bad.length < 10) bad.push(`${file} @${t.start}: ${JSON.stringify(t)}`);
      }
      last = t.start;
    }, { analyzer });
  }
  return { docs: files.length, tokens, bad };
}

describe('analyzer over the real corpora', () => {
  for (const [name, corpus, list] of [
    ['ISNA', 'isna', isnaFiles],
    ['Hamshahri', 'hamshahri-ir', hamshahriFiles],
  ] as const) {
    const present = hasCorpus(corpus);
    if (!present) console.log(missingCorpusMessage(corpus));
    for (const analyzer of ['fa', 'fa-exact'] as const) {
      it.skipIf(!present)(`${analyzer} on every ${name} text: no exception, offsets exact`, () => {
        const r = checkAll(list(), analyzer);
        expect(r.bad).toEqual([]);
        expect(r.docs).toBeGreaterThan(5000);
        expect(r.tokens).toBeGreaterThan(1_000_000);
      });
    }
  }
});
