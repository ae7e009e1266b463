export { fromIsnaText, ISNA_SERVICES, ISNA_AGENCY } from './isna.js';
export { fromFarsNewsRecord, FARS_AGENCY, FARS_SERVICES } from './farsnews.js';
export { cleanParagraphs, oneLine, splitEndMarker } from './paragraphs.js';
export { parseCsv, parseCsvRecords } from './csv.js';
