/** Reading command input: a file path, or standard input for `-` or no argument. */
import { readFileSync } from 'node:fs';
import { KhabarError } from '../errors/index.js';

/** Largest input a text command reads at once (bytes). Larger files belong to `khabar import`. */
export const MAX_TEXT_INPUT = 256 * 1024 * 1024;

/** Reads UTF-8 text from `path`, or from stdin when `path` is undefined or `-`. Strips a leading BOM. */
export function readTextInput(path: string | undefined): string {
  const fromStdin = path === undefined || path === '-';
  if (fromStdin && process.stdin.isTTY) {
    throw new KhabarError('USAGE', 'no input: give a file, or pipe text on standard input');
  }
  let buf: Buffer;
  try {
    buf = readFileSync(fromStdin ? 0 : path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EAGAIN') {
      throw new KhabarError('USAGE', 'no input: give a file, or pipe text on standard input');
    }
    throw new KhabarError('IO', `cannot read ${path ?? 'standard input'}: ${err.message}`);
  }
  if (buf.length > MAX_TEXT_INPUT) {
    throw new KhabarError('INPUT_TOO_LARGE', `input is ${buf.length} bytes; the limit is ${MAX_TEXT_INPUT}`);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
