/**
 * `khabar import` as a user runs it: a real process over files in every format, into a SQLite file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusPath, hasCorpus, missingCorpusMessage } from '../bench/corpus.js';
import { createStory, toNinjs, writeWire } from '../src/story/index.js';

const DIST = resolve(import.meta.dirname, '..', 'dist', 'src');
const MAIN = join(DIST, 'cli', 'main.js');

const khabarImport = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [MAIN, 'import', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** Opens the database the way the store does, read-only, for counts and checks. */
async function openStore(path: string) {
  const { openSqliteStore } = (await import(pathToFileURL(join(DIST, 'store', 'index.js')).href)) as typeof import('../src/store/index.js');
  return openSqliteStore(path);
}

function integrity(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string);
  } finally {
    db.close();
  }
}

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'khabar-cli-import-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const wire = (n: number): string => writeWire(createStory({
  headline: `تیتر آزمایشی شماره ${n}`,
  lead: `لید خبر ${n} درباره بارش باران در شهر.`,
  body: [`پاراگراف نخست خبر ${n}.`, 'پاراگراف دوم.'],
  service: 'سرویس استان‌ها',
  agency: 'خبرگزاری آران',
  endMarker: 'پایان پیام.',
}));

/** One small file per format (10 stories in all), written here. */
function writeFixtures(dir: string): number {
  writeFileSync(join(dir, 'dump.txt'), [wire(1), wire(2)].join('\n'));
  const ninjs = (h: string) => toNinjs(createStory({ headline: h, body: ['متن خبر.'] }));
  writeFileSync(join(dir, 'one.json'), JSON.stringify(ninjs('خبر نینجس یک')));
  writeFileSync(join(dir, 'many.jsonl'), `${JSON.stringify(ninjs('خبر جی‌سان‌ال یک'))}\n\n${JSON.stringify(ninjs('خبر جی‌سان‌ال دو'))}\n`);
  writeFileSync(join(dir, 'samples.csv'), 'news_id,category,date,url,title,introtext,text,tags\n'
    + '77,اخبار ورزشی,۱۴ شهریور ۱۴۰۴ - ۱۲:۵۶,https://www.tasnimnews.com/fa/news/77,تیتر تسنیم,لید,بند یک [n] بند دو,فوتبال\n');
  mkdirSync(join(dir, 'ham', '2003'), { recursive: true });
  writeFileSync(join(dir, 'ham', '2003', 'HAM2-820306-001.ham'), 'نگاه\nشهر در بهار زيباست و مردم به پارك\u00A0ها مي روند.\n');
  mkdirSync(join(dir, 'isna', 'sport'), { recursive: true });
  writeFileSync(join(dir, 'isna', 'sport', '15.txt'), 'تیم ملی برد\nلید خبر ورزشی\nمتن خبر ورزشی.\nانتهای پیام\n');
  writeFileSync(join(dir, 'fars.json'), JSON.stringify([{ title: 'خبر فارس', abstract: 'لید', paragraphs: ['متن'], cat: 'sports', subcat: '', tags: ['ورزش'], link: 'https://www.farsnews.ir/news/14000101000001' }]));
  writeFileSync(join(dir, 'in.txt'), "roozno_data###تیتر روزنو###http://roozno.com/fa/news/5###[]###2020-02-12 10:40:00###۵###['برچسب']\n1\n1\tجمله نخست.\n2\tجمله دوم.\n");
  writeFileSync(join(dir, 'README.md'), 'not a story');
  return 10;
}

