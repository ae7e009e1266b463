/**
 * Which database a `khabar` command opens: PostgreSQL when `--database-url` (or `KHABAR_DATABASE_URL`)
 * names one, else the SQLite file of `--db` / `KHABAR_DB` / ./data/khabar.db (the default).
 *
 * - `--db` and `--database-url` together are refused (USAGE): which one was meant cannot be guessed. The
 *   flags win over the environment, so `--db x.db` with `KHABAR_DATABASE_URL` set opens x.db.
 * - A URL must be `postgres://` or `postgresql://` (USAGE otherwise).
 * - A `schema` query parameter (`postgres://host/db?schema=khabar`) selects the schema khabar's tables live
 *   in (created when missing; default `public`); it is taken off the URL before the driver sees it.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { KhabarError } from '../errors/index.js';
import type { Store } from '../store/index.js';
import { DEFAULT_DB_PATH } from './db-path.js';

/** Options every store-opening command accepts (add them to parseArgs' valued list). */
export const STORE_OPTIONS = ['db', 'database-url'] as const;

/** The database a command will open. */
export type StoreTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; schema?: string };

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses a PostgreSQL URL: checks the scheme and takes the `schema` parameter off.
 * @throws KhabarError USAGE for another scheme or a malformed URL.
 */
export function parsePostgresUrl(raw: string, what = '--database-url'): { url: string; schema?: string } {
  if (!/^postgres(ql)?:\/\//i.test(raw)) {
    throw new KhabarError('USAGE', `${what} must start with postgres:// or postgresql://, got ${JSON.stringify(redactUrl(raw))}`);
  }
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new KhabarError('USAGE', `${what} is not a valid URL: ${JSON.stringify(redactUrl(raw))}`);
  }
  const schema = u.searchParams.get('schema') ?? undefined;
  if (schema === undefined) return { url: raw };
  u.searchParams.delete('schema');
  if (schema.length === 0) throw new KhabarError('USAGE', `${what}: schema= needs a name`);
  return { url: u.toString(), schema };
}

/** Decides the database from the command's flags and the environment (see the module comment). */
export function resolveStoreTarget(flags: ReadonlyMap<string, string | true>, env: Env = process.env): StoreTarget {
  const db = flags.get('db');
  const url = flags.get('database-url');
  if (db !== undefined && url !== undefined) {
    throw new KhabarError('USAGE', 'give --db (SQLite file) or --database-url (PostgreSQL), not both');
  }
  if (typeof db === 'string') return { kind: 'sqlite', path: resolve(db) };
  const pgUrl = typeof url === 'string' ? url : env.KHABAR_DATABASE_URL || undefined;
  if (pgUrl !== undefined) {
    return { kind: 'postgres', ...parsePostgresUrl(pgUrl, typeof url === 'string' ? '--database-url' : 'KHABAR_DATABASE_URL') };
  }
  return { kind: 'sqlite', path: resolve(env.KHABAR_DB || DEFAULT_DB_PATH) };
}

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}

/** How a target is named in a command's output. */
export function describeTarget(t: StoreTarget): string {
  return t.kind === 'sqlite' ? t.path : `${redactUrl(t.url)}${t.schema ? ` (schema ${t.schema})` : ''}`;
}

/** Options of {@link openStoreTarget}. */
export interface OpenTargetOptions {
  /** SQLite: analysis worker threads for bulk imports. */
  analysisThreads?: number;
  /** PostgreSQL: most pooled connections. */
  poolSize?: number;
}

/**
 * Opens the target (the SQLite file's folder is created first). Drivers load lazily, so commands that
 * need no database load none.
 */
export async function openStoreTarget(t: StoreTarget, options: OpenTargetOptions = {}): Promise<Store> {
  const stores = await import('../store/index.js');
  if (t.kind === 'postgres') {
    return stores.openPostgresStore(t.url, {
      ...(t.schema !== undefined ? { schema: t.schema } : {}),
      ...(options.poolSize !== undefined ? { poolSize: options.poolSize } : {}),
    });
  }
  try {
    mkdirSync(dirname(t.path), { recursive: true });
  } catch (e) {
    throw new KhabarError('IO', `cannot create the folder of ${t.path}: ${(e as Error).message}`);
  }
  return stores.openSqliteStore(t.path, options.analysisThreads !== undefined ? { analysisThreads: options.analysisThreads } : {});
}
