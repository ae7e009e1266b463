/**
 * The newsroom permission matrix over HTTP: every endpoint × every role (the item's reporter, another
 * reporter, the editor of the item's desk, the editor of another desk, the chief editor, the admin, and
 * nobody), each expectation written out in the table below. Every denial is the server's own answer —
 * 403, or 401 without a session — and leaves nothing changed: the item's revision, state and lock, the
 * users, desks and webhooks, and no new audit entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsroomItem } from '../src/store/index.js';
import { startTestServer, type TestServer } from './support/server.js';
import { call, draft, seedNewsroom, type Person, type Staff } from './newsroom-client.js';

let srv: TestServer;
let staff: Staff;

beforeAll(async () => {
  srv = await startTestServer({ demo: false });
  staff = await seedNewsroom(srv);
});
afterAll(async () => srv?.close());

/** Who asks: `reporter` filed every test item (on «سرویس آذربایجان», edited by `editor`); `anon` has no session. */
type Who = Person | 'anon';
const WHO: readonly Who[] = ['reporter', 'reporter2', 'editor', 'editor2', 'chief', 'admin', 'anon'];

/** The state the test item is put in before the request. */
type Setup = 'none' | 'draft' | 'submitted' | 'scheduled' | 'published' | 'locked' | 'webhook';

interface Row {
  name: string;
  setup: Setup;
  method: string;
  path: (id: number) => string;
  body?: (item: NewsroomItem | undefined) => unknown;
  /** Expected per asker, in {@link WHO} order: Y allowed, N denied (403; 401 for anon). */
  expect: string;
}

let seq = 0;
const unique = () => `${Date.now().toString(36)}${++seq}`;
const future = () => new Date(Date.now() + 3_600_000).toISOString();

