/**
 * ZWNJ (نیم‌فاصله) decisions, made with the lexicon. Two entry points:
 * - {@link fixWord}: one written word (Arabic letters, marks, ZWNJ) → its corrected spelling;
 * - {@link joinWords}: two words separated by a space → one word when the second is a suffix or the
 *   pair is a compound, else `undefined`.
 * The guiding rule is "do not rewrite correct text": a joined spelling the lexicon knows (میز, تنها,
 * آنها, همچنین) is left alone, and two independent words are only joined on strong evidence.
 */
import { CharClass, charClass, isNonJoining } from '../chars.js';
import { getLexicon, type Lexicon } from '../lexicon/index.js';
import { isVerbRest } from './verb-forms.js';

const ZWNJ = '\u200C';
const ZWNJ_CODE = 0x200c;

/** The switches the word rules read. */
export interface ZwnjFlags {
  /** Insert ZWNJ where orthography wants one. */
  fix: boolean;
  /** Remove doubled / edge ZWNJ. */
  clean: boolean;
  /** Remove ZWNJ after a non-joining letter. */
  redundant: boolean;
  /** Shorten letters repeated 3+ times. */
  decrease: boolean;
}

/** Verb prefixes written apart with ZWNJ (Farhangestan orthography §«می»): longest first. */
const MI_PREFIXES = ['برمی', 'درمی', 'بازمی', 'فرامی', 'وامی', 'نمی', 'می'];
const MI_SET = new Set(MI_PREFIXES);
/** The plural suffix with its clitic extensions. */
const PLURAL_SUFFIXES = ['هایشان', 'هایتان', 'هایمان', 'هایی', 'هایم', 'هایت', 'هایش', 'های', 'ها'];
const PLURAL_SET = new Set(PLURAL_SUFFIXES);
/** Pronoun/copula clitics written with ZWNJ after a silent ه (خانه‌ام، گفته‌اند، هسته‌ای، خانه‌ی). */
const HEH_CLITICS = ['اند', 'ایم', 'اید', 'ای', 'ام', 'ات', 'اش', 'ی', 'شان', 'مان', 'تان'];
const HEH_CLITIC_SET = new Set(HEH_CLITICS);
/** Inside one joined word ی and the plural pronouns are left out: دانشگاهی is an adjective, not دانشگاه‌ی. */
const HEH_CLITICS_JOINED = ['اند', 'ایم', 'اید', 'ای', 'ام', 'ات', 'اش'];
/** Function words ending in ه that never take these clitics (به که نه چه). */
const HEH_STOP = new Set(['به', 'که', 'نه', 'چه', 'ده', 'مه', 'شه', 'وه', 'ته', 'اه']);
/** Derivational suffixes that are not words of their own (اخلال‌گر، علاقه‌مند، امیدوار). */
const AFFIX_SUFFIXES = new Set(['گر', 'گری', 'گران', 'گرها', 'گرایی', 'وار', 'واری', 'مند', 'مندی', 'مندان', 'ها']);
/** Prefixes written with ZWNJ (بی‌خبر). */
const AFFIX_PREFIXES = new Set(['بی']);

interface CompoundIndex {
  /** Every full ZWNJ compound of the lexicon, keyed `left‌right` at its last ZWNJ. */
  forms: Set<string>;
  /** Left parts of the compounds that may be joined when written apart. */
  lefts: Set<string>;
  /** Right parts of the compounds that may be joined when written apart. */
  rights: Set<string>;
}
let compounds: CompoundIndex | undefined;

function compoundIndex(lex: Lexicon): CompoundIndex {
  if (compounds) return compounds;
  const forms = new Set<string>();
  const lefts = new Set<string>();
  const rights = new Set<string>();
  for (const list of lex.zwnjForms.values()) {
    for (const f of list) {
      const cut = f.lastIndexOf(ZWNJ);
      if (cut <= 0 || cut === f.length - 1) continue;
      const a = f.slice(0, cut);
      const b = f.slice(cut + 1);
      forms.add(f);
      // Only parts of a compound that joinWords would actually write joined take a role, so that the
      // scanner rules out most word pairs with two bit tests (measured: a third of normalize's time
      // went to pairs that could never join).
      if (COMPOUND_STOP.has(a) || COMPOUND_STOP.has(b) || isNonJoining(lastLetter(a)) || !compoundEvidence(lex, a, b)) continue;
      lefts.add(a);
      rights.add(b);
    }
  }
  compounds = { forms, lefts, rights };
  return compounds;
}

