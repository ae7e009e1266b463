/**
 * The letter-level pass: one read of a 64 K table per UTF-16 code unit decides keep / delete / replace.
 * Only listed mappings live here (yeh/kaf, presentation forms, kashida, and the opt-in diacritics and
 * ligatures), so a word's letters never change in any other way.
 */
import type { ResolvedNormalizeOptions } from './options.js';

/** Character-level switches that shape the table. */
interface CharMapFlags {
  persianLetters: boolean;
  presentationForms: boolean;
  removeKashida: boolean;
  removeDiacritics: boolean;
  removeSpecialChars: boolean;
  expandSpecialChars: boolean;
}

/** A built table: 0 keep, -1 delete, n > 0 replace by `repl[n]`. */
interface CharMap {
  readonly table: Int32Array;
  readonly repl: readonly string[];
}

const cache = new Map<number, CharMap>();

/** Arabic letters that Persian writes differently: ي ى (U+064A, U+0649) → ی, ك (U+0643) → ک. */
function persianize(s: string, on: boolean): string {
  return on ? s.replace(/[\u064A\u0649]/g, '\u06CC').replace(/\u0643/g, '\u06A9') : s;
}

/** Word ligatures in U+FDF0–FDFD (Unicode chart "Arabic Presentation Forms-A"), with Persian spellings. */
const EXPANSIONS: Record<number, string> = {
  0xfdfd: 'بسم الله الرحمن الرحیم',
  0xfdf2: 'الله',
  0xfdfc: 'ریال',
};

function build(f: CharMapFlags): CharMap {
  const table = new Int32Array(0x10000);
  const repl: string[] = [''];
  const set = (c: number, s: string): void => {
    table[c] = repl.length;
    repl.push(s);
  };
  if (f.persianLetters) {
    set(0x064a, '\u06CC');
    set(0x0649, '\u06CC');
    set(0x0643, '\u06A9');
  }
  if (f.presentationForms) {
    const ranges: [number, number][] = [[0xfb50, 0xfdef], [0xfe70, 0xfefe]];
    for (const [a, b] of ranges) {
      for (let c = a; c <= b; c++) {
        const ch = String.fromCharCode(c);
        // NFKC gives the base letters; isolated harakat forms (U+FE70…) decompose to space + mark,
        // and only the mark is wanted.
        let base = ch.normalize('NFKC');
        if (base === ch) continue;
        base = base.replace(/ /g, '');
        // Medial harakat forms (U+FE71, FE77, FE79…) decompose to tatweel + mark; without kashida the
        // tatweel must go too, or a second pass would remove it (normalize must be idempotent).
        if (f.removeKashida) base = base.replace(/\u0640/g, '');
        if (base === '') continue;
        if (!/^[\u0600-\u06FF]+$/.test(base)) continue;
        set(c, persianize(base, f.persianLetters));
      }
    }
  }
  if (f.removeKashida) table[0x0640] = -1;
  if (f.removeDiacritics) {
    for (let c = 0x064b; c <= 0x065f; c++) table[c] = -1;
    table[0x0670] = -1;
    if (f.presentationForms) {
      // presentation forms of harakat map to a lone mark: delete them too
      for (let c = 0xfe70; c <= 0xfe7f; c++) table[c] = -1;
    }
  }
  if (f.removeSpecialChars) {
    for (let c = 0xfdf0; c <= 0xfdfd; c++) table[c] = -1;
  }
  if (f.expandSpecialChars) {
    for (const [c, s] of Object.entries(EXPANSIONS)) set(Number(c), s);
  }
  return { table, repl };
}

function getMap(o: ResolvedNormalizeOptions): CharMap {
  const key =
    (o.persianLetters ? 1 : 0) | (o.presentationForms ? 2 : 0) | (o.removeKashida ? 4 : 0) |
    (o.removeDiacritics ? 8 : 0) | (o.removeSpecialChars ? 16 : 0) | (o.expandSpecialChars ? 32 : 0);
  let m = cache.get(key);
  if (!m) {
    m = build({
      persianLetters: o.persianLetters,
      presentationForms: o.presentationForms,
      removeKashida: o.removeKashida,
      removeDiacritics: o.removeDiacritics,
      removeSpecialChars: o.removeSpecialChars,
      expandSpecialChars: o.expandSpecialChars,
    });
    cache.set(key, m);
  }
  return m;
}

/**
 * Apply the letter mappings. Returns `text` itself when nothing changes (the common case for modern
 * copy), otherwise joins unchanged slices with replacements — no per-character concatenation.
 */
export function mapChars(text: string, o: ResolvedNormalizeOptions): string {
  const { table, repl } = getMap(o);
  let parts: string[] | undefined;
  let from = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const t = table[text.charCodeAt(i)]!;
    if (t === 0) continue;
    parts ??= [];
    if (i > from) parts.push(text.slice(from, i));
    if (t > 0) parts.push(repl[t]!);
    from = i + 1;
  }
  if (!parts) return text;
  if (from < n) parts.push(text.slice(from));
  return parts.join('');
}
