/**
 * Worker threads that analyze stories' text for the index while the main thread writes. Analysis is
 * about a third of an import's work and pure computation, so on a machine with two or more cores it runs
 * beside the SQLite writes instead of before them (sqlite-store.ts chains the writes in call order).
 *
 * The worker is the compiled `analysis-worker.js` beside this module. Under a TypeScript runner (vitest
 * runs the sources) this module is a `.ts` file and Node cannot start a `.ts` worker, so the compiled
 * copy in `dist/` is used: `npm test` builds first.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KhabarError } from '../../errors/index.js';
import type { AnalysisResponse, IndexedText, StoryText } from './analyzed-story.js';

/** Old-generation heap limit of a worker, in MB. */
const WORKER_HEAP_MB = 128;

/** Threads worth starting here: the cores the writer does not use, at least one, at most four. */
export function defaultAnalysisThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

function workerPath(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return here.replace(/analysis-pool\.js$/, 'analysis-worker.js');
  const compiled = here.replace(/([\\/])src([\\/])/, '$1dist$1src$2').replace(/analysis-pool\.ts$/, 'analysis-worker.js');
  if (!existsSync(compiled)) throw new KhabarError('STORE', `analysis worker not built: ${compiled} is missing (run npm run build)`);
  return compiled;
}

/** A pool of analysis threads; create with {@link createAnalysisPool}. */
export interface AnalysisPool {
  /** The indexed text of each story, in order. */
  analyze(texts: readonly StoryText[]): Promise<IndexedText[]>;
  /** Stops the threads. */
  close(): Promise<void>;
}

/** Starts `threads` workers (lazily, on the first batch). */
export function createAnalysisPool(threads: number): AnalysisPool {
  const workers: Worker[] = [];
  const waiting = new Map<number, { resolve: (out: IndexedText[]) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let turn = 0;

  function start(): void {
    const path = workerPath();
    for (let i = 0; i < threads; i++) {
      // A bounded heap makes the worker collect its garbage (cloned batches) early: without it the
      // worker's heap alone grew past 300 MB during a large import. Its live set (lexicon, memos) is far below.
      const w = new Worker(path, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      w.unref(); // an idle pool never keeps the process alive
      w.on('message', (msg: AnalysisResponse) => {
        const job = waiting.get(msg.id);
        if (!job) return;
        waiting.delete(msg.id);
        if ('error' in msg) job.reject(new KhabarError('STORE', `analysis worker failed: ${msg.error}`));
        else job.resolve(msg.out);
      });
      w.on('error', (e) => {
        for (const job of waiting.values()) job.reject(new KhabarError('STORE', `analysis worker crashed: ${e.message}`));
        waiting.clear();
      });
      workers.push(w);
    }
  }

  function send(texts: StoryText[]): Promise<IndexedText[]> {
    if (workers.length === 0) start();
    const id = nextId++;
    const worker = workers[turn++ % workers.length]!;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, texts });
    });
  }

  return {
    async analyze(texts) {
      if (texts.length === 0) return [];
      // One chunk per thread, so that a batch keeps every thread busy.
      const size = Math.ceil(texts.length / threads);
      const chunks: Array<Promise<IndexedText[]>> = [];
      for (let i = 0; i < texts.length; i += size) {
        chunks.push(send(texts.slice(i, i + size).map((t) => ({ headline: t.headline, lead: t.lead, body: t.body }))));
      }
      return (await Promise.all(chunks)).flat();
    },
    async close() {
      await Promise.all(workers.splice(0).map((w) => w.terminate()));
    },
  };
}
