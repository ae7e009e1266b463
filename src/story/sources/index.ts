export { fromIsnaText, ISNA_SERVICES, ISNA_AGENCY } from './isna.js';
export { fromFarsNewsRecord, farsNewsIdDate, FARS_AGENCY, FARS_SERVICES } from './farsnews.js';
export { cleanParagraphs, oneLine, splitEndMarker } from './paragraphs.js';
export { parseCsv, parseCsvRecords } from './csv.js';
export { fromHamshahriText, hamshahriDocnoDate, hamshahriParagraphs, isHardWrapped, HAMSHAHRI_AGENCY, HAMSHAHRI_SOURCE } from './hamshahri.js';
export { fromIranianNewsText, isIranianNewsHeader, parsePythonStringList, IRANIAN_NEWS_OUTLETS, IRANIAN_NEWS_SOURCE } from './iranian-news.js';
export { csvStories, AGENCY_SAMPLES_CSV_MAP, AGENCY_SAMPLES_CSV_OPTIONS, KNOWN_AGENCY_HOSTS } from './csv-stories.js';
export type { CsvColumnMap, CsvStoriesOptions, CsvRowIssue, CsvStoriesResult } from './csv-stories.js';