function freq(lex: Lexicon, w: string): number {
  return lex.get(w)?.freqClass ?? -1;
}

/** Endings of regular inflection: an unseen listing such as یکی or زودی is still a word if its base is. */
const INFLECTIONS = ['ی', 'ها', 'های', 'ان', 'ای', 'ات'];

/**
 * A word that stands on its own: seen in the lexicon's corpus (freqClass > 0), or an inflection of
 * such a word. المللی, وگو, اندازی are not; they only occur inside compounds.
 */
function isStandalone(lex: Lexicon, w: string): boolean {
  if (freq(lex, w) > 0) return true;
  for (const e of INFLECTIONS) {
    if (w.length > e.length + 1 && w.endsWith(e) && freq(lex, w.slice(0, w.length - e.length)) > 0) return true;
  }
  return false;
}

/** Glue a stem and a suffix: with ZWNJ after a joining letter, directly after a non-joining one. */
function glue(a: string, b: string, f: ZwnjFlags): string {
  if (f.redundant && isNonJoining(lastLetter(a))) return a + b;
  return a + ZWNJ + b;
}

/** The last code unit that is not a combining mark (harakat sit after the letter they belong to). */
function lastLetter(w: string): number {
  for (let i = w.length - 1; i >= 0; i--) {
    const c = w.charCodeAt(i);
    if (!((c >= 0x64b && c <= 0x65f) || c === 0x670)) return c;
  }
  return 0;
}

/** Remove doubled ZWNJ, ZWNJ at the edges, and (optionally) ZWNJ after non-joining letters. */
function cleanZwnj(w: string, f: ZwnjFlags): string {
  if (!w.includes(ZWNJ)) return w;
  let out = '';
  let from = 0;
  let lastKept = -1; // code of the last kept non-ZWNJ char
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c !== ZWNJ_CODE) {
      // Marks do not count as a letter before the ZWNJ: «ً‌X» at a word start is an edge ZWNJ, and the
      // scanner may well read the mark with the Latin word before it on the next pass.
      if (charClass(c) !== CharClass.Mark) lastKept = c;
      continue;
    }
    const next = w.charCodeAt(i + 1); // NaN at end
    const drop =
      (f.clean && (lastKept === -1 || lastKept === ZWNJ_CODE || i === w.length - 1 || next === ZWNJ_CODE)) ||
      (f.redundant && lastKept !== -1 && isNonJoining(lastLetterBefore(w, i)));
    if (drop) {
      out += w.slice(from, i);
      from = i + 1;
    } else {
      lastKept = c;
    }
  }
  return from === 0 ? w : out + w.slice(from);
}

function lastLetterBefore(w: string, i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    const c = w.charCodeAt(j);
    if (c === ZWNJ_CODE || (c >= 0x64b && c <= 0x65f) || c === 0x670) continue;
    return c;
  }
  return 0;
}

/** سلاممم → سلام: collapse a letter repeated 3+ times to two if the lexicon knows that, else to one. */
function decreaseRepeats(w: string, lex: Lexicon): string {
  if (!/(.)\1\1/u.test(w)) return w;
  const two = w.replace(/(.)\1{2,}/gu, '$1$1');
  if (lex.has(two)) return two;
  return w.replace(/(.)\1{2,}/gu, '$1');
}

/**
 * A stem that may carry a suffix: the stem itself when the lexicon knows it, or its ZWNJ spelling
 * (زمینلرزه → زمین‌لرزه), else undefined.
 */
function resolveStem(lex: Lexicon, stem: string): string | undefined {
  if (stem.length < 2) return undefined;
  if (lex.has(stem)) return stem;
  const forms = lex.zwnjForms.get(stem);
  return forms && lex.has(forms[0]!) ? forms[0] : undefined;
}

/**
 * A common noun with the suffix ی (میدانی: «of the field», from میدان) that also reads as می + verb
 * (می‌دانی «you know»). News copy means the noun far more often than a second-person verb, so it stays.
 */
