/**
 * A light suffix stemmer: removes a pronoun clitic, an indefinite/ezafe ی, a plural and a comparative
 * without consulting the lexicon. Cheaper and blunter than {@link lemmatize}; kept compatible with
 * the cases of Hazm's stemmer tests (کتاب‌هایشان → کتاب, اندیشه‌اش → اندیشه, خانهٔ → خانه).
 */
import { assertWord, joinWord, normalizeWord, zwnjPrefix } from './normalize-word.js';
import { closedClassLemma } from './closed-class.js';

/** Minimum letters a stem keeps, so that short words (قدم، شب) are not eaten. */
const MIN_STEM = 2;

/** Pronoun clitics, longest first; the glide forms (یش، اش) only after a vowel. */
const CLITICS = ['یشان', 'یتان', 'یمان', 'شان', 'تان', 'مان', 'اش', 'ات', 'ام', 'یش', 'یت', 'یم', 'ش', 'ت', 'م'];

/**
 * Light stem of one word. Empty and whitespace-only input is returned unchanged; closed-class
 * words (است، باید، آنها) are returned normalized but unstemmed.
 * @throws KhabarError INVALID_INPUT when `word` is not a string.
 */
export function stem(word: string): string {
  assertWord(word, 'stem');
  if (word.trim() === '') return word;
  const { text } = normalizeWord(word);
  const joined = joinWord(text);
  if (closedClassLemma(joined) !== undefined) return text;
  let end = joined.length;
  const endsWith = (suf: string): boolean => end - suf.length >= MIN_STEM && joined.startsWith(suf, end - suf.length);
  const before = (suf: string): string => joined[end - suf.length - 1] ?? '';

  // 1. A pronoun clitic.
  for (const c of CLITICS) {
    if (!endsWith(c)) continue;
    if (c[0] === 'ی' && c.length > 1 && !/[او]/.test(before(c))) continue;
    if (c[0] === 'ا' && c.length > 1 && !/[هی]/.test(before(c))) continue;
    end -= c.length;
    break;
  }
  // 2. Indefinite / ezafe ی: یی after a vowel, ای after ه when written with ZWNJ (خانه‌ای; joined
  //    خانهای cannot be told from the plural کتابهای, and the plural is the commoner reading).
  if (endsWith('یی') && /[او]/.test(before('یی'))) end -= 2;
  else if (endsWith('ای') && before('ای') === 'ه' && text[zwnjPrefix(text, end - 2).length] === '\u200c') end -= 2;
  else if (endsWith('ی')) end -= 1;
  // 3. Plural: ها; یان after a vowel; گان for ه-final stems (restored below); ان/ات after a longer stem.
  let restoreHeh = false;
  if (endsWith('ها')) end -= 2;
  else if (endsWith('یان') && /[او]/.test(before('یان'))) end -= 3;
  else if (endsWith('گان') && end - 3 >= 3) { end -= 3; restoreHeh = true; }
  else if ((endsWith('ان') || endsWith('ات')) && end - 2 >= 4) end -= 2;
  // 4. Comparative / superlative, when a real stem remains (not دفتر → دف).
  if (!restoreHeh) {
    if (endsWith('ترین') && end - 4 >= 3) end -= 4;
    else if (endsWith('تر') && end - 2 >= 3) end -= 2;
  }
  const out = zwnjPrefix(text, end).replace(/\u200c+$/, '');
  return restoreHeh ? out + 'ه' : out;
}
