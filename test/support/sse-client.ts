/** A minimal Server-Sent Events client for tests (fetch + a line parser, as an EventSource reads). */

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

export interface SseConnection {
  events: SseEvent[];
  /** Comment lines received (heartbeats). */
  comments: number;
  /** Resolves when the stream ends (closed by either side). */
  done: Promise<void>;
  /** Resolves once `predicate` holds for the events received so far. */
  until(predicate: (events: SseEvent[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function connectSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`SSE ${url}: status ${res.status}: ${await res.text()}`);
  const events: SseEvent[] = [];
  const waiters: Array<() => void> = [];
  const conn: SseConnection = {
    events,
    comments: 0,
    done: Promise.resolve(),
    until(predicate, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`SSE: condition not met in ${timeoutMs} ms (${events.length} events)`)), timeoutMs);
        const check = () => {
          if (predicate(events)) {
            clearTimeout(t);
            resolve();
            return true;
          }
          return false;
        };
        const waiter = () => {
          if (!check()) waiters.push(waiter); // wait for the next event again
        };
        waiter();
      });
    },
    close: () => controller.abort(),
  };
  conn.done = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    let current: Partial<SseEvent> & { data?: string } = {};
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let nl: number;
        while ((nl = buffer.search(/\r\n|\n|\r/)) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(buffer[nl] === '\r' && buffer[nl + 1] === '\n' ? nl + 2 : nl + 1);
          if (line === '') {
            if (current.data !== undefined) events.push({ event: current.event ?? 'message', data: current.data, ...(current.id !== undefined ? { id: current.id } : {}) });
            current = {};
            for (const w of waiters.splice(0)) w();
          } else if (line.startsWith(':')) {
            conn.comments++;
            for (const w of waiters.splice(0)) w();
          } else {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'data') current.data = current.data === undefined ? value : `${current.data}\n${value}`;
            else if (field === 'event') current.event = value;
            else if (field === 'id') current.id = value;
          }
        }
      }
    } catch (e) {
      if ((e as Error).name !== 'AbortError') throw e;
    }
  })();
  conn.done.catch(() => undefined);
  return conn;
}
