/**
 * `khabar user add <username> --role reporter|editor|chief|admin [--name "نام"] [--desk "سرویس …"]… [--db FILE | --database-url URL]`
 * — a newsroom account, the password read from standard input (first line: nothing on the command line,
 * where shell history and `ps` would show it); the first admin is made this way. `--desk` (repeatable)
 * makes an editor an editor of that desk, creating the desk if needed.
 * `khabar user list [--db FILE]` — the accounts, without secrets.
 */
import { KhabarError } from '../../errors/index.js';
import { checkPasswordPolicy, hashPassword } from '../../newsroom/index.js';
import { ROLES, type Role } from '../../store/index.js';
import { parseArgs } from '../args.js';
import { openStoreTarget, resolveStoreTarget, STORE_OPTIONS } from '../open-store.js';
import { readTextInput } from '../io.js';
import type { Out } from '../out.js';

function deskValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  argv.forEach((a, i) => {
    if (a === '--desk' && argv[i + 1] !== undefined) out.push(argv[i + 1]!);
    else if (a.startsWith('--desk=')) out.push(a.slice('--desk='.length));
  });
  return out;
}

export async function userCommand(argv: readonly string[], out: Out): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub !== 'add' && sub !== 'list') throw new KhabarError('USAGE', 'user needs add or list: khabar user add <username> --role <role>');
  const { positionals, flags } = parseArgs(rest, ['role', 'name', ...STORE_OPTIONS, 'desk'], []);
  const store = await openStoreTarget(resolveStoreTarget(flags));
  try {
    if (sub === 'list') {
      if (positionals.length > 0) throw new KhabarError('USAGE', 'user list takes no arguments');
      for (const u of await store.newsroom.listUsers()) {
        out.write(`${u.id}\t${u.username}\t${u.role}\t${u.displayName}${u.disabled ? '\t(disabled)' : ''}\n`);
      }
      return;
    }
    const [username, ...extra] = positionals;
    if (username === undefined || extra.length > 0) throw new KhabarError('USAGE', 'user add needs exactly one username');
    const role = flags.get('role');
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
      throw new KhabarError('USAGE', `--role must be one of ${ROLES.join(', ')}`);
    }
    const password = readTextInput('-').split(/\r?\n/)[0] ?? '';
    checkPasswordPolicy(password, { username });
    const user = await store.newsroom.createUser({
      username, role: role as Role, displayName: (flags.get('name') as string | undefined) ?? username, passwordHash: await hashPassword(password),
    });
    for (const name of deskValues(rest)) {
      const desk = (await store.newsroom.listDesks()).find((d) => d.name === name) ?? (await store.newsroom.createDesk(name));
      await store.newsroom.setDeskEditors(desk.id, [...new Set([...desk.editors, user.id])]);
    }
    await store.newsroom.appendAudit({ action: 'user.create', detail: { username, role, by: 'khabar user add' } });
    out.write(`created ${user.role} ${user.username} (id ${user.id})\n`);
  } finally {
    await store.close();
  }
}
