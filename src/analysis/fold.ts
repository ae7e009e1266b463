/**
 * Search folding (DESIGN.md §5): maps every spelling variant of a letter to one form so that the index
 * and the query meet. Display text is never folded; only analyzer terms are. Each code unit folds to
 * at most one code unit (or vanishes), which keeps offset bookkeeping trivial in the tokenizer.
 */
import { charClass, CharClass, digitValue } from './chars.js';

/** Folded code unit for each BMP code unit; -1 means "drop it" (harakat, tatweel, ZWNJ). */
const FOLD = buildFoldTable();

function buildFoldTable(): Int32Array {
  const t = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  // Arabic Presentation Forms (U+FB50–FDFF, U+FE70–FEFF) → base letters via NFKC, when that gives one unit.
  for (const [lo, hi] of [[0xfb50, 0xfdff], [0xfe70, 0xfefe]] as const) {
    for (let c = lo; c <= hi; c++) {
      const n = String.fromCharCode(c).normalize('NFKC');
      if (n.length === 1) t[c] = n.charCodeAt(0);
    }
  }
  const map: Record<string, string> = {
    'ي': 'ی', 'ى': 'ی', 'ې': 'ی', 'ۍ': 'ی', 'ك': 'ک', 'ڪ': 'ک', 'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه', 'ھ': 'ه',
    'أ': 'ا', 'إ': 'ا', 'ٱ': 'ا', 'ؤ': 'و', 'ئ': 'ی',
  };
  for (const [from, to] of Object.entries(map)) t[from.charCodeAt(0)] = to.charCodeAt(0);
  // Presentation forms that NFKC maps to a variant we fold further (e.g. FEF1 → ي → ی).
  for (let c = 0; c < 0x10000; c++) {
    const f = t[c]!;
    if (f !== c && f < 0x10000) {
      const f2 = map[String.fromCharCode(f)];
      if (f2) t[c] = f2.charCodeAt(0);
    }
  }
  for (let c = 0; c < 0x10000; c++) {
    const d = digitValue(c);
    if (d >= 0) t[c] = 0x30 + d; // one digit form for search: ASCII
    const k = charClass(c);
    if (k === CharClass.Mark && ((c >= 0x64b && c <= 0x65f) || c === 0x670)) t[c] = -1;
  }
  t[0x640] = -1; // tatweel
  t[0x200c] = -1; // ZWNJ: folded away; word-internal boundaries are the tokenizer's business
  t[0x200d] = -1; // ZWJ
  // Latin letters fold to lower case so that mixed-script text searches case-blind.
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 32;
  return t;
}

/** Folded form of one UTF-16 code unit, or -1 when it folds away. */
export function foldCode(code: number): number {
  return FOLD[code]!;
}

/** Folds a whole string (search form). Not for display text. */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const f = FOLD[text.charCodeAt(i)]!;
    if (f >= 0) out += String.fromCharCode(f);
  }
  return out;
}
