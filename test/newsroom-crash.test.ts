/**
 * Crash test (issue #6): `khabar serve` is killed with SIGKILL right after its publish calls return,
 * while the webhook receiver is down. After a restart and the receiver's return, every published
 * version is delivered exactly once, in order — verified by the receiver (sequence numbers, headlines,
 * signatures). The wire log is the outbox: a publication that returned is in it, whatever happens next.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword, signDelivery } from '../src/newsroom/index.js';
import { openSqliteStore } from '../src/store/index.js';
import { KHABAR_MAIN } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'khabar-crash-'));
const db = join(dir, 'k.db');
const SECRET = 'crash-test-webhook-secret';
const PASSWORD = 'یک-رمز-بلند-برای-آزمون';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function serve(): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['--max-old-space-size=224', KHABAR_MAIN, 'serve', '--db', db, '--port', '0', '--no-demo', '--quiet'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no URL: ${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    });
  });
  child.stderr!.on('data', () => undefined);
  return { child, url };
}

/** A webhook receiver on a fixed port that can be started after the fact. */
function receiver(port: number) {
  const got: Array<{ seq: number; kind: string; headline: string; signed: boolean }> = [];
  let server: Server | undefined;
  return {
    got,
    start: () => new Promise<void>((resolve) => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (d: Buffer) => { body += d.toString(); });
        req.on('end', () => {
          const e = JSON.parse(body) as { seq: number; kind: string; ninjs: { headlines: Array<{ value: string }> } };
          const signed = req.headers['x-khabar-signature'] === signDelivery(SECRET, Number(req.headers['x-khabar-timestamp']), body);
          got.push({ seq: e.seq, kind: e.kind, headline: e.ninjs.headlines[0]!.value, signed });
          res.writeHead(200).end('ok');
        });
      });
      server.listen(port, '127.0.0.1', () => resolve());
    }),
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('crash: SIGKILL after publish while the webhook receiver is down', () => {
  it('delivers every published version exactly once, in order, after restart', async () => {
    const port = await freePort();
    // A chief editor, a desk and the webhook subscriber, set up as an admin would.
    const setup = await openSqliteStore(db);
    const chief = await setup.newsroom.createUser({ username: 'dabir', displayName: 'سردبیر', role: 'chief', passwordHash: await hashPassword(PASSWORD) });
    const desk = await setup.newsroom.createDesk('سرویس آذربایجان');
    await setup.newsroom.createWebhook({ url: `http://127.0.0.1:${port}/hook`, secret: SECRET, cursor: 0 });
    await setup.close();
    expect(chief.role).toBe('chief');

    const first = serve();
    const url = await first.url;
    const login = await fetch(`${url}/api/v1/newsroom/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'dabir', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { token } = await login.json() as { token: string };
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const expected: string[] = [];
    for (let i = 0; i < 12; i++) {
      const headline = `خبر فوری شمارهٔ ${i + 1} از تبریز`;
      const filed = await fetch(`${url}/api/v1/newsroom/items`, {
        method: 'POST', headers: auth, body: JSON.stringify({ deskId: desk.id, headline, lead: `لید خبر ${i + 1}.`, body: [`متن خبر ${i + 1}.`] }),
      });
      expect(filed.status, await filed.clone().text()).toBe(201);
      const item = await filed.json() as { id: number };
      const pub = await fetch(`${url}/api/v1/newsroom/items/${item.id}/publish`, { method: 'POST', headers: auth, body: '{}' });
      expect(pub.status, await pub.clone().text()).toBe(200);
      expected.push(headline);
    }
    // Right after the last publish returned: no clean shutdown, no flush, nothing.
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const hook = receiver(port);
    await hook.start();
    const second = serve();
    await second.url;
    const deadline = Date.now() + 90_000;
    while (hook.got.length < expected.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    // A moment more: anything extra (a repeat) would arrive now.
    await new Promise((r) => setTimeout(r, 1500));
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
    await hook.stop();

    expect(hook.got.map((g) => g.headline)).toEqual(expected);
    expect(hook.got.every((g) => g.kind === 'published' && g.signed)).toBe(true);
    const seqs = hook.got.map((g) => g.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true);
    const after = await openSqliteStore(db);
    expect((await after.newsroom.listWebhooks())[0]!.cursor).toBe(seqs.at(-1));
    await after.close();
  }, 150_000);
});
