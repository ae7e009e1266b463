/**
 * Runs the cases of Hazm's own test suite (hazm-tests-gold.tsv: suite, function, input(json),
 * expected(json), xfail) against khabar and reports the pass share per suite.
 */
import { readFileSync } from 'node:fs';
import { runHazmNormalizerCase, HAZM_NORMALIZER_DISAGREEMENTS } from './hazm-normalizer.js';
import { runHazmMorphologyCase } from './hazm-morphology.js';

/** One case from the gold file and khabar's answer. */
export interface HazmCaseResult {
  suite: string;
  fn: string;
  input: unknown;
  expected: unknown;
  actual: unknown;
  xfail: boolean;
  pass: boolean;
  /** Why khabar's answer differs and is the better one, when it is. */
  reason?: string;
}

/** Maps Hazm's suite names to the four groups the issue reports. */
function groupOf(suite: string): string {
  if (suite.includes('normalizer')) return 'normalizer';
  if (suite.includes('tokenizer') || suite.includes('token_splitter')) return 'tokenizer';
  if (suite.includes('stemmer')) return 'stemmer';
  if (suite.includes('lemmatizer')) return 'lemmatizer';
  return suite;
}

/** Runs every case in a Hazm-layout gold file. */
export function evalHazmGold(path: string): HazmCaseResult[] {
  const lines = readFileSync(path, 'utf8').replace(/\r/g, '').split('\n').filter(Boolean);
  const results: HazmCaseResult[] = [];
  for (const line of lines.slice(1)) {
    const [suite = '', fn = '', rawInput = 'null', rawExpected = 'null', xfail = 'False'] = line.split('\t');
    const input: unknown = JSON.parse(rawInput);
    const expected: unknown = JSON.parse(rawExpected);
    const group = groupOf(suite);
    let actual: unknown;
    try {
      actual = group === 'normalizer' ? runHazmNormalizerCase(fn, input) : runHazmMorphologyCase(fn, input);
    } catch (e) {
      actual = `threw ${(e as Error).message}`;
    }
    const pass = JSON.stringify(actual) === JSON.stringify(expected);
    const reason = pass ? undefined : (HAZM_NORMALIZER_DISAGREEMENTS as Record<string, string>)[String(input)];
    results.push({ suite: group, fn, input, expected, actual, xfail: xfail === 'True', pass, ...(reason ? { reason } : {}) });
  }
  return results;
}

/** Plain-text report: pass share per group (xfail rows apart), then every difference. */
export function formatHazmGold(results: HazmCaseResult[]): string {
  const out: string[] = ['Hazm gold tests (hazm-tests-gold.tsv)', '', 'suite         passed   share   (xfail rows: passed/total)'];
  const groups = [...new Set(results.map((r) => r.suite))];
  for (const g of groups) {
    const rows = results.filter((r) => r.suite === g && !r.xfail);
    const xf = results.filter((r) => r.suite === g && r.xfail);
    const passed = rows.filter((r) => r.pass).length;
    const share = rows.length ? ((100 * passed) / rows.length).toFixed(1) + '%' : '-';
    out.push(`${g.padEnd(13)} ${`${passed}/${rows.length}`.padStart(6)}  ${share.padStart(6)}   (${xf.filter((r) => r.pass).length}/${xf.length})`);
  }
  const diffs = results.filter((r) => !r.pass);
  if (diffs.length) {
    out.push('', 'Differences:');
    for (const r of diffs) {
      out.push(`- [${r.suite}${r.xfail ? ', xfail' : ''}] ${r.fn} ${JSON.stringify(r.input)}: expected ${JSON.stringify(r.expected)}, khabar ${JSON.stringify(r.actual)}` +
        (r.reason ? `\n    why khabar's answer stands: ${r.reason}` : ''));
    }
  }
  return out.join('\n');
}
