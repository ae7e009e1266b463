/** Where the `khabar` commands find the database: `--db`, else `KHABAR_DB`, else ./data/khabar.db. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The default database file, relative to the working directory. */
export const DEFAULT_DB_PATH = './data/khabar.db';

/** Resolves the database path and creates its folder (not the file). */
export function resolveDbPath(flag: string | true | undefined): string {
  const path = resolve(typeof flag === 'string' ? flag : process.env.KHABAR_DB || DEFAULT_DB_PATH);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
