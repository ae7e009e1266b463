/**
 * `npm run bench:analysis`: characters per second of `normalize` and `analyze` (fa, fa-exact) on the ISNA
 * text, one core, next to a naive regex tokenizer measured in the same run on the same text.
 * Writes bench/results/analysis.md. Anchors (from the issue, measured elsewhere on this kind of machine):
 * Lucene 8.8 PersianAnalyzer ≈ 55 M chars/s (no stemming), Hazm Normalizer 2.0 M, Hazm tokenizer +
 * lemmatizer 8.2 M.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, forEachToken, normalize } from '../src/analysis/index.js';
import { hasCorpus, isnaFiles, readText, REPO_ROOT } from './corpus.js';
import { machineLine } from './machine.js';

if (!hasCorpus('isna')) {
  console.log('skipped: ../shared/corpus/isna is absent; bench:analysis needs the ISNA text');
  process.exit(0);
}

const docs = isnaFiles().map(readText);
const text = docs.join('\n\n');
const MB = text.length / 1e6;
console.log(`ISNA text: ${isnaFiles().length} files, ${MB.toFixed(1)} M chars. ${machineLine()}`);

/** Median chars/s over `runs` timed runs after one warm-up. */
function measure(label: string, fn: () => unknown, runs = 5): { label: string; rate: number } {
  fn();
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    rates.push(text.length / s);
  }
  rates.sort((a, b) => a - b);
  const rate = rates[Math.floor(rates.length / 2)]!;
  console.log(`${label.padEnd(44)} ${(rate / 1e6).toFixed(1).padStart(7)} M chars/s`);
  return { label, rate };
}

const naive = /[\p{L}\p{M}\u200c]+|\p{N}+/gu;
let sink = 0;
// Per document, as an indexer or a copy desk calls them; and once on the whole text as one string.
const rows = [
  measure('naive regex tokenizer (match words)', () => { for (const d of docs) sink += (d.match(naive) ?? []).length; }),
  measure('naive regex tokenizer + lower-cased terms', () => {
    for (const d of docs) for (const m of d.matchAll(naive)) sink += m[0].toLowerCase().length;
  }),
  measure('khabar normalize (per document)', () => { for (const d of docs) sink += normalize(d).length; }),
  measure('khabar normalize (whole text as one string)', () => { sink += normalize(text).length; }),
  measure('khabar analyze fa (per document, token arrays)', () => { for (const d of docs) sink += analyze(d).length; }),
  measure('khabar analyze fa-exact (per document, token arrays)', () => {
    for (const d of docs) sink += analyze(d, { analyzer: 'fa-exact' }).length;
  }),
  measure('khabar analyze fa (whole text, streaming forEachToken)', () => { forEachToken(text, () => { sink++; }); }),
];
if (sink < 0) console.log(sink);

const naiveRate = rows[0]!.rate;
const table = [
  '| what | M chars/s | vs naive regex |',
  '|---|---:|---:|',
  ...rows.map((r) => `| ${r.label} | ${(r.rate / 1e6).toFixed(1)} | ${(r.rate / naiveRate).toFixed(2)}× |`),
].join('\n');
const doc = `# Analysis throughput\n\n\`npm run bench:analysis\`, ${new Date().toISOString().slice(0, 10)}: ${machineLine()}.\n` +
  `Text: the ISNA corpus (${isnaFiles().length} articles, ${MB.toFixed(1)} M UTF-16 chars), one core, median of 5 runs after a warm-up; per-document rows call the function once per article.\n\n` +
  `${table}\n\nTargets: normalize ≥ 30 M chars/s, analyze ≥ 10 M chars/s. Anchors measured elsewhere on the same kind of machine ` +
  `(not in this run): Lucene 8.8 PersianAnalyzer ≈ 55 M chars/s (no stemming), Hazm Normalizer 2.0 M, Hazm tokenizer + lemmatizer 8.2 M.\n`;
mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(REPO_ROOT, 'bench', 'results', 'analysis.md'), doc);
console.log('\nwritten: bench/results/analysis.md');
