/**
 * Small helpers over the shared lexicon that the morphology rules need: how common a spelling is,
 * and which spelling (with or without ZWNJ) the lexicon uses for a joined stem.
 */
import { getLexicon, type LexiconEntry } from '../lexicon/index.js';

/** A lexicon spelling with its entry. */
export interface LexiconHit {
  /** The spelling as the lexicon stores it (with ZWNJ where it has one). */
  readonly spelling: string;
  /** Its entry. */
  readonly entry: LexiconEntry;
}

/**
 * Finds `text` (which may contain ZWNJ) in the lexicon: first as written, then any ZWNJ spelling of
 * its joined form, then the joined form itself. Returns the most frequent hit.
 */
export function lookup(text: string, joined: string): LexiconHit | undefined {
  const lex = getLexicon();
  const direct = lex.get(text);
  if (direct && direct.freqClass > 0) return { spelling: text, entry: direct };
  let best: LexiconHit | undefined = direct ? { spelling: text, entry: direct } : undefined;
  const consider = (s: string): void => {
    const e = lex.get(s);
    if (e && (!best || e.freqClass > best.entry.freqClass)) best = { spelling: s, entry: e };
  };
  if (joined !== text) consider(joined);
  const forms = lex.zwnjForms.get(joined);
  if (forms) for (const f of forms) consider(f);
  return best;
}

/** Frequency class of a spelling (best of its ZWNJ variants); -1 when unknown. */
export function freqOf(text: string, joined: string = text.replaceAll('\u200c', '')): number {
  return lookup(text, joined)?.entry.freqClass ?? -1;
}
