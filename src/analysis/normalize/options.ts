/**
 * Options of the editorial normalizer. Every rule can be switched off; the defaults are what an agency
 * copy desk applies to wire copy before publication. Opt-in extras change the author's letters or
 * meaning (diacritics, stretched letters, honorific ligatures) and are therefore off by default.
 */
import { KhabarError, describeType } from '../../errors/index.js';

/** Switches for {@link normalize}. Omitted keys take the value in {@link DEFAULT_NORMALIZE_OPTIONS}. */
export interface NormalizeOptions {
  /** Arabic yeh/kaf (ي ى ك) → Persian ی ک. Default on. */
  persianLetters?: boolean;
  /** Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF, e.g. ﻻ ﺑ) → base letters. Default on. */
  presentationForms?: boolean;
  /** Remove kashida / tatweel (U+0640), which only stretches a word. Default on. */
  removeKashida?: boolean;
  /**
   * Put ZWNJ where Persian orthography wants it (می‌/نمی‌, ‌ها, ‌تر/‌ترین, ‌ای/‌اند…, lexicon
   * compounds such as بین‌المللی), deciding with the lexicon so that میز or تهران stay. Default on.
   */
  fixZwnj?: boolean;
  /** Remove ZWNJs that are wrong: doubled, at word edges, next to spaces. Default on. */
  cleanZwnj?: boolean;
  /** Also remove a ZWNJ after a non-joining letter (ا د ذ ر ز ژ و …), where it changes nothing. Default on. */
  removeRedundantZwnj?: boolean;
  /** ASCII and Arabic-Indic digits → Persian digits, except inside URLs, e-mail addresses and Latin runs. Default on. */
  persianDigits?: boolean;
  /**
   * A single `.` between digits of a Persian number → Persian decimal separator ٫ (U+066B), no spaces.
   * Default off: agencies commonly write the decimal point as `.`, which is not wrong; opt in for the ٫ house style.
   */
  decimalSeparator?: boolean;
  /** `,` `;` `?` → `،` `؛` `؟` in Persian context. Default on. */
  persianPunctuation?: boolean;
  /** Straight double quotes around Persian text → « ». Default on. */
  persianQuotes?: boolean;
  /** `...` → `…`. Default on. */
  ellipsis?: boolean;
  /**
   * Spacing around punctuation in Persian context: none before . ، ؛ ؟ ! : ) » ; one after; none inside
   * « » ( ). Default on.
   */
  punctuationSpacing?: boolean;
  /** A space between a number and a Persian word written against it (۹کیلومتر → ۹ کیلومتر). Default on. */
  spaceDigits?: boolean;
  /** Runs of spaces/tabs → one space, trim, spaces around line breaks removed, 3+ line breaks → 2. Default on. */
  collapseWhitespace?: boolean;
  /** Remove harakat (U+064B–065F, U+0670), including tanwin as in معمولاً. Default off. */
  removeDiacritics?: boolean;
  /** Shorten a letter repeated three or more times (سلاممم → سلام), checking the lexicon. Default off. */
  decreaseRepeatedChars?: boolean;
  /** Remove honorific ligatures such as ﷺ ﷻ (U+FDF0–FDFD except ﷽). Default off. */
  removeSpecialChars?: boolean;
  /** Expand word ligatures: ﷽ → «بسم الله الرحمن الرحیم», ﷲ → الله, ﷼ → ریال. Default off. */
  expandSpecialChars?: boolean;
}

/** Every option resolved to a boolean. */
export type ResolvedNormalizeOptions = Required<NormalizeOptions>;

/** The defaults: every editorial rule on, the opt-in extras off. */
export const DEFAULT_NORMALIZE_OPTIONS: Readonly<ResolvedNormalizeOptions> = Object.freeze({
  persianLetters: true,
  presentationForms: true,
  removeKashida: true,
  fixZwnj: true,
  cleanZwnj: true,
  removeRedundantZwnj: true,
  persianDigits: true,
  decimalSeparator: false,
  persianPunctuation: true,
  persianQuotes: true,
  ellipsis: true,
  punctuationSpacing: true,
  spaceDigits: true,
  collapseWhitespace: true,
  removeDiacritics: false,
  decreaseRepeatedChars: false,
  removeSpecialChars: false,
  expandSpecialChars: false,
});

/** The option names, in a fixed order (used to build cache keys). */
export const NORMALIZE_OPTION_NAMES = Object.keys(DEFAULT_NORMALIZE_OPTIONS) as (keyof NormalizeOptions)[];

/**
 * Merge `options` over the defaults. Throws INVALID_OPTION for an unknown key or a non-boolean value,
 * so that a typo such as `persianDigit` is not silently ignored.
 */
export function resolveNormalizeOptions(options: unknown): ResolvedNormalizeOptions {
  if (options === undefined || options === null) return DEFAULT_NORMALIZE_OPTIONS;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new KhabarError('INVALID_OPTION', `normalize options must be an object, got ${describeType(options)}`);
  }
  const out: ResolvedNormalizeOptions = { ...DEFAULT_NORMALIZE_OPTIONS };
  for (const [key, value] of Object.entries(options)) {
    if (!Object.prototype.hasOwnProperty.call(DEFAULT_NORMALIZE_OPTIONS, key)) {
      throw new KhabarError('INVALID_OPTION', `unknown normalize option "${key}"`, { option: key });
    }
    if (value === undefined) continue;
    if (typeof value !== 'boolean') {
      throw new KhabarError('INVALID_OPTION', `normalize option "${key}" must be a boolean, got ${describeType(value)}`, {
        option: key,
      });
    }
    out[key as keyof NormalizeOptions] = value;
  }
  return out;
}

/** A compact key of the resolved options, one bit per option, for caches. */
export function optionsKey(o: ResolvedNormalizeOptions): number {
  let k = 0;
  for (let i = 0; i < NORMALIZE_OPTION_NAMES.length; i++) if (o[NORMALIZE_OPTION_NAMES[i]!]) k |= 1 << i;
  return k;
}
