/**
 * The demo newsroom a fresh instance starts with: a desk per demo service and four accounts — an admin,
 * a chief editor, an editor of «سرویس آذربایجان» and a reporter — sharing one random password that
 * `khabar serve` prints once, so a newcomer can log in and try the workflow.
 */
import { randomBytes } from 'node:crypto';
import { isKhabarError } from '../../errors/index.js';
import { hashPassword } from '../../newsroom/index.js';
import type { Role, Store } from '../../store/index.js';

/** The demo accounts: login name, role, display name, desks edited. */
export const DEMO_USERS: ReadonlyArray<{ username: string; role: Role; displayName: string; desks: string[] }> = [
  { username: 'admin', role: 'admin', displayName: 'مدیر سامانه', desks: [] },
  { username: 'dabir', role: 'chief', displayName: 'سردبیر', desks: [] },
  { username: 'virastar', role: 'editor', displayName: 'دبیر سرویس آذربایجان', desks: ['سرویس آذربایجان'] },
  { username: 'khabarnegar', role: 'reporter', displayName: 'خبرنگار', desks: [] },
];

/**
 * Creates the demo desks and accounts when the newsroom has no users; returns the password, or undefined
 * when there were users already or another server created them meanwhile.
 */
export async function loadDemoNewsroom(store: Store): Promise<string | undefined> {
  if ((await store.newsroom.listUsers()).length > 0) return undefined;
  try {
    return await createDemoNewsroom(store);
  } catch (e) {
    // Two servers started together on one empty PostgreSQL both pass the check above. Both create the
    // same desks and accounts in the same order, so the one that loses the race meets CONFLICT on its
    // very first creation, having created nothing, and the winner's newsroom is whole.
    if (isKhabarError(e, 'CONFLICT')) return undefined;
    throw e;
  }
}

async function createDemoNewsroom(store: Store): Promise<string> {
  const password = randomBytes(12).toString('base64url');
  const hash = await hashPassword(password);
  const desks = new Map<string, number>();
  for (const { name } of await store.services()) desks.set(name, (await store.newsroom.createDesk(name)).id);
  for (const u of DEMO_USERS) {
    const user = await store.newsroom.createUser({ username: u.username, role: u.role, displayName: u.displayName, passwordHash: hash });
    for (const name of u.desks) {
      const id = desks.get(name) ?? (await store.newsroom.createDesk(name)).id;
      desks.set(name, id);
      await store.newsroom.setDeskEditors(id, [user.id]);
    }
  }
  await store.newsroom.appendAudit({ action: 'user.create', detail: { demo: DEMO_USERS.map((u) => u.username) } });
  return password;
}
