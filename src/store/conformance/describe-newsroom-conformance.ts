/**
 * The NewsroomStore conformance suite (store/newsroom-store.ts): written once, run for every adapter
 * (SQLite now, PostgreSQL later) through `store.newsroom`, with the Store beside it where publishing
 * meets the archive (codes, versions, the wire log, search). Each adapter's test file calls
 * {@link describeNewsroomConformance} with a way to open an empty store.
 *
 * Instants given to the store here are in `toISOString()` form, so that they compare equal on the way
 * back whatever an adapter's storage precision beyond milliseconds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isKhabarError, type KhabarErrorCode } from '../../errors/index.js';
import { createStory, type Story, type StoryInit } from '../../story/index.js';
import type { Desk, NewsroomItem, NewsroomStore, User } from '../newsroom-store.js';
import type { Store } from '../store.js';
import { plainStory } from './fixtures.js';

async function expectError(p: Promise<unknown>, code: KhabarErrorCode, match?: RegExp): Promise<Record<string, unknown>> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(isKhabarError(e, code), `expected KhabarError ${code}, got ${String(e)}`).toBe(true);
  if (match) expect((e as Error).message).toMatch(match);
  return ((e as { details?: Record<string, unknown> }).details ?? {});
}

/** INVALID_INPUT whose `details.field` is `field`. */
async function expectInvalid(p: Promise<unknown>, field: string): Promise<void> {
  const details = await expectError(p, 'INVALID_INPUT');
  expect(details['field']).toBe(field);
}

