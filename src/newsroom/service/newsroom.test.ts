import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store, type User } from '../../store/index.js';
import { createNewsroom, type Newsroom } from './newsroom.js';

const PASSWORD = 'گذرواژه‌ی خوب ۱۴۰۴';
const FAST = { N: 2 ** 14, r: 8, p: 1 };

let store: Store;
let nr: Newsroom;
let clock: Date;
let pokes: number;
let admin: User, chief: User, editor: User, otherEditor: User, reporter: User, otherReporter: User;
let deskId: number, otherDeskId: number;

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  clock = new Date('2025-09-05T09:00:00Z');
  pokes = 0;
  nr = createNewsroom({ store, now: () => clock, onWrite: () => { pokes++; }, scrypt: FAST });
  admin = await nr.bootstrapAdmin({ username: 'admin', displayName: 'مدیر', password: PASSWORD });
  const add = (username: string, role: User['role']) => nr.createUser(admin, { username, displayName: username, role, password: PASSWORD });
  [chief, editor, otherEditor, reporter, otherReporter] = await Promise.all([
    add('chief', 'chief'), add('editor', 'editor'), add('editor2', 'editor'), add('reporter', 'reporter'), add('reporter2', 'reporter'),
  ]);
  deskId = (await nr.createDesk(admin, 'سرویس آذربایجان')).id;
  otherDeskId = (await nr.createDesk(admin, 'سرویس اقتصادی')).id;
  await nr.setDeskEditors(admin, deskId, [editor.id]);
  await nr.setDeskEditors(admin, otherDeskId, [otherEditor.id]);
});
afterEach(async () => store.close());

const draft = { headline: 'بارش برف در تبریز', lead: 'برف راه‌ها را بست.', body: ['بند نخست.', 'بند دوم.'], keywords: ['تبریز'], urgency: 3 };

