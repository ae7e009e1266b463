import { describe, expect, it } from 'vitest';
import { isKhabarError } from '../../errors/index.js';
import { ITEM_STATES, ROLES } from '../../store/index.js';
import type { Desk, ItemState, NewsroomItem, Role, User } from '../../store/index.js';
import { createStory } from '../../story/index.js';
import { NEWSROOM_ACTIONS, PERMISSIONS, authorize, can, editsDesk, permittedActions } from './permissions.js';
import type { NewsroomAction, PermissionContext } from './permissions.js';

/*
 * The permission matrix, written out: a rule change must change this table, so it shows in review.
 * Four characters per role, one per case in CASES order; y = allowed, . = refused. Item actions are
 * decided on an item in the state given (one the action applies to); item.create and the newsroom
 * actions on the desk alone (no item), so their two "own item" and "other's item" columns agree.
 */
const CASES = ['own item, own desk', 'own item, other desk', "other's item, own desk", "other's item, other desk"] as const;
//                  state        reporter editor  chief   admin
const MATRIX: Record<NewsroomAction, [ItemState, string, string, string, string]> = {
  'item.create':     ['draft',     'yyyy', 'yyyy', 'yyyy', 'yyyy'],
  'item.read':       ['draft',     'yy..', 'yyy.', 'yyyy', 'yyyy'],
  'item.save':       ['draft',     'yy..', 'yyy.', 'yyyy', 'yyyy'],
  'item.submit':     ['draft',     'yy..', 'yy..', 'yy..', 'yy..'],
  'item.return':     ['submitted', '....', 'y.y.', 'yyyy', 'yyyy'],
  'item.publish':    ['submitted', '....', 'y.y.', 'yyyy', 'yyyy'],
  'item.schedule':   ['submitted', '....', 'y.y.', 'yyyy', 'yyyy'],
  'item.unschedule': ['scheduled', '....', 'y.y.', 'yyyy', 'yyyy'],
  'item.correct':    ['published', '....', 'y.y.', 'yyyy', 'yyyy'],
  'item.kill':       ['published', '....', '....', 'yyyy', 'yyyy'],
  'lock.take':       ['draft',     'yy..', 'yyy.', 'yyyy', 'yyyy'],
  'lock.break':      ['draft',     '....', '....', 'yyyy', 'yyyy'],
  'audit.read':      ['draft',     '....', '....', 'yyyy', 'yyyy'],
  'user.create':     ['draft',     '....', '....', '....', 'yyyy'],
  'user.update':     ['draft',     '....', '....', '....', 'yyyy'],
  'user.list':       ['draft',     '....', '....', '....', 'yyyy'],
  'desk.create':     ['draft',     '....', '....', '....', 'yyyy'],
  'desk.editors':    ['draft',     '....', '....', '....', 'yyyy'],
  'settings.update': ['draft',     '....', '....', '....', 'yyyy'],
  'webhook.manage':  ['draft',     '....', '....', '....', 'yyyy'],
};

/** item.save and lock.take depend on the item's state: the same four cases in every state. */
//           reporter editor  chief   admin
const SAVE_BY_STATE: Record<ItemState, [string, string, string, string]> = {
  draft:      ['yy..', 'yyy.', 'yyyy', 'yyyy'],
  submitted:  ['....', 'y.y.', 'yyyy', 'yyyy'],
  returned:   ['yy..', 'yyy.', 'yyyy', 'yyyy'],
  scheduled:  ['....', 'y.y.', 'yyyy', 'yyyy'],
  published:  ['....', 'y.y.', 'yyyy', 'yyyy'],
  killed:     ['....', 'y.y.', 'yyyy', 'yyyy'],
};

const ITEM_ACTIONS = new Set<NewsroomAction>(NEWSROOM_ACTIONS.filter((a) => /^(item|lock)\./.test(a) && a !== 'item.create'));
const STATE_DEPENDENT = new Set<NewsroomAction>(['item.save', 'lock.take']);

const USER_ID = 10;
const OTHER_ID = 20;
const OWN_DESK: Desk = { id: 1, name: 'سرویس سیاسی', editors: [USER_ID, 99] };
const OTHER_DESK: Desk = { id: 2, name: 'سرویس ورزشی', editors: [OTHER_ID] };

function user(role: Role, extra: Partial<User> = {}): User {
  return { id: USER_ID, username: `u-${role}`, displayName: role, role, disabled: false, createdAt: '2025-01-01T00:00:00Z', ...extra };
}

