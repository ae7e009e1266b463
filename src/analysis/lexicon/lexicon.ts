/**
 * The Persian lexicon khabar ships: about 190,000 words with parts of speech and a frequency class
 * (from Hazm's MIT-licensed words.dat), verb stem pairs, broken plurals and joined→ZWNJ spellings.
 * Parsed lazily on first use (about 100 ms) so that importing `analysis` stays cheap.
 */
import { WORDS_DATA } from './data/words.generated.js';
import { VERBS_DATA } from './data/verbs.generated.js';
import { BROKEN_PLURALS_DATA } from './data/broken-plurals.generated.js';
import { ZWNJ_FORMS_DATA } from './data/zwnj-forms.generated.js';

/** Part-of-speech codes, one letter each, as the lexicon stores them (Hazm's tag set, condensed). */
export const POS = {
  noun: 'n', adjective: 'a', adverb: 'd', number: 'u', plural: 'p', residual: 'r', classifier: 'c',
  comparative: 'j', preposition: 'i', conjunction: 'o', determiner: 't', pronoun: 'e', interjection: 'h',
  postposition: 'x', verb: 'v',
} as const;

/** One lexicon entry. */
export interface LexiconEntry {
  /** POS codes (see {@link POS}); empty when the source gave none, which is true of most inflected forms. */
  readonly pos: string;
  /** log2 of the corpus frequency, 0–35; 0 means unknown or never seen. */
  readonly freqClass: number;
}

/** A verb as its two stems, e.g. `{ past: 'کرد', present: 'کن' }`. */
export interface VerbStems {
  readonly past: string;
  readonly present: string;
}

/** Read-only view of the lexicon. Words are in Persian letters (ی ک), with ZWNJ where the source had it. */
export interface Lexicon {
  /** The entry for an exact spelling, or undefined. */
  get(word: string): LexiconEntry | undefined;
  /** True when the exact spelling is a known word. */
  has(word: string): boolean;
  /** Every spelling with its entry, in sorted order. */
  entries(): IterableIterator<[string, LexiconEntry]>;
  /** Number of distinct spellings. */
  readonly size: number;
  /** Every verb, one entry per past#present pair. */
  readonly verbs: readonly VerbStems[];
  /** Past stem → its verbs (a stem can belong to more than one pair). */
  readonly byPastStem: ReadonlyMap<string, readonly VerbStems[]>;
  /** Present stem → its verbs. */
  readonly byPresentStem: ReadonlyMap<string, readonly VerbStems[]>;
  /** Broken plural → singular (افراد → فرد). */
  readonly brokenPlurals: ReadonlyMap<string, string>;
  /**
   * A spelling with every ZWNJ removed → the ZWNJ spellings the lexicon knows for it
   * (همکاریها → همکاری‌ها is not listed, but بینالمللی → بین‌المللی is).
   */
  readonly zwnjForms: ReadonlyMap<string, readonly string[]>;
}

const ZWNJ = '\u200C';
let cached: Lexicon | undefined;

/** The shared lexicon instance, parsed on first call. */
export function getLexicon(): Lexicon {
  cached ??= buildLexicon();
  return cached;
}

function buildLexicon(): Lexicon {
  const entries = new Map<string, LexiconEntry>();
  let prev = '';
  for (const line of WORDS_DATA.split('\n')) {
    const shared = parseInt(line[0]!, 36);
    const full = prev.slice(0, shared) + line.slice(1);
    prev = full;
    const t1 = full.indexOf('\t');
    const t2 = full.indexOf('\t', t1 + 1);
    entries.set(full.slice(0, t1), { pos: full.slice(t1 + 1, t2), freqClass: parseInt(full.slice(t2 + 1), 36) });
  }

  const verbs: VerbStems[] = [];
  const byPastStem = new Map<string, VerbStems[]>();
  const byPresentStem = new Map<string, VerbStems[]>();
  for (const line of VERBS_DATA.split('\n')) {
    const [past = '', present = ''] = line.split('#');
    const v = { past, present };
    verbs.push(v);
    if (past) push(byPastStem, past, v);
    if (present) push(byPresentStem, present, v);
  }

  const brokenPlurals = new Map<string, string>();
  for (const line of BROKEN_PLURALS_DATA.split('\n')) {
    const [plural, singular] = line.split('\t');
    if (plural && singular) brokenPlurals.set(plural, singular);
  }

  const zwnjForms = new Map<string, string[]>();
  for (const word of entries.keys()) {
    if (word.includes(ZWNJ)) push(zwnjForms, word.replaceAll(ZWNJ, ''), word);
  }
  for (const line of ZWNJ_FORMS_DATA.split('\n')) {
    const [joined, form] = line.split('\t');
    if (joined && form && form.includes(ZWNJ)) {
      const list = zwnjForms.get(joined);
      if (!list?.includes(form)) push(zwnjForms, joined, form);
    }
  }

  return {
    get: (w) => entries.get(w),
    has: (w) => entries.has(w),
    entries: () => entries.entries(),
    size: entries.size,
    verbs,
    byPastStem,
    byPresentStem,
    brokenPlurals,
    zwnjForms,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
