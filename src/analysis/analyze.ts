/**
 * The search analyzer: text → tokens `{ text, term, start, end, position }` with offsets into the original
 * string (DESIGN.md §5). Two analyzers:
 * - `fa`: lemmas (کتاب‌ها, کتابها, «کتاب ها» → کتاب; می‌روم → رفت#رو), stopwords removed, for recall;
 * - `fa-exact`: folded surface forms, every word kept, for phrases.
 * Both fold spelling variants (ي/ی, ك/ک, ة/ه, harakat, tatweel, digit scripts) and give the same tokens
 * for ZWNJ, space or nothing at affix boundaries: a separate «ها», «های», «تر», «ای»… is glued to the word
 * before it and a separate «می», «نمی», «بی» to the word after it, so the token may span a space.
 */
import { KhabarError, describeType } from '../errors/index.js';
import { charClass, CharClass } from './chars.js';
import { fold, foldCode } from './fold.js';
import { lemmatize, analyzeVerb } from './morphology/index.js';
import { isStopword } from './stopwords.js';
import { scanTokens, TokenKind } from './tokenize.js';

/** One analyzed token. `text === original.slice(start, end)` always holds. */
export interface Token {
  /** The original text of the token, exactly as it stands in the input. */
  readonly text: string;
  /** The index term: folded lemma (`fa`) or folded surface form (`fa-exact`). */
  readonly term: string;
  /** The folded surface form (the `fa-exact` term), whichever analyzer ran: one pass feeds both index columns. */
  readonly folded: string;
  /** UTF-16 offset of the first code unit in the input. */
  readonly start: number;
  /** UTF-16 offset just past the last code unit. */
  readonly end: number;
  /** Word position, counting dropped stopwords too, so that phrase distance stays true. */
  readonly position: number;
}

/** Analyzer names. */
export type AnalyzerName = 'fa' | 'fa-exact';

/** Options for {@link analyze}. */
export interface AnalyzeOptions {
  /** Which analyzer; default `fa`. */
  analyzer?: AnalyzerName;
  /** Drop stopwords (their positions are still counted). Default true for `fa`, false for `fa-exact`. */
  stopwords?: boolean;
}

/** Receives tokens one by one from {@link forEachToken}, for input too large to hold as an array. */
export type TokenSink = (token: Token) => void;

/** Suffixes that can stand apart from their stem (written after a space or ZWNJ), in folded form. */
const PLURAL_SUFFIXES = new Set(['ها', 'های', 'هایی', 'هایم', 'هایت', 'هایش', 'هایمان', 'هایتان', 'هایشان']);
const COMPARATIVE_SUFFIXES = new Set(['تر', 'ترین', 'تری', 'ترها']);
/** Pronoun, copula and indefinite suffixes: written apart only after a vowel letter (خانه‌ای, رفته‌اند). */
const VOWEL_SUFFIXES = new Set(['ای', 'ام', 'ات', 'اش', 'ایم', 'اید', 'اند', 'یی']);
const VERB_PREFIXES = new Set(['می', 'نمی']);
const HE = 0x647;
const YEH = 0x6cc;

const LEMMA_CACHE_LIMIT = 200_000;
const lemmaCache = new Map<string, string>();

/** Term of a folded word under `fa`: its lemma, folded. Memoized: word types repeat heavily in news. */
function lemmaTerm(folded: string): string {
  let t = lemmaCache.get(folded);
  if (t === undefined) {
    t = fold(lemmatize(folded));
    if (t === '') t = folded;
    if (lemmaCache.size >= LEMMA_CACHE_LIMIT) lemmaCache.clear();
    lemmaCache.set(folded, t);
  }
  return t;
}

/** Folds text[start, end) into its search form without allocating when nothing changes. */
function foldRange(text: string, start: number, end: number): string {
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (foldCode(c) !== c) break;
  }
  if (i === end) return text.slice(start, end);
  let out = text.slice(start, i);
  for (; i < end; i++) {
    const f = foldCode(text.charCodeAt(i));
    if (f >= 0) out += String.fromCharCode(f);
  }
  return out;
}