function isNounWithYeh(w: string): boolean {
  if (!w.endsWith('ی')) return false;
  const e = getLexicon().get(w.slice(0, -1));
  return e !== undefined && e.freqClass >= 10 && e.pos.includes('n');
}

/** می/نمی (and برمی، درمی…) written against a verb form: the spelling with ZWNJ, or undefined. */
function splitVerb(w: string): string | undefined {
  if (isNounWithYeh(w)) return undefined;
  for (const p of MI_PREFIXES) {
    if (w.length > p.length + 1 && w.startsWith(p) && isVerbRest(w.slice(p.length))) {
      return p + ZWNJ + w.slice(p.length);
    }
  }
  return undefined;
}

/** A clitic written against a silent ه: گفتهاند → گفته‌اند, هستهای → هسته‌ای. */
function splitHehClitic(w: string, lex: Lexicon, clitics: readonly string[], direct = false): string | undefined {
  for (const s of clitics) {
    if (w.length <= s.length + 2 || !w.endsWith(s)) continue;
    const raw = w.slice(0, w.length - s.length);
    if (raw.charCodeAt(raw.length - 1) !== 0x647 || HEH_STOP.has(raw)) continue;
    const stem = direct ? (lex.has(raw) ? raw : undefined) : resolveStem(lex, raw);
    if (stem !== undefined) return stem + ZWNJ + s;
  }
  return undefined;
}

/** A perfect-tense verb written joined: کردهاند → کرده‌اند (past stem + ه + اند/ایم/اید/ام). */
function splitPerfect(w: string): string | undefined {
  const lex = getLexicon();
  for (const s of ['اند', 'ایم', 'اید', 'ام']) {
    if (!w.endsWith(s)) continue;
    const part = w.slice(0, w.length - s.length);
    if (part.length >= 3 && part.endsWith('ه') && lex.byPastStem.has(part.slice(0, -1))) return part + ZWNJ + s;
  }
  return undefined;
}

/** Insert the ZWNJs a joined word (no ZWNJ, unknown to the lexicon) is missing; undefined if none apply. */
function splitJoined(w: string, lex: Lexicon, f: ZwnjFlags): string | undefined {
  // 1. continuous verbs: میداند → می‌داند, نمیدانم → نمی‌دانم, برمیگردد → برمی‌گردد
  const verb = splitVerb(w);
  if (verb !== undefined) return verb;
  // 2. compounds the lexicon spells with ZWNJ (بینالمللی → بین‌المللی), when the first part is a word
  const forms = lex.zwnjForms.get(w);
  if (forms) {
    for (const form of forms) {
      const first = form.slice(0, form.indexOf(ZWNJ));
      if (lex.has(first)) return cleanZwnj(form, f);
    }
  }
  // 3. plural ها / clitic after silent ه; pick the reading whose stem is more frequent (خانهای = خانه‌ای, not خان‌های)
  //    (روزهای is روز‌های, هستهای is هسته‌ای: the reading with the more frequent stem wins)
  let best: string | undefined;
  let bestFreq = -2;
  for (const s of PLURAL_SUFFIXES) {
    if (w.length <= s.length + 1 || !w.endsWith(s)) continue;
    const raw = w.slice(0, w.length - s.length);
    let stem = resolveStem(lex, raw);
    // A known word plus ezafe ی outranks a rarer plural stem: انتهای is انتها‌ی, not انت‌های.
    if (w.endsWith('ی') && freq(lex, w.slice(0, -1)) > (stem === undefined ? 0 : freq(lex, stem))) return undefined;
    // An unknown stem of 3+ letters before ها is still most likely a plural (گوشیها، اپلیکیشنها),
    // unless the word is a known word plus ezafe ی: انتهای, اشتهای are انتها‌ی, not انت‌های.
    if (stem === undefined && raw.length >= 3 && !(w.endsWith('ی') && lex.has(w.slice(0, -1)))) stem = raw;
    if (stem !== undefined) {
      best = glue(stem, s, f);
      bestFreq = freq(lex, stem);
      break;
    }
  }
  // Plural «های» is far more common in news than «ه‌ای»: رویدادهای, روندهای are plurals. The clitic
  // reading wins only with a stem spelled that way in the lexicon and much more frequent (8×).
  const clitic = splitHehClitic(w, lex, HEH_CLITICS_JOINED, true);
  if (clitic !== undefined && (best === undefined || freq(lex, clitic.slice(0, clitic.indexOf(ZWNJ))) > bestFreq + 3)) {
    return clitic;
  }
  if (best !== undefined) return best;
  // 4. comparative/superlative of a known adjective: بزرگترین → بزرگ‌ترین
  for (const s of ['ترین', 'تر']) {
    if (w.length <= s.length + 1 || !w.endsWith(s)) continue;
    const stem = w.slice(0, w.length - s.length);
    if (lex.get(stem)?.pos.includes('a')) return glue(stem, s, f);
  }
  // 5. the privative prefix بی before a known noun/adjective: بیخبر → بی‌خبر
  if (w.startsWith('بی') && w.length > 4) {
    const rest = w.slice(2);
    const e = lex.get(rest);
    if (e && e.freqClass > 0 && /[na]/.test(e.pos)) return 'بی' + ZWNJ + rest;
  }
  return undefined;
}

