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
 * - A listed but uncounted word ending in ی after a consonant is kept when its stem can be an
 *   adjective's base (اجتماعی, علمی: relational adjectives are PerDT lemmas); after a noun-only
 *   stem the ی is the indefinite article (دقیقه‌ای, کشوری) and is stripped.
 * - The Arabic plural ین is stripped only from unknown words (مسئولین).
 */
function acceptStrip(c: SuffixCandidate, s: { freq: number; pos: string }, wordFreq: number): boolean {
  const sufs = c.suffixes;
  if (wordFreq >= 0 && sufs.includes('ین')) return false;
  const onlyYeh = sufs.length === 1 && sufs[0] === 'ی';
  const afterVowel = /[او]$/.test(c.stem);
  if (wordFreq > 0) {
    if (sufs.some(isClitic)) return false;
    const margin = onlyYeh && afterVowel ? 1 : KNOWN_WORD_MARGIN;
    return s.freq - wordFreq >= margin;
  }
  if (wordFreq === 0 && onlyYeh && !afterVowel && /a/.test(s.pos)) return false;
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
 * `wordFreq` is the frequency class of the whole word (-1 when unknown).
 */
export function nounLemma(text: string, joined: string, wordFreq: number): NounReading {
  const lex = getLexicon();
  const cands = suffixCandidates(joined);

  // Broken plurals (افراد → فرد), possibly with ی or a clitic outside (افرادی, اعضای).
  for (const c of cands) {
    if (c.keep < 0 || c.suffixes.some((s) => s !== 'ی' && s !== 'یی' && s !== 'ای' && !isClitic(s))) continue;
    const written = zwnjPrefix(text, c.keep).replace(/\u200c+$/, '');
    const sing = lex.brokenPlurals.get(written) ?? lex.brokenPlurals.get(c.stem);
    if (sing !== undefined && (c.suffixes.length === 0 || (lookup(written, c.stem)?.entry.freqClass ?? 0) > 0)) {
      return { lemma: sing, stripped: true, freq: lookup(sing, sing)?.entry.freqClass ?? -1 };
    }
  }

  let best: { spelling: string; score: number; freq: number; c: SuffixCandidate } | undefined;
  for (const c of cands) {
    if (c.suffixes.length === 0) continue;
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

function isClitic(s: string): boolean {
  return /^(ی|ا)?(ش|ت|م|شان|تان|مان)$/.test(s);
}
