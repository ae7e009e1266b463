/**
 * Enforces DESIGN.md §4: a module imports another only through its index.ts and only downward in
 * errors ← analysis ← story ← search ← store ← newsroom ← server ← cli; analysis, story and search stay
 * pure (no node:* and no packages) so they run in a browser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const ORDER = ['errors', 'analysis', 'story', 'search', 'store', 'newsroom', 'server', 'cli'];
const PURE = new Set(['analysis', 'story', 'search']);
/** Packages a pure module may use: zod (schema validation, runs in browsers). */
const PURE_PACKAGES = new Set<string>(['zod']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

function importsOf(code: string): string[] {
  const specs: string[] = [];
  const re = /(?:^|[^.\w])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs;
}

function moduleOf(file: string): string {
  return relative(SRC, file).split(sep)[0]!;
}

const violations: string[] = [];
for (const file of sourceFiles(SRC)) {
  const from = moduleOf(file);
  const isTest = file.endsWith('.test.ts');
  for (const spec of importsOf(readFileSync(file, 'utf8'))) {
    const where = relative(ROOT, file);
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      const to = relative(SRC, target).split(sep)[0]!;
      if (to === from) continue;
      if (!ORDER.includes(to)) {
        // Tests may use the corpus readers and evaluation code in bench/ and test/; shipped code may not.
        if (isTest && !relative(ROOT, target).startsWith('src')) continue;
        violations.push(`${where}: imports ${spec}, outside src modules`);
        continue;
      }
      const rest = relative(join(SRC, to), target);
      if (rest !== 'index.js' && rest !== 'index.ts' && rest !== 'index') {
        violations.push(`${where}: imports ${spec}; go through src/${to}/index.ts`);
      }
      if (ORDER.indexOf(to) > ORDER.indexOf(from)) {
        violations.push(`${where}: ${from} imports ${to}, which is above it (DESIGN.md §4)`);
      }
    } else if (PURE.has(from) && !isTest) {
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      if (spec.startsWith('node:') || !PURE_PACKAGES.has(pkg)) {
        violations.push(`${where}: pure module ${from} imports ${spec}`);
      }
    }
  }
}

describe('module boundaries (DESIGN.md §4)', () => {
  it('every src folder is a known module', () => {
    const dirs = readdirSync(SRC).filter((d) => statSync(join(SRC, d)).isDirectory());
    expect(dirs.filter((d) => !ORDER.includes(d))).toEqual([]);
  });
  it('imports go through index.ts, downward only, and pure modules import no node:* or packages', () => {
    expect(violations).toEqual([]);
  });
  it('the checker sees imports (guards against a regex that matches nothing)', () => {
    expect(importsOf(`import { a } from '../x/index.js';\nexport { b } from './b.js';\nconst m = await import('node:fs');`))
      .toEqual(['../x/index.js', './b.js', 'node:fs']);
  });
});
