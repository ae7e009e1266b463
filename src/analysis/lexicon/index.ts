export { getLexicon, POS } from './lexicon.js';
export type { Lexicon, LexiconEntry, VerbStems } from './lexicon.js';