function item(state: ItemState, authorId: number, desk: Desk): NewsroomItem {
  return {
    id: 12, deskId: desk.id, authorId, state, revision: 3,
    draft: createStory({ headline: 'تیتر', service: desk.name }),
    createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z',
  };
}

function context(action: NewsroomAction, state: ItemState, caseIndex: number): PermissionContext {
  const desk = caseIndex % 2 === 0 ? OWN_DESK : OTHER_DESK;
  if (!ITEM_ACTIONS.has(action)) return { desk };
  return { item: item(state, caseIndex < 2 ? USER_ID : OTHER_ID, desk), desk };
}

function row(action: NewsroomAction, state: ItemState, role: Role): string {
  return CASES.map((_, c) => (can(user(role), action, context(action, state, c)) ? 'y' : '.')).join('');
}

describe('permission matrix (issue #6)', () => {
  it('covers every action and role, and the table covers every action', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...NEWSROOM_ACTIONS].sort());
    expect(Object.keys(MATRIX).sort()).toEqual([...NEWSROOM_ACTIONS].sort());
    for (const a of NEWSROOM_ACTIONS) expect(Object.keys(PERMISSIONS[a]).sort()).toEqual([...ROLES].sort());
  });

  for (const action of NEWSROOM_ACTIONS) {
    it(`${action}: every role × own/other item × own/other desk`, () => {
      const [state, ...expected] = MATRIX[action];
      const got = ROLES.map((r) => row(action, state, r));
      expect(got, `${action} (${CASES.join(' | ')})`).toEqual(expected);
    });
  }

  for (const state of ITEM_STATES) {
    it(`item.save and lock.take on a ${state} item`, () => {
      for (const action of STATE_DEPENDENT) {
        expect(ROLES.map((r) => row(action, state, r)), action).toEqual(SAVE_BY_STATE[state]);
      }
    });
  }

  it('no other action depends on the item state', () => {
    for (const action of NEWSROOM_ACTIONS.filter((a) => !STATE_DEPENDENT.has(a))) {
      for (const state of ITEM_STATES) {
        expect(ROLES.map((r) => row(action, state, r)), `${action} on ${state}`).toEqual(MATRIX[action].slice(1));
      }
    }
  });

  it('authorize agrees with can on every cell', () => {
    for (const action of NEWSROOM_ACTIONS) {
      for (const state of ITEM_STATES) {
        for (const role of ROLES) {
          for (let c = 0; c < CASES.length; c++) {
            const ctx = context(action, state, c);
            const allowed = can(user(role), action, ctx);
            if (allowed) expect(() => authorize(user(role), action, ctx)).not.toThrow();
            else expect(() => authorize(user(role), action, ctx)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
          }
        }
      }
    }
  });

  it('each role can do at least what the role below it can (ROLES is least to most powerful)', () => {
    for (const action of NEWSROOM_ACTIONS) {
      for (const state of ITEM_STATES) {
        for (let c = 0; c < CASES.length; c++) {
          for (let r = 1; r < ROLES.length; r++) {
            const ctx = context(action, state, c);
            if (can(user(ROLES[r - 1]!), action, ctx)) expect(can(user(ROLES[r]!), action, ctx), `${ROLES[r]} ${action}`).toBe(true);
          }
        }
      }
    }
  });
});

describe('without an item', () => {
  it('desk-wide questions: an editor may read and publish on their desk only; chiefs everywhere', () => {
    expect(can(user('editor'), 'item.read', { desk: OWN_DESK })).toBe(true);
    expect(can(user('editor'), 'item.read', { desk: OTHER_DESK })).toBe(false);
    expect(can(user('editor'), 'item.publish', { desk: OWN_DESK })).toBe(true);
    expect(can(user('chief'), 'item.publish', {})).toBe(true);
    expect(can(user('reporter'), 'item.read', { desk: OWN_DESK })).toBe(false);
  });
  it('missing context denies: an own-item or state rule needs the item, a desk rule the desk', () => {
    expect(can(user('reporter'), 'item.submit')).toBe(false);
    expect(can(user('reporter'), 'item.save', { desk: OWN_DESK })).toBe(false);
    const withoutDesk = { item: item('submitted', OTHER_ID, OWN_DESK) };
    expect(can(user('editor'), 'item.publish', withoutDesk)).toBe(false);
    expect(() => authorize(user('editor'), 'item.publish', withoutDesk)).toThrow(
      'an editor may publish only items of desks they edit; item 12: its desk was not given');
  });
});