/** Fixed instants, minutes after 2025-03-01T08:00Z, in toISOString form. */
const T0 = Date.UTC(2025, 2, 1, 8, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
/** A SHA-256-shaped hex string (the store never sees a token, only its hash). */
const tokenHash = (n: number) => n.toString(16).padStart(64, '0');
const CSRF = 'csrf-token-0123456789abcdef';
const HASH = 'scrypt$16384$8$1$c2FsdA$aGFzaA';
const SECRET = 'webhook-secret-0123456789';

let counter = 0;
const RUN = Math.random().toString(36).slice(2, 8);

/** A draft of the economy desk with a unique uri. */
function draft(init: Partial<StoryInit> = {}): Story {
  counter += 1;
  return createStory({
    uri: `urn:khabar:newsroom-test:${RUN}-${counter}`,
    headline: `گزارش خبرنگار اقتصادی شمارهٔ ${counter}`,
    lead: 'بازار امروز آرام بود.',
    body: ['به گزارش خبرنگار اقتصادی، معاملات امروز بدون نوسان چشمگیری به پایان رسید.'],
    service: 'سرویس اقتصادی',
    agency: 'خبرگزاری آران',
    ...init,
  });
}

/**
 * Registers the newsroom conformance suite for one Store implementation.
 * @param name shown in the test names, e.g. `sqlite :memory:`.
 * @param open returns a new, empty store for each case.
 * @param close disposes of a store after each case (default: `store.close()`).
 */
export function describeNewsroomConformance(
  name: string,
  open: () => Promise<Store>,
  close: (store: Store) => Promise<void> = (s) => s.close(),
): void {
  describe(`NewsroomStore conformance: ${name}`, () => {
    let store: Store;
    let nr: NewsroomStore;
    beforeEach(async () => {
      store = await open();
      nr = store.newsroom;
    });
    afterEach(async () => {
      await close(store);
    });

    /** A reporter, an editor, a chief and the economy desk. */
    async function newsroom(): Promise<{ reporter: User; editor: User; chief: User; desk: Desk }> {
      const reporter = await nr.createUser({ username: 'maryam', displayName: 'مریم رستگار', role: 'reporter', passwordHash: HASH });
      const editor = await nr.createUser({ username: 'reza', displayName: 'رضا کاظمی', role: 'editor', passwordHash: HASH });
      const chief = await nr.createUser({ username: 'chief', displayName: 'سردبیر', role: 'chief', passwordHash: HASH });
      const desk = await nr.createDesk('سرویس اقتصادی');
      return { reporter, editor, chief, desk };
    }

    describe('users', () => {
      it('creates, reads, lists and updates users; the hash only comes with getUserByUsername', async () => {
        const u = await nr.createUser({ username: 'maryam', displayName: 'مریم رستگار', role: 'reporter', passwordHash: HASH });
        expect(u).toEqual({ id: u.id, username: 'maryam', displayName: 'مریم رستگار', role: 'reporter', disabled: false, createdAt: u.createdAt });
        expect(Number.isNaN(Date.parse(u.createdAt))).toBe(false);
        expect(await nr.getUser(u.id)).toEqual(u);
        expect(await nr.getUserByUsername('maryam')).toEqual({ ...u, passwordHash: HASH });
        // Compared as given: another case is another user; any script is a name.
        const v = await nr.createUser({ username: 'Maryam', displayName: 'م', role: 'admin', passwordHash: HASH });
        const w = await nr.createUser({ username: 'سردبیر', displayName: 'x'.repeat(200), role: 'chief', passwordHash: HASH });
        expect((await nr.listUsers()).map((x) => x.id)).toEqual([u.id, v.id, w.id]);
        const updated = await nr.updateUser(u.id, { displayName: 'مریم رستگار (دبیر)', role: 'editor', disabled: true, passwordHash: 'new-hash' });
        expect(updated).toEqual({ ...u, displayName: 'مریم رستگار (دبیر)', role: 'editor', disabled: true });
        expect((await nr.getUserByUsername('maryam'))!.passwordHash).toBe('new-hash');
        expect(await nr.updateUser(u.id, {})).toEqual(updated);
        expect(await nr.updateUser(u.id, { disabled: false })).toEqual({ ...updated, disabled: false });
        expect('passwordHash' in (await nr.getUser(u.id))!).toBe(false);
      });

      it('refuses a taken username with CONFLICT; unknown users are undefined or NOT_FOUND', async () => {
        const u = await nr.createUser({ username: 'reza', displayName: 'رضا', role: 'editor', passwordHash: HASH });
        await expectError(nr.createUser({ username: 'reza', displayName: 'دیگری', role: 'reporter', passwordHash: HASH }), 'CONFLICT', /reza/);
        expect(await nr.listUsers()).toHaveLength(1);
        expect(await nr.getUser(u.id + 1000)).toBeUndefined();
        expect(await nr.getUserByUsername('nobody')).toBeUndefined();
        await expectError(nr.updateUser(u.id + 1000, { role: 'admin' }), 'NOT_FOUND', /user/);
      });

      it('refuses malformed user fields with INVALID_INPUT naming the field', async () => {
        const ok = { username: 'ali', displayName: 'علی', role: 'reporter' as const, passwordHash: HASH };
        await expectInvalid(nr.createUser({ ...ok, username: '' }), 'input.username');
        await expectInvalid(nr.createUser({ ...ok, username: 'a'.repeat(65) }), 'input.username');
        await expectInvalid(nr.createUser({ ...ok, username: 42 as unknown as string }), 'input.username');
        await expectInvalid(nr.createUser({ ...ok, displayName: '' }), 'input.displayName');
        await expectInvalid(nr.createUser({ ...ok, displayName: 'د'.repeat(201) }), 'input.displayName');
        await expectInvalid(nr.createUser({ ...ok, role: 'owner' as 'admin' }), 'input.role');
        await expectInvalid(nr.createUser({ ...ok, passwordHash: '' }), 'input.passwordHash');
        await expectInvalid(nr.createUser(null as unknown as typeof ok), 'input');
        expect((await nr.createUser({ ...ok, username: 'a'.repeat(64) })).username).toHaveLength(64);
        const u = await nr.createUser(ok);
        await expectInvalid(nr.updateUser(u.id, { role: 'boss' as 'admin' }), 'patch.role');
        await expectInvalid(nr.updateUser(u.id, { disabled: 'yes' as unknown as boolean }), 'patch.disabled');
        await expectInvalid(nr.updateUser(u.id, { displayName: '' }), 'patch.displayName');
        await expectInvalid(nr.updateUser(u.id, { username: 'x' } as never), 'patch.username');
        await expectInvalid(nr.getUser('1' as unknown as number), 'id');
        await expectInvalid(nr.getUser(0), 'id');
        await expectInvalid(nr.getUserByUsername(7 as unknown as string), 'username');
        expect(await nr.getUser(u.id)).toEqual(u);
      });
    });

    describe('sessions and login throttling', () => {
      it('returns a session with its user until it expires (exclusive) and never for a disabled user', async () => {
        const { reporter } = await newsroom();
        const session = { tokenHash: tokenHash(1), userId: reporter.id, csrfToken: CSRF, createdAt: at(0), expiresAt: at(60) };
        await nr.createSession(session);
        expect(await nr.getSession(tokenHash(1), at(1))).toEqual({ session, user: reporter });
        expect(await nr.getSession(tokenHash(1), at(59.99))).toBeDefined();
        expect(await nr.getSession(tokenHash(1), at(60))).toBeUndefined();
        expect(await nr.getSession(tokenHash(1), at(90))).toBeUndefined();
        expect(await nr.getSession(tokenHash(2), at(1))).toBeUndefined();
        expect(await nr.getSession('not a hash', at(1))).toBeUndefined();
        await nr.updateUser(reporter.id, { disabled: true });
        expect(await nr.getSession(tokenHash(1), at(1))).toBeUndefined();
        await nr.updateUser(reporter.id, { disabled: false });
        expect((await nr.getSession(tokenHash(1), at(1)))!.user.id).toBe(reporter.id);
      });

      it('deletes one session, or every session of a user', async () => {
        const { reporter, editor } = await newsroom();
        const s = (n: number, userId: number) => ({ tokenHash: tokenHash(n), userId, csrfToken: CSRF, createdAt: at(0), expiresAt: at(600) });
        await nr.createSession(s(1, reporter.id));
        await nr.createSession(s(2, reporter.id));
        await nr.createSession(s(3, reporter.id));
        await nr.createSession(s(4, editor.id));
        await nr.deleteSession(tokenHash(1));
        await nr.deleteSession(tokenHash(1)); // already gone: nothing to do
        expect(await nr.getSession(tokenHash(1), at(1))).toBeUndefined();
        expect(await nr.deleteUserSessions(reporter.id)).toBe(2);
        expect(await nr.deleteUserSessions(reporter.id)).toBe(0);
        expect(await nr.getSession(tokenHash(2), at(1))).toBeUndefined();
        expect((await nr.getSession(tokenHash(4), at(1)))!.user.id).toBe(editor.id);
        await expectError(nr.deleteUserSessions(editor.id + 1000), 'NOT_FOUND');
      });

      it('refuses a duplicate token, an unknown user and malformed sessions', async () => {
        const { reporter } = await newsroom();
        const ok = { tokenHash: tokenHash(7), userId: reporter.id, csrfToken: CSRF, createdAt: at(0), expiresAt: at(60) };
        await nr.createSession(ok);
        await expectError(nr.createSession({ ...ok, csrfToken: `${CSRF}-2` }), 'CONFLICT');
        await expectError(nr.createSession({ ...ok, tokenHash: tokenHash(8), userId: reporter.id + 1000 }), 'NOT_FOUND', /user/);
        await expectInvalid(nr.createSession({ ...ok, tokenHash: 'abc' }), 'session.tokenHash');
        await expectInvalid(nr.createSession({ ...ok, tokenHash: tokenHash(9).toUpperCase().replace('0', 'G') }), 'session.tokenHash');
        await expectInvalid(nr.createSession({ ...ok, tokenHash: tokenHash(9), csrfToken: 'short' }), 'session.csrfToken');
        await expectInvalid(nr.createSession({ ...ok, tokenHash: tokenHash(9), userId: -1 }), 'session.userId');
        await expectInvalid(nr.createSession({ ...ok, tokenHash: tokenHash(9), createdAt: 'دیروز' }), 'session.createdAt');
        await expectInvalid(nr.createSession({ ...ok, tokenHash: tokenHash(9), expiresAt: '2025-03-01' }), 'session.expiresAt');
        await expectInvalid(nr.createSession({ ...ok, tokenHash: tokenHash(9), expiresAt: at(-1) }), 'session.expiresAt');
        await expectInvalid(nr.getSession(tokenHash(7), 'now'), 'now');
        await expectInvalid(nr.getSession(undefined as unknown as string, at(0)), 'tokenHash');
      });

      it('counts login failures per key within the window; clearing starts over', async () => {
        expect(await nr.recordLoginFailure('maryam', at(0), at(-15))).toBe(1);
        expect(await nr.recordLoginFailure('maryam', at(1), at(-14))).toBe(2);
        expect(await nr.recordLoginFailure('192.0.2.7', at(1), at(-14))).toBe(1);
        expect(await nr.recordLoginFailure('maryam', at(2), at(-13))).toBe(3);
        // Counting records nothing.
        expect(await nr.countLoginFailures('maryam', at(-13))).toBe(3);
        expect(await nr.countLoginFailures('maryam', at(1.5))).toBe(1);
        expect(await nr.countLoginFailures('nobody', at(-13))).toBe(0);
        await expectInvalid(nr.countLoginFailures('maryam', 'since'), 'since');
        // Fifteen-minute window: the failures at 0 and 1 have left it; the one at 2 has not.
        expect(await nr.recordLoginFailure('maryam', at(16.5), at(1.5))).toBe(2);
        // The window's start is inclusive.
        expect(await nr.recordLoginFailure('maryam', at(17), at(2))).toBe(3);
        await nr.clearLoginFailures('maryam');
        expect(await nr.recordLoginFailure('maryam', at(18), at(3))).toBe(1);
        expect(await nr.recordLoginFailure('192.0.2.7', at(18), at(-60))).toBe(2);
        await nr.clearLoginFailures('nobody');
        await expectInvalid(nr.recordLoginFailure('', at(0), at(0)), 'key');
        await expectInvalid(nr.recordLoginFailure('k', 'at', at(0)), 'at');
        await expectInvalid(nr.recordLoginFailure('k', at(0), 'since'), 'since');
        await expectInvalid(nr.clearLoginFailures(5 as unknown as string), 'key');
      });
    });

    describe('desks', () => {
      it('creates, reads and lists desks and replaces their editors', async () => {
        const { reporter, editor, chief } = await newsroom();
        const [desk] = await nr.listDesks();
        expect(desk).toEqual({ id: desk!.id, name: 'سرویس اقتصادی', editors: [] });
        const sport = await nr.createDesk('سرویس ورزشی');
        expect(await nr.setDeskEditors(desk!.id, [chief.id, editor.id, chief.id])).toEqual({ ...desk, editors: [editor.id, chief.id] });
        expect(await nr.setDeskEditors(sport.id, [reporter.id])).toEqual({ ...sport, editors: [reporter.id] });
        expect(await nr.getDesk(desk!.id)).toEqual({ ...desk, editors: [editor.id, chief.id] });
        expect(await nr.listDesks()).toEqual([{ ...desk, editors: [editor.id, chief.id] }, { ...sport, editors: [reporter.id] }]);
        expect(await nr.setDeskEditors(desk!.id, [])).toEqual(desk);
        expect(await nr.getDesk(sport.id + 1000)).toBeUndefined();
      });

      it('refuses a taken name, unknown desks and users (changing nothing) and malformed arguments', async () => {
        const { editor, desk } = await newsroom();
        await expectError(nr.createDesk('سرویس اقتصادی'), 'CONFLICT', /سرویس اقتصادی/);
        await expectError(nr.setDeskEditors(desk.id + 1000, [editor.id]), 'NOT_FOUND', /desk/);
        await nr.setDeskEditors(desk.id, [editor.id]);
        await expectError(nr.setDeskEditors(desk.id, [editor.id, editor.id + 1000]), 'NOT_FOUND', /user/);
        expect((await nr.getDesk(desk.id))!.editors).toEqual([editor.id]);
        await expectInvalid(nr.createDesk(''), 'name');
        await expectInvalid(nr.createDesk('س'.repeat(201)), 'name');
        await expectInvalid(nr.setDeskEditors(desk.id, 'all' as unknown as number[]), 'userIds');
        await expectInvalid(nr.setDeskEditors(desk.id, [editor.id, 1.5]), 'userIds[1]');
        await expectInvalid(nr.getDesk(-3), 'id');
        expect(await nr.listDesks()).toHaveLength(1);
      });
    });

    describe('items', () => {
      it('files an item as a draft at revision 1 with the draft as given, revision and audit entry', async () => {
        const { reporter, desk } = await newsroom();
        const d = draft();
        const item = await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: d });
        expect(item).toEqual({
          id: item.id, deskId: desk.id, authorId: reporter.id, state: 'draft', draft: d, revision: 1,
          createdAt: item.createdAt, updatedAt: item.createdAt,
        });
        expect(await nr.getItem(item.id)).toEqual(item);
        expect(await nr.listRevisions(item.id)).toEqual([
          { itemId: item.id, revision: 1, draft: d, userId: reporter.id, action: 'create', at: item.createdAt },
        ]);
        const [entry] = await nr.listAudit({ itemId: item.id });
        expect(entry).toMatchObject({ userId: reporter.id, action: 'item.create', itemId: item.id });
        expect(await nr.getItem(item.id + 1000)).toBeUndefined();
      });

      it('refuses unknown desks and authors, invalid drafts and a uri that is taken', async () => {
        const { reporter, desk } = await newsroom();
        await expectError(nr.createItem({ deskId: desk.id + 1000, authorId: reporter.id, draft: draft() }), 'NOT_FOUND', /desk/);
        await expectError(nr.createItem({ deskId: desk.id, authorId: reporter.id + 1000, draft: draft() }), 'NOT_FOUND', /user/);
        await expectInvalid(nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: { ...draft(), headline: '' } }), 'input.draft.headline');
        await expectInvalid(nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: { ...draft(), body: ['یک', 2] } as unknown as Story }),
          'input.draft.body[1]');
        await expectInvalid(nr.createItem({ deskId: 'x' as unknown as number, authorId: reporter.id, draft: draft() }), 'input.deskId');
        const d = draft();
        await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: d });
        await expectError(nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: { ...d, headline: 'دیگر' } }), 'CONFLICT', /item/);
        const archived = await store.putStory(plainStory());
        const uri = (await store.getStory({ id: archived.id }))!.story.uri;
        await expectError(nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: draft({ uri }) }), 'CONFLICT', /archive story/);
        expect(await nr.listItems()).toHaveLength(1);
      });

      it('saves revisions that count up and are all kept; the uri never changes', async () => {
        const { reporter, editor, desk } = await newsroom();
        const d1 = draft();
        const item = await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: d1 });
        const d2 = { ...d1, headline: 'تیتر بازنویسی‌شده' };
        const s2 = await nr.saveItem(item.id, { draft: d2, userId: reporter.id, expect: { revision: 1 } });
        expect([s2.revision, s2.state, s2.draft]).toEqual([2, 'draft', d2]);
        expect(Date.parse(s2.updatedAt)).toBeGreaterThanOrEqual(Date.parse(item.updatedAt));
        const d3 = { ...d2, body: [...d2.body, 'پاراگراف دوم.'] };
        const s3 = await nr.saveItem(item.id, { draft: d3, userId: editor.id, expect: { revision: 2, states: ['draft'] } });
        expect(s3.revision).toBe(3);
        // Saving the same text again is still a revision: the history says who saved when.
        expect((await nr.saveItem(item.id, { draft: d3, userId: editor.id, expect: { revision: 3 } })).revision).toBe(4);
        const revs = await nr.listRevisions(item.id);
        expect(revs.map((r) => [r.revision, r.action, r.userId])).toEqual([
          [1, 'create', reporter.id], [2, 'save', reporter.id], [3, 'save', editor.id], [4, 'save', editor.id],
        ]);
        expect(revs.map((r) => r.draft)).toEqual([d1, d2, d3, d3]);
        await expectInvalid(nr.saveItem(item.id, { draft: { ...d3, uri: 'urn:elsewhere' }, userId: editor.id, expect: { revision: 4 } }),
          'input.draft.uri');
        await expectInvalid(nr.saveItem(item.id, { draft: { ...d3, headline: '' }, userId: editor.id, expect: { revision: 4 } }),
          'input.draft.headline');
        await expectInvalid(nr.saveItem(item.id, { draft: d3, userId: editor.id } as never), 'input.expect');
        await expectInvalid(nr.saveItem(item.id, { draft: d3, userId: editor.id, expect: { revision: 0 } }), 'input.expect.revision');
        await expectError(nr.saveItem(item.id + 1000, { draft: d3, userId: editor.id, expect: { revision: 1 } }), 'NOT_FOUND', /item/);
        await expectError(nr.saveItem(item.id, { draft: d3, userId: editor.id + 1000, expect: { revision: 4 } }), 'NOT_FOUND', /user/);
        await expectError(nr.listRevisions(item.id + 1000), 'NOT_FOUND');
        expect((await nr.getItem(item.id))!.revision).toBe(4);
      });

      it('refuses the second of two saves based on the same revision, saying who saved first; nothing is lost', async () => {
        const { reporter, editor, desk } = await newsroom();
        const d = draft();
        const item = await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: d });
        const mine = { ...d, lead: 'لید خبرنگار' };
        const theirs = { ...d, lead: 'لید دبیر' };
        const [a, b] = await Promise.allSettled([
          nr.saveItem(item.id, { draft: mine, userId: reporter.id, expect: { revision: 1 } }),
          nr.saveItem(item.id, { draft: theirs, userId: editor.id, expect: { revision: 1 } }),
        ]);
        const [won, lost] = a.status === 'fulfilled' ? [a, b] : [b, a];
        expect(won.status).toBe('fulfilled');
        expect(lost.status).toBe('rejected');
        const e = (lost as PromiseRejectedResult).reason as Error;
        expect(isKhabarError(e, 'CONFLICT')).toBe(true);
        const winner = (won as PromiseFulfilledResult<NewsroomItem>).value;
        const winnerUser = winner.draft.lead === mine.lead ? reporter.id : editor.id;
        expect(e.message).toMatch(new RegExp(`item ${item.id} is at revision 2, not 1 \\(saved by user ${winnerUser} at \\d{4}-`));
        expect((await nr.getItem(item.id))!.draft).toEqual(winner.draft);
        expect((await nr.listRevisions(item.id)).map((r) => r.revision)).toEqual([1, 2]);
      });

      it('moves items between states with a revision and an audit entry; a wrong expected state is refused', async () => {
        const { reporter, editor, desk } = await newsroom();
        const item = await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: draft() });
        const submitted = await nr.transitionItem(item.id, { to: 'submitted', userId: reporter.id, action: 'submit', expect: { states: ['draft', 'returned'] } });
        expect([submitted.state, submitted.revision, submitted.draft]).toEqual(['submitted', 2, item.draft]);
        await expectError(nr.transitionItem(item.id, { to: 'submitted', userId: reporter.id, action: 'submit', expect: { states: ['draft'] } }),
          'CONFLICT', new RegExp(`item ${item.id} is submitted, not draft`));
        await expectError(nr.transitionItem(item.id, { to: 'returned', userId: editor.id, action: 'return', expect: { revision: 1 } }),
          'CONFLICT', /at revision 2, not 1/);
        expect((await nr.getItem(item.id))!.revision).toBe(2);
        const returned = await nr.transitionItem(item.id, { to: 'returned', userId: editor.id, action: 'return', note: 'لید را کوتاه کنید.', expect: { revision: 2, states: ['submitted'] } });
        expect([returned.state, returned.note]).toEqual(['returned', 'لید را کوتاه کنید.']);
        const again = await nr.transitionItem(item.id, { to: 'submitted', userId: reporter.id, action: 'submit' });
        expect(again.note).toBeUndefined(); // the note says why the item is where it is now
        expect((await nr.listRevisions(item.id)).map((r) => [r.action, r.userId])).toEqual([
          ['create', reporter.id], ['submit', reporter.id], ['return', editor.id], ['submit', reporter.id],
        ]);
        const audit = await nr.listAudit({ itemId: item.id });
        expect(audit.map((a) => a.action)).toEqual(['item.submit', 'item.return', 'item.submit', 'item.create']);
        expect(audit[1]!.detail).toMatchObject({ from: 'submitted', to: 'returned', note: 'لید را کوتاه کنید.' });
      });

      it('schedules with a time and unschedules; refuses malformed moves naming the field', async () => {
        const { reporter, editor, desk } = await newsroom();
        const item = await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: draft() });
        const s = await nr.transitionItem(item.id, { to: 'scheduled', userId: editor.id, action: 'schedule', scheduledAt: at(90) });
        expect([s.state, s.scheduledAt]).toEqual(['scheduled', at(90)]);
        const u = await nr.transitionItem(item.id, { to: 'submitted', userId: editor.id, action: 'unschedule' });
        expect([u.state, u.scheduledAt]).toEqual(['submitted', undefined]);
        const move = { to: 'submitted' as const, userId: editor.id, action: 'submit' };
        await expectInvalid(nr.transitionItem(item.id, { ...move, to: 'scheduled', action: 'schedule' }), 'move.scheduledAt');
        await expectInvalid(nr.transitionItem(item.id, { ...move, to: 'scheduled', action: 'schedule', scheduledAt: 'فردا' }), 'move.scheduledAt');
        await expectInvalid(nr.transitionItem(item.id, { ...move, scheduledAt: at(5) }), 'move.scheduledAt');
        await expectInvalid(nr.transitionItem(item.id, { ...move, to: 'published' }), 'move.to');
        await expectInvalid(nr.transitionItem(item.id, { ...move, to: 'killed' }), 'move.to');
        await expectInvalid(nr.transitionItem(item.id, { ...move, to: 'archived' as 'draft' }), 'move.to');
        await expectInvalid(nr.transitionItem(item.id, { ...move, action: 'Submit!' }), 'move.action');
        await expectInvalid(nr.transitionItem(item.id, { ...move, userId: 0 }), 'move.userId');
        await expectInvalid(nr.transitionItem(item.id, { ...move, note: 5 as unknown as string }), 'move.note');
        await expectInvalid(nr.transitionItem(item.id, { ...move, expect: { states: [] } }), 'move.expect.states');
        await expectInvalid(nr.transitionItem(item.id, { ...move, expect: { states: ['gone' as 'draft'] } }), 'move.expect.states[0]');
        await expectError(nr.transitionItem(item.id + 1000, move), 'NOT_FOUND', /item/);
        await expectError(nr.transitionItem(item.id, { ...move, userId: editor.id + 1000 }), 'NOT_FOUND', /user/);
        expect((await nr.getItem(item.id))!.revision).toBe(3);
      });

      it('lists items most recently updated first, by desk, states and author, in pages', async () => {
        const { reporter, editor, desk } = await newsroom();
        const sport = await nr.createDesk('سرویس ورزشی');
        const a = await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: draft() });
        const b = await nr.createItem({ deskId: sport.id, authorId: reporter.id, draft: draft() });
        const c = await nr.createItem({ deskId: desk.id, authorId: editor.id, draft: draft() });
        await new Promise((r) => setTimeout(r, 5));
        await nr.transitionItem(a.id, { to: 'submitted', userId: reporter.id, action: 'submit' }); // a is now the newest change
        const ids = (items: NewsroomItem[]) => items.map((i) => i.id);
        expect(ids(await nr.listItems())).toEqual([a.id, c.id, b.id]);
        expect(ids(await nr.listItems({ deskId: desk.id }))).toEqual([a.id, c.id]);
        expect(ids(await nr.listItems({ states: ['draft'] }))).toEqual([c.id, b.id]);
        expect(ids(await nr.listItems({ states: ['submitted', 'returned'], deskId: desk.id }))).toEqual([a.id]);
        expect(ids(await nr.listItems({ authorId: reporter.id }))).toEqual([a.id, b.id]);
        expect(ids(await nr.listItems({ authorId: reporter.id, deskId: sport.id, states: ['draft'] }))).toEqual([b.id]);
        expect(ids(await nr.listItems({ limit: 2 }))).toEqual([a.id, c.id]);
        expect(ids(await nr.listItems({ limit: 2, offset: 2 }))).toEqual([b.id]);
        expect(await nr.listItems({ deskId: sport.id + 1000 })).toEqual([]);
        await expectInvalid(nr.listItems({ limit: 0 }), 'query.limit');
        await expectInvalid(nr.listItems({ limit: 1001 }), 'query.limit');
        await expectInvalid(nr.listItems({ offset: -1 }), 'query.offset');
        await expectInvalid(nr.listItems({ states: [] }), 'query.states');
        await expectInvalid(nr.listItems({ states: ['old' as 'draft'] }), 'query.states[0]');
        await expectInvalid(nr.listItems({ deskId: 'x' as unknown as number }), 'query.deskId');
      });

      it('gives the scheduler the due items, earliest first', async () => {
        const { reporter, editor, desk } = await newsroom();
        const make = async (minutes: number | undefined) => {
          const item = await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: draft() });
          if (minutes === undefined) return item;
          return nr.transitionItem(item.id, { to: 'scheduled', userId: editor.id, action: 'schedule', scheduledAt: at(minutes) });
        };
        const late = await make(30);
        const early = await make(10);
        await make(undefined);
        const middle = await make(20);
        await make(600);
        const same = await make(20); // same time: filed later, comes later
        expect((await nr.dueScheduledItems(at(45))).map((i) => i.id)).toEqual([early.id, middle.id, same.id, late.id]);
        expect((await nr.dueScheduledItems(at(20))).map((i) => i.id)).toEqual([early.id, middle.id, same.id]);
        expect(await nr.dueScheduledItems(at(5))).toEqual([]);
        await nr.transitionItem(early.id, { to: 'submitted', userId: editor.id, action: 'unschedule' });
        expect((await nr.dueScheduledItems(at(15))).map((i) => i.id)).toEqual([]);
        await expectInvalid(nr.dueScheduledItems('soon'), 'now');
      });
    });

    describe('publishing', () => {
      /** A submitted item with a distinctive headline word. */
      async function submitted() {
        const people = await newsroom();
        const d = draft({ headline: 'برداشت زعفران در تربت حیدریه آغاز شد', keywords: ['زعفران'] });
        const created = await nr.createItem({ deskId: people.desk.id, authorId: people.reporter.id, draft: d });
        const item = await nr.transitionItem(created.id, { to: 'submitted', userId: people.reporter.id, action: 'submit' });
        return { ...people, item };
      }

      it('publishes, corrects and kills in the archive: code, versions, wire events, search', async () => {
        const { editor, chief, item } = await submitted();
        const before = await store.lastWireSeq();
        const first = await nr.publishItem(item.id, {
          story: item.draft, userId: editor.id, action: 'publish', expect: { revision: 2, states: ['submitted'] },
        });
        expect(first.put).toMatchObject({ status: 'created', version: 1 });
        expect(first.put.code).toBeGreaterThanOrEqual(1_000_001);
        expect(first.item).toMatchObject({ state: 'published', storyId: first.put.id, publishedVersion: 1, revision: 3 });
        expect(first.item.draft).toEqual({ ...item.draft, code: first.put.code, version: 1 });
        const stored = await store.getStory({ code: first.put.code });
        expect(stored).toEqual({ id: first.put.id, story: first.item.draft });
        const events1 = await store.wireEvents(before);
        expect(events1.map((e) => [e.kind, e.id, e.story.version])).toEqual([['published', first.put.id, 1]]);
        expect((await store.search({ q: 'زعفران' })).hits.map((h) => h.id)).toEqual([first.put.id]);

        // A correction: the next version of the same story, same code.
        const saved = await nr.saveItem(item.id, { draft: { ...first.item.draft, lead: 'برداشت زعفران با دو هفته تأخیر آغاز شد.' }, userId: editor.id, expect: { revision: 3 } });
        const second = await nr.publishItem(item.id, {
          story: { ...saved.draft, correction: true }, userId: chief.id, action: 'correct', note: 'تاریخ آغاز برداشت', expect: { revision: 4 },
        });
        expect(second.put).toEqual({ id: first.put.id, version: 2, status: 'updated', code: first.put.code });
        expect(second.item).toMatchObject({ state: 'published', storyId: first.put.id, publishedVersion: 2, revision: 5, note: 'تاریخ آغاز برداشت' });
        expect((await store.getVersions(first.put.id)).map((s) => [s.version, s.code])).toEqual([[1, first.put.code], [2, first.put.code]]);
        expect((await store.wireEvents(events1[0]!.seq)).map((e) => [e.kind, e.story.version])).toEqual([['updated', 2]]);

        // A kill: the story leaves search and lists; subscribers get the killed event.
        const third = await nr.publishItem(item.id, {
          story: { ...second.item.draft, pubStatus: 'canceled' }, userId: chief.id, action: 'kill', expect: { states: ['published'] },
        });
        expect(third.put).toMatchObject({ id: first.put.id, version: 3, status: 'updated' });
        expect(third.item).toMatchObject({ state: 'killed', publishedVersion: 3, revision: 6 });
        const all = await store.wireEvents(before);
        expect(all.map((e) => e.kind)).toEqual(['published', 'updated', 'killed']);
        expect((await store.search({ q: 'زعفران' })).total).toBe(0);
        expect((await store.listStories()).items.map((s) => s.id)).not.toContain(first.put.id);
        expect((await store.getStory({ id: first.put.id }))!.story.pubStatus).toBe('canceled');

        expect((await nr.listRevisions(item.id)).map((r) => [r.revision, r.action])).toEqual([
          [1, 'create'], [2, 'submit'], [3, 'publish'], [4, 'save'], [5, 'correct'], [6, 'kill'],
        ]);
        const audit = await nr.listAudit({ itemId: item.id, limit: 3 });
        expect(audit.map((a) => [a.action, a.userId])).toEqual([['item.kill', chief.id], ['item.correct', chief.id], ['item.publish', editor.id]]);
        expect(audit[2]!.detail).toMatchObject({ storyId: first.put.id, code: first.put.code, version: 1 });
      });

      it('refuses an identical republication (nothing for subscribers) and writes nothing', async () => {
        const { editor, item } = await submitted();
        const first = await nr.publishItem(item.id, { story: item.draft, userId: editor.id, action: 'publish' });
        const seq = await store.lastWireSeq();
        const d = await expectError(nr.publishItem(item.id, { story: first.item.draft, userId: editor.id, action: 'correct' }),
          'CONFLICT', /identical/);
        expect(d['reason']).toBe('unchanged');
        expect(await nr.getItem(item.id)).toEqual(first.item);
        expect(await store.lastWireSeq()).toBe(seq);
        expect(await store.getVersions(first.put.id)).toHaveLength(1);
      });

      it('refuses malformed publications and unmet expectations', async () => {
        const { editor, item } = await submitted();
        const pub = { story: item.draft, userId: editor.id, action: 'publish' as const };
        await expectInvalid(nr.publishItem(item.id, { ...pub, action: 'retract' as 'publish' }), 'publication.action');
        await expectInvalid(nr.publishItem(item.id, { ...pub, story: { ...item.draft, pubStatus: 'canceled' } }), 'publication.story.pubStatus');
        await expectInvalid(nr.publishItem(item.id, { ...pub, action: 'kill' }), 'publication.story.pubStatus');
        await expectInvalid(nr.publishItem(item.id, { ...pub, story: { ...item.draft, headline: '' } }), 'publication.story.headline');
        await expectInvalid(nr.publishItem(item.id, { ...pub, story: { ...item.draft, uri: 'urn:other' } }), 'publication.story.uri');
        await expectInvalid(nr.publishItem(item.id, { ...pub, userId: 1.5 }), 'publication.userId');
        await expectError(nr.publishItem(item.id, { ...pub, action: 'correct' }), 'CONFLICT', /not been published/);
        await expectError(nr.publishItem(item.id, { ...pub, story: { ...item.draft, pubStatus: 'canceled' }, action: 'kill' }), 'CONFLICT', /not been published/);
        await expectError(nr.publishItem(item.id, { ...pub, expect: { states: ['scheduled'] } }), 'CONFLICT', /is submitted, not scheduled/);
        await expectError(nr.publishItem(item.id, { ...pub, expect: { revision: 1 } }), 'CONFLICT', /at revision 2, not 1/);
        await expectError(nr.publishItem(item.id + 1000, pub), 'NOT_FOUND', /item/);
        await expectError(nr.publishItem(item.id, { ...pub, userId: editor.id + 1000 }), 'NOT_FOUND', /user/);
        expect(await store.countStories()).toBe(0);
        expect(await store.lastWireSeq()).toBe(0);
        expect(await nr.getItem(item.id)).toEqual(item);
      });

      it('is all or nothing: when the archive refuses, the item, revisions, audit and wire log are unchanged', async () => {
        const { editor, reporter, desk, item } = await submitted();
        // The item's uri now also names an imported story: the first publication cannot create it.
        const imported = await store.putStory(createStory({ uri: item.draft.uri, headline: 'خبر واردشده از منبع دیگر' }));
        const seq = await store.lastWireSeq();
        const audit = await nr.listAudit();
        await expectError(nr.publishItem(item.id, { story: item.draft, userId: editor.id, action: 'publish' }), 'CONFLICT',
          new RegExp(`archive story ${imported.id}`));
        expect(await nr.getItem(item.id)).toEqual(item);
        expect(await nr.listRevisions(item.id)).toHaveLength(2);
        expect(await nr.listAudit()).toEqual(audit);
        expect(await store.lastWireSeq()).toBe(seq);
        expect(await store.getVersions(imported.id)).toHaveLength(1);
        expect((await store.getStory({ id: imported.id }))!.story.headline).toBe('خبر واردشده از منبع دیگر');

        // The story writer's own refusal (a code another story has) rolls back the same way.
        const other = await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: draft({ code: imported.code }) });
        await expectError(nr.publishItem(other.id, { story: other.draft, userId: editor.id, action: 'publish' }), 'CONFLICT',
          new RegExp(String(imported.code)));
        expect(await nr.getItem(other.id)).toEqual(other);
        expect(await nr.listRevisions(other.id)).toHaveLength(1);
        expect(await store.countStories()).toBe(1);
        expect(await store.lastWireSeq()).toBe(seq);
        // A good publication afterwards gets the next code: the failed ones took none.
        const ok = await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: draft() });
        expect((await nr.publishItem(ok.id, { story: ok.draft, userId: editor.id, action: 'publish' })).put.code).toBe(imported.code + 1);
      });

      it('lets the system publish a due item: the revision credits who scheduled it, the audit entry has no user', async () => {
        const { editor, item } = await submitted();
        await nr.transitionItem(item.id, { to: 'scheduled', userId: editor.id, action: 'schedule', scheduledAt: at(30) });
        const [due] = await nr.dueScheduledItems(at(31));
        const r = await nr.publishItem(due!.id, { story: due!.draft, userId: undefined, action: 'publish', expect: { states: ['scheduled'], revision: due!.revision } });
        expect(r.item).toMatchObject({ state: 'published', revision: 4 });
        expect(r.item.scheduledAt).toBeUndefined();
        expect((await nr.listRevisions(item.id)).at(-1)).toMatchObject({ action: 'publish', userId: editor.id });
        const [entry] = await nr.listAudit({ itemId: item.id, limit: 1 });
        expect(entry).toMatchObject({ action: 'item.publish', itemId: item.id });
        expect('userId' in entry!).toBe(false);
        expect(await nr.dueScheduledItems(at(31))).toEqual([]);
      });

      it('publishes one of two concurrent publications based on the same revision', async () => {
        const { editor, chief, item } = await submitted();
        const results = await Promise.allSettled([
          nr.publishItem(item.id, { story: item.draft, userId: editor.id, action: 'publish', expect: { revision: 2 } }),
          nr.publishItem(item.id, { story: { ...item.draft, lead: 'لید دیگر' }, userId: chief.id, action: 'publish', expect: { revision: 2 } }),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect(await store.countStories()).toBe(1);
        expect(await store.lastWireSeq()).toBe(1);
      });
    });

    describe('locks', () => {
      it('acquires a free lock, refuses another holder (returning the holder), refreshes, forces and releases', async () => {
        const { reporter, editor, chief, desk } = await newsroom();
        const item = await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: draft() });
        expect(await nr.acquireLock(item.id, reporter.id, { now: at(0) })).toEqual({ acquired: true, lock: { userId: reporter.id, at: at(0) } });
        expect((await nr.getItem(item.id))!.lock).toEqual({ userId: reporter.id, at: at(0) });
        expect(await nr.acquireLock(item.id, editor.id, { now: at(1) })).toEqual({ acquired: false, lock: { userId: reporter.id, at: at(0) } });
        expect(await nr.acquireLock(item.id, reporter.id, { now: at(2) })).toEqual({ acquired: true, lock: { userId: reporter.id, at: at(2) } });
        expect(await nr.acquireLock(item.id, chief.id, { force: true, now: at(3) })).toEqual({ acquired: true, lock: { userId: chief.id, at: at(3) } });
        const [brk] = await nr.listAudit({ itemId: item.id, limit: 1 });
        expect(brk).toMatchObject({ action: 'lock.break', userId: chief.id, itemId: item.id, detail: { from: reporter.id } });
        await nr.releaseLock(item.id, reporter.id); // not the holder: nothing happens
        expect((await nr.getItem(item.id))!.lock).toEqual({ userId: chief.id, at: at(3) });
        await nr.releaseLock(item.id, chief.id);
        const after = await nr.getItem(item.id);
        expect(after!.lock).toBeUndefined();
        expect([after!.revision, after!.updatedAt]).toEqual([item.revision, item.updatedAt]); // locks are not edits
        const free = await nr.acquireLock(item.id, editor.id);
        expect(free.acquired).toBe(true);
        expect(Number.isNaN(Date.parse(free.lock.at))).toBe(false);
        // Forcing a free lock, or one's own, breaks nothing.
        await nr.acquireLock(item.id, editor.id, { force: true, now: at(9) });
        expect((await nr.listAudit({ itemId: item.id })).filter((a) => a.action === 'lock.break')).toHaveLength(1);
      });

      it('refuses unknown items and users and malformed options', async () => {
        const { reporter, desk } = await newsroom();
        const item = await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: draft() });
        await expectError(nr.acquireLock(item.id + 1000, reporter.id), 'NOT_FOUND', /item/);
        await expectError(nr.acquireLock(item.id, reporter.id + 1000), 'NOT_FOUND', /user/);
        await expectError(nr.releaseLock(item.id + 1000, reporter.id), 'NOT_FOUND', /item/);
        await expectInvalid(nr.acquireLock(item.id, reporter.id, { now: 'now' }), 'options.now');
        await expectInvalid(nr.acquireLock(item.id, reporter.id, { force: 'yes' as unknown as boolean }), 'options.force');
        await expectInvalid(nr.acquireLock('1' as unknown as number, reporter.id), 'itemId');
        await expectInvalid(nr.releaseLock(item.id, -1), 'userId');
        expect((await nr.getItem(item.id))!.lock).toBeUndefined();
      });
    });

    describe('audit', () => {
      it('appends entries and lists them newest first, by item and user, in pages', async () => {
        const { reporter, editor, desk } = await newsroom();
        const item = await nr.createItem({ deskId: desk.id, authorId: reporter.id, draft: draft() }); // appends item.create
        const login = await nr.appendAudit({ userId: editor.id, action: 'login', at: at(5) });
        expect(login).toEqual({ id: login.id, at: at(5), userId: editor.id, action: 'login' });
        const failed = await nr.appendAudit({ action: 'login-failed', detail: { username: 'nobody', address: '192.0.2.7' } });
        expect(failed).toMatchObject({ action: 'login-failed', detail: { username: 'nobody', address: '192.0.2.7' } });
        expect('userId' in failed).toBe(false);
        expect(Number.isNaN(Date.parse(failed.at))).toBe(false);
        const viewed = await nr.appendAudit({ userId: editor.id, action: 'item.view', itemId: item.id, detail: { nested: { list: [1, 'دو', null] } } });
        const all = await nr.listAudit();
        expect(all.map((a) => a.action)).toEqual(['item.view', 'login-failed', 'login', 'item.create']);
        expect(all[0]).toEqual(viewed);
        expect((await nr.listAudit({ userId: editor.id })).map((a) => a.id)).toEqual([viewed.id, login.id]);
        expect((await nr.listAudit({ itemId: item.id })).map((a) => a.action)).toEqual(['item.view', 'item.create']);
        expect((await nr.listAudit({ itemId: item.id, userId: editor.id })).map((a) => a.id)).toEqual([viewed.id]);
        const page1 = await nr.listAudit({ limit: 2 });
        const page2 = await nr.listAudit({ limit: 2, before: page1[1]!.id });
        expect([...page1, ...page2]).toEqual(all);
        expect(await nr.listAudit({ before: all[3]!.id })).toEqual([]);
      });

      it('refuses unknown users and items and malformed entries and queries', async () => {
        const { reporter } = await newsroom();
        await expectError(nr.appendAudit({ userId: reporter.id + 1000, action: 'login' }), 'NOT_FOUND', /user/);
        await expectError(nr.appendAudit({ itemId: 999_999, action: 'item.view' }), 'NOT_FOUND', /item/);
        await expectInvalid(nr.appendAudit({ action: '' }), 'entry.action');
        await expectInvalid(nr.appendAudit({ action: 'x', detail: ['a'] as unknown as Record<string, unknown> }), 'entry.detail');
        await expectInvalid(nr.appendAudit({ action: 'x', at: 'دیروز' }), 'entry.at');
        await expectInvalid(nr.appendAudit({ action: 'x', userId: 0 }), 'entry.userId');
        await expectInvalid(nr.listAudit({ limit: 0 }), 'query.limit');
        await expectInvalid(nr.listAudit({ limit: 1001 }), 'query.limit');
        await expectInvalid(nr.listAudit({ before: -5 }), 'query.before');
        await expectInvalid(nr.listAudit({ itemId: 'x' as unknown as number }), 'query.itemId');
        expect(await nr.listAudit()).toEqual([]);
      });
    });

    describe('webhooks', () => {
      const created = async () => Promise.all([store.putStory(plainStory()), store.putStory(plainStory()), store.putStory(plainStory())]);

      it('creates, reads, lists, updates and deletes webhooks; a new one starts at the end of the wire log', async () => {
        await created();
        const last = await store.lastWireSeq();
        const hook = await nr.createWebhook({ url: 'https://subscriber.example/hooks/khabar', secret: SECRET });
        expect(hook).toEqual({
          id: hook.id, url: 'https://subscriber.example/hooks/khabar', secret: SECRET, active: true, cursor: last, failures: 0, createdAt: hook.createdAt,
        });
        const replay = await nr.createWebhook({ url: 'http://127.0.0.1:8080/in', secret: SECRET, cursor: 0 });
        expect(replay.cursor).toBe(0);
        expect(await nr.getWebhook(hook.id)).toEqual(hook);
        expect(await nr.listWebhooks()).toEqual([hook, replay]);
        const updated = await nr.updateWebhook(hook.id, { url: 'https://subscriber.example/v2', secret: `${SECRET}-rotated`, active: false });
        expect(updated).toEqual({ ...hook, url: 'https://subscriber.example/v2', secret: `${SECRET}-rotated`, active: false });
        expect(await nr.updateWebhook(hook.id, { active: true })).toEqual({ ...updated, active: true });
        await nr.deleteWebhook(hook.id);
        expect(await nr.getWebhook(hook.id)).toBeUndefined();
        expect(await nr.listWebhooks()).toEqual([replay]);
        await expectError(nr.deleteWebhook(hook.id), 'NOT_FOUND', /webhook/);
        await expectError(nr.updateWebhook(hook.id, { active: true }), 'NOT_FOUND', /webhook/);
      });

      it('refuses malformed webhooks naming the field', async () => {
        const ok = { url: 'https://subscriber.example/in', secret: SECRET };
        await expectInvalid(nr.createWebhook({ ...ok, url: 'ftp://subscriber.example/in' }), 'input.url');
        await expectInvalid(nr.createWebhook({ ...ok, url: 'subscriber.example/in' }), 'input.url');
        await expectInvalid(nr.createWebhook({ ...ok, url: `https://subscriber.example/${'a'.repeat(2000)}` }), 'input.url');
        await expectInvalid(nr.createWebhook({ ...ok, secret: 's'.repeat(15) }), 'input.secret');
        await expectInvalid(nr.createWebhook({ ...ok, secret: 's'.repeat(201) }), 'input.secret');
        await expectInvalid(nr.createWebhook({ ...ok, cursor: -1 }), 'input.cursor');
        await expectInvalid(nr.createWebhook({ ...ok, cursor: 5 }), 'input.cursor'); // the wire log is empty
        expect((await nr.createWebhook({ ...ok, secret: 's'.repeat(16) })).secret).toHaveLength(16);
        const hook = await nr.createWebhook({ ...ok, secret: 's'.repeat(200) });
        await expectInvalid(nr.updateWebhook(hook.id, { url: 'javascript:alert(1)' }), 'patch.url');
        await expectInvalid(nr.updateWebhook(hook.id, { active: 1 as unknown as boolean }), 'patch.active');
        await expectInvalid(nr.updateWebhook(hook.id, { cursor: 3 } as never), 'patch.cursor');
        await expectInvalid(nr.getWebhook(0), 'id');
        expect(await nr.listWebhooks()).toHaveLength(2);
      });

      it('moves the cursor only forward; failures count, back off and clear on delivery', async () => {
        await created();
        const [e1, e2, e3] = await store.wireEvents(0);
        const hook = await nr.createWebhook({ url: 'https://subscriber.example/in', secret: SECRET, cursor: 0 });
        expect(await nr.recordDelivery(hook.id, { seq: e1!.seq, delivered: true })).toMatchObject({ cursor: e1!.seq, failures: 0 });
        await expectError(nr.recordDelivery(hook.id, { seq: e1!.seq, delivered: true }), 'CONFLICT', new RegExp(`cursor is at ${e1!.seq}`));
        const f1 = await nr.recordDelivery(hook.id, { seq: e2!.seq, delivered: false, error: 'HTTP 503', nextAttemptAt: at(1) });
        expect(f1).toEqual({ ...hook, cursor: e1!.seq, failures: 1, nextAttemptAt: at(1), lastError: 'HTTP 503' });
        const f2 = await nr.recordDelivery(hook.id, { seq: e2!.seq, delivered: false, error: 'connect ECONNREFUSED', nextAttemptAt: at(3) });
        expect(f2).toMatchObject({ cursor: e1!.seq, failures: 2, nextAttemptAt: at(3), lastError: 'connect ECONNREFUSED' });
        const ok = await nr.recordDelivery(hook.id, { seq: e2!.seq, delivered: true });
        expect(ok).toEqual({ ...hook, cursor: e2!.seq, failures: 0 });
        await expectError(nr.recordDelivery(hook.id, { seq: e1!.seq, delivered: false, error: 'late', nextAttemptAt: at(4) }), 'CONFLICT');
        await expectInvalid(nr.recordDelivery(hook.id, { seq: e3!.seq + 1, delivered: true }), 'outcome.seq');
        await expectInvalid(nr.recordDelivery(hook.id, { seq: 0, delivered: true }), 'outcome.seq');
        await expectInvalid(nr.recordDelivery(hook.id, { seq: e3!.seq, delivered: 'yes' } as never), 'outcome.delivered');
        await expectInvalid(nr.recordDelivery(hook.id, { seq: e3!.seq, delivered: false, error: 'x', nextAttemptAt: 'later' }), 'outcome.nextAttemptAt');
        await expectInvalid(nr.recordDelivery(hook.id, { seq: e3!.seq, delivered: false } as never), 'outcome.error');
        await expectError(nr.recordDelivery(hook.id + 1000, { seq: e3!.seq, delivered: true }), 'NOT_FOUND', /webhook/);
        expect((await nr.recordDelivery(hook.id, { seq: e3!.seq, delivered: true })).cursor).toBe(e3!.seq);
        expect(await nr.getWebhook(hook.id)).toEqual({ ...hook, cursor: e3!.seq });
      });
    });
  });
}
