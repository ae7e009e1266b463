/**
 * `npm run bench:search`: khabar's search next to plain SQLite FTS5 and the JavaScript search libraries
 * (MiniSearch, FlexSearch, Orama, Lunr), each with its default tokenizer and, where it takes one, with
 * khabar's analyzer, on the Hamshahri and ISNA stories: indexing rate, index memory and size, top-10
 * query latency, and MAP / P@10 on the Hamshahri dev queries; then khabar alone at 200,000 stories.
 * Every measurement runs in a child process of its own (`--job <engine> <corpus>`, `--scale <n>`), so
 * memory figures belong to one engine. Writes bench/results/search.md.
 *
 * Options: `--only k1,k2` (engine keys), `--scale-stories N` (default 200000), `--no-scale`, `--scale-only`
 * (re-measure the scale section alone and replace it in bench/results/search.md), `--pg [url]` (also
 * import 20,000 and N stories into PostgreSQL and into SQLite in the same run, and write the two stores
 * side by side; the URL defaults to KHABAR_BENCH_PG_URL, else KHABAR_TEST_PG_URL, else the local server
 * postgresql://postgres@127.0.0.1:5432/test).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasCorpus, REPO_ROOT } from './corpus.js';
import { machineLine } from './machine.js';
import { ENGINES } from './search-engines/registry.js';
import { CORPORA, HEADLINE_QUERIES, runJob, type CorpusName, type JobResult } from './search-engines/job.js';
import { runScale, type ScaleResult } from './search-engines/scale.js';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const RESULT = 'RESULT ';
/** Longest a per-engine child may take before it is reported as not finished. */
const JOB_TIMEOUT_MS = 5 * 60_000;
/** Writing 200k stories as JSON lines, importing them well under the 3,000/s target, querying: give it room. */
const SCALE_TIMEOUT_MS = 25 * 60_000;
/** PostgreSQL imports a story in a few milliseconds of its own and runs queries without pruning: more room. */
const PG_SCALE_TIMEOUT_MS = 60 * 60_000;
/** The smaller archive size of the SQLite/PostgreSQL comparison. */
const PG_SMALL_SCALE = 20_000;

/** The PostgreSQL server of `--pg`, or undefined when the flag is absent. */
function pgUrlOption(): string | undefined {
  const i = args.indexOf('--pg');
  if (i < 0) return undefined;
  const given = args[i + 1];
  if (given !== undefined && /^postgres(ql)?:\/\//.test(given)) return given;
  return process.env['KHABAR_BENCH_PG_URL'] ?? process.env['KHABAR_TEST_PG_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test';
}
const pgUrl = pgUrlOption();

const missing = ['hamshahri-ir', 'isna', 'farsnews'].filter((c) => !hasCorpus(c));
if (missing.length) {
  console.log(`skipped: ${missing.map((c) => `../shared/corpus/${c}`).join(', ')} absent; bench:search needs the Hamshahri, ISNA and Fars corpora`);
  process.exit(0);
}

if (args[0] === '--job') {
  console.log(RESULT + JSON.stringify(await runJob(args[1] ?? '', (args[2] ?? '') as CorpusName)));
  process.exit(0);
}
if (args[0] === '--scale') {
  console.log(RESULT + JSON.stringify(await runScale(Number(args[1]), opt('--pg-url'))));
  process.exit(0);
}

/** Runs this script again in a fresh process and parses the result line, or reports why there is none. */
function child<T>(childArgs: string[], timeout = JOB_TIMEOUT_MS): T | string {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...childArgs], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout, maxBuffer: 64 * 2 ** 20,
  });
  const line = r.stdout?.split('\n').find((l) => l.startsWith(RESULT));
  if (line) return JSON.parse(line.slice(RESULT.length)) as T;
  if (r.error) return `not finished: ${r.error.message}`;
  return `failed (exit ${r.status ?? r.signal})`;
}

const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(1));
const f2 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(2));
const f3 = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(3));
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => (Number.isNaN(bytes) ? 'n/a' : (bytes / 2 ** 20).toFixed(1));

