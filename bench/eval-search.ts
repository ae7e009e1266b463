/**
 * `npm run eval:search`: search quality on the Hamshahri test collection (../shared/corpus/hamshahri-ir:
 * 5,375 documents, dev queries and relevance judgments), khabar next to plain SQLite FTS5 (unicode61, no
 * Persian analysis) measured in the same run, for the queries as given and in modern orthography.
 * Also checks variant robustness (every spelling variant of a query ranks identically) and that every
 * highlight maps to the original text. Writes bench/results/search-eval.md.
 *
 * With `--pg`, the same collection is also imported into PostgreSQL (a fresh schema, dropped afterwards;
 * see eval/pg-eval.ts for the server) and measured in the same run: MAP / P@10 / nDCG@10 / R@1000 next to
 * SQLite's in both orthographies, how far the top 10s agree, variant robustness and highlight exactness.
 * Those rows go in a section of their own ("## PostgreSQL"); a run without `--pg` keeps the section the
 * last `--pg` run wrote.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/index.js';
import { searchSqlite, type SearchTuning } from '../src/store/sqlite/sqlite-search.js';
import { DEFAULT_BM25 } from '../src/store/sqlite/ranked/bm25-scorer.js';
import type { Store } from '../src/store/index.js';
import type { SearchHit, SearchRequest, SearchResult } from '../src/search/index.js';
import { hasCorpus, REPO_ROOT } from './corpus.js';
import { buildPlainFts5 } from './eval/plain-fts5.js';
import { evaluateRun, formatMetricsRow, type RunLine } from './eval/search-metrics.js';
import { hamshahriQrelsText, hamshahriQueries, hamshahriRawDocs, hamshahriStories, modernOrthography } from './hamshahri.js';
import { queryVariants } from './eval/query-variants.js';
import { machineLine } from './machine.js';
import { evalPgUrl, loadHamshahriPg } from './eval/pg-eval.js';

const DEPTH = 1000;
const WITH_PG = process.argv.includes('--pg');
/** The target for PostgreSQL: MAP within 3% of SQLite's. */
const PG_MAP_TOLERANCE = 0.03;
const PG_SECTION = '## PostgreSQL';

if (!hasCorpus('hamshahri-ir')) {
  console.log('skipped: ../shared/corpus/hamshahri-ir is absent; eval:search needs the Hamshahri collection');
  process.exit(0);
}

const docno = (h: SearchHit) => h.story.source?.id ?? String(h.id);

/** Loads the collection into a fresh khabar store. */
export async function loadHamshahriStore(dir: string): Promise<{ store: Store; seconds: number }> {
  const store = await openSqliteStore(join(dir, 'hamshahri.db'));
  const t0 = performance.now();
  const stories = hamshahriStories();
  for (let i = 0; i < stories.length; i += 1000) await store.putStories(stories.slice(i, i + 1000));
  return { store, seconds: (performance.now() - t0) / 1000 };
}

type Search = (request: SearchRequest) => Promise<SearchResult>;

/** The run of every dev query (rewritten by `rewrite`) at depth 1000. */
async function runQueries(search: Search, queries: ReadonlyArray<{ qid: string; query: string }>,
  rewrite: (q: string) => string = (q) => q): Promise<RunLine[]> {
  const lines: RunLine[] = [];
  for (const { qid, query } of queries) {
    (await search({ q: rewrite(query), limit: DEPTH })).hits.forEach((h, i) => lines.push({ qid, docno: docno(h), rank: i + 1, score: h.score }));
  }
  return lines;
}

/** Variant robustness: every spelling of a query gives the same ranked list. */
async function checkVariants(search: Search, queries: ReadonlyArray<{ qid: string; query: string }>): Promise<{ checked: number; failures: string[] }> {
  let checked = 0;
  const failures: string[] = [];
  for (const { qid, query } of queries) {
    const base = (await search({ q: query, limit: DEPTH })).hits.map((h) => h.id).join(',');
    for (const [name, v] of queryVariants(query)) {
      checked++;
      const got = (await search({ q: v, limit: DEPTH })).hits.map((h) => h.id).join(',');
      if (got !== base) failures.push(`${qid} ${name}: «${v}»`);
    }
  }
  return { checked, failures };
}

