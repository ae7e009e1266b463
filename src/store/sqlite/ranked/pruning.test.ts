/**
 * MaxScore pruning (bm25-scorer.ts) changes nothing a caller sees: for queries mixing very common and
 * rare words, the best hits, their scores and the total equal those of the unpruned pass (a request with
 * facets scores every match).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStory } from '../../../story/index.js';
import { openSqliteStore } from '../open-sqlite-store.js';

// Words by frequency rank: the first few land in almost every story, the last in a handful.
const WORDS = ['کشور', 'سال', 'ایران', 'مردم', 'دولت', 'بازار', 'کتاب', 'باران', 'مجلس', 'دانشگاه', 'ورزش', 'فوتبال',
  'نفت', 'طلا', 'سیل', 'زلزله', 'نمایشگاه', 'کنسرت', 'موزه', 'کتابخانه', 'جنگل', 'کوهستان', 'دریاچه', 'زعفران'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('pruned ranking', () => {
  it('returns the same best hits, scores and totals as scoring every match', async () => {
    const store = await openSqliteStore(':memory:');
    const r = rng(1404);
    const zipf = () => WORDS[Math.min(WORDS.length - 1, Math.floor(WORDS.length * r() ** 3))]!;
    for (let batch = 0; batch < 6; batch++) {
      await store.putStories(Array.from({ length: 150 }, (_, i) => createStory({
        headline: `${zipf()} و ${zipf()} در گزارش ${batch * 150 + i}`,
        body: Array.from({ length: 3 }, () => Array.from({ length: 12 }, zipf).join(' ')),
        source: { name: 'prune', id: String(batch * 150 + i) },
      })));
    }
    await fc.assert(fc.asyncProperty(
      fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 60 }),
      async (words, limit) => {
        const q = words.join(' ');
        const pruned = await store.search({ q, limit });
        const full = await store.search({ q, limit, facets: true });
        expect(pruned.total).toBe(full.total);
        expect(pruned.hits.map((h) => [h.id, h.score])).toEqual(full.hits.map((h) => [h.id, h.score]));
      }), { numRuns: 300 });
    await store.close();
  });
});
