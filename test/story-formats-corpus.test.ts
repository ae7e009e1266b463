/**
 * Real Persian news through khabar's story formats: 500 stories from ../shared/corpus/isna and
 * ../shared/corpus/farsnews (research-only text, read in place, never copied; DESIGN.md §6) become
 * stories via createStory; each one's ninjs validates against the IPTC ninjs 2.2 schema and reads back
 * to the same story, and each one's NewsML-G2 item validates against the 2.35 All-Power XSD (xmllint,
 * one run over all files). Skips with a message when ../shared is absent.
 * Story count: KHABAR_CORPUS_STORIES (default 500, half from each corpus).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { createStory } from '../src/story/story.js';
import type { Story } from '../src/story/story.js';
import { fromNinjs, toNinjs } from '../src/story/ninjs/index.js';
import { toNewsML } from '../src/story/newsml/index.js';
import { toFeedItem } from '../src/story/feed-item/index.js';

const SHARED = resolve(import.meta.dirname, '../../shared');
const ISNA = join(SHARED, 'corpus/isna');
const FARS = join(SHARED, 'corpus/farsnews');
const NINJS_SCHEMA = join(SHARED, 'standards/ninjs/ninjs-schema_2.2.json');
const NEWSML_XSD = join(SHARED, 'standards/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd');
const PRESENT = [ISNA, FARS, NINJS_SCHEMA, NEWSML_XSD].every((p) => existsSync(p));
const TOTAL = Number(process.env.KHABAR_CORPUS_STORIES ?? 500);
/** The corpora carry no dates; NewsML-G2 needs a version time, so every story gets this one. */
const VERSION_CREATED = '2025-09-05T09:26:00+03:30';

const ISNA_SERVICES: Readonly<Record<string, string>> = {
  cinema: 'سرویس سینما', economics: 'سرویس اقتصادی', politics: 'سرویس سیاسی', sport: 'سرویس ورزشی', tech: 'سرویس فناوری',
};

/** ISNA: `<service>/<name>.txt`, line 1 headline, line 2 lead, the rest body paragraphs. */
function isnaStories(count: number): Story[] {
  const services = readdirSync(ISNA).filter((d) => d in ISNA_SERVICES).sort();
  const perService = Math.ceil(count / services.length);
  return services.flatMap((service) => readdirSync(join(ISNA, service)).filter((f) => f.endsWith('.txt')).sort()
    .slice(0, perService).map((file) => {
      const lines = readFileSync(join(ISNA, service, file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim());
      const [headline = '', lead, ...body] = lines;
      return createStory({
        headline: headline.slice(0, 1_000) || file,
        ...(lead ? { lead } : {}),
        body: body.filter((p) => p !== ''),
        service: ISNA_SERVICES[service]!,
        agency: 'خبرگزاری ایسنا',
        versionCreated: VERSION_CREATED,
        source: { name: 'isna', id: `${service}/${file}` },
      });
    })).slice(0, count);
}

interface FarsRecord { title?: string; abstract?: string; paragraphs?: string[]; cat?: string; subcat?: string; tags?: string[]; link?: string }

/** Fars News: JSON arrays of {title, abstract, paragraphs[], cat, subcat, tags[], link}. */
function farsStories(count: number): Story[] {
  const out: Story[] = [];
  for (const file of readdirSync(FARS).filter((f) => f.endsWith('.json')).sort()) {
    const records = JSON.parse(readFileSync(join(FARS, file), 'utf8')) as FarsRecord[];
    for (const [i, r] of records.entries()) {
      if (out.length >= count) return out;
      const code = /\/news\/(\d+)/.exec(r.link ?? '')?.[1];
      const service = r.subcat || r.cat;
      out.push(createStory({
        headline: (r.title ?? '').trim().slice(0, 1_000) || `${file}#${i}`,
        ...(r.abstract ? { lead: r.abstract } : {}),
        body: r.paragraphs ?? [],
        ...(service ? { service } : {}),
        agency: 'خبرگزاری فارس',
        keywords: [...new Set((r.tags ?? []).map((t) => t.trim()).filter((t) => t !== ''))].slice(0, 200),
        ...(code !== undefined && Number.isSafeInteger(Number(code)) ? { code: Number(code) } : {}),
        versionCreated: VERSION_CREATED,
        source: { name: 'farsnews', id: `${file}#${i}`, ...(r.link ? { url: r.link } : {}) },
      }));
    }
  }
  return out;
}

const tmp = mkdtempSync(join(tmpdir(), 'khabar-formats-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('story formats over real Persian news (../shared/corpus)', () => {
  if (!PRESENT) console.log(`story-formats-corpus: skipped, ${SHARED} (corpus/isna, corpus/farsnews, standards) is absent`);
  const stories = PRESENT ? [...isnaStories(Math.ceil(TOTAL / 2)), ...farsStories(Math.floor(TOTAL / 2))] : [];

  it.skipIf(!PRESENT)(`${TOTAL} stories: ninjs validates against 2.2 and reads back to the same story`, () => {
    expect(stories.length).toBe(TOTAL);
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json' }); // places only; khabar writes none
    const validate = ajv.compile(JSON.parse(readFileSync(NINJS_SCHEMA, 'utf8')));
    const failures: string[] = [];
    for (const story of stories) {
      const doc = JSON.parse(JSON.stringify(toNinjs(story))) as unknown;
      if (!validate(doc)) failures.push(`${story.source?.id}: ${JSON.stringify(validate.errors?.[0])}`);
      else if (JSON.stringify(fromNinjs(doc)) !== JSON.stringify(story)) failures.push(`${story.source?.id}: round trip differs`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it.skipIf(!PRESENT)(`${TOTAL} stories: NewsML-G2 validates against the 2.35 All-Power XSD (one xmllint run)`, () => {
    const files = stories.map((story, i) => {
      const file = join(tmp, `item-${i}.xml`);
      writeFileSync(file, toNewsML(story));
      return file;
    });
    let failures: string[] = [];
    try {
      execFileSync('xmllint', ['--noout', '--nonet', '--schema', NEWSML_XSD, ...files], { stdio: 'pipe', maxBuffer: 1 << 26 });
    } catch (e) {
      failures = String((e as { stderr?: Buffer }).stderr ?? e).split('\n').filter((l) => l !== '' && !l.endsWith(' validates'));
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it.skipIf(!PRESENT)(`${TOTAL} stories: feed items carry title, link, dates and well-formed content`, () => {
    for (const story of stories) {
      const item = toFeedItem(story, { baseUrl: 'https://khabar.example/', path: (s) => `news/${s.code ?? encodeURIComponent(s.source?.id ?? s.uri)}` });
      expect(item.title).toBe(story.headline);
      expect(item.url.startsWith('https://khabar.example/news/')).toBe(true);
      expect(item.updated?.toISOString()).toBe('2025-09-05T05:56:00.000Z');
      expect(item.contentHtml.split('<p dir="rtl"').length - 1).toBe(story.body.length + (story.lead !== undefined ? 1 : 0));
    }
  });
});