/** The corrected spelling of one written word (a run of Arabic letters, marks and ZWNJ). */
export function fixWord(word: string, f: ZwnjFlags): string {
  let w = f.clean || f.redundant ? cleanZwnj(word, f) : word;
  // Marks before the first letter belong to whatever precedes the word (a Latin run, a digit); the
  // word's own decisions are made on its letters, as they would be on a second pass.
  let lead = 0;
  while (lead < w.length && charClass(w.charCodeAt(lead)) === CharClass.Mark) lead++;
  if (lead > 0 && lead < w.length) return w.slice(0, lead) + fixWord(w.slice(lead), f);
  if (!f.fix && !f.decrease) return w;
  const lex = getLexicon();
  if (f.decrease) w = decreaseRepeats(w, lex);
  if (!f.fix || w.length < 4 || w.includes(ZWNJ)) return w;
  const known = lex.get(w);
  if (known === undefined) return splitJoined(w, lex, f) ?? w;
  // Inflected listings include joined verbs (میگفت → می‌گفت) and joined plurals (کتابهای → کتاب‌های),
  // which orthography writes with ZWNJ; other joined listings (آنها، مهمترین، تنها) are accepted and stay.
  if (known.freqClass === 0) return splitVerb(w) ?? splitPerfect(w) ?? splitKnownPlural(w, lex, f) ?? w;
  return splitKnownPlural(w, lex, f) ?? w;
}

/** Pronouns and adverbs spelled with a joined ها that orthography keeps joined. */
const JOINED_HA_WORDS = new Set(['آنها', 'اینها', 'تنها', 'بعدها', 'بارها', 'آنهایی', 'اینهایی', 'تنهایی']);

/** A listed joined plural (کتابهای): the ZWNJ spelling when its stem is a common noun or adjective. */
function splitKnownPlural(w: string, lex: Lexicon, f: ZwnjFlags): string | undefined {
  if (JOINED_HA_WORDS.has(w)) return undefined;
  for (const s of PLURAL_SUFFIXES) {
    if (w.length <= s.length + 1 || !w.endsWith(s)) continue;
    const stem = w.slice(0, w.length - s.length);
    const e = lex.get(stem);
    if (e && e.freqClass >= 10 && /[na]/.test(e.pos)) return glue(stem, s, f);
    return undefined;
  }
  return undefined;
}

/**
 * Strong evidence that «a b» is the compound a‌b: an affix (بی، ‌گر، ‌مند، ‌وار), or a right part that
 * is no word alone (بین المللی, گفت وگو, شرکت کنندگان), or a compound far more frequent than both its
 * parts (زمین لرزه). Two words that each stand alone stay apart (سیستم عامل, هیأت مدیره, برنامه ریزی):
 * writers use both spellings, and measured on ISNA copy, joining them rewrote more correct text than it
 * restored.
 */
function compoundEvidence(lex: Lexicon, a: string, b: string): boolean {
  // passive and compound verbs stay apart: توقیف شده, انجام شد
  if (isVerbRest(b) || lex.get(b)?.pos.includes('v')) return false;
  // Arabic formulae keep their spaces: بسم الله، ان شاء الله
  if (b === 'الله') return false;
  if (AFFIX_SUFFIXES.has(b) || AFFIX_PREFIXES.has(a)) return true;
  if (!isStandalone(lex, b)) return true;
  // A compound the lexicon counts over four times as often as either part alone (زمین‌لرزه) is one word.
  return freq(lex, a + ZWNJ + b) > Math.max(freq(lex, a), freq(lex, b)) + 1;
}

