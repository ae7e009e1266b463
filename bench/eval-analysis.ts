/**
 * `npm run eval:analysis [-- --lemmas <file.tsv>] [-- --hazm <file.tsv>] [-- --sentences N]`
 *
 * With no file options: Hazm's gold suites, UD lemma accuracy and normalizer restoration on ISNA, all read
 * from ../shared/corpus; the report is printed and written to bench/results/analysis-eval.md.
 * With --lemmas or --hazm: evaluates just that file (any file in that layout) and prints the report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPath, hasCorpus, REPO_ROOT } from './corpus.js';
import { evalHazmGold, formatHazmGold } from './eval/hazm-gold.js';
import { evalLemmas, formatLemmaReport } from './eval/lemmas.js';
import { evalRestoration, formatRestoration } from './eval/restoration.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const lemmaFile = option('lemmas');
const hazmFile = option('hazm');
const sentences = Number(option('sentences') ?? 3000);
const sections: string[] = [];

function section(title: string, body: string): void {
  const text = `## ${title}\n\n\`\`\`\n${body}\n\`\`\`\n`;
  console.log(text);
  sections.push(text);
}

if (lemmaFile || hazmFile) {
  if (hazmFile) section(`Hazm-layout gold: ${hazmFile}`, formatHazmGold(evalHazmGold(hazmFile)));
  if (lemmaFile) section(`Lemmas: ${lemmaFile}`, formatLemmaReport(evalLemmas(lemmaFile)));
} else {
  const missing: string[] = [];
  if (hasCorpus('hazm-resources', 'hazm-tests-gold.tsv')) {
    section('Hazm gold suites', formatHazmGold(evalHazmGold(corpusPath('hazm-resources', 'hazm-tests-gold.tsv'))));
  } else missing.push('hazm-resources/hazm-tests-gold.tsv');
  if (hasCorpus('ud-lemmas', 'form-lemma-upos.derived.tsv')) {
    section('Lemma accuracy on UD PerDT dev+test (no POS input)',
      formatLemmaReport(evalLemmas(corpusPath('ud-lemmas', 'form-lemma-upos.derived.tsv'))));
  } else missing.push('ud-lemmas/form-lemma-upos.derived.tsv');
  if (hasCorpus('isna')) {
    section(`Normalizer restoration on ISNA sentences (${sentences} sentences)`,
      formatRestoration(evalRestoration(corpusPath('isna'), { sentences })));
  } else missing.push('isna/');
  for (const m of missing) console.log(`skipped: ../shared/corpus/${m} is absent`);
  if (sections.length) {
    const dir = join(REPO_ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const header = `# Analysis evaluation\n\nProduced by \`npm run eval:analysis\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}.\n\n`;
    writeFileSync(join(dir, 'analysis-eval.md'), header + sections.join('\n'));
    console.log(`written: bench/results/analysis-eval.md`);
  }
}
