/**
 * `npm run bench:http`: khabar's HTTP server under load (autocannon), on a database of 20,000 stories
 * (the ISNA, Hamshahri and Fars stories, repeated under new ids past their count, imported with
 * `khabar import`), the server in a separate process (`khabar serve`, as `npm start` runs it). Measures
 * requests/s and latency for the home page, a story page (one story, and 1,000 different stories in
 * turn), a search API call (200 headline queries in turn) and the RSS feed, and the server's resident
 * memory (VmRSS sampled during the runs, VmHWM at the end). Writes bench/results/http.md.
 *
 * Targets (issue #5, this 2-core machine): story page ≥ 3,000 req/s, search API ≥ 1,000 req/s,
 * p99 ≤ 50 ms, resident memory ≤ 250 MB. The load generator runs on the same two cores.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { toNinjs, type Story } from '../src/story/index.js';
import { hasCorpus, REPO_ROOT } from './corpus.js';
import { hamshahriStories } from './hamshahri.js';
import { farsStories, isnaStories } from '../test/support/corpus-stories.js';
import { headlineQueries } from './search-engines/queries.js';
import { machineLine } from './machine.js';

type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
};
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const STORIES = Number(process.env.BENCH_HTTP_STORIES ?? 20_000);
const DURATION = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = 10;
const MAIN = join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');

if (!['hamshahri-ir', 'isna', 'farsnews'].every((c) => hasCorpus(c))) {
  console.log('skipped: bench:http needs ../shared/corpus/{hamshahri-ir,isna,farsnews}');
  process.exit(0);
}

function copyOf(s: Story, n: number): Story {
  if (n === 0) return s;
  return { ...s, uri: `${s.uri}#copy${n}`, source: s.source ? { ...s.source, id: `${s.source.id}#copy${n}` } : { name: 'bench', id: `${s.uri}#copy${n}` } };
}

function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-http-'));
const db = join(dir, 'bench.db');
const base = [...isnaStories(), ...hamshahriStories(), ...farsStories()];
const out = createWriteStream(join(dir, 'stories.jsonl'));
for (let i = 0; i < STORIES; i++) {
  if (!out.write(`${JSON.stringify(toNinjs(copyOf(base[i % base.length]!, Math.floor(i / base.length))))}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
const t0 = performance.now();
const imp = spawnSync(process.execPath, ['--max-old-space-size=224', MAIN, 'import', join(dir, 'stories.jsonl'), '--format', 'jsonl', '--db', db], { encoding: 'utf8' });
if (imp.status !== 0) throw new Error(`import failed: ${imp.stderr}`);
console.log(`imported ${STORIES} stories in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const raw = new Database(db, { readonly: true });
const codes = raw.prepare(`SELECT code FROM stories WHERE pub_status = 'usable' ORDER BY (id * 7919) % 20011 LIMIT 1000`).pluck().all() as number[];
const newest = raw.prepare(`SELECT code FROM stories ORDER BY published_at DESC, id DESC LIMIT 1`).pluck().get() as number;
raw.close();
const queries = headlineQueries(base, 200, 2026).map((q) => `/api/v1/search?q=${encodeURIComponent(q)}&limit=10`);

// As `npm start` runs it: a 2 MB young generation keeps request garbage from inflating the resident set (−40 MB).
const server = spawn(process.execPath, ['--max-old-space-size=224', '--max-semi-space-size=2', MAIN, 'serve', '--db', db, '--port', '0', '--no-demo', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve, reject) => {
  let text = '';
  const t = setTimeout(() => reject(new Error(`server did not start: ${text}`)), 60_000);
  server.stdout.on('data', (d: Buffer) => {
    text += d.toString();
    const m = /at (http:\/\/\S+)/.exec(text);
    if (m) {
      clearTimeout(t);
      resolve(m[1]!);
    }
  });
});

interface Row { name: string; target: string; result: AutocannonResult; rssMB: number }
const rows: Row[] = [];
/** A Cookie header makes the server skip its micro-cache (http/response-cache.ts): every answer is rendered. */
const UNCACHED = { Cookie: 'bench=uncached' };

async function measure(name: string, paths: string[], target: string, headers: Record<string, string> = {}): Promise<void> {
  let i = 0;
  const opts = {
    url, connections: CONNECTIONS, duration: DURATION, headers,
    requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }],
  };
  await autocannon({ ...opts, duration: 2 }); // warm-up
  let rss = 0;
  const sampler = setInterval(() => { rss = Math.max(rss, status(server.pid!, 'VmRSS')); }, 200);
  const result = await autocannon(opts);
  clearInterval(sampler);
  rows.push({ name, target, result, rssMB: rss });
  console.log(`${name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`);
}

try {
  await measure('home page `/`', ['/'], 'p99 ≤ 50 ms');
  await measure(`story page, one story (\`/story/${newest}\`)`, [`/story/${newest}`], '≥ 3,000 req/s, p99 ≤ 50 ms');
  await measure('story pages, 1,000 different stories in turn, micro-cache bypassed', codes.map((c) => `/story/${c}`), '(rendering cost)', UNCACHED);
  await measure('search API, 200 headline queries in turn (`/api/v1/search?q=…&limit=10`)', queries, '≥ 1,000 req/s, p99 ≤ 50 ms');
  await measure('search API, the same 200 queries, micro-cache bypassed', queries, '≥ 1,000 req/s, p99 ≤ 50 ms', UNCACHED);
  await measure('RSS feed `/feeds/rss.xml`', ['/feeds/rss.xml'], 'p99 ≤ 50 ms');
} finally {
  const hwm = status(server.pid!, 'VmHWM');
  const rssNow = status(server.pid!, 'VmRSS');
  server.kill('SIGTERM');
  await once(server, 'exit');
  rmSync(dir, { recursive: true, force: true });
  const maxRss = Math.max(...rows.map((r) => r.rssMB));
  const md = [
    '# HTTP benchmark',
    '',
    `\`npm run bench:http\` — ${new Date().toISOString().slice(0, 10)}, ${machineLine()}.`,
    '',
    `${STORIES.toLocaleString('en')} stories (ISNA, Hamshahri and Fars, repeated under new ids) imported with \`khabar import\`; the server is \`khabar serve\` in its own process (old generation capped at 224 MB, young generation semi-spaces at 2 MB, as \`npm start\` runs it); autocannon with ${CONNECTIONS} connections, ${DURATION} s per row after a 2 s warm-up, in this process on the same two cores. No Accept-Encoding (uncompressed responses). Rows marked "micro-cache bypassed" send a Cookie header, which makes the server render every answer (the public-response cache holds answers until the next wire event; the site still keeps related stories 60 s and the service list 10 s).`,
    '',
    '| endpoint | requests/s | p50 ms | p99 ms | non-2xx | errors | target |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.name} | ${r.result.requests.average.toFixed(0)} | ${r.result.latency.p50} | ${r.result.latency.p99} | ${r.result.non2xx} | ${r.result.errors} | ${r.target} |`),
    '',
    `Server resident memory: peak VmRSS sampled during the runs ${maxRss.toFixed(0)} MB, VmHWM ${hwm.toFixed(0)} MB, VmRSS at the end ${rssNow.toFixed(0)} MB (target ≤ 250 MB).`,
    '',
  ].join('\n');
  mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'bench', 'results', 'http.md'), md);
  console.log(`\n${md}\nwritten: bench/results/http.md`);
}
