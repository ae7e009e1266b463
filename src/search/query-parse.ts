/**
 * The query language (DESIGN.md §3, "Archive search"):
 * - `word word` — ranked, any of them may match;
 * - `+word` required, `-word` excluded (`+`/`-` must touch the word; a lone `-` as in «الف - ب» is
 *   punctuation and ignored);
 * - `"exact phrase"`, `«…»`, `“…”` — required phrase of exact (folded surface) words; `-"…"` excludes it;
 * - `pre*` (or `pre٭`) — words starting with `pre`; takes `+`/`-` too;
 * - filters `service:`, `agency:`, `tag:` (Persian aliases `سرویس:`, `خبرگزاری:`, `برچسب:`) with a bare
 *   value, a quoted one (`service:"سرویس اقتصادی"`) or a comma list (`tag:نفت,گاز`, `،` too) — values
 *   of one field are alternatives; `from:` / `to:` (`از:` / `تا:`) with a Jalali or Gregorian date,
 *   quoted or bare (a bare «۱۲ مرداد ۱۴۰۳» is read across its spaces).
 * The parser only splits; query-analyze.ts turns the pieces into index terms.
 */
import { KhabarError, describeType } from '../errors/index.js';
import { fold } from '../analysis/index.js';
import { parseDateBound } from './date-bound.js';
import { isMinus, isPlus, isSeparator, isStar, QUOTE_PAIRS, VALUE_SEPARATORS } from './query-chars.js';
import type { Occur, ParsedQuery, QueryClause, QueryFilters } from './query-types.js';

/** Longest query accepted, in UTF-16 code units; longer input is refused before any work is done. */
export const MAX_QUERY_LENGTH = 2_000;
/** Most terms (words, phrase words, filters) a query may hold. */
export const MAX_QUERY_TERMS = 200;

type FilterName = 'service' | 'agency' | 'tag' | 'from' | 'to';
const FILTER_NAMES: ReadonlyMap<string, FilterName> = new Map<string, FilterName>([
  ['service', 'service'], ['agency', 'agency'], ['tag', 'tag'], ['from', 'from'], ['to', 'to'],
  // Persian aliases, compared folded (سرويس with Arabic yeh works too).
  [fold('سرویس'), 'service'], [fold('خبرگزاری'), 'agency'], [fold('برچسب'), 'tag'], [fold('از'), 'from'], [fold('تا'), 'to'],
]);
const FILTER_LIST = 'service:, agency:, tag:, from: or to:';
/** A time of day after a bare date (`to:1403/05/12 18:30`), in any digit script. */
const TIME_ITEM = /^[0-9\u06F0-\u06F9\u0660-\u0669]{1,2}:[0-9\u06F0-\u06F9\u0660-\u0669]{2}(:[0-9\u06F0-\u06F9\u0660-\u0669]{2})?$/;

function fail(message: string, offset: number, extra: Record<string, unknown> = {}): never {
  throw new KhabarError('INVALID_INPUT', `query: ${message}`, { offset, ...extra });
}

