/**
 * khabar at archive scale, the way an agency loads its archive: the ISNA, Hamshahri and Fars stories
 * repeated under new ids (`#copyN` on the source id and the URI) until `target` stories, written as
 * ninjs JSON lines (10,000 per file, untimed), then imported by the `khabar import` command in a child
 * process — reading, parsing, validation, analysis in worker threads, durable batches — whose wall time
 * and peak resident memory (Linux `/proc/<pid>/status` VmHWM, sampled every 100 ms) are measured.
 * Then top-10 queries are timed against the imported database in this process.
 *
 * With a PostgreSQL URL the same stories go into a fresh schema of that server (`khabar import
 * --database-url <url>?schema=…`, the command's default batches) and the queries run against it through
 * the PostgreSQL store; the schema is dropped afterwards. The import's resident memory is then the
 * command's alone (the server's processes are not counted), and the size is the schema's tables with
 * their indexes and TOAST (`pg_total_relation_size`).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { toNinjs, type Story } from '../../src/story/index.js';
import pg from 'pg';
import { openPostgresStore, openSqliteStore, type Store } from '../../src/store/index.js';
import { quoteIdent } from '../../src/store/postgres/pg-db.js';
import { hamshahriQueries, hamshahriStories } from '../hamshahri.js';
import { farsStories, isnaStories } from '../../test/support/corpus-stories.js';
import { REPO_ROOT } from '../corpus.js';
import { sqliteBytes } from './khabar.js';
import { headlineQueries, timeQueries, type Latency } from './queries.js';

/** What the scale job reports. */
export interface ScaleResult {
  /** Which store: 'sqlite' or 'postgres'. */
  store: 'sqlite' | 'postgres';
  stories: number;
  baseStories: number;
  /** Wall time of the `khabar import` process. */
  importSeconds: number;
  /** What the command's summary says it stored. */
  importSummary: string;
  /** Peak resident set of the import process (VmHWM), MB; NaN where /proc is missing. */
  importPeakRssMB: number;
  sizeBytes: number;
  latency: Latency;
}

/** Copy `n` of a story: a new URI and source id, everything else shared (copy 0 is the story itself). */
function copyOf(s: Story, n: number): Story {
  if (n === 0) return s;
  return {
    ...s,
    uri: `${s.uri}#copy${n}`,
    source: s.source ? { ...s.source, id: `${s.source.id}#copy${n}` } : { name: 'bench', id: `${s.uri}#copy${n}` },
  };
}

const PER_FILE = 10_000;

async function writeInput(dir: string, base: readonly Story[], target: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (let f = 0; f * PER_FILE < target; f++) {
    const out = createWriteStream(join(dir, `part-${String(f).padStart(3, '0')}.jsonl`));
    for (let j = f * PER_FILE; j < Math.min(target, (f + 1) * PER_FILE); j++) {
      if (!out.write(`${JSON.stringify(toNinjs(copyOf(base[j % base.length]!, Math.floor(j / base.length))))}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  }
}

/** Peak resident set of a live process, in kB (0 when unknown). */
function vmHwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Where the import goes, how to open it afterwards, its size, and how to clean up. */
interface ScaleTarget {
  importArgs: string[];
  open(): Promise<Store>;
  sizeBytes(): Promise<number>;
  drop(): Promise<void>;
}

function sqliteTarget(dir: string): ScaleTarget {
  const db = join(dir, 'scale.db');
  return {
    importArgs: ['--db', db],
    open: () => openSqliteStore(db),
    sizeBytes: async () => sqliteBytes(dir, 'scale.db'),
    drop: async () => undefined,
  };
}

function postgresTarget(url: string, target: number): ScaleTarget {
  const schema = `khabar_bench_scale_${target}_${process.pid}`;
  const withSchema = new URL(url);
  withSchema.searchParams.set('schema', schema);
  const sql = async <R>(text: string, params: unknown[] = []): Promise<R[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as R[];
    } finally {
      await client.end();
    }
  };
  return {
    importArgs: ['--database-url', withSchema.toString()],
    open: () => openPostgresStore(url, { schema }),
    sizeBytes: async () => Number((await sql<{ bytes: string }>(
      `SELECT COALESCE(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`, [schema]))[0]!.bytes),
    drop: async () => { await sql(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`); },
  };
}

/**
 * Imports `target` stories with `khabar import` and times queries: into a SQLite file, or into a fresh
 * schema of the PostgreSQL server at `pgUrl`.
 */
export async function runScale(target: number, pgUrl?: string): Promise<ScaleResult> {
  const base = [...isnaStories(), ...hamshahriStories(), ...farsStories()];
  const queries = [...hamshahriQueries().map((q) => q.query), ...headlineQueries(base, 1000, 1404)];
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-scale-'));
  const to = pgUrl === undefined ? sqliteTarget(dir) : postgresTarget(pgUrl, target);
  try {
    await writeInput(join(dir, 'in'), base, target);
    const main = join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');
    const t0 = performance.now();
    // As the `khabar` command runs (its shebang caps the old generation at 224 MB).
    const child = spawn(process.execPath, ['--max-old-space-size=224', main, 'import', join(dir, 'in'), '--format', 'jsonl', ...to.importArgs],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let peakKb = 0;
    const timer = setInterval(() => { peakKb = Math.max(peakKb, vmHwmKb(child.pid!)); }, 100);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    const [code] = await once(child, 'exit') as [number | null];
    clearInterval(timer);
    const importSeconds = (performance.now() - t0) / 1000;
    if (code !== 0) throw new Error(`khabar import exited with ${code}: ${stdout.slice(-500)}`);
    const store = await to.open();
    const latency = await timeQueries(async (q) => (await store.search({ q, limit: 10 })).hits, queries);
    await store.close();
    return {
      store: pgUrl === undefined ? 'sqlite' : 'postgres',
      stories: target, baseStories: base.length, importSeconds,
      importSummary: stdout.split('\n').filter((l) => /^stories:|^time:/.test(l)).join('; '),
      importPeakRssMB: existsSync('/proc/self/status') ? peakKb / 1024 : NaN,
      sizeBytes: await to.sizeBytes(), latency,
    };
  } finally {
    await to.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