/** Highlights over the top 100 hits of every dev query map to the original text exactly. */
async function checkHighlights(search: Search, queries: ReadonlyArray<{ qid: string; query: string }>): Promise<{ spans: number; bad: string[] }> {
  let spans = 0;
  const bad: string[] = [];
  for (const { qid, query } of queries) {
    for (const hit of (await search({ q: query, limit: 100, highlight: true })).hits) {
      for (const h of hit.highlights ?? []) {
        const field = h.field === 'headline' ? hit.story.headline : h.field === 'lead' ? hit.story.lead ?? '' : hit.story.body[h.paragraph ?? -1] ?? '';
        if (field.slice(h.offset, h.offset + h.text.length) !== h.text) bad.push(`${qid} ${docno(hit)} ${h.field}`);
        for (const [a, b] of h.spans) {
          spans++;
          if (a < 0 || b > h.text.length || a >= b) bad.push(`${qid} ${docno(hit)} span ${a}-${b}`);
        }
      }
    }
  }
  return { spans, bad };
}

/** Docnos of a run's top `k` per query. */
function topDocs(lines: readonly RunLine[], k: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const l of lines) {
    if (l.rank > k) continue;
    const list = out.get(l.qid) ?? [];
    list.push(l.docno);
    out.set(l.qid, list);
  }
  return out;
}

/** The section a run without --pg keeps: everything from "## PostgreSQL" on in the current file. */
function previousPgSection(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf(`\n${PG_SECTION}\n`);
  return at < 0 ? undefined : text.slice(at + 1).trimEnd();
}

/**
 * Measures PostgreSQL beside SQLite's runs of the same process; returns the section's lines and whether
 * its checks (MAP within 3%, variants, highlights) passed.
 */
