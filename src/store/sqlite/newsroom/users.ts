/**
 * Users: create, read, list, update. Usernames are unique and compared as given (the newsroom layer
 * lower-cases them if it wants case-insensitive logins); the password hash is opaque here.
 */
import { KhabarError, describeType } from '../../../errors/index.js';
import type { NewsroomStore, UserWithSecret } from '../../newsroom-store.js';
import { checkBoolean, checkId, checkObject, checkRole, checkText, invalid, notFound } from '../../newsroom-checks.js';
import type { NewsroomContext } from './context.js';
import { toUser, toUserWithSecret, type UserRow } from './rows.js';

/** Longest login name. */
export const MAX_USERNAME = 64;
/** Longest display name. */
export const MAX_DISPLAY_NAME = 200;
/** Longest password hash (an encoded scrypt hash is about 150 characters). */
export const MAX_PASSWORD_HASH = 1000;

type UserMethods = Pick<NewsroomStore, 'createUser' | 'getUser' | 'getUserByUsername' | 'listUsers' | 'updateUser'>;

/** The user methods over `ctx`. */
export function createUserMethods(ctx: NewsroomContext): UserMethods {
  const { db } = ctx;
  const byId = db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?');
  const byName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  const all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY id');
  const insert = db.prepare<[string, string, string, string, number]>(
    'INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)');
  const update = db.prepare<[string, string, string, number, number]>(
    'UPDATE users SET display_name = ?, role = ?, password_hash = ?, disabled = ? WHERE id = ?');

  return {
    createUser: (input) => ctx.run('createUser', () => {
      const i = checkObject(input, 'input');
      const username = checkText(i['username'], 'input.username', 1, MAX_USERNAME);
      const displayName = checkText(i['displayName'], 'input.displayName', 1, MAX_DISPLAY_NAME);
      const role = checkRole(i['role'], 'input.role');
      const passwordHash = checkText(i['passwordHash'], 'input.passwordHash', 1, MAX_PASSWORD_HASH);
      return ctx.immediate(() => {
        const taken = byName.get(username);
        if (taken !== undefined) {
          throw new KhabarError('CONFLICT', `username "${username}" is taken (user ${taken.id})`,
            { field: 'input.username', conflictingId: taken.id });
        }
        const id = Number(insert.run(username, displayName, role, passwordHash, ctx.now()).lastInsertRowid);
        return toUser(byId.get(id)!);
      });
    }),
    getUser: (id) => ctx.run('getUser', () => {
      const row = byId.get(checkId(id, 'id'));
      return row === undefined ? undefined : toUser(row);
    }),
    getUserByUsername: (username) => ctx.run('getUserByUsername', () => {
      // Any string may be asked for (a login form sends what was typed); only its type is checked.
      if (typeof username !== 'string') throw invalid('username', `must be a string, got ${describeType(username)}`);
      const row = byName.get(username);
      return row === undefined ? undefined : toUserWithSecret(row);
    }),
    listUsers: () => ctx.run('listUsers', () => all.all().map(toUser)),
    updateUser: (id, patch) => ctx.run('updateUser', () => {
      checkId(id, 'id');
      const p = checkObject(patch, 'patch', ['displayName', 'role', 'disabled', 'passwordHash']);
      const change: Partial<UserWithSecret> = {};
      if (p['displayName'] !== undefined) change.displayName = checkText(p['displayName'], 'patch.displayName', 1, MAX_DISPLAY_NAME);
      if (p['role'] !== undefined) change.role = checkRole(p['role'], 'patch.role');
      if (p['disabled'] !== undefined) change.disabled = checkBoolean(p['disabled'], 'patch.disabled');
      if (p['passwordHash'] !== undefined) change.passwordHash = checkText(p['passwordHash'], 'patch.passwordHash', 1, MAX_PASSWORD_HASH);
      return ctx.immediate(() => {
        const row = byId.get(id);
        if (row === undefined) throw notFound('user', id);
        const disabled = change.disabled ?? row.disabled === 1;
        update.run(change.displayName ?? row.display_name, change.role ?? row.role, change.passwordHash ?? row.password_hash,
          disabled ? 1 : 0, id);
        return toUser(byId.get(id)!);
      });
    }),
  };
}
