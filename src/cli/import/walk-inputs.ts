/**
 * The files an import reads: each argument is a file, or a folder walked recursively. Order is sorted
 * (byte order of names, per folder) so that two runs over the same tree store stories in the same order
 * and assign the same story codes.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** A path that could not be listed or read. */
export interface InputProblem {
  path: string;
  message: string;
}

/**
 * Names a folder walk skips: dot-files (`.DS_Store`, `.git`), and the provenance and licence files that
 * sit beside corpora (`SOURCE.txt`, `README*`, `LICENSE*`, `NOTICE*`) — they are not stories. A file
 * named on the command line is read whatever its name.
 */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || /^(SOURCE\.txt|README(\..*)?|LICEN[CS]E(\..*)?|NOTICE(\..*)?|COPYING(\..*)?)$/i.test(name);
}

/**
 * Lists the files to import under `paths`, with the paths that could not be read. `exclude` holds
 * absolute paths never to read — the database itself and its -wal/-shm files, when it sits inside a
 * folder being imported.
 */
export function walkInputs(paths: readonly string[], exclude: ReadonlySet<string> = new Set()): { files: string[]; problems: InputProblem[] } {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const visit = (path: string, top: boolean): void => {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (e) {
      problems.push({ path, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    if (!isDir) {
      if ((top || !isSkippedName(basename(path))) && !exclude.has(resolve(path))) files.push(path);
      return;
    }
    let names: string[];
    try {
      names = readdirSync(path).sort();
    } catch (e) {
      problems.push({ path, message: `cannot list folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    for (const name of names) if (!isSkippedName(name)) visit(join(path, name), false);
  };
  for (const p of paths) visit(p, true);
  return { files, problems };
}
