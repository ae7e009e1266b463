/**
 * Newsroom authentication over HTTP: login throttling, session fixation, logout and logout everywhere,
 * CSRF on cookie-authenticated unsafe requests, cookie attributes, passwords stored as scrypt.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNewsroom } from '../src/newsroom/index.js';
import { openSqliteStore } from '../src/store/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.js';
import { PASSWORD, call, login, seedNewsroom, type Staff } from './newsroom-client.js';

let srv: TestServer;
let staff: Staff;

beforeAll(async () => {
  srv = await startTestServer({ demo: false });
  staff = await seedNewsroom(srv);
});
afterAll(async () => srv?.close());

const cookieOf = (res: { headers: Headers }): string => /khabar_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';

describe('login', () => {
  it('sets an HttpOnly SameSite=Strict cookie on / with Max-Age; answers no-store; wrong passwords are 401', async () => {
    const { res, token, csrfToken, user, expiresAt } = await login(srv, 'reporter');
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/^khabar_session=[A-Za-z0-9_-]{43};/);
    expect(set).toMatch(/; HttpOnly/i);
    expect(set).toMatch(/; SameSite=Strict/i);
    expect(set).toMatch(/; Path=\//);
    expect(set).toMatch(/; Max-Age=\d+/);
    expect(set).not.toMatch(/Secure/); // http base URL
    expect(cookieOf(res)).toBe(token);
    expect(csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(user).toMatchObject({ username: 'reporter', role: 'reporter' });
    expect(user).not.toHaveProperty('passwordHash');
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bad = await call(srv, 'POST', '/login', undefined, { username: 'reporter', password: 'not the password' });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'wrong username or password' });
    const unknown = await call(srv, 'POST', '/login', undefined, { username: 'nobody', password: 'not the password' });
    expect(unknown.body).toEqual(bad.body);
    expect((await call(srv, 'POST', '/login', undefined, { username: 'reporter' })).status).toBe(400);
  });

  it('refuses a cross-site Origin at login; the same origin is fine', async () => {
    const cross = await call(srv, 'POST', '/login', undefined, { username: 'reporter', password: PASSWORD }, { Origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    const same = await call(srv, 'POST', '/login', undefined, { username: 'reporter', password: PASSWORD }, { Origin: srv.url });
    expect(same.status).toBe(200);
  });

  it('throttles: after 5 failures for a username, 429 with Retry-After even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await call(srv, 'POST', '/login', undefined, { username: 'reporter2', password: `wrong ${i} password` })).status).toBe(401);
    }
    const limited = await call(srv, 'POST', '/login', undefined, { username: 'reporter2', password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other users are not affected.
    expect((await call(srv, 'POST', '/login', undefined, { username: 'editor', password: PASSWORD })).status).toBe(200);
  });
});

describe('sessions', () => {
  it('session fixation: a cookie presented at login is not reused, and stops working', async () => {
    const first = await login(srv, 'editor');
    const res = await call(srv, 'POST', '/login', { cookie: first.token }, { username: 'editor', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.token).not.toBe(first.token);
    expect(cookieOf(res)).toBe(res.body.token);
    expect((await call(srv, 'GET', '/me', { token: first.token })).status).toBe(401);
    // A made-up token planted in the cookie is not adopted either.
    const planted = 'A'.repeat(43);
    const r2 = await call(srv, 'POST', '/login', { cookie: planted }, { username: 'editor', password: PASSWORD });
    expect(r2.body.token).not.toBe(planted);
    expect((await call(srv, 'GET', '/me', { cookie: planted })).status).toBe(401);
  });

  it('logout ends the session; logout-everywhere ends all of them', async () => {
    const a = await login(srv, 'chief');
    const b = await login(srv, 'chief');
    const me = await call(srv, 'GET', '/me', { cookie: a.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { username: 'chief' }, csrfToken: a.csrfToken });
    const out = await call(srv, 'POST', '/logout', { cookie: a.token, csrf: a.csrfToken });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/khabar_session=;.*Max-Age=0/);
    expect((await call(srv, 'GET', '/me', { cookie: a.token })).status).toBe(401);
    expect((await call(srv, 'GET', '/me', { token: b.token })).status).toBe(200);
    const c = await login(srv, 'chief');
    const all = await call(srv, 'POST', '/logout-everywhere', { token: c.token });
    expect(all.status).toBe(200);
    expect(all.body.sessions).toBeGreaterThanOrEqual(3);
    for (const t of [b.token, c.token, staff.tokens.chief]) expect((await call(srv, 'GET', '/me', { token: t })).status).toBe(401);
    staff.tokens.chief = (await login(srv, 'chief')).token;
  });

  it('without a session: 401; a malformed or unknown bearer token: 401', async () => {
    const anon = await call(srv, 'GET', '/me');
    expect(anon.status).toBe(401);
    expect(anon.headers.get('cache-control')).toBe('no-store');
    expect(anon.body.error.code).toBe('UNAUTHENTICATED');
    expect((await call(srv, 'GET', '/items')).status).toBe(401);
    expect((await call(srv, 'GET', '/me', undefined, undefined, { Authorization: 'Basic abc' })).status).toBe(401);
    expect((await call(srv, 'GET', '/me', { token: 'B'.repeat(43) })).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('a cookie-authenticated unsafe request needs the session\'s X-CSRF-Token; bearer requests do not', async () => {
    const s = await login(srv, 'reporter');
    const body = { deskId: staff.desks.az, headline: 'آزمون توکن ضد جعل درخواست' };
    const before = (await call(srv, 'GET', '/items', { token: s.token })).body.items.length;
    const none = await call(srv, 'POST', '/items', { cookie: s.token }, body);
    expect(none.status).toBe(403);
    expect(none.body.error.message).toMatch(/X-CSRF-Token/);
    const other = await login(srv, 'reporter');
    const wrong = await call(srv, 'POST', '/items', { cookie: s.token, csrf: other.csrfToken }, body);
    expect(wrong.status).toBe(403);
    expect((await call(srv, 'GET', '/items', { token: s.token })).body.items.length).toBe(before);
    const right = await call(srv, 'POST', '/items', { cookie: s.token, csrf: s.csrfToken }, body);
    expect(right.status).toBe(201);
    const bearer = await call(srv, 'POST', '/items', { token: s.token }, body);
    expect(bearer.status).toBe(201);
    // Safe methods need no token.
    expect((await call(srv, 'GET', `/items/${right.body.id}`, { cookie: s.token })).status).toBe(200);
    // Logout by cookie needs it too.
    expect((await call(srv, 'POST', '/logout', { cookie: s.token })).status).toBe(403);
  });

  it('bodies must be JSON: a form post is refused', async () => {
    const res = await fetch(`${srv.url}/api/v1/newsroom/items`, {
      method: 'POST', headers: { Authorization: `Bearer ${staff.tokens.reporter}`, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'headline=x',
    });
    expect(res.status).toBe(400);
  });
});

describe('passwords', () => {
  it('are stored as scrypt hashes, never as the password (checked in the database file and its WAL)', async () => {
    const u = await srv.store.newsroom.getUserByUsername('reporter');
    expect(u!.passwordHash).toMatch(/^scrypt\$\d+\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    const dir = mkdtempSync(join(tmpdir(), 'khabar-newsroom-auth-'));
    try {
      const file = join(dir, 'khabar.db');
      const store = await openSqliteStore(file);
      const nr = createNewsroom({ store, scrypt: { N: 2 ** 14, r: 8, p: 1 } });
      const secret = 'رمز-بسیار-یکتا-برای-آزمون-۹۸۷۶';
      await nr.bootstrapAdmin({ username: 'root', displayName: 'root', password: secret });
      const bytes = () => Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
      for (const enc of ['utf8', 'utf16le'] as const) expect(bytes().includes(Buffer.from(secret, enc))).toBe(false);
      expect(bytes().includes(Buffer.from('scrypt$16384$8$1$'))).toBe(true);
      await store.close();
      expect(bytes().includes(Buffer.from(secret))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a user changes their own password with the current one; the old sessions end', async () => {
    const s = await login(srv, 'editor2');
    const id = staff.users.editor2.id;
    expect((await call(srv, 'PATCH', `/users/${id}`, { token: s.token }, { password: 'گذرواژه‌ی تازه‌ی دبیر' })).status).toBe(403);
    expect((await call(srv, 'PATCH', `/users/${id}`, { token: s.token }, { password: 'گذرواژه‌ی تازه‌ی دبیر', currentPassword: PASSWORD })).status).toBe(204);
    expect((await call(srv, 'GET', '/me', { token: s.token })).status).toBe(401);
    expect((await call(srv, 'POST', '/login', undefined, { username: 'editor2', password: 'گذرواژه‌ی تازه‌ی دبیر' })).status).toBe(200);
  });
});
