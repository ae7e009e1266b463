/**
 * Lemma of a nominal (noun, adjective, pronoun…) form: chooses among the suffix-stripping candidates
 * of `noun-suffixes.ts` with the lexicon, preferring the least stripping that reaches a known word.
 * The lexicon lists many inflected forms (Hazm's word list), so "known" is not "lemma": a known
 * word is kept only when it is at least about as common as the stem it would strip to.
 */
import { getLexicon } from '../lexicon/index.js';
import { lookup } from './lexicon-lookup.js';
import { suffixCandidates, type SuffixCandidate } from './noun-suffixes.js';
import { zwnjPrefix } from './normalize-word.js';

/** The nominal reading of a word. */
export interface NounReading {
  /** The lemma, in the lexicon's spelling when it knows the word. */
  readonly lemma: string;
  /** True when suffixes were removed or a broken plural mapped. */
  readonly stripped: boolean;
  /** Frequency class of the lemma (-1 unknown). */
  readonly freq: number;
}

/**
 * A stripped stem must be at least this much more common (in log2 frequency classes) than a known
 * whole word before the whole word is taken as inflected: جای (4) → جا (22), but تنها stays تنها.
 */
const KNOWN_WORD_MARGIN = 3;

/**
 * A counted word in consonant + ی is usually a lexicalised derivative (جهانی 12 vs جهان 24 is a
 * relational adjective), so the indefinite reading needs a far commoner stem (مردی 4 vs مرد 23).
 */
const YEH_MARGIN = 14;

/**
 * Comparatives keep their adjective stem in PerDT (بیشتر → بیش, مهم‌ترین → مهم). To avoid reading
 * دفتر or کبوتر as comparatives the stem must be a common adjective/adverb in the lexicon.
 */
const COMPARATIVE_STEM_MIN_FREQ = 19;

/**
 * Irregular comparatives whose stem is homographic with a function word: بهتر/بهترین "better/best"
 * from به "good" (the lexicon lists به only as the preposition).
 */
const IRREGULAR_COMPARATIVE_STEMS: ReadonlySet<string> = new Set(['به']);

/** True when the candidate removes a comparative or superlative suffix. */
function isComparative(c: SuffixCandidate): boolean {
  return c.suffixes[0] === 'تر' || c.suffixes[0] === 'ترین';
}

/**
 * Whether a non-comparative strip is believable given what the lexicon says about the whole word.
 * - A known, counted word (wordFreq > 0) loses no pronoun clitic and no Arabic plural ین (سازمان is
 *   not ساز + مان, آخرین not آخر + ین), and loses ی or a plural only when the stem is clearly more
 *   common (جای → جا, but تنها stays); after a vowel the ی is the written ezafe, so any gain suffices.
 * - A listed word ending in a derivational-looking ی (ی, یی, ای: اجتماعی, اروپایی, هسته‌ای) is
 *   kept: the word list lists relational adjectives and -ی nouns, and the indefinite forms it lists
 *   are mostly the grammaticalised ones in `closed-class.ts` (کسی, چیزی).
 * - The Arabic plural ین is stripped only from unknown words (مسئولین).
 */
function acceptStrip(c: SuffixCandidate, s: { freq: number; pos: string }, wordFreq: number): boolean {
  const sufs = c.suffixes;
  if (wordFreq >= 0 && sufs.includes('ین')) return false;
  const onlyYeh = sufs.length === 1 && sufs[0] === 'ی';
  const afterVowel = /[او]$/.test(c.stem);
  // A plural needs a nominal stem (بیان is not بی + ان).
  if (sufs.some((x) => x === 'ان' || x === 'ها') && !/[nap]/.test(s.pos)) return false;
  if (wordFreq > 0) {
    if (sufs.some(isClitic)) return false;
    const margin = onlyYeh ? (afterVowel ? 1 : YEH_MARGIN) : KNOWN_WORD_MARGIN;
    return s.freq - wordFreq >= margin;
  }
  return true;
}

function spellingOf(text: string, c: SuffixCandidate): { spelling: string; freq: number; pos: string } | undefined {
  const written = c.keep >= 0 ? zwnjPrefix(text, c.keep).replace(/\u200c+$/, '') : c.stem;
  const hit = lookup(written, c.stem);
  if (!hit) return undefined;
  // Keep the writer's half-spaces inside the stem when the lexicon also knows that spelling.
  const spelling = getLexicon().has(written) ? written : hit.spelling;
  return { spelling, freq: hit.entry.freqClass, pos: hit.entry.pos };
}

/**
 * The nominal lemma of `text` (normalized, ZWNJ kept) whose joined spelling is `joined`;
 * `wordFreq` is the frequency class of the whole word (-1 when unknown) and `spelling` the
 * lexicon's spelling of it, when listed.
 */
