/**
 * `khabar search` as a user runs it: import a few stories, search interactively and in batch mode (the
 * batch ranks exactly as the interactive search), and bad queries get clear errors with the database unharmed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runKhabar } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'khabar-search-cli-'));
const db = join(dir, 'k.db');
const khabar = (args: string[]) => runKhabar([...args, '--db', db], { env: { KHABAR_DB: '' } });

const story = (i: number, headline: string, text: string, service = 'سرویس اقتصادی') =>
  `${headline}\n\nلید خبر شماره ${i}.\n\n${service} / خبرگزاری آران\n\nخبرگزاری آران / ${service} : ${text}\n\nپایان پیام.\n`;

writeFileSync(join(dir, 'stories.txt'), [
  story(1, 'گسترش همکاری‌های اقتصادی دو کشور', 'وزیران دربارهٔ همکاری‌های تجاری و صادرات گفت‌وگو کردند.'),
  story(2, 'همکاریهای فرهنگی ایران و ارمنستان', 'نمایشگاه کتاب‌ها در ایروان برپا شد.', 'سرویس فرهنگی'),
  story(3, 'قیمت طلا در بازار تهران', 'کارشناسان می‌گویند قیمت‌ها کاهش می‌یابد.'),
  story(4, 'برگزاری جشنواره فیلم فجر', 'فیلم‌های بخش مسابقه اعلام شد و داوران کار خود را آغاز کردند.', 'سرویس فرهنگی'),
].join('\n'));

describe('khabar search', () => {
  it('imports, then finds «همکاری های» in both spellings with highlights', () => {
    const imp = khabar(['import', join(dir, 'stories.txt')]);
    expect(imp.code, imp.err).toBe(0);
    const r = khabar(['search', 'همکاری های', '--json']);
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out) as { total: number; hits: Array<{ story: { headline: string }; highlights: Array<{ text: string; spans: Array<[number, number]> }> }> };
    expect(result.total).toBe(2);
    const headlines = result.hits.map((h) => h.story.headline);
    expect(headlines).toContain('گسترش همکاری‌های اقتصادی دو کشور');
    expect(headlines).toContain('همکاریهای فرهنگی ایران و ارمنستان');
    const marked = result.hits[0]!.highlights[0]!;
    expect(marked.spans.length).toBeGreaterThan(0);
    expect(marked.text.slice(...marked.spans[0]!)).toMatch(/^همکاری/);
    expect(khabar(['search', 'همکاری', '--service', 'سرویس فرهنگی', '--json']).out).toContain('ارمنستان');
    expect(khabar(['search', 'همکاری service:"سرویس اقتصادی"']).out).toMatch(/^1 stories/);
  });
  it('batch mode ranks exactly as the interactive search does', () => {
    const queries = join(dir, 'q.tsv');
    writeFileSync(queries, '1\tهمکاری\n2\tفیلم جشنواره\n3\tقیمت‌ها\n');
    const run = join(dir, 'run.txt');
    expect(khabar(['search', '--batch', queries, '--trec', run, '--top', '1000']).code).toBe(0);
    const lines = readFileSync(run, 'utf8').trim().split('\n').map((l) => l.split(' '));
    for (const [qid, q] of [['1', 'همکاری'], ['2', 'فیلم جشنواره'], ['3', 'قیمت‌ها']] as const) {
      const interactive = (JSON.parse(khabar(['search', q, '--json', '--limit', '1000']).out) as { hits: Array<{ id: number; story: { code?: number; source?: { id: string } } }> })
        .hits.map((h) => h.story.source?.id ?? String(h.story.code ?? h.id));
      expect(lines.filter((l) => l[0] === qid).map((l) => l[2])).toEqual(interactive);
      expect(interactive.length).toBeGreaterThan(0);
    }
  });
  it('bad queries get clear errors and leave the database unharmed', () => {
    expect(khabar(['search', '   ']).err).toMatch(/empty query/);
    const long = khabar(['search', Array.from({ length: 5000 }, (_, i) => `واژه${i}`).join(' ')]);
    expect(long.code).toBe(1);
    expect(long.err).toMatch(/too long|more than 200 terms/);
    expect(khabar(['search', '"بسته نشده']).err).toMatch(/unclosed quote/);
    expect(khabar(['search', 'foo:bar']).err).toMatch(/unknown filter/);
    expect(khabar(['search', 'طلا', '--limit', '5000']).err).toMatch(/limit must be/);
    expect(khabar(['search', 'طلا', '--from', 'فردا']).err).toMatch(/from/);
    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((check.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n).toBe(4);
    check.close();
  });
});
