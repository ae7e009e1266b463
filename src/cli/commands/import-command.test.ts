/**
 * `khabar import` in-process, against an in-memory Store that keeps the Store contract the command relies
 * on (identity = source name+id, else uri; identical content → unchanged; a batch is all or nothing).
 * The spawned CLI against SQLite is tested in test/cli-import.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isKhabarError, KhabarError } from '../../errors/index.js';
import { toNinjs, writeWire, createStory, type Story } from '../../story/index.js';
import type { PutResult, Store } from '../../store/index.js';
import { detectFormat } from '../import/import-formats.js';
import { parseCsvMapOption } from '../import/csv-map-option.js';
import { formatProgress } from '../import/progress-bar.js';
import { isSkippedName } from '../import/walk-inputs.js';
import { importCommand } from './import-command.js';

/** An in-memory store: enough of the Store contract for imports. */
function memoryStore(opts: { refuse?: (s: Story) => boolean } = {}): Store & { stories: Map<string, string>; closed: boolean } {
  const stories = new Map<string, string>();
  const put = (s: Story): PutResult => {
    if (opts.refuse?.(s)) throw new KhabarError('INVALID_INPUT', `refused: ${s.headline}`);
    const key = s.source ? `${s.source.name}\u0000${s.source.id}` : s.uri;
    const json = JSON.stringify(s);
    const old = stories.get(key);
    stories.set(key, json);
    return { id: 1, version: 1, code: 1, status: old === undefined ? 'created' : old === json ? 'unchanged' : 'updated' };
  };
  const store = {
    dialect: 'sqlite' as const,
    stories,
    closed: false,
    putStory: async (s: Story) => put(s),
    async putStories(list: readonly Story[]) {
      const before = new Map(stories);
      try {
        return list.map(put);
      } catch (e) {
        stories.clear();
        for (const [k, v] of before) stories.set(k, v);
        throw e;
      }
    },
    countStories: async () => stories.size,
    async close() {
      store.closed = true;
    },
  };
  return store as unknown as Store & { stories: Map<string, string>; closed: boolean };
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'khabar-import-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs the command; returns stdout, stderr and the error it ended with, if any. */
async function run(argv: string[], store: Store, extra: { env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  let error: KhabarError | undefined;
  try {
    await importCommand(argv, { write: (t) => void (stdout += t), warn: (t) => void (stderr += t) },
      { openStore: () => store, progress: false, env: extra.env ?? {} });
  } catch (e) {
    if (!isKhabarError(e)) throw e;
    error = e;
  }
  return { stdout, stderr, error };
}

function wireStory(n: number): string {
  return writeWire(createStory({
    headline: `خبر شماره ${n} از سرویس شهری`,
    lead: `لید خبر ${n}: شورای شهر امروز درباره طرح تازه تصمیم گرفت.`,
    body: [`متن خبر ${n} درباره جلسه شورای شهر است.`],
    service: 'سرویس شهری',
    agency: 'خبرگزاری نمونه',
    endMarker: 'پایان پیام.',
  }));
}

describe('importCommand', () => {
  it('imports wire dumps in batches, reports each committed batch, and is idempotent', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), Array.from({ length: 7 }, (_, i) => wireStory(i)).join('\n'));
    writeFileSync(join(dir, 'b.txt'), Array.from({ length: 5 }, (_, i) => wireStory(100 + i)).join('\n'));
    writeFileSync(join(dir, 'SOURCE.txt'), 'not a story');
    writeFileSync(join(dir, '.hidden'), 'not a story');
    const store = memoryStore();
    const first = await run([dir, '--batch-size', '5'], store);
    expect(first.error).toBeUndefined();
    expect(first.stdout).toContain('stored 5 stories (total 5)');
    expect(first.stdout).toContain('stored 2 stories (total 12)');
    expect(first.stdout).toContain('files read: 2\n');
    expect(first.stdout).toContain('stories: 12 created, 0 updated, 0 unchanged');
    expect(store.stories.size).toBe(12);
    expect(store.closed).toBe(true);
    const second = await run([dir], store);
    expect(second.stdout).toContain('stories: 0 created, 0 updated, 12 unchanged');
    expect(store.stories.size).toBe(12);
  });

  it('goes on past bad files and reports them file:line, ending with an error (exit 1)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), wireStory(1));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'broken.json'), '{"uri": ');
    writeFileSync(join(dir, 'docs.jsonl'), `${JSON.stringify(toNinjs(createStory({ headline: 'خبر جی‌سان' })))}\nnot json\n`);
    mkdirSync(join(dir, 'folder.txt'));
    const store = memoryStore();
    const r = await run([dir, join(dir, 'missing.txt')], store);
    expect(store.stories.size).toBe(2);
    expect(r.stderr).toMatch(/empty\.txt: the file is empty/);
    expect(r.stderr).toMatch(/broken\.json: not valid JSON/);
    expect(r.stderr).toMatch(/docs\.jsonl:2: not valid JSON/);
    expect(r.stderr).toMatch(/missing\.txt: cannot read: ENOENT/);
    expect(r.error?.code).toBe('INVALID_INPUT');
    expect(r.stdout).toMatch(/errors: 4/);
  });

  it('a forced wrong format fails that file only', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'wire.txt'), wireStory(2));
    const store = memoryStore();
    const r = await run([join(dir, 'wire.txt'), '--format', 'ninjs'], store);
    expect(r.stderr).toMatch(/wire\.txt: not valid JSON/);
    expect(store.stories.size).toBe(0);
    expect(r.error).toBeDefined();
  });

  it('a story the store refuses costs that story only, not its batch', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), Array.from({ length: 4 }, (_, i) => wireStory(i)).join('\n'));
    const store = memoryStore({ refuse: (s) => s.headline.includes('شماره 2 ') });
    const r = await run([dir], store);
    expect(store.stories.size).toBe(3);
    expect(r.stderr).toMatch(/a\.txt:\d+: refused/);
    expect(r.error).toBeDefined();
  });

  it('imports CSV with the built-in map or --csv-map, and counts parser warnings (shown with --verbose)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'samples.csv'),
      'news_id,category,date,url,title,introtext,text,tags\n9,اخبار,تاریخ نامعلوم,https://www.tasnimnews.com/fa/news/9,تیتر نمونه,لید,بند یک [n] بند دو,الف\n');
    writeFileSync(join(dir, 'other.csv'), 'h,b\nتیتر دیگر,متن\n');
    const store = memoryStore();
    const quiet = await run([join(dir, 'samples.csv')], store);
    expect(quiet.stdout).toContain('warnings: 1');
    expect(quiet.stderr).toBe('');
    const loud = await run([join(dir, 'samples.csv'), '--verbose'], memoryStore());
    expect(loud.stderr).toMatch(/samples\.csv: warning row 2: date/);
    const mapped = await run([join(dir, 'other.csv'), '--csv-map', 'headline=h,body=b'], store);
    expect(mapped.error).toBeUndefined();
    expect(store.stories.size).toBe(2);
  });

  it('checks its options', async () => {
    const store = memoryStore();
    expect((await run([], store)).error?.code).toBe('USAGE');
    expect((await run(['x', '--format', 'pdf'], store)).error?.code).toBe('USAGE');
    expect((await run(['x', '--batch-size', '0'], store)).error?.code).toBe('USAGE');
    expect((await run(['x', '--csv-map', 'title=x'], store)).error?.code).toBe('USAGE');
  });

  it('takes the database from --db, else KHABAR_DB, else ./data/khabar.db', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), wireStory(1));
    const paths: string[] = [];
    const open = (p: string) => {
      paths.push(p);
      return memoryStore();
    };
    const out = { write: () => undefined };
    await importCommand([dir, '--db', join(dir, 'x', 'one.db')], out, { openStore: open, progress: false, env: {} });
    await importCommand([dir], out, { openStore: open, progress: false, env: { KHABAR_DB: join(dir, 'y', 'two.db') } });
    expect(paths[0]).toBe(join(dir, 'x', 'one.db'));
    expect(paths[1]).toBe(join(dir, 'y', 'two.db'));
  });
});

