/**
 * The lemmatizer: one word in, its lemma in the UD Persian PerDT convention out (nouns and adjectives
 * as the bare singular, verbs as `past#present`, the copula as `#است` / `#هست`). Closed classes come
 * from a table, verbs from the stem table, everything else from suffix rules checked against the
 * lexicon. Results are memoized: the search analyzer calls this once per token.
 */
import { assertWord, joinWord, normalizeWord } from './normalize-word.js';
import { closedClassLemma } from './closed-class.js';
import { bestVerbReading, verbLemma, type VerbReading } from './verb-analyzer.js';
import { nounLemma, type NounReading } from './noun-lemma.js';
import { lookup } from './lexicon-lookup.js';
import { FUTURE_AUXILIARY, isAuxiliaryGroup, isPastParticiple } from './auxiliaries.js';

/** Cache size bound: cleared wholesale when reached (cheap, and the hot vocabulary refills it fast). */
const CACHE_LIMIT = 100_000;
const cache = new Map<string, string>();

const ARABIC_LETTER = /[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]/;

/**
 * The lemma of one word, in Persian letters (ی ک), keeping ZWNJ only where the lemma has one.
 * Accepts any orthography: Arabic ي/ك, harakat, tatweel, ۀ, with or without ZWNJ at affix boundaries.
 * Underscore-joined verb groups from {@link joinVerbParts} (گفته_شده_است) give the main verb.
 * @throws KhabarError INVALID_INPUT when `word` is not a string.
 */
export function lemmatize(word: string): string {
  assertWord(word, 'lemmatize');
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const lemma = computeLemma(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, lemma);
  return lemma;
}

/** Empties the memo (for benchmarks that measure the uncached path). */
export function clearLemmaCache(): void {
  cache.clear();
}

function computeLemma(word: string): string {
  const { text, ezafe } = normalizeWord(word);
  if (text.trim() === '') return word;
  if (text.includes('_')) return groupLemma(text.split('_').filter((p) => p !== ''));
  return wordLemma(text, ezafe);
}

function wordLemma(text: string, ezafe: boolean): string {
  const joined = joinWord(text);
  const closed = closedClassLemma(joined);
  if (closed !== undefined) return closed;
  if (!ARABIC_LETTER.test(joined)) return text;
  // A participle and its auxiliary written as one word with ZWNJ (رفته‌بودند، گفته‌شده‌است).
  if (text.includes('\u200c')) {
    const parts = text.split('\u200c');
    for (let k = 1; k < parts.length; k++) {
      const head = parts.slice(0, k).join('');
      if (isPastParticiple(head) && isAuxiliaryGroup(parts.slice(k).join('_'))) return groupLemma([head, ...parts.slice(k)]);
    }
  }
  const hit = lookup(text, joined);
  const wordFreq = hit?.entry.freqClass ?? -1;
  const noun = nounLemma(text, joined, wordFreq, hit?.spelling);
  // A written ezafe (خانهٔ، گفتهٔ) only follows a noun phrase head, never a verb.
  const verb = ezafe ? undefined : bestVerbReading(joined);
  if (verb && acceptVerb(verb, wordFreq, noun)) return verbLemma(verb);
  return noun.lemma;
}

/**
 * Whether the verb reading beats the nominal one. Prefixed forms (می‌کند) and perfects (کرده‌اند) are
 * verbs outright; weaker forms compete with the nominal reading on lexicon frequency, so that
 * کند, داد and کرده are verbs while مردم, مردی and کار are not.
 */
function acceptVerb(v: VerbReading, wordFreq: number, noun: NounReading): boolean {
  // A durative prefix or a perfect ending is conclusive; a subjunctive ب (برخی is not ب+رخ+ی) or a
  // verb the lexicon never counts (archaic stems in the verb table) must still beat the noun.
  const conclusive = v.strength === 3 && (v.durative || (v.participle && v.ending !== '') ||
    (v.verbFreq > 0 && wordFreq <= 0));
  if (conclusive) return true;
  const nounScore = noun.stripped ? noun.freq : wordFreq;
  if (v.strength === 0) return nounScore < 0;
  if (nounScore <= 0) return true;
  // Participles are listed in the lexicon with the counts of their verbal use (گفته), hence the wider margin.
  const margin = v.participle ? 5 : 2;
  return v.verbFreq >= nounScore - margin;
}

/**
 * Lemma of an underscore-joined verb group: the future (خواهد_رفت) takes the last part, the
 * periphrastic forms (گفته_شده_است, نچشیده_است) the participle in front.
 */
function groupLemma(parts: string[]): string {
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first === undefined || last === undefined) return '';
  if (parts.length === 1) return wordLemma(first, false);
  if (FUTURE_AUXILIARY.has(joinWord(first))) return wordLemma(last, false);
  const r = bestVerbReading(joinWord(first));
  if (r && r.participle) return verbLemma(r);
  return wordLemma(last, false);
}
