/**
 * The newsroom UI over HTTP (issue #6 item 5): the login form sets the session cookie (HttpOnly,
 * SameSite); every form POST needs the session's CSRF token (none or a wrong one: 403, nothing changed);
 * each page renders for the roles that may see it and refuses the others (login redirect or a Persian
 * 403 page); markup typed into a headline is escaped on the editor, queue and history pages; a save based
 * on a stale revision shows the Persian conflict message with the user's text kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.js';
import { AZ, draft, PASSWORD, seedNewsroom, type Staff } from './newsroom-client.js';

let srv: TestServer;
let staff: Staff;

interface Browser {
  cookie: string;
  csrf: string;
}

/** Logs in through the form, as a browser does. */
async function formLogin(username: string, password = PASSWORD): Promise<{ res: Response; session?: Browser }> {
  const res = await fetch(`${srv.url}/newsroom/login`, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: srv.url },
    body: new URLSearchParams({ username, password, next: '/newsroom' }),
  });
  const set = res.headers.get('set-cookie') ?? '';
  const m = /khabar_session=([^;]+)/.exec(set);
  if (!m) return { res };
  const cookie = m[1]!;
  const page = await get('/newsroom', { cookie, csrf: '' });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
  return { res, session: { cookie, csrf } };
}

async function get(path: string, who?: Browser): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(srv.url + path, { redirect: 'manual', headers: who ? { Cookie: `khabar_session=${who.cookie}` } : {} });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

async function post(path: string, who: Browser | undefined, fields: Record<string, string>, csrf = who?.csrf): Promise<{ status: number; text: string; headers: Headers }> {
  const body = new URLSearchParams(fields);
  if (csrf !== undefined) body.set('_csrf', csrf);
  const res = await fetch(srv.url + path, {
    method: 'POST', redirect: 'manual', body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(who ? { Cookie: `khabar_session=${who.cookie}` } : {}) },
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

const sessions = {} as Record<'reporter' | 'reporter2' | 'editor' | 'editor2' | 'chief' | 'admin', Browser>;

beforeAll(async () => {
  srv = await startTestServer({ demo: false });
  staff = await seedNewsroom(srv);
  for (const p of ['reporter', 'reporter2', 'editor', 'editor2', 'chief', 'admin'] as const) {
    const { session } = await formLogin(p);
    sessions[p] = session!;
  }
}, 60_000);

afterAll(async () => {
  await srv?.close();
});

describe('login', () => {
  it('the form renders, and a good login sets an HttpOnly SameSite cookie and redirects', async () => {
    const page = await get('/newsroom/login');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toContain('<html lang="fa" dir="rtl">');
    expect(page.text).toContain('<label for="f-username">نام کاربری</label>');
    const { res, session } = await formLogin('reporter');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/newsroom');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(session?.csrf).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('a wrong password is said in Persian; a login from another origin is refused', async () => {
    const res = await fetch(`${srv.url}/newsroom/login`, {
      method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'editor2', password: 'نادرست' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.text()).toContain('نام کاربری یا گذرواژه نادرست است.');
    const cross = await fetch(`${srv.url}/newsroom/login`, {
      method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: new URLSearchParams({ username: 'editor2', password: PASSWORD }),
    });
    expect(cross.status).toBe(403);
    expect(cross.headers.get('set-cookie')).toBeNull();
  });

  it('throttling is shown in Persian with 429', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 12; i++) {
      last = await fetch(`${srv.url}/newsroom/login`, {
        method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: 'nobody-here', password: 'x' }),
      });
      if (last.status === 429) break;
    }
    expect(last!.status).toBe(429);
    expect(await last!.text()).toMatch(/تلاش‌های ناموفق برای ورود بیش از اندازه بوده است\. لطفاً [۰-۹]+ دقیقهٔ دیگر/);
  });

  it('without a session the pages redirect to the login and come back', async () => {
    for (const path of ['/newsroom', '/newsroom/items/new', '/newsroom/items/1', '/newsroom/items/1/history', '/newsroom/audit']) {
      const r = await get(path);
      expect(r.status, path).toBe(303);
      expect(r.headers.get('location'), path).toMatch(/^\/newsroom\/login/);
    }
    expect((await get('/newsroom/audit')).headers.get('location')).toBe('/newsroom/login?next=%2Fnewsroom%2Faudit');
    const r = await post('/newsroom/items', undefined, { headline: 'x' });
    expect(r.status).toBe(303);
  });

  it('logout ends the session; logout everywhere ends every session of the user', async () => {
    const a = (await formLogin('editor2')).session!;
    const b = (await formLogin('editor2')).session!;
    const out = await post('/newsroom/logout', a, {});
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/khabar_session=;/);
    expect((await get('/newsroom', a)).status).toBe(303);
    expect((await get('/newsroom', b)).status).toBe(200);
    const c = (await formLogin('editor2')).session!;
    expect((await post('/newsroom/logout-everywhere', c, {})).status).toBe(303);
    expect((await get('/newsroom', b)).status).toBe(303);
    expect((await get('/newsroom', c)).status).toBe(303);
    sessions.editor2 = (await formLogin('editor2')).session!;
  });
});

