/**
 * Where the shared corpora live (../shared/corpus beside the repository, or $KHABAR_SHARED/corpus) and
 * readers for them. Used by evaluations, benchmarks and corpus-wide tests; nothing here ships.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file whether run from src (vitest) or dist (node). */
export const REPO_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(dir: string): string {
  let d = dir;
  while (!existsSync(join(d, 'package.json'))) {
    const up = dirname(d);
    if (up === d) return process.cwd();
    d = up;
  }
  return d;
}

/** The shared folder: $KHABAR_SHARED or ../shared next to the repository. */
export const SHARED_DIR = resolve(process.env.KHABAR_SHARED ?? join(REPO_ROOT, '..', 'shared'));

/** Absolute path of something under shared/corpus. */
export function corpusPath(...parts: string[]): string {
  return join(SHARED_DIR, 'corpus', ...parts);
}

/** True when the named corpus folder or file exists. */
export function hasCorpus(...parts: string[]): boolean {
  return existsSync(corpusPath(...parts));
}

/** The message tests print when they skip for want of a corpus. */
export function missingCorpusMessage(...parts: string[]): string {
  return `skipped: ${corpusPath(...parts)} is absent (the shared corpora live in ../shared/corpus)`;
}

/** Every file under `dir`, recursively, sorted for determinism. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** ISNA article files (`isna/<service>/*.txt`). */
export function isnaFiles(): string[] {
  return listFiles(corpusPath('isna')).filter((f) => f.endsWith('.txt') && !f.endsWith('SOURCE.txt'));
}

/** Hamshahri documents (`hamshahri-ir/docs/<year>/<DOCNO>.ham`). */
export function hamshahriFiles(): string[] {
  return listFiles(corpusPath('hamshahri-ir', 'docs')).filter((f) => f.endsWith('.ham'));
}

/** Reads a corpus file as UTF-8. */
export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
