/**
 * Users on PostgreSQL (as sqlite/newsroom/users.ts). Usernames are compared as given: text equality under
 * a deterministic collation is byte equality. A taken name is refused before the insert with SQLite's
 * message; two concurrent creations of one name are settled by `users_username_key` (CONFLICT too).
 */
import { KhabarError, describeType } from '../../../errors/index.js';
import type { NewsroomStore, UserWithSecret } from '../../newsroom-store.js';
import { checkBoolean, checkId, checkObject, checkRole, checkText, invalid, notFound } from '../../newsroom-checks.js';
import { MAX_DISPLAY_NAME, MAX_PASSWORD_HASH, MAX_USERNAME } from '../../sqlite/newsroom/users.js';
import type { PgNewsroomContext } from './context.js';
import { at, toUser, toUserWithSecret, type UserRow } from './rows.js';

type UserMethods = Pick<NewsroomStore, 'createUser' | 'getUser' | 'getUserByUsername' | 'listUsers' | 'updateUser'>;

/** The user methods over `ctx`. */
export function createUserMethods(ctx: PgNewsroomContext): UserMethods {
  return {
    createUser: (input) => ctx.run('createUser', async () => {
      const i = checkObject(input, 'input');
      const username = checkText(i['username'], 'input.username', 1, MAX_USERNAME);
      const displayName = checkText(i['displayName'], 'input.displayName', 1, MAX_DISPLAY_NAME);
      const role = checkRole(i['role'], 'input.role');
      const passwordHash = checkText(i['passwordHash'], 'input.passwordHash', 1, MAX_PASSWORD_HASH);
      return ctx.tx(async (c) => {
        const taken = (await c.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username])).rows[0];
        if (taken !== undefined) {
          const id = Number(taken.id);
          throw new KhabarError('CONFLICT', `username "${username}" is taken (user ${id})`, { field: 'input.username', conflictingId: id });
        }
        const row = (await c.query<UserRow>(
          'INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *',
          [username, displayName, role, passwordHash, at(await ctx.now(c))])).rows[0]!;
        return toUser(row);
      });
    }),
    getUser: (id) => ctx.run('getUser', async () => {
      const [row] = await ctx.rows<UserRow>('SELECT * FROM users WHERE id = $1', [checkId(id, 'id')]);
      return row === undefined ? undefined : toUser(row);
    }),
    getUserByUsername: (username) => ctx.run('getUserByUsername', async () => {
      // Any string may be asked for (a login form sends what was typed); only its type is checked. A NUL
      // cannot be in a PostgreSQL text value, so no stored name has one.
      if (typeof username !== 'string') throw invalid('username', `must be a string, got ${describeType(username)}`);
      if (username.includes('\u0000')) return undefined;
      const [row] = await ctx.rows<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
      return row === undefined ? undefined : toUserWithSecret(row);
    }),
    listUsers: () => ctx.run('listUsers', async () => (await ctx.rows<UserRow>('SELECT * FROM users ORDER BY id')).map(toUser)),
    updateUser: (id, patch) => ctx.run('updateUser', async () => {
      checkId(id, 'id');
      const p = checkObject(patch, 'patch', ['displayName', 'role', 'disabled', 'passwordHash']);
      const change: Partial<UserWithSecret> = {};
      if (p['displayName'] !== undefined) change.displayName = checkText(p['displayName'], 'patch.displayName', 1, MAX_DISPLAY_NAME);
      if (p['role'] !== undefined) change.role = checkRole(p['role'], 'patch.role');
      if (p['disabled'] !== undefined) change.disabled = checkBoolean(p['disabled'], 'patch.disabled');
      if (p['passwordHash'] !== undefined) change.passwordHash = checkText(p['passwordHash'], 'patch.passwordHash', 1, MAX_PASSWORD_HASH);
      // One statement: COALESCE keeps what the patch leaves out, so no read-modify-write race.
      const [row] = await ctx.rows<UserRow>(`UPDATE users SET display_name = COALESCE($2, display_name), role = COALESCE($3, role),
          password_hash = COALESCE($4, password_hash), disabled = COALESCE($5, disabled)
        WHERE id = $1 RETURNING *`,
      [id, change.displayName ?? null, change.role ?? null, change.passwordHash ?? null, change.disabled ?? null]);
      if (row === undefined) throw notFound('user', id);
      return toUser(row);
    }),
  };
}
