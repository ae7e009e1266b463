/**
 * Stories from CSV with a column map (DESIGN.md §3 "Ingest: CSV with a column map"): each row one
 * story, the map naming the column of each story field. A bad row is reported with its row number and
 * field and skipped; the other rows go on. Rows are read by the RFC 4180 reader in csv.ts.
 *
 * The agency-samples CSVs (`news_id,category,date,url,title,introtext,text,tags`, paragraphs joined by
 * `[n]`, tags comma-separated, dates as the sites print them, «۳۱ مرداد ۱۴۰۴ - ۱۵:۱۰») import with
 * {@link AGENCY_SAMPLES_CSV_MAP} and {@link AGENCY_SAMPLES_CSV_OPTIONS}.
 */
import { isKhabarError, KhabarError } from '../../errors/index.js';
import { parseJalaliDateDetailed } from '../dates/index.js';
import { createStory, type Story } from '../story.js';
import { parseCsv } from './csv.js';
import { parsePythonStringList } from './iranian-news.js';
import { cleanParagraphs, oneLine, splitEndMarker } from './paragraphs.js';

/** Which column holds which story field (column names as in the header row). */
export interface CsvColumnMap {
  /** The headline (required). */
  headline: string;
  /** The lead paragraph. */
  lead?: string;
  /** The body: paragraphs joined by `paragraphSeparator`, or by blank lines. */
  body?: string;
  /** The desk/service. */
  service?: string;
  /** The agency. */
  agency?: string;
  /** The first-created date: a Persian date string, or ISO 8601 (see parseJalaliDate). */
  date?: string;
  /** Tags (keywords): separated by `tagSeparator`, or a `['a', 'b']` / `["a","b"]` list literal. */
  tags?: string;
  /** The story's id at the source; with the source name, its identity on import. */
  id?: string;
  /** The story's address at the source. */
  url?: string;
}

/** Options for {@link csvStories}. */
export interface CsvStoriesOptions {
  /** The source name of every story; default the host of the row's URL (`www.` dropped), else `csv`. */
  source?: string;
  /** The agency when the map has no agency column; default looked up from the URL host ({@link KNOWN_AGENCY_HOSTS}). */
  agency?: string;
  /** What joins paragraphs inside the body cell, e.g. `[n]`; default blank lines (or line breaks). */
  paragraphSeparator?: string;
  /** What separates tags; default a comma or an Arabic comma «،». */
  tagSeparator?: string;
}

/** A row that could not become a story, or a field of one that was dropped. */
export interface CsvRowIssue {
  /** The row number as a spreadsheet shows it: the header is row 1, the first story row 2. */
  row: number;
  /** The story field concerned (`headline`, `date`…), when there is one. */
  field?: string;
  /** The error code (KhabarError code). */
  code: string;
  message: string;
}

/** What {@link csvStories} read. */
export interface CsvStoriesResult {
  stories: Story[];
  /** Rows skipped, with why. */
  errors: CsvRowIssue[];
  /** Rows stored without a field that could not be read (a date that is not one…). */
  warnings: CsvRowIssue[];
}

/** The column map of the agency-samples CSVs (Tasnim, Khabaronline…). */
export const AGENCY_SAMPLES_CSV_MAP: Readonly<CsvColumnMap> = {
  id: 'news_id', service: 'category', date: 'date', url: 'url', headline: 'title', lead: 'introtext', body: 'text', tags: 'tags',
};

/** Options for the agency-samples CSVs: paragraphs joined by `[n]`. */
export const AGENCY_SAMPLES_CSV_OPTIONS: Readonly<CsvStoriesOptions> = { paragraphSeparator: '[n]' };

/** Hosts of agencies whose CSV exports carry no agency column → their Persian names. */
export const KNOWN_AGENCY_HOSTS: Readonly<Record<string, string>> = {
  'tasnimnews.com': 'خبرگزاری تسنیم',
  'khabaronline.ir': 'خبرآنلاین',
  'hamshahrionline.ir': 'همشهری آنلاین',
  'borna.news': 'خبرگزاری برنا',
  'isna.ir': 'خبرگزاری ایسنا',
  'farsnews.ir': 'خبرگزاری فارس',
  'irna.ir': 'خبرگزاری ایرنا',
  'mehrnews.com': 'خبرگزاری مهر',
};

function hostOf(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url.trim());
  return m ? m[1]!.toLowerCase().replace(/^www\./, '') : undefined;
}

