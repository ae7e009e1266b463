/**
 * Every date string in ../shared/corpus/agency-samples (real Tasnim and Khabaronline pages) parses, and
 * where the story's URL carries its Jalali date (Tasnim: /fa/news/1404/06/14/…) the parsed Tehran date
 * is that date. The corpus stays in ../shared (DESIGN.md §6); without it the test is skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJalali } from './format-jalali.js';
import { parseJalaliDate, parseJalaliDateDetailed } from './parse-jalali.js';
import { parseCsvRecords } from '../sources/csv.js';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const SAMPLES = join(CORPUS, 'agency-samples');
const IR_NEWS = join(CORPUS, 'iranian-news/docs');
const hasSamples = existsSync(SAMPLES);
const hasIrNews = existsSync(IR_NEWS);
if (!hasSamples) console.warn(`skipping the agency-samples date test: ${SAMPLES} is absent`);
if (!hasIrNews) console.warn(`skipping the iranian-news date test: ${IR_NEWS} is absent`);

interface Row {
  file: string;
  date: string;
  url: string;
}

function rows(): Row[] {
  return readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .flatMap((file) => parseCsvRecords(readFileSync(join(SAMPLES, file), 'utf8')).map((r) => ({ file, date: r.date ?? '', url: r.url ?? '' })));
}

describe('agency-samples dates', () => {
  it.skipIf(!hasSamples)('every date string parses; URL dates agree; format → parse returns the instant', () => {
    const all = rows();
    expect(all.length).toBeGreaterThanOrEqual(40);
    let withUrlDate = 0;
    for (const row of all) {
      expect(row.date, `${row.file}: empty date`).not.toBe('');
      const parsed = parseJalaliDateDetailed(row.date);
      expect(parsed.hasTime, row.date).toBe(true);
      // Round trip through the Persian rendering, at minute precision (what the sites print).
      expect(parseJalaliDate(formatJalali(parsed.instant)).getTime(), row.date).toBe(parsed.instant.getTime());
      const m = /\/(1[2-6]\d\d)\/(\d\d)\/(\d\d)\//.exec(decodeURI(row.url));
      if (m) {
        withUrlDate++;
        expect([parsed.year, parsed.month, parsed.day], `${row.date} vs ${row.url}`).toEqual([Number(m[1]), Number(m[2]), Number(m[3])]);
      }
    }
    // Pages without a URL date (Khabaronline): a file is one crawl, so its stories span a few days at most.
    for (const file of new Set(all.map((r) => r.file))) {
      const times = all.filter((r) => r.file === file).map((r) => parseJalaliDate(r.date).getTime());
      expect(Math.max(...times) - Math.min(...times), file).toBeLessThan(7 * 86_400_000);
    }
    console.info(`agency-samples: ${all.length} date strings parsed, ${withUrlDate} matched to the date in their URL`);
    expect(withUrlDate).toBeGreaterThanOrEqual(20);
  });
});

describe('iranian-news dates (Gregorian "YYYY-MM-DD HH:MM:SS", Tehran local time)', () => {
  it.skipIf(!hasIrNews)('every date parses and falls in 1398–1399 AP (2019-11 … 2020-06)', () => {
    const files = readdirSync(IR_NEWS).filter((f) => f.endsWith('.txt'));
    let parsed = 0;
    for (const f of files) {
      const header = readFileSync(join(IR_NEWS, f), 'utf8').split('\n', 1)[0]!;
      const date = header.split('###')[4] ?? '';
      const d = parseJalaliDateDetailed(date);
      expect([1398, 1399], `${f}: ${date}`).toContain(d.year);
      expect(d.calendar).toBe('gregorian');
      parsed++;
    }
    console.info(`iranian-news: ${parsed} date strings parsed`);
    expect(parsed).toBe(files.length);
  });
});