export function nounLemma(text: string, joined: string, wordFreq: number, spelling?: string): NounReading {
  const lex = getLexicon();
  const cands = suffixCandidates(joined);

  // Broken plurals (افراد → فرد), possibly with ی or a clitic outside (افرادی, اعضای).
  for (const c of cands) {
    if (c.keep < 0 || c.suffixes.some((s) => s !== 'ی' && s !== 'یی' && s !== 'ای' && !isClitic(s))) continue;
    const written = zwnjPrefix(text, c.keep).replace(/\u200c+$/, '');
    const sing = lex.brokenPlurals.get(written) ?? lex.brokenPlurals.get(c.stem);
    // The table also pairs singular-looking words (خدمت → خادم): trust it only when the lexicon
    // does not call the form a plain noun/adjective (its POS is empty or includes plural).
    const pos = lookup(written, c.stem)?.entry.pos ?? '';
    if (sing !== undefined && (pos === '' || pos.includes('p'))) {
      return { lemma: sing, stripped: true, freq: lookup(sing, sing)?.entry.freqClass ?? -1 };
    }
  }

  // A listed word in -ی/-یی/-ای (not after a vowel, where ی is the ezafe) is its own lemma unless
  // other suffixes sit outside the ی (کارهایی) or the comparative applies.
  const yehLemma = wordFreq === 0 && spelling !== undefined && isDerivationalYeh(spelling);
  if (yehLemma && spelling !== undefined && !cands.some((c) => isComparative(c) && c.suffixes.length === 1)) {
    return { lemma: spelling, stripped: false, freq: 0 };
  }
  let best: { spelling: string; score: number; freq: number; c: SuffixCandidate } | undefined;
  const zwnjAt = zwnjPositions(text);
  for (const c of cands) {
    if (c.suffixes.length === 0) continue;
    if (yehLemma && !isComparative(c)) continue;
    if (zwnjAt.length > 0 && !zwnjAtBoundaries(zwnjAt, joined.length, c.suffixes)) continue;
    const s = spellingOf(text, c);
    if (!s || s.freq <= 0) continue;
    const comparative = isComparative(c);
    if (comparative) {
      const ok = IRREGULAR_COMPARATIVE_STEMS.has(c.stem) ||
        (s.freq >= COMPARATIVE_STEM_MIN_FREQ && /[ad]/.test(s.pos));
      if (!ok) continue;
    } else if (!acceptStrip(c, s, wordFreq)) {
      continue;
    }
    // Comparatives go down to the adjective (بیشتری → بیش); otherwise a common stem and little
    // stripping win (کارهای → کار, not کاره + ای; مردمان → مردم, not مرد + مان).
    const score = (comparative ? 100 : 0) + s.freq + c.stem.length;
    if (!best || score > best.score) best = { spelling: s.spelling, score, freq: s.freq, c };
  }
  if (best) return { lemma: best.spelling, stripped: true, freq: best.freq };

  // Unknown word: a plural ها is unambiguous enough to strip even from an unknown stem (گوگل‌ها).
  if (wordFreq < 0) {
    for (const c of cands) {
      if (c.keep >= 2 && c.suffixes[0] === 'ها' && c.suffixes.every((s) => s === 'ها' || s === 'ی' || s === 'یی' || isClitic(s))) {
        return { lemma: zwnjPrefix(text, c.keep).replace(/\u200c+$/, ''), stripped: true, freq: -1 };
      }
    }
  }
  return { lemma: text, stripped: false, freq: wordFreq };
}

/**
 * True for a lexicon spelling that ends in a derivational-looking ی: ی after a consonant (علمی),
 * یی after a vowel (اروپایی) or ای after ه written with its ZWNJ (هسته‌ای). Plural + ezafe
 * (کتاب‌های, کتاب‌هایی) is excluded.
 */
function isDerivationalYeh(spelling: string): boolean {
  if (/ها(ی|یی)$/.test(spelling)) return false;
  return /[^اوی\u200c]ی$/.test(spelling) || /[او]یی$/.test(spelling) || /ه\u200cای$/.test(spelling);
}

/** Positions (in joined letters) where the written word has a ZWNJ. */
function zwnjPositions(text: string): number[] {
  const out: number[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x200c) out.push(n);
    else n++;
  }
  return out;
}

/**
 * A ZWNJ the writer put after the stem must fall on a morpheme boundary: خانه‌ای is خانه + ای, never
 * خان + ها + ی. (ZWNJ inside the stem is checked against the lexicon's spelling instead.)
 */
function zwnjAtBoundaries(zwnjAt: readonly number[], length: number, suffixes: readonly string[]): boolean {
  const bounds = new Set<number>();
  let end = length;
  for (let i = suffixes.length - 1; i >= 0; i--) {
    end -= suffixes[i]!.length;
    bounds.add(end);
  }
  return zwnjAt.every((p) => p <= end || bounds.has(p));
}

function isClitic(s: string): boolean {
  return /^(ی|ا)?(ش|ت|م|شان|تان|مان)$/.test(s);
}
