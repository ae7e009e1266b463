/**
 * Characters the query language gives a meaning to, in their Persian, Arabic and ASCII forms, so that a
 * query typed on a Persian keyboard (ISIRI 9147), pasted from a news page or typed in Latin reads the same.
 */

/**
 * Opening quote → the closing quotes that end it. «…» is the Persian quotation mark (ISIRI 9147 puts it on
 * the keyboard); “…” and „…“ come from pasted Western text; ＂ is the full-width quote of some IMEs.
 */
export const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['«', '»'],
  ['“', '”"'],
  ['„', '“”"'],
  ['＂', '＂"'],
]);

/** `+` and its full-width / small forms (U+FF0B, U+FE62). */
const PLUS = new Set(['+', '\uFF0B', '\uFE62']);
/** `-` and the minus sign (U+2212), full-width and small hyphen-minus (U+FF0D, U+FE63). Not dashes: «الف – ب». */
const MINUS = new Set(['-', '\u2212', '\uFF0D', '\uFE63']);
/** The prefix star: ASCII `*`, Arabic five-pointed star ٭ (U+066D), full-width ＊. */
const STARS = new Set(['*', '\u066D', '\uFF0A']);
/** Filter value list separators: ASCII comma and the Arabic comma ، (U+060C) Persian uses. */
export const VALUE_SEPARATORS = /[,\u060C]/;

/** True for `+` in any form. */
export function isPlus(c: string): boolean {
  return PLUS.has(c);
}

/** True for `-` in any form. */
export function isMinus(c: string): boolean {
  return MINUS.has(c);
}

/** True for `*` in any form. */
export function isStar(c: string): boolean {
  return STARS.has(c);
}

/**
 * True for characters that separate query items: Unicode white space (incl. NBSP U+00A0, narrow NBSP
 * U+202F, thin spaces) and the bidi controls (LRM, RLM, ALM U+061C, embeddings and isolates) that pasted
 * RTL text carries. ZWNJ is not a separator: it sits inside a word (همکاری‌ها).
 */
export function isSeparator(c: string): boolean {
  return /[\s\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/.test(c);
}
