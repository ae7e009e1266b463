/**
 * Nominal suffixes, stripped from the outside in: pronoun clitic, then ی (indefinite / ezafe /
 * relative), then plural, then comparative. Each layer may be absent; every combination is offered
 * as a candidate stem and the lemmatizer picks one with the lexicon. Spellings are joined (no ZWNJ).
 * Glide rules follow the Persian Academy orthography (دستور خط فارسی, 1394): after ا/و a vowel-initial
 * suffix takes ی (جایی، دانشجویان، صدایش), after silent ه it takes ا (خانه‌ای، خانه‌اش).
 */

/** A candidate reading: the stem and the suffixes removed from it (innermost first). */
export interface SuffixCandidate {
  /** The stem in joined spelling (may end in a restored ه: نمایندگان → نماینده). */
  readonly stem: string;
  /** Length of the joined word kept as the stem, or -1 when the stem was respelled. */
  readonly keep: number;
  /** Removed suffixes, innermost first (e.g. ['ها', 'ی', 'شان']). */
  readonly suffixes: readonly string[];
}

/** Which layer a suffix belongs to. */
export const enum Layer { Comparative = 1, Plural = 2, Yeh = 3, Clitic = 4 }

const VOWEL_END = /[او]$/;
const HEH_OR_YEH_END = /[هی]$/;

/** Strips of one layer from a stem: returns [newStem, keep(or -1), suffix] triples. */
function strip(layer: Layer, stem: string): Array<[string, boolean, string]> {
  const out: Array<[string, boolean, string]> = [];
  const n = stem.length;
  const cut = (suf: string, min = 2): string | undefined =>
    n - suf.length >= min && stem.endsWith(suf) ? stem.slice(0, n - suf.length) : undefined;
  switch (layer) {
    case Layer.Clitic: {
      for (const c of ['شان', 'تان', 'مان', 'ش', 'ت', 'م']) {
        const s = cut(c);
        if (s === undefined) continue;
        if (s.endsWith('ی') && VOWEL_END.test(s.slice(0, -1))) out.push([s.slice(0, -1), true, 'ی' + c]); // صدایش
        else if (s.endsWith('ا') && HEH_OR_YEH_END.test(s.slice(0, -1))) out.push([s.slice(0, -1), true, 'ا' + c]); // خانه‌اش
        else out.push([s, true, c]);
      }
      break;
    }
    case Layer.Yeh: {
      const yy = cut('یی');
      if (yy !== undefined && VOWEL_END.test(yy)) out.push([yy, true, 'یی']); // جایی
      const ay = cut('ای');
      if (ay !== undefined && HEH_OR_YEH_END.test(ay)) out.push([ay, true, 'ای']); // خانه‌ای
      const y = cut('ی');
      if (y !== undefined && !y.endsWith('ی')) out.push([y, true, 'ی']); // کتابی، جای (ezafe after ا)
      break;
    }
    case Layer.Plural: {
      const ha = cut('ها');
      if (ha !== undefined) out.push([ha, true, 'ها']);
      const yan = cut('یان');
      if (yan !== undefined && VOWEL_END.test(yan)) out.push([yan, true, 'یان']); // دانشجویان
      const an = cut('ان');
      if (an !== undefined && !VOWEL_END.test(an) && !an.endsWith('ه')) out.push([an, true, 'ان']);
      const gan = cut('گان');
      if (gan !== undefined) out.push([gan + 'ه', false, 'گان']); // نمایندگان → نماینده
      const at = cut('ات');
      if (at !== undefined) {
        out.push([at, true, 'ات']); // مشکلات
        out.push([at + 'ت', false, 'ات']); // جنایات → جنایت
        if (at.endsWith('ی')) out.push([at.slice(0, -1) + 'ه', false, 'یات']); // تجربیات → تجربه
      }
      const in_ = cut('ین', 3);
      if (in_ !== undefined) out.push([in_, true, 'ین']); // مسئولین (Arabic sound plural)
      break;
    }
    case Layer.Comparative: {
      for (const c of ['ترین', 'تر']) {
        const s = cut(c, 1);
        if (s !== undefined) out.push([s, true, c]);
      }
      break;
    }
  }
  return out;
}

/**
 * Every way to strip nominal suffixes from a joined spelling, the unstripped word first.
 * At most one suffix per layer, in the order the grammar allows (stem-تر-ها-ی-ش).
 */
export function suffixCandidates(joined: string): SuffixCandidate[] {
  let cands: SuffixCandidate[] = [{ stem: joined, keep: joined.length, suffixes: [] }];
  for (const layer of [Layer.Clitic, Layer.Yeh, Layer.Plural, Layer.Comparative]) {
    const next: SuffixCandidate[] = [];
    for (const c of cands) {
      next.push(c);
      for (const [stem, kept, suf] of strip(layer, c.stem)) {
        next.push({ stem, keep: kept && c.keep >= 0 ? stem.length : -1, suffixes: [suf, ...c.suffixes] });
      }
    }
    cands = next;
  }
  return cands;
}

/** The layer a suffix string belongs to. */
export function layerOf(suffix: string): Layer {
  if (suffix === 'تر' || suffix === 'ترین') return Layer.Comparative;
  if (['ها', 'ان', 'یان', 'گان', 'ات', 'یات', 'ین'].includes(suffix)) return Layer.Plural;
  if (suffix === 'ی' || suffix === 'یی' || suffix === 'ای') return Layer.Yeh;
  return Layer.Clitic;
}