async function evaluatePg(queries: ReadonlyArray<{ qid: string; query: string }>, qrels: string,
  sqliteRuns: Record<string, RunLine[]>): Promise<{ lines: string[]; ok: boolean }> {
  const lines: string[] = [];
  const say = (s = '') => {
    console.log(s);
    lines.push(s);
  };
  console.log(`\nPostgreSQL: importing into a fresh schema at ${evalPgUrl().replace(/\/\/[^@/]*@/, '//…@')} …`);
  const stories = hamshahriStories();
  const pgEval = await loadHamshahriPg(stories);
  let ok = true;
  try {
    const search: Search = (r) => pgEval.store.search(r);
    say(PG_SECTION);
    say('');
    say(`\`npm run eval:search -- --pg\`, ${new Date().toISOString().slice(0, 10)}: ${pgEval.server}, the collection imported into a fresh schema ` +
      `(${pgEval.importSeconds.toFixed(1)} s, ${((pgEval.importSeconds * 1000) / stories.length).toFixed(1)} ms a story; dropped afterwards), ` +
      'measured in the same run as the SQLite rows above. Ranking: BM25 in SQL over the `fa` tsvectors and `term_stats`, ' +
      'every-word stories ×1.05, feedback re-weighting from the best 10 first-pass stories with λ 0.5 (src/store/postgres/pg-search.ts).');
    say('');
    say('| store | queries | MAP | P@10 | nDCG@10 | R@1000 |');
    say('|---|---|---:|---:|---:|---:|');
    const maps: Array<{ label: string; sqlite: number; pg: number }> = [];
    const pgRuns: Record<string, RunLine[]> = {};
    for (const [label, rewrite] of [['as given', (q: string) => q], ['modern orthography', modernOrthography]] as const) {
      const pgRun = await runQueries(search, queries, rewrite);
      pgRuns[label] = pgRun;
      const a = evaluateRun(qrels, sqliteRuns[`khabar ${label}`]!, DEPTH);
      const b = evaluateRun(qrels, pgRun, DEPTH);
      say(formatMetricsRow('SQLite', label, a));
      say(formatMetricsRow('PostgreSQL', label, b));
      maps.push({ label, sqlite: a.mean.map, pg: b.mean.map });
    }
    say('');
    for (const m of maps) {
      const pass = m.pg >= m.sqlite * (1 - PG_MAP_TOLERANCE);
      if (!pass) ok = false;
      say(`- MAP ${m.label}: PostgreSQL ${m.pg.toFixed(3)} vs SQLite ${m.sqlite.toFixed(3)} ` +
        `(${(((m.pg - m.sqlite) / m.sqlite) * 100).toFixed(1)}%; target ≥ ${(m.sqlite * (1 - PG_MAP_TOLERANCE)).toFixed(3)}, within 3%): ${pass ? 'met' : 'MISSED'}.`);
    }
    // How closely the rankings follow SQLite's: the top 10 of each query, in order and as sets.
    const a10 = topDocs(sqliteRuns['khabar as given']!, 10);
    const b10 = topDocs(pgRuns['as given']!, 10);
    let same = 0;
    let overlap = 0;
    for (const { qid } of queries) {
      const x = a10.get(qid) ?? [];
      const y = b10.get(qid) ?? [];
      if (x.join(',') === y.join(',')) same++;
      const ys = new Set(y);
      overlap += x.length ? x.filter((d) => ys.has(d)).length / x.length : 1;
    }
    say(`- Top 10 against SQLite's (as given): identical in order for ${same}/${queries.length} queries; ` +
      `mean overlap ${((overlap / queries.length) * 100).toFixed(1)}%.`);
    say('');
    say('Ranking options on PostgreSQL (queries as given):');
    say('');
    say('| option | queries | MAP | P@10 | nDCG@10 | R@1000 |');
    say('|---|---|---:|---:|---:|---:|');
    for (const [label, tuning] of [
      ['no feedback re-weighting', { feedbackDocs: 0 }],
      ['plain BM25 (no boost, no feedback)', { feedbackDocs: 0, coordBoost: 0 }],
    ] as const) {
      const run = await runQueries((r) => pgEval.searchTuned(r, tuning), queries);
      say(formatMetricsRow(label, 'as given', evaluateRun(qrels, run, DEPTH)));
    }
    say('');
    const variants = await checkVariants(search, queries);
    say(`Variant robustness on PostgreSQL: ${variants.checked - variants.failures.length}/${variants.checked} variants rank exactly as the query itself.`);
    for (const f of variants.failures.slice(0, 10)) say(`- differs: ${f}`);
    const hl = await checkHighlights(search, queries);
    say(`Highlights on PostgreSQL: ${hl.spans} spans over the top 100 hits of every dev query; ${hl.bad.length} do not map to the original text.`);
    for (const b of hl.bad.slice(0, 10)) say(`- ${b}`);
    if (variants.failures.length || hl.bad.length) ok = false;
  } finally {
    await pgEval.dispose();
  }
  return { lines, ok };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-eval-search-'));
  const out: string[] = [];
  const say = (s = '') => {
    console.log(s);
    out.push(s);
  };
  try {
    const { store, seconds } = await loadHamshahriStore(dir);
    const raw = hamshahriRawDocs();
    const plain = buildPlainFts5(raw);
    const queries = hamshahriQueries();
    const qrels = hamshahriQrelsText();
    say(`Hamshahri: ${raw.length} documents (khabar import ${seconds.toFixed(1)} s), ${queries.length} dev queries, depth ${DEPTH}. ${machineLine()}`);
    say('');
    say('| system | queries | MAP | P@10 | nDCG@10 | R@1000 |');
    say('|---|---|---:|---:|---:|---:|');
    const runs: Record<string, RunLine[]> = {};
    for (const [label, rewrite] of [['as given', (q: string) => q], ['modern orthography', modernOrthography]] as const) {
      const khabar: RunLine[] = [];
      const fts: RunLine[] = [];
      for (const { qid, query } of queries) {
        const q = rewrite(query);
        const r = await store.search({ q, limit: DEPTH });
        r.hits.forEach((h, i) => khabar.push({ qid, docno: docno(h), rank: i + 1, score: h.score }));
        plain.search(q, DEPTH).forEach((h, i) => fts.push({ qid, docno: h.docno, rank: i + 1, score: h.score }));
      }
      runs[`khabar ${label}`] = khabar;
      say(formatMetricsRow(`khabar`, label, evaluateRun(qrels, khabar, DEPTH)));
      say(formatMetricsRow(`plain FTS5 unicode61 (OR)`, label, evaluateRun(qrels, fts, DEPTH)));
    }
    say('');
    say('Anchors measured elsewhere on these dev queries (BM25, top 1000): Lucene 8.8 PersianAnalyzer 0.811 / 0.780, ' +
      'StandardAnalyzer 0.808 / 0.780 (0.436 in modern orthography), FTS5 unicode61 OR 0.812 / 0.784 (0.485), character 5-grams 0.739. ' +
      'Targets: MAP ≥ 0.84, P@10 ≥ 0.82, identical in both orthographies.');

    // The ranking knobs rank-relevance.ts keeps off by default, measured here so the choice can be checked.
    const rawDb = new Database(join(dir, 'hamshahri.db'), { readonly: true });
    say('');
    say('Ranking options (khabar, queries as given; the default is BM25, every-word stories ×1.05, feedback re-weighting from the best 10 stories with λ 0.5):');
    say('');
    say('| option | queries | MAP | P@10 | nDCG@10 | R@1000 |');
    say('|---|---|---:|---:|---:|---:|');
    for (const [label, tuning] of [
      ['every-word stories strictly first', { ranking: { coordBoost: Infinity } }],
      ['plain BM25', { ranking: { coordBoost: 0 } }],
      ['no feedback re-weighting', { ranking: { feedbackDocs: 0 } }],
      ['feedback from 5 stories', { ranking: { feedbackDocs: 5 } }],
      ['feedback from 20 stories', { ranking: { feedbackDocs: 20 } }],
      ['feedback λ 0.3', { ranking: { feedbackLambda: 0.3 } }],
      ['feedback λ 0.7', { ranking: { feedbackLambda: 0.7 } }],
      ["headline column weight 2", { ranking: { bm25: { ...DEFAULT_BM25, headWeight: 2 } } }],
    ] as const) {
      const lines: RunLine[] = [];
      for (const { qid, query } of queries) {
        searchSqlite(rawDb, { q: query, limit: DEPTH }, tuning as SearchTuning).hits.forEach((h, i) => lines.push({ qid, docno: docno(h), rank: i + 1, score: h.score }));
      }
      say(formatMetricsRow(label, 'as given', evaluateRun(qrels, lines, DEPTH)));
    }
    rawDb.close();

    // Variant robustness: every spelling of a query gives the same ranked list.
    const search: Search = (r) => store.search(r);
    const { checked: variantsChecked, failures: variantFailures } = await checkVariants(search, queries);
    say('');
    say(`Variant robustness: ${variantsChecked - variantFailures.length}/${variantsChecked} variants (Arabic ي/ك, ZWNJ / space / nothing at affix boundaries, Persian / Arabic-Indic / ASCII digits) rank exactly as the query itself.`);
    for (const f of variantFailures.slice(0, 10)) say(`- differs: ${f}`);

    // Highlights over the results of every dev query map to the original text exactly.
    const { spans, bad } = await checkHighlights(search, queries);
    say(`Highlights: ${spans} spans over the top 100 hits of every dev query; ${bad.length} do not map to the original text.`);
    for (const b of bad.slice(0, 10)) say(`- ${b}`);

    plain.close();
    await store.close();
    const path = join(REPO_ROOT, 'bench', 'results', 'search-eval.md');
    let pgSection = previousPgSection(path);
    let pgOk = true;
    if (WITH_PG) {
      const pgResult = await evaluatePg(queries, qrels, runs);
      pgSection = pgResult.lines.join('\n');
      pgOk = pgResult.ok;
    }
    const doc = `# Search quality (Hamshahri)\n\n\`npm run eval:search\`, ${new Date().toISOString().slice(0, 10)}.\n\n${out.join('\n')}\n` +
      (pgSection === undefined ? '' : `\n${pgSection}\n`);
    mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(path, doc);
    console.log('\nwritten: bench/results/search-eval.md');
    if (variantFailures.length || bad.length || !pgOk) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
