/**
 * One import file → stories, per format, as a stream of entries: a story, or an error or warning with
 * the line it concerns. A bad story is an error entry and the rest of the file goes on; a file that
 * cannot be read at all (not JSON when JSON was expected, a CSV map that does not fit) throws.
 */
import { createReadStream } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { isKhabarError, KhabarError } from '../../errors/index.js';
import {
  AGENCY_SAMPLES_CSV_MAP, AGENCY_SAMPLES_CSV_OPTIONS, createStory, csvStories, fromFarsNewsRecord, fromHamshahriText, fromIranianNewsText,
  fromIsnaText, fromNinjs, parseWireStream,
} from '../../story/index.js';
import type { CsvColumnMap, Story } from '../../story/index.js';
import { type DetectedFormat, looksLikeFarsNews } from './import-formats.js';
import { readInputFile } from './read-input-file.js';

/** What reading a file yields: a story, an error that cost a story, or a warning. `line` is 1-based. */
export type ReadEntry =
  | { kind: 'story'; story: Story; line?: number }
  | { kind: 'error'; message: string; line?: number }
  | { kind: 'warning'; message: string; line?: number };

/** Options of {@link readStories}. */
export interface ReadStoriesOptions {
  /** The CSV column map; default the agency-samples map. */
  csvMap?: CsvColumnMap;
}

/** An error's message; KhabarErrors keep their code in brackets, as the CLI prints them. */
function describe(e: unknown): string {
  if (isKhabarError(e)) return `${e.message} [${e.code}]`;
  throw e;
}

/** Parses JSON, naming the file's problem in words. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new KhabarError('INVALID_INPUT', `not valid JSON (${(e as Error).message})`);
  }
}

/**
 * A Fars record as a story. fromFarsNewsRecord falls back to `record-<index>` when it finds no news id
 * in the link; records at the same index of different files would then share an identity and replace
 * each other, so the file name joins such an id.
 */
function farsStory(record: unknown, i: number, file: string): Story {
  const story = fromFarsNewsRecord(record, i);
  if (story.source?.id !== `record-${i}`) return story;
  const { uri: _uri, ...rest } = story;
  return createStory({ ...rest, source: { ...story.source, id: `${file}#${i}` } });
}

/** Stories of one whole-file format, from its text. */
function* fromText(path: string, format: Exclude<DetectedFormat, 'jsonl'>, text: string, options: ReadStoriesOptions): Generator<ReadEntry> {
  switch (format) {
    case 'hamshahri':
      yield { kind: 'story', story: fromHamshahriText(text, basename(path).replace(/\.ham$/i, '')) };
      return;
    case 'isna':
      yield { kind: 'story', story: fromIsnaText(text, basename(dirname(path)), basename(path)) };
      return;
    case 'iranian-news':
      yield { kind: 'story', story: fromIranianNewsText(text) };
      return;
    case 'csv': {
      const r = options.csvMap ? csvStories(text, options.csvMap) : csvStories(text, AGENCY_SAMPLES_CSV_MAP, AGENCY_SAMPLES_CSV_OPTIONS);
      // Rows come back in order; a row's errors and warnings are reported where it stood.
      for (const w of r.warnings) yield { kind: 'warning', message: `${w.message} [${w.code}]` };
      for (const e of r.errors) yield { kind: 'error', message: `row ${e.row}${e.field ? ` (${e.field})` : ''}: ${e.message} [${e.code}]` };
      for (const story of r.stories) yield { kind: 'story', story };
      return;
    }
    case 'wire':
      for (const item of parseWireStream(text)) {
        if ('error' in item) {
          yield { kind: 'error', line: item.line, message: `${item.error.message} [${item.error.code}]` };
          continue;
        }
        for (const w of item.warnings) yield { kind: 'warning', line: w.line, message: `[${w.code}] ${w.message}` };
        yield { kind: 'story', story: item.story, line: item.line };
      }
      return;
    case 'json':
    case 'ninjs':
    case 'farsnews': {
      const json = parseJson(text);
      const fars = format === 'farsnews' || (format === 'json' && looksLikeFarsNews(json));
      if (format === 'farsnews' && !Array.isArray(json)) throw new KhabarError('INVALID_INPUT', 'a Fars News file is a JSON array of records');
      const docs = Array.isArray(json) ? json : [json];
      for (let i = 0; i < docs.length; i++) {
        try {
          yield { kind: 'story', story: fars ? farsStory(docs[i], i, basename(path)) : fromNinjs(docs[i]) };
        } catch (e) {
          yield { kind: 'error', message: `${fars ? 'record' : 'document'} ${i}: ${describe(e)}` };
        }
      }
      return;
    }
  }
}

/** One ninjs document per line; blank lines skipped. Streamed: a JSONL file may be larger than memory. */
async function* fromJsonl(path: string): AsyncGenerator<ReadEntry> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new KhabarError('IO', `cannot read: ${err.code === 'EISDIR' ? 'is a folder' : err.code ?? err.message}`);
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!text.trim()) continue;
    if (text.includes('\uFFFD')) yield { kind: 'warning', line, message: 'U+FFFD in the line: invalid UTF-8 bytes, or a replacement character in the source' };
    try {
      yield { kind: 'story', line, story: fromNinjs(parseJson(text)) };
    } catch (e) {
      yield { kind: 'error', line, message: describe(e) };
    }
  }
}

/**
 * Reads the stories of the file at `path` in `format`.
 * @throws KhabarError when the file as a whole cannot be read (IO, INPUT_TOO_LARGE, INVALID_INPUT).
 */
export async function* readStories(path: string, format: DetectedFormat, options: ReadStoriesOptions = {}): AsyncGenerator<ReadEntry> {
  if (format === 'jsonl') {
    yield* fromJsonl(path);
    return;
  }
  const { text, warnings } = readInputFile(path);
  for (const w of warnings) yield { kind: 'warning', line: w.line, message: w.message };
  if (!text.trim()) throw new KhabarError('INVALID_INPUT', 'the file is empty');
  yield* fromText(path, format, text, options);
}
