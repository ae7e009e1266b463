/** The `khabar` text commands as a user runs them: a real process, stdin, files, exit codes. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKhabar } from './support/cli.js';

const khabar = (args: string[], input?: string) => runKhabar(args, { input: input ?? '' });

describe('khabar CLI: text commands', () => {
  it('normalize reads stdin: the issue example', () => {
    const r = khabar(['normalize'], 'همکاریهای دو کشور می داند\n');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('همکاری‌های دو کشور می‌داند\n');
  });
  it('normalize and analyze read a file; analyze --json gives tokens with offsets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-cli-'));
    const file = join(dir, 'story.txt');
    writeFileSync(file, '\uFEFFكتابهاي تازه');
    expect(khabar(['normalize', file]).out).toBe('کتاب‌های تازه\n');
    const r = khabar(['analyze', file, '--json', '--analyzer', 'fa-exact']);
    expect(r.code).toBe(0);
    const tokens = JSON.parse(r.out) as Array<{ text: string; term: string; start: number; end: number }>;
    expect(tokens.map((t) => [t.text, t.term, t.start, t.end])).toEqual([['كتابهاي', 'کتابهای', 0, 7], ['تازه', 'تازه', 8, 12]]);
  });
  it('analyze prints a readable table by default', () => {
    const r = khabar(['analyze', '-'], 'کتاب‌ها');
    expect(r.out).toBe('0\t0-7\tکتاب‌ها\tکتاب\n');
  });
  it('lemma prints each word with its UD lemma', () => {
    const r = khabar(['lemma', 'می‌روم', 'افراد']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('می‌روم\tرفت#رو\nافراد\tفرد\n');
  });
  it('reports errors on stderr with a non-zero exit', () => {
    const missing = khabar(['normalize', '/nonexistent/story.txt']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read \/nonexistent\/story.txt/);
    expect(khabar(['frobnicate']).code).toBe(2);
    expect(khabar(['lemma']).err).toMatch(/needs at least one word/);
    expect(khabar(['analyze', '--analyzer', 'xx', '-'], 'متن').err).toMatch(/unknown analyzer "xx"/);
    expect(khabar(['analyze', '--bogus']).code).toBe(2);
  });
  it('help lists the commands', () => {
    const r = khabar(['help']);
    expect(r.out).toMatch(/khabar normalize/);
    expect(r.out).toMatch(/khabar lemma/);
  });
});
