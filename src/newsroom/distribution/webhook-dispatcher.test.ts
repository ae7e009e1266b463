/**
 * Webhook delivery against a real SQLite store and a real HTTP receiver: order, signatures, a receiver
 * that is down gets everything it missed in order once it is back, one subscriber down never holds up
 * another, nothing is delivered twice.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../../store/index.js';
import { createStory } from '../../story/index.js';
import { backoffDelay, createWebhookDispatcher, signDelivery } from './webhook-dispatcher.js';

interface Receiver {
  url: string;
  seqs: number[];
  badSignatures: number;
  up: boolean;
  close(): Promise<void>;
}

const SECRET = 'a-secret-of-enough-length';

async function receiver(secret = SECRET): Promise<Receiver> {
  const r: Receiver = { url: '', seqs: [], badSignatures: 0, up: true, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString(); });
    req.on('end', () => {
      if (!r.up) {
        res.writeHead(503).end();
        return;
      }
      const ts = Number(req.headers['x-khabar-timestamp']);
      if (req.headers['x-khabar-signature'] !== signDelivery(secret, ts, body)) r.badSignatures++;
      const parsed = JSON.parse(body) as { seq: number };
      expect(String(parsed.seq)).toBe(req.headers['x-khabar-seq']);
      r.seqs.push(parsed.seq);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  r.url = `http://127.0.0.1:${address.port}/hook`;
  r.close = () => new Promise((resolve) => server.close(() => resolve()));
  return r;
}

describe('webhook dispatcher', () => {
  let dir: string;
  let store: Store;
  let n = 0;
  const publish = async (count: number) => {
    for (let i = 0; i < count; i++) {
      await store.putStory(createStory({ uri: `urn:khabar:test:hook-${n}`, headline: `خبر ${n++} برای مشترکان`, body: ['متن'] }));
    }
  };
  const dispatcher = () => createWebhookDispatcher({
    wire: store, hooks: store.newsroom, waitForNews: async () => false, lastSeq: () => 0, backoffMs: 50, maxBackoffMs: 200,
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'khabar-hooks-'));
    store = await openSqliteStore(join(dir, 'k.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every event in order, signed', async () => {
    const r = await receiver();
    await store.newsroom.createWebhook({ url: r.url, secret: SECRET });
    await publish(5);
    await dispatcher().runOnce();
    expect(r.seqs).toEqual([1, 2, 3, 4, 5]);
    expect(r.badSignatures).toBe(0);
    expect((await store.newsroom.listWebhooks())[0]!.cursor).toBe(5);
    await r.close();
  });

  it('a receiver that was down gets everything it missed, in order, exactly once; another is not held up', async () => {
    const down = await receiver();
    const fine = await receiver();
    await store.newsroom.createWebhook({ url: down.url, secret: SECRET });
    await store.newsroom.createWebhook({ url: fine.url, secret: SECRET });
    const d = dispatcher();
    await publish(2);
    await d.runOnce();
    down.up = false;
    await publish(3);
    await d.runOnce();
    expect(fine.seqs).toEqual([1, 2, 3, 4, 5]);
    expect(down.seqs).toEqual([1, 2]);
    const failing = (await store.newsroom.listWebhooks()).find((h) => h.url === down.url)!;
    expect([failing.cursor, failing.failures, failing.lastError]).toEqual([2, 1, 'HTTP 503']);
    // Still down, and the backoff has not ended: no attempt.
    await d.runOnce();
    expect((await store.newsroom.getWebhook(failing.id))!.failures).toBe(1);
    down.up = true;
    await d.runOnce(new Date(Date.now() + 10_000));
    expect(down.seqs).toEqual([1, 2, 3, 4, 5]);
    expect(fine.seqs).toEqual([1, 2, 3, 4, 5]);
    await Promise.all([down.close(), fine.close()]);
  });

  it('backs off exponentially up to a ceiling', () => {
    expect([1, 2, 3, 4, 10].map((f) => backoffDelay(f, 1000, 60_000))).toEqual([1000, 2000, 4000, 8000, 60_000]);
  });

  it('counts a refused connection as a failure and keeps the cursor', async () => {
    const r = await receiver();
    await r.close(); // nobody listens there now
    await store.newsroom.createWebhook({ url: r.url, secret: SECRET });
    await publish(1);
    await dispatcher().runOnce();
    const h = (await store.newsroom.listWebhooks())[0]!;
    expect([h.cursor, h.failures]).toEqual([0, 1]);
    expect(h.lastError).toMatch(/fetch failed|ECONNREFUSED|TypeError/);
  });
});
