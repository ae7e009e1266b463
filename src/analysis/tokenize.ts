/**
 * Word breaking with exact offsets into the original string. One pass over UTF-16 code units with the
 * class table of chars.ts; nothing is copied until a token is emitted. Rules:
 * - a word is a run of letters of one script family (Arabic-script or other) with the marks, tatweel,
 *   ZWNJ and ZWJ inside it; ZWNJ/ZWJ at a word's edges are not part of the word;
 * - a number is a run of digits (any script), with one . ٫ or , between digits kept inside (۱۰۳٫۲);
 * - Latin letters followed by digits stay one token (A320, mp3): model names and codes are words;
 * - Arabic-script letters and digits split (۹کیلومتر → ۹ | کیلومتر), as do Arabic and Latin letters;
 * - everything else (space incl. U+00A0, punctuation, symbols, emoji, lone surrogates, controls) separates.
 */
import { charClass, CharClass } from './chars.js';

/** What a raw token is. */
export const enum TokenKind {
  /** Arabic-script word (Persian, Arabic). */
  Word = 1,
  /** Word in another script (Latin…), possibly with digits after its letters. */
  Foreign = 2,
  /** Number in any digit script. */
  Number = 3,
}

/** Called for every raw token: [start, end) are UTF-16 offsets into the original text. */
export type RawTokenSink = (start: number, end: number, kind: TokenKind) => void;

/**
 * Walks `text` and reports each raw token with its offsets. No allocation per token.
 * @param text the original text, never modified.
 * @param sink receives every token in order.
 */
export function scanTokens(text: string, sink: RawTokenSink): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = charClass(text.charCodeAt(i));
    if (k === CharClass.ArabicLetter) {
      let j = i + 1;
      let last = j; // end of the last letter or mark, so trailing ZWNJ/ZWJ stay outside
      while (j < n) {
        const c = charClass(text.charCodeAt(j));
        if (c === CharClass.ArabicLetter || c === CharClass.Mark || c === CharClass.Tatweel) last = ++j;
        else if (c === CharClass.Zwnj || c === CharClass.Joiner) j++;
        else break;
      }
      sink(i, last, TokenKind.Word);
      i = j;
    } else if (k === CharClass.OtherLetter) {
      let j = i + 1;
      let last = j;
      while (j < n) {
        const c = charClass(text.charCodeAt(j));
        if (c === CharClass.OtherLetter || c === CharClass.Mark || c === CharClass.Digit) last = ++j;
        else if (c === CharClass.Joiner) j++;
        else break;
      }
      sink(i, last, TokenKind.Foreign);
      i = j;
    } else if (k === CharClass.Digit) {
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (charClass(c) === CharClass.Digit) j++;
        // A decimal or thousands separator counts only between two digits (۱۰۳٫۲, 3.14, 1,000).
        else if ((c === 0x2e || c === 0x66b || c === 0x2c || c === 0x66c) && j + 1 < n &&
          charClass(text.charCodeAt(j + 1)) === CharClass.Digit) j += 2;
        else break;
      }
      sink(i, j, TokenKind.Number);
      i = j;
    } else {
      i++;
    }
  }
}
