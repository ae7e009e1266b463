/** `khabar normalize`, `khabar analyze`, `khabar lemma`: the Persian text layer from the shell. */
import { analyze, lemmatize, normalize } from '../../analysis/index.js';
import type { AnalyzerName } from '../../analysis/index.js';
import { KhabarError } from '../../errors/index.js';
import { parseArgs } from '../args.js';
import { readTextInput } from '../io.js';

export type { Out } from '../out.js';
import type { Out } from '../out.js';

/** `khabar normalize [file|-]`: prints the text as the editorial normalizer leaves it. */
export function normalizeCommand(argv: readonly string[], out: Out): void {
  const { positionals } = parseArgs(argv, [], []);
  if (positionals.length > 1) throw new KhabarError('USAGE', 'normalize takes at most one file');
  const text = readTextInput(positionals[0]);
  const result = normalize(text);
  out.write(result.endsWith('\n') ? result : result + '\n');
}

/** `khabar analyze [file|-] [--json] [--analyzer fa|fa-exact]`: prints the tokens. */
export function analyzeCommand(argv: readonly string[], out: Out): void {
  const { positionals, flags } = parseArgs(argv, ['analyzer'], ['json']);
  if (positionals.length > 1) throw new KhabarError('USAGE', 'analyze takes at most one file');
  const analyzer = (flags.get('analyzer') ?? 'fa') as AnalyzerName;
  const tokens = analyze(readTextInput(positionals[0]), { analyzer });
  if (flags.has('json')) {
    out.write(JSON.stringify(tokens) + '\n');
    return;
  }
  const lines = tokens.map((t) => `${t.position}\t${t.start}-${t.end}\t${t.text}\t${t.term}`);
  out.write(lines.join('\n') + (lines.length ? '\n' : ''));
}

/** `khabar lemma <word…>`: each word and its lemma in the UD PerDT convention (verbs as past#present). */
export function lemmaCommand(argv: readonly string[], out: Out): void {
  const { positionals } = parseArgs(argv, [], []);
  if (positionals.length === 0) throw new KhabarError('USAGE', 'lemma needs at least one word: khabar lemma <word…>');
  const words = positionals.flatMap((p) => p.split(/\s+/).filter(Boolean));
  out.write(words.map((w) => `${w}\t${lemmatize(w)}`).join('\n') + '\n');
}
