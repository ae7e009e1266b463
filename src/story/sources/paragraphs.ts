/**
 * Text cleanup shared by the corpus and feed mappers: paragraphs as the wire layout holds them (no
 * blank lines inside, no trailing white space, no empty ones). Letters are never changed here.
 */
import { isBlankLine } from '../wire/wire-blocks.js';
import { matchEndMarker } from '../wire/wire-patterns.js';

/** Splits raw paragraph strings at blank lines, trims them and drops empty ones. */
export function cleanParagraphs(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of raw) {
    for (const part of p.replace(/\r\n?/g, '\n').split(/\n(?:[ \t\u00A0\u200B-\u200F\uFEFF]*\n)+/)) {
      const text = part.split('\n').filter((l) => !isBlankLine(l)).map((l) => l.trim()).join('\n');
      if (text) out.push(text);
    }
  }
  return out;
}

/** One line of text: white space runs (including line breaks) become one space; trimmed. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The body up to its end-marker paragraph, and that marker (ISNA and Fars copy keep «انتهای پیام» in the
 * text). What follows the marker in a scraped page («Attachments area») is page furniture, not story.
 */
export function splitEndMarker(paragraphs: string[]): { body: string[]; endMarker?: string; signOff?: string } {
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const p = paragraphs[i]!;
    const m = p.includes('\n') ? undefined : matchEndMarker(p);
    if (m) return { body: paragraphs.slice(0, i), endMarker: m.marker, ...(m.signOff ? { signOff: m.signOff } : {}) };
  }
  return { body: paragraphs };
}
