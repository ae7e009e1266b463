/**
 * Fars News records (../shared/corpus/farsnews/*.json): `{ title, abstract, paragraphs[], cat, subcat,
 * tags[], link }`. The news id at the end of `link` is the source id; it encodes the Jalali date.
 */
import { KhabarError, describeType } from '../../errors/index.js';
import { jalaliToInstant } from '../dates/index.js';
import { createStory, type Story } from '../story.js';
import { cleanParagraphs, oneLine, splitEndMarker } from './paragraphs.js';

/** The agency name of Fars stories. */
export const FARS_AGENCY = 'خبرگزاری فارس';

/**
 * The Jalali date a Fars news id encodes: ten digits `YYMMDDNNNN` (8410220069 → 1384/10/22) in the
 * 1380s, fourteen `YYYYMMDDNNNNNN` (13911222000865 → 1391/12/22) later. Undefined for anything else.
 */
export function farsNewsIdDate(id: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})\d{4}$/.exec(id) ?? /^(1[34]\d{2})(\d{2})(\d{2})\d{6}$/.exec(id);
  if (!m) return undefined;
  const year = m[1]!.length === 2 ? 1300 + Number(m[1]) : Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year, month, day };
}

/** The story's date from its news id, as Tehran midnight (the id carries no time), or undefined. */
function firstCreatedOf(id: string): string | undefined {
  const d = farsNewsIdDate(id);
  if (!d) return undefined;
  try {
    return jalaliToInstant(d.year, d.month, d.day).toISOString().replace(/\.000Z$/, 'Z');
  } catch {
    return undefined; // a day that does not exist (31 Esfand in a common year): no date rather than a wrong one
  }
}

/** Fars section slugs → Persian service names; provincial sections share one desk. */
export const FARS_SERVICES: Readonly<Record<string, string>> = {
  politics: 'سرویس سیاسی', 'foreign-policy': 'سرویس سیاست خارجی', world: 'سرویس بین‌الملل',
  economy: 'سرویس اقتصادی', social: 'سرویس اجتماعی', sports: 'سرویس ورزشی', culture: 'سرویس فرهنگی',
  'arts-media': 'سرویس هنر و رسانه', 'scientific-academic': 'سرویس علمی و دانشگاهی', education: 'سرویس آموزش',
  'farsplus-magazine': 'سرویس فارس پلاس', viewpoint: 'سرویس دیدگاه', multimedia: 'سرویس چندرسانه‌ای',
  'other-media': 'سرویس رسانه‌ها', myfars: 'سرویس فارس من',
};
/** Records with no section go to the general desk; unknown sections are provinces (isfahan, gilan…). */
const FARS_GENERAL = 'سرویس عمومی';
const FARS_PROVINCES = 'سرویس استان‌ها';

function field(rec: Record<string, unknown>, name: string, i: number): string {
  const v = rec[name];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new KhabarError('INVALID_INPUT', `farsnews[${i}].${name}: expected a string, got ${describeType(v)}`);
  return v;
}

/**
 * One Fars record as a story; `index` is its position in the file, for error messages and as a
 * fallback id.
 * @throws KhabarError INVALID_INPUT naming the bad field.
 */
export function fromFarsNewsRecord(record: unknown, index = 0): Story {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new KhabarError('INVALID_INPUT', `farsnews[${index}]: expected an object, got ${describeType(record)}`);
  }
  const rec = record as Record<string, unknown>;
  const title = oneLine(field(rec, 'title', index));
  if (!title) throw new KhabarError('INVALID_INPUT', `farsnews[${index}].title: missing`);
  const paragraphs = rec.paragraphs ?? [];
  if (!Array.isArray(paragraphs) || paragraphs.some((p) => typeof p !== 'string')) {
    throw new KhabarError('INVALID_INPUT', `farsnews[${index}].paragraphs: expected an array of strings`);
  }
  const tags = rec.tags ?? [];
  if (!Array.isArray(tags)) throw new KhabarError('INVALID_INPUT', `farsnews[${index}].tags: expected an array`);
  const link = field(rec, 'link', index);
  // Links are …/news/<id> or …/news/<id>/<slug>: the id follows /news/.
  const id = /\/news\/(\d{6,})/.exec(link)?.[1] ?? /(\d{6,})\/?$/.exec(link)?.[1] ?? `record-${index}`;
  const cat = oneLine(field(rec, 'cat', index));
  const subcat = oneLine(field(rec, 'subcat', index));
  const lead = cleanParagraphs([field(rec, 'abstract', index)]).join(' ');
  return createStory({
    headline: title,
    ...(lead ? { lead } : {}),
    ...splitEndMarker(cleanParagraphs(paragraphs as string[])),
    service: cat ? FARS_SERVICES[cat] ?? FARS_PROVINCES : FARS_GENERAL,
    agency: FARS_AGENCY,
    keywords: [...new Set(tags.filter((t): t is string => typeof t === 'string').map(oneLine).filter(Boolean))],
    subjects: [cat, subcat].filter(Boolean).map((name) => ({ name })),
    source: { name: 'farsnews', id, ...(link ? { url: link } : {}) },
    ...(firstCreatedOf(id) ? { firstCreated: firstCreatedOf(id) } : {}),
  });
}