/** Function words that stay separate words even where the lexicon lists a compound with them. */
const COMPOUND_STOP = new Set(['به', 'که', 'و', 'در', 'از', 'با', 'را', 'تا', 'بر', 'این', 'آن', 'یک', 'هر', 'چه']);

const pairCache = new Map<string, boolean>();

/** {@link joinRoles} bit: a verb prefix (می، نمی…) or the prefix بی — may join the next word. */
export const ROLE_PREFIX = 1;
/** {@link joinRoles} bit: a suffix written after a word (ها، ترین، ‌اند…). */
export const ROLE_SUFFIX = 2;
/** {@link joinRoles} bit: the left part of a lexicon compound. */
export const ROLE_LEFT = 4;
/** {@link joinRoles} bit: the right part of a lexicon compound. */
export const ROLE_RIGHT = 8;

/**
 * What a corrected word can do in a join, as bits, so that the scanner can rule out most word pairs
 * with two bit tests instead of calling {@link joinWords} (computed once per distinct word).
 */
export function joinRoles(w: string): number {
  const idx = compoundIndex(getLexicon());
  let r = 0;
  if (MI_SET.has(w) || AFFIX_PREFIXES.has(w)) r |= ROLE_PREFIX;
  if (PLURAL_SET.has(w) || w === 'ترین' || w === 'تر' || HEH_CLITIC_SET.has(w)) r |= ROLE_SUFFIX;
  if (idx.lefts.has(w)) r |= ROLE_LEFT;
  if (idx.rights.has(w)) r |= ROLE_RIGHT;
  return r;
}

/** True when {@link joinWords} could join words with these roles. */
export function mayJoin(rolesA: number, rolesB: number): boolean {
  return (rolesA & ROLE_PREFIX) !== 0 || (rolesB & ROLE_SUFFIX) !== 0 ||
    ((rolesA & ROLE_LEFT) !== 0 && (rolesB & ROLE_RIGHT) !== 0);
}

/**
 * Join two space-separated words when the second is a suffix (ها، ترین، ‌اند after ه) or the first
 * is a verb prefix before a verb form, or the pair is a lexicon compound with strong evidence.
 * `prevWord` is the word before `a` (ماه می: the month, never a prefix). Returns the joined word or undefined.
 */
export function joinWords(a: string, b: string, f: ZwnjFlags): string | undefined {
  if (MI_SET.has(a)) {
    return isVerbRest(b) ? a + ZWNJ + b : undefined;
  }
  if (PLURAL_SET.has(b)) return glue(a, b, f);
  if (b === 'ترین') return glue(a, b, f);
  const lex = getLexicon();
  if (b === 'تر') return lex.get(a)?.pos.includes('a') ? glue(a, b, f) : undefined;
  if (HEH_CLITIC_SET.has(b)) {
    const last = lastLetter(a);
    if (last === 0x647 && a.length >= 3 && !HEH_STOP.has(a)) return a + ZWNJ + b;
    if (b === 'اند' && last === 0x6cc && a.length >= 3) return a + ZWNJ + b;
    return undefined;
  }
  const idx = compoundIndex(lex);
  if (!idx.lefts.has(a) || !idx.rights.has(b)) {
    if (AFFIX_PREFIXES.has(a)) {
      const e = lex.get(b);
      if (e && e.freqClass > 0 && /[na]/.test(e.pos) && !lex.has(a + b)) return a + ZWNJ + b;
    }
    return undefined;
  }
  const form = a + ZWNJ + b;
  if (!idx.forms.has(form)) return undefined;
  // A function word is never half of a compound written apart (وقتی که, به تنهایی), and after a
  // non-joining letter the join would only delete a visible space (متر مربع ≠ مترمربع).
  if (COMPOUND_STOP.has(a) || COMPOUND_STOP.has(b) || isNonJoining(lastLetter(a))) return undefined;
  let ok = pairCache.get(form);
  if (ok === undefined) {
    ok = compoundEvidence(lex, a, b);
    if (pairCache.size > 100_000) pairCache.clear();
    pairCache.set(form, ok);
  }
  return ok ? cleanZwnj(form, f) : undefined;
}
