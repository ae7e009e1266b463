/**
 * `khabar serve [--port N] [--host H] [--db FILE | --database-url postgres://…] [--agency NAME] [--site-name NAME] [--services A,B]
 *   [--base-url URL] [--no-demo] [--quiet]` — the site, API, feeds and live wire on one port (default
 * 8080, `KHABAR_PORT`), the newsroom API, webhook delivery and scheduled publishing. An empty database
 * gets the demo content and demo newsroom accounts first. Stops cleanly on SIGINT/SIGTERM.
 */
import { KhabarError } from '../../errors/index.js';
import { createPgWireNotifier } from '../../store/index.js';
import { createWireHub, siteSettings, startServer } from '../../server/index.js';
import { createNewsroom, createWebhookDispatcher } from '../../newsroom/index.js';
import { parseArgs } from '../args.js';
import { describeTarget, openStoreTarget, resolveStoreTarget, STORE_OPTIONS } from '../open-store.js';
import type { Out } from '../out.js';
import { loadDemoContent } from '../demo/load-demo.js';
import { DEMO_USERS, loadDemoNewsroom } from '../demo/demo-newsroom.js';

/** How often due scheduled items are looked for. */
const SCHEDULER_MS = 5000;

const VALUED = ['port', 'host', ...STORE_OPTIONS, 'agency', 'site-name', 'services', 'base-url'];

function portOf(v: string | true | undefined): number {
  const raw = typeof v === 'string' ? v : process.env.KHABAR_PORT || '8080';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new KhabarError('USAGE', `port must be 0–65535, got ${raw}`);
  return port;
}

export async function serveCommand(argv: readonly string[], out: Out): Promise<void> {
  const { positionals, flags } = parseArgs(argv, VALUED, ['no-demo', 'quiet']);
  if (positionals.length > 0) throw new KhabarError('USAGE', `serve takes no arguments, got ${positionals.join(' ')}`);
  const port = portOf(flags.get('port'));
  const host = (flags.get('host') as string | undefined) ?? process.env.KHABAR_HOST;
  const target = resolveStoreTarget(flags);
  const dbPath = describeTarget(target);
  const str = (k: string, env: string) => (flags.get(k) as string | undefined) ?? process.env[env];
  const store = await openStoreTarget(target);
  try {
    const settingsInput = {
      agency: str('agency', 'KHABAR_AGENCY'),
      siteName: str('site-name', 'KHABAR_SITE_NAME'),
      services: str('services', 'KHABAR_SERVICES')?.split(','),
      baseUrl: str('base-url', 'KHABAR_BASE_URL') ?? `http://localhost:${port || 8080}`,
    };
    const settings = siteSettings(Object.fromEntries(Object.entries(settingsInput).filter(([, v]) => v !== undefined)) as { baseUrl: string });
    if (!flags.has('no-demo') && (await store.countStories()) === 0) {
      const n = await loadDemoContent(store, new Date(), settings.agency);
      out.write(`loaded ${n} demo stories into ${dbPath}\n`);
      const password = await loadDemoNewsroom(store);
      if (password !== undefined) {
        out.write(`demo newsroom logins (${DEMO_USERS.map((u) => `${u.username}: ${u.role}`).join(', ')}), password for all: ${password}\n`);
      }
    }
    // On PostgreSQL other servers write too: LISTEN for their wire events instead of waiting for the poll.
    const notifier = target.kind === 'postgres' ? createPgWireNotifier(target.url, { log: (line) => out.warn?.(`${line}\n`) }) : undefined;
    const hub = await createWireHub(store, 250, notifier ? { notifier } : {});
    const quiet = flags.has('quiet');
    const newsroom = createNewsroom({ store, onWrite: () => hub.poke(), agency: settings.agency });
    const server = await startServer({ store, settings, hub, newsroom, log: (line) => { if (!quiet) out.write(`${line}\n`); } }, { port, ...(host ? { hostname: host } : {}) });
    out.write(`khabar is serving ${dbPath} at ${server.url}\n`);
    // Webhooks are delivered from the wire log by this process.
    const dispatcher = createWebhookDispatcher({
      wire: store, hooks: store.newsroom, waitForNews: (after, ms) => hub.waitForNews(after, ms), lastSeq: () => hub.lastSeq,
      log: (line) => out.warn?.(`${line}\n`),
    });
    dispatcher.start();
    // Scheduled (embargoed) items are published by this process when their time comes.
    const scheduler = setInterval(() => {
      newsroom.runScheduled().catch((e: unknown) => out.warn?.(`scheduled publishing: ${String(e)}\n`));
    }, SCHEDULER_MS);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        out.write(`${signal}: stopping\n`);
        clearInterval(scheduler);
        void dispatcher.stop().then(() => server.close()).then(() => notifier?.close()).then(resolve);
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
  } finally {
    await store.close();
  }
}
