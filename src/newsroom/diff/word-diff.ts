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
 * Tokens are compared exactly with Myers' algorithm ({@link diffIds}); then white space left unchanged
 * between two changes is folded into them, so a rewritten phrase reads as one deletion and one
 * addition instead of word-by-word alternation. Concatenating the `same` and `del` runs gives `a`,
 * the `same` and `add` runs give `b`.
 */
import { CharClass, charClass } from '../../analysis/index.js';
import { diffIds } from './myers.js';

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
 * run (none for two empty texts).
 */
export function diffWords(a: string, b: string): DiffRun[] {
  if (a === b) return a === '' ? [] : [{ op: 'same', text: a }];
  const ta = diffTokens(a);
  const tb = diffTokens(b);
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
  const edits = diffIds(intern(ta), intern(tb));

  const runs: DiffRun[] = [];
  let del = '';
  let add = '';
  const flush = (): void => {
    if (del) runs.push({ op: 'del', text: del });
    if (add) runs.push({ op: 'add', text: add });
    del = add = '';
  };
  edits.forEach((e, i) => {
    if (e.op === 'del') del += ta.slice(e.aStart, e.aEnd).join('');
    else if (e.op === 'add') add += tb.slice(e.bStart, e.bEnd).join('');
    else {
      const text = ta.slice(e.aStart, e.aEnd).join('');
      const between = i > 0 && i < edits.length - 1;
      if (between && e.aEnd - e.aStart === 1 && kindAt(text, 0) === 'space') {
        // Unchanged white space between two changes joins them: one deletion, one addition.
        del += text;
        add += text;
        return;
      }
      flush();
      runs.push({ op: 'same', text });
    }
  });
  flush();
  return runs;
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
