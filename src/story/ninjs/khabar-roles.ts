/**
 * The roles and relationship names khabar uses inside ninjs for what the schema has no property for.
 * ninjs leaves `role`/`rel` values to the provider (schema 2.2: "The role of this description", no
 * vocabulary), so these are khabar's vocabulary; readers of other providers' ninjs also accept the
 * obvious alternatives (see `fromNinjs`).
 */
export const NINJS_ROLES = {
  /** `headlines[].role` of the headline (as in the IPTC ninjs examples). */
  headline: 'main',
  /** `descriptions[].role` of the lead; "summary" as in IPTC's description-role CV (drol:summary). */
  lead: 'summary',
  /** `descriptions[].role` of the credit that opens the first paragraph («خبرگزاری آران / سرویس آذربایجان»). */
  credit: 'credit',
  /** `descriptions[].role` of the sign-off (initials, codes). */
  signOff: 'signoff',
  /** `descriptions[].role` of the end-of-message marker («پایان پیام.»). */
  endMarker: 'endmarker',
  /** `descriptions[].role` of a version signal; value `correction` marks a corrected version. */
  signal: 'signal',
  /** `descriptions[].role` of the wire-text layout hints, a JSON object (contenttype application/json). */
  wireLayout: 'wirelayout',
  /** `bodies[].role` of the plain-text body (as in the IPTC ninjs examples). */
  plainBody: 'main',
  /** `bodies[].role` of the HTML body (as in the IPTC ninjs examples). */
  htmlBody: 'richtext',
  /** `subjects[].rel` of the story's service (desk). */
  service: 'service',
  /** `subjects[].rel` of a free keyword: ninjs 2.x dropped 1.x's `keywords` array. */
  keyword: 'keyword',
  /** `infosources[].role` of the agency. */
  agency: 'agency',
  /** `altids[].role` of the story code (کد خبر). */
  storyCode: 'storycode',
  /** `altids[].role` prefix of the id at an import source: `source:<source name>`. */
  sourcePrefix: 'source:',
  /** `altids[].role` of the story's address at its import source. */
  sourceUrl: 'sourceurl',
} as const;

/** Media types of khabar's ninjs bodies and structured descriptions. */
export const NINJS_CONTENT_TYPES = {
  plain: 'text/plain',
  html: 'text/html',
  json: 'application/json',
} as const;

/** The `standard` object khabar writes (schema 1.3+ `standard`). */
export const NINJS_STANDARD = {
  name: 'ninjs',
  version: '2.2',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json',
} as const;
