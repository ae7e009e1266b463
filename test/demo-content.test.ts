/**
 * The demo content that a fresh instance loads on first start (demo/README.md): every story in
 * demo/stories is listed in demo/manifest.json, parses as wire text without a warning, is in house style
 * (the editorial normalizer has nothing to fix) and gives search something to do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../bench/corpus.js';
import { normalize } from '../src/analysis/index.js';
import { parseWire } from '../src/story/index.js';
import type { Story } from '../src/story/index.js';

const DEMO = join(REPO_ROOT, 'demo');
const STORIES = join(DEMO, 'stories');
const AGENCY = 'خبرگزاری آران';
const ZWNJ = '\u200C';
/** The services of the demo and the Latin name each one has in file names. */
const SERVICES: Record<string, string> = {
  azerbaijan: 'سرویس آذربایجان',
  politics: 'سرویس سیاسی',
  economy: 'سرویس اقتصادی',
  culture: 'سرویس فرهنگی',
  sports: 'سرویس ورزشی',
  science: 'سرویس علمی',
  society: 'سرویس اجتماعی',
  world: `سرویس بین${ZWNJ}الملل`,
};
const HAMKARIHA = `همکاری${ZWNJ}های`;

interface ManifestEntry {
  file: string;
  tags: string[];
  urgency: number;
  hoursAgo: number;
}

const manifest = JSON.parse(readFileSync(join(DEMO, 'manifest.json'), 'utf8')) as ManifestEntry[];
const storyFiles = readdirSync(STORIES).filter((f) => f.endsWith('.txt')).sort();
/** Each manifest entry with its text and parsed story (files that are missing are reported by the first test). */
const stories = manifest.flatMap((entry) => {
  if (!storyFiles.includes(entry.file)) return [];
  const text = readFileSync(join(STORIES, entry.file), 'utf8');
  return [{ entry, text, ...parseWire(text) }];
});

/** The slug line as written: the third block, «<service> / <agency>». */
function slugLine(text: string): { service: string; agency: string } | undefined {
  const m = /^(.+?) \/ (.+)$/.exec(text.split('\n\n')[2] ?? '');
  return m ? { service: m[1]!, agency: m[2]! } : undefined;
}

/** The display text of a story: what the site shows and the normalizer must leave alone. */
function displayParts(s: Story): Array<[string, string]> {
  return [['headline', s.headline], ['lead', s.lead ?? ''], ...s.body.map((p, i): [string, string] => [`body[${i}]`, p])];
}

