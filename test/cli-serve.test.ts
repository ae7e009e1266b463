/**
 * `khabar serve` as `npm start` runs it: an empty database gets the demo content, the site answers, the
 * URL is printed, SIGTERM and SIGINT stop it cleanly (exit 0), a restart does not load the demo twice.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KHABAR_MAIN, runKhabar } from './support/cli.js';
import { openSqliteStore } from '../src/store/index.js';
import { verifyPassword } from '../src/newsroom/index.js';

const dir = mkdtempSync(join(tmpdir(), 'khabar-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `khabar serve`, resolves with its URL once it prints it. */
function serve(args: string[]) {
  const child = spawn(process.execPath, ['--max-old-space-size=224', KHABAR_MAIN, 'serve', '--quiet', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no URL printed: ${out} ${err}`)), 30_000);
    child.stdout.on('data', () => {
      const m = /at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    });
  });
  return { child, url, exited, output: () => out, errors: () => err };
}

describe('khabar serve', () => {
  it('loads the demo into an empty database, serves the site, stops on SIGTERM; a restart keeps the data and loads nothing', async () => {
    const s = serve(['--port', '0']);
    const url = await s.url;
    expect(s.output()).toMatch(/loaded 48 demo stories/);
    const password = /password for all: (\S+)/.exec(s.output())?.[1];
    expect(password, s.output()).toBeDefined();
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/<html lang="fa" dir="rtl"/);
    const services = await (await fetch(`${url}/api/v1/services`)).json() as { items: Array<{ name: string; count: number }> };
    expect(services.items.map((x) => x.name)).toContain('سرویس آذربایجان');
    expect(services.items.length).toBeGreaterThanOrEqual(6);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.output()).toMatch(/SIGTERM: stopping/);

    const again = serve(['--port', '0']);
    const url2 = await again.url;
    expect(again.output()).not.toMatch(/loaded/);
    const services2 = await (await fetch(`${url2}/api/v1/services`)).json() as { items: Array<{ count: number }> };
    expect(services2.items.reduce((n, x) => n + x.count, 0)).toBe(48);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
    expect(again.output()).not.toMatch(/password for all/);
    // The demo newsroom: a desk per service, four accounts with the printed password.
    const store = await openSqliteStore(join(dir, 'data', 'khabar.db'));
    const users = await store.newsroom.listUsers();
    expect(users.map((u) => `${u.username}:${u.role}`)).toEqual(['admin:admin', 'dabir:chief', 'virastar:editor', 'khabarnegar:reporter']);
    expect(await verifyPassword(password!, (await store.newsroom.getUserByUsername('virastar'))!.passwordHash)).toBe(true);
    const desks = await store.newsroom.listDesks();
    expect(desks.length).toBe(8);
    expect(desks.find((d) => d.name === 'سرویس آذربایجان')!.editors).toEqual([users[2]!.id]);
    await store.close();
  }, 60_000);

  it('stops cleanly while a live-wire subscriber is connected', async () => {
    const s = serve(['--port', '0', '--db', join(dir, 'wire.db')]);
    const url = await s.url;
    const res = await fetch(`${url}/api/v1/wire`);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    await reader.read();
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    await reader.cancel().catch(() => undefined);
  }, 60_000);

  it('refuses a bad port or a stray argument with a usage error', () => {
    const bad = runKhabar(['serve', '--port', 'هشتاد']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/port must be 0–65535/);
    const stray = runKhabar(['serve', 'extra']);
    expect(stray.code).toBe(2);
    expect(stray.err).toMatch(/no arguments/);
  });
});
