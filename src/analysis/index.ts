/**
 * Persian text analysis: the editorial normalizer for display text and the search analyzer for the
 * index. Pure code: no node:* modules, runs in a browser too.
 */
export { normalize } from './normalize/index.js';
export type { NormalizeOptions } from './normalize/index.js';
export { analyze, forEachToken, terms } from './analyze.js';
export type { Token, AnalyzeOptions, AnalyzerName, TokenSink } from './analyze.js';
export { lemmatize, stem, analyzeVerb } from './morphology/index.js';
export { fold } from './fold.js';
export { isStopword, stopwordList } from './stopwords.js';
export { getLexicon } from './lexicon/index.js';
export type { Lexicon, LexiconEntry, VerbStems } from './lexicon/index.js';
export { ZWNJ, charClass, CharClass } from './chars.js';
