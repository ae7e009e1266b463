/**
 * `GET /api/v1/wire`: the live wire as Server-Sent Events. Every event is one entry of the store's wire
 * log (a published, updated or killed story version) with the log's sequence number as its id and the
 * version as ninjs in its data. A client that reconnects sends `Last-Event-ID` (or `?lastEventId=`,
 * for the first connection of a client that cannot set headers) and gets exactly the events after it,
 * in order; `0` replays from the first event; without it the stream starts at the newest event.
 * A comment line every `heartbeatMs` keeps proxies from closing an idle stream.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { toNinjs } from '../../story/index.js';
import type { WireEvent } from '../../store/index.js';
import type { ServerDeps } from '../deps.js';
import { errorBody } from '../http/error-status.js';

/** Events written per read of the hub. */
const PAGE = 200;

/** The SSE data of one event. */
export function wireEventData(e: WireEvent): string {
  return JSON.stringify({ seq: e.seq, kind: e.kind, id: e.id, at: e.at, correction: e.story.correction === true, ninjs: toNinjs(e.story) });
}

export interface WireRouteOptions {
  heartbeatMs?: number;
}

/** The route, mounted at /api/v1/wire. */
export function wireRoute(deps: ServerDeps, options: WireRouteOptions = {}): Hono {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const app = new Hono();
  app.get('/', (c) => {
    const raw = c.req.header('Last-Event-ID') ?? c.req.query('lastEventId');
    let cursor = deps.hub.lastSeq;
    if (raw !== undefined) {
      if (!/^\d{1,15}$/.test(raw.trim())) {
        return c.json(errorBody('INVALID_INPUT', `Last-Event-ID must be a wire sequence number (a whole number ≥ 0), got ${JSON.stringify(raw.slice(0, 40))}`), 400);
      }
      cursor = Number(raw.trim());
    }
    c.header('Cache-Control', 'no-store');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ after: cursor, last: deps.hub.lastSeq }), retry: 2000 });
      while (!stream.aborted && !stream.closed) {
        const events = await deps.hub.eventsAfter(cursor, PAGE);
        if (events.length > 0) {
          for (const e of events) {
            if (stream.aborted) return;
            await stream.writeSSE({ id: String(e.seq), event: e.kind, data: wireEventData(e) });
            cursor = e.seq;
          }
          continue;
        }
        if (deps.hub.closed) return; // the server is stopping
        const news = await deps.hub.waitForNews(cursor, heartbeatMs);
        if (!news && !stream.aborted && !deps.hub.closed) await stream.write(': heartbeat\n\n');
      }
    });
  });
  return app;
}
