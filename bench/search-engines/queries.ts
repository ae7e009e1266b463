/**
 * Query sets and latency statistics for `npm run bench:search`. Headline queries are sampled with a
 * seeded generator so that every run, and every engine in a run, times exactly the same queries.
 */
import type { Story } from '../../src/story/index.js';

/** mulberry32: a tiny seeded PRNG; Math.random cannot be seeded. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` queries of 2–4 consecutive words from headlines, as a reader types them: punctuation
 * (guillemets, colons, quotes) removed from the words, so that no engine's query syntax is triggered.
 */
export function headlineQueries(stories: readonly Story[], count: number, seed = 1403): string[] {
  const rand = seededRandom(seed);
  const out: string[] = [];
  for (let guard = 0; out.length < count && guard < count * 20; guard++) {
    const story = stories[Math.floor(rand() * stories.length)];
    if (!story) continue;
    const words = story.headline.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{M}\p{N}\u200c]/gu, '')).filter((w) => /\p{L}/u.test(w));
    if (words.length < 2) continue;
    const n = Math.min(words.length, 2 + Math.floor(rand() * 3));
    const start = Math.floor(rand() * (words.length - n + 1));
    out.push(words.slice(start, start + n).join(' '));
  }
  return out;
}

/** Nearest-rank percentiles of a list of durations (ms). */
export interface Latency {
  n: number;
  /** Queries that returned at least one hit. */
  answered?: number;
  p50: number;
  p95: number;
  p99: number;
}

/** p50/p95/p99 by nearest rank. */
export function percentiles(ms: readonly number[]): Latency {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99) };
}

/** Times `search` over `queries` (after an untimed warm-up over the first `warmup`), one at a time. */
export async function timeQueries(search: (q: string) => Promise<readonly unknown[]>, queries: readonly string[], warmup = 50): Promise<Latency> {
  for (const q of queries.slice(0, warmup)) await search(q);
  const ms: number[] = [];
  let answered = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const hits = await search(q);
    ms.push(performance.now() - t0);
    if (hits.length > 0) answered++;
  }
  return { ...percentiles(ms), answered };
}
