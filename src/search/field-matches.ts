/**
 * Where an analyzed query matches one piece of original text: the analyzer runs over the text as the
 * indexer did (`fa` terms and folded surface forms in one pass), so a highlight marks exactly what the
 * index matched, at offsets into the original.
 */
import { forEachToken, isStopword } from '../analysis/index.js';
import { encodeTerm } from './index-terms.js';
import type { AnalyzedQuery } from './query-types.js';

/** A matched stretch of the text: [start, end) and what matched (a term, a phrase or a prefix). */
export interface FieldMatch {
  start: number;
  end: number;
  /** Identity of the query part that matched, for counting distinct matched terms. */
  key: string;
}

/** The analyzed text of one field: its word boundaries and the matches in order. */
export interface FieldAnalysis {
  /** Every token as [start, end), in order; snippets are cut between them. */
  tokens: Array<[number, number]>;
  /** Matches sorted by start, possibly overlapping (a phrase and a term within it). */
  matches: FieldMatch[];
}

/** What a text is matched against, compiled once per query. */
export interface QueryMatcher {
  fa: ReadonlySet<string>;
  exact: ReadonlySet<string>;
  prefixes: readonly string[];
  /** First term of a phrase → the phrases starting with it, with their index. */
  phrases: ReadonlyMap<string, ReadonlyArray<{ seq: readonly string[]; index: number }>>;
}

/**
 * Compiles the positive parts of a query for matching: should/must fa terms, exactShould terms,
 * prefixes and phrases. Exclusions are never highlighted: a hit does not contain them.
 */
export function createQueryMatcher(query: AnalyzedQuery): QueryMatcher {
  const phrases = new Map<string, Array<{ seq: readonly string[]; index: number }>>();
  query.phrases.forEach((seq, index) => {
    if (seq.length === 0) return;
    const list = phrases.get(seq[0]!) ?? [];
    list.push({ seq, index });
    phrases.set(seq[0]!, list);
  });
  return {
    fa: new Set([...query.should, ...query.must.flat()]),
    exact: new Set(query.exactShould),
    prefixes: [...query.prefixes, ...query.mustPrefixes].filter((p) => p.length > 0),
    phrases,
  };
}

/** Analyzes `text` and finds the matches of `matcher` in it. */
export function matchField(text: string, matcher: QueryMatcher): FieldAnalysis {
  const tokens: Array<[number, number]> = [];
  const exactTerms: string[] = [];
  const matches: FieldMatch[] = [];
  forEachToken(text, (t) => {
    tokens.push([t.start, t.end]);
    const exact = encodeTerm(t.folded);
    exactTerms.push(exact);
    if (!isStopword(t.folded)) {
      const fa = encodeTerm(t.term);
      if (matcher.fa.has(fa)) {
        matches.push({ start: t.start, end: t.end, key: `t:${fa}` });
        return;
      }
    }
    if (matcher.exact.has(exact)) {
      matches.push({ start: t.start, end: t.end, key: `e:${exact}` });
      return;
    }
    for (const p of matcher.prefixes) {
      if (exact.startsWith(p)) {
        matches.push({ start: t.start, end: t.end, key: `p:${p}` });
        return;
      }
    }
  }, { analyzer: 'fa', stopwords: false });
  if (matcher.phrases.size > 0) {
    for (let i = 0; i < exactTerms.length; i++) {
      const cands = matcher.phrases.get(exactTerms[i]!);
      if (!cands) continue;
      for (const { seq, index } of cands) {
        if (i + seq.length > exactTerms.length) continue;
        let ok = true;
        for (let k = 1; k < seq.length && ok; k++) ok = exactTerms[i + k] === seq[k];
        if (ok) matches.push({ start: tokens[i]![0], end: tokens[i + seq.length - 1]![1], key: `q:${index}` });
      }
    }
    matches.sort((a, b) => a.start - b.start || b.end - a.end);
  }
  return { tokens, matches };
}

/** Matches as display spans: sorted, overlapping ones merged, shifted by `-base` and kept inside [0, length). */
export function toSpans(matches: readonly FieldMatch[], base: number, length: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const s = m.start - base;
    const e = m.end - base;
    if (s < 0 || e > length || e <= s) continue;
    const last = spans[spans.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else spans.push([s, e]);
  }
  return spans;
}
