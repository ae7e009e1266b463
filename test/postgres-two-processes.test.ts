/**
 * Two-server test with real processes (issue #7 must-show): two `khabar serve` processes on one PostgreSQL
 * schema, as two app servers would run. The in-process twin (test/postgres-two-servers.test.ts) also
 * measures NOTIFY latency; this one checks what only separate processes can show — two pools, two LISTEN
 * connections, two webhook dispatchers and two live-wire hubs that share nothing but the database.
 *
 * Setup, explicit: `khabar user add` makes the admin (and migrates the fresh schema), then both servers
 * start with `--no-demo` (so the wire holds only this test's stories); over HTTP the admin creates a desk
 * and a chief editor on A and registers the webhook receiver (an HTTP server in this test) on B. The
 * chief logs in on A only: the session is in the database, so the same bearer token works on B.
 *
 * Then 25 SSE subscribers on each server connect; 200 stories are filed and published over the newsroom
 * API by four concurrent clients, story i through server A when i is even and B when odd. Every
 * subscriber must receive all 200 `published` events in the wire's sequence order (the same on both
 * servers), and the receiver each event exactly once, correctly signed, although both processes run a
 * dispatcher. Then both stop on SIGTERM with exit code 0; afterAll stops whatever is left (SIGTERM, then
 * SIGKILL after 10 s) and drops the schema, also when a step failed.
 *
 * Runs when KHABAR_TEST_PG_URL is set; needs dist/ (`npm test` builds it first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgresStore, type Store } from '../src/store/index.js';
import { KHABAR_MAIN, runKhabar } from './support/cli.js';
import { dropSchema, freshSchema, pgDescribe, PG_TEST_URL } from './support/postgres.js';
import { connectSse, type SseConnection, type SseEvent } from './support/sse-client.js';

const STORIES = 200;
const SUBSCRIBERS = 50;
const PUBLISHERS = 4;
const PASSWORD = 'گذرواژه‌ی آزمون دو پردازه ۱۴۰۴';
const SECRET = 'two-processes-webhook-secret-0123';
const DESK = 'سرویس آذربایجان';
/** In every headline of this test, to tell its stories apart on the wire. */
const TAG = 'دوپردازه';

