/**
 * Two app servers, one PostgreSQL (issue #7, "Two-server test"): two stores (two pools on one fresh
 * schema), each with its own live-wire hub (woken by LISTEN khabar_wire, polling every 250 ms as the
 * fallback), HTTP server and webhook dispatcher, in this process. 200 stories are published through both
 * (two concurrent writers, even numbers through A, odd through B); 50 SSE subscribers, 25 on each server,
 * each receive all 200 in the wire's order (the same order on both servers); a webhook receiver gets each
 * event exactly once although both dispatchers deliver to it. Then it measures how long after a publish
 * on A a subscriber on B hears it, with NOTIFY, against a hub that only polls.
 *
 * Runs when KHABAR_TEST_PG_URL is set; the schema `khabar_two_<random>` is dropped afterwards.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../src/story/index.js';
import { openPostgresStore, type Store } from '../src/store/index.js';
import { quoteIdent } from '../src/store/postgres/pg-db.js';
import { createPgWireNotifier, LISTENER_NAME, type PgWireNotifier } from '../src/store/postgres/pg-notify.js';
import { createWireHub, siteSettings, startServer, type WireHub } from '../src/server/index.js';
import type { RunningServer } from '../src/server/start-server.js';
import { createWebhookDispatcher, type WebhookDispatcher } from '../src/newsroom/index.js';
import { connectSse, type SseConnection, type SseEvent } from './support/sse-client.js';

const url = process.env['KHABAR_TEST_PG_URL'];
if (url === undefined) console.log('KHABAR_TEST_PG_URL is not set: skipping the two-server PostgreSQL test');
const describePg = url === undefined ? describe.skip : describe;

const STORIES = 200;
const SUBSCRIBERS = 50;

const published = (events: SseEvent[]) => events.filter((e) => e.event === 'published');
const headlineOf = (e: SseEvent): string => (JSON.parse(e.data) as { ninjs: { headlines: Array<{ value: string }> } }).ninjs.headlines[0]!.value;
const story = (i: number, tag = 'two') => createStory({
  uri: `urn:khabar:test:${tag}-${i}`, headline: `خبر ${tag} شمارهٔ ${i}`, service: 'سرویس آذربایجان', agency: 'خبرگزاری آران',
  body: [`متن خبر ${i}.`],
});

interface Node {
  name: string;
  raw: Store;
  store: Store;
  notifier: PgWireNotifier | undefined;
  hub: WireHub;
  server: RunningServer;
  dispatcher: WebhookDispatcher;
  delivered: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

describePg('two app servers on one PostgreSQL', () => {
  const schema = `khabar_two_${randomBytes(5).toString('hex')}`;
  const nodes: Node[] = [];
  const extraStores: Store[] = [];
  const extraHubs: WireHub[] = [];
  let receiver: Server;
  let receiverUrl = '';
  /** X-Khabar-Seq of every delivery the receiver got, in arrival order. */
  const received: number[] = [];

  async function startNode(name: string, withNotifier: boolean): Promise<Node> {
    const raw = await openPostgresStore(url!, { schema, poolSize: 10 });
    const notifier = withNotifier ? createPgWireNotifier(url!) : undefined;
    if (notifier) expect(await notifier.ready()).toBe(true);
    const hub = await createWireHub(raw, 250, notifier ? { notifier } : {});
    // As serve and test/support/server.ts: this process's writes poke its own hub.
    const store: Store = {
      ...raw,
      putStory: async (s) => { const r = await raw.putStory(s); await hub.poke(); return r; },
    };
    const settings = siteSettings({ baseUrl: 'http://127.0.0.1' });
    const server = await startServer({ store, settings, hub, log: () => undefined }, { port: 0, hostname: '127.0.0.1', wire: { heartbeatMs: 15_000 } });
    settings.baseUrl = server.url;
    const node: Node = { name, raw, store, notifier, hub, server, dispatcher: undefined as unknown as WebhookDispatcher, delivered: 0 };
    node.dispatcher = createWebhookDispatcher({
      wire: raw, hooks: raw.newsroom, waitForNews: (after, t) => hub.waitForNews(after, t), lastSeq: () => hub.lastSeq,
      backoffMs: 100, maxBackoffMs: 1000, log: (l) => console.log(`dispatcher ${name}: ${l}`),
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (res.ok) node.delivered++;
        return res;
      },
    });
    return node;
  }

  beforeAll(async () => {
    receiver = createServer((req: IncomingMessage, res) => {
      req.resume();
      req.on('end', () => {
        received.push(Number(req.headers['x-khabar-seq']));
        // A little latency, so that the two dispatchers' passes overlap.
        setTimeout(() => res.writeHead(200).end('ok'), Math.random() * 3);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const addr = receiver.address();
    receiverUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/hook`;
    nodes.push(await startNode('A', true)); // migrates the fresh schema
    nodes.push(await startNode('B', true));
  }, 60_000);

  afterAll(async () => {
    for (const n of nodes) await n.dispatcher.stop();
    for (const n of nodes) await n.server.close();
    for (const h of extraHubs) h.close();
    for (const n of nodes) await n.notifier?.close();
    for (const n of nodes) await n.raw.close();
    for (const s of extraStores) await s.close();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
    receiver?.closeAllConnections();
    if (url !== undefined) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      } finally {
        await client.end();
      }
    }
  }, 60_000);

  it(`${STORIES} stories through both servers reach ${SUBSCRIBERS} subscribers on both in one order; the webhook gets each once`, async () => {
    const [a, b] = nodes as [Node, Node];
    const hook = await a.raw.newsroom.createWebhook({ url: receiverUrl, secret: 'two-servers-secret-0123456789' });
    for (const n of nodes) n.dispatcher.start();

    const subs: Array<{ node: Node; conn: SseConnection }> = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const node = nodes[i % 2]!;
      subs.push({ node, conn: await connectSse(`${node.server.url}/api/v1/wire`) });
    }
    await Promise.all(subs.map((s) => s.conn.until((ev) => ev.some((e) => e.event === 'ready'))));

    // Two writers at once: even numbers through A, odd through B.
    const t0 = performance.now();
    await Promise.all([a, b].map(async (node, k) => {
      for (let i = k; i < STORIES; i += 2) await node.store.putStory(story(i));
    }));
    const putMs = performance.now() - t0;
    await Promise.all(subs.map((s) => s.conn.until((ev) => published(ev).length >= STORIES, 60_000)));
    const allMs = performance.now() - t0;

    // The wire's order, as the database has it.
    const wire = await a.raw.wireEvents(0, 1000);
    expect(wire).toHaveLength(STORIES);
    const expectedIds = wire.map((e) => String(e.seq));
    const expectedHeadlines = wire.map((e) => e.story.headline);
    expect(new Set(expectedHeadlines).size).toBe(STORIES);
    for (const s of subs) {
      const ev = published(s.conn.events);
      expect(ev.map((e) => e.id)).toEqual(expectedIds);
      expect(ev.map(headlineOf)).toEqual(expectedHeadlines);
    }

    // The webhook: each event once, in order, across both dispatchers.
    const last = wire.at(-1)!.seq;
    const deadline = Date.now() + 30_000;
    while ((await a.raw.newsroom.getWebhook(hook.id))!.cursor < last && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1500)); // time for a duplicate to show up, if any
    const counts = new Map<number, number>();
    for (const seq of received) counts.set(seq, (counts.get(seq) ?? 0) + 1);
    const dupes = [...counts].filter(([, c]) => c > 1);
    expect(dupes).toEqual([]);
    expect(received).toEqual(wire.map((e) => e.seq));
    expect((await a.raw.newsroom.getWebhook(hook.id))!.cursor).toBe(last);

    console.log(`two servers: ${STORIES} stories put through A and B concurrently in ${ms(putMs)}; all ${SUBSCRIBERS} subscribers `
      + `(${SUBSCRIBERS / 2} per server) had all ${STORIES}, same order, ${ms(allMs)} after the first put; webhook: `
      + `${received.length} deliveries for ${STORIES} events (A sent ${a.delivered}, B sent ${b.delivered}), no duplicates`);
    for (const s of subs) s.conn.close();
  }, 120_000);

  it('a publish on A reaches B\'s subscribers at once with NOTIFY (vs the 250 ms poll)', async () => {
    const [a, b] = nodes as [Node, Node];
    // A third process-alike that only polls (no notifier), for comparison.
    const pollStore = await openPostgresStore(url!, { schema, poolSize: 2 });
    extraStores.push(pollStore);
    const pollHub = await createWireHub(pollStore, 250);
    extraHubs.push(pollHub);

    const sub = await connectSse(`${b.server.url}/api/v1/wire`);
    await sub.until((ev) => ev.some((e) => e.event === 'ready'));
    const notifyLag: number[] = [];
    const pollLag: number[] = [];
    const N = 30;
    for (let i = 0; i < N; i++) {
      const before = published(sub.events).length;
      const heardB = sub.until((ev) => published(ev).length > before, 10_000).then(() => performance.now());
      const seqBefore = pollHub.lastSeq;
      const heardPoll = pollHub.waitForNews(seqBefore, 10_000).then(() => performance.now());
      await a.store.putStory(story(i, 'lag'));
      const committed = performance.now();
      notifyLag.push((await heardB) - committed);
      pollLag.push((await heardPoll) - committed);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 200)); // publishes at random phases of the poll
    }
    sub.close();
    notifyLag.sort((x, y) => x - y);
    pollLag.sort((x, y) => x - y);
    const line = (name: string, v: number[]) => `${name}: p50 ${ms(quantile(v, 0.5))}, p95 ${ms(quantile(v, 0.95))}, max ${ms(v.at(-1)!)}`;
    console.log(`publish on A (after its commit returned) → heard on B, ${N} publishes: `
      + `${line('SSE subscriber on B (LISTEN/NOTIFY)', notifyLag)}; ${line('hub polling every 250 ms, no NOTIFY', pollLag)}`);
    expect(quantile(notifyLag, 0.5)).toBeLessThan(50);
    expect(quantile(notifyLag, 0.5)).toBeLessThan(quantile(pollLag, 0.5));
  }, 60_000);

  it('the listener reconnects after its connection is killed; the poll covers the gap', async () => {
    const [a, b] = nodes as [Node, Node];
    const sub = await connectSse(`${b.server.url}/api/v1/wire`);
    await sub.until((ev) => ev.some((e) => e.event === 'ready'));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = $1 AND datname = current_database()`, [LISTENER_NAME]);
      expect(killed.rowCount).toBeGreaterThanOrEqual(2);
    } finally {
      await admin.end();
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(b.notifier!.listening).toBe(false);
    // Published while B is not listening: B's poll (or the signal after its reconnect) delivers it.
    const before = published(sub.events).length;
    await a.store.putStory(story(0, 'gap'));
    await sub.until((ev) => published(ev).length > before, 5_000);
    expect(await b.notifier!.ready()).toBe(true);
    const t = performance.now();
    await a.store.putStory(story(1, 'gap'));
    await sub.until((ev) => published(ev).length > before + 1, 5_000);
    const lag = performance.now() - t;
    console.log(`listener killed and back: B heard the next publish ${ms(lag)} after A's put began`);
    expect(lag).toBeLessThan(100);
    sub.close();
  }, 30_000);
});
