/**
 * A light suffix stemmer: removes a pronoun clitic, an indefinite/ezafe ی, a plural and a comparative
 * without consulting the lexicon. Cheaper and blunter than {@link lemmatize}; kept compatible with
 * the cases of Hazm's stemmer tests (کتاب‌هایشان → کتاب, اندیشه‌اش → اندیشه, خانهٔ → خانه).
 */
import { assertWord, joinWord, normalizeWord, zwnjPrefix } from './normalize-word.js';

/** Minimum letters a stem keeps, so that short words (قدم، شب) are not eaten. */
const MIN_STEM = 2;

/** Suffix layers, outermost first; each entry is tried longest first and at most one per layer. */
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['یشان', 'یتان', 'یمان', 'شان', 'تان', 'مان', 'اش', 'ات', 'ام', 'یش', 'یت', 'یم', 'ش', 'ت', 'م'],
  ['یی', 'ای', 'ی'],
  ['ها', 'ان', 'ات'],
  ['ترین', 'تر'],
];

/**
 * Light stem of one word. Empty and whitespace-only input is returned unchanged.
 * @throws KhabarError INVALID_INPUT when `word` is not a string.
 */
export function stem(word: string): string {
  assertWord(word, 'stem');
  if (word.trim() === '') return word;
  const { text } = normalizeWord(word);
  const joined = joinWord(text);
  let end = joined.length;
  for (const layer of LAYERS) {
    for (const suf of layer) {
      if (end - suf.length >= MIN_STEM && joined.startsWith(suf, end - suf.length)) {
        // ان and ات are plurals only after a consonant-final stem of some length (not ایران → ایر).
        if ((suf === 'ان' || suf === 'ات') && end - suf.length < 3) continue;
        // The glide ی / ا of a clitic only after a vowel: صدایش، خانه‌اش.
        if (suf.length > 1 && (suf[0] === 'ی' || suf[0] === 'ا') && layer === LAYERS[0]) {
          const before = joined[end - suf.length - 1];
          if (suf[0] === 'ی' && before !== 'ا' && before !== 'و') continue;
          if (suf[0] === 'ا' && before !== 'ه' && before !== 'ی') continue;
        }
        end -= suf.length;
        break;
      }
    }
  }
  return zwnjPrefix(text, end).replace(/\u200c+$/, '');
}
