/**
 * `khabar import <files|folders…> [--format …] [--db path | --database-url postgres://…] [--csv-map field=column,…] [--batch-size n]
 * [--verbose]`: stories from files into the store. Folders are walked recursively; each file's format is
 * detected (import-formats.ts) unless `--format` is given. Stories go to the store in batches, one
 * transaction each; the run is idempotent (the store keeps identical stories unchanged).
 *
 * Output: with stderr on a terminal, a progress bar there; otherwise one stdout line per committed batch,
 * `stored <n> stories (total <N>)`, written only once the batch is durable. Errors (`file:line: message`)
 * go to stderr as they happen, warnings too with `--verbose`; a summary ends the run on stdout. A run in
 * which some file or story failed ends with an error (exit code 1) after storing the rest.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { KhabarError } from '../../errors/index.js';
import type { Store } from '../../store/index.js';
import { parseArgs } from '../args.js';
import { openStoreTarget, resolveStoreTarget, STORE_OPTIONS } from '../open-store.js';
import { parseCsvMapOption } from '../import/csv-map-option.js';
import { IMPORT_FORMATS, isImportFormat } from '../import/import-formats.js';
import { createProgressBar, type ProgressBar } from '../import/progress-bar.js';
import { DEFAULT_BATCH_SIZE, runImport, type ImportSummary } from '../import/run-import.js';
import { walkInputs } from '../import/walk-inputs.js';
import type { Out } from '../out.js';

/** The database used when neither `--db` nor `KHABAR_DB` names one. */
export { DEFAULT_DB_PATH } from '../db-path.js';

/** What the command may be given instead of its defaults (tests). */
export interface ImportCommandDeps {
  /** Opens the SQLite store at a path (a PostgreSQL target is always opened by open-store.ts); default the SQLite store. */
  openStore?: (path: string) => Store | Promise<Store>;
  /** Draw a progress bar on stderr; default when stderr is a terminal. */
  progress?: boolean;
  /** The environment (KHABAR_DB, KHABAR_DATABASE_URL); default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Worker threads for SQLite imports: they analyze the next batch while this one is written (run-import.ts overlaps them). */
async function analysisThreads(): Promise<number> {
  const { defaultAnalysisThreads } = await import('../../store/index.js');
  return defaultAnalysisThreads();
}

function mkdirFor(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    throw new KhabarError('IO', `cannot create the folder of ${path}: ${(e as Error).message}`);
  }
}

/** The summary printed at the end of a run. */
export function formatSummary(s: ImportSummary): string {
  const stored = s.created + s.updated + s.unchanged;
  const rate = s.seconds > 0 ? Math.round(stored / s.seconds) : stored;
  return [
    `files read: ${s.files}${s.failedFiles ? ` (${s.failedFiles} with errors)` : ''}`,
    `stories: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged`,
    `errors: ${s.errors}, warnings: ${s.warnings}`,
    `time: ${s.seconds.toFixed(1)} s, ${rate} stories/s`,
    '',
  ].join('\n');
}

/** The `import` command. */
export async function importCommand(argv: readonly string[], out: Out, deps: ImportCommandDeps = {}): Promise<void> {
  const { positionals, flags } = parseArgs(argv, ['format', ...STORE_OPTIONS, 'csv-map', 'batch-size'], ['verbose']);
  if (positionals.length === 0) throw new KhabarError('USAGE', 'import needs files or folders to read');
  const format = flags.get('format');
  if (format !== undefined && (typeof format !== 'string' || !isImportFormat(format))) {
    throw new KhabarError('USAGE', `--format must be one of ${IMPORT_FORMATS.join('|')}, not "${String(format)}"`);
  }
  const csvMapText = flags.get('csv-map');
  const csvMap = typeof csvMapText === 'string' ? parseCsvMapOption(csvMapText) : undefined;
  const batchText = flags.get('batch-size');
  const batchSize = typeof batchText === 'string' ? Number(batchText) : DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw new KhabarError('USAGE', `--batch-size must be an integer 1–10000, not "${String(batchText)}"`);
  }
  const verbose = flags.get('verbose') === true;
  const env = deps.env ?? process.env;
  const target = resolveStoreTarget(flags, env);
  // The SQLite file and its journals are never read as input, even inside a folder being imported.
  const dbFiles = target.kind === 'sqlite' ? ['', '-wal', '-shm', '-journal'].map((x) => target.path + x) : [];
  const { files, problems } = walkInputs(positionals, new Set(dbFiles));
  let store: Store;
  if (target.kind === 'sqlite' && deps.openStore !== undefined) {
    mkdirFor(target.path);
    store = await deps.openStore(target.path);
  } else {
    store = await openStoreTarget(target, target.kind === 'sqlite' ? { analysisThreads: await analysisThreads() } : {});
  }
  const useBar = deps.progress ?? process.stderr.isTTY === true;
  const bar: ProgressBar | undefined = useBar ? createProgressBar(process.stderr) : undefined;
  const warn = (text: string): void => {
    bar?.clear();
    out.warn?.(text);
  };
  for (const p of problems) warn(`${p.path}: ${p.message}\n`);
  const started = performance.now();
  let summary: ImportSummary;
  try {
    summary = await runImport(files, store, { ...(format ? { format } : {}), ...(csvMap ? { csvMap } : {}), batchSize }, {
      stored(count, total) {
        if (!bar) out.write(`stored ${count} stories (total ${total})\n`);
      },
      error(where, message) {
        warn(`${where}: ${message}\n`);
      },
      warning(where, message) {
        if (verbose) warn(`${where}: warning ${message}\n`);
      },
      fileDone(done, total, stored) {
        bar?.update({ filesDone: done, filesTotal: total, stored, seconds: (performance.now() - started) / 1000 }, done === total);
      },
    });
  } finally {
    bar?.clear();
    await store.close();
  }
  // Paths that could not be read count as files read with errors.
  summary = { ...summary, files: summary.files + problems.length, failedFiles: summary.failedFiles + problems.length, errors: summary.errors + problems.length };
  out.write(formatSummary(summary));
  if (summary.errors > 0) {
    throw new KhabarError(problems.length > 0 && summary.errors === problems.length ? 'IO' : 'INVALID_INPUT',
      `${summary.errors} error(s) in ${summary.failedFiles} of ${summary.files} file(s); everything else was stored`);
  }
}
