/**
 * Wire text → story (DESIGN.md §2). The parser keeps the original text, places every block it can
 * (headline, lead, slug line, credit, body, end marker) and reports what it could not place as a
 * warning with its line number; it never drops a non-empty paragraph silently.
 */
import { KhabarError } from '../../errors/index.js';
import { createStory, stripUndefined } from '../story.js';
import type { Story, StorySource } from '../story.js';
import { type Block, blockText, toBlocks, wireLines } from './wire-blocks.js';
import { type Credit, type ServiceAgency, matchCredit, matchEndMarker, matchSlugLine } from './wire-patterns.js';

/** Something the parser noticed: a missing part, or text it could not place. */
export interface WireWarning {
  /** `no-end-marker`, `no-slug-line`, `no-lead`, `after-end-marker`, `credit-mismatch`. */
  code: string;
  /** What was wrong, in words. */
  message: string;
  /** 1-based line number in the input. */
  line: number;
  /** The text concerned, when it is not kept in the story. */
  text?: string;
}

/** The parsed story and what the parser noticed. */
export interface ParsedWire {
  story: Story;
  warnings: WireWarning[];
}

/** Options for {@link parseWire}. */
export interface ParseWireOptions {
  /** Where the text came from (file name, feed id): becomes `story.source`, part of its identity. */
  source?: StorySource;
  /** The story code, when the caller knows it. */
  code?: number;
}

/**
 * Parses one story in the agency wire-text layout.
 * @throws KhabarError INVALID_INPUT for a non-string, empty text, binary data or text with no headline;
 *   INPUT_TOO_LARGE over {@link WIRE_TEXT_LIMIT}.
 */
export function parseWire(text: string, options: ParseWireOptions = {}): ParsedWire {
  return parseBlocks(toBlocks(wireLines(text)), options);
}

/** Parses blocks already cut from wire text (shared with the stream reader). */
export function parseBlocks(input: readonly Block[], options: ParseWireOptions = {}): ParsedWire {
  const warnings: WireWarning[] = [];
  const blocks = splitHeadline(input);
  const first = blocks[0];
  if (!first || matchEndMarker(first.lines[0]!) || !/\p{L}/u.test(first.lines[0]!)) {
    throw new KhabarError('INVALID_INPUT', `wire text has no headline${first ? ` (line ${first.line} is not one)` : ''}`);
  }
  const headline = first.lines[0]!.trim();

  // End marker: the last block that opens with «پایان پیام» / «انتهای پیام».
  let end = blocks.length;
  let endMarker: ReturnType<typeof matchEndMarker>;
  for (let i = blocks.length - 1; i >= 1; i--) {
    const m = matchEndMarker(blocks[i]!.lines[0]!);
    if (m) {
      end = i;
      endMarker = m;
      break;
    }
  }
  if (endMarker) {
    const mb = blocks[end]!;
    mb.lines.slice(1).forEach((l, k) => warnings.push(afterEnd(l, mb.line + k + 1)));
    for (const b of blocks.slice(end + 1)) warnings.push(afterEnd(blockText(b), b.line));
  } else {
    const last = blocks[blocks.length - 1]!;
    warnings.push({ code: 'no-end-marker', message: `no end marker («پایان پیام» / «انتهای پیام») after line ${last.line}`, line: last.line + last.lines.length });
  }
  const content = blocks.slice(1, end);

  // Slug line as the 2nd or 3rd block; the lead sits between it and the headline.
  let slug: ServiceAgency | undefined;
  let lead: Block | undefined;
  let bodyFrom = 0;
  const slug2 = content[0] && matchSlugLine(content[0].lines);
  const slug3 = !slug2 && content[1] ? matchSlugLine(content[1].lines) : undefined;
  if (slug2) {
    slug = slug2;
    bodyFrom = 1;
  } else if (slug3) {
    slug = slug3;
    lead = content[0];
    bodyFrom = 2;
  } else {
    warnings.push({ code: 'no-slug-line', message: 'no slug line («سرویس … / خبرگزاری …») after the headline', line: content[0]?.line ?? first.line });
    const opensWithCredit = (b: Block | undefined) => b !== undefined && matchCredit(blockText(b)) !== undefined;
    if (!opensWithCredit(content[0]) && (opensWithCredit(content[1]) || content.length >= 3)) {
      lead = content[0];
      bodyFrom = 1;
    }
  }
  if (!lead && content.length > 0) {
    warnings.push({ code: 'no-lead', message: 'no lead paragraph between the headline and the body', line: content[0]!.line });
  }

  const body = content.slice(bodyFrom).map(blockText);
  let credit: Credit | undefined;
  if (body.length > 0) {
    credit = matchCredit(body[0]!, slug);
    if (!credit && slug) {
      credit = matchCredit(body[0]!);
      if (credit) {
        warnings.push({ code: 'credit-mismatch', message: `the credit «${credit.credit}» names another service or agency than the slug line`, line: content[bodyFrom]!.line });
      }
    }
    if (credit) body[0] = credit.rest;
  }
  const names = slug ?? credit;

  const story = createStory(stripUndefined({
    headline,
    lead: lead ? blockText(lead) : undefined,
    body,
    service: names?.service,
    agency: names?.agency,
    credit: credit?.credit,
    endMarker: endMarker?.marker,
    signOff: endMarker?.signOff,
    code: options.code,
    source: options.source,
    wire: stripUndefined({ slug: slug ? slug.order : 'none' as const, creditSeparator: credit?.separator }),
  }));
  return { story, warnings };
}

function afterEnd(text: string, line: number): WireWarning {
  return { code: 'after-end-marker', message: `text after the end marker at line ${line} is not part of the story`, line, text };
}

/** A first block of several lines holds the headline and, below it, the next block (often the lead). */
function splitHeadline(blocks: readonly Block[]): Block[] {
  const out = blocks.map((b) => ({ lines: [...b.lines], line: b.line }));
  const first = out[0];
  if (first && first.lines.length > 1) {
    out.splice(1, 0, { lines: first.lines.slice(1), line: first.line + 1 });
    first.lines = first.lines.slice(0, 1);
  }
  return out;
}