/** Collapses white space inside a filter value so that `سرویس  اقتصادی` and `سرویس اقتصادی` are one value. */
function cleanValue(v: string): string {
  let out = '';
  let space = false;
  for (const c of v) {
    if (isSeparator(c)) space = out !== '';
    else {
      if (space) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

/**
 * Parses a query. Offsets in errors and clauses are UTF-16 offsets into `q`.
 * @throws KhabarError INVALID_INPUT, with `details.offset`, for: a non-string; an empty or white-space
 *   query; more than {@link MAX_QUERY_LENGTH} characters or {@link MAX_QUERY_TERMS} terms; an unclosed
 *   quote («unclosed quote « at 14»); an empty phrase; two operators in a row; a `*` that does not end a
 *   word or has no word before it; an unknown filter (`unknown filter "foo:" at 3`); a filter with no
 *   value or with `+`/`-`; an unreadable or repeated `from:`/`to:`; `from:` after `to:`.
 */
export function parseQuery(q: string): ParsedQuery {
  if (typeof q !== 'string') throw new KhabarError('INVALID_INPUT', `query: must be a string, got ${describeType(q)}`);
  if (q.length > MAX_QUERY_LENGTH) {
    fail(`too long: ${q.length} characters, at most ${MAX_QUERY_LENGTH}`, MAX_QUERY_LENGTH, { limit: MAX_QUERY_LENGTH });
  }
  const n = q.length;
  const clauses: QueryClause[] = [];
  const filters: QueryFilters = { service: [], agency: [], tag: [] };
  let terms = 0;
  let fromAt = -1;
  let toAt = -1;
  let i = 0;

  const count = (at: number, k = 1): void => {
    terms += k;
    if (terms > MAX_QUERY_TERMS) fail(`more than ${MAX_QUERY_TERMS} terms (the ${MAX_QUERY_TERMS + 1}st is at ${at})`, at, { limit: MAX_QUERY_TERMS });
  };

  /** Reads a quoted string whose opening quote is at `at`; returns its inside and the offset after it. */
  const readQuoted = (at: number, what: string): { text: string; end: number } => {
    const open = q[at]!;
    const closers = QUOTE_PAIRS.get(open)!;
    let k = at + 1;
    while (k < n && !closers.includes(q[k]!)) k++;
    if (k >= n) fail(`unclosed quote ${open} at ${at}`, at);
    const text = q.slice(at + 1, k);
    if ([...text].every(isSeparator)) fail(`empty ${what} at ${at}`, at);
    return { text, end: k + 1 };
  };

  /** End of the bare item starting at `at`: the next separator or opening quote. */
  const itemEnd = (at: number): number => {
    let k = at;
    while (k < n && !isSeparator(q[k]!) && !QUOTE_PAIRS.has(q[k]!)) k++;
    return k;
  };

  /** Start of the next item at or after `at`, or -1. */
  const nextItem = (at: number): number => {
    let k = at;
    while (k < n && isSeparator(q[k]!)) k++;
    return k < n ? k : -1;
  };

  /** Reads a bare `from:`/`to:` value, extending it over following items while it is not yet a date. */
  const readDate = (name: FilterName & ('from' | 'to'), written: string, at: number, valueAt: number): number => {
    if (valueAt < n && QUOTE_PAIRS.has(q[valueAt]!)) {
      const { text, end } = readQuoted(valueAt, `value of ${written}:`);
      setDate(name, written, at, text);
      return end;
    }
    const end0 = itemEnd(valueAt);
    if (end0 === valueAt) fail(`filter ${written}: at ${at} has no value`, at);
    let end = end0;
    let firstError: unknown;
    // «۱۲ مرداد ۱۴۰۳» holds spaces: try the value alone, then with up to three following plain items.
    for (let extra = 0; extra <= 3; extra++) {
      try {
        setDate(name, written, at, q.slice(valueAt, end));
        // A time may follow a date: `to:1403/05/12 18:30`.
        const t = nextItem(end);
        if (t >= 0 && TIME_ITEM.test(q.slice(t, itemEnd(t)))) {
          const te = itemEnd(t);
          try {
            setDate(name, written, at, q.slice(valueAt, te));
            end = te;
          } catch {
            setDate(name, written, at, q.slice(valueAt, end));
          }
        }
        return end;
      } catch (e) {
        firstError ??= e;
        const t = nextItem(end);
        if (t < 0 || isPlus(q[t]!) || isMinus(q[t]!) || QUOTE_PAIRS.has(q[t]!)) break;
        const te = itemEnd(t);
        if (/^[^:]+:/.test(q.slice(t, te)) && !TIME_ITEM.test(q.slice(t, te))) break;
        end = te;
      }
    }
    throw firstError;
  };

  const setDate = (name: 'from' | 'to', written: string, at: number, text: string): void => {
    let iso: string;
    try {
      iso = parseDateBound(text, name);
    } catch (e) {
      const reason = e instanceof Error ? e.message.replace(/^unreadable date in \w+: /, '') : String(e);
      fail(`unreadable date in ${written}: at ${at}: ${reason}`, at, { filter: name });
    }
    filters[name] = iso;
  };

  while (true) {
    const at = nextItem(i);
    if (at < 0) break;
    i = at;
    let occur: Occur = 'should';
    const c = q[i]!;
    if (isPlus(c) || isMinus(c)) {
      const next = q[i + 1];
      // A lone operator is punctuation («تهران - اصفهان»), not a malformed query.
      if (next === undefined || isSeparator(next)) {
        i++;
        continue;
      }
      if (isPlus(next) || isMinus(next)) fail(`two operators "${c}${next}" at ${i}`, i);
      occur = isPlus(c) ? 'must' : 'not';
      i++;
    }
    const opener = q[i]!;
    if (QUOTE_PAIRS.has(opener)) {
      const { text, end } = readQuoted(i, 'phrase');
      count(i, text.split(/[\s\u200E\u200F]+/).filter(Boolean).length);
      clauses.push({ kind: 'phrase', occur: occur === 'not' ? 'not' : 'must', text, start: i });
      i = end;
      continue;
    }
    if (isStar(opener)) fail(`"${opener}" at ${i} has no word before it`, i);
    const end = itemEnd(i);
    const item = q.slice(i, end);
    const colon = item.indexOf(':');
    if (colon > 0) {
      const written = item.slice(0, colon);
      const name = FILTER_NAMES.get(written.toLowerCase()) ?? FILTER_NAMES.get(fold(written));
      if (name) {
        if (occur !== 'should') fail(`filter ${written}: at ${i} cannot take "${q[i - 1]}"`, i - 1);
        count(i);
        const valueAt = i + colon + 1;
        if (name === 'from' || name === 'to') {
          const prev = name === 'from' ? fromAt : toAt;
          if (prev >= 0) fail(`more than one ${written}: (at ${prev} and ${i})`, i);
          if (name === 'from') fromAt = i;
          else toAt = i;
          i = readDate(name, written, i, valueAt);
        } else {
          let values: string[];
          if (valueAt < n && QUOTE_PAIRS.has(q[valueAt]!)) {
            const r = readQuoted(valueAt, `value of ${written}:`);
            values = [cleanValue(r.text)];
            i = r.end;
          } else {
            i = itemEnd(valueAt);
            values = q.slice(valueAt, i).split(VALUE_SEPARATORS).map(cleanValue).filter(Boolean);
            if (values.length === 0) fail(`filter ${written}: at ${valueAt - colon - 1} has no value`, valueAt - colon - 1);
          }
          for (const v of values) if (!filters[name].includes(v)) filters[name].push(v);
        }
        continue;
      }
      // Latin `name:` is meant as a filter (a typo must not silently become a search word), except in a
      // URL (`https://…`). A Persian word before a colon («گفت:») is pasted text.
      if (/^[A-Za-z]+$/.test(written) && q.slice(i + colon + 1, i + colon + 3) !== '//') {
        fail(`unknown filter "${written}:" at ${i}; use ${FILTER_LIST}`, i, { filter: written });
      }
    }
    let k = item.length;
    while (k > 0 && isStar(item[k - 1]!)) k--;
    for (let s = 0; s < k; s++) {
      if (isStar(item[s]!)) fail(`"${item[s]}" at ${i + s} may only end a word`, i + s);
    }
    count(i);
    if (k < item.length) clauses.push({ kind: 'prefix', occur, text: item.slice(0, k), start: i });
    else clauses.push({ kind: 'word', occur, text: item, start: i });
    i = end;
  }

  if (clauses.length === 0 && terms === 0) {
    if ([...q].every(isSeparator)) fail('empty query', 0);
    fail('nothing to search for: no words, phrases or filters', 0);
  }
  if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
    fail(`from: (${filters.from}) is after to: (${filters.to})`, fromAt);
  }
  return { text: q, clauses, filters };
}
