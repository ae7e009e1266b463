/**
 * The import loop: files one after another, stories put in batches (one transaction each), so memory
 * holds one file and one batch whatever the size of the import. A batch is reported only after
 * `putStories` resolved — the store's promise that it is on disk (DESIGN.md §4) — so a killed import
 * has stored at least what it reported.
 *
 * One batch may be handed to the store while the previous one is still being written, so that a store
 * that analyzes in worker threads (the SQLite store with `analysisThreads`) analyzes the next batch while
 * it writes this one. Two batches that share a story identity never overlap: if the first failed and
 * were retried story by story after the second, an old version could land on top of a newer one.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { isKhabarError } from '../../errors/index.js';
import type { CsvColumnMap, Story } from '../../story/index.js';
import type { PutResult, Store } from '../../store/index.js';
import { detectFormat, type DetectedFormat, type ImportFormat } from './import-formats.js';
import { readStories } from './read-stories.js';

/** Stories per transaction when not told: large enough to amortize the commit, small enough to stay flat in memory. */
export const DEFAULT_BATCH_SIZE = 500;

/** Options of {@link runImport}. */
export interface RunImportOptions {
  /** Read every file in this format instead of detecting it. */
  format?: ImportFormat;
  /** The CSV column map (default the agency-samples map). */
  csvMap?: CsvColumnMap;
  /** Stories per `putStories` call. */
  batchSize?: number;
}

/** Where the loop reports, as things happen. */
export interface ImportReporter {
  /** A batch of `count` stories is durably stored; `total` stored so far in this run. */
  stored(count: number, total: number): void;
  /** An error that cost a file or a story: `where` is `file` or `file:line`. */
  error(where: string, message: string): void;
  /** A parser warning; the story was stored. */
  warning(where: string, message: string): void;
  /** A file is done (read and its stories queued or stored). */
  fileDone(done: number, total: number, stored: number): void;
}

/** What an import did. */
export interface ImportSummary {
  files: number;
  /** Files with at least one error (unreadable, or a story that could not be read or stored). */
  failedFiles: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  warnings: number;
  seconds: number;
}

/** The first bytes of a file, enough for its first line. */
function readHead(path: string, bytes = 4096): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function message(e: unknown): string {
  if (isKhabarError(e)) return `${e.message} [${e.code}]`;
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string') return `cannot read: ${err.code === 'EISDIR' ? 'is a folder' : err.code}`;
  throw e;
}

/** The keys a store may know a story by: its source, and its uri. */
function identityKeys(story: Story): string[] {
  const keys = [`u:${story.uri}`];
  if (story.source) keys.push(`s:${story.source.name}\u0000${story.source.id}`);
  return keys;
}

/** Imports `files` into `store`, in order. Errors are reported and counted, never thrown (except bugs). */
export async function runImport(
  files: readonly string[],
  store: Pick<Store, 'putStories'>,
  options: RunImportOptions,
  report: ImportReporter,
): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const sum: ImportSummary = { files: files.length, failedFiles: 0, created: 0, updated: 0, unchanged: 0, errors: 0, warnings: 0, seconds: 0 };
  const failed = new Set<string>();
  let total = 0;
  let pending: Array<{ story: Story; file: string; where: string }> = [];

  const fail = (file: string, where: string, text: string): void => {
    sum.errors++;
    failed.add(file);
    report.error(where, text);
  };
  const tally = (r: PutResult): void => {
    sum[r.status]++;
  };
  /** Hands `batch` to the store now; reports it after `previous` (the batch before) was reported. */
  const storeBatch = async (batch: typeof pending, previous: Promise<void>): Promise<void> => {
    const attempt = store.putStories(batch.map((b) => b.story));
    attempt.catch(() => undefined); // handled below, after the previous batch
    await previous;
    let done = 0;
    try {
      (await attempt).forEach(tally);
      done = batch.length;
    } catch (e) {
      // One story the store refuses rolls back its whole batch: store the batch again one story at a
      // time, so that only the bad one is lost and the error names its file and line.
      for (const b of batch) {
        try {
          (await store.putStories([b.story])).forEach(tally);
          done++;
        } catch (e2) {
          fail(b.file, b.where, message(e2));
        }
      }
      if (done === 0 && batch.length > 1) report.error('store', `a batch of ${batch.length} failed: ${message(e)}`);
    }
    total += done;
    if (done > 0) report.stored(done, total);
  };
  // The batch being written, and the identities of its stories.
  let writing: Promise<void> = Promise.resolve();
  let writingKeys = new Set<string>();
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const keys = new Set(batch.flatMap((b) => identityKeys(b.story)));
    const previous = writing;
    if ([...keys].some((k) => writingKeys.has(k))) await previous;
    writingKeys = keys;
    // storeBatch reports its own errors and never rejects; the next flush (or the end) awaits it.
    writing = storeBatch(batch, previous);
    await previous;
  };

  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    try {
      const format: DetectedFormat = options.format ?? detectFormat(file, readHead(file));
      for await (const entry of readStories(file, format, options.csvMap ? { csvMap: options.csvMap } : {})) {
        const where = entry.line !== undefined ? `${file}:${entry.line}` : file;
        if (entry.kind === 'story') {
          pending.push({ story: entry.story, file, where });
          if (pending.length >= batchSize) await flush();
        } else if (entry.kind === 'error') {
          fail(file, where, entry.message);
        } else {
          sum.warnings++;
          report.warning(where, entry.message);
        }
      }
    } catch (e) {
      fail(file, file, message(e));
    }
    report.fileDone(i + 1, files.length, total + pending.length);
  }
  await flush();
  await writing;
  sum.failedFiles = failed.size;
  sum.seconds = (performance.now() - started) / 1000;
  return sum;
}
