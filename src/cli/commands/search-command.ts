/**
 * `khabar search "<query>" [--service …] [--agency …] [--tag …] [--from …] [--to …] [--sort date]
 *   [--limit N] [--offset N] [--json] [--db path | --database-url postgres://…]` — the archive from the shell; and
 * `khabar search --batch <queries.tsv> --trec <run-file> [--top 1000]` — a TREC run for evaluation, ranked
 * exactly as the interactive search ranks (the same `store.search` call).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { KhabarError } from '../../errors/index.js';
import type { SearchHit, SearchRequest } from '../../search/index.js';
import type { Store } from '../../store/index.js';
import { parseArgs } from '../args.js';
import { openStoreTarget, resolveStoreTarget, STORE_OPTIONS } from '../open-store.js';
import type { Out } from '../out.js';

const VALUED = ['service', 'agency', 'tag', 'from', 'to', 'limit', 'offset', 'sort', ...STORE_OPTIONS, 'batch', 'trec', 'top'];

function intFlag(flags: Map<string, string | true>, name: string, fallback: number): number {
  const v = flags.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n)) throw new KhabarError('USAGE', `--${name} needs a whole number, got ${String(v)}`);
  return n;
}

/** The id a TREC run uses for a story: its source id (e.g. a Hamshahri DOCNO), else its code. */
export function trecDocno(hit: SearchHit): string {
  return hit.story.source?.id ?? String(hit.story.code ?? hit.id);
}

/** Runs every `qid<TAB>query` line of a file and writes `qid Q0 DOCNO rank score khabar` lines. */
export async function runBatch(store: Store, queriesFile: string, runFile: string, top: number): Promise<{ queries: number; lines: number }> {
  const lines: string[] = [];
  let queries = 0;
  for (const [n, line] of readFileSync(queriesFile, 'utf8').split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const tab = line.indexOf('\t');
    if (tab < 0) throw new KhabarError('INVALID_INPUT', `${queriesFile}:${n + 1}: expected qid<TAB>query`);
    const qid = line.slice(0, tab).trim();
    const result = await store.search({ q: line.slice(tab + 1), limit: top });
    result.hits.forEach((h, i) => lines.push(`${qid} Q0 ${trecDocno(h)} ${i + 1} ${h.score.toFixed(6)} khabar`));
    queries++;
  }
  writeFileSync(runFile, lines.join('\n') + (lines.length ? '\n' : ''));
  return { queries, lines: lines.length };
}

/** The `search` command. */
export async function searchCommand(argv: readonly string[], out: Out): Promise<void> {
  const { positionals, flags } = parseArgs(argv, VALUED, ['json']);
  const store = await openStoreTarget(resolveStoreTarget(flags));
  try {
    const batch = flags.get('batch');
    if (batch !== undefined) {
      const trec = flags.get('trec');
      if (typeof batch !== 'string' || typeof trec !== 'string') throw new KhabarError('USAGE', 'search --batch <queries.tsv> needs --trec <run-file>');
      const r = await runBatch(store, batch, trec, intFlag(flags, 'top', 1000));
      out.write(`${r.queries} queries, ${r.lines} lines written to ${trec}\n`);
      return;
    }
    if (positionals.length !== 1) throw new KhabarError('USAGE', 'search takes one query: khabar search "<query>" (quote it)');
    const request: SearchRequest = {
      q: positionals[0]!, limit: intFlag(flags, 'limit', 10), offset: intFlag(flags, 'offset', 0), highlight: true,
    };
    for (const key of ['service', 'agency', 'tag', 'from', 'to'] as const) {
      const v = flags.get(key);
      if (typeof v === 'string') request[key] = v;
    }
    const sort = flags.get('sort');
    if (sort === 'date' || sort === 'relevance') request.sort = sort;
    else if (sort !== undefined) throw new KhabarError('USAGE', `--sort takes relevance or date, not ${String(sort)}`);
    const result = await store.search(request);
    if (flags.has('json')) {
      out.write(JSON.stringify(result) + '\n');
      return;
    }
    out.write(`${result.total} stories\n`);
    result.hits.forEach((h, i) => {
      const s = h.story;
      const snippet = h.highlights?.find((x) => x.field !== 'headline')?.text.replace(/\s+/g, ' ') ?? '';
      out.write(`\n${request.offset! + i + 1}. ${s.headline}\n   ${[s.service, s.agency, s.versionCreated ?? s.firstCreated, s.code].filter(Boolean).join(' · ')}\n`);
      if (snippet) out.write(`   ${snippet}\n`);
    });
  } finally {
    await store.close();
  }
}
