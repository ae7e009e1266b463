/**
 * The `khabar` commands on PostgreSQL (issue #7 item 3): `--database-url` / `KHABAR_DATABASE_URL` selects
 * it for import, search, user and serve. Runs when KHABAR_TEST_PG_URL is set (`.ci/run` sets it); each
 * case uses its own schema (`?schema=…` on the URL, src/cli/open-store.ts) and drops it afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { KHABAR_MAIN, runKhabar } from './support/cli.js';
import { openPostgresStore } from '../src/store/index.js';
import { verifyPassword } from '../src/newsroom/index.js';

const pgUrl = process.env['KHABAR_TEST_PG_URL'];
if (pgUrl === undefined) console.log('KHABAR_TEST_PG_URL is not set: skipping the khabar CLI tests on PostgreSQL');

const WIRE = resolve(import.meta.dirname, 'fixtures', 'wire');
const dir = mkdtempSync(join(tmpdir(), 'khabar-cli-pg-'));
const schemas: string[] = [];

function freshSchema(): string {
  const name = `khabar_cli_${process.pid}_${Date.now().toString(36)}_${schemas.length}`;
  schemas.push(name);
  return name;
}

function withSchema(url: string, schema: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}schema=${encodeURIComponent(schema)}`;
}

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (pgUrl === undefined || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await client.end();
});

describe.skipIf(pgUrl === undefined)('khabar on PostgreSQL (--database-url)', () => {
  it('refuses --db with --database-url, and a URL that is not postgres://', () => {
    const both = runKhabar(['search', 'x', '--db', join(dir, 'a.db'), '--database-url', pgUrl!]);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/not both.*\[USAGE\]/);
    const mysql = runKhabar(['search', 'x', '--database-url', 'mysql://localhost/x']);
    expect(mysql.code).toBe(2);
    expect(mysql.err).toMatch(/postgres:\/\/.*\[USAGE\]/);
    const env = runKhabar(['user', 'list'], { env: { KHABAR_DATABASE_URL: 'sqlite:x.db' } });
    expect(env.code).toBe(2);
    expect(env.err).toMatch(/KHABAR_DATABASE_URL must start with postgres/);
  });

  it('imports wire stories, searches them, adds a user (flag and environment variable)', async () => {
    const schema = freshSchema();
    const url = withSchema(pgUrl!, schema);
    const files = ['01-seed-layout.txt', '02-crlf.txt', '03-bom.txt'].map((f) => join(WIRE, f));
    const imp = runKhabar(['import', ...files, '--database-url', url]);
    expect(imp.code, imp.err).toBe(0);
    expect(imp.out).toMatch(/stories: \d+ created/);
    const again = runKhabar(['import', ...files], { env: { KHABAR_DATABASE_URL: url } });
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/stories: 0 created, 0 updated, \d+ unchanged/);

    const headline = (JSON.parse(readFileSync(join(WIRE, '01-seed-layout.json'), 'utf8')) as { expect: { headline: string } }).expect.headline;
    const found = runKhabar(['search', 'سیب جلفا', '--json', '--database-url', url]);
    expect(found.code, found.err).toBe(0);
    const result = JSON.parse(found.out) as { total: number; hits: Array<{ story: { headline: string } }> };
    expect(result.total).toBeGreaterThanOrEqual(1);
    expect(result.hits.map((h) => h.story.headline)).toContain(headline);

    const add = runKhabar(['user', 'add', 'sara', '--role', 'editor', '--desk', 'سرویس اقتصادی', '--database-url', url], { input: 'a-long-enough-passphrase-42\n' });
    expect(add.code, add.err).toBe(0);
    expect(add.out).toMatch(/created editor sara/);
    const list = runKhabar(['user', 'list'], { env: { KHABAR_DATABASE_URL: url } });
    expect(list.out).toMatch(/\tsara\teditor\t/);

    const store = await openPostgresStore(pgUrl!, { schema });
    try {
      const user = await store.newsroom.getUserByUsername('sara');
      expect(await verifyPassword('a-long-enough-passphrase-42', user!.passwordHash)).toBe(true);
      expect((await store.newsroom.listDesks()).find((d) => d.name === 'سرویس اقتصادی')?.editors).toEqual([user!.id]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('serve --database-url loads the demo, answers / and /api/v1/services, stops on SIGTERM', async () => {
    const url = withSchema(pgUrl!, freshSchema());
    const child = spawn(process.execPath, ['--max-old-space-size=224', KHABAR_MAIN, 'serve', '--quiet', '--port', '0', '--database-url', url],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    try {
      const base = await new Promise<string>((res, rej) => {
        const t = setTimeout(() => rej(new Error(`no URL printed: ${out} ${err}`)), 60_000);
        child.stdout.on('data', () => {
          const m = /at (http:\/\/\S+)/.exec(out);
          if (m) {
            clearTimeout(t);
            res(m[1]!);
          }
        });
        child.on('exit', () => rej(new Error(`serve exited: ${out} ${err}`)));
      });
      expect(out).toMatch(/loaded 48 demo stories/);
      expect(out).toMatch(/password for all: \S+/);
      expect(out).not.toMatch(/postgres:\/\/[^ ]*:[^*@ ]+@/); // no password printed
      const home = await fetch(base);
      expect(home.status).toBe(200);
      expect(await home.text()).toMatch(/<html lang="fa" dir="rtl"/);
      const services = await (await fetch(`${base}/api/v1/services`)).json() as { items: Array<{ name: string; count: number }> };
      expect(services.items.map((x) => x.name)).toContain('سرویس آذربایجان');
      expect(services.items.reduce((n, x) => n + x.count, 0)).toBe(48);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toMatch(/SIGTERM: stopping/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
