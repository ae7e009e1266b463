/**
 * Inflectional affixes of the Persian verb (Persian Academy grammar; Lazard, *Grammaire du persan
 * contemporain*, §§ 136–170). All spellings are joined (no ZWNJ): the analyzer matches the joined
 * form so that می‌کند, میکند and می کند (once glued) analyse the same way.
 */

/** Personal endings of the simple past: رفت، رفتم، رفتی، رفتیم، رفتید، رفتند. */
export const PAST_ENDINGS = ['', 'م', 'ی', 'یم', 'ید', 'ند'] as const;

/** Personal endings of the present after a consonant-final stem: کنم، کنی، کند، کنیم، کنید، کنند. */
export const PRESENT_ENDINGS = ['م', 'ی', 'د', 'یم', 'ید', 'ند'] as const;

/**
 * Present endings after a stem that ends in a vowel (ا, or و read /u/), which take a glide ی:
 * گوید، آیم، فرمایید. Stems in و read /ow/ (رو، شو) take the plain endings (رود، شود), so both
 * sets are tried and the verb table decides.
 */
export const GLIDE_PRESENT_ENDINGS = ['یم', 'یی', 'ید', 'ییم', 'یید', 'یند'] as const;

/**
 * Endings after the past participle (stem + ه): the enclitic copula of the present perfect
 * (کرده‌ام … کرده‌اند, کرده‌است, colloquial/poetic کرده‌ست) and nothing (the bare participle).
 */
export const PARTICIPLE_ENDINGS = ['', 'ام', 'ای', 'است', 'ست', 'ایم', 'اید', 'اند'] as const;

/**
 * Inflectional prefixes, longest first: نمی (negated durative), می (durative), ن (negation),
 * ب (subjunctive/imperative). `strength` says how sure a match makes us that the word is a verb.
 */
export const VERB_PREFIXES = [
  { prefix: 'نمی', durative: true, negative: true, subjunctive: false },
  { prefix: 'می', durative: true, negative: false, subjunctive: false },
  { prefix: 'ن', durative: false, negative: true, subjunctive: false },
  { prefix: 'ب', durative: false, negative: false, subjunctive: true },
  { prefix: '', durative: false, negative: false, subjunctive: false },
] as const;

/**
 * Preverbs that form compound verbs (برداشتن، درآمدن، بازماندن، فراگرفتن). PerDT writes such a lemma
 * as `preverb#past#present` (بر#داشت#دار).
 */
export const PREVERBS = ['فرو', 'فرا', 'باز', 'بر', 'در', 'ور', 'وا'] as const;
