/**
 * The newsroom API against its part of the OpenAPI document (the public API's walker, server-api.test.ts,
 * leaves `/newsroom/` paths here because they need sessions and prepared items). Every newsroom path and
 * method: the documented success status with a body valid against the documented schema, `no-store`;
 * and every documented error status provoked on purpose, with the Error body.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { schemaError } from './support/schema-check.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.js';
import { PASSWORD, call, draft, login, seedNewsroom, type Answer, type Cred, type Staff } from './newsroom-client.js';

type Obj = Record<string, any>;

let srv: TestServer;
let staff: Staff;
let resolved: Obj;


beforeAll(async () => {
  srv = await startTestServer({ demo: false });
  staff = await seedNewsroom(srv);
  const doc = (await (await fetch(`${srv.url}/api/v1/openapi.json`)).json()) as Obj;
  const validator = new Validator();
  expect((await validator.validate(structuredClone(doc))).errors ?? []).toEqual([]);
  resolved = validator.resolveRefs() as Obj;
});
afterAll(async () => srv?.close());

/** What a request is made of. */
interface Req {
  path: Obj;
  query?: Obj;
  body?: unknown;
  cred?: Cred;
  headers?: Record<string, string>;
}

let n = 0;
const unique = () => `${Date.now().toString(36)}${++n}`;
const future = () => new Date(Date.now() + 3_600_000).toISOString();
const admin = () => ({ token: staff.tokens.admin });

/** A new item in `state`, filed by `reporter` on the desk `editor` edits. */
async function item(state: 'draft' | 'submitted' | 'scheduled' | 'published' | 'locked' = 'draft'): Promise<number> {
  const nr = srv.newsroom;
  const { reporter, editor } = staff.users;
  const it = await nr.file(reporter, staff.desks.az, draft(`خبر سند رابط ${unique()}`));
  if (state === 'locked') await nr.lock(editor, it.id);
  if (state === 'draft' || state === 'locked') return it.id;
  await nr.submit(reporter, it.id);
  if (state === 'scheduled') await nr.schedule(editor, it.id, future());
  if (state === 'published') await nr.publish(editor, it.id);
  return it.id;
}

