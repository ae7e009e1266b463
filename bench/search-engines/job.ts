/**
 * One measurement: one engine configuration on one corpus, in a process of its own (the parent spawns
 * one per job) so that heap and RSS deltas are not polluted by the engines measured before it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Story } from '../../src/story/index.js';
import { hamshahriQrelsText, hamshahriQueries, hamshahriStories } from '../hamshahri.js';
import { isnaStories } from '../../test/support/corpus-stories.js';
import { evaluateRun, type RunLine } from '../eval/search-metrics.js';
import { ENGINES } from './registry.js';
import { headlineQueries, timeQueries, type Latency } from './queries.js';

/** Corpora the per-engine table covers. */
export const CORPORA = ['hamshahri', 'isna'] as const;
export type CorpusName = (typeof CORPORA)[number];

/** Headline queries timed per corpus, besides the Hamshahri dev queries. */
export const HEADLINE_QUERIES = 1000;
/** Depth of the quality run. */
export const DEPTH = 1000;

/** What one job reports back to the parent (as JSON on stdout). */
export interface JobResult {
  engine: string;
  corpus: CorpusName;
  docs: number;
  indexSeconds: number;
  heapMB: number;
  rssMB: number;
  sizeBytes: number;
  sizeHow: string;
  latency: Latency;
  /** MAP and P@10 on the Hamshahri dev queries (Hamshahri corpus only). */
  map?: number;
  p10?: number;
}

/** The stories of a corpus, loaded through khabar's source mappers. */
export function loadCorpus(name: CorpusName): Story[] {
  return name === 'hamshahri' ? hamshahriStories() : isnaStories();
}

function gcNow(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc (npm run bench:search does)');
  gc();
  gc();
}

/** Runs the job: build the index, measure memory, time the queries, evaluate, measure the size. */
export async function runJob(engineKey: string, corpus: CorpusName): Promise<JobResult> {
  const spec = ENGINES.find((e) => e.key === engineKey);
  if (!spec) throw new Error(`unknown engine ${engineKey}`);
  const stories = loadCorpus(corpus);
  const devQueries = hamshahriQueries();
  const queries = [...devQueries.map((q) => q.query), ...headlineQueries(stories, HEADLINE_QUERIES)];
  const dir = mkdtempSync(join(tmpdir(), `khabar-bench-search-${engineKey}-`));
  try {
    const engine = await spec.create(dir);
    gcNow();
    const before = process.memoryUsage();
    const t0 = performance.now();
    await engine.add(stories);
    await engine.flush?.();
    const indexSeconds = (performance.now() - t0) / 1000;
    gcNow();
    const after = process.memoryUsage();

    const latency = await timeQueries((q) => engine.search(q, 10), queries);

    let quality: { map: number; p10: number } | undefined;
    if (corpus === 'hamshahri') {
      const docno = new Map(stories.map((s) => [s.uri, s.source?.id ?? s.uri]));
      const lines: RunLine[] = [];
      for (const { qid, query } of devQueries) {
        (await engine.search(query, DEPTH)).forEach((uri, i) => lines.push({ qid, docno: docno.get(uri) ?? uri, rank: i + 1, score: DEPTH - i }));
      }
      const m = evaluateRun(hamshahriQrelsText(), lines, DEPTH).mean;
      quality = { map: m.map, p10: m.p10 };
    }
    const size = await engine.size();
    await engine.close();
    return {
      engine: engineKey, corpus, docs: stories.length, indexSeconds,
      heapMB: (after.heapUsed - before.heapUsed) / 2 ** 20,
      rssMB: (after.rss - before.rss) / 2 ** 20,
      sizeBytes: size.bytes, sizeHow: size.how, latency, ...quality,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
