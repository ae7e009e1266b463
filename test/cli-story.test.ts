/** `khabar convert` and `khabar date` as a user runs them: a real process, files, stdin, exit codes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_STANDARDS, ninjsValidator, validateNewsML } from './support/validators.js';
import { runKhabar } from './support/cli.js';

const khabar = (args: string[], input = '') => runKhabar(args, { input });

const STORY = [
  'تیتر خبر آزمایشی درباره بازار', '', 'لید کوتاه خبر.', '', 'سرویس اقتصادی / خبرگزاری آران', '',
  'خبرگزاری آران / سرویس اقتصادی : پاراگراف اول با <b>تگ</b> و & .', '', 'پاراگراف دوم.', '', 'پایان پیام.', '',
].join('\r\n');

describe('khabar convert', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-convert-'));
  const file = join(dir, 'story.txt');
  writeFileSync(file, '\uFEFF' + STORY);

  it('wire → ninjs → wire gives the same wire text', () => {
    const ninjs = khabar(['convert', file, '--to', 'ninjs']);
    expect(ninjs.code).toBe(0);
    const doc = JSON.parse(ninjs.out) as { headlines: Array<{ value: string }> };
    expect(doc.headlines[0]!.value).toBe('تیتر خبر آزمایشی درباره بازار');
    if (HAVE_STANDARDS) expect(ninjsValidator()(doc)).toBeUndefined();
    const back = khabar(['convert', '-', '--to', 'wire'], ninjs.out);
    expect(back.code).toBe(0);
    expect(back.out).toBe(STORY.replace(/\r\n/g, '\n').trimEnd() + '\n');
  });
  it('wire → NewsML-G2 validates', () => {
    const r = khabar(['convert', file, '--to', 'newsml']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('<newsItem');
    if (HAVE_STANDARDS) expect(validateNewsML([r.out])).toEqual([]);
  });
  it('prints parser warnings on stderr with line numbers', () => {
    const r = khabar(['convert', '-', '--to', 'wire'], 'تیتر\n\nمتن بی‌پایان');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/stdin:\d+: warning \[no-end-marker\]/);
  });
  it('converts a dump of several stories; NewsML refuses more than one', () => {
    const dump = `${STORY}\r\n${STORY.replace('تیتر خبر', 'تیتر دوم')}`;
    const r = khabar(['convert', '-', '--to', 'ninjs'], dump);
    expect(JSON.parse(r.out)).toHaveLength(2);
    const n = khabar(['convert', '-', '--to', 'newsml'], dump);
    expect(n.code).toBe(2);
    expect(n.err).toMatch(/one story; this input has 2/);
  });
  it('errors go to stderr with a non-zero exit', () => {
    expect(khabar(['convert', file]).err).toMatch(/--to wire\|ninjs\|newsml/);
    expect(khabar(['convert', file, '--to', 'pdf']).code).toBe(2);
    const missing = khabar(['convert', join(dir, 'nope.txt'), '--to', 'ninjs']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read/);
    expect(khabar(['convert', '-', '--to', 'wire'], '{"headlines": 5}').err).toMatch(/ninjs\.\w+/);
    expect(khabar(['convert', '-', '--to', 'wire'], '{ not json').err).toMatch(/not valid JSON/);
    expect(khabar(['convert', '-', '--to', 'wire'], '<newsItem/>').err).toMatch(/XML/);
    expect(khabar(['convert', '-', '--to', 'ninjs'], '\u0000\u0001binary').err).toMatch(/binary/);
    expect(khabar(['convert', '-', '--to', 'ninjs'], '   \n ').err).toMatch(/empty/);
    writeFileSync(join(dir, 'big.txt'), 'تیتر\n\n' + 'الف '.repeat(600_000));
    expect(khabar(['convert', join(dir, 'big.txt'), '--to', 'ninjs']).err).toMatch(/body\[0\]: Too big/);
    expect(readFileSync(file, 'utf8')).toBe('\uFEFF' + STORY);
  });
});

describe('khabar date', () => {
  it('prints the UTC instant and the Jalali rendering', () => {
    const r = khabar(['date', 'پنجشنبه ۳۰ مرداد ۱۴۰۴ - ۱۵:۰۱']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual(['2025-08-21T11:31:00.000Z', 'پنجشنبه ۳۰ مرداد ۱۴۰۴، ساعت ۱۵:۰۱']);
    expect(khabar(['date', '1404/06/14 - 13:30:24']).out.split('\n')[0]).toBe('2025-09-05T10:00:24.000Z');
  });
  it('names what it could not read', () => {
    const r = khabar(['date', '۱۴ شهرپور ۱۴۰۴']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/شهرپور/);
    expect(khabar(['date']).code).toBe(2);
  });
});
