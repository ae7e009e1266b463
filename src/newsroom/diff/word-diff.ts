/**
 * Word-level diff of two texts, for the version view (issue #6): what an editor changed, word by word.
 *
 * Texts are cut into tokens that together are the whole text: words, runs of white space, and single
 * punctuation marks (Unicode \p{P}: «،» «؛» «؟» «.» «»» …), so that «گفت،» → «گفت.» shows one changed
 * mark rather than a changed word. Word characters are everything else, ZWNJ (U+200C) included: a
 * Persian word written with its half-space is one token, so «همکاری‌های» → «همکاری های» shows as
 * the changed spelling it is. A separator between two digits stays inside the number («۱۲٫۵»,
 * «۱۴۰۳/۰۵/۱۲», «3.14»). Character classes are the analyzer's (`charClass`), so the diff and the
 * search index agree on what white space and punctuation are.
 *
 * Words and marks are compared exactly with Myers' algorithm ({@link diffIds}); white space rides with
 * the word before it. Changes between two unchanged words are gathered into one deletion and one
 * addition, so a rewritten phrase reads as such rather than word-by-word alternation. Concatenating
 * the `same` and `del` runs gives `a`, the `same` and `add` runs give `b`.
 */
import { CharClass, charClass } from '../../analysis/index.js';
import { diffIds } from './myers.js';
import type { DiffOptions } from './myers.js';

/** What a run is: text in both, only in the new text, only in the old one. */
export type DiffOp = 'same' | 'add' | 'del';

/** A stretch of text with its op. */
export interface DiffRun {
  op: DiffOp;
  text: string;
}

/** Separators that stay inside a number when between two digits: decimal and thousands signs, dates, times. */
const NUMBER_JOINERS = new Set(['.', ',', '/', ':', '\u066B', '\u066C']);

/** Cuts `text` into diff tokens (words, white space runs, punctuation marks); they concatenate to `text`. */
export function diffTokens(text: string): string[] {
  const tokens: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = kindAt(text, i);
    let j = i + 1;
    if (k === 'space') while (j < n && kindAt(text, j) === 'space') j++;
    else if (k === 'word') while (j < n && kindAt(text, j) === 'word') j++;
    tokens.push(text.slice(i, j));
    i = j;
  }
  return tokens;
}

/**
 * The word diff of `a` (old) and `b` (new): runs in text order, no two neighbours with one op, no
 * empty run; within a change the deletion comes before the addition. Identical texts give one `same`
 * run (none for two empty texts). Minimal unless the search budget (`options.maxCost`) runs out, as
 * for two unrelated long texts; it is exact in every case.
 */
export function diffWords(a: string, b: string, options: DiffOptions = {}): DiffRun[] {
  if (a === b) return a === '' ? [] : [{ op: 'same', text: a }];
  const sa = splitSpaces(a);
  const sb = splitSpaces(b);
  const ids = new Map<string, number>();
  const intern = (tokens: string[]): Int32Array => {
    const out = new Int32Array(tokens.length);
    tokens.forEach((t, i) => {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size));
      out[i] = id;
    });
    return out;
  };
  const edits = diffIds(intern(sa.words), intern(sb.words), options);

  const runs: DiffRun[] = [];
  let del = '';
  let add = '';
  const same = (text: string): void => {
    if (text === '') return;
    if (del) runs.push({ op: 'del', text: del });
    if (add) runs.push({ op: 'add', text: add });
    del = add = '';
    const last = runs[runs.length - 1];
    if (last?.op === 'same') last.text += text;
    else runs.push({ op: 'same', text });
  };
  const spaces = (x: string, y: string): void => {
    if (x === y) same(x);
    else {
      del += x;
      add += y;
    }
  };
  spaces(sa.lead, sb.lead);
  for (const e of edits) {
    if (e.op === 'same') {
      for (let i = e.aStart, j = e.bStart; i < e.aEnd; i++, j++) {
        same(sa.words[i]!);
        spaces(sa.after[i]!, sb.after[j]!);
      }
    } else if (e.op === 'del') {
      for (let i = e.aStart; i < e.aEnd; i++) del += sa.words[i]! + sa.after[i]!;
    } else {
      for (let j = e.bStart; j < e.bEnd; j++) add += sb.words[j]! + sb.after[j]!;
    }
  }
  if (del) runs.push({ op: 'del', text: del });
  if (add) runs.push({ op: 'add', text: add });
  return runs;
}

/**
 * A text as its words and punctuation marks, each with the white space after it, and the white space
 * before the first. Only words and marks are matched: white space is everywhere, and matching it
 * would let the diff prefer aligning spaces over aligning words («امور خارجه» → «خارجه روز» would keep
 * a space and lose «خارجه»). It follows the word it trails, so changed spacing still shows.
 */
function splitSpaces(text: string): { lead: string; words: string[]; after: string[] } {
  let lead = '';
  const words: string[] = [];
  const after: string[] = [];
  for (const t of diffTokens(text)) {
    if (kindAt(t, 0) !== 'space') {
      words.push(t);
      after.push('');
    } else if (words.length === 0) lead += t;
    else after[after.length - 1] += t;
  }
  return { lead, words, after };
}

/** The text a diff was made from: `a` from `same` and `del` runs, `b` from `same` and `add` runs. */
export function diffSide(runs: readonly DiffRun[], side: 'a' | 'b'): string {
  const skip: DiffOp = side === 'a' ? 'add' : 'del';
  let out = '';
  for (const r of runs) if (r.op !== skip) out += r.text;
  return out;
}

/** True when a diff has no change. */
export function isUnchanged(runs: readonly DiffRun[]): boolean {
  return runs.every((r) => r.op === 'same');
}

function kindAt(text: string, i: number): 'space' | 'punct' | 'word' {
  const k = charClass(text.charCodeAt(i));
  if (k === CharClass.Space) return 'space';
  if (k !== CharClass.Punct) return 'word';
  const joinsDigits = NUMBER_JOINERS.has(text[i]!) && i > 0 && i + 1 < text.length &&
    charClass(text.charCodeAt(i - 1)) === CharClass.Digit && charClass(text.charCodeAt(i + 1)) === CharClass.Digit;
  return joinsDigits ? 'word' : 'punct';
}