describe('khabar import (spawned)', () => {
  it('imports every format into a database, and a second run stores nothing twice', async () => {
    const dir = tempDir();
    const expected = writeFixtures(dir);
    const db = join(dir, 'db', 'k.db');
    const first = khabarImport([dir, '--db', db]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(`stored ${expected} stories (total ${expected})`);
    expect(first.out).toContain(`stories: ${expected} created, 0 updated, 0 unchanged`);
    expect(first.out).toContain('files read: 8\n');
    const second = khabarImport([dir], { KHABAR_DB: db });
    expect(second.code).toBe(0);
    expect(second.out).toContain(`stories: 0 created, 0 updated, ${expected} unchanged`);
    const store = await openStore(db);
    try {
      expect(await store.countStories()).toBe(expected);
      const ham = await store.getStory({ source: { name: 'hamshahri', id: 'HAM2-820306-001' } });
      expect(ham?.story.firstCreated).toBe('2003-05-26T19:30:00Z');
      expect(ham?.story.body[0]).toContain('پارك\u00A0ها');
      expect((await store.getStory({ source: { name: 'iranian-news', id: 'roozno/5' } }))?.story.body).toHaveLength(2);
      expect((await store.getStory({ source: { name: 'isna', id: 'sport/15.txt' } }))?.story.service).toBe('سرویس ورزشی');
    } finally {
      await store.close();
    }
  });

  it('reports bad files (missing, wrong forced format, empty, broken UTF-8, a 20 MB story) and stores the rest; exit 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-good.txt'), wire(1));
    writeFileSync(join(dir, 'b-empty.txt'), '');
    writeFileSync(join(dir, 'c-blank.txt'), '\n \n');
    // A lone continuation byte and a truncated sequence inside an otherwise good story.
    writeFileSync(join(dir, 'd-bytes.txt'), Buffer.concat([Buffer.from(wire(2).slice(0, 20)), Buffer.from([0x80, 0xd8]), Buffer.from(wire(2).slice(20))]));
    // 20 MB in one paragraph: over the story's paragraph limit, so an error for that story.
    writeFileSync(join(dir, 'e-huge.txt'), wire(3).replace('پاراگراف دوم.', 'خبر '.repeat(2_500_000)));
    const db = join(dir, 'k.db');
    const r = khabarImport([dir, join(dir, 'zz-missing.txt'), '--db', db, '--verbose']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/b-empty\.txt: the file is empty/);
    expect(r.err).toMatch(/c-blank\.txt: the file is empty/);
    expect(r.err).toMatch(/d-bytes\.txt:1: warning invalid UTF-8/);
    expect(r.err).toMatch(/e-huge\.txt:1: .*\[INVALID_INPUT\]/);
    expect(r.err).toMatch(/zz-missing\.txt: cannot read: ENOENT/);
    expect(r.err).toMatch(/khabar import: 4 error\(s\)/);
    expect(r.out).toContain('stories: 2 created');
    const store = await openStore(db);
    expect(await store.countStories()).toBe(2);
    await store.close();
    expect(integrity(db)).toBe('ok');

    const forced = khabarImport([join(dir, 'a-good.txt'), '--format', 'ninjs', '--db', db]);
    expect(forced.code).toBe(1);
    expect(forced.err).toMatch(/a-good\.txt: not valid JSON/);
    const usage = khabarImport([dir, '--format', 'docx']);
    expect(usage.code).toBe(2);
  });

  it.skipIf(!hasCorpus('hamshahri-ir', 'docs'))('imports the whole Hamshahri collection (5,375 documents)', async () => {
    const dir = tempDir();
    const db = join(dir, 'ham.db');
    const r = khabarImport([corpusPath('hamshahri-ir', 'docs'), '--db', db]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('stories: 5375 created');
    const store = await openStore(db);
    try {
      expect(await store.countStories()).toBe(5375);
      const s = await store.getStory({ source: { name: 'hamshahri', id: 'HAM2-820306-001' } });
      expect(s?.story.firstCreated).toBe('2003-05-26T19:30:00Z');
      expect(s?.story.agency).toBe('همشهری');
    } finally {
      await store.close();
    }
  });
  if (!hasCorpus('hamshahri-ir', 'docs')) it('Hamshahri corpus import', () => console.log(missingCorpusMessage('hamshahri-ir', 'docs')));
});
