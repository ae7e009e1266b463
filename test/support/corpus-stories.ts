/** Stories from the shared corpora through khabar's own source mappers, for tests and benchmarks. */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { corpusPath, isnaFiles, readText } from '../../bench/corpus.js';
import { fromFarsNewsRecord, fromIsnaText } from '../../src/story/index.js';
import type { Story } from '../../src/story/index.js';

/** The first `count` ISNA stories, spread evenly over the five services (all when count is omitted). */
export function isnaStories(count = Infinity): Story[] {
  const byService = new Map<string, string[]>();
  for (const f of isnaFiles()) {
    const service = basename(dirname(f));
    byService.set(service, [...(byService.get(service) ?? []), f]);
  }
  const per = Math.ceil(count / byService.size);
  return [...byService.entries()].flatMap(([service, files]) =>
    files.slice(0, per).map((f) => fromIsnaText(readText(f), service, basename(f)))).slice(0, count);
}

/** The first `count` Fars News stories (all when omitted). */
export function farsStories(count = Infinity): Story[] {
  const dir = corpusPath('farsnews');
  const out: Story[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const [i, r] of (JSON.parse(readText(join(dir, file))) as unknown[]).entries()) {
      if (out.length >= count) return out;
      out.push(fromFarsNewsRecord(r, i));
    }
  }
  return out;
}