//                                                                                              rep rep2 ed ed2 chief admin anon
const MATRIX: Row[] = [
  { name: 'list items', setup: 'none', method: 'GET', path: () => '/items', expect:                  'Y Y Y Y Y Y N' },
  { name: 'file an item', setup: 'none', method: 'POST', path: () => '/items',
    body: () => ({ deskId: staff.desks.az, ...draft() }), expect:                                      'Y Y Y Y Y Y N' },
  { name: 'read a draft', setup: 'draft', method: 'GET', path: (id) => `/items/${id}`, expect:       'Y N Y N Y Y N' },
  { name: 'revisions', setup: 'draft', method: 'GET', path: (id) => `/items/${id}/revisions`, expect: 'Y N Y N Y Y N' },
  { name: 'diff', setup: 'draft', method: 'GET', path: (id) => `/items/${id}/diff?from=1&to=1`, expect: 'Y N Y N Y Y N' },
  { name: 'save a draft', setup: 'draft', method: 'PUT', path: (id) => `/items/${id}`,
    body: (i) => ({ ...draft('تیتر ویرایش‌شده'), revision: i!.revision }), expect:                    'Y N Y N Y Y N' },
  { name: 'save a submitted item', setup: 'submitted', method: 'PUT', path: (id) => `/items/${id}`,
    body: (i) => ({ ...draft('تیتر ویرایش‌شده'), revision: i!.revision }), expect:                    'N N Y N Y Y N' },
  { name: 'save a published item (next correction)', setup: 'published', method: 'PUT', path: (id) => `/items/${id}`,
    body: (i) => ({ ...draft('تیتر اصلاحیه'), revision: i!.revision }), expect:                       'N N Y N Y Y N' },
  { name: 'submit', setup: 'draft', method: 'POST', path: (id) => `/items/${id}/submit`, expect:     'Y N N N N N N' },
  { name: 'return', setup: 'submitted', method: 'POST', path: (id) => `/items/${id}/return`,
    body: () => ({ note: 'منبع را بنویسید' }), expect:                                               'N N Y N Y Y N' },
  { name: 'publish', setup: 'submitted', method: 'POST', path: (id) => `/items/${id}/publish`, expect: 'N N Y N Y Y N' },
  { name: 'schedule', setup: 'submitted', method: 'POST', path: (id) => `/items/${id}/schedule`,
    body: () => ({ at: future() }), expect:                                                           'N N Y N Y Y N' },
  { name: 'unschedule', setup: 'scheduled', method: 'POST', path: (id) => `/items/${id}/unschedule`, expect: 'N N Y N Y Y N' },
  { name: 'correct', setup: 'published', method: 'POST', path: (id) => `/items/${id}/correct`,
    body: () => ({ note: 'اصلاح تیتر', draft: draft('تیتر اصلاح‌شده') }), expect:                    'N N Y N Y Y N' },
  { name: 'kill', setup: 'published', method: 'POST', path: (id) => `/items/${id}/kill`,
    body: () => ({ note: 'خبر تأیید نشد' }), expect:                                                 'N N N N Y Y N' },
  { name: 'take the lock', setup: 'draft', method: 'POST', path: (id) => `/items/${id}/lock`, expect: 'Y N Y N Y Y N' },
  { name: 'release a lock', setup: 'draft', method: 'POST', path: (id) => `/items/${id}/unlock`, expect: 'Y N Y N Y Y N' },
  { name: 'break a lock', setup: 'locked', method: 'POST', path: (id) => `/items/${id}/break-lock`, expect: 'N N N N Y Y N' },
  { name: 'audit log', setup: 'none', method: 'GET', path: () => '/audit', expect:                  'N N N N Y Y N' },
  { name: 'list users', setup: 'none', method: 'GET', path: () => '/users', expect:                 'N N N N N Y N' },
  { name: 'create a user', setup: 'none', method: 'POST', path: () => '/users',
    body: () => ({ username: `u${unique()}`, displayName: 'کاربر تازه', role: 'reporter', password: 'گذرواژه‌ی کاربر تازه' }), expect: 'N N N N N Y N' },
  { name: 'change a user', setup: 'none', method: 'PATCH', path: () => `/users/${staff.users.reporter2.id}`,
    body: () => ({ displayName: `خبرنگار دوم ${unique()}` }), expect:                                 'N N N N N Y N' },
  { name: 'list desks', setup: 'none', method: 'GET', path: () => '/desks', expect:                 'Y Y Y Y Y Y N' },
  { name: 'create a desk', setup: 'none', method: 'POST', path: () => '/desks',
    body: () => ({ name: `سرویس ${unique()}` }), expect:                                              'N N N N N Y N' },
  { name: 'set desk editors', setup: 'none', method: 'PUT', path: () => `/desks/${staff.desks.econ}/editors`,
    body: () => ({ editors: [staff.users.editor2.id] }), expect:                                      'N N N N N Y N' },
  { name: 'list webhooks', setup: 'none', method: 'GET', path: () => '/webhooks', expect:           'N N N N N Y N' },
  { name: 'create a webhook', setup: 'none', method: 'POST', path: () => '/webhooks',
    body: () => ({ url: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-some-length' }), expect:       'N N N N N Y N' },
  { name: 'delete a webhook', setup: 'webhook', method: 'DELETE', path: (id) => `/webhooks/${id}`, expect: 'N N N N N Y N' },
  { name: 'who am I', setup: 'none', method: 'GET', path: () => '/me', expect:                      'Y Y Y Y Y Y N' },
];

/** Puts a new item (or webhook) in the row's starting state; returns its id. */
async function prepare(setup: Setup): Promise<number> {
  const nr = srv.newsroom;
  const { reporter, editor, admin } = staff.users;
  if (setup === 'none') return 0;
  if (setup === 'webhook') return (await nr.createWebhook(admin, 'http://127.0.0.1:9/hook', 'a-secret-of-some-length')).id;
  const item = await nr.file(reporter, staff.desks.az, draft(`خبر آزمون مجوزها ${unique()}`));
  if (setup === 'locked') await nr.lock(editor, item.id);
  if (setup === 'draft' || setup === 'locked') return item.id;
  await nr.submit(reporter, item.id);
  if (setup === 'scheduled') await nr.schedule(editor, item.id, future());
  if (setup === 'published') await nr.publish(editor, item.id);
  return item.id;
}

/** Everything a denied request must leave as it was. */
async function snapshot(itemId: number): Promise<unknown> {
  const nr = srv.store.newsroom;
  const item = itemId > 0 ? await nr.getItem(itemId) : undefined;
  return {
    item: item && { revision: item.revision, state: item.state, lock: item.lock, draft: item.draft, updatedAt: item.updatedAt },
    users: await nr.listUsers(),
    desks: await nr.listDesks(),
    webhooks: (await nr.listWebhooks()).map((w) => w.id),
    wire: await srv.store.lastWireSeq(),
  };
}

/** Audit entries other than logins (which the seeding and other tests write), newest first. */
async function auditTail(): Promise<number> {
  const [newest] = await srv.store.newsroom.listAudit({ limit: 1 });
  return newest?.id ?? 0;
}

describe('the permission matrix, over HTTP', () => {
  it('has a row for every newsroom route', () => {
    const covered = new Set(MATRIX.map((r) => `${r.method} ${r.path(1).replace(/\/\d+/g, '/{id}').replace(/\?.*$/, '')}`));
    for (const route of [
      'GET /items', 'POST /items', 'GET /items/{id}', 'PUT /items/{id}', 'GET /items/{id}/revisions', 'GET /items/{id}/diff',
      ...['submit', 'return', 'publish', 'schedule', 'unschedule', 'correct', 'kill', 'lock', 'unlock', 'break-lock'].map((a) => `POST /items/{id}/${a}`),
      'GET /audit', 'GET /users', 'POST /users', 'PATCH /users/{id}', 'GET /desks', 'POST /desks', 'PUT /desks/{id}/editors',
      'GET /webhooks', 'POST /webhooks', 'DELETE /webhooks/{id}', 'GET /me',
    ]) expect(covered, route).toContain(route);
    for (const r of MATRIX) expect(r.expect.split(' '), r.name).toHaveLength(WHO.length);
  });

  for (const row of MATRIX) {
    it(row.name, async () => {
      const marks = row.expect.split(' ');
      for (const [i, who] of WHO.entries()) {
        const allowed = marks[i] === 'Y';
        const id = await prepare(row.setup);
        const item = id > 0 && row.setup !== 'webhook' ? await srv.store.newsroom.getItem(id) : undefined;
        const before = await snapshot(row.setup === 'webhook' ? 0 : id);
        const auditBefore = await auditTail();
        const cred = who === 'anon' ? undefined : { token: staff.tokens[who] };
        const res = await call(srv, row.method, row.path(id), cred, row.body?.(item));
        const where = `${row.name} as ${who}: ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`;
        if (allowed) {
          expect(res.status, where).toBeGreaterThanOrEqual(200);
          expect(res.status, where).toBeLessThan(300);
          continue;
        }
        expect(res.status, where).toBe(who === 'anon' ? 401 : 403);
        expect(res.body.error.code, where).toBe(who === 'anon' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        expect(res.headers.get('cache-control'), where).toBe('no-store');
        expect(await snapshot(row.setup === 'webhook' ? 0 : id), `${where}: nothing changed`).toEqual(before);
        const added = await srv.store.newsroom.listAudit({ limit: 50 });
        expect(added.filter((e) => e.id > auditBefore).map((e) => e.action), `${where}: no audit entry`).toEqual([]);
      }
    });
  }
});
