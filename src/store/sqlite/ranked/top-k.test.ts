/** topK against the obvious definition: a full sort by (score desc, id asc), cut to k. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topK } from './top-k.js';

/** The reference: indexes sorted by score descending, then id ascending, first k. */
function fullSort(ids: readonly number[], scores: readonly number[], k: number): number[] {
  return ids.map((_, i) => i)
    .sort((a, b) => (scores[b]! - scores[a]!) || (ids[a]! - ids[b]!))
    .slice(0, Math.max(k, 0));
}

/** Matches with distinct ids (as the scorer gives them) and scores from a small set, so that ties are common. */
const matches = fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { maxLength: 60 }).chain((ids) =>
  fc.array(fc.oneof(fc.constantFrom(0, 0.5, 1, 2.25, 7), fc.double({ min: 0, max: 100, noNaN: true })),
    { minLength: ids.length, maxLength: ids.length }).map((scores) => ({ ids, scores })));

describe('topK', () => {
  it('equals a full sort by (score desc, id asc) cut to k, for every k from 0 to n + 2', () => {
    fc.assert(fc.property(matches, ({ ids, scores }) => {
      for (let k = 0; k <= ids.length + 2; k++) {
        expect(topK(Int32Array.from(ids), Float64Array.from(scores), k)).toEqual(fullSort(ids, scores, k));
      }
    }), { numRuns: 300 });
  });

  it('breaks ties by the lower id, whatever the input order', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.nat(1000), { minLength: 1, maxLength: 40 }), fc.nat(45), (ids, k) => {
      const scores = ids.map(() => 1);
      const picked = topK(ids, scores, k).map((i) => ids[i]);
      expect(picked).toEqual([...ids].sort((a, b) => a - b).slice(0, k));
    }));
  });

  it('returns nothing for k ≤ 0 or no matches', () => {
    expect(topK([1, 2], [3, 4], 0)).toEqual([]);
    expect(topK([1, 2], [3, 4], -1)).toEqual([]);
    expect(topK([], [], 5)).toEqual([]);
  });

  it('ranks a known example', () => {
    const ids = [10, 4, 7, 2, 9];
    const scores = [1, 3, 3, 0.5, 3];
    expect(topK(ids, scores, 3).map((i) => ids[i])).toEqual([4, 7, 9]);
    expect(topK(ids, scores, 10).map((i) => ids[i])).toEqual([4, 7, 9, 10, 2]);
  });
});
