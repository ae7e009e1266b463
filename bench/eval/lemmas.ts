/**
 * Lemma accuracy against a `form lemma upos count` gold file (the UD PerDT derivation in
 * ../shared/corpus/ud-lemmas, or any file in that layout): token- and type-weighted accuracy
 * overall and per part of speech, verbs exact and loose, a "lemma = form" baseline, over-stemming
 * (distinct gold lemmas merged into one prediction) and the most costly errors.
 */
import { readFileSync } from 'node:fs';
import { lemmatize } from '../../src/analysis/morphology/index.js';

/** One gold row with khabar's prediction. */
export interface LemmaRow {
  form: string;
  gold: string;
  upos: string;
  count: number;
  predicted: string;
}

/** Accuracy over one slice of the gold. */
export interface Accuracy {
  /** Share of tokens (rows weighted by count) predicted exactly. */
  token: number;
  /** Share of distinct (form, lemma, upos) rows predicted exactly. */
  type: number;
  /** Number of tokens in the slice. */
  tokens: number;
  /** Number of rows in the slice. */
  types: number;
}

/** A pair of gold lemmas that got one predicted lemma. */
export interface Merge {
  predicted: string;
  goldA: string;
  goldB: string;
  /** Tokens involved (both gold lemmas' rows that got this prediction). */
  tokens: number;
}

/** The full report. */
export interface LemmaReport {
  path: string;
  overall: Accuracy;
  byPos: Record<'NOUN' | 'VERB' | 'ADJ', Accuracy>;
  /** Verbs counted right when either stem of past#present matches. */
  verbsLoose: Accuracy;
  /** Baseline: lemma = form. */
  baseline: Accuracy;
  /** Distinct gold-lemma pairs merged into one predicted lemma. */
  overStemmedPairs: number;
  /** Top merges by token count. */
  topMerges: Merge[];
  /** Top errors by count. */
  topErrors: LemmaRow[];
}

function accuracy(rows: readonly LemmaRow[], ok: (r: LemmaRow) => boolean): Accuracy {
  let tokens = 0;
  let goodTokens = 0;
  let good = 0;
  for (const r of rows) {
    tokens += r.count;
    if (ok(r)) {
      goodTokens += r.count;
      good++;
    }
  }
  return { token: tokens ? goodTokens / tokens : 0, type: rows.length ? good / rows.length : 0, tokens, types: rows.length };
}

function stemsOf(lemma: string): string[] {
  return lemma.split('#').filter((s) => s !== '');
}

/** Reads the gold file, lemmatizes every form and computes the report. */
export function evalLemmas(tsvPath: string): LemmaReport {
  const lines = readFileSync(tsvPath, 'utf8').replace(/\r/g, '').split('\n');
  const rows: LemmaRow[] = [];
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const [form = '', gold = '', upos = '', count = '1'] = line.split('\t');
    if (!form) continue;
    rows.push({ form, gold, upos, count: Number(count) || 1, predicted: lemmatize(form) });
  }
  const exact = (r: LemmaRow): boolean => r.predicted === r.gold;
  const pos = (p: string): LemmaRow[] => rows.filter((r) => r.upos === p);
  const verbs = pos('VERB');
  const loose = (r: LemmaRow): boolean => {
    if (exact(r)) return true;
    const g = stemsOf(r.gold);
    return stemsOf(r.predicted).some((s) => g.includes(s));
  };

  // Over-stemming: for each prediction, the gold lemmas it covers; every pair of distinct gold lemmas
  // sharing one prediction is a merge the gold does not make.
  const byPred = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let m = byPred.get(r.predicted);
    if (!m) byPred.set(r.predicted, (m = new Map()));
    m.set(r.gold, (m.get(r.gold) ?? 0) + r.count);
  }
  const merges: Merge[] = [];
  for (const [predicted, golds] of byPred) {
    const list = [...golds];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, ca] = list[i]!;
        const [b, cb] = list[j]!;
        merges.push({ predicted, goldA: a, goldB: b, tokens: ca + cb });
      }
    }
  }
  merges.sort((x, y) => y.tokens - x.tokens);
  const topErrors = rows.filter((r) => !exact(r)).sort((a, b) => b.count - a.count).slice(0, 30);

  return {
    path: tsvPath,
    overall: accuracy(rows, exact),
    byPos: { NOUN: accuracy(pos('NOUN'), exact), VERB: accuracy(verbs, exact), ADJ: accuracy(pos('ADJ'), exact) },
    verbsLoose: accuracy(verbs, loose),
    baseline: accuracy(rows, (r) => r.form === r.gold),
    overStemmedPairs: merges.length,
    topMerges: merges.slice(0, 20),
    topErrors,
  };
}

const pct = (x: number): string => (x * 100).toFixed(1).padStart(6) + '%';

/** A plain-text table of the report. */
export function formatLemmaReport(r: LemmaReport): string {
  const out: string[] = [];
  const row = (name: string, a: Accuracy): void => {
    out.push(`${name.padEnd(22)}${pct(a.token)}  ${pct(a.type)}  ${String(a.tokens).padStart(7)}  ${String(a.types).padStart(6)}`);
  };
  out.push(`Lemma accuracy: ${r.path}`, '');
  out.push(`${'slice'.padEnd(22)}${'tokens'.padStart(7)}  ${'types'.padStart(7)}  ${'#tok'.padStart(7)}  ${'#type'.padStart(6)}`);
  row('overall', r.overall);
  row('NOUN', r.byPos.NOUN);
  row('VERB (past#present)', r.byPos.VERB);
  row('VERB (either stem)', r.verbsLoose);
  row('ADJ', r.byPos.ADJ);
  row('baseline lemma=form', r.baseline);
  out.push('', `Over-stemming: ${r.overStemmedPairs} distinct gold-lemma pairs merged into one predicted lemma`);
  for (const m of r.topMerges) out.push(`  ${String(m.tokens).padStart(5)}  ${m.predicted}  ←  ${m.goldA} | ${m.goldB}`);
  out.push('', 'Top errors (count  form  gold  predicted  upos):');
  for (const e of r.topErrors) out.push(`  ${String(e.count).padStart(5)}  ${e.form}  ${e.gold}  ${e.predicted}  ${e.upos}`);
  return out.join('\n');
}
