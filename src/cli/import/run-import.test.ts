/**
 * runImport against the real SQLite store, with analysis threads, one batch overlapping the write of
 * the one before: a failed batch retried story by story never lets an old version land on top of a
 * newer one from the next batch.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStory, toNinjs } from '../../story/index.js';
import { openSqliteStore } from '../../store/index.js';
import { runImport, type ImportReporter } from './run-import.js';

const dir = mkdtempSync(join(tmpdir(), 'khabar-run-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const story = (id: string, headline: string, uri?: string) =>
  createStory({ headline, body: [`${headline}؛ گزارش خبرنگار ما از محل.`], source: { name: 'آران', id }, ...(uri ? { uri } : {}) });

function quietReporter(errors: string[]): ImportReporter {
  return { stored: () => undefined, error: (where, m) => errors.push(`${where}: ${m}`), warning: () => undefined, fileDone: () => undefined };
}

describe('runImport with overlapping batches', () => {
  it('retries a failed batch story by story before the next batch that shares a story is written', async () => {
    const store = await openSqliteStore(join(dir, 'a.db'), { analysisThreads: 1 });
    await store.putStory(story('taken', 'خبری که نشانی‌اش را دارد', 'urn:khabar:taken'));
    const lines = [
      story('1', 'نسخهٔ نخست خبر سیل'),
      story('2', 'خبری با نشانی خبر دیگر', 'urn:khabar:taken'), // CONFLICT: its batch fails and is retried
      story('1', 'نسخهٔ دوم خبر سیل'), // the next batch updates story 1
      story('3', 'خبر تازهٔ زلزله'),
      story('4', 'خبر بارش باران'),
      story('5', 'خبر برف در کوهستان'),
    ].map((s) => JSON.stringify(toNinjs(s)));
    const file = join(dir, 'stories.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const errors: string[] = [];
    const sum = await runImport([file], store, { format: 'jsonl', batchSize: 2 }, quietReporter(errors));
    expect(sum).toMatchObject({ created: 4, updated: 1, errors: 1 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${file}:2`);
    const one = await store.getStory({ source: { name: 'آران', id: '1' } });
    expect(one!.story.headline).toBe('نسخهٔ دوم خبر سیل');
    expect((await store.getVersions(one!.id)).map((v) => v.headline)).toEqual(['نسخهٔ نخست خبر سیل', 'نسخهٔ دوم خبر سیل']);
    expect((await store.search({ q: 'سیل' })).hits.map((h) => h.story.headline)).toEqual(['نسخهٔ دوم خبر سیل']);
    await store.close();
  });
});
