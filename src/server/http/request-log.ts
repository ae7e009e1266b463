/** One log line per request: method, path, status, duration, response size. */
import type { MiddlewareHandler } from 'hono';

export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const t0 = performance.now();
    await next();
    const ms = (performance.now() - t0).toFixed(1);
    const size = c.res.headers.get('Content-Length') ?? '-';
    log(`${new Date().toISOString()} ${c.req.method} ${new URL(c.req.url).pathname} ${c.res.status} ${ms}ms ${size}`);
  };
}
