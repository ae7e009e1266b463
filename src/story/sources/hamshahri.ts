/**
 * Hamshahri newspaper documents (the Hamshahri2 IR collection, ../shared/corpus/hamshahri-ir/docs/<year>/
 * <DOCNO>.ham): line 1 is headline-ish — often a column name such as «نگاه» or «يادداشت», kept as the
 * headline anyway because the file has nothing better — and the rest is body. The text keeps its old
 * orthography (ي ك, U+00A0 where a ZWNJ belongs): display text is never normalized (DESIGN.md §5).
 *
 * Paragraphs. Most documents (≈98%) hold one paragraph per line. About a hundred, nearly all from 1381–82,
 * are hard-wrapped at 70–90 characters; those lines are joined back into paragraphs. A wrapped document
 * is recognised by its shape (see {@link isHardWrapped}); inside one, a line ends its paragraph when the
 * next line is blank, when it ends a sentence (. ! ? ؟ …, maybe followed by » or a bracket), or when it is much shorter than the wrap
 * width (a short line cannot have been wrapped: the next word would have fitted). A wrap that happens to
 * fall right after a sentence therefore splits a paragraph in two; we prefer that to gluing two
 * paragraphs together, which the sentence rule alone would do far more often than it over-splits.
 *
 * Dates. The DOCNO `HAM2-YYMMDD-NNN` encodes the Jalali issue date 13YY/MM/DD; the story's
 * `firstCreated` is Tehran midnight of that day.
 */
import { KhabarError } from '../../errors/index.js';
import { jalaliToInstant } from '../dates/index.js';
import { createStory, type Story } from '../story.js';
import { isBlankLine } from '../wire/wire-blocks.js';

/** The agency (publisher) of Hamshahri documents. */
export const HAMSHAHRI_AGENCY = 'همشهری';

/** The source name Hamshahri stories carry; with the DOCNO, their identity on import. */
export const HAMSHAHRI_SOURCE = 'hamshahri';

/** A Hamshahri2 DOCNO: collection, Jalali date YYMMDD (13YY), number within the issue. */
const DOCNO = /^HAM2-(\d{2})(\d{2})(\d{2})-(\d{3})$/;

/**
 * A sentence end: . ! ? ؟ … possibly followed by closing quotes or brackets. A colon is not one: «گفت:»
 * at the end of a wrapped line usually runs on into the quotation.
 */
const SENTENCE_END = /[.!?؟…]["'»)\]]*$/u;

/** The longest line seen in a hard-wrapped document (wrap widths in the collection are 70–90). */
const MAX_WRAP_WIDTH = 100;

/**
 * The Jalali date a DOCNO encodes, e.g. `HAM2-820306-001` → `{ year: 1382, month: 3, day: 6 }`;
 * undefined for a name that is not a Hamshahri2 DOCNO.
 */
export function hamshahriDocnoDate(docno: string): { year: number; month: number; day: number } | undefined {
  const m = DOCNO.exec(docno);
  if (!m) return undefined;
  return { year: 1300 + Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * True when body lines look hard-wrapped: at least three non-blank lines, none longer than
 * {@link MAX_WRAP_WIDTH}, and at least half of them within 75% of the longest — one-paragraph-per-line
 * documents have lines of every length, and short listings (a theatre programme) are mostly short.
 */
export function isHardWrapped(lines: readonly string[]): boolean {
  const ls = lines.filter((l) => !isBlankLine(l)).map((l) => l.trimEnd().length);
  if (ls.length < 3) return false;
  const width = Math.max(...ls);
  if (width > MAX_WRAP_WIDTH) return false;
  return ls.filter((n) => n >= width * 0.75).length * 2 >= ls.length;
}

/** Joins two wrapped lines: one space between them, unless the wrap point already holds a no-break space. */
function joinWrapped(a: string, b: string): string {
  const left = a.replace(/[ \t]+$/, '');
  const right = b.replace(/^[ \t]+/, '');
  return left.endsWith('\u00A0') ? left + right : `${left} ${right}`;
}

/**
 * Body lines → paragraphs: one per non-blank line, or, in a hard-wrapped document, wrapped lines joined
 * (rules in the module comment). Paragraphs are trimmed; letters are not touched.
 */
export function hamshahriParagraphs(lines: readonly string[]): string[] {
  if (!isHardWrapped(lines)) return lines.filter((l) => !isBlankLine(l)).map((l) => l.trim());
  const width = Math.max(...lines.filter((l) => !isBlankLine(l)).map((l) => l.trimEnd().length));
  const out: string[] = [];
  let cur: string | undefined;
  for (const line of lines) {
    if (isBlankLine(line)) {
      if (cur !== undefined) out.push(cur.trim());
      cur = undefined;
      continue;
    }
    cur = cur === undefined ? line : joinWrapped(cur, line);
    const t = line.trimEnd();
    if (SENTENCE_END.test(t) || t.length < width * 0.6) {
      out.push(cur.trim());
      cur = undefined;
    }
  }
  if (cur !== undefined) out.push(cur.trim());
  return out.filter(Boolean);
}

/**
 * One Hamshahri document as a story. `docno` is its DOCNO (the file name without `.ham`), the source id;
 * when it has the Hamshahri2 shape its date becomes `firstCreated`.
 * @throws KhabarError INVALID_INPUT when the text has no headline line, or the DOCNO names a day that
 *   does not exist.
 */
export function fromHamshahriText(text: string, docno: string): Story {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const first = lines.findIndex((l) => !isBlankLine(l));
  if (first < 0) throw new KhabarError('INVALID_INPUT', `Hamshahri document ${docno} is empty`, { field: 'headline' });
  const date = hamshahriDocnoDate(docno);
  let firstCreated: string | undefined;
  if (date) {
    try {
      firstCreated = jalaliToInstant(date.year, date.month, date.day).toISOString().replace(/\.000Z$/, 'Z');
    } catch (e) {
      throw new KhabarError('INVALID_INPUT', `Hamshahri DOCNO ${docno}: ${(e as Error).message}`, { field: 'firstCreated' });
    }
  }
  return createStory({
    // trim(), not oneLine(): \s would turn the U+00A0 that stands for a ZWNJ into a space.
    headline: lines[first]!.trim(),
    body: hamshahriParagraphs(lines.slice(first + 1)),
    agency: HAMSHAHRI_AGENCY,
    ...(firstCreated ? { firstCreated } : {}),
    source: { name: HAMSHAHRI_SOURCE, id: docno },
  });
}