describe('CSRF', () => {
  it('a form POST without or with a wrong token is 403 and changes nothing', async () => {
    const before = await srv.store.newsroom.listItems({ limit: 1000 });
    const fields = { deskId: String(staff.desks.az), headline: 'خبر بدون رمز', lead: '', body: '', keywords: '', urgency: '' };
    const none = await post('/newsroom/items', sessions.reporter, fields, '');
    expect(none.status).toBe(403);
    expect(none.text).toContain('رمز امنیتی (CSRF)');
    const wrong = await post('/newsroom/items', sessions.reporter, fields, sessions.editor.csrf);
    expect(wrong.status).toBe(403);
    expect((await srv.store.newsroom.listItems({ limit: 1000 })).length).toBe(before.length);

    const item = await srv.newsroom.file(staff.users.reporter, staff.desks.az, draft('خبر برای آزمون CSRF'));
    const save = await post(`/newsroom/items/${item.id}`, sessions.reporter, { op: 'save', revision: String(item.revision), headline: 'دستکاری' }, 'x'.repeat(43));
    expect(save.status).toBe(403);
    expect((await srv.store.newsroom.getItem(item.id))!.revision).toBe(item.revision);
    // Logout too: a cross-site form must not end someone's session.
    expect((await post('/newsroom/logout', sessions.reporter, {}, '')).status).toBe(403);
    expect((await get('/newsroom', sessions.reporter)).status).toBe(200);
  });
});