describe('demo content', () => {
  it('the manifest lists every story file, in file order, and nothing else', () => {
    expect(Array.isArray(manifest), 'demo/manifest.json is an array').toBe(true);
    expect(manifest.map((e) => e.file), 'manifest files vs demo/stories/*.txt').toEqual(storyFiles);
    expect(readdirSync(STORIES).filter((f) => !f.endsWith('.txt')), 'only .txt files in demo/stories').toEqual([]);
    expect(storyFiles.length).toBeGreaterThanOrEqual(48);
  });

  it('file names are NN-<service>-<slug>.txt, numbered 01… without gaps', () => {
    const bad = storyFiles.filter((f, i) => {
      const m = /^(\d{2})-([a-z]+)-[a-z0-9]+(?:-[a-z0-9]+)*\.txt$/.exec(f);
      return !m || Number(m[1]) !== i + 1 || !(m[2]! in SERVICES);
    });
    expect(bad, 'badly named story files').toEqual([]);
  });

  it('every file is UTF-8 with LF line ends, no BOM, one trailing newline, 150–400 words', () => {
    const bad = stories.flatMap(({ entry, text }) => {
      const why: string[] = [];
      if (text.startsWith('\uFEFF')) why.push('BOM');
      if (text.includes('\r')) why.push('CR line ends');
      if (text.includes('\uFFFD')) why.push('invalid UTF-8');
      if (!text.endsWith('\n') || text.endsWith('\n\n')) why.push('must end with exactly one newline');
      if (/\n{3,}/.test(text)) why.push('more than one blank line between blocks');
      const words = text.split(/\s+/).filter(Boolean).length;
      if (words < 150 || words > 400) why.push(`${words} words`);
      return why.map((w) => `${entry.file}: ${w}`);
    });
    expect(bad).toEqual([]);
  });

  it('parseWire reads every story without a warning, with headline, lead, body, service and agency', () => {
    const bad = stories.flatMap(({ entry, text, story, warnings }) => {
      const why: string[] = warnings.map((w) => `warning ${w.code} at line ${w.line}: ${w.message}`);
      if (!story.headline.trim()) why.push('empty headline');
      if (!story.lead?.trim()) why.push('no lead');
      if (story.body.length < 3 || story.body.some((p) => !p.trim())) why.push(`body of ${story.body.length} paragraphs, or an empty one`);
      const slug = slugLine(text);
      if (!slug) why.push('no «<service> / <agency>» slug line as the third block');
      else if (story.service !== slug.service || story.agency !== slug.agency) {
        why.push(`service/agency ${story.service} / ${story.agency} differ from the slug line ${slug.service} / ${slug.agency}`);
      }
      if (story.agency !== AGENCY) why.push(`agency ${story.agency}`);
      if (story.credit !== `${AGENCY} / ${story.service}`) why.push(`credit ${story.credit}`);
      if (story.wire?.slug !== 'service-agency' || story.wire?.creditSeparator !== ' : ') why.push(`layout ${JSON.stringify(story.wire)}`);
      if (story.endMarker !== 'پایان پیام.') why.push(`end marker ${story.endMarker}`);
      const latin = /^\d{2}-([a-z]+)-/.exec(entry.file)?.[1];
      if (latin && SERVICES[latin] !== story.service) why.push(`file name says ${latin}, story says ${story.service}`);
      return why.map((w) => `${entry.file}: ${w}`);
    });
    expect(bad).toEqual([]);
    expect(stories.length).toBe(manifest.length);
  });

  it('covers the eight services, each with at least 6 stories, «سرویس آذربایجان» among them', () => {
    const count = new Map<string, number>();
    for (const { story } of stories) count.set(story.service ?? '', (count.get(story.service ?? '') ?? 0) + 1);
    expect(count.has('سرویس آذربایجان')).toBe(true);
    const thin = Object.values(SERVICES).filter((s) => (count.get(s) ?? 0) < 6).map((s) => `${s}: ${count.get(s) ?? 0}`);
    expect(thin, 'services with fewer than 6 stories').toEqual([]);
    expect([...count.keys()].filter((s) => !Object.values(SERVICES).includes(s)), 'unknown services').toEqual([]);
  });

  it('headlines are unique', () => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const { entry, story } of stories) {
      const other = seen.get(story.headline);
      if (other) dups.push(`${entry.file} repeats the headline of ${other}`);
      seen.set(story.headline, entry.file);
    }
    expect(dups).toEqual([]);
  });

  it('manifest entries: 2–4 Persian tags, urgency 1–8, distinct hoursAgo within the last 14 days', () => {
    const bad = manifest.flatMap((e) => {
      const why: string[] = [];
      const keys = Object.keys(e).sort().join(',');
      if (keys !== 'file,hoursAgo,tags,urgency') why.push(`fields ${keys}`);
      if (!Array.isArray(e.tags) || e.tags.length < 2 || e.tags.length > 4) why.push(`tags ${JSON.stringify(e.tags)}`);
      else {
        for (const t of e.tags) {
          if (typeof t !== 'string' || !/^[\u0600-\u06FF\u200C ]+$/.test(t) || t !== t.trim()) why.push(`tag «${t}» is not plain Persian`);
          else if (normalize(t) !== t) why.push(`tag «${t}»: the normalizer writes «${normalize(t)}»`);
        }
        if (new Set(e.tags).size !== e.tags.length) why.push('repeated tag');
      }
      if (!Number.isInteger(e.urgency) || e.urgency < 1 || e.urgency > 8) why.push(`urgency ${e.urgency}`);
      if (typeof e.hoursAgo !== 'number' || !Number.isFinite(e.hoursAgo) || e.hoursAgo < 0 || e.hoursAgo > 336) {
        why.push(`hoursAgo ${e.hoursAgo}`);
      }
      return why.map((w) => `${e.file}: ${w}`);
    });
    expect(bad).toEqual([]);
    const hours = manifest.map((e) => e.hoursAgo);
    const repeated = manifest.filter((e, i) => hours.indexOf(e.hoursAgo) !== i).map((e) => `${e.file}: hoursAgo ${e.hoursAgo} repeated`);
    expect(repeated).toEqual([]);
    expect(Math.min(...hours), 'the newest story is a few hours old').toBeLessThanOrEqual(6);
    expect(Math.max(...hours), 'stories spread over the two weeks').toBeGreaterThanOrEqual(240);
    const urgent = manifest.filter((e) => e.urgency <= 3).length;
    expect(urgent, 'a few top stories').toBeGreaterThanOrEqual(1);
    expect(urgent, 'only a few top stories').toBeLessThanOrEqual(5);
  });

  it('no Arabic yeh/kaf, no ASCII digits, no kashida in the text', () => {
    const bad = stories.flatMap(({ entry, text }) => {
      const why: string[] = [];
      for (const [re, what] of [[/[\u064A\u0649]/, 'Arabic yeh'], [/\u0643/, 'Arabic kaf'], [/[0-9]/, 'ASCII digit'], [/\u0640/, 'kashida']] as const) {
        const i = text.search(re);
        if (i >= 0) why.push(`${what} in «${text.slice(Math.max(0, i - 15), i + 15)}»`);
      }
      return why.map((w) => `${entry.file}: ${w}`);
    });
    expect(bad).toEqual([]);
  });

  it('the editorial normalizer has nothing to fix in headline, lead or body', () => {
    const bad = stories.flatMap(({ entry, story }) =>
      displayParts(story).flatMap(([part, text]) => {
        const fixed = normalize(text);
        if (fixed === text) return [];
        let i = 0;
        while (i < text.length && text[i] === fixed[i]) i++;
        const show = (s: string) => s.slice(Math.max(0, i - 20), i + 20).replaceAll(ZWNJ, '[ZWNJ]');
        return [`${entry.file} ${part}: «${show(text)}» → «${show(fixed)}»`];
      }));
    expect(bad).toEqual([]);
  });

  it(`search has something to do: «${HAMKARIHA}» in at least 5 stories, 2 of them in «سرویس آذربایجان»`, () => {
    const hits = stories.filter(({ text }) => text.includes(HAMKARIHA));
    expect(hits.length).toBeGreaterThanOrEqual(5);
    expect(hits.filter(({ story }) => story.service === 'سرویس آذربایجان').length).toBeGreaterThanOrEqual(2);
    for (const word of [`می${ZWNJ}داند`, `کتاب${ZWNJ}ها`, 'کشور']) {
      expect(stories.filter(({ text }) => text.includes(word)).length, `stories with «${word}»`).toBeGreaterThanOrEqual(3);
    }
    expect(stories.filter(({ text }) => /[۰-۹]+ (?:فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) [۰-۹]{4}/.test(text)).length,
      'stories with a Jalali date such as «۱۲ مرداد ۱۴۰۳»').toBeGreaterThanOrEqual(3);
  });
});
