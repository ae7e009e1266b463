/**
 * The story and its formats: the Story model, wire text, ninjs, NewsML-G2, feed items, Jalali dates and
 * the mappers from corpus/source formats. Pure code: no node:* modules, runs in a browser too.
 */
export { storySchema, validateStory, createStory, stripUndefined, PUB_STATUSES, FIELD_LIMITS } from './story.js';
export type { Story, StoryInit, StorySource, Subject, PubStatus } from './story.js';
export { parseWire, parseWireStream, writeWire, WIRE_TEXT_LIMIT, WIRE_STREAM_LIMIT, DEFAULT_CREDIT_SEPARATOR } from './wire/index.js';
export type { ParsedWire, ParseWireOptions, WireWarning, StreamItem } from './wire/index.js';
export { fromIsnaText, ISNA_SERVICES, ISNA_AGENCY, fromFarsNewsRecord, FARS_AGENCY, FARS_SERVICES, cleanParagraphs, oneLine } from './sources/index.js';
export { toNinjs, fromNinjs } from './ninjs/index.js';
export type { NinjsDocument } from './ninjs/index.js';
export {
  parseJalaliDate, parseJalaliDateDetailed, formatJalali, jalaliParts, jalaliToInstant, isLeapJalaliYear,
  daysInJalaliMonth, jalaliToGregorian, gregorianToJalali, JALALI_MONTH_NAMES, PERSIAN_WEEKDAY_NAMES,
  toPersianDigits, toAsciiDigits, TEHRAN_TIME_ZONE,
} from './dates/index.js';
export type { ParsedJalaliDate, ParseJalaliOptions, FormatJalaliOptions, JalaliParts } from './dates/index.js';
export { toNewsML } from './newsml/index.js';
export { stripInvalidXmlChars, escapeXmlText, escapeXmlAttr, escapeHtml } from './xml/index.js';
export type { NewsMLOptions } from './newsml/index.js';
export { toFeedItem } from './feed-item/index.js';
export type { FeedItem, FeedItemOptions } from './feed-item/index.js';
export {
  fromHamshahriText, hamshahriDocnoDate, HAMSHAHRI_AGENCY, HAMSHAHRI_SOURCE, fromIranianNewsText, isIranianNewsHeader,
  parsePythonStringList, IRANIAN_NEWS_SOURCE, csvStories, AGENCY_SAMPLES_CSV_MAP, AGENCY_SAMPLES_CSV_OPTIONS, parseCsv,
} from './sources/index.js';
export type { CsvColumnMap, CsvStoriesOptions, CsvRowIssue, CsvStoriesResult } from './sources/index.js';
