/**
 * Query analysis: the clauses of a parsed query → index terms, with exactly the analyzer and
 * `encodeTerm` that `indexDocument` uses, so that a query meets the documents whatever spelling variant
 * (ي/ی, ك/ک, ZWNJ / space / nothing at affix boundaries, digit script) either side used.
 */
import { compoundHead } from './compound-parts.js';
import { KhabarError, describeType } from '../errors/index.js';
import { forEachToken, isStopword } from '../analysis/index.js';
import { encodeTerm } from './index-terms.js';
import { parseQuery } from './query-parse.js';
import type { AnalyzedQuery, Occur, ParsedQuery, PrefixClause, WordClause } from './query-types.js';

/** Shortest prefix accepted (folded characters): a one-letter prefix would expand to a large part of the index. */
export const MIN_PREFIX_LENGTH = 2;

const STRENGTH: Record<Occur, number> = { should: 0, must: 1, not: 2 };

function fail(message: string, offset: number): never {
  throw new KhabarError('INVALID_INPUT', `query: ${message}`, { offset });
}

/** Appends `value` unless an equal array is already there (arrays compared by their terms). */
function pushUnique(list: string[][], value: string[], seen: Set<string>): void {
  const key = value.join(' ');
  if (seen.has(key)) return;
  seen.add(key);
  list.push(value);
}

/**
 * Analyzes a parsed query into index terms.
 *
 * - Plain, `+` and `-` words that stand next to each other are analyzed as **one run** with `fa`, as the
 *   document text was, so that a detached affix glues back («همکاری های» = «همکاری‌های», «می داند» =
 *   «می‌داند»). A token formed from several words takes the strongest operator among them (`-` over `+`
 *   over none): «-همکاری های» excludes همکاری.
 * - Stopwords: dropped from `should`; a `+stopword` / `-stopword` becomes a one-term (exact) phrase,
 *   because the fa columns do not hold it; when every plain word is a stopword they go to `exactShould`.
 * - Phrases are analyzed with `fa-exact`: a sequence of folded surface forms, matched in the exact column.
 * - Prefixes are matched against the exact column (folded surface forms), not the lemmas: a user types the
 *   beginning of a written word («همکار*»), and a lemma need not begin with it (verbs become past#present,
 *   broken plurals their singular). The prefix is the folded form of its one word.
 * @throws KhabarError INVALID_INPUT (with `details.offset`) for a phrase or prefix with no letters or
 *   digits, a prefix of more than one word or shorter than {@link MIN_PREFIX_LENGTH}, or a query whose
 *   words are all punctuation and that has no filter.
 */
export function analyzeQuery(parsed: ParsedQuery): AnalyzedQuery {
  if (parsed === null || typeof parsed !== 'object' || !Array.isArray(parsed.clauses)) {
    throw new KhabarError('INVALID_INPUT', `analyzeQuery expects a ParsedQuery, got ${describeType(parsed)}`);
  }
  const out: AnalyzedQuery = {
    should: [], must: [], not: [], phrases: [], notPhrases: [], prefixes: [], mustPrefixes: [], notPrefixes: [],
    exactShould: [],
    filters: {
      service: [...parsed.filters.service], agency: [...parsed.filters.agency], tag: [...parsed.filters.tag],
      ...(parsed.filters.from !== undefined ? { from: parsed.filters.from } : {}),
      ...(parsed.filters.to !== undefined ? { to: parsed.filters.to } : {}),
    },
    matchAll: false,
  };
  const seen = { must: new Set<string>(), not: new Set<string>(), phrases: new Set<string>(), notPhrases: new Set<string>() };
  const should = new Set<string>();
  const stopShould: string[] = [];
  const cl = parsed.clauses;

  for (let c = 0; c < cl.length; c++) {
    const clause = cl[c]!;
    if (clause.kind === 'word') {
      // Gather the run of adjacent word clauses.
      let e = c + 1;
      while (e < cl.length && cl[e]!.kind === 'word') e++;
      analyzeRun(cl.slice(c, e) as WordClause[], out, seen, should, stopShould);
      c = e - 1;
    } else if (clause.kind === 'phrase') {
      const seq: string[] = [];
      forEachToken(clause.text, (t) => seq.push(encodeTerm(t.folded)), { analyzer: 'fa-exact', stopwords: false });
      if (seq.length === 0) fail(`phrase at ${clause.start} has no words`, clause.start);
      if (clause.occur === 'not') pushUnique(out.notPhrases, seq, seen.notPhrases);
      else pushUnique(out.phrases, seq, seen.phrases);
    } else {
      const p = prefixTerm(clause);
      const list = clause.occur === 'must' ? out.mustPrefixes : clause.occur === 'not' ? out.notPrefixes : out.prefixes;
      if (!list.includes(p)) list.push(p);
    }
  }
  out.should = [...should];
  if (out.should.length === 0 && stopShould.length > 0) out.exactShould = [...new Set(stopShould)];
  out.matchAll = out.should.length === 0 && out.exactShould.length === 0 && out.must.length === 0 &&
    out.phrases.length === 0 && out.prefixes.length === 0 && out.mustPrefixes.length === 0;
  const f = out.filters;
  const hasFilter = f.service.length + f.agency.length + f.tag.length > 0 || f.from !== undefined || f.to !== undefined;
  const hasNot = out.not.length + out.notPhrases.length + out.notPrefixes.length > 0;
  if (out.matchAll && !hasFilter && !hasNot) fail('no searchable words: the query holds only punctuation', cl[0]?.start ?? 0);
  return out;
}

