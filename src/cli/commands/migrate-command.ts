/**
 * `khabar migrate --from sqlite:<file> --to postgres://…[?schema=S]` — copies a SQLite archive and
 * newsroom into PostgreSQL (issue #7 item 5): every story with every version (codes and versions
 * identical), keywords, the wire log in its order, users with their password hashes, desks, items with
 * their revisions, the audit log, webhooks with their cursors (see migrate/copy-archive.ts and
 * migrate/copy-newsroom.ts for what is kept and what is renumbered). Resumable: run it again after an
 * interruption and it continues; after a complete run it writes nothing. A progress bar on stderr when it
 * is a terminal; at the end the counts of both sides on stdout, and exit 1 when any differ.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { KhabarError } from '../../errors/index.js';
import type { Store } from '../../store/index.js';
import { parseArgs } from '../args.js';
import { copyArchive } from '../migrate/copy-archive.js';
import { copyNewsroom } from '../migrate/copy-newsroom.js';
import { describeTarget, openStoreTarget, parsePostgresUrl } from '../open-store.js';
import type { Out } from '../out.js';

/** One stderr line redrawn in place (as the import's progress bar), at most every 100 ms. */
function bar(enabled: boolean) {
  let last = 0;
  const started = performance.now();
  return {
    update(label: string, done: number, total: number, written: number, force = false) {
      const now = performance.now();
      if (!enabled || (!force && now - last < 100)) return;
      last = now;
      const width = 30;
      const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : width;
      const rate = Math.round(written / Math.max(0.001, (now - started) / 1000));
      process.stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${label} ${done}/${total} · ${written} versions written · ${rate}/s`);
    },
    clear() {
      if (enabled && last > 0) process.stderr.write('\r\x1b[2K');
    },
  };
}

/** The `migrate` command. */
export async function migrateCommand(argv: readonly string[], out: Out): Promise<void> {
  const { positionals, flags } = parseArgs(argv, ['from', 'to'], ['progress']);
  if (positionals.length > 0) throw new KhabarError('USAGE', `migrate takes no arguments, got ${positionals.join(' ')}`);
  const from = flags.get('from');
  const to = flags.get('to');
  if (typeof from !== 'string' || !from.startsWith('sqlite:') || from.length === 'sqlite:'.length) {
    throw new KhabarError('USAGE', 'migrate needs --from sqlite:<file>');
  }
  if (typeof to !== 'string') throw new KhabarError('USAGE', 'migrate needs --to postgres://…');
  const path = resolve(from.slice('sqlite:'.length));
  if (!existsSync(path)) throw new KhabarError('IO', `no SQLite database at ${path}`);
  const pgTarget = { kind: 'postgres' as const, ...parsePostgresUrl(to, '--to') };

  const { openSqliteStore } = await import('../../store/index.js');
  const source = await openSqliteStore(path, { readonly: true });
  let target: Store | undefined;
  const progress = bar(flags.has('progress') || process.stderr.isTTY === true);
  try {
    target = await openStoreTarget(pgTarget);
    out.write(`migrating ${path} → ${describeTarget(pgTarget)}\n`);
    const archive = await copyArchive(source, target, (done, total, written) => progress.update('stories', done, total, written));
    progress.clear();
    out.write(`archive: ${archive.written} versions written\n`);
    const newsroom = await copyNewsroom(source, target, pgTarget, archive.idMap, archive.seqMap);
    const a = newsroom.added;
    out.write(`newsroom: ${a.users} users, ${a.desks} desks, ${a.items} items, ${a.revisions} revisions, ${a.audit} audit entries, ${a.webhooks} webhooks written\n`);
    const rows: Array<[string, [number, number]]> = [
      ['stories', archive.counts.stories], ['versions', archive.counts.versions], ['wire events', archive.counts.wireEvents],
      ['users', newsroom.counts.users], ['items', newsroom.counts.items],
    ];
    out.write('count check (source → target):\n');
    for (const [name, [s, t]] of rows) out.write(`  ${name.padEnd(12)} ${String(s).padStart(8)} ${String(t).padStart(8)}${s === t ? '' : '  MISMATCH'}\n`);
    for (const m of archive.mismatches.slice(0, 20)) out.warn?.(`${m}\n`);
    const bad = rows.filter(([, [s, t]]) => s !== t).map(([n]) => n);
    if (bad.length > 0 || archive.mismatches.length > 0) {
      throw new KhabarError('STORE', `the target differs from the source (${[...bad, ...(archive.mismatches.length ? [`${archive.mismatches.length} story/wire mismatches`] : [])].join(', ')})`);
    }
    out.write('counts match\n');
  } finally {
    progress.clear();
    await source.close();
    await target?.close();
  }
}
