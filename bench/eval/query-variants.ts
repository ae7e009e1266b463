/**
 * Spelling variants of a query that a Persian-aware search must treat as the same query: Arabic ي/ك,
 * ZWNJ / space / nothing at affix boundaries (ها، های، تر، ترین، می، نمی), and the three digit scripts.
 */
import { modernOrthography } from '../hamshahri.js';

const toArabicLetters = (q: string) => q.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
const toPersianLetters = (q: string) => q.replace(/ي/g, 'ی').replace(/ك/g, 'ک');
const digits = (q: string, zero: number) => q.replace(/[0-9\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
  const c = d.charCodeAt(0);
  const v = c <= 0x39 ? c - 0x30 : c <= 0x669 ? c - 0x660 : c - 0x6f0;
  return String.fromCharCode(zero + v);
});

/** Named variants of `q` (each differs from `q` in spelling only). */
export function queryVariants(q: string): Array<[string, string]> {
  const modern = modernOrthography(q);
  const out: Array<[string, string]> = [
    ['Arabic yeh/kaf', toArabicLetters(q)],
    ['Persian yeh/kaf', toPersianLetters(q)],
    ['ZWNJ at affix boundaries', modern],
    ['space at affix boundaries', modern.replace(/\u200C/g, ' ')],
    ['nothing at affix boundaries', modern.replace(/\u200C/g, '')],
    ['Persian digits', digits(q, 0x6f0)],
    ['Arabic-Indic digits', digits(q, 0x660)],
    ['ASCII digits', digits(q, 0x30)],
  ];
  const seen = new Set([q]);
  return out.filter(([, v]) => (seen.has(v) ? false : (seen.add(v), true)));
}