/** A request that succeeds, per operation. */
const SUCCESS: Record<string, () => Promise<Req>> = {
  newsroomLogin: async () => ({ path: {}, body: { username: 'reporter', password: PASSWORD }, cred: undefined }),
  newsroomLogout: async () => ({ path: {}, cred: { token: (await login(srv, 'editor2')).token } }),
  // editor2's sessions are ended here; nothing else in this file uses them.
  newsroomLogoutEverywhere: async () => ({ path: {}, cred: { token: (await login(srv, 'editor2')).token } }),
  newsroomMe: async () => ({ path: {} }),
  listUsers: async () => ({ path: {} }),
  createUser: async () => ({ path: {}, body: { username: `u${unique()}`, displayName: 'کاربر', role: 'reporter', password: PASSWORD } }),
  updateUser: async () => ({ path: { id: staff.users.reporter2.id }, body: { displayName: 'خبرنگار دوم' } }),
  listDesks: async () => ({ path: {} }),
  createDesk: async () => ({ path: {}, body: { name: `سرویس ${unique()}` } }),
  setDeskEditors: async () => ({ path: { id: staff.desks.econ }, body: { editors: [staff.users.editor2.id] } }),
  listItems: async () => ({ path: {}, query: { desk: staff.desks.az, state: 'draft', limit: 5 } }),
  fileItem: async () => ({ path: {}, body: { deskId: staff.desks.az, ...draft() } }),
  getItem: async () => ({ path: { id: await item('locked') } }),
  saveItem: async () => ({ path: { id: await item() }, body: { ...draft('تیتر تازه'), revision: 1 } }),
  submitItem: async () => ({ path: { id: await item() }, cred: { token: staff.tokens.reporter } }),
  returnItem: async () => ({ path: { id: await item('submitted') }, body: { note: 'منبع؟' } }),
  publishItem: async () => ({ path: { id: await item('submitted') } }),
  scheduleItem: async () => ({ path: { id: await item('submitted') }, body: { at: future() } }),
  unscheduleItem: async () => ({ path: { id: await item('scheduled') } }),
  correctItem: async () => ({ path: { id: await item('published') }, body: { note: 'اصلاح', draft: draft('تیتر اصلاح‌شده') } }),
  killItem: async () => ({ path: { id: await item('published') }, body: { note: 'لغو' } }),
  lockItem: async () => ({ path: { id: await item() } }),
  unlockItem: async () => ({ path: { id: await item('locked') }, cred: { token: staff.tokens.editor } }),
  breakLockItem: async () => ({ path: { id: await item('locked') } }),
  listItemRevisions: async () => ({ path: { id: await item('published') } }),
  diffItemRevisions: async () => ({ path: { id: await item('published') }, query: { from: 1, to: 3 } }),
  listAudit: async () => ({ path: {}, query: { limit: 10 } }),
  listWebhooks: async () => ({ path: {} }),
  createWebhook: async () => ({ path: {}, body: { url: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-some-length' } }),
  deleteWebhook: async () => ({ path: { id: (await srv.newsroom.createWebhook(staff.users.admin, 'http://127.0.0.1:9/x', 'a-secret-of-some-length')).id } }),
};

/** A request that conflicts (409), per operation documenting it. */
const CONFLICT: Record<string, () => Promise<Req>> = {
  createUser: async () => ({ path: {}, body: { username: 'reporter', displayName: 'x', role: 'reporter', password: PASSWORD } }),
  updateUser: async () => ({ path: { id: staff.users.admin.id }, body: { role: 'chief' } }),
  createDesk: async () => ({ path: {}, body: { name: 'سرویس آذربایجان' } }),
  saveItem: async () => {
    const id = await item();
    await srv.newsroom.save(staff.users.reporter, id, draft('نسخه‌ی دوم'), 1);
    return { path: { id }, body: { ...draft('بر پایه‌ی نسخه‌ی کهنه'), revision: 1 } };
  },
  submitItem: async () => ({ path: { id: await item('published') }, cred: { token: staff.tokens.reporter } }),
  returnItem: async () => ({ path: { id: await item('published') }, body: { note: 'x' } }),
  publishItem: async () => ({ path: { id: await item('scheduled') } }),
  scheduleItem: async () => ({ path: { id: await item('published') }, body: { at: future() } }),
  unscheduleItem: async () => ({ path: { id: await item('submitted') } }),
  correctItem: async () => ({ path: { id: await item('submitted') }, body: { note: 'x' } }),
  killItem: async () => ({ path: { id: await item('submitted') }, body: { note: 'x' } }),
  lockItem: async () => ({ path: { id: await item('locked') }, cred: { token: staff.tokens.reporter } }),
};

function url(path: string, req: Req): string {
  const p = path.replace(/\{(\w+)\}/g, (_, k: string) => String(req.path[k]));
  const qs = new URLSearchParams(Object.entries(req.query ?? {}).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return `${p.replace(/^\/newsroom/, '')}${qs ? `?${qs}` : ''}`;
}

async function send(method: string, path: string, req: Req): Promise<Answer> {
  return call(srv, method.toUpperCase(), url(path, req), 'cred' in req ? req.cred : admin(), req.body, req.headers ?? {});
}

function operations(): Array<{ path: string; method: string; op: Obj }> {
  const out: Array<{ path: string; method: string; op: Obj }> = [];
  for (const [path, item] of Object.entries(resolved['paths'] as Obj)) {
    if (!path.startsWith('/newsroom/')) continue;
    for (const [method, op] of Object.entries(item as Obj)) out.push({ path, method, op: op as Obj });
  }
  return out;
}

describe('every newsroom path and method answers as documented', () => {
  it('documents the security schemes and every operation needs a session (except login)', () => {
    expect(Object.keys(resolved['components'].securitySchemes).sort()).toEqual(['bearerToken', 'csrfHeader', 'sessionCookie']);
    const ops = operations();
    expect(ops.length).toBe(Object.keys(SUCCESS).length);
    for (const { op } of ops) {
      expect(SUCCESS[op['operationId']], op['operationId']).toBeDefined();
      expect(op['security'].length, op['operationId']).toBe(op['operationId'] === 'newsroomLogin' ? 0 : 2);
    }
  });

  it('success: the documented status, a body valid against the documented schema, no-store', async () => {
    for (const { path, method, op } of operations()) {
      const req = await SUCCESS[op['operationId']]!();
      const res = await send(method, path, req);
      const where = `${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
      const ok = Object.keys(op['responses']).filter((s) => s.startsWith('2'));
      expect(ok, where).toContain(String(res.status));
      expect(res.headers.get('cache-control'), where).toBe('no-store');
      const schema = op['responses'][res.status]?.content?.['application/json']?.schema;
      if (schema) expect(schemaError(schema, res.body), where).toBeUndefined();
      else expect(res.body, where).toBeUndefined();
    }
  });

  it('every documented error status, provoked, with the Error body', async () => {
    const documented = new Set<string>();
    const provoked = new Set<string>();
    for (const { path, method, op } of operations()) {
      const id = op['operationId'] as string;
      const unsafe = method !== 'get';
      for (const status of Object.keys(op['responses']).filter((s) => Number(s) >= 400)) {
        documented.add(`${id} ${status}`);
        const base = await SUCCESS[id]!();
        let req: Req;
        switch (status) {
          case '400':
            req = op['requestBody'] ? { ...base, body: { ...(base.body as Obj ?? {}), notAField: 1 } }
              : { ...base, query: { ...base.query, ...(id === 'diffItemRevisions' ? { from: 'abc' } : { limit: 0 }) } };
            break;
          case '401':
            req = { ...base, cred: undefined, ...(id === 'newsroomLogin' ? { body: { username: 'reporter', password: 'wrong password' } } : {}) };
            break;
          case '403':
            if (id === 'newsroomLogin') req = { ...base, headers: { Origin: 'https://evil.example' } };
            else if (unsafe) {
              const s = await login(srv, 'admin');
              req = { ...base, cred: { cookie: s.token } }; // no CSRF header
            } else req = { ...base, cred: { token: staff.tokens.reporter2 } };
            break;
          case '404':
            req = Object.keys(base.path).length > 0 ? { ...base, path: { ...base.path, id: 987654321 } }
              : id === 'fileItem' ? { ...base, body: { ...(base.body as Obj), deskId: 987654 } } : { ...base, query: { desk: 987654 } };
            break;
          case '409':
            req = await CONFLICT[id]!();
            break;
          case '413':
            req = { ...base, body: { ...(base.body as Obj ?? {}), pad: 'x'.repeat(1_100_000) } };
            break;
          case '429': {
            const victim = `u${unique()}`;
            await srv.newsroom.createUser(staff.users.admin, { username: victim, displayName: 'x', role: 'reporter', password: PASSWORD });
            for (let i = 0; i < 5; i++) await call(srv, 'POST', '/login', undefined, { username: victim, password: `wrong ${i} password` });
            req = { ...base, body: { username: victim, password: PASSWORD } };
            break;
          }
          default:
            throw new Error(`${id}: no way to provoke ${status}`);
        }
        const res = await send(method, path, req);
        const where = `${id} → ${status}: got ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
        expect(res.status, where).toBe(Number(status));
        expect(schemaError(op['responses'][status].content['application/json'].schema, res.body), where).toBeUndefined();
        // 413 is the app's body limit, answered before the newsroom routes (and never cached: not a GET).
        if (status !== '413') expect(res.headers.get('cache-control'), where).toBe('no-store');
        provoked.add(`${id} ${status}`);
      }
    }
    expect([...provoked].sort()).toEqual([...documented].sort());
  });
});
