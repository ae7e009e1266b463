/**
 * khabar at archive scale: the ISNA, Hamshahri and Fars stories repeated under new ids (`#copyN` on the
 * source id and the URI) until `target` stories, imported through `putStories` in batches of 1,000 into
 * a fresh SQLite store, then top-10 queries timed. Runs in a process of its own so that its peak RSS is
 * the import's, not the other engines'.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Story } from '../../src/story/index.js';
import { hamshahriQueries, hamshahriStories } from '../hamshahri.js';
import { farsStories, isnaStories } from '../../test/support/corpus-stories.js';
import { KHABAR_BATCH, openKhabarEngine, sqliteBytes } from './khabar.js';
import { headlineQueries, timeQueries, type Latency } from './queries.js';

/** What the scale job reports. */
export interface ScaleResult {
  stories: number;
  baseStories: number;
  importSeconds: number;
  /** RSS once the base corpora are in memory, before the store is opened (MB). */
  rssBaseMB: number;
  /** Highest RSS sampled after every batch and every 100 ms during the import (MB). */
  rssPeakSampledMB: number;
  /** The process's maximum resident set (getrusage), corpus loading included (MB). */
  maxRssMB: number;
  sizeBytes: number;
  latency: Latency;
}

/** Copy `n` of a story: a new URI and source id, everything else shared (copy 0 is the story itself). */
function copyOf(s: Story, n: number): Story {
  if (n === 0) return s;
  return {
    ...s,
    uri: `${s.uri}#copy${n}`,
    source: s.source ? { ...s.source, id: `${s.source.id}#copy${n}` } : { name: 'bench', id: `${s.uri}#copy${n}` },
  };
}

/** Imports `target` stories and times queries. */
export async function runScale(target: number): Promise<ScaleResult> {
  const base = [...isnaStories(), ...hamshahriStories(), ...farsStories()];
  const queries = [...hamshahriQueries().map((q) => q.query), ...headlineQueries(base, 1000, 1404)];
  const rssBase = process.memoryUsage.rss();
  let peak = rssBase;
  const sample = () => { peak = Math.max(peak, process.memoryUsage.rss()); };
  const timer = setInterval(sample, 100);
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-scale-'));
  try {
    const engine = await openKhabarEngine(dir, 'scale.db');
    const t0 = performance.now();
    for (let i = 0; i < target; i += KHABAR_BATCH) {
      const batch: Story[] = [];
      for (let j = i; j < Math.min(target, i + KHABAR_BATCH); j++) batch.push(copyOf(base[j % base.length]!, Math.floor(j / base.length)));
      await engine.add(batch);
      sample();
      if ((i / KHABAR_BATCH) % 20 === 19) process.stderr.write(`  scale: ${i + KHABAR_BATCH} stories, ${((i + KHABAR_BATCH) / ((performance.now() - t0) / 1000)).toFixed(0)}/s\n`);
    }
    await engine.flush?.();
    const importSeconds = (performance.now() - t0) / 1000;
    clearInterval(timer);
    const latency = await timeQueries((q) => engine.search(q, 10), queries);
    await engine.close();
    return {
      stories: target, baseStories: base.length, importSeconds,
      rssBaseMB: rssBase / 2 ** 20, rssPeakSampledMB: peak / 2 ** 20,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      sizeBytes: sqliteBytes(dir, 'scale.db'), latency,
    };
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}