describe('authorize', () => {
  it('no user or a disabled user: UNAUTHENTICATED for every action, in every role', () => {
    for (const action of NEWSROOM_ACTIONS) {
      const ctx = context(action, 'draft', 0);
      expect(can(undefined, action, ctx)).toBe(false);
      expect(() => authorize(undefined, action, ctx)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
      for (const role of ROLES) {
        const disabled = user(role, { disabled: true });
        expect(can(disabled, action, ctx)).toBe(false);
        expect(() => authorize(disabled, action, ctx)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
      }
    }
    expect(() => authorize(undefined, 'item.publish')).toThrow('log in to publish items');
    expect(() => authorize(user('admin', { disabled: true }), 'user.list')).toThrow('user «u-admin» is disabled');
  });

  it('FORBIDDEN names the role, the action and why', () => {
    const forbidden = (u: User, action: NewsroomAction, ctx: PermissionContext): string => {
      try {
        authorize(u, action, ctx);
      } catch (e) {
        if (isKhabarError(e, 'FORBIDDEN')) return e.message;
        throw e;
      }
      throw new Error('allowed');
    };
    expect(forbidden(user('reporter'), 'item.submit', { item: item('draft', OTHER_ID, OWN_DESK) }))
      .toBe('a reporter may submit only their own items; item 12: filed by user 20');
    expect(forbidden(user('reporter'), 'item.save', { item: item('submitted', USER_ID, OWN_DESK) }))
      .toBe('a reporter may save only their own items while draft or returned; item 12: their own, submitted');
    expect(forbidden(user('reporter'), 'item.publish', { item: item('submitted', USER_ID, OWN_DESK), desk: OWN_DESK }))
      .toBe('a reporter may not publish items (only editors, chief editors and admins may)');
    expect(forbidden(user('editor'), 'item.publish', { item: item('submitted', OTHER_ID, OTHER_DESK), desk: OTHER_DESK }))
      .toBe('an editor may publish only items of desks they edit; item 12: on desk «سرویس ورزشی» (they do not edit it)');
    expect(forbidden(user('editor'), 'item.save', { item: item('published', OTHER_ID, OTHER_DESK), desk: OTHER_DESK })).toBe(
      'an editor may save only their own items while draft or returned and items of desks they edit; ' +
      'item 12: filed by user 20, on desk «سرویس ورزشی» (they do not edit it), published');
    expect(forbidden(user('editor'), 'item.kill', {})).toBe('an editor may not kill published items (only chief editors and admins may)');
    expect(forbidden(user('chief'), 'user.create', {})).toBe('a chief editor may not create users (only admins may)');
    expect(forbidden(user('editor'), 'item.read', { desk: OTHER_DESK }))
      .toBe('an editor may read only their own items and items of desks they edit; on desk «سرویس ورزشی» (they do not edit it), no item was given');
  });

  it('details carry the action and role', () => {
    try {
      authorize(user('editor'), 'audit.read');
      expect.unreachable();
    } catch (e) {
      expect(isKhabarError(e, 'FORBIDDEN') && e.details).toEqual({ action: 'audit.read', role: 'editor', userId: USER_ID });
    }
  });

  it('an unknown role is refused, an unknown action or a desk that is not the item\'s is a programming error', () => {
    const odd = { ...user('admin'), role: 'owner' as Role };
    expect(can(odd, 'user.list')).toBe(false);
    expect(() => authorize(odd, 'user.list')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => can(user('admin'), 'item.delete' as NewsroomAction)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => can(user('chief'), 'item.read', { item: item('draft', USER_ID, OWN_DESK), desk: OTHER_DESK }))
      .toThrow('item.read: desk 2 was given for item 12, which is on desk 1');
  });
});

describe('helpers', () => {
  it('permittedActions lists what a user may do here', () => {
    const ctx = { item: item('submitted', OTHER_ID, OWN_DESK), desk: OWN_DESK };
    expect(permittedActions(user('editor'), ctx)).toEqual([
      'item.create', 'item.read', 'item.save', 'item.return', 'item.publish', 'item.schedule', 'item.unschedule', 'item.correct', 'lock.take',
    ]);
    expect(permittedActions(undefined, ctx)).toEqual([]);
  });
  it('editsDesk: listed editors, and chiefs and admins everywhere', () => {
    expect(editsDesk(user('editor'), OWN_DESK)).toBe(true);
    expect(editsDesk(user('editor'), OTHER_DESK)).toBe(false);
    expect(editsDesk(user('reporter'), OWN_DESK)).toBe(false); // listed, but a reporter
    expect(editsDesk(user('chief'), OTHER_DESK)).toBe(true);
    expect(editsDesk(user('admin'), OTHER_DESK)).toBe(true);
  });
});
