/**
 * Candidate splits of a joined token into lexicon words (صداوسیماجمهوری → صداوسیما + جمهوری), for
 * text where a space or ZWNJ went missing.
 */
import { getLexicon } from '../lexicon/index.js';
import { assertWord } from './normalize-word.js';
import { lemmatize } from './lemmatize.js';

const ZWNJ = '\u200c';

function isWord(w: string): boolean {
  const lex = getLexicon();
  return lex.has(w) || lex.has(lemmatize(w));
}

/**
 * Every way to read `word` as known words: first the split at its ZWNJs (if any), then each split
 * into two known words at a point not next to a ZWNJ, then the word itself when it is known.
 * @throws KhabarError INVALID_INPUT when `word` is not a string.
 */
export function splitTokenWords(word: string): string[][] {
  assertWord(word, 'splitTokenWords');
  const out: string[][] = [];
  if (word === '') return out;
  if (word.includes(ZWNJ)) out.push(word.split(ZWNJ).filter((p) => p !== ''));
  for (let i = 1; i < word.length; i++) {
    if (word[i - 1] === ZWNJ || word[i] === ZWNJ) continue;
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (isWord(a) && isWord(b)) out.push([a, b]);
  }
  if (isWord(word)) out.push([word]);
  return out;
}