/** The "khabar at N stories" section of the results. */
function scaleSectionFor(stories: number, scale: ScaleResult | string): string[] {
  const out: string[] = [`## khabar at ${int(stories)} stories`, ''];
  if (typeof scale === 'string') {
    out.push(`khabar: ${scale}`);
  } else {
    const rate = scale.stories / scale.importSeconds;
    const mark = (ok: boolean) => (ok ? 'met' : 'missed');
    out.push(`The ${int(scale.baseStories)} ISNA + Hamshahri + Fars stories repeated with \`#copyN\` on the source id and URI, written as ninjs JSON lines (10,000 per file, untimed), imported by \`khabar import <folder> --format jsonl\` in a child process (its default batches, analysis worker threads, WAL, synchronous=FULL; the command caps V8's old generation at 224 MB), then top-10 queries against that database (25 dev + 1,000 headline queries from the base stories, 50 warm-up). The import's own summary: ${scale.importSummary}.`, '');
    out.push('| measure | value | target |', '|---|---:|---|');
    out.push(`| import (wall time of the command: reading, parsing, validation, analysis, durable writes) | ${int(rate)} stories/s (${scale.importSeconds.toFixed(0)} s) | ≥ 3,000 stories/s — ${mark(rate >= 3000)} |`);
    out.push(`| query p50 / p95 / p99 (top 10) | ${f2(scale.latency.p50)} / ${f2(scale.latency.p95)} / ${f2(scale.latency.p99)} ms | p95 ≤ 10 ms — ${mark(scale.latency.p95 <= 10)} |`);
    out.push(`| peak RSS of the import process (VmHWM) | ${scale.importPeakRssMB.toFixed(0)} MB | < 500 MB — ${mark(scale.importPeakRssMB < 500)} |`);
    out.push(`| database size | ${mb(scale.sizeBytes)} MB | |`);
  }
  return out;
}

/** Measures one store at one size in a child process. */
function scaleJob(stories: number, store: 'sqlite' | 'postgres'): ScaleResult | string {
  return store === 'sqlite'
    ? child<ScaleResult>(['--scale', String(stories)], SCALE_TIMEOUT_MS)
    : child<ScaleResult>(['--scale', String(stories), '--pg-url', pgUrl!], PG_SCALE_TIMEOUT_MS);
}

/** The SQLite and PostgreSQL jobs of `--pg`, both sizes; `sqliteLarge` is reused when already measured. */
function storeComparison(large: number, sqliteLarge?: ScaleResult | string): Array<ScaleResult | string> {
  const out: Array<ScaleResult | string> = [];
  for (const n of [PG_SMALL_SCALE, large]) {
    out.push(n === large && sqliteLarge !== undefined ? sqliteLarge : scaleJob(n, 'sqlite'));
    out.push(scaleJob(n, 'postgres'));
  }
  return out;
}

const STORE_SECTION = '## SQLite and PostgreSQL';

/** The side-by-side section of `--pg`. */
function storeSectionFor(jobs: ReadonlyArray<ScaleResult | string>, large: number): string[] {
  const out = [`${STORE_SECTION} at ${int(PG_SMALL_SCALE)} and ${int(large)} stories`, ''];
  out.push(`The same stories and queries as the section above, at two sizes, measured one after another in this run on the same machine: imported by \`khabar import --format jsonl\` into a SQLite file (\`--db\`) and into a fresh schema of PostgreSQL (\`--database-url …?schema=…\`; ${pgServerLine()}), then the same 1,025 top-10 queries against each through the store's \`search\` (one at a time, 50 warm-up). PostgreSQL's size is its tables with their indexes and TOAST; its server processes are not in the import's peak RSS.`, '');
  out.push('| store | stories | import stories/s | import s | query p50 ms | p95 ms | p99 ms | answered | import peak RSS MB | size MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const j of jobs) {
    if (typeof j === 'string') {
      out.push(`| ${j} | | | | | | | | | |`);
      continue;
    }
    out.push(`| ${j.store === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${int(j.stories)} | ${int(j.stories / j.importSeconds)} | ${j.importSeconds.toFixed(0)} | ${f2(j.latency.p50)} | ${f2(j.latency.p95)} | ${f2(j.latency.p99)} | ${j.latency.answered ?? '—'}/${j.latency.n} | ${j.importPeakRssMB.toFixed(0)} | ${mb(j.sizeBytes)} |`);
  }
  const ratio = (store: string, n: number) => jobs.find((j): j is ScaleResult => typeof j !== 'string' && j.store === store && j.stories === n);
  for (const n of [PG_SMALL_SCALE, large]) {
    const a = ratio('sqlite', n);
    const b = ratio('postgres', n);
    if (a && b) {
      out.push('', `At ${int(n)} stories PostgreSQL imports at ${(a.importSeconds / b.importSeconds).toFixed(2)}× SQLite's rate; its query p50 is ${(b.latency.p50 / a.latency.p50).toFixed(1)}× and p95 ${(b.latency.p95 / a.latency.p95).toFixed(1)}× SQLite's.`);
    }
  }
  return out;
}

