/**
 * `npm run bench:search`: khabar's search next to plain SQLite FTS5 and the JavaScript search libraries
 * (MiniSearch, FlexSearch, Orama, Lunr), each with its default tokenizer and, where it takes one, with
 * khabar's analyzer, on the Hamshahri and ISNA stories: indexing rate, index memory and size, top-10
 * query latency, and MAP / P@10 on the Hamshahri dev queries; then khabar alone at 200,000 stories.
 * Every measurement runs in a child process of its own (`--job <engine> <corpus>`, `--scale <n>`), so
 * memory figures belong to one engine. Writes bench/results/search.md.
 *
 * Options: `--only k1,k2` (engine keys), `--scale-stories N` (default 200000), `--no-scale`, `--scale-only`
 * (re-measure the scale section alone and replace it in bench/results/search.md).
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
  console.log(RESULT + JSON.stringify(await runScale(Number(args[1]))));
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


if (args[0] === '--scale-only') {
  // Re-measures the scale section alone and puts it into the existing results file.
  const stories = Number(opt('--scale-stories') ?? 200_000);
  const section = scaleSectionFor(stories, child<ScaleResult>(['--scale', String(stories)], SCALE_TIMEOUT_MS));
  const file = join(REPO_ROOT, 'bench', 'results', 'search.md');
  const old = readFileSync(file, 'utf8');
  const from = old.indexOf('## khabar at ');
  const to = old.indexOf('The JS engines were not run');
  if (from < 0 || to < from) throw new Error(`${file} has no scale section to replace: run npm run bench:search`);
  writeFileSync(file, `${old.slice(0, from)}${section.join('\n')}\n\n${old.slice(to)}`);
  console.log(section.join('\n'));
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
  scale = child<ScaleResult>(['--scale', String(scaleStories)], SCALE_TIMEOUT_MS);
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
out.push('## Configurations', '');
for (const e of engines) out.push(`- **${e.label}** (\`${e.key}\`): ${e.config}`);
const sizeHows = new Set([...results.values()].filter((r): r is JobResult => typeof r !== 'string').map((r) => `${ENGINES.find((e) => e.key === r.engine)?.label}: ${r.sizeHow}`));
out.push('', 'Size measured as:', '', ...[...sizeHows].map((s) => `- ${s}`), '');

const doc = out.join('\n');
console.log('\n' + doc);
mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(REPO_ROOT, 'bench', 'results', 'search.md'), doc);
console.log('written: bench/results/search.md');
