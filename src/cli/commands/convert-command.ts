/**
 * `khabar convert <file|-> --to wire|ninjs|newsml`: one format of a story into another. The input
 * format is detected: JSON is ninjs (one document, or an array of them), anything else is wire text
 * (one story or a dump of several). Parser warnings go to stderr with their line numbers.
 */
import { KhabarError } from '../../errors/index.js';
import { fromNinjs, parseWireStream, toNewsML, toNinjs, writeWire } from '../../story/index.js';
import type { Story } from '../../story/index.js';
import { parseArgs } from '../args.js';
import { readTextInput } from '../io.js';
import type { Out } from '../out.js';

const TARGETS = ['wire', 'ninjs', 'newsml'] as const;
type Target = (typeof TARGETS)[number];

/** Reads stories from text in any input format khabar knows. */
export function readStories(text: string, name: string, out: Out): Story[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (e) {
      throw new KhabarError('INVALID_INPUT', `${name}: not valid JSON (${(e as Error).message})`);
    }
    return (Array.isArray(json) ? json : [json]).map((doc) => fromNinjs(doc));
  }
  if (trimmed.startsWith('<')) {
    throw new KhabarError('INVALID_INPUT', `${name}: looks like XML; khabar reads wire text and ninjs, and writes NewsML-G2`);
  }
  const stories: Story[] = [];
  for (const item of parseWireStream(text)) {
    if ('error' in item) throw new KhabarError(item.error.code, `${name}, story at line ${item.line}: ${item.error.message}`);
    for (const w of item.warnings) out.warn?.(`${name}:${w.line}: warning [${w.code}] ${w.message}\n`);
    stories.push(item.story);
  }
  return stories;
}

/** Writes stories in the target format. */
export function writeStories(stories: Story[], to: Target): string {
  if (to === 'wire') return stories.map(writeWire).join('\n');
  if (to === 'ninjs') {
    const docs = stories.map(toNinjs);
    return JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2) + '\n';
  }
  if (stories.length !== 1) {
    throw new KhabarError('USAGE', `a NewsML-G2 newsItem holds one story; this input has ${stories.length}`);
  }
  // A NewsML-G2 item needs a version time; wire text and bare ninjs often carry none, so the time of
  // conversion stands in, as it does for an agency re-sending a story it received.
  const story = stories[0]!;
  return toNewsML(story.versionCreated || story.firstCreated ? story : { ...story, versionCreated: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
}

/** The `convert` command. */
export function convertCommand(argv: readonly string[], out: Out): void {
  const { positionals, flags } = parseArgs(argv, ['to'], []);
  const to = flags.get('to');
  if (typeof to !== 'string' || !(TARGETS as readonly string[]).includes(to)) {
    throw new KhabarError('USAGE', `convert needs --to ${TARGETS.join('|')}${to ? `, not "${String(to)}"` : ''}`);
  }
  if (positionals.length > 1) throw new KhabarError('USAGE', 'convert takes one file (or - for standard input)');
  const name = positionals[0] ?? '-';
  const stories = readStories(readTextInput(name), name === '-' ? 'stdin' : name, out);
  out.write(writeStories(stories, to as Target));
}
