/**
 * The first step of reading wire text: checks that it is text at all, then cuts it into blocks of
 * non-blank lines with their line numbers. Real wires send CRLF, a BOM, blank lines made of spaces,
 * and trailing white space; none of that survives this step, and nothing else is changed.
 */
import { KhabarError, describeType } from '../../errors/index.js';

/** Largest wire text accepted, in UTF-16 code units (a long story is ~50 K; a dump belongs to parseWireStream). */
export const WIRE_TEXT_LIMIT = 2_000_000;
/** Largest dump {@link parseWireStream} accepts at once. */
export const WIRE_STREAM_LIMIT = 256_000_000;

/** A run of non-blank lines. */
export interface Block {
  /** The lines, trailing white space removed. */
  lines: string[];
  /** 1-based number of the first line in the input (after a BOM, counting CRLF as one line end). */
  line: number;
}

/**
 * Checks `text` is a non-empty string of text within `limit`, then returns its lines with line ends
 * normalized to LF, a leading BOM removed and trailing white space of each line removed.
 * @throws KhabarError INVALID_INPUT (not a string, empty, binary), INPUT_TOO_LARGE.
 */
export function wireLines(text: unknown, limit = WIRE_TEXT_LIMIT): string[] {
  if (typeof text !== 'string') {
    throw new KhabarError('INVALID_INPUT', `wire text must be a string, got ${describeType(text)}`);
  }
  if (text.length > limit) {
    throw new KhabarError('INPUT_TOO_LARGE', `wire text is ${text.length} characters; the limit is ${limit}`, { limit });
  }
  assertNotBinary(text);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (isBlankLine(body)) throw new KhabarError('INVALID_INPUT', 'wire text is empty');
  return body.split(/\r\n|\r|\n/).map((l) => l.trimEnd());
}

/**
 * Binary data is refused rather than parsed into garbage: a NUL byte, or more than 1% (and at least 8)
 * of characters that text does not contain (C0 controls other than tab/LF/CR, DEL, U+FFFD from a
 * failed UTF-8 decode).
 */
function assertNotBinary(text: string): void {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new KhabarError('INVALID_INPUT', `wire text looks like binary data: NUL character at offset ${i}`);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd) bad++;
  }
  if (bad >= 8 && bad > text.length / 100) {
    throw new KhabarError('INVALID_INPUT', `wire text looks like binary data: ${bad} control or undecodable characters`);
  }
}

/** White space and the invisible format characters (ZWSP, ZWNJ, ZWJ, LRM/RLM, word joiner, BOM). */
const INVISIBLE = /[\s\u200B-\u200F\u2060\uFEFF]/g;

/** True for a line that shows nothing: blank, or only invisible characters (a stray ZWNJ). */
export function isBlankLine(line: string): boolean {
  return line.replace(INVISIBLE, '') === '';
}

/** Cuts lines into blocks separated by blank lines (lines of only white space or invisible characters count as blank). */
export function toBlocks(lines: readonly string[], firstLine = 1): Block[] {
  const blocks: Block[] = [];
  let cur: Block | undefined;
  lines.forEach((raw, i) => {
    if (isBlankLine(raw)) {
      cur = undefined;
      return;
    }
    if (!cur) {
      cur = { lines: [], line: firstLine + i };
      blocks.push(cur);
    }
    cur.lines.push(raw);
  });
  return blocks;
}

/** The block's text: its lines joined with LF. */
export function blockText(b: Block): string {
  return b.lines.join('\n');
}