function splitTags(cell: string, separator: string | undefined): string[] {
  const s = cell.trim();
  if (!s) return [];
  const parts = s.startsWith('[')
    ? (s.includes('"') && !s.includes("'") ? (JSON.parse(s) as unknown[]).map(String) : parsePythonStringList(s))
    : s.split(separator ?? /[,،]/);
  return [...new Set(parts.map(oneLine).filter(Boolean))];
}

/**
 * Reads CSV text with a header row into stories.
 * @throws KhabarError INVALID_INPUT when the text has no header row or the map names a column the
 *   header does not have (the whole file is wrong, not one row).
 */
export function csvStories(text: string, map: CsvColumnMap, options: CsvStoriesOptions = {}): CsvStoriesResult {
  const [header, ...rows] = parseCsv(text);
  if (!header || header.every((h) => !h.trim())) throw new KhabarError('INVALID_INPUT', 'CSV: no header row');
  const names = header.map((h) => h.trim());
  const index: Partial<Record<keyof CsvColumnMap, number>> = {};
  for (const [field, column] of Object.entries(map) as Array<[keyof CsvColumnMap, string | undefined]>) {
    if (column === undefined) continue;
    const i = names.indexOf(column);
    if (i < 0) {
      throw new KhabarError('INVALID_INPUT', `CSV: column "${column}" (for ${field}) is not in the header (${names.join(', ')})`, { field });
    }
    index[field] = i;
  }
  const result: CsvStoriesResult = { stories: [], errors: [], warnings: [] };
  rows.forEach((cells, n) => {
    const row = n + 2;
    if (cells.every((c) => !c.trim())) return; // a blank line, e.g. at the end of the file
    const cell = (f: keyof CsvColumnMap): string => (index[f] === undefined ? '' : cells[index[f]!] ?? '');
    try {
      result.stories.push(rowStory(cell, row, options, result.warnings));
    } catch (e) {
      if (!isKhabarError(e)) throw e;
      const field = typeof e.details?.field === 'string' ? e.details.field : undefined;
      result.errors.push({ row, ...(field ? { field } : {}), code: e.code, message: e.message });
    }
  });
  return result;
}

function rowStory(cell: (f: keyof CsvColumnMap) => string, row: number, options: CsvStoriesOptions, warnings: CsvRowIssue[]): Story {
  const headline = oneLine(cell('headline'));
  if (!headline) throw new KhabarError('INVALID_INPUT', `row ${row}: the headline is empty`, { field: 'headline' });
  const url = cell('url').trim();
  const host = hostOf(url);
  let firstCreated: string | undefined;
  const date = cell('date').trim();
  if (date) {
    try {
      firstCreated = parseJalaliDateDetailed(date).instant.toISOString().replace(/\.000Z$/, 'Z');
    } catch (e) {
      if (!isKhabarError(e)) throw e;
      warnings.push({ row, field: 'date', code: e.code, message: `row ${row}: date "${date}" left out: ${e.message}` });
    }
  }
  const bodyCell = cell('body');
  // Without a separator, any line break in the cell ends a paragraph: a CSV cell has no hard wraps.
  const paragraphs = cleanParagraphs(bodyCell.split(options.paragraphSeparator || /\r?\n/));
  const lead = cleanParagraphs([cell('lead')]).join(' ');
  const service = oneLine(cell('service'));
  const agency = oneLine(cell('agency')) || options.agency || (host ? KNOWN_AGENCY_HOSTS[host] : undefined);
  const id = oneLine(cell('id')) || url || `row-${row}`;
  let keywords: string[];
  try {
    keywords = splitTags(cell('tags'), options.tagSeparator);
  } catch (e) {
    throw new KhabarError('INVALID_INPUT', `row ${row}: tags: ${(e as Error).message}`, { field: 'tags' });
  }
  try {
    return createStory({
      headline,
      ...(lead ? { lead } : {}),
      ...splitEndMarker(paragraphs),
      ...(service ? { service } : {}),
      ...(agency ? { agency } : {}),
      keywords,
      ...(firstCreated ? { firstCreated } : {}),
      source: { name: options.source ?? host ?? 'csv', id, ...(url ? { url } : {}) },
    });
  } catch (e) {
    if (!isKhabarError(e)) throw e;
    throw new KhabarError(e.code, `row ${row}: ${e.message}`, e.details ? { ...e.details } : undefined);
  }
}