describe('newsroom service', () => {
  it('bootstrapAdmin works only while no admin exists; users need a good password', async () => {
    await expect(nr.bootstrapAdmin({ username: 'x', displayName: 'x', password: PASSWORD })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(nr.createUser(admin, { username: 'weak', displayName: 'w', role: 'reporter', password: 'short' }))
      .rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/at least 10/) });
    await expect(nr.createUser(chief, { username: 'y', displayName: 'y', role: 'reporter', password: PASSWORD })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(nr.updateUser(admin, admin.id, { role: 'chief' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('login: a new token each time, authenticate, logout, throttling after 5 failures', async () => {
    const a = await nr.login('reporter', PASSWORD, '10.0.0.1');
    const b = await nr.login('reporter', PASSWORD, '10.0.0.1');
    expect(a.token).not.toBe(b.token);
    expect((await nr.authenticate(a.token))?.user.id).toBe(reporter.id);
    await nr.logout(a.token);
    expect(await nr.authenticate(a.token)).toBeUndefined();
    expect(await nr.authenticate(b.token)).toBeDefined();
    expect(await nr.logoutEverywhere(reporter)).toBe(1);
    expect(await nr.authenticate(b.token)).toBeUndefined();
    for (let i = 0; i < 5; i++) await expect(nr.login('editor', 'wrong password!', '10.0.0.2')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(nr.login('editor', PASSWORD, '10.0.0.2')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await nr.login('editor', PASSWORD, '10.0.0.2')).user.id).toBe(editor.id);
  });

  it('file → submit → publish → correct → kill, with the wire poked and versions counted', async () => {
    const item = await nr.file(reporter, deskId, draft);
    expect(item).toMatchObject({ state: 'draft', revision: 1, draft: { service: 'سرویس آذربایجان', agency: 'خبرگزاری آران', headline: draft.headline } });
    await expect(nr.submit(editor, item.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(nr.publish(otherEditor, item.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const sub = await nr.submit(reporter, item.id);
    expect(sub.state).toBe('submitted');
    const pub = await nr.publish(editor, item.id);
    expect(pub).toMatchObject({ state: 'published', publishedVersion: 1 });
    expect(pokes).toBe(1);
    const code = pub.draft.code!;
    // The desk's editor corrects (issue #6's scenario); another desk's editor may not; a kill is the chief's.
    await expect(nr.correct(otherEditor, item.id, undefined, 'غلط')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(nr.correct(editor, item.id, undefined, '')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(nr.kill(editor, item.id, 'خبر نادرست بود')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const cor = await nr.correct(editor, item.id, { ...draft, headline: 'بارش سنگین برف در تبریز' }, 'تیتر اصلاح شد');
    expect(cor).toMatchObject({ state: 'published', publishedVersion: 2, draft: { code, correction: true, edNote: 'تیتر اصلاح شد' } });
    const killed = await nr.kill(chief, item.id, 'خبر نادرست بود');
    expect(killed).toMatchObject({ state: 'killed', publishedVersion: 3, draft: { pubStatus: 'canceled', code } });
    await expect(nr.publish(chief, item.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/kill is final/) });
    const events = await store.wireEvents(0, 10);
    expect(events.map((e) => e.kind)).toEqual(['published', 'updated', 'killed']);
    const actions = (await nr.audit(chief, { itemId: item.id })).map((e) => e.action).reverse();
    expect(actions).toEqual(['item.create', 'item.submit', 'item.publish', 'item.correct', 'item.kill']);
    const diff = await nr.diff(reporter, item.id, 1, 4);
    expect(diff.changed).toBe(true);
  });

  it('reporters see their own items; editors their desks\'; returned items go back with a note', async () => {
    const mine = await nr.file(reporter, deskId, draft);
    await nr.file(otherReporter, otherDeskId, draft);
    expect((await nr.list(reporter)).map((i) => i.id)).toEqual([mine.id]);
    expect((await nr.list(editor)).map((i) => i.id)).toEqual([mine.id]);
    expect(await nr.list(chief)).toHaveLength(2);
    await expect(nr.get(otherReporter, mine.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await nr.submit(reporter, mine.id);
    await expect(nr.returnToReporter(editor, mine.id, ' ')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const back = await nr.returnToReporter(editor, mine.id, 'منبع را بنویس');
    expect(back).toMatchObject({ state: 'returned', note: 'منبع را بنویس' });
    expect(back.actions).toEqual(expect.arrayContaining(['publish']));
  });

  it('locks: the second editor sees the holder; saves on an old revision are refused; a chief breaks the lock', async () => {
    await nr.setDeskEditors(admin, deskId, [editor.id, otherEditor.id]);
    const item = await nr.file(reporter, deskId, draft);
    expect((await nr.lock(editor, item.id)).acquired).toBe(true);
    const second = await nr.lock(otherEditor, item.id);
    expect(second.acquired).toBe(false);
    expect(second.item.lock).toMatchObject({ userId: editor.id, username: 'editor' });
    await expect(nr.save(otherEditor, item.id, { ...draft, headline: 'دیگر' }, 1)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/being edited by/) });
    const saved = await nr.save(editor, item.id, { ...draft, headline: 'تیتر تازه' }, 1);
    expect(saved.revision).toBe(2);
    await expect(nr.save(editor, item.id, { ...draft, headline: 'کهنه' }, 1)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await nr.get(editor, item.id)).draft.headline).toBe('تیتر تازه');
    await expect(nr.breakLock(otherEditor, item.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await nr.breakLock(chief, item.id)).lock?.userId).toBe(chief.id);
  });

  it('schedule → runScheduled publishes when due; bad input is refused', async () => {
    const item = await nr.file(reporter, deskId, draft);
    await nr.submit(reporter, item.id);
    await expect(nr.schedule(editor, item.id, '2025-09-05T08:00:00Z')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await nr.schedule(editor, item.id, '2025-09-05T10:00:00Z');
    expect(await nr.runScheduled(new Date('2025-09-05T09:30:00Z'))).toEqual([]);
    const out = await nr.runScheduled(new Date('2025-09-05T10:00:01Z'));
    expect(out.map((i) => [i.id, i.state])).toEqual([[item.id, 'published']]);
    await expect(nr.file(reporter, deskId, { headline: 'x'.repeat(1001) })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/headline/) });
    await expect(nr.file(reporter, deskId, { headline: 'a', color: 'red' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const html = await nr.file(reporter, deskId, { headline: '<script>alert(1)</script> تیتر' });
    expect(html.draft.headline).toBe('<script>alert(1)</script> تیتر');
  });
});
