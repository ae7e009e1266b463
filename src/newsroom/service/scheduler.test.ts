import { describe, expect, it } from 'vitest';
import type { NewsroomItem } from '../../store/index.js';
import { startScheduler } from './scheduler.js';

describe('startScheduler', () => {
  it('runs repeatedly, never overlapping, survives failures, stops', async () => {
    let runs = 0;
    let active = 0;
    let overlap = false;
    const errors: unknown[] = [];
    const published: NewsroomItem[][] = [];
    const fake = {
      async runScheduled() {
        runs++;
        active++;
        if (active > 1) overlap = true;
        await new Promise((r) => setTimeout(r, 15));
        active--;
        if (runs === 2) throw new Error('store busy');
        return runs === 3 ? [{ id: 1 } as NewsroomItem] : [];
      },
    };
    const s = startScheduler(fake, { intervalMs: 5, onError: (e) => errors.push(e), onPublished: (i) => published.push(i) });
    await new Promise((r) => setTimeout(r, 150));
    await s.stop();
    const after = runs;
    await new Promise((r) => setTimeout(r, 40));
    expect(runs).toBe(after);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(overlap).toBe(false);
    expect(errors).toHaveLength(1);
    expect(published).toEqual([[{ id: 1 }]]);
  });
});
