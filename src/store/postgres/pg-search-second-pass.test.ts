/**
 * The second-pass shortcut's bounds (pg-search-second-pass.ts) on hand-checked cases: a story the first
 * pass scored outside its pool (the knapsack over feedback factors) and a story outside the first pass's
 * coverage (the clause bounds with the new weights). The end-to-end comparison with the unpruned search
 * is pg-search-pruning.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { BestMatches, Ranked } from './pg-search-pruning.js';
import type { Scoring } from './pg-search-scoring.js';
import { poolSuffices } from './pg-search-second-pass.js';

function scoring(weights: number[], boost: number): Scoring {
  return {
    terms: ['a', 'b'], weights, required: new Set(), exact: [], coord: ['a', 'b'], boost, docs: 1000,
    df: new Map([['a', 10], ['b', 100]]), c0: 0.3, c1: 0.001,
  };
}

const ranked = (...scores: number[]): Ranked[] => scores.map((score, i) => ({ id: i + 1, score }));
/** No pool story holds a term: every term may be held outside the pool. */
const holders = new Map<string, number>();

describe('poolSuffices', () => {
  it('bounds a scored story outside the pool by filling its first score with the highest factors first', () => {
    // S = 6; a (factor 1.5) can hold at most 4, the remaining 2 go to b (factor 0.5): 4·1.5 + 2·0.5 = 7.
    const first: BestMatches = { best: ranked(9, 6), covered: 'all' };
    const sc1 = scoring([4, 4], 0);
    const sc2 = scoring([6, 2], 0);
    expect(poolSuffices({ first: first, keep: 2, sc1: sc1, sc2: sc2, factors: [1.5, 0.5], rescored: ranked(7.1), holders }, 1)).toBe(true);
    expect(poolSuffices({ first: first, keep: 2, sc1: sc1, sc2: sc2, factors: [1.5, 0.5], rescored: ranked(6.9), holders }, 1)).toBe(false);
    // A pool that is not full holds every scored story: nothing else to bound.
    expect(poolSuffices({ first: first, keep: 3, sc1: sc1, sc2: sc2, factors: [1.5, 0.5], rescored: ranked(0.1), holders }, 1)).toBe(true);
    // With the boost each cap is 4.2: 4.2·1.5 + 1.8·0.5 = 7.2.
    expect(poolSuffices({ first: first, keep: 2, sc1: scoring([4, 4], 0.05), sc2: scoring([6, 2], 0.05), factors: [1.5, 0.5], rescored: ranked(7.15), holders }, 1)).toBe(false);
    expect(poolSuffices({ first: first, keep: 2, sc1: scoring([4, 4], 0.05), sc2: scoring([6, 2], 0.05), factors: [1.5, 0.5], rescored: ranked(7.25), holders }, 1)).toBe(true);
  });

  it('leaves out a term whose every story is in the pool', () => {
    // «a» is in 10 stories, all in the pool: outside it only «b» (factor 0.5, cap 4) counts, 4 · 0.5 = 2.
    const first: BestMatches = { best: ranked(9, 6), covered: 'all' };
    const f = { first, keep: 2, sc1: scoring([4, 4], 0), sc2: scoring([6, 2], 0), factors: [1.5, 0.5] };
    expect(poolSuffices({ ...f, rescored: ranked(2.1), holders: new Map([['a', 10]]) }, 1)).toBe(true);
    expect(poolSuffices({ ...f, rescored: ranked(2.1), holders: new Map([['a', 9]]) }, 1)).toBe(false);
  });

  it('bounds a story the first pass never scored by the new weights of the clauses it did not cover', () => {
    // Only «a» was covered; with the new weights «b» alone can bring 10 (no boost: such a story lacks «a»).
    const first: BestMatches = { best: ranked(12), covered: new Set(['fa:a']) };
    const sc1 = scoring([10, 2], 0.05);
    const sc2 = scoring([2, 10], 0.05);
    expect(poolSuffices({ first: first, keep: 200, sc1: sc1, sc2: sc2, factors: [0.2, 5], rescored: ranked(10.1), holders }, 1)).toBe(true);
    expect(poolSuffices({ first: first, keep: 200, sc1: sc1, sc2: sc2, factors: [0.2, 5], rescored: ranked(9.9), holders }, 1)).toBe(false);
    // Had nothing with a should word been covered, the boost could apply: 10 · 1.05.
    const none: BestMatches = { best: ranked(12), covered: new Set() };
    expect(poolSuffices({ first: none, keep: 200, sc1: sc1, sc2: sc2, factors: [0.2, 5], rescored: ranked(12.5), holders }, 1)).toBe(false);
    expect(poolSuffices({ first: none, keep: 200, sc1: sc1, sc2: sc2, factors: [0.2, 5], rescored: ranked(12.7), holders }, 1)).toBe(true);
  });

  it('needs k rescored stories and sound weights', () => {
    const first: BestMatches = { best: ranked(9), covered: 'all' };
    expect(poolSuffices({ first: first, keep: 200, sc1: scoring([4, 4], 0), sc2: scoring([4, 4], 0), factors: [1, 1], rescored: ranked(5), holders }, 2)).toBe(false);
    expect(poolSuffices({ first: first, keep: 200, sc1: scoring([4, 4], 0), sc2: scoring([-4, 4], 0), factors: [-1, 1], rescored: ranked(5), holders }, 1)).toBe(false);
  });
});