describe('pages by role', () => {
  let own: number;
  let econ: number;
  beforeAll(async () => {
    own = (await srv.newsroom.file(staff.users.reporter, staff.desks.az, draft('خبر خبرنگار تبریز'))).id;
    econ = (await srv.newsroom.file(staff.users.reporter2, staff.desks.econ, draft('خبر اقتصادی خبرنگار دوم'))).id;
  });

  it('queues: a reporter sees own items only, an editor their desk, a chief all', async () => {
    const r = await get('/newsroom', sessions.reporter);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.text).toContain('خبر خبرنگار تبریز');
    expect(r.text).not.toContain('خبر اقتصادی خبرنگار دوم');
    for (const s of ['پیش‌نویس', 'ارسال‌شده برای دبیر', 'بازگشته به خبرنگار', 'زمان‌بندی‌شده', 'منتشرشده', 'باطل‌شده']) expect(r.text).toContain(s);
    const e = await get('/newsroom', sessions.editor);
    expect(e.text).toContain('خبر خبرنگار تبریز');
    expect(e.text).not.toContain('خبر اقتصادی خبرنگار دوم');
    const c = await get('/newsroom', sessions.chief);
    expect(c.text).toContain('خبر خبرنگار تبریز');
    expect(c.text).toContain('خبر اقتصادی خبرنگار دوم');
    expect(c.text).toContain('خبرنگار تبریز'); // author column
  });

  it('editor page: readable by its author, desk editor and chief; a Persian 403 for the others', async () => {
    for (const who of ['reporter', 'editor', 'chief', 'admin'] as const) {
      const r = await get(`/newsroom/items/${own}`, sessions[who]);
      expect(r.status, who).toBe(200);
      expect(r.text, who).toContain('<pre dir="rtl" class="nr-wire" id="wire-preview">');
    }
    for (const who of ['reporter2', 'editor2'] as const) {
      const r = await get(`/newsroom/items/${own}`, sessions[who]);
      expect(r.status, who).toBe(403);
      expect(r.text).toContain('شما اجازهٔ «خواندن این خبر» را ندارید.');
      const h = await get(`/newsroom/items/${own}/history`, sessions[who]);
      expect(h.status, who).toBe(403);
    }
    expect((await get(`/newsroom/items/${econ}`, sessions.editor2)).status).toBe(200);
    expect((await get('/newsroom/items/999999', sessions.chief)).status).toBe(404);
    expect((await get('/newsroom/items/abc', sessions.chief)).status).toBe(404);
  });

  it('buttons follow the service: a reporter submits, the desk editor publishes, the chief corrects and kills', async () => {
    const rep = (await get(`/newsroom/items/${own}`, sessions.reporter)).text;
    expect(rep).toContain('value="submit"');
    expect(rep).not.toContain('value="publish"');
    // The reporter opened it first and holds the lock; let it go so the editor's view is the usual one.
    await post(`/newsroom/items/${own}`, sessions.reporter, { op: 'unlock' });
    const ed = (await get(`/newsroom/items/${own}`, sessions.editor)).text;
    expect(ed).toContain('value="publish"');
    expect(ed).not.toContain('value="kill"');
    // A POST of a move the user may not make is refused by the service: a 403 page, nothing changed.
    const r = await post(`/newsroom/items/${own}`, sessions.reporter2, { op: 'publish' });
    expect(r.status).toBe(403);
    expect(r.text).toContain('«خواندن این خبر»');
    const pub = await post(`/newsroom/items/${own}`, sessions.reporter, { op: 'publish', headline: 'خبر خبرنگار تبریز' });
    expect(pub.status).toBe(403);
    expect(pub.text).toContain('«انتشار این خبر»');
    expect((await srv.store.newsroom.getItem(own))!.state).toBe('draft');
  });

  it('audit: chief and admin; a Persian 403 for reporters and editors; paginated', async () => {
    for (const who of ['chief', 'admin'] as const) {
      const r = await get('/newsroom/audit', sessions[who]);
      expect(r.status, who).toBe(200);
      expect(r.text).toContain('<table class="nr-table" id="audit">');
      expect(r.text).toContain('ورود');
    }
    for (const who of ['reporter', 'editor'] as const) {
      const r = await get('/newsroom/audit', sessions[who]);
      expect(r.status, who).toBe(403);
      expect(r.text).toContain('شما اجازهٔ «دیدن گزارش رویدادها» را ندارید.');
    }
    for (let i = 0; i < 60; i++) await srv.store.newsroom.appendAudit({ action: 'login', userId: staff.users.chief.id, at: new Date().toISOString() });
    const first = await get('/newsroom/audit', sessions.chief);
    const older = /href="\/newsroom\/audit\?before=(\d+)"/.exec(first.text);
    expect(older).not.toBeNull();
    const next = await get(`/newsroom/audit?before=${older![1]}`, sessions.chief);
    expect(next.status).toBe(200);
    expect(next.text).toContain('تازه‌ترین‌ها');
  });

  it('new story form: anyone logged in files into a desk, and lands on the editor', async () => {
    const page = await get('/newsroom/items/new', sessions.reporter);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`>${AZ}</option>`);
    const r = await post('/newsroom/items', sessions.reporter, {
      deskId: String(staff.desks.az), headline: 'گزارش تازه از تبریز', lead: 'لید', body: 'بند یکم.\n\nبند دوم.', keywords: 'تبریز، برف', urgency: '3',
    });
    expect(r.status).toBe(303);
    const loc = r.headers.get('location')!;
    expect(loc).toMatch(/^\/newsroom\/items\/\d+\?done=created$/);
    const id = Number(/items\/(\d+)/.exec(loc)![1]);
    const item = (await srv.store.newsroom.getItem(id))!;
    expect(item.draft.body).toEqual(['بند یکم.', 'بند دوم.']);
    expect(item.draft.keywords).toEqual(['تبریز', 'برف']);
    expect(item.draft.urgency).toBe(3);
    const missing = await post('/newsroom/items', sessions.reporter, { deskId: String(staff.desks.az), headline: '  ', lead: 'لید نگه‌داشته' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('تیتر لازم است.');
    expect(missing.text).toContain('لید نگه‌داشته');
  });
});

