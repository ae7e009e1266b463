/**
 * Public question "is this spelling a verb form, and of which verb?".
 */
import { assertWord, joinWord, normalizeWord } from './normalize-word.js';
import { bestVerbReading } from './verb-analyzer.js';
import { closedClassLemma } from './closed-class.js';

/** The stems of a recognised verb form. */
export interface VerbAnalysis {
  /** Past stem (کرد). Empty for the stemless copula (است, هست). */
  readonly past: string;
  /** Present stem (کن). */
  readonly present: string;
  /** Preverb of a compound verb (بر in برمی‌گردد), when there is one. */
  readonly preverb?: string;
}

/**
 * The verb a spelling inflects, or undefined when it cannot be a verb form. Recognises prefixed and
 * personal forms (می‌کنند، نکرد، بروید), participles and perfects (کرده، کرده‌اند), bare past stems
 * (کرد) and the copula/auxiliaries (است، نیست، باید). A bare present stem with no prefix (کار) is
 * not taken as a verb. Any orthography is accepted, as for `lemmatize`.
 * @throws KhabarError INVALID_INPUT when `word` is not a string.
 */
export function analyzeVerb(word: string): VerbAnalysis | undefined {
  assertWord(word, 'analyzeVerb');
  const joined = joinWord(normalizeWord(word).text);
  if (joined === '') return undefined;
  const closed = closedClassLemma(joined);
  if (closed !== undefined) {
    const parts = closed.split('#');
    if (parts.length !== 2) return undefined;
    return { past: parts[0] ?? '', present: parts[1] ?? '' };
  }
  const r = bestVerbReading(joined);
  if (!r || r.strength === 0) return undefined;
  return r.preverb ? { past: r.past, present: r.present, preverb: r.preverb } : { past: r.past, present: r.present };
}
