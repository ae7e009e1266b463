/**
 * Crash test on the built code: a child process puts stories in batches and prints the last index of
 * each batch once putStories has resolved; the parent SIGKILLs it mid-run, reopens the file and checks
 * that every reported story is there, the file passes `PRAGMA integrity_check`, and a full re-import
 * adds no duplicates. SIGKILL gives the child no chance to flush or close: what survives is what SQLite
 * had committed to the WAL when putStories returned. (A power cut is a stronger test this cannot make;
 * `synchronous = FULL` is what covers it, see open-sqlite-store.ts.)
 *
 * The child is plain JavaScript importing dist/, so `npm test` (which builds first) runs it on the code
 * that ships. It skips, saying so, when dist/ is missing or older than src/store (run `npm run build`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createStory, type Story } from '../../story/index.js';
import { openSqliteStore } from './open-sqlite-store.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const DIST_STORE = join(ROOT, 'dist/src/store/index.js');
const TOTAL = 8_000;
const BATCH = 100;
/** Kill after this many batches were reported, while the child is in the middle of later ones. */
const KILL_AFTER = 8;

/** Source files under src/store whose built .js in dist/ is older than they are (or missing). */
function staleBuilds(): string[] {
  const src = join(ROOT, 'src/store');
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .filter((f) => {
      const built = join(ROOT, 'dist/src/store', f.replace(/\.ts$/, '.js'));
      return !existsSync(built) || statSync(built).mtimeMs < statSync(join(src, f)).mtimeMs;
    });
}

const CHILD = `
import { readFileSync } from 'node:fs';
const [storeUrl, dbPath, storiesPath, batch] = process.argv.slice(2);
const { openSqliteStore } = await import(storeUrl);
const stories = JSON.parse(readFileSync(storiesPath, 'utf8'));
const store = await openSqliteStore(dbPath);
for (let i = 0; i < stories.length; i += Number(batch)) {
  const part = stories.slice(i, i + Number(batch));
  await store.putStories(part);
  // Only after putStories resolved: this story and all before it are claimed durable.
  process.stdout.write(String(i + part.length - 1) + '\\n');
  // A breath between batches so that, on a loaded machine too, the parent's SIGKILL lands mid-run
  // rather than after the last batch; the kill still falls inside a batch as often as not.
  await new Promise((r) => setTimeout(r, 5));
}
await store.close();
`;

function stories(): Story[] {
  return Array.from({ length: TOTAL }, (_, i) => createStory({
    headline: `گزارش ${i}: ادامهٔ بارش برف در گردنه‌های استان اردبیل`,
    lead: `راهداری از بسته شدن ${i % 7} محور فرعی خبر داد.`,
    body: [`رانندگان پیش از سفر از وضعیت راه‌ها آگاه شوند؛ شمارهٔ ${i}.`, 'زنجیر چرخ همراه داشته باشید.'],
    service: 'سرویس استان‌ها',
    agency: 'خبرگزاری آران',
    keywords: ['برف', `محور-${i % 11}`],
    versionCreated: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString().replace('.000Z', 'Z'),
    source: { name: 'crash-test', id: `story-${i}` },
  }));
}

// The child runs dist/: without a build, or with src/store changed since, the case would test other
// code than the source. `npm test` builds first, so this skips only in ad-hoc runs.
const missing = !existsSync(DIST_STORE);
const stale = missing ? [] : staleBuilds();
if (missing) console.warn(`durability test skipped: ${DIST_STORE} is missing; run npm run build (npm test does)`);
else if (stale.length > 0) console.warn(`durability test skipped: dist/ is older than src/store/${stale[0]}; run npm run build`);

describe.skipIf(missing || stale.length > 0)('SQLite durability under SIGKILL (built code)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every story a killed writer reported as stored, and a re-import adds nothing twice', async () => {
    const all = stories();
    const storiesPath = join(dir, 'stories.json');
    const dbPath = join(dir, 'crash.db');
    const childPath = join(dir, 'child.mjs');
    writeFileSync(storiesPath, JSON.stringify(all));
    writeFileSync(childPath, CHILD);

    const child = spawn(process.execPath, [childPath, pathToFileURL(DIST_STORE).href, dbPath, storiesPath, String(BATCH)],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastReported = -1;
    let reports = 0;
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on('exit', (code, signal) => done({ code, signal })));
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        lastReported = Number(line);
        if (++reports === KILL_AFTER) child.kill('SIGKILL');
      }
    });
    const { signal } = await exited;
    expect(stderr).toBe('');
    expect(signal, 'the child finished before it was killed; raise TOTAL').toBe('SIGKILL');
    expect(lastReported).toBeGreaterThanOrEqual(KILL_AFTER * BATCH - 1);

    // The file as the crash left it (WAL not checkpointed): integrity first, through a plain connection.
    const raw = new Database(dbPath);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = raw.prepare('SELECT COUNT(*) FROM stories').pluck().get() as number;
    raw.close();
    // Whole batches only: a batch is one transaction.
    expect(stored % BATCH).toBe(0);
    expect(stored).toBeGreaterThanOrEqual(lastReported + 1);

    const store = await openSqliteStore(dbPath);
    for (let i = 0; i <= lastReported; i++) {
      const got = await store.getStory({ source: { name: 'crash-test', id: `story-${i}` } });
      if (got === undefined) expect.fail(`story ${i} was reported stored but is missing`);
    }
    const again = await store.putStories(all);
    const statuses = again.map((r) => r.status);
    expect(statuses.slice(0, stored).every((s) => s === 'unchanged')).toBe(true);
    expect(statuses.slice(stored).every((s) => s === 'created')).toBe(true);
    expect(await store.countStories()).toBe(TOTAL);
    expect(new Set(again.map((r) => r.code)).size).toBe(TOTAL);
    await store.close();
  });
});
