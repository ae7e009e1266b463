/**
 * Character classes for Persian text, as one 64 K lookup table over UTF-16 code units so that the hot
 * loops (normalize, tokenize) classify a character with one array read. Ranges follow the Unicode
 * Arabic (U+0600–06FF), Arabic Presentation Forms (U+FB50–FDFF, U+FE70–FEFF) charts.
 */

/** ZERO WIDTH NON-JOINER (U+200C), the Persian half-space (نیم‌فاصله). */
export const ZWNJ = '\u200C';
/** ZERO WIDTH JOINER (U+200D). */
export const ZWJ = '\u200D';

/** What a UTF-16 code unit is, for word breaking. */
export const enum CharClass {
  /** Anything not listed below: symbols, emoji halves, controls. */
  Other = 0,
  /** Arabic-script letter (Persian, Arabic, Urdu…), including presentation forms. */
  ArabicLetter = 1,
  /** Any other letter (\p{L}): Latin, Cyrillic, CJK… */
  OtherLetter = 2,
  /** A decimal digit: ASCII, Arabic-Indic (U+0660–0669) or Extended/Persian (U+06F0–06F9). */
  Digit = 3,
  /** A combining mark that stays inside a word: harakat U+064B–065F, U+0670, other \p{M}. */
  Mark = 4,
  /** ARABIC TATWEEL / kashida (U+0640): stretches a word, never separates it. */
  Tatweel = 5,
  /** ZWNJ (U+200C). */
  Zwnj = 6,
  /** White space of any kind, including U+00A0 and ZWSP. */
  Space = 7,
  /** Punctuation (\p{P}). */
  Punct = 8,
  /** ZWJ (U+200D) and other format characters that glue rather than split. */
  Joiner = 9,
}

const table = buildTable();

function buildTable(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const punct = /\p{P}/u;
  const space = /\s/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogate halves stay Other; tokenizers pair them
    const s = String.fromCharCode(c);
    if (letter.test(s)) t[c] = isArabicScript(c) ? CharClass.ArabicLetter : CharClass.OtherLetter;
    else if (mark.test(s)) t[c] = CharClass.Mark;
    else if (space.test(s)) t[c] = CharClass.Space;
    else if (punct.test(s)) t[c] = CharClass.Punct;
  }
  for (let c = 0x30; c <= 0x39; c++) t[c] = CharClass.Digit;
  for (let c = 0x660; c <= 0x669; c++) t[c] = CharClass.Digit;
  for (let c = 0x6f0; c <= 0x6f9; c++) t[c] = CharClass.Digit;
  t[0x640] = CharClass.Tatweel;
  t[0x200c] = CharClass.Zwnj;
  t[0x200d] = CharClass.Joiner;
  t[0x200b] = CharClass.Space; // ZERO WIDTH SPACE marks a word boundary
  t[0xfeff] = CharClass.Space; // a stray BOM inside text separates like ZWSP
  return t;
}

function isArabicScript(c: number): boolean {
  return (c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0x8a0 && c <= 0x8ff) ||
    (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
}

/** The class of one UTF-16 code unit. */
export function charClass(code: number): CharClass {
  return table[code] as CharClass;
}

/** True for a code unit that can be part of a word (letters, digits, marks, tatweel, ZWNJ, ZWJ). */
export function isWordChar(code: number): boolean {
  const k = table[code]!;
  return k !== CharClass.Other && k !== CharClass.Space && k !== CharClass.Punct;
}

/**
 * Arabic-script letters that never join to the letter after them (Unicode joining type R or U):
 * ا آ أ إ ٱ ء د ذ ر ز ژ و ؤ ة ۀ. A ZWNJ after one of them changes nothing on screen.
 */
const NON_JOINING = new Set([...'اآأإٱءدذرزژوؤةۀ'].map((c) => c.charCodeAt(0)));

/** True when the letter does not connect to the following letter, so a ZWNJ after it is redundant. */
export function isNonJoining(code: number): boolean {
  return NON_JOINING.has(code);
}

/** Persian (Extended Arabic-Indic) digits ۰–۹. */
export const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
/** Arabic-Indic digits ٠–٩. */
export const ARABIC_INDIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** The value 0–9 of a digit in any of the three scripts, or -1. */
export function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0;
  if (code >= 0x660 && code <= 0x669) return code - 0x660;
  return -1;
}
