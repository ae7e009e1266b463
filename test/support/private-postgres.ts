/**
 * A PostgreSQL server of a test's own, for tests that stop and start the server (which they must not do to
 * the shared one in KHABAR_TEST_PG_URL): `initdb` in a temporary folder with the Debian binaries under
 * /usr/lib/postgresql/<version>/bin (the newest version there), started with `pg_ctl` on a free port of
 * 127.0.0.1, trust authentication, its unix socket inside the folder, and fsync on (the default) — the
 * tests using it are about what survives a stop or a crash.
 *
 * initdb and postgres refuse to run as root ("cannot be run as root": the server must not own files an
 * attacker could reach through it). CI runs as root, so as root the binaries run as the `postgres` OS user
 * through `runuser` (util-linux), with the folder given to that user.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';

/** Where Debian's postgresql-<version> packages put their binaries. */
const DEBIAN_PG_ROOT = '/usr/lib/postgresql';
const RUNUSER = ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => existsSync(p));

/** How the binaries will be run here, or why they cannot be. */
type Setup = { binDir: string; version: string; asUser?: { uid: number; gid: number } } | { missing: string };

function findSetup(): Setup {
  const versions = existsSync(DEBIAN_PG_ROOT)
    ? readdirSync(DEBIAN_PG_ROOT).filter((v) => /^\d+$/.test(v) && existsSync(join(DEBIAN_PG_ROOT, v, 'bin', 'initdb')))
    : [];
  if (versions.length === 0) return { missing: `no PostgreSQL binaries under ${DEBIAN_PG_ROOT}/<version>/bin (Debian's postgresql package)` };
  const version = versions.sort((a, b) => Number(b) - Number(a))[0]!;
  const binDir = join(DEBIAN_PG_ROOT, version, 'bin');
  if (process.getuid?.() !== 0) return { binDir, version };
  if (RUNUSER === undefined) return { missing: 'running as root, and runuser (to run initdb as the postgres user) is not installed' };
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
    return { binDir, version, asUser: { uid, gid } };
  } catch {
    return { missing: 'running as root, and there is no `postgres` OS user to run initdb and postgres as' };
  }
}

const setup = findSetup();

/** `describe` when a private server can be made here, `describe.skip` with a console line saying why when not. */
export function privatePgDescribe(what: string): typeof describe | typeof describe.skip {
  if (!('missing' in setup)) return describe;
  console.log(`${setup.missing}: skipping the ${what}`);
  return describe.skip;
}

/** A running (or stopped) private server. */
export interface PrivatePostgres {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly port: number;
  /** The major version of the binaries used. */
  readonly version: string;
  /** True between a successful start and a stop. */
  readonly running: boolean;
  /** `pg_ctl start`, waiting until connections are accepted (after crash recovery, if any). */
  start(): Promise<void>;
  /** `pg_ctl stop -m fast` (clean: sessions ended, checkpoint) or `-m immediate` (a crash: no checkpoint; WAL replay at the next start). */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** The server's log so far. */
  serverLog(): string;
  /** The running postmaster's process id (from postmaster.pid). */
  postmasterPid(): number;
  /** Stops the server if it runs and removes the folder; never throws. */
  destroy(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (the kernel's pick for port 0; free again once the probe closes). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const addr = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (addr === null || typeof addr !== 'object') throw new Error('cannot find a free port');
  return addr.port;
}

/** Creates the cluster and starts the server. The caller must call `destroy()` (in afterAll). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if ('missing' in setup) throw new Error(`cannot start a private PostgreSQL: ${setup.missing}`);
  const { binDir, version, asUser } = setup;
  const dir = mkdtempSync(join(tmpdir(), 'khabar-private-pg-'));
  const data = join(dir, 'data');
  const socketDir = join(dir, 'socket');
  const logFile = join(dir, 'server.log');
  mkdirSync(socketDir);
  if (asUser) {
    // mkdtemp makes the folder 0700 for root; the server's user must own what it writes.
    chmodSync(dir, 0o700);
    for (const p of [dir, socketDir]) chownSync(p, asUser.uid, asUser.gid);
  }
  let running = false;

  /** Runs a PostgreSQL binary (as the postgres user when root), no stdin; rejects with its output. */
  function run(binary: string, args: string[], timeoutMs = 60_000): Promise<string> {
    const [file, argv] = asUser ? [RUNUSER!, ['-u', 'postgres', '--', join(binDir, binary), ...args]] : [join(binDir, binary), args];
    return new Promise((resolve, reject) => {
      const child = execFile(file, argv, { timeout: timeoutMs, env: { ...process.env, LC_ALL: 'C' } }, (err, stdout, stderr) => {
        if (err) reject(new Error(`${binary} ${args.join(' ')} failed: ${err.message}\n${stdout}${stderr}`));
        else resolve(`${stdout}${stderr}`);
      });
      child.stdin?.end();
    });
  }

  const port = await freePort();
  const pg: PrivatePostgres = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    version,
    get running() {
      return running;
    },
    async start() {
      // -w waits until the server accepts connections; -t bounds the wait (crash recovery included).
      await run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', logFile, '-o',
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${socketDir}`]);
      running = true;
    },
    async stop(mode) {
      await run('pg_ctl', ['stop', '-w', '-t', '60', '-m', mode, '-D', data]);
      running = false;
    },
    serverLog() {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    },
    postmasterPid() {
      // postmaster.pid's first line is the pid (docs/15/server-start.html).
      return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    },
    async destroy() {
      if (existsSync(join(data, 'postmaster.pid'))) await run('pg_ctl', ['stop', '-w', '-t', '30', '-m', 'immediate', '-D', data]).catch(() => undefined);
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    // -A trust: the server listens on 127.0.0.1 only and lives as long as the test; -E UTF8 for Persian text.
    await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-instructions']);
    await pg.start();
  } catch (e) {
    await pg.destroy();
    throw e;
  }
  return pg;
}