interface Child {
  name: string;
  proc: ChildProcess;
  url: string;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

/** One delivery as the receiver saw it. */
interface Delivery {
  headerSeq: number;
  seq: number;
  kind: string;
  headline: string;
  signed: boolean;
}

/** The running servers, A then B (module-level: serve() adds to it before it resolves). */
const children: Child[] = [];

const published = (events: SseEvent[]) => events.filter((e) => e.event === 'published');
const headlineOf = (e: SseEvent): string => (JSON.parse(e.data) as { ninjs: { headlines: Array<{ value: string }> } }).ninjs.headlines[0]!.value;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `khabar serve` on `dbUrl`; resolves once it printed its URL, rejects if it exits first. */
async function serve(name: string, dbUrl: string): Promise<Child> {
  const proc = spawn(process.execPath, ['--max-old-space-size=224', KHABAR_MAIN, 'serve', '--quiet', '--no-demo', '--port', '0', '--host', '127.0.0.1',
    '--database-url', dbUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
  // If this worker dies without its afterAll, the servers must not outlive it.
  process.once('exit', () => proc.kill('SIGKILL'));
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  proc.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const child = { name, proc, url: '', out: () => out, err: () => err, exited };
  children.push(child);
  child.url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server ${name} printed no URL in 60 s: ${out} ${err}`)), 60_000);
    proc.stdout!.on('data', () => {
      const m = /at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => reject(new Error(`server ${name} exited (${code}) before serving: ${out} ${err}`)));
  });
  return child;
}

/** SIGTERM, then SIGKILL if the child has not exited within `graceMs`. */
async function stop(c: Child, graceMs = 10_000): Promise<number | null> {
  if (c.proc.exitCode !== null || c.proc.signalCode !== null) return c.proc.exitCode;
  c.proc.kill('SIGTERM');
  const t = setTimeout(() => c.proc.kill('SIGKILL'), graceMs);
  try {
    return await c.exited;
  } finally {
    clearTimeout(t);
  }
}

/** One newsroom API call with a bearer token; throws with the answer unless the status is `want`. */
async function api(base: string, method: string, path: string, token: string | undefined, body: unknown, want: number): Promise<any> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== undefined) headers['Authorization'] = `Bearer ${token}`;
  const res = await fetch(`${base}/api/v1/newsroom${path}`, { method, headers, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== want) throw new Error(`${method} ${base}${path}: ${res.status} ${text}`);
  return text === '' ? undefined : JSON.parse(text);
}

pgDescribe('two-process PostgreSQL test')('two `khabar serve` processes on one PostgreSQL', () => {
  const schema = freshSchema();
  const dbUrl = `${PG_TEST_URL}${PG_TEST_URL?.includes('?') ? '&' : '?'}schema=${schema}`;
  const deliveries: Delivery[] = [];
  const subs: SseConnection[] = [];
  let receiver: Server | undefined;
  let store: Store | undefined;
  let hookUrl = '';

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => { body += d.toString(); });
      req.on('end', () => {
        const e = JSON.parse(body) as { seq: number; kind: string; ninjs: { headlines: Array<{ value: string }> } };
        const expected = `sha256=${createHmac('sha256', SECRET).update(`${req.headers['x-khabar-timestamp']}.${body}`).digest('hex')}`;
        deliveries.push({
          headerSeq: Number(req.headers['x-khabar-seq']), seq: e.seq, kind: e.kind, headline: e.ninjs.headlines[0]!.value,
          signed: req.headers['x-khabar-signature'] === expected,
        });
        // A little latency, so that the two dispatchers' passes overlap.
        setTimeout(() => res.writeHead(200).end('ok'), Math.random() * 3);
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;

    // The first admin, as a deployment makes it: this also migrates the empty schema.
    const add = runKhabar(['user', 'add', 'admin', '--role', 'admin', '--database-url', dbUrl], { input: `${PASSWORD}\n` });
    expect(add.code, add.err).toBe(0);
    // Both servers at once, as a deployment would start them.
    await Promise.all([serve('A', dbUrl), serve('B', dbUrl)]);
    store = await openPostgresStore(PG_TEST_URL!, { schema, poolSize: 2 });
  }, 120_000);

  afterAll(async () => {
    for (const s of subs) s.close();
    const codes = await Promise.all(children.map((c) => stop(c)));
    if (codes.some((c) => c !== 0)) {
      for (const c of children) console.log(`server ${c.name} stopped with ${c.proc.exitCode ?? c.proc.signalCode}: ${c.out()} ${c.err()}`);
    }
    await store?.close();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    receiver?.closeAllConnections();
    await dropSchema(schema);
  }, 60_000);

  it(`${STORIES} stories published through both reach ${SUBSCRIBERS} subscribers on both in one order; the webhook gets each once`, async () => {
    const [a, b] = children as [Child, Child];
    expect(a.url).not.toBe(b.url);

    // Newsroom setup over HTTP: desk and chief on A, the webhook on B; the chief's session is used on both.
    const admin = (await api(a.url, 'POST', '/login', undefined, { username: 'admin', password: PASSWORD }, 200)).token as string;
    const desk = await api(a.url, 'POST', '/desks', admin, { name: DESK }, 201);
    await api(a.url, 'POST', '/users', admin, { username: 'dabir', displayName: 'سردبیر', role: 'chief', password: PASSWORD }, 201);
    const hook = await api(b.url, 'POST', '/webhooks', admin, { url: hookUrl, secret: SECRET }, 201);
    const chief = (await api(a.url, 'POST', '/login', undefined, { username: 'dabir', password: PASSWORD }, 200)).token as string;

    for (let i = 0; i < SUBSCRIBERS; i++) subs.push(await connectSse(`${children[i % 2]!.url}/api/v1/wire`));
    await Promise.all(subs.map((s) => s.until((ev) => ev.some((e) => e.event === 'ready'), 30_000)));

    // File and publish: a shared counter, story i through A when even, B when odd.
    const codes = new Map<number, number>();
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: PUBLISHERS }, async () => {
      while (next < STORIES) {
        const i = next++;
        const base = children[i % 2]!.url;
        const filed = await api(base, 'POST', '/items', chief, {
          deskId: desk.id, headline: `خبر ${TAG} شمارهٔ ${i}`, lead: `پیش‌درآمد خبر ${i}.`, body: [`متن خبر ${i} از سرور ${i % 2 ? 'B' : 'A'}.`],
        }, 201);
        const pub = await api(base, 'POST', `/items/${filed.id}/publish`, chief, {}, 200);
        expect(pub.state).toBe('published');
        codes.set(i, pub.draft.code as number);
      }
    }));
    const publishMs = performance.now() - t0;
    expect(codes.size).toBe(STORIES);
    expect(new Set(codes.values()).size).toBe(STORIES);

    await Promise.all(subs.map((s) => s.until((ev) => published(ev).length >= STORIES, 60_000)));
    const sseMs = performance.now() - t0;

    // The wire's order, as the database has it: only this test's stories.
    const wire = await store!.wireEvents(0, 1000);
    expect(wire).toHaveLength(STORIES);
    expect(wire.every((e) => e.kind === 'published' && e.story.headline.includes(TAG))).toBe(true);
    expect(new Set(wire.map((e) => e.story.code))).toEqual(new Set(codes.values()));
    const expectedIds = wire.map((e) => String(e.seq));
    const expectedHeadlines = wire.map((e) => e.story.headline);
    for (const s of subs) {
      const ev = published(s.events);
      expect(ev.map((e) => e.id)).toEqual(expectedIds);
      expect(ev.map(headlineOf)).toEqual(expectedHeadlines);
    }

    // The webhook: both processes run a dispatcher; each event arrives once, in order, signed.
    const last = wire.at(-1)!.seq;
    const deadline = Date.now() + 60_000;
    while (((await store!.newsroom.getWebhook(hook.id))!.cursor < last || deliveries.length < STORIES) && Date.now() < deadline) await sleep(100);
    const hookMs = performance.now() - t0;
    await sleep(2000); // time for a duplicate to show up, if any
    const counts = new Map<number, number>();
    for (const d of deliveries) counts.set(d.headerSeq, (counts.get(d.headerSeq) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    expect(deliveries.map((d) => d.headerSeq)).toEqual(wire.map((e) => e.seq));
    expect(deliveries.map((d) => d.seq)).toEqual(wire.map((e) => e.seq));
    expect(deliveries.map((d) => d.headline)).toEqual(expectedHeadlines);
    expect(deliveries.every((d) => d.signed && d.kind === 'published')).toBe(true);
    expect((await store!.newsroom.getWebhook(hook.id))!.cursor).toBe(last);

    // Both servers are still up and well.
    for (const c of children) expect(c.proc.exitCode, `${c.name}: ${c.err()}`).toBeNull();

    console.log(`two processes: ${STORIES} stories filed and published through A and B (${PUBLISHERS} concurrent clients) in `
      + `${(publishMs / 1000).toFixed(1)} s; all ${SUBSCRIBERS} subscribers (${SUBSCRIBERS / 2} per process) had all ${STORIES}, same order, `
      + `${(sseMs / 1000).toFixed(1)} s after the first request; webhook: ${deliveries.length} deliveries for ${STORIES} events, none twice, `
      + `all signed, done ${(hookMs / 1000).toFixed(1)} s after the first request`);
    // Warnings are not failures (another test may kill every wire listener in this database: the poll
    // covers that), but they are worth seeing.
    for (const c of children) if (c.err() !== '') console.log(`server ${c.name} warned: ${c.err()}`);
  }, 150_000);

  it('both stop cleanly on SIGTERM (dispatcher, listener and subscribers ended)', async () => {
    for (const s of subs.splice(0)) s.close();
    expect(children).toHaveLength(2);
    const codes = await Promise.all(children.map((c) => stop(c)));
    expect(codes, children.map((c) => c.err()).join('\n')).toEqual([0, 0]);
    for (const c of children) expect(c.out()).toMatch(/SIGTERM: stopping/);
  }, 30_000);
});