/** Analyzes adjacent word clauses as one run of text, one space between them, as the document had. */
function analyzeRun(
  run: WordClause[], out: AnalyzedQuery, seen: Record<'must' | 'not' | 'phrases' | 'notPhrases', Set<string>>,
  should: Set<string>, stopShould: string[],
): void {
  let text = '';
  const starts: number[] = [];
  for (const w of run) {
    if (text) text += ' ';
    starts.push(text.length);
    text += w.text;
  }
  const clauseAt = (offset: number): number => {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= offset) k++;
    return k;
  };
  // Terms of each required / excluded clause, in order, grouped by the clause that owns the token.
  const groups = new Map<number, { occur: Occur; terms: string[] }>();
  forEachToken(text, (t) => {
    const first = clauseAt(t.start);
    const last = clauseAt(t.end - 1);
    let owner = first;
    for (let k = first + 1; k <= last; k++) if (STRENGTH[run[k]!.occur] > STRENGTH[run[owner]!.occur]) owner = k;
    const occur = run[owner]!.occur;
    const stop = isStopword(t.folded);
    if (occur === 'should') {
      if (stop) stopShould.push(encodeTerm(t.folded));
      else {
        should.add(encodeTerm(t.term));
        const head = compoundHead(t.term);
        if (head !== undefined) should.add(encodeTerm(head));
      }
      return;
    }
    if (stop) {
      // The fa columns drop stopwords; only the exact column can require or exclude one.
      if (occur === 'must') pushUnique(out.phrases, [encodeTerm(t.folded)], seen.phrases);
      else pushUnique(out.notPhrases, [encodeTerm(t.folded)], seen.notPhrases);
      return;
    }
    let g = groups.get(owner);
    if (!g) groups.set(owner, (g = { occur, terms: [] }));
    const term = encodeTerm(t.term);
    if (!g.terms.includes(term)) g.terms.push(term);
  }, { analyzer: 'fa', stopwords: false });
  for (const [, g] of [...groups].sort((a, b) => a[0] - b[0])) {
    if (g.occur === 'must') pushUnique(out.must, g.terms, seen.must);
    else pushUnique(out.not, g.terms, seen.not);
  }
}

/** The exact-column prefix of a prefix clause. */
function prefixTerm(clause: PrefixClause): string {
  const folded: string[] = [];
  forEachToken(clause.text, (t) => folded.push(t.folded), { analyzer: 'fa-exact', stopwords: false });
  if (folded.length === 0) fail(`prefix at ${clause.start} has no letters or digits before *`, clause.start);
  if (folded.length > 1) fail(`prefix at ${clause.start} must be one word, got ${folded.length}`, clause.start);
  const p = folded[0]!;
  if (p.length < MIN_PREFIX_LENGTH) fail(`prefix at ${clause.start} is too short: at least ${MIN_PREFIX_LENGTH} characters before *`, clause.start);
  return encodeTerm(p);
}

/** {@link parseQuery} then {@link analyzeQuery}: a query string straight to index terms. */
export function compileQuery(q: string): AnalyzedQuery {
  return analyzeQuery(parseQuery(q));
}
