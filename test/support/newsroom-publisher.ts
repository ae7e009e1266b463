/**
 * Publishers for tests that disturb the database under load: each publish goes through the newsroom HTTP
 * API as people do it — the reporter files an item and submits it, the desk's editor publishes it — and is
 * recorded as an {@link Attempt}: acknowledged (`step: 'done'`, the publish answered 200) or failed at a
 * step with the status and error body the server gave, or hung (no answer within `hungMs`).
 */
import { performance } from 'node:perf_hooks';

/** One publish through the API. Times are `performance.now()` ms. */
export interface Attempt {
  n: number;
  startedAt: number;
  endedAt: number;
  /** The step that failed, or `done` when the publish was acknowledged. */
  step: 'file' | 'submit' | 'publish' | 'done';
  /** The last HTTP status received. */
  status?: number;
  /** The error body of a failed step (`{ code, message }`). */
  error?: { code: string; message: string };
  /** No answer within `hungMs`. */
  hung?: boolean;
  itemId?: number;
  uri?: string;
  /** The archive story's id from the publish answer. */
  storyId?: number;
}

export interface PublisherOptions {
  /** The server's base URL. */
  url: string;
  /** Bearer tokens of a reporter and of an editor of `deskId`. */
  tokens: { reporter: string; editor: string };
  deskId: number;
  /** A request unanswered after this long counts as hung. Default 15 s. */
  hungMs?: number;
}

/** Answers of one API call: the JSON body of a 2xx, else the attempt ends at `step`. */
async function post(o: PublisherOptions, a: Attempt, step: Attempt['step'], who: 'reporter' | 'editor', path: string, body?: unknown): Promise<any> {
  a.step = step;
  let res: Response;
  try {
    res = await fetch(`${o.url}/api/v1/newsroom${path}`, {
      method: 'POST', signal: AbortSignal.timeout(o.hungMs ?? 15_000),
      headers: { Authorization: `Bearer ${o.tokens[who]}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (e) {
    a.hung = (e as Error).name === 'TimeoutError';
    throw e;
  }
  a.status = res.status;
  const json = (await res.json()) as any;
  if (!res.ok) {
    a.error = json.error;
    throw new Error(`${step}: HTTP ${res.status}`);
  }
  return json;
}

/** Files, submits and publishes story number `n`; never throws (the outcome is in the attempt). */
export async function publishThroughApi(o: PublisherOptions, n: number): Promise<Attempt> {
  const a: Attempt = { n, startedAt: performance.now(), endedAt: 0, step: 'file' };
  try {
    const filed = await post(o, a, 'file', 'reporter', '/items', {
      deskId: o.deskId, headline: `خبر آزمون قطع پایگاه داده، شمارهٔ ${n}`, body: [`متن خبر شمارهٔ ${n} که در میان قطع و وصل پایگاه داده منتشر شد.`],
    });
    a.itemId = filed.id;
    a.uri = filed.draft.uri;
    await post(o, a, 'submit', 'reporter', `/items/${a.itemId}/submit`);
    const published = await post(o, a, 'publish', 'editor', `/items/${a.itemId}/publish`);
    if (published.state !== 'published' || published.publishedVersion !== 1) {
      throw new Error(`publish ${n}: answered 200 with state ${published.state}, version ${published.publishedVersion}`);
    }
    a.storyId = published.storyId;
    a.step = 'done';
  } catch {
    // the outcome is recorded in `a`
  }
  a.endedAt = performance.now();
  return a;
}

/** Publishers running until stopped. */
export interface PublisherRun {
  /** Every finished attempt, in the order they finished. */
  readonly attempts: Attempt[];
  /** The acknowledged ones. */
  acked(): Attempt[];
  /** Tells every publisher to stop after its current attempt; resolves when all have. */
  stop(): Promise<void>;
}

/** Starts `concurrency` publishers, each publishing one story after another (pausing 50 ms after a failure). */
export function startPublishers(o: PublisherOptions, concurrency: number): PublisherRun {
  const attempts: Attempt[] = [];
  let next = 1;
  let stopping = false;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const workers = Array.from({ length: concurrency }, async () => {
    while (!stopping) {
      const a = await publishThroughApi(o, next++);
      attempts.push(a);
      if (a.step !== 'done') await sleep(50); // no busy loop while the database is down
    }
  });
  return {
    attempts,
    acked: () => attempts.filter((a) => a.step === 'done'),
    async stop() {
      stopping = true;
      await Promise.all(workers);
    },
  };
}
