/**
 * Adapter from Hazm's normalizer test functions (hazm-tests-gold.tsv) to khabar's `normalize`.
 * Each Hazm function tests one rule in isolation, so the adapter turns every rule off and switches on
 * only the ones that function exercises; `test_normalize` runs the default chain plus the extras Hazm's
 * own default normalizer applies (diacritics removal, repeated letters).
 */
import { normalize, DEFAULT_NORMALIZE_OPTIONS, type NormalizeOptions } from '../../src/analysis/normalize/index.js';

type OptionName = keyof NormalizeOptions;

function only(...names: OptionName[]): NormalizeOptions {
  const o: NormalizeOptions = {};
  for (const k of Object.keys(DEFAULT_NORMALIZE_OPTIONS) as OptionName[]) o[k] = names.includes(k);
  return o;
}

/** Letter-level rules that every ZWNJ/spacing decision relies on (the lexicon is in Persian letters). */
const BASE: OptionName[] = ['persianLetters', 'presentationForms'];
const ZWNJ_RULES: OptionName[] = ['fixZwnj', 'cleanZwnj', 'removeRedundantZwnj'];

/** Options per Hazm test function. */
const CASES: Record<string, NormalizeOptions> = {
  test_normalize: { ...DEFAULT_NORMALIZE_OPTIONS, removeDiacritics: true, decreaseRepeatedChars: true },
  test_correct_spacing: only(...BASE, ...ZWNJ_RULES, 'removeKashida', 'collapseWhitespace', 'punctuationSpacing', 'spaceDigits'),
  test_remove_diacritics: only('removeDiacritics'),
  test_remove_specials_chars: only('removeSpecialChars'),
  test_decrease_repeated_chars: only('decreaseRepeatedChars'),
  test_persian_style: only('persianQuotes', 'ellipsis', 'decimalSeparator', 'persianPunctuation'),
  test_persian_number: only('persianDigits'),
  test_unicodes_replacement: only('expandSpecialChars'),
  test_seperate_mi: only(...BASE, 'fixZwnj'),
  test_token_spacing: only(...BASE, ...ZWNJ_RULES, 'collapseWhitespace'),
};

/**
 * Run one Hazm normalizer case. `test_token_spacing` takes and returns a token list: the tokens are
 * written with spaces, normalized, and split at spaces again.
 */
export function runHazmNormalizerCase(fn: string, input: unknown): unknown {
  const opts = CASES[fn];
  if (!opts) throw new Error(`no khabar mapping for Hazm normalizer test ${fn}`);
  if (fn === 'test_token_spacing') {
    const tokens = input as string[];
    const out = normalize(tokens.join(' '), opts);
    return out === '' ? [] : out.split(' ');
  }
  return normalize(input as string, opts);
}

/**
 * Rows where khabar deliberately differs from Hazm's expected answer, keyed by the input as
 * `String(input)`, with the reason khabar's answer stands.
 */
export const HAZM_NORMALIZER_DISAGREEMENTS: Readonly<Record<string, string>> = {
  'و...':
    'Hazm puts a space before the ellipsis («و …»); khabar writes … like a full stop, attached to the word before it, ' +
    'and keeps a space only where the author wrote one.',
};
