/**
 * Spelling normalisation for one word before morphological analysis. Unlike search folding
 * (`fold.ts`), this keeps ZWNJ (a lemma such as دانش‌آموز keeps its half-space) and keeps the hamza
 * letters أ ؤ ئ that Persian orthography writes inside words (مأمور, مسئول).
 */
import { KhabarError, describeType } from '../../errors/index.js';

const ZWNJ = 0x200c;
const HAMZA_ABOVE = 0x0654;

/**
 * Letter replacements: Arabic yeh/kaf to the Persian letters (Persian Academy orthography prefers
 * ی and ک), ۀ (heh with yeh above, the written ezafe) to plain ه, ة to ه.
 */
const LETTER_MAP: ReadonlyMap<number, number> = new Map([
  [0x064a, 0x06cc], // ي → ی
  [0x0649, 0x06cc], // ى → ی
  [0x0643, 0x06a9], // ك → ک
  [0x06c0, 0x0647], // ۀ → ه (the ezafe mark is dropped; it is not part of the lemma)
  [0x0629, 0x0647], // ة → ه
  [0x06d5, 0x0647], // ە → ه
]);

/** Result of {@link normalizeWord}. */
export interface NormalizedWord {
  /** The word in Persian letters with harakat, tatweel and ezafe marks removed, ZWNJ kept. */
  readonly text: string;
  /** True when the input carried a written ezafe (هٔ / ۀ), which marks a noun phrase head, never a verb. */
  readonly ezafe: boolean;
}

/**
 * Throws INVALID_INPUT unless `word` is a string; `what` names the function for the message.
 */
export function assertWord(word: unknown, what: string): asserts word is string {
  if (typeof word !== 'string') {
    throw new KhabarError('INVALID_INPUT', `${what} expects a string word, got ${describeType(word)}`);
  }
}

/**
 * Normalises the spelling of one word: ي ى→ی, ك→ک, ۀ→ه, harakat (U+064B–U+0652, U+0670) and tatweel
 * removed, a combining hamza above after ه (the ezafe of خانهٔ) removed, ZWJ removed, ZWNJ at either end
 * trimmed and runs of ZWNJ collapsed.
 */
export function normalizeWord(word: string): NormalizedWord {
  let out = '';
  let ezafe = false;
  let prev = -1;
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    const mapped = LETTER_MAP.get(c);
    if (c === 0x06c0) ezafe = true;
    if (mapped !== undefined) c = mapped;
    if ((c >= 0x064b && c <= 0x0653) || c === 0x0670 || c === 0x0640 || c === 0x200d || c === 0x0655) continue;
    if (c === HAMZA_ABOVE) {
      // Decomposed hamza: after ه it is the ezafe (خانهٔ); after ا و ی it composes the hamza letter.
      if (prev === 0x0647) ezafe = true;
      else if (prev === 0x0627) out = out.slice(0, -1) + 'أ';
      else if (prev === 0x0648) out = out.slice(0, -1) + 'ؤ';
      else if (prev === 0x06cc) out = out.slice(0, -1) + 'ئ';
      continue;
    }
    if (c === ZWNJ && (prev === ZWNJ || prev === -1)) continue;
    out += String.fromCharCode(c);
    prev = c;
  }
  while (out.endsWith('\u200c')) out = out.slice(0, -1);
  return { text: out, ezafe };
}

/** Removes every ZWNJ: the joined spelling that affix rules match against. */
export function joinWord(text: string): string {
  return text.includes('\u200c') ? text.replaceAll('\u200c', '') : text;
}

/**
 * The prefix of `text` (a spelling that may contain ZWNJ) that covers the first `joinedLength`
 * letters of its joined spelling, without a trailing ZWNJ. Used to give back a stem with the
 * half-spaces the writer put inside it (دانش‌آموزان → دانش‌آموز).
 */
export function zwnjPrefix(text: string, joinedLength: number): string {
  let seen = 0;
  let i = 0;
  for (; i < text.length && seen < joinedLength; i++) {
    if (text.charCodeAt(i) !== ZWNJ) seen++;
  }
  return text.slice(0, i);
}
