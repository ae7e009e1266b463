/**
 * Who may do what in the newsroom (issue #6), as data — {@link PERMISSIONS}, one row per action and one
 * column per role — plus the two functions that read it: {@link can} (a yes/no for menus and lists) and
 * {@link authorize} (throws the error a request answers with).
 *
 * A cell is a list of grants, any of which suffices: `any` (whatever the item or desk), `own` (the user
 * filed the item) or `desk` (the item is on a desk whose `editors` list the user), each optionally only
 * while the item is in some states. An empty list is never. Decisions made here:
 * - An editor keeps a reporter's rights (files to any desk, reads and submits own items) and adds the
 *   desk work on the desks they edit; drafts are not private from the desk's editors.
 * - Corrections and kills are the chief's (issue #6), so a published item's working copy — the text of
 *   the next correction — may be saved only by a chief or admin; an editor may not prepare one.
 * - Everyone submits only their own items: editors and chiefs publish other people's items directly.
 * - Whoever may save an item may take its edit lock; breaking another holder's lock is the chief's.
 * - An admin is a chief editor plus administration (users, desks, settings, webhooks): {@link ROLES}
 *   are ordered least to most powerful, and a small agency's one administrator is usually its chief.
 *   Administration is the admin's alone; a chief does not manage users or desks.
 * - Missing context denies (an item's `desk` rule without the desk is no); a desk that is not the
 *   item's is a programming error and throws INVALID_INPUT.
 */
import { KhabarError } from '../../errors/index.js';
import { ITEM_STATES, ROLES } from '../../store/index.js';
import type { Desk, ItemState, NewsroomItem, Role, User } from '../../store/index.js';

/** Everything the newsroom checks permission for. `item.*` act on one item, the rest on the newsroom. */
export const NEWSROOM_ACTIONS = [
  'item.create', 'item.read', 'item.save', 'item.submit', 'item.return', 'item.publish', 'item.schedule',
  'item.unschedule', 'item.correct', 'item.kill', 'lock.take', 'lock.break', 'audit.read', 'user.create',
  'user.update', 'user.list', 'desk.create', 'desk.editors', 'settings.update', 'webhook.manage',
] as const;
/** A {@link NEWSROOM_ACTIONS} value. */
export type NewsroomAction = (typeof NEWSROOM_ACTIONS)[number];

/** Whom a grant covers: every item, the user's own items, or items of the desks the user edits. */
export type GrantScope = 'any' | 'own' | 'desk';

/** One way of being allowed an action. */
export interface Grant {
  /** Which items (or desks) it covers. */
  readonly scope: GrantScope;
  /** Only while the item is in one of these states (absent: any state; needs the item when present). */
  readonly states?: readonly ItemState[];
}

/** The context a permission is decided in. */
export interface PermissionContext {
  /** The item acted on (`item.*`, `lock.*`). */
  item?: NewsroomItem;
  /** The item's desk, or the desk filed into / listed / changed. Must be the item's desk when both are given. */
  desk?: Desk;
}

/** Every action × role: the grants, any one of which allows it. */
export type PermissionMatrix = Readonly<Record<NewsroomAction, Readonly<Record<Role, readonly Grant[]>>>>;

const ANY: readonly Grant[] = [{ scope: 'any' }];
const NEVER: readonly Grant[] = [];
const OWN: Grant = { scope: 'own' };
const DESK: Grant = { scope: 'desk' };
/** A reporter's own item is theirs to change until they hand it in, and again when it comes back. */
const OWN_WRITABLE: Grant = { scope: 'own', states: ['draft', 'returned'] };

/** Rows where chief and admin may act on any item and the editor on desk items only. */
function deskWork(editor: readonly Grant[]): Readonly<Record<Role, readonly Grant[]>> {
  return { reporter: NEVER, editor, chief: ANY, admin: ANY };
}
/** Rows for the chief's own powers (admin included). */
const CHIEF_ONLY: Readonly<Record<Role, readonly Grant[]>> = { reporter: NEVER, editor: NEVER, chief: ANY, admin: ANY };
/** Rows for administration. */
const ADMIN_ONLY: Readonly<Record<Role, readonly Grant[]>> = { reporter: NEVER, editor: NEVER, chief: NEVER, admin: ANY };
const SAVE: Readonly<Record<Role, readonly Grant[]>> = {
  reporter: [OWN_WRITABLE],
  // A desk's editor also prepares corrections of its published items (issue #6: "the editor then
  // publishes a correction"); the workflow still refuses saving a killed or scheduled item.
  editor: [OWN_WRITABLE, DESK],
  chief: ANY,
  admin: ANY,
};

