/**
 * Closed-class words whose lemma no rule can derive: detached pronoun clitics, the copula and the
 * modal auxiliaries. Spellings are joined (no ZWNJ), in Persian letters. Lemmas follow the UD Persian
 * (PerDT) convention: verbs as `past#present`, the stemless copula as `#است` / `#هست`.
 */

/**
 * Pronoun clitics written as separate tokens (the tokenizer splits کتابش into کتاب + ش).
 * After a vowel the clitic takes a glide: -اش, -یش (Persian Academy orthography, §2.3).
 */
const CLITIC_PRONOUNS: Readonly<Record<string, string>> = {
  'ش': 'او', 'اش': 'او', 'یش': 'او',
  'م': 'من', 'ام': 'من',
  'ت': 'تو', 'ات': 'تو', 'یت': 'تو',
  'مان': 'ما', 'یمان': 'ما',
  'تان': 'شما', 'یتان': 'شما',
  'شان': 'آنها', 'یشان': 'آنها',
};

/**
 * Enclitic copula endings written as separate tokens (خسته + اند). `یم` is both "my" and "we are";
 * the copula reading is the more frequent one after a predicate.
 */
const CLITIC_COPULA = ['ی', 'یم', 'ید', 'ند', 'اند', 'یند', 'ایم', 'اید'] as const;

/** Present-tense forms of بودن "to be": the long forms هست- and the negation نیست- (lemma `#هست`). */
const HAST_ENDINGS = ['', 'م', 'ی', 'یم', 'ید', 'ند'] as const;

/** Modal بایستن "must": باید and its older forms; lemma `بایست#باید`. */
const BAYAD = ['باید', 'نباید', 'بایستی', 'نبایستی', 'بایست', 'نبایست', 'میبایست', 'میبایستی', 'نمیبایست', 'نمیبایستی', 'میباید'];

/**
 * Impersonal توان "one can" (می‌توان گفت): a bare present stem after می/ب, tagged AUX with the lemma
 * `#توان` in PerDT.
 */
const TAVAN_IMPERSONAL = ['میتوان', 'نمیتوان', 'بتوان', 'نتوان'];

/** Other pronouns with a fixed lemma: plural pronouns keep ها joined (آن‌ها → آنها). */
const PRONOUNS: Readonly<Record<string, string>> = {
  'آنها': 'آنها', 'انها': 'آنها', 'آنهایی': 'آنها', 'اینها': 'اینها', 'اینهایی': 'اینها',
  'شماها': 'شما', 'ماها': 'ما', 'آنان': 'آنان', 'اینان': 'اینان', 'آنانی': 'آنان',
  'همانها': 'همانها', 'همینها': 'همینها',
};

/**
 * Indefinite pronouns and temporal subordinators built with the indefinite ی (کسی "someone",
 * چیزی "something", وقتی "when"): grammaticalised, so the lexicon's listing of the whole word says
 * nothing about them; their lemma is the noun. یکی "one (of)" is a pronoun in its own right, دیگران
 * the plural of the pronoun دیگری, and توی a preposition (colloquial "in").
 */
const INDEFINITES: Readonly<Record<string, string>> = {
  'کسی': 'کس', 'کسانی': 'کس', 'چیزی': 'چیز', 'جایی': 'جا', 'وقتی': 'وقت', 'زمانی': 'زمان',
  'هنگامی': 'هنگام', 'گاهی': 'گاه', 'یکی': 'یکی', 'دیگران': 'دیگری', 'توی': 'توی',
};

function buildTable(): Map<string, string> {
  const t = new Map<string, string>();
  for (const [k, v] of Object.entries(CLITIC_PRONOUNS)) t.set(k, v);
  for (const k of CLITIC_COPULA) t.set(k, '#هست');
  for (const e of HAST_ENDINGS) {
    t.set('هست' + e, '#هست');
    t.set('نیست' + e, '#هست');
  }
  t.set('است', '#است');
  t.set('ست', '#است');
  t.set('نیس', '#هست');
  for (const k of BAYAD) t.set(k, 'بایست#باید');
  for (const k of TAVAN_IMPERSONAL) t.set(k, '#توان');
  for (const [k, v] of Object.entries(PRONOUNS)) t.set(k, v);
  for (const [k, v] of Object.entries(INDEFINITES)) t.set(k, v);
  return t;
}

/** Joined spelling → lemma for the closed classes above. */
export const CLOSED_CLASS_LEMMAS: ReadonlyMap<string, string> = buildTable();

/** The lemma of a closed-class word given in joined spelling, or undefined. */
export function closedClassLemma(joined: string): string | undefined {
  return CLOSED_CLASS_LEMMAS.get(joined);
}