/** Which PostgreSQL server the comparison used (version, host; never the password). */
function pgServerLine(): string {
  const u = new URL(pgUrl!);
  const r = spawnSync('psql', ['--version'], { encoding: 'utf8' });
  const client = r.status === 0 ? r.stdout.trim().replace(/^psql \(PostgreSQL\) /, '') : undefined;
  return `server ${u.hostname}:${u.port || 5432}${client ? `, PostgreSQL ${client}` : ''}, default configuration, on this machine`;
}

/** Replaces (or adds, before `## Configurations`) the side-by-side section in the results file. */
function writeStoreSection(section: string[]): void {
  const file = join(REPO_ROOT, 'bench', 'results', 'search.md');
  const old = readFileSync(file, 'utf8');
  const from = old.indexOf(STORE_SECTION);
  const end = from < 0 ? old.indexOf('## Configurations') : old.indexOf('\n## ', from + 1) + 1;
  if (end <= 0) throw new Error(`${file} has no place for the store comparison: run npm run bench:search`);
  writeFileSync(file, `${old.slice(0, from < 0 ? end : from)}${section.join('\n')}\n\n${old.slice(end)}`);
}

if (args[0] === '--scale-only') {
  // Re-measures the scale section alone and puts it into the existing results file.
  const stories = Number(opt('--scale-stories') ?? 200_000);
  const sqliteLarge = scaleJob(stories, 'sqlite');
  const section = scaleSectionFor(stories, sqliteLarge);
  const file = join(REPO_ROOT, 'bench', 'results', 'search.md');
  const old = readFileSync(file, 'utf8');
  const from = old.indexOf('## khabar at ');
  const to = old.indexOf('The JS engines were not run');
  if (from < 0 || to < from) throw new Error(`${file} has no scale section to replace: run npm run bench:search`);
  writeFileSync(file, `${old.slice(0, from)}${section.join('\n')}\n\n${old.slice(to)}`);
  console.log(section.join('\n'));
  if (pgUrl !== undefined) {
    const stores = storeSectionFor(storeComparison(stories, sqliteLarge), stories);
    writeStoreSection(stores);
    console.log(`\n${stores.join('\n')}`);
  }
  process.exit(0);
}

const only = opt('--only')?.split(',');
const engines = ENGINES.filter((e) => !only || only.includes(e.key));
const scaleStories = Number(opt('--scale-stories') ?? 200_000);
const started = performance.now();