/** The permission matrix (issue #6). Change a rule here and the explicit table in permissions.test.ts. */
export const PERMISSIONS: PermissionMatrix = {
  'item.create': { reporter: ANY, editor: ANY, chief: ANY, admin: ANY },
  'item.read': { reporter: [OWN], editor: [OWN, DESK], chief: ANY, admin: ANY },
  'item.save': SAVE,
  'item.submit': { reporter: [OWN], editor: [OWN], chief: [OWN], admin: [OWN] },
  'item.return': deskWork([DESK]),
  'item.publish': deskWork([DESK]),
  'item.schedule': deskWork([DESK]),
  'item.unschedule': deskWork([DESK]),
  'item.correct': deskWork([DESK]),
  'item.kill': CHIEF_ONLY,
  'lock.take': SAVE,
  'lock.break': CHIEF_ONLY,
  'audit.read': CHIEF_ONLY,
  'user.create': ADMIN_ONLY,
  'user.update': ADMIN_ONLY,
  'user.list': ADMIN_ONLY,
  'desk.create': ADMIN_ONLY,
  'desk.editors': ADMIN_ONLY,
  'settings.update': ADMIN_ONLY,
  'webhook.manage': ADMIN_ONLY,
};

/** How messages name an action: verb and object ("publish" "items"). */
const PHRASES: Readonly<Record<NewsroomAction, readonly [verb: string, object: string]>> = {
  'item.create': ['file', 'items'],
  'item.read': ['read', 'items'],
  'item.save': ['save', 'items'],
  'item.submit': ['submit', 'items'],
  'item.return': ['return', 'items'],
  'item.publish': ['publish', 'items'],
  'item.schedule': ['schedule', 'items'],
  'item.unschedule': ['unschedule', 'items'],
  'item.correct': ['correct', 'published items'],
  'item.kill': ['kill', 'published items'],
  'lock.take': ['take the edit lock of', 'items'],
  'lock.break': ["break another user's edit lock on", 'items'],
  'audit.read': ['read', 'the audit log'],
  'user.create': ['create', 'users'],
  'user.update': ['change', 'users'],
  'user.list': ['list', 'users'],
  'desk.create': ['create', 'desks'],
  'desk.editors': ['choose the editors of', 'desks'],
  'settings.update': ['change', 'the agency settings'],
  'webhook.manage': ['manage', 'webhooks'],
};

const ROLE_NAMES: Readonly<Record<Role, readonly [singular: string, plural: string]>> = {
  reporter: ['a reporter', 'reporters'],
  editor: ['an editor', 'editors'],
  chief: ['a chief editor', 'chief editors'],
  admin: ['an admin', 'admins'],
};

/**
 * True when `user` does desk work on `desk`: an editor listed among its editors, or a chief or admin
 * (who edit every desk). A reporter listed there does not: the role decides first.
 */
export function editsDesk(user: User, desk: Desk): boolean {
  if (user.role === 'chief' || user.role === 'admin') return true;
  return user.role === 'editor' && desk.editors.includes(user.id);
}

/**
 * May `user` do `action` in `ctx`? False for no user, a disabled user or an unknown role.
 * @throws KhabarError INVALID_INPUT for an unknown action or a desk that is not the item's.
 */
export function can(user: User | undefined, action: NewsroomAction, ctx: PermissionContext = {}): boolean {
  const grants = grantsFor(action, user?.role);
  checkContext(action, ctx);
  if (!user || user.disabled || !grants) return false;
  return grants.some((g) => holds(user, g, ctx));
}

/**
 * Refuses unless `user` may do `action` in `ctx`.
 * @throws KhabarError UNAUTHENTICATED without a user or for a disabled one; FORBIDDEN naming the role,
 *   the action and why (e.g. "a reporter may submit only their own items; item 12: filed by user 7");
 *   INVALID_INPUT for an unknown action or a desk that is not the item's.
 */
