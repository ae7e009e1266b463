/**
 * The live wire (issue #5): 100 subscribers, 500 stories published, every subscriber receives all 500 in
 * order; one subscriber drops in the middle and reconnects with Last-Event-ID, missing nothing and
 * receiving nothing twice. Plus replay from 0, corrections and kills on the wire, heartbeats, bad ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../src/story/index.js';
import { startTestServer, type TestServer } from './support/server.js';
import { connectSse, type SseConnection, type SseEvent } from './support/sse-client.js';

/** The main headline of an event's ninjs. */
const headlineOf = (e: SseEvent): string => (JSON.parse(e.data) as { ninjs: { headlines: Array<{ value: string }> } }).ninjs.headlines[0]!.value;
const published = (events: SseEvent[]) => events.filter((e) => e.event === 'published');
const story = (i: number) => createStory({
  uri: `urn:khabar:test:wire-${i}`, headline: `خبر شمارهٔ ${i} روی خط زنده`, service: 'سرویس آذربایجان', agency: 'خبرگزاری آران',
  body: [`متن خبر ${i}: همکاری‌های دو کشور ادامه دارد.`],
});

describe('live wire: 100 subscribers × 500 stories', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false, heartbeatMs: 300 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('delivers every story to every subscriber in order; a reconnect with Last-Event-ID misses nothing and repeats nothing', async () => {
    const wire = `${server.url}/api/v1/wire`;
    const subs: SseConnection[] = await Promise.all(Array.from({ length: 100 }, () => connectSse(wire)));
    await Promise.all(subs.map((s) => s.until((ev) => ev.some((e) => e.event === 'ready'))));

    const dropper = subs[0]!;
    let resumed: SseConnection | undefined;
    let lastSeenBeforeDrop = '';
    const dropped = dropper.until((ev) => published(ev).length >= 200).then(async () => {
      dropper.close();
      lastSeenBeforeDrop = published(dropper.events).at(-1)!.id!;
      resumed = await connectSse(wire, { 'Last-Event-ID': lastSeenBeforeDrop });
    });

    for (let i = 0; i < 500; i++) await server.store.putStory(story(i));
    await dropped;

    const all = (ev: SseEvent[]) => published(ev).length >= 500;
    await Promise.all(subs.slice(1).map((s) => s.until(all, 60_000)));
    await resumed!.until((ev) => published(ev).length + published(dropper.events).length >= 500, 60_000);

    const expected = Array.from({ length: 500 }, (_, i) => `خبر شمارهٔ ${i} روی خط زنده`);
    for (const s of subs.slice(1)) {
      const ev = published(s.events);
      expect(ev.map((e) => headlineOf(e))).toEqual(expected);
      const ids = ev.map((e) => Number(e.id));
      expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    }
    const before = published(dropper.events);
    const after = published(resumed!.events);
    expect(before.length).toBeGreaterThanOrEqual(200);
    expect(before.length).toBeLessThan(500);
    expect([...before, ...after].map((e) => headlineOf(e))).toEqual(expected);
    expect(Number(after[0]!.id)).toBe(Number(lastSeenBeforeDrop) + 1);
    for (const s of [...subs, resumed!]) s.close();
  }, 120_000);
});

describe('live wire: replay, corrections, kills, heartbeats, bad input', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false, heartbeatMs: 150 });
    for (let i = 0; i < 3; i++) await server.store.putStory(story(1000 + i));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('Last-Event-ID: 0 replays from the first event; ?lastEventId= works for clients that cannot set headers', async () => {
    const a = await connectSse(`${server.url}/api/v1/wire`, { 'Last-Event-ID': '0' });
    await a.until((ev) => published(ev).length >= 3);
    expect(published(a.events).map((e) => Number(e.id))).toEqual([1, 2, 3]);
    const b = await connectSse(`${server.url}/api/v1/wire?lastEventId=2`);
    await b.until((ev) => published(ev).length >= 1);
    expect(published(b.events).map((e) => e.id)).toEqual(['3']);
    a.close();
    b.close();
  });

  it('sends a new version marked as a correction, and a kill notice', async () => {
    const c = await connectSse(`${server.url}/api/v1/wire`);
    await c.until((ev) => ev.some((e) => e.event === 'ready'));
    const stored = (await server.store.getStory({ uri: 'urn:khabar:test:wire-1000' }))!.story;
    await server.store.putStory({ ...stored, headline: `${stored.headline} (اصلاحیه)`, correction: true, edNote: 'عدد نادرست اصلاح شد.' });
    await server.store.putStory({ ...stored, headline: `${stored.headline} (اصلاحیه)`, correction: true, edNote: 'عدد نادرست اصلاح شد.', pubStatus: 'canceled' });
    await c.until((ev) => ev.some((e) => e.event === 'killed'));
    const updated = c.events.find((e) => e.event === 'updated')!;
    expect(JSON.parse(updated.data)).toMatchObject({ kind: 'updated', correction: true, ninjs: { version: '2' } });
    const killed = JSON.parse(c.events.find((e) => e.event === 'killed')!.data);
    expect(killed.ninjs.pubstatus).toBe('canceled');
    c.close();
  });

  it('sends heartbeats on an idle stream', async () => {
    const c = await connectSse(`${server.url}/api/v1/wire`);
    await c.until(() => c.comments >= 2, 5000);
    c.close();
  });

  it('refuses a Last-Event-ID that is not a sequence number with a 400 JSON error', async () => {
    for (const bad of ['abc', '-1', '1.5', '9'.repeat(40)]) {
      const res = await fetch(`${server.url}/api/v1/wire`, { headers: { 'Last-Event-ID': bad } });
      expect(res.status).toBe(400);
      const body = await res.json() as { error: { code: string; message: string } };
      expect(body.error.code).toBe('INVALID_INPUT');
      expect(body.error.message).toMatch(/Last-Event-ID/);
    }
  });
});
