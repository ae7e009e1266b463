/**
 * Planner statistics after bulk writes. PostgreSQL plans search statements from the statistics ANALYZE
 * gathers (row counts, how common a lexeme is in the GIN-indexed tsvectors). Autovacuum refreshes them
 * only once a table has changed by 10% and its next round comes (a minute apart by default), so right
 * after an import — the moment an archive is first searched — the planner still believes the tables are
 * empty or a tenth of their size, and picks plans that decompress every story: on 20,000 freshly
 * imported stories the benchmark queries took p50 309 ms, and 21 ms after one ANALYZE.
 *
 * So the store runs ANALYZE itself on the tables search plans over once the stories it wrote since the
 * last one reach half the stories there were then (and at least {@link MIN_WRITES}): about 13 times in a
 * 200,000-story import, each reading a sample of at most 30,000 rows (default_statistics_target). ANALYZE takes a lock that readers and writers do not wait for; a failed one is
 * only logged, since the writes it follows are committed.
 */
import type { PgDb } from './pg-db.js';

/** Fewest stories written before an ANALYZE is worth it. */
export const MIN_WRITES = 1000;

/** Counts written stories and refreshes the statistics when they are stale. */
export interface StatisticsKeeper {
  /** Call after a committed write of `stories` stories; resolves after ANALYZE when one was due. */
  written(stories: number): Promise<void>;
}

export function createStatisticsKeeper(db: PgDb, log: (line: string) => void = () => undefined): StatisticsKeeper {
  let sinceAnalyze = 0;
  let storiesAtAnalyze = -1; // unknown until the first write
  let running: Promise<void> | undefined;

  /** The planner's idea of how many stories there are (−1, never analyzed, counts as 0). */
  async function plannerStoryCount(): Promise<number> {
    const [row] = await db.query<{ n: string }>('SELECT reltuples::bigint AS n FROM pg_class WHERE oid = \'stories\'::regclass');
    return Math.max(0, Number(row?.n ?? 0));
  }

  async function analyze(): Promise<void> {
    try {
      await db.query('ANALYZE stories, term_stats');
      storiesAtAnalyze = await plannerStoryCount();
    } catch (e) {
      log(`ANALYZE after bulk writes failed: ${(e as Error).message}`);
    }
  }

  return {
    async written(stories) {
      sinceAnalyze += stories;
      if (storiesAtAnalyze < 0) {
        storiesAtAnalyze = await plannerStoryCount();
      }
      if (running !== undefined || sinceAnalyze < Math.max(MIN_WRITES, storiesAtAnalyze / 2)) return;
      sinceAnalyze = 0;
      running = analyze().finally(() => { running = undefined; });
      await running;
    },
  };
}
