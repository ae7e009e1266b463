/**
 * People: creating users (admin only, password policy checked, scrypt hash stored), listing and changing
 * them, passwords, and the first admin for the CLI (`khabar user add --role admin`), which works only
 * while there is no admin, so that it can never be used to take over a running newsroom.
 */
import { KhabarError } from '../../errors/index.js';
import { ROLES } from '../../store/index.js';
import type { Role, User } from '../../store/index.js';
import { authorize } from '../policy/permissions.js';
import { checkPasswordPolicy } from '../security/password-policy.js';
import { hashPassword, verifyPassword } from '../security/password.js';
import { checkId, requireActor, type ServiceContext } from './context.js';

/** A new user. */
export interface NewUser {
  /** 1–64 characters: letters, digits, `.`, `_`, `-` (stored lower-case). */
  username: string;
  /** The name people see (1–200 characters). */
  displayName: string;
  role: Role;
  password: string;
}

/** What an admin may change about a user. */
export interface UserPatch {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
}

/** The user actions. */
export interface UserActions {
  createUser(actor: User | undefined, input: NewUser): Promise<User>;
  listUsers(actor: User | undefined): Promise<User[]>;
  /** Changes a user; disabling ends their sessions. Refuses to leave the newsroom without an active admin. */
  updateUser(actor: User | undefined, id: number, patch: UserPatch): Promise<User>;
  /**
   * Sets a password: an admin for anyone; a user for themselves with their current password. Every
   * session of that user ends (a changed password must lock out whoever knew the old one).
   */
  setPassword(actor: User | undefined, id: number, password: string, currentPassword?: string): Promise<void>;
  /** The first admin (the CLI). @throws CONFLICT once an admin exists. */
  bootstrapAdmin(input: Omit<NewUser, 'role'>): Promise<User>;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const MAX_DISPLAY_NAME = 200;

/** The user actions over `ctx`. */
export function userActions(ctx: ServiceContext): UserActions {
  const { nr } = ctx;

  async function create(input: NewUser, actorId: number | undefined): Promise<User> {
    if (typeof input !== 'object' || input === null) throw new KhabarError('INVALID_INPUT', 'a user needs username, displayName, role and password');
    const username = typeof input.username === 'string' ? input.username.trim().toLowerCase() : '';
    if (!USERNAME.test(username)) {
      throw new KhabarError('INVALID_INPUT',
        'username must be 1–64 characters: Latin letters, digits, dot, underscore or hyphen, starting with a letter or digit', { field: 'username' });
    }
    const displayName = checkDisplayName(input.displayName);
    const role = checkRole(input.role);
    checkPasswordPolicy(input.password, { username });
    if (await nr.getUserByUsername(username)) {
      throw new KhabarError('CONFLICT', `username «${username}» is taken`, { field: 'username' });
    }
    const user = await nr.createUser({ username, displayName, role, passwordHash: await hashPassword(input.password, ctx.scrypt) });
    await ctx.audit({ action: 'user.create', ...(actorId !== undefined ? { userId: actorId } : {}), detail: { id: user.id, username, role } });
    return user;
  }

  async function assertAdminRemains(id: number, patch: UserPatch): Promise<void> {
    const users = await nr.listUsers();
    const target = users.find((u) => u.id === id);
    if (!target || target.role !== 'admin' || target.disabled) return;
    const losesAdmin = (patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true;
    if (!losesAdmin) return;
    if (!users.some((u) => u.id !== id && u.role === 'admin' && !u.disabled)) {
      throw new KhabarError('CONFLICT', `user «${target.username}» is the last active admin; make another admin first`, { userId: id });
    }
  }

  return {
    async createUser(actor, input) {
      authorize(actor, 'user.create');
      return create(input, actor.id);
    },

    async listUsers(actor) {
      authorize(actor, 'user.list');
      return nr.listUsers();
    },

    async updateUser(actor, id, patch) {
      authorize(actor, 'user.update');
      checkId(id, 'user id');
      if (typeof patch !== 'object' || patch === null) throw new KhabarError('INVALID_INPUT', 'a user change must be an object');
      const clean: UserPatch = {};
      if (patch.displayName !== undefined) clean.displayName = checkDisplayName(patch.displayName);
      if (patch.role !== undefined) clean.role = checkRole(patch.role);
      if (patch.disabled !== undefined) {
        if (typeof patch.disabled !== 'boolean') throw new KhabarError('INVALID_INPUT', 'disabled must be true or false', { field: 'disabled' });
        clean.disabled = patch.disabled;
      }
      if (!(await nr.getUser(id))) throw new KhabarError('NOT_FOUND', `no user ${id}`, { userId: id });
      await assertAdminRemains(id, clean);
      const user = await nr.updateUser(id, clean);
      if (clean.disabled === true) await nr.deleteUserSessions(id);
      await ctx.audit({ action: 'user.update', userId: actor.id, detail: { id, ...clean } });
      return user;
    },

    async setPassword(actor, id, password, currentPassword) {
      requireActor(actor, 'change a password');
      checkId(id, 'user id');
      const target = await nr.getUser(id);
      if (!target) throw new KhabarError('NOT_FOUND', `no user ${id}`, { userId: id });
      if (actor.id === id && actor.role !== 'admin') {
        const withSecret = await nr.getUserByUsername(target.username);
        if (typeof currentPassword !== 'string' || !(await verifyPassword(currentPassword, withSecret?.passwordHash))) {
          throw new KhabarError('FORBIDDEN', 'changing your own password needs your current password (currentPassword), and it was wrong or missing', { field: 'currentPassword' });
        }
      } else {
        authorize(actor, 'user.update');
      }
      checkPasswordPolicy(password, { username: target.username });
      await nr.updateUser(id, { passwordHash: await hashPassword(password, ctx.scrypt) });
      await nr.deleteUserSessions(id);
      await ctx.audit({ action: 'user.password', userId: actor.id, detail: { id } });
    },

    async bootstrapAdmin(input) {
      const users = await nr.listUsers();
      if (users.some((u) => u.role === 'admin')) {
        throw new KhabarError('CONFLICT', 'an admin exists already: the first admin can be created only in an empty newsroom; ask an admin to add users');
      }
      return create({ ...input, role: 'admin' }, undefined);
    },
  };
}

function checkDisplayName(v: unknown): string {
  const s = typeof v === 'string' ? v.trim() : '';
  if (s === '' || s.length > MAX_DISPLAY_NAME) {
    throw new KhabarError('INVALID_INPUT', `displayName must be 1–${MAX_DISPLAY_NAME} characters`, { field: 'displayName' });
  }
  return s;
}

function checkRole(v: unknown): Role {
  if (typeof v !== 'string' || !(ROLES as readonly string[]).includes(v)) {
    throw new KhabarError('INVALID_INPUT', `role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(v)}`, { field: 'role' });
  }
  return v as Role;
}
