/**
 * A dump of many wire stories (one file, as agencies archive a day's wire) → stories. A story ends
 * with its end-marker block; code blocks right after a marker (a sign-off, a number) still belong to
 * the story before. A story that cannot be parsed is reported with its line and the rest go on.
 */
import { isKhabarError, KhabarError } from '../../errors/index.js';
import { type ParsedWire, type ParseWireOptions, parseBlocks } from './parse-wire.js';
import { type Block, toBlocks, wireLines, WIRE_STREAM_LIMIT } from './wire-blocks.js';
import { matchEndMarker } from './wire-patterns.js';

/** One story of a dump: parsed, or the error that stopped it. */
export type StreamItem = (ParsedWire & { line: number }) | { error: KhabarError; line: number };

/**
 * A block after an end marker that is only a code or sign-off («۱۲۳۴», «ع.ص/ ۴۲»): one line of at most
 * three tokens and no word of three or more letters — a short headline such as «خبر دوم» has one.
 */
function isTrailer(b: Block): boolean {
  const text = b.lines.join(' ');
  return b.lines.length === 1 && text.split(/\s+/).filter(Boolean).length <= 3 && !/\p{L}{3}/u.test(text) &&
    !matchEndMarker(text);
}

/**
 * Splits `text` into stories and parses each. `options.source` (if given) gets `#n` appended to its id
 * per story, so every story of the dump has its own identity.
 * @throws KhabarError for input that is not text at all (see parseWire); per-story errors are items.
 */
export function parseWireStream(text: string, options: ParseWireOptions = {}): StreamItem[] {
  const blocks = toBlocks(wireLines(text, WIRE_STREAM_LIMIT));
  const groups: Block[][] = [];
  let cur: Block[] = [];
  let closed = false;
  for (const b of blocks) {
    if (closed && !isTrailer(b)) {
      groups.push(cur);
      cur = [];
      closed = false;
    }
    cur.push(b);
    if (matchEndMarker(b.lines[0]!)) closed = true;
  }
  if (cur.length) groups.push(cur);
  return groups.map((g, n) => {
    const line = g[0]!.line;
    const source = options.source ? { ...options.source, id: `${options.source.id}#${n + 1}` } : undefined;
    try {
      return { ...parseBlocks(g, { ...options, ...(source ? { source } : {}) }), line };
    } catch (e) {
      if (isKhabarError(e)) return { error: e, line };
      throw e;
    }
  });
}
