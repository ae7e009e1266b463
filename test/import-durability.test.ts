/**
 * What `stored <n> stories (total <N>)` promises: a batch is on disk when the line is printed. An import
 * of 20,000 generated wire stories is killed with SIGKILL (no cleanup, no exit handlers) after a few
 * such lines; the database must hold at least what was reported, pass SQLite's integrity check, and a
 * second run must complete the import without duplicates.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const DIST = resolve(import.meta.dirname, '..', 'dist', 'src');
const MAIN = join(DIST, 'cli', 'main.js');

const STORIES = 20_000;
const PER_FILE = 200;
const dir = mkdtempSync(join(tmpdir(), 'khabar-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A distinct small wire story (the seed's layout), numbered so that no two are alike. */
function story(n: number): string {
  return [
    `گزارش شماره ${n} از جلسه شورای شهر`, '',
    `شورای شهر در جلسه ${n} درباره طرح‌های تازه حمل و نقل عمومی گفت‌وگو کرد.`, '',
    'سرویس شهری / خبرگزاری آران', '',
    `خبرگزاری آران / سرویس شهری : اعضای شورا در نشست شماره ${n} بودجه اتوبوس‌رانی را بررسی کردند.`, '',
    'رئیس شورا گفت این طرح تا پایان سال اجرا می‌شود.', '',
    'پایان پیام.', '',
  ].join('\n');
}

function generate(): string {
  const input = join(dir, 'input');
  mkdirSync(input);
  for (let f = 0; f < STORIES / PER_FILE; f++) {
    const parts: string[] = [];
    for (let i = 0; i < PER_FILE; i++) parts.push(story(f * PER_FILE + i + 1));
    writeFileSync(join(input, `wire-${String(f).padStart(4, '0')}.txt`), parts.join('\n'));
  }
  return input;
}

/** Runs the import and SIGKILLs it after `lines` stored-lines; resolves with the last total reported. */
function importAndKill(input: string, db: string, lines: number): Promise<{ total: number; killed: boolean }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=224', MAIN, 'import', input, '--db', db, '--batch-size', '250'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    let seen = 0;
    let total = 0;
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const m = /^stored \d+ stories \(total (\d+)\)$/.exec(line);
        if (!m || killed) continue;
        total = Number(m[1]);
        if (++seen >= lines) {
          killed = child.kill('SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolveRun({ total, killed }));
  });
}

async function count(db: string): Promise<number> {
  const { openSqliteStore } = (await import(pathToFileURL(join(DIST, 'store', 'index.js')).href)) as typeof import('../src/store/index.js');
  const store = await openSqliteStore(db);
  try {
    return await store.countStories();
  } finally {
    await store.close();
  }
}

describe('import durability', () => {
  it('a SIGKILLed import keeps every batch it reported; a re-run completes without duplicates', async () => {
    const input = generate();
    const db = join(dir, 'k.db');
    const { total, killed } = await importAndKill(input, db, 4);
    expect(killed).toBe(true);
    expect(total).toBeGreaterThanOrEqual(1000);
    // Check the file as it was left, before anything (the store's open) replays or checkpoints the WAL.
    const raw = new Database(db);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = (raw.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n;
    raw.close();
    expect(rows).toBeGreaterThanOrEqual(total);
    expect(rows).toBeLessThan(STORIES);
    expect(await count(db)).toBeGreaterThanOrEqual(total);

    const again = spawnSync(process.execPath, [MAIN, 'import', input, '--db', db], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`stories: ${STORIES - rows} created, 0 updated, ${rows} unchanged`));
    expect(await count(db)).toBe(STORIES);
    const after = new Database(db, { readonly: true });
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    after.close();
  }, 300_000);
});