describe('import helpers', () => {
  it('detects formats by extension, folder and first line', () => {
    expect(detectFormat('/c/docs/2003/HAM2-811011-007.ham', '')).toBe('hamshahri');
    expect(detectFormat('/c/x.csv', '')).toBe('csv');
    expect(detectFormat('/c/x.jsonl', '')).toBe('jsonl');
    expect(detectFormat('/c/x.json', '')).toBe('json');
    expect(detectFormat('/c/isna/sport/12.txt', 'تیتر')).toBe('isna');
    expect(detectFormat('/c/docs/a.txt', 'tabnak_data###تیتر###u###[]###2020-01-01 10:00:00###۱###[]\n1')).toBe('iranian-news');
    expect(detectFormat('/c/docs/a.txt', 'تیتر خبر\n\nلید')).toBe('wire');
  });
  it('skips provenance files and dot-files in folders', () => {
    expect(['SOURCE.txt', 'README.md', 'LICENSE', '.DS_Store', 'a.txt'].filter(isSkippedName)).toEqual(['SOURCE.txt', 'README.md', 'LICENSE', '.DS_Store']);
  });
  it('parses --csv-map', () => {
    expect(parseCsvMapOption('headline=title, lead=introtext')).toEqual({ headline: 'title', lead: 'introtext' });
  });
  it('draws the progress bar within the terminal width', () => {
    const s = formatProgress({ filesDone: 5, filesTotal: 10, stored: 1234, seconds: 2 }, 60);
    expect(s).toContain('5/10 files');
    expect(s).toContain('617/s');
    expect(s.length).toBeLessThan(60);
  });
});
