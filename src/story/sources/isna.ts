/**
 * ISNA corpus articles (../shared/corpus/isna/<service>/<name>.txt): line 1 headline, line 2 lead, the
 * rest body paragraphs, modern orthography. The folder is the service.
 */
import { KhabarError } from '../../errors/index.js';
import { createStory, type Story } from '../story.js';
import { isBlankLine } from '../wire/wire-blocks.js';
import { cleanParagraphs, oneLine, splitEndMarker } from './paragraphs.js';

/** ISNA folder names → the Persian service names khabar shows. */
export const ISNA_SERVICES: Readonly<Record<string, string>> = {
  cinema: 'سرویس سینما',
  economics: 'سرویس اقتصادی',
  politics: 'سرویس سیاسی',
  sport: 'سرویس ورزشی',
  tech: 'سرویس فناوری',
};

/** The agency name of ISNA stories. */
export const ISNA_AGENCY = 'خبرگزاری ایسنا';

/**
 * One ISNA article as a story. `folder` is its service folder, `file` its file name (the source id is
 * `folder/file`).
 * @throws KhabarError INVALID_INPUT when the text has no headline.
 */
export function fromIsnaText(text: string, folder: string, file: string): Story {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).filter((l) => !isBlankLine(l)).map((l) => l.trim());
  const [headline, lead, ...body] = lines;
  if (!headline) throw new KhabarError('INVALID_INPUT', `ISNA article ${folder}/${file} has no headline`);
  return createStory({
    headline: oneLine(headline),
    ...(lead ? { lead } : {}),
    ...splitEndMarker(cleanParagraphs(body)),
    service: ISNA_SERVICES[folder] ?? `سرویس ${folder}`,
    agency: ISNA_AGENCY,
    source: { name: 'isna', id: `${folder}/${file}` },
  });
}
