/**
 * The input formats `khabar import` reads, and how it picks one for a file when `--format` is not given.
 *
 * Detection, first rule that matches:
 * 1. `.ham` → hamshahri;
 * 2. `.csv` → csv (with the agency-samples column map unless `--csv-map` is given);
 * 3. `.jsonl` / `.ndjson` → jsonl (one ninjs document per line);
 * 4. `.json` → json: read, then an array whose first element has `title` and `paragraphs` is farsnews,
 *    anything else ninjs (one document or an array of them);
 * 5. a `.txt` file inside `isna/<service>/` → isna;
 * 6. a first line in the iranian-news header shape (`agency###title###…`) → iranian-news;
 * 7. anything else → wire text (one story or a dump of many).
 */
import { basename, dirname, extname } from 'node:path';
import { isIranianNewsHeader } from '../../story/index.js';

/** Formats a user may name with `--format`. */
export const IMPORT_FORMATS = ['wire', 'ninjs', 'jsonl', 'csv', 'hamshahri', 'isna', 'farsnews', 'iranian-news'] as const;
/** An {@link IMPORT_FORMATS} value. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** A detected format; `json` is settled (ninjs or farsnews) once the JSON is parsed. */
export type DetectedFormat = ImportFormat | 'json';

/** True when `name` is one of {@link IMPORT_FORMATS}. */
export function isImportFormat(name: string): name is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(name);
}

/**
 * The format of the file at `path` whose text begins with `head` (its first line is enough), by the
 * rules in the module comment.
 */
export function detectFormat(path: string, head: string): DetectedFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.ham') return 'hamshahri';
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.txt' && basename(dirname(dirname(path))) === 'isna') return 'isna';
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (isIranianNewsHeader(firstLine)) return 'iranian-news';
  return 'wire';
}

/** True when parsed JSON is a Fars News dump: an array of `{ title, paragraphs }` records. */
export function looksLikeFarsNews(json: unknown): boolean {
  if (!Array.isArray(json) || json.length === 0) return false;
  const first: unknown = json[0];
  return typeof first === 'object' && first !== null && 'title' in first && 'paragraphs' in first;
}