describe('escaping and conflicts', () => {
  it('<script> in a headline is text on the editor, queue and history pages', async () => {
    const evil = '<script>alert(1)</script> «تیتر» & "نقل" \'تک\'';
    const item = await srv.newsroom.file(staff.users.reporter, staff.desks.az, { ...draft(evil), body: ['<img src=x onerror=alert(1)>'] });
    await srv.newsroom.save(staff.users.reporter, item.id, { ...draft(`${evil} دوم`) }, 1);
    for (const path of [`/newsroom/items/${item.id}`, '/newsroom', `/newsroom/items/${item.id}/history`]) {
      const r = await get(path, sessions.reporter);
      expect(r.status, path).toBe(200);
      expect(r.text, path).not.toContain('<script>alert');
      expect(r.text, path).not.toContain('<img src=x');
      expect(r.text, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('history: every revision with who and when, and the word diff between two', async () => {
    const item = await srv.newsroom.file(staff.users.reporter, staff.desks.az, draft('برف در تبریز'));
    await srv.newsroom.save(staff.users.reporter, item.id, draft('برف سنگین در تبریز'), 1);
    const r = await get(`/newsroom/items/${item.id}/history?from=1&to=2`, sessions.editor);
    expect(r.status).toBe(200);
    expect(r.text).toContain('خبرنگار تبریز');
    expect(r.text).toMatch(/<ins>سنگین ?<\/ins>/);
    expect(r.text).toMatch(/ساعت [۰-۹]+:[۰-۹]+/);
    expect((await get(`/newsroom/items/${item.id}/history?from=1&to=9`, sessions.editor)).status).toBe(404);
  });

  it('a stale-revision save shows the Persian conflict message and keeps the user\'s text', async () => {
    const item = await srv.newsroom.file(staff.users.reporter, staff.desks.az, draft('خبر برای تعارض'));
    await srv.newsroom.submit(staff.users.reporter, item.id);
    // The editor opens it (revision 2) and someone else saves meanwhile (a chief, ignoring nothing: they break the lock).
    const opened = await get(`/newsroom/items/${item.id}`, sessions.editor);
    const rev = /name="revision" value="(\d+)"/.exec(opened.text)![1]!;
    await post(`/newsroom/items/${item.id}`, sessions.editor, { op: 'unlock' });
    await srv.newsroom.save(staff.users.chief, item.id, draft('تغییر سردبیر'), Number(rev));
    const mine = 'متن دبیر که نباید گم شود';
    const r = await post(`/newsroom/items/${item.id}`, sessions.editor, {
      op: 'save', revision: rev, headline: 'تیتر دبیر', lead: 'لید دبیر', body: `${mine}\n\nبند دوم دبیر`, keywords: 'یک، دو', urgency: '2',
    });
    expect(r.status).toBe(409);
    expect(r.text).toContain('توسط کس دیگری تغییر کرده است؛ تغییر شما ذخیره نشد. متن شما در فرم زیر حفظ شده است');
    expect(r.text).toContain('value="تیتر دبیر"');
    expect(r.text).toContain(`${mine}\n\nبند دوم دبیر</textarea>`);
    expect(r.text).toContain('>لید دبیر</textarea>');
    expect((await srv.store.newsroom.getItem(item.id))!.draft.headline).toBe('تغییر سردبیر');
  });

  it('a save refused by another editor\'s lock names the holder and keeps the text', async () => {
    const item = await srv.newsroom.file(staff.users.reporter, staff.desks.az, draft('خبر قفل‌شده'));
    await srv.newsroom.submit(staff.users.reporter, item.id);
    const chiefView = await get(`/newsroom/items/${item.id}`, sessions.chief); // the chief takes the lock
    expect(chiefView.status).toBe(200);
    const opened = await get(`/newsroom/items/${item.id}`, sessions.editor);
    expect(opened.text).toContain('در حال ویرایش توسط سردبیر');
    const r = await post(`/newsroom/items/${item.id}`, sessions.editor, { op: 'save', revision: '2', headline: 'تیتر من', body: 'متن من' });
    expect(r.status).toBe(409);
    expect(r.text).toContain('این خبر در حال ویرایش توسط «سردبیر» است؛ تغییر شما ذخیره نشد.');
    expect(r.text).toContain('value="تیتر من"');
    expect(r.text).toContain('>متن من</textarea>');
  });
});

describe('normalizer suggestions and the workflow through forms', () => {
  it('suggestions are shown, applied with one click, and the story published', async () => {
    const item = await srv.newsroom.file(staff.users.reporter, staff.desks.az, {
      headline: 'دانشجویان می دانند', lead: 'همكاري استانها', body: ['متن يك بند.'],
    });
    await srv.newsroom.submit(staff.users.reporter, item.id);
    const page = await get(`/newsroom/items/${item.id}`, sessions.editor);
    expect(page.text).toContain('پیشنهادهای ویراستار');
    expect(page.text).toMatch(/<del>می دانند<\/del><ins>می‌دانند<\/ins>/);
    const fields = (text: string) => ({
      revision: /name="revision" value="(\d+)"/.exec(text)![1]!,
      headline: 'دانشجویان می دانند', lead: 'همكاري استانها', body: 'متن يك بند.', keywords: '', urgency: '',
    });
    const apply = await post(`/newsroom/items/${item.id}`, sessions.editor, { ...fields(page.text), op: 'normalize' });
    expect(apply.status).toBe(303);
    const saved = (await srv.store.newsroom.getItem(item.id))!;
    expect(saved.draft.headline).toBe('دانشجویان می‌دانند');
    expect(saved.draft.body[0]).not.toMatch(/[يك]/);
    const after = await get(`/newsroom/items/${item.id}?done=normalize`, sessions.editor);
    expect(after.text).toContain('پیشنهادی نیست');
    expect(after.text).toContain('پیشنهادهای ویراستار اعمال و ذخیره شد.');
    const f = fields(after.text);
    const pub = await post(`/newsroom/items/${item.id}`, sessions.editor, { ...f, headline: saved.draft.headline, lead: saved.draft.lead ?? '', body: saved.draft.body.join('\n\n'), op: 'publish' });
    expect(pub.status).toBe(303);
    expect((await srv.store.newsroom.getItem(item.id))!.state).toBe('published');
    // The live-suggestion endpoint gives the same fragment for the editor's script.
    const frag = await post('/newsroom/suggest', sessions.editor, { headline: 'می دانند', lead: '', body: '', keywords: '' });
    expect(frag.status).toBe(200);
    expect(frag.text).toMatch(/<ins>می‌دانند<\/ins>/);
    expect((await post('/newsroom/suggest', sessions.editor, { headline: 'x' }, '')).status).toBe(403);
  });

  it('return, correct and kill need a note: the Persian message, the text kept', async () => {
    const item = await srv.newsroom.file(staff.users.reporter, staff.desks.az, draft('خبر برای یادداشت'));
    await srv.newsroom.submit(staff.users.reporter, item.id);
    const r = await post(`/newsroom/items/${item.id}`, sessions.editor, { op: 'return', revision: '2', headline: 'خبر برای یادداشت', note: '' });
    expect(r.status).toBe(400);
    expect(r.text).toContain('برای این کار یادداشت لازم است');
    const ok = await post(`/newsroom/items/${item.id}`, sessions.editor, {
      op: 'return', revision: '2', headline: 'خبر برای یادداشت', lead: String(draft()['lead']), body: (draft()['body'] as string[]).join('\n\n'),
      keywords: 'تبریز، برف', urgency: '4', note: 'منبع را بنویسید',
    });
    expect(ok.status).toBe(303);
    const back = (await srv.store.newsroom.getItem(item.id))!;
    expect(back.state).toBe('returned');
    expect(back.note).toBe('منبع را بنویسید');
  });

  it('static files: the stylesheet and the editor script from /newsroom/assets, cached for a year', async () => {
    const page = await get('/newsroom/login');
    const css = /href="(\/newsroom\/assets\/newsroom-[^"]+\.css)"/.exec(page.text)![1]!;
    const r = await fetch(srv.url + css);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toContain('immutable');
    const editor = await get(`/newsroom/items/new`, sessions.reporter);
    const js = /<script src="(\/newsroom\/assets\/editor-[^"]+\.js)" defer=""><\/script>/.exec(editor.text)![1]!;
    expect((await fetch(srv.url + js)).headers.get('content-type')).toContain('javascript');
    expect(editor.text).not.toMatch(/<script>|<style|style="/);
  });
});
