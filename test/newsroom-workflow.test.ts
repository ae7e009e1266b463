/**
 * The newsroom workflow over HTTP, end to end: a reporter files in «سرویس آذربایجان» and submits, the
 * desk's editor publishes, and the story is on the public API, in the service feed and on the live wire;
 * a correction reaches the wire marked as one; a kill takes it off the API (410), the feed and search.
 * Also: returning with a note, scheduling, two editors and the edit lock, and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.js';
import { connectSse, type SseConnection } from './support/sse-client.js';
import { AZ, call, draft, seedNewsroom, type Staff } from './newsroom-client.js';

let srv: TestServer;
let staff: Staff;
let wire: SseConnection;
const as = (p: keyof Staff['tokens']) => ({ token: staff.tokens[p] });

beforeAll(async () => {
  srv = await startTestServer({ demo: false });
  staff = await seedNewsroom(srv);
  wire = await connectSse(`${srv.url}/api/v1/wire?lastEventId=0`);
});
afterAll(async () => {
  wire?.close();
  await srv?.close();
});

async function fileAndSubmit(headline: string): Promise<number> {
  const filed = await call(srv, 'POST', '/items', as('reporter'), { deskId: staff.desks.az, ...draft(headline) });
  expect(filed.status).toBe(201);
  const sub = await call(srv, 'POST', `/items/${filed.body.id}/submit`, as('reporter'));
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  return filed.body.id as number;
}

const feed = async () => (await fetch(`${srv.url}/feeds/service/${encodeURIComponent(AZ)}/rss.xml`)).text();
const wireData = () => wire.events.filter((e) => e.event !== 'ready').map((e) => ({ event: e.event, ...JSON.parse(e.data) }));

describe('file → submit → publish → correct → kill', () => {
  it('goes through the site, the feed, search and the live wire', async () => {
    const headline = 'بارش نخستین برف پاییزی در ارتفاعات سهند';
    const id = await fileAndSubmit(headline);
    const seen = await call(srv, 'GET', `/items/${id}`, as('editor'));
    expect(seen.body).toMatchObject({ state: 'submitted', draft: { service: AZ, agency: srv.settings.agency, headline } });
    expect(seen.body.actions).toEqual(expect.arrayContaining(['publish', 'return', 'schedule']));

    const pub = await call(srv, 'POST', `/items/${id}/publish`, as('editor'));
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(pub.body).toMatchObject({ state: 'published', publishedVersion: 1 });
    const code = pub.body.draft.code as number;
    expect(code).toBeGreaterThan(0);

    const api = await fetch(`${srv.url}/api/v1/stories/code/${code}`);
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ headline, service: AZ, version: 1 });
    expect(await feed()).toContain(headline);
    await wire.until((ev) => ev.some((e) => e.event === 'published'), 5000);
    const first = wireData().find((e) => e.event === 'published');
    expect(first).toMatchObject({ correction: false, ninjs: { version: '1', pubstatus: 'usable' } });
    expect(JSON.stringify(first.ninjs)).toContain(headline);
    const search = await (await fetch(`${srv.url}/api/v1/search?q=${encodeURIComponent('سهند')}`)).json() as any;
    expect(search.total).toBe(1);

    // The correction: version 2, marked as a correction on the wire, same code.
    const corrected = 'بارش نخستین برف پاییزی در ارتفاعات سهند و سبلان';
    const cor = await call(srv, 'POST', `/items/${id}/correct`, as('chief'), { note: 'نام سبلان افتاده بود', draft: draft(corrected) });
    expect(cor.status, JSON.stringify(cor.body)).toBe(200);
    expect(cor.body).toMatchObject({ state: 'published', publishedVersion: 2, draft: { code, correction: true, edNote: 'نام سبلان افتاده بود' } });
    await wire.until((ev) => ev.some((e) => e.event === 'updated'), 5000);
    const update = wireData().find((e) => e.event === 'updated');
    expect(update).toMatchObject({ correction: true, ninjs: { version: '2' } });
    expect(JSON.stringify(update.ninjs)).toContain(corrected);
    expect(await (await fetch(`${srv.url}/api/v1/stories/code/${code}`)).json()).toMatchObject({ headline: corrected, version: 2, correction: true });

    // The kill: 410 on the API, gone from the feed and search, a kill notice on the wire.
    const killed = await call(srv, 'POST', `/items/${id}/kill`, as('chief'), { note: 'خبر تأیید نشد' });
    expect(killed.status, JSON.stringify(killed.body)).toBe(200);
    expect(killed.body).toMatchObject({ state: 'killed', publishedVersion: 3 });
    expect((await fetch(`${srv.url}/api/v1/stories/code/${code}`)).status).toBe(410);
    expect(await feed()).not.toContain('سهند');
    const gone = await (await fetch(`${srv.url}/api/v1/search?q=${encodeURIComponent('سهند')}`)).json() as any;
    expect(gone.total).toBe(0);
    await wire.until((ev) => ev.some((e) => e.event === 'killed'), 5000);
    expect(wireData().map((e) => e.event)).toEqual(['published', 'updated', 'killed']);

    // A killed story is final.
    const again = await call(srv, 'POST', `/items/${id}/publish`, as('chief'));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/cannot publish a killed story: a kill is final/);

    // Versions and the diff between the filed and the corrected text; the audit trail.
    const revs = await call(srv, 'GET', `/items/${id}/revisions`, as('reporter'));
    expect(revs.body.items.map((r: any) => r.action)).toEqual(['create', 'submit', 'publish', 'correct', 'kill']);
    const diff = await call(srv, 'GET', `/items/${id}/diff?from=1&to=4`, as('reporter'));
    expect(diff.status).toBe(200);
    expect(diff.body.headline).toEqual(expect.arrayContaining([{ op: 'add', text: expect.stringContaining('سبلان') }]));
    const audit = await call(srv, 'GET', `/audit?item=${id}`, as('chief'));
    expect(audit.body.items.map((e: any) => e.action).reverse()).toEqual(['item.create', 'item.submit', 'item.publish', 'item.correct', 'item.kill']);
  });
});

describe('return, schedule', () => {
  it('an editor returns a story with a note; the reporter fixes it and submits again', async () => {
    const id = await fileAndSubmit('گزارش ناقص از بازار تبریز');
    expect((await call(srv, 'POST', `/items/${id}/return`, as('editor'), {})).status).toBe(400);
    const back = await call(srv, 'POST', `/items/${id}/return`, as('editor'), { note: 'نام منبع را بنویسید' });
    expect(back.body).toMatchObject({ state: 'returned', note: 'نام منبع را بنویسید' });
    const mine = await call(srv, 'GET', '/items?state=returned', as('reporter'));
    expect(mine.body.items.map((i: any) => i.id)).toContain(id);
    const saved = await call(srv, 'PUT', `/items/${id}`, as('reporter'), { ...draft('گزارش کامل از بازار تبریز'), revision: back.body.revision });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await call(srv, 'POST', `/items/${id}/submit`, as('reporter'))).body.state).toBe('submitted');
  });

  it('a scheduled story is published by runScheduled when due, not before', async () => {
    const id = await fileAndSubmit('گشایش نمایشگاه کتاب تبریز');
    const at = new Date(Date.now() + 60_000).toISOString();
    const past = await call(srv, 'POST', `/items/${id}/schedule`, as('editor'), { at: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    const sch = await call(srv, 'POST', `/items/${id}/schedule`, as('editor'), { at });
    expect(sch.body).toMatchObject({ state: 'scheduled', scheduledAt: at });
    expect((await call(srv, 'POST', `/items/${id}/publish`, as('editor'))).status).toBe(409);
    expect(await srv.newsroom.runScheduled(new Date())).toEqual([]);
    const out = await srv.newsroom.runScheduled(new Date(Date.now() + 61_000));
    expect(out.map((i) => i.id)).toEqual([id]);
    const item = await call(srv, 'GET', `/items/${id}`, as('editor'));
    expect(item.body.state).toBe('published');
    expect((await fetch(`${srv.url}/api/v1/stories/code/${item.body.draft.code}`)).status).toBe(200);
  });
});

describe('two editors', () => {
  it('the second sees the lock and its holder; a save on an old revision is 409 and loses nothing', async () => {
    await srv.newsroom.setDeskEditors(staff.users.admin, staff.desks.az, [staff.users.editor.id, staff.users.editor2.id]);
    try {
      const id = await fileAndSubmit('نشست شورای شهر تبریز');
      const first = await call(srv, 'POST', `/items/${id}/lock`, as('editor'));
      expect(first.status).toBe(200);
      expect(first.body.lock).toMatchObject({ userId: staff.users.editor.id, displayName: 'دبیر آذربایجان' });
      const second = await call(srv, 'POST', `/items/${id}/lock`, as('editor2'));
      expect(second.status).toBe(409);
      expect(second.body.error.message).toMatch(/being edited by «دبیر آذربایجان» \(editor\)/);
      const view = await call(srv, 'GET', `/items/${id}`, as('editor2'));
      expect(view.body.lock).toMatchObject({ username: 'editor', displayName: 'دبیر آذربایجان', stale: false });
      const rev = view.body.revision as number;
      const blocked = await call(srv, 'PUT', `/items/${id}`, as('editor2'), { ...draft('تیتر دبیر دوم'), revision: rev });
      expect(blocked.status).toBe(409);
      const saved = await call(srv, 'PUT', `/items/${id}`, as('editor'), { ...draft('تیتر دبیر نخست'), revision: rev });
      expect(saved.status).toBe(200);
      expect((await call(srv, 'POST', `/items/${id}/unlock`, as('editor'))).body.lock).toBeUndefined();
      // editor2 saves on the revision it read: refused, and the first editor's text is still there.
      const stale = await call(srv, 'PUT', `/items/${id}`, as('editor2'), { ...draft('تیتر دبیر دوم'), revision: rev });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toMatch(/changed since revision/);
      expect((await call(srv, 'GET', `/items/${id}`, as('editor2'))).body.draft.headline).toBe('تیتر دبیر نخست');
      // A chief breaks a lock.
      await call(srv, 'POST', `/items/${id}/lock`, as('editor2'));
      const broken = await call(srv, 'POST', `/items/${id}/break-lock`, as('chief'));
      expect(broken.body.lock).toMatchObject({ userId: staff.users.chief.id });
    } finally {
      await srv.newsroom.setDeskEditors(staff.users.admin, staff.desks.az, [staff.users.editor.id]);
    }
  });
});

describe('bad input', () => {
  it('oversized fields, markup kept as text and escaped, invalid transitions', async () => {
    const long = await call(srv, 'POST', '/items', as('reporter'), { deskId: staff.desks.az, headline: 'خ'.repeat(1001) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/headline is 1001 characters; the limit is 1000/);
    const huge = await call(srv, 'POST', '/items', as('reporter'), { deskId: staff.desks.az, headline: 'x', body: ['y'.repeat(1_100_000)] });
    expect(huge.status).toBe(413);
    expect((await call(srv, 'POST', '/items', as('reporter'), { deskId: staff.desks.az, headline: 'x', colour: 'red' })).status).toBe(400);
    expect((await call(srv, 'POST', '/items', as('reporter'), { deskId: 999, headline: 'x' })).status).toBe(404);

    const script = '<script>alert("x")</script> هشدار <b>امنیتی</b>';
    const id = await fileAndSubmit(script);
    const got = await call(srv, 'GET', `/items/${id}`, as('reporter'));
    expect(got.body.draft.headline).toBe(script);
    const pub = await call(srv, 'POST', `/items/${id}/publish`, as('editor'));
    const page = await (await fetch(`${srv.url}/story/${pub.body.draft.code}`)).text();
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert');

    // Submitting someone else's draft; publishing a killed story is covered above.
    const other = await call(srv, 'POST', '/items', as('reporter2'), { deskId: staff.desks.az, ...draft('پیش‌نویس خبرنگار دوم') });
    const theft = await call(srv, 'POST', `/items/${other.body.id}/submit`, as('reporter'));
    expect(theft.status).toBe(403);
    expect(theft.body.error.message).toMatch(/only their own items/);
    const twice = await call(srv, 'POST', `/items/${id}/submit`, as('reporter'));
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/cannot submit a published story/);
    const killLive = await call(srv, 'POST', `/items/${other.body.id}/kill`, as('chief'), { note: 'x' });
    expect(killLive.status).toBe(409);
    expect(killLive.body.error.message).toMatch(/only a published story can be killed/);
  });
});
