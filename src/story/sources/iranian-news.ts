/**
 * The iranian-news summarisation dataset (../shared/corpus/iranian-news/docs/*.txt), five outlets:
 *
 * ```
 * agency###title###url###['cat', …]###YYYY-MM-DD HH:MM:SS###id###['tag', …]
 * 1@@@3                      ← ids of the gold summary sentences (not part of the story)
 * 1<TAB>first sentence
 * 2<TAB>second sentence …
 * ```
 *
 * Paragraphs: the dataset split the article into sentences and lost the paragraph breaks; one sentence
 * becomes one paragraph. Grouping sentences would invent a structure the source does not have, while
 * keeping them apart loses nothing (the median sentence is ~120 characters, a short news paragraph).
 * Dates are Tehran wall-clock time (the sites print Tehran time) → `firstCreated`. The source id is
 * `<outlet>/<news id>` with the outlet's slug (asriran, tabnak…: the dataset's split names such as
 * `asriran_1_data` and `asriran_2_data` share one outlet, and one story can appear in both) and the
 * news id in ASCII digits.
 */
import { KhabarError } from '../../errors/index.js';
import { tehranWallClockToInstant, toAsciiDigits } from '../dates/index.js';
import { createStory, type Story } from '../story.js';
import { isBlankLine } from '../wire/wire-blocks.js';
import { oneLine } from './paragraphs.js';

/*
 * Python list-of-strings literals as scraped datasets print them (`['a', "b's", 'c\u200cd']`): `repr()`
 * of a list, with single or double quotes and backslash escapes (`\uXXXX`, `\xXX`, `\n`, `\'`…, per the
 * Python language reference §2.4.1 "String and Bytes literals"). Kept here, with its one dataset; the CSV
 * mapper borrows it for tag columns written the same way.
 */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0',
};

/**
 * The strings of a Python list literal; a text not starting with `[` is one value (trimmed).
 * @throws KhabarError INVALID_INPUT for an unterminated string or list, or something other than a
 *   quoted string between the commas, naming the position.
 */
export function parsePythonStringList(text: string): string[] {
  const s = text.trim();
  if (!s) return [];
  if (!s.startsWith('[')) return [s];
  const out: string[] = [];
  let i = 1;
  const bad = (what: string): never => {
    throw new KhabarError('INVALID_INPUT', `list literal: ${what} at character ${i + 1}`, { position: i });
  };
  const skipSpace = (): void => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  skipSpace();
  if (s[i] === ']') return i === s.length - 1 ? out : bad('text after the list');
  for (;;) {
    skipSpace();
    const q = s[i];
    if (q !== "'" && q !== '"') bad('expected a quoted string');
    i++;
    let v = '';
    for (;;) {
      if (i >= s.length) bad('unterminated string');
      const c = s[i]!;
      if (c === q) break;
      if (c !== '\\') {
        v += c;
        i++;
        continue;
      }
      const e = s[i + 1] ?? '';
      if (e === 'u' || e === 'x' || e === 'U') {
        const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = s.slice(i + 2, i + 2 + n);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) bad(`bad \\${e} escape`);
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) bad(`bad \\${e} escape`);
        v += String.fromCodePoint(cp);
        i += 2 + n;
      } else if (e in SIMPLE_ESCAPES) {
        v += SIMPLE_ESCAPES[e]!;
        i += 2;
      } else {
        // Python keeps an unknown escape as written, backslash included.
        v += c;
        i++;
      }
    }
    i++;
    out.push(v);
    skipSpace();
    if (s[i] === ',') {
      i++;
      skipSpace();
      if (s[i] === ']') break;
      continue;
    }
    if (s[i] === ']') break;
    bad('expected , or ]');
  }
  if (i !== s.length - 1) bad('text after the list');
  return out;
}

/** The source name iranian-news stories carry. */
export const IRANIAN_NEWS_SOURCE = 'iranian-news';

/** Dataset agency keys (prefix) → outlet slug and Persian name. */
export const IRANIAN_NEWS_OUTLETS: ReadonlyArray<{ prefix: string; slug: string; name: string }> = [
  { prefix: 'asriran', slug: 'asriran', name: 'عصر ایران' },
  { prefix: 'tabnak', slug: 'tabnak', name: 'تابناک' },
  { prefix: 'roozno', slug: 'roozno', name: 'روزنو' },
  { prefix: 'sobhane', slug: 'sobhanehonline', name: 'صبحانه آنلاین' },
  { prefix: 'mashregh', slug: 'mashreghnews', name: 'مشرق نیوز' },
];

/** The header line: seven `###`-separated fields, the fifth a `YYYY-MM-DD HH:MM:SS` time. */
const HEADER = /^[^#\r\n]*###[^\r\n]*###[^\r\n]*###[^\r\n]*###(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})###[^\r\n]*###[^\r\n]*$/;

/** True when `line` has the iranian-news header shape (used to detect the format of a `.txt` file). */
export function isIranianNewsHeader(line: string): boolean {
  return HEADER.test(line.replace(/^\uFEFF/, ''));
}

function outletOf(key: string): { slug: string; name?: string } {
  const o = IRANIAN_NEWS_OUTLETS.find((x) => key.startsWith(x.prefix));
  return o ?? { slug: key };
}

/**
 * One iranian-news document as a story.
 * @throws KhabarError INVALID_INPUT naming the header field that is missing or malformed
 *   (`iranian-news header: …`), or a document without a title.
 */
export function fromIranianNewsText(text: string): Story {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const header = lines[0] ?? '';
  const fields = header.split('###');
  if (fields.length !== 7) {
    throw new KhabarError('INVALID_INPUT', `iranian-news header: expected 7 fields separated by ###, got ${fields.length}`, { field: 'header' });
  }
  const [key, title, url, cats, when, rawId, tags] = fields.map((f) => f.trim()) as [string, string, string, string, string, string, string];
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(when);
  if (!m) throw new KhabarError('INVALID_INPUT', `iranian-news header: date "${when}" is not YYYY-MM-DD HH:MM:SS`, { field: 'date' });
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const instant = tehranWallClockToInstant({ year, month, day, hour, minute, second }).instant;
  const id = toAsciiDigits(rawId);
  if (!key || !id) throw new KhabarError('INVALID_INPUT', 'iranian-news header: agency and id are required', { field: key ? 'id' : 'agency' });
  if (!oneLine(title)) throw new KhabarError('INVALID_INPUT', 'iranian-news header: the title is empty', { field: 'title' });
  const list = (s: string, field: string): string[] => {
    try {
      return [...new Set(parsePythonStringList(s).map(oneLine).filter(Boolean))];
    } catch (e) {
      throw new KhabarError('INVALID_INPUT', `iranian-news header ${field}: ${(e as Error).message}`, { field });
    }
  };
  const categories = list(cats, 'categories');
  const outlet = outletOf(key);
  // Line 2 lists the gold summary sentences: evaluation data, not story text.
  const body = lines.slice(2).filter((l) => !isBlankLine(l)).map((l) => l.replace(/^\s*\d+\t/, '').trim()).filter(Boolean);
  return createStory({
    headline: oneLine(title),
    body,
    ...(categories[0] ? { service: categories[0] } : {}),
    ...(outlet.name ? { agency: outlet.name } : {}),
    keywords: list(tags, 'tags'),
    subjects: categories.map((name) => ({ name })),
    firstCreated: instant.toISOString().replace(/\.000Z$/, 'Z'),
    source: { name: IRANIAN_NEWS_SOURCE, id: `${outlet.slug}/${id}`, ...(url ? { url } : {}) },
  });
}