const results = new Map<string, JobResult | string>();
for (const corpus of CORPORA) {
  for (const e of engines) {
    const t0 = performance.now();
    const r = child<JobResult>(['--job', e.key, corpus]);
    results.set(`${e.key} ${corpus}`, r);
    console.log(`${e.label} on ${corpus}: ${typeof r === 'string' ? r : 'done'} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
}
let scale: ScaleResult | string = 'not run (--no-scale)';
if (!args.includes('--no-scale')) {
  console.log(`khabar at ${scaleStories} stories…`);
  scale = scaleJob(scaleStories, 'sqlite');
}
let stores: string[] = [];
if (pgUrl !== undefined) {
  console.log(`SQLite and PostgreSQL at ${PG_SMALL_SCALE} and ${scaleStories} stories…`);
  stores = storeSectionFor(storeComparison(scaleStories, args.includes('--no-scale') ? undefined : scale), scaleStories);
}

function corpusTable(corpus: CorpusName): string[] {
  const quality = corpus === 'hamshahri';
  const rows = [
    `| engine | docs/s | heap Δ MB | RSS Δ MB | size MB | p50 ms | p95 ms | p99 ms | answered |${quality ? ' MAP | P@10 |' : ''}`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|${quality ? '---:|---:|' : ''}`,
  ];
  for (const e of engines) {
    const r = results.get(`${e.key} ${corpus}`);
    if (!r || typeof r === 'string') {
      rows.push(`| ${e.label} | ${r ?? 'not run'} ||||||||${quality ? '||' : ''}`);
      continue;
    }
    rows.push(`| ${e.label} | ${int(r.docs / r.indexSeconds)} | ${f1(r.heapMB)} | ${f1(r.rssMB)} | ${mb(r.sizeBytes)} | ` +
      `${f2(r.latency.p50)} | ${f2(r.latency.p95)} | ${f2(r.latency.p99)} | ${r.latency.answered ?? '—'}/${r.latency.n} |${quality ? ` ${f3(r.map)} | ${f3(r.p10)} |` : ''}`);
  }
  return rows;
}

const first = [...results.values()].find((r): r is JobResult => typeof r !== 'string' && r.corpus === 'hamshahri');
const out: string[] = [];
out.push(`# Search engines: indexing, memory, size, latency, quality`, '');
out.push(`\`npm run bench:search\`, ${new Date().toISOString().slice(0, 10)}: ${machineLine()}. Whole run ${((performance.now() - started) / 60000).toFixed(1)} min.`, '');
out.push('How it was measured:', '');
out.push('- Each engine × corpus runs in a fresh `node --expose-gc` process. Stories are loaded through khabar\'s source mappers before timing; the JS engines index one string per story (headline, lead and body paragraphs joined), the text khabar indexes.');
out.push('- **docs/s**: wall clock of building the index from stories in memory (khabar: `putStories` in batches of 1,000 with one analysis worker thread and the next batch handed over while one is written, WAL, synchronous=FULL, analysis included; plain FTS5: one transaction on a file).');
out.push('- **heap Δ / RSS Δ**: `process.memoryUsage()` after minus before the build, each after `global.gc()` twice. SQLite keeps its pages outside the JS heap, so for the SQLite engines RSS Δ is mostly SQLite\'s page cache; khabar\'s heap Δ is JS state kept after the import, not an index (its analyzer memos live in the worker thread).');
out.push('- **size**: SQLite engines: the database file after close (khabar\'s includes the stories themselves and every table; plain FTS5 stores the text in its content table). JS engines: bytes of their own serialization (MiniSearch and Lunr `JSON.stringify(index)`, FlexSearch `index.export()` chunks summed, Orama `JSON.stringify(save(db))` which includes the documents).');
out.push(`- **latency**: top-10, one query at a time, over the ${first ? first.latency.n : '?'} queries = the 25 Hamshahri dev queries + ${HEADLINE_QUERIES} queries of 2–4 consecutive headline words (punctuation removed) sampled with a seeded PRNG from the same corpus; 50 untimed warm-up queries first. Nearest-rank percentiles. **answered**: timed queries with at least one hit (an engine whose tokenizer drops Persian letters answers none, which also makes it fast).`);
out.push(`- **MAP / P@10**: the 25 Hamshahri dev queries as given, top 1000 (as many as the engine returns, up to 1000), against the Hamshahri qrels (bench/eval/search-metrics.ts).`, '');
for (const corpus of CORPORA) {
  const any = [...results.values()].find((r): r is JobResult => typeof r !== 'string' && r.corpus === corpus);
  out.push(`## ${corpus === 'hamshahri' ? 'Hamshahri' : 'ISNA'} (${any ? int(any.docs) : '?'} stories)`, '', ...corpusTable(corpus), '');
}

out.push(...scaleSectionFor(scaleStories, scale));
// The JS engines hold their whole index in the JS heap; extrapolate their heap from the ISNA run
// rather than run them at 200k (Node's default heap limit is ~4 GB on this machine, and Lunr builds in one call).
const extrapolated = engines.filter((e) => e.key !== 'khabar' && e.key !== 'fts5').map((e) => {
  const r = results.get(`${e.key} isna`);
  return typeof r === 'string' || !r ? `${e.label} —` : `${e.label} ≈ ${((r.heapMB / r.docs) * scaleStories / 1024).toFixed(1)} GB`;
});
out.push('', `The JS engines were not run at ${int(scaleStories)} stories: only khabar is measured at that scale. ` +
  `They keep the whole index in the JS heap; linear extrapolation of their ISNA heap Δ to ${int(scaleStories)} stories: ${extrapolated.join(', ')}.`, '');
if (stores.length > 0) out.push(...stores, '');
out.push('## Configurations', '');
for (const e of engines) out.push(`- **${e.label}** (\`${e.key}\`): ${e.config}`);
const sizeHows = new Set([...results.values()].filter((r): r is JobResult => typeof r !== 'string').map((r) => `${ENGINES.find((e) => e.key === r.engine)?.label}: ${r.sizeHow}`));
out.push('', 'Size measured as:', '', ...[...sizeHows].map((s) => `- ${s}`), '');

const doc = out.join('\n');
console.log('\n' + doc);
mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(REPO_ROOT, 'bench', 'results', 'search.md'), doc);
console.log('written: bench/results/search.md');
