/**
 * Lexing for date strings: fold the text to one spelling (ASCII digits, Persian yeh/kaf, no bidi marks,
 * ZWNJ or tatweel) and cut it into times, numeric dates, numbers, words and symbols. Parsing decisions
 * live in parse-jalali.ts; this file only says what the pieces are.
 */
import { toAsciiDigits } from './persian-digits.js';

/** A piece of a date string. `text` is the folded source of the piece. */
export type DateToken =
  | { kind: 'time'; text: string; hour: number; minute: number; second: number; meridiem: 'am' | 'pm' | undefined }
  | { kind: 'numeric-date'; text: string; parts: [string, string, string] }
  | { kind: 'number'; text: string }
  | { kind: 'word'; text: string }
  | { kind: 'symbol'; text: string };

/**
 * Fold a date string: digits to ASCII; ي ى → ی and ك → ک; drop bidi controls (U+200E/F, U+202A–E,
 * U+2066–9), BOM and tatweel; drop ZWNJ/ZWJ (they only join parts of one word); every Unicode space to
 * one ASCII space; and rejoin the two-word spellings «سه شنبه», «اردی بهشت».
 */
export function foldDateText(text: string): string {
  return toAsciiDigits(text)
    .replace(/[\u064A\u0649]/g, 'ی')
    .replace(/\u0643/g, 'ک')
    .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u0640\u200C\u200D]/g, '')
    .replace(/\s+/gu, ' ')
    .replace(/(یک|دو|سه|چهار|پنج) شنبه/g, '$1شنبه')
    .replace(/اردی بهشت/g, 'اردیبهشت')
    .trim();
}

// Order matters: a time before a bare number, a numeric date (same separator twice) before a number.
const TOKEN =
  /(\d{1,2}):(\d{2})(?::(\d{2}))?|(\d+)([/.-])(\d+)\5(\d+)|(\d+)|([\p{L}\p{M}]+)|(\S)|\s+/uy;

/**
 * A 12-hour marker right after a time: Persian «ق.ظ» (قبل از ظهر, a.m.) and «ب.ظ» (بعد از ظهر, p.m.),
 * spelled out or abbreviated with or without dots, or Latin AM/PM.
 */
const MERIDIEM = /^ ?(?:(ق ?\.? ?ظ\.?|قبل ?از ?ظهر|[Aa]\.?[Mm]\.?)|(ب ?\.? ?ظ\.?|بعد ?از ?ظهر|[Pp]\.?[Mm]\.?))(?![\p{L}])/u;

/** Cut folded text (see {@link foldDateText}) into tokens; spaces are dropped. */
export function tokenizeDateText(folded: string): DateToken[] {
  const tokens: DateToken[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < folded.length) {
    const m = TOKEN.exec(folded);
    if (!m) break; // unreachable: the last alternatives match any character
    if (m[1] !== undefined) {
      const rest = folded.slice(TOKEN.lastIndex);
      const mer = MERIDIEM.exec(rest);
      if (mer) TOKEN.lastIndex += mer[0].length;
      tokens.push({
        kind: 'time',
        text: m[0] + (mer ? mer[0] : ''),
        hour: Number(m[1]),
        minute: Number(m[2]),
        second: m[3] === undefined ? 0 : Number(m[3]),
        meridiem: mer ? (mer[1] !== undefined ? 'am' : 'pm') : undefined,
      });
    } else if (m[4] !== undefined) {
      tokens.push({ kind: 'numeric-date', text: m[0], parts: [m[4], m[6]!, m[7]!] });
    } else if (m[8] !== undefined) {
      tokens.push({ kind: 'number', text: m[8] });
    } else if (m[9] !== undefined) {
      tokens.push({ kind: 'word', text: m[9] });
    } else if (m[10] !== undefined) {
      tokens.push({ kind: 'symbol', text: m[10] });
    }
  }
  return tokens;
}
