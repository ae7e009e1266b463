/**
 * Reading one import file as text: a size limit (one file is held in memory while it is read; the
 * import as a whole never is), UTF-8 with broken byte sequences reported rather than silently replaced.
 */
import { readFileSync } from 'node:fs';
import { KhabarError } from '../../errors/index.js';

/** Largest file read whole (bytes); JSONL files are streamed line by line and have no limit. */
export const MAX_IMPORT_FILE_BYTES = 256 * 1024 * 1024;

/** A file's text and what was wrong with its bytes. */
export interface InputText {
  text: string;
  /** Warnings with the line they concern (invalid UTF-8). */
  warnings: Array<{ line: number; message: string }>;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8', { fatal: false });

/** 1-based line of character index `i`. */
export function lineAt(text: string, i: number): number {
  let line = 1;
  for (let j = text.indexOf('\n'); j >= 0 && j < i; j = text.indexOf('\n', j + 1)) line++;
  return line;
}

/**
 * Reads `path` as UTF-8 (a leading BOM dropped). Invalid byte sequences become U+FFFD, as the WHATWG
 * Encoding standard's decoder does, and a warning names the first line that had one.
 * @throws KhabarError IO when the file cannot be read (missing, a folder, no permission);
 *   INPUT_TOO_LARGE over `limit` bytes.
 */
export function readInputFile(path: string, limit = MAX_IMPORT_FILE_BYTES): InputText {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new KhabarError('IO', `cannot read: ${err.code === 'EISDIR' ? 'is a folder' : err.code ?? err.message}`);
  }
  if (buf.length > limit) {
    throw new KhabarError('INPUT_TOO_LARGE', `file is ${buf.length} bytes; a file read whole may have at most ${limit} (split it, or use JSONL)`);
  }
  const warnings: InputText['warnings'] = [];
  let text: string;
  try {
    text = strict.decode(buf);
  } catch {
    text = lenient.decode(buf);
    const bad = text.indexOf('\uFFFD');
    warnings.push({ line: lineAt(text, bad), message: 'invalid UTF-8 bytes (replaced with U+FFFD); the file may be in another encoding' });
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, warnings };
}