export function authorize(user: User | undefined, action: NewsroomAction, ctx: PermissionContext = {}): asserts user is User {
  const grants = grantsFor(action, user?.role);
  checkContext(action, ctx);
  const [verb, object] = PHRASES[action];
  if (!user) throw new KhabarError('UNAUTHENTICATED', `log in to ${verb} ${object}`, { action });
  if (user.disabled) {
    throw new KhabarError('UNAUTHENTICATED', `user «${user.username}» is disabled`, { action, userId: user.id });
  }
  const details = { action, role: user.role, userId: user.id };
  if (!grants) throw new KhabarError('FORBIDDEN', `unknown role ${JSON.stringify(user.role)} may not ${verb} ${object}`, details);
  if (grants.some((g) => holds(user, g, ctx))) return;
  throw new KhabarError('FORBIDDEN', denial(user, action, grants, ctx), details);
}

/** The actions `user` may do in `ctx`, in {@link NEWSROOM_ACTIONS} order (for menus and buttons). */
export function permittedActions(user: User | undefined, ctx: PermissionContext = {}): NewsroomAction[] {
  return NEWSROOM_ACTIONS.filter((a) => can(user, a, ctx));
}

function grantsFor(action: NewsroomAction, role: Role | undefined): readonly Grant[] | undefined {
  const row = Object.hasOwn(PERMISSIONS, action) ? PERMISSIONS[action] : undefined;
  if (!row) throw new KhabarError('INVALID_INPUT', `unknown newsroom action ${JSON.stringify(action)}`, { action });
  return role !== undefined && Object.hasOwn(row, role) ? row[role] : undefined;
}

function checkContext(action: NewsroomAction, ctx: PermissionContext): void {
  const { item, desk } = ctx;
  if (item && desk && item.deskId !== desk.id) {
    throw new KhabarError('INVALID_INPUT',
      `${action}: desk ${desk.id} was given for item ${item.id}, which is on desk ${item.deskId}`, { action });
  }
}

function holds(user: User, grant: Grant, { item, desk }: PermissionContext): boolean {
  if (grant.states && !(item && grant.states.includes(item.state))) return false;
  switch (grant.scope) {
    case 'any': return true;
    case 'own': return item !== undefined && item.authorId === user.id;
    case 'desk': return desk !== undefined && desk.editors.includes(user.id);
  }
}

/** "a reporter may save only their own items while draft or returned; item 12: their own, submitted". */
function denial(user: User, action: NewsroomAction, grants: readonly Grant[], { item, desk }: PermissionContext): string {
  const [verb, object] = PHRASES[action];
  const who = ROLE_NAMES[user.role][0];
  if (grants.length === 0) {
    const allowed = ROLES.filter((r) => PERMISSIONS[action][r].length > 0).map((r) => ROLE_NAMES[r][1]);
    return `${who} may not ${verb} ${object} (only ${listOf(allowed, 'and')} may)`;
  }
  const rule = `${who} may ${verb} only ${listOf(grants.map(describeGrant), 'and')}`;
  const byOwner = grants.some((g) => g.scope === 'own');
  const byDesk = grants.some((g) => g.scope === 'desk');
  const byState = grants.some((g) => g.states);
  const deskFact = desk && `on desk «${desk.name}» (${desk.editors.includes(user.id) ? 'they edit it' : 'they do not edit it'})`;
  if (!item) {
    const facts = [byDesk && deskFact, (byOwner || byState) && 'no item was given'].filter((f): f is string => !!f);
    return facts.length > 0 ? `${rule}; ${facts.join(', ')}` : rule;
  }
  const facts: string[] = [];
  if (byOwner) facts.push(item.authorId === user.id ? 'their own' : `filed by user ${item.authorId}`);
  if (byDesk) facts.push(deskFact ?? 'its desk was not given');
  if (byState) facts.push(item.state);
  return `${rule}; item ${item.id}: ${facts.join(', ')}`;
}

function describeGrant(g: Grant): string {
  const what = g.scope === 'any' ? 'items' : g.scope === 'own' ? 'their own items' : 'items of desks they edit';
  if (!g.states) return what;
  const others = ITEM_STATES.filter((s) => !g.states!.includes(s));
  return others.length < g.states.length ? `${what} unless ${listOf(others, 'or')}` : `${what} while ${listOf(g.states, 'or')}`;
}

function listOf(words: readonly string[], conjunction: 'and' | 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