/** True when only white space / ZWNJ lies in text[from, to): a glue point for a detached affix. */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let i = from; i < to; i++) {
    const k = charClass(text.charCodeAt(i));
    if (k !== CharClass.Space && k !== CharClass.Zwnj) return false;
    if (text.charCodeAt(i) === 0x0a) return false; // a line break ends a paragraph or a headline
  }
  return true;
}

/** Decides whether a detached suffix `suffix` belongs to the word `stem` (both folded). */
function suffixAttaches(stem: string, suffix: string): boolean {
  // A lone «ی» is never a word of its own: it is the indefinite/ezafe/adjective suffix set apart.
  if (PLURAL_SUFFIXES.has(suffix) || suffix === 'ی') return true;
  // «تر» is also the adjective "wet", but a lexicon test here would make «X تر» and «X‌تر» differ
  // whenever the folded stem is spelled differently in the lexicon (مؤاخذه/مواخذه); consistency wins.
  if (COMPARATIVE_SUFFIXES.has(suffix)) return true;
  if (VOWEL_SUFFIXES.has(suffix)) {
    const last = stem.charCodeAt(stem.length - 1);
    return last === HE || last === YEH;
  }
  return false;
}

/** Decides whether a detached prefix (می, نمی, بی) belongs to `next` (both folded). */
function prefixAttaches(prefix: string, next: string): boolean {
  if (prefix === 'بی') return !isStopword(next);
  // «ماه می سال»: only a verb form after «می» takes the prefix.
  return analyzeVerb(prefix + next) !== undefined;
}

/**
 * Analyzes `text` and hands every token to `sink` in order, holding only one token back at a time,
 * so that input of any size can be indexed in constant memory.
 */
export function forEachToken(text: string, sink: TokenSink, options: AnalyzeOptions = {}): void {
  if (typeof text !== 'string') {
    throw new KhabarError('INVALID_INPUT', `analyze expects a string, got ${describeType(text)}`);
  }
  const name = options.analyzer ?? 'fa';
  if (name !== 'fa' && name !== 'fa-exact') {
    throw new KhabarError('INVALID_OPTION', `unknown analyzer "${String(name)}"; use "fa" or "fa-exact"`);
  }
  const lemmas = name === 'fa';
  const dropStop = options.stopwords ?? lemmas;

  // The pending token: merges with the next one when an affix stands detached.
  let pStart = -1;
  let pEnd = -1;
  let pKind = TokenKind.Word;
  let pFolded = '';
  let pMerged = false;
  let position = 0;

  const emit = (): void => {
    if (pStart < 0) return;
    const pos = position++;
    if (pKind === TokenKind.Word && dropStop && isStopword(pFolded)) return;
    let term: string;
    if (pKind === TokenKind.Word) term = lemmas ? lemmaTerm(pFolded) : pFolded;
    else if (pKind === TokenKind.Number) term = pFolded.replace(/[\u066B]/g, '.').replace(/[\u066C]/g, ',');
    else term = pFolded.toLowerCase();
    sink({ text: text.slice(pStart, pEnd), term, folded: pKind === TokenKind.Word ? pFolded : term, start: pStart, end: pEnd, position: pos });
  };

  scanTokens(text, (start, end, kind) => {
    const folded = foldRange(text, start, end);
    if (kind === TokenKind.Word && pStart >= 0 && pKind === TokenKind.Word && onlySpaceBetween(text, pEnd, start)) {
      if (suffixAttaches(pFolded, folded) || (!pMerged && VERB_PREFIXES.has(pFolded) && prefixAttaches(pFolded, folded)) ||
        (!pMerged && pFolded === 'بی' && prefixAttaches(pFolded, folded))) {
        pEnd = end;
        pFolded += folded;
        pMerged = true;
        return;
      }
    }
    emit();
    pStart = start;
    pEnd = end;
    pKind = kind;
    pFolded = folded;
    pMerged = false;
  });
  emit();
}

/**
 * Analyzes `text` into tokens.
 * @throws KhabarError INVALID_INPUT when `text` is not a string, INVALID_OPTION for an unknown analyzer.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, (t) => tokens.push(t), options);
  return tokens;
}

/** The `fa` terms of `text`, in order: what the index stores and a query is matched with. */
export function terms(text: string, options: AnalyzeOptions = {}): string[] {
  const out: string[] = [];
  forEachToken(text, (t) => out.push(t.term), options);
  return out;
}
