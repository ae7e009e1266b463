/** Running the built `khabar` command in a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/** dist/src/cli/main.js (npm test builds before running the tests). */
export const KHABAR_MAIN = join(resolve(import.meta.dirname, '..', '..'), 'dist', 'src', 'cli', 'main.js');

/** Runs `khabar <args…>` with optional stdin and extra environment; returns exit code, stdout, stderr. */
export function runKhabar(args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=224', KHABAR_MAIN, ...args], {
    input: options.input ?? '', encoding: 'utf8', env: { ...process.env, ...options.env }, maxBuffer: 64 << 20,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
