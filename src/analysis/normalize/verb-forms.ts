/**
 * A small recogniser for the part of a continuous verb after «می»/«نمی»: a present or past stem from
 * the lexicon plus a personal ending (Persian grammar: می + stem + ending, e.g. می‌دان‌ند, می‌رفت‌یم).
 * It only has to tell verbs from words that merely start with می (میز, میلاد, میانه), so it stays
 * deliberately simple instead of depending on the full morphology module.
 */
import { getLexicon } from '../lexicon/index.js';

/** Present-tense personal endings; the empty ending (imperative) is left out because «می» + bare stem is rare and ambiguous. */
const PRESENT_ENDINGS = ['م', 'ی', 'د', 'یم', 'ید', 'ند'];
/** After a stem ending in a vowel (آ، گو، رو) Persian inserts a glide ی: می‌آیند, می‌گویید. */
const GLIDE_ENDINGS = ['یم', 'یی', 'ید', 'ییم', 'یید', 'یند'];
/** Stems used bare after می (impersonal): any other bare stem is too ambiguous (رند، دان). */
const BARE_STEMS = new Set(['توان', 'باید', 'بایست']);
/** Past-tense endings, plus ه for the past participle (می‌رفته). */
const PAST_ENDINGS = ['', 'م', 'ی', 'یم', 'ید', 'ند', 'ه'];

/** True when `rest` (the text after می/نمی) is a present or past stem with a personal ending. */
export function isVerbRest(rest: string): boolean {
  if (rest.length < 2 || rest.length > 14) return false;
  const lex = getLexicon();
  for (const e of PRESENT_ENDINGS) {
    if (rest.endsWith(e) && lex.byPresentStem.has(rest.slice(0, rest.length - e.length))) return true;
  }
  // impersonal bare stems: می‌توان, نمی‌شود-like forms are covered by the endings above
  if (BARE_STEMS.has(rest)) return true;
  for (const e of GLIDE_ENDINGS) {
    if (!rest.endsWith(e)) continue;
    const stem = rest.slice(0, rest.length - e.length);
    const last = stem.charCodeAt(stem.length - 1);
    // آ ا و: stems that end in a vowel take the glide
    if ((last === 0x622 || last === 0x627 || last === 0x648) && lex.byPresentStem.has(stem)) return true;
  }
  for (const e of PAST_ENDINGS) {
    if (rest.endsWith(e) && lex.byPastStem.has(rest.slice(0, rest.length - e.length))) return true;
  }
  return false;
}
