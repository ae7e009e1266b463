/** Runs the application on a port with Node's HTTP server; stops cleanly (live streams included). */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { ServerDeps } from './deps.js';
import { createApp, type AppOptions } from './app.js';

export interface RunningServer {
  /** e.g. http://localhost:8080 */
  url: string;
  port: number;
  /** Stops accepting, ends live streams, waits for the server to close. Does not close the store. */
  close(): Promise<void>;
}

export interface ListenOptions extends AppOptions {
  port: number;
  /** Interface to listen on (default: all). */
  hostname?: string;
}

export function startServer(deps: ServerDeps, options: ListenOptions): Promise<RunningServer> {
  const app = createApp(deps, options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, ...(options.hostname ? { hostname: options.hostname } : {}) }, (info) => {
      const host = !options.hostname || options.hostname === '0.0.0.0' || options.hostname === '::' ? 'localhost' : options.hostname;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((done) => {
          deps.hub.close();
          const s = server as Server;
          s.close(() => done());
          s.closeIdleConnections();
          // Live-wire streams never go idle; give them a moment to end, then cut them.
          setTimeout(() => s.closeAllConnections(), 200).unref();
        }),
      });
    }) as Server;
    server.once('error', reject);
  });
}
