/**
 * Persian morphology: lemmatizer (UD PerDT conventions), light stemmer, verb recognition and the
 * Hazm-compatible token helpers (verb-group joining, joined-word splitting). Pure code over the
 * shared lexicon; no node:* modules.
 */
export { lemmatize, clearLemmaCache } from './lemmatize.js';
export { stem } from './stem.js';
export { analyzeVerb } from './analyze-verb.js';
export type { VerbAnalysis } from './analyze-verb.js';
export { joinVerbParts } from './join-verb-parts.js';
export { splitTokenWords } from './split-token-words.js';
