/** ninjs 2.x (IPTC News in JSON) for stories: write 2.2, read 2.0–2.2 (and 1.x string fields). */
export { toNinjs } from './to-ninjs.js';
export { fromNinjs } from './from-ninjs.js';
export type { NinjsDocument, NinjsText, NinjsSubject, NinjsInfoSource, NinjsAltId, NinjsStandard } from './ninjs-document.js';
export { NINJS_ROLES, NINJS_CONTENT_TYPES, NINJS_STANDARD } from './khabar-roles.js';
export { toRfc3339, fromRfc3339 } from './rfc3339.js';
export { isAbsoluteUri, toNinjsUri, fromNinjsUri, ESCAPED_URI_PREFIX } from './ninjs-uri.js';
