/**
 * A khabar server for tests: a new SQLite file in a temporary folder, the demo content (unless
 * `demo: false`), the live-wire hub polling every 50 ms, the app listening on a free port on 127.0.0.1.
 * `store` is the server's store; its puts wake the hub at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { createWireHub, siteSettings, startServer, type SiteSettings, type WireHub } from '../../src/server/index.js';
import { loadDemoContent } from '../../src/cli/demo/load-demo.js';
import { createNewsroom, type Newsroom } from '../../src/newsroom/index.js';

export interface TestServer {
  url: string;
  store: Store;
  hub: WireHub;
  settings: SiteSettings;
  /** The newsroom service the server's newsroom API uses (its clock is `options.now`). */
  newsroom: Newsroom;
  /** Request log lines so far. */
  log: string[];
  close(): Promise<void>;
}

export interface TestServerOptions {
  demo?: boolean;
  heartbeatMs?: number;
  settings?: Partial<SiteSettings>;
  /** The newsroom's clock (default: the real one). */
  now?: () => Date;
  /** scrypt cost of new password hashes (default: a cheap one, N=2^14, to keep tests fast). */
  scrypt?: { N: number; r: number; p: number };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-server-test-'));
  const raw = await openSqliteStore(join(dir, 'khabar.db'));
  const settings = siteSettings({ ...options.settings, baseUrl: 'http://127.0.0.1' });
  if (options.demo !== false) await loadDemoContent(raw, new Date(), settings.agency);
  const hub = await createWireHub(raw, 50);
  // Writes through the returned store tell the hub at once, as the newsroom's publish does, so that a
  // test that writes and then fetches never sees a page cached before the write.
  const store: Store = {
    ...raw,
    putStory: async (story) => { const r = await raw.putStory(story); await hub.poke(); return r; },
    putStories: async (stories) => { const r = await raw.putStories(stories); await hub.poke(); return r; },
  };
  const newsroom = createNewsroom({
    store, onWrite: () => hub.poke(), agency: settings.agency, scrypt: options.scrypt ?? { N: 2 ** 14, r: 8, p: 1 },
    ...(options.now ? { now: options.now } : {}),
  });
  const log: string[] = [];
  const server = await startServer({ store, settings, hub, newsroom, log: (l) => void log.push(l) }, {
    port: 0, hostname: '127.0.0.1', wire: { heartbeatMs: options.heartbeatMs ?? 15_000 },
  });
  settings.baseUrl = server.url; // known once listening
  return {
    url: server.url, store, hub, settings, newsroom, log,
    async close() {
      await server.close();
      await raw.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
