/**
 * The story: khabar's one shape for a news item, modelled on IPTC ninjs 2.2 (../shared/standards/ninjs)
 * with the fields a Persian wire story carries besides: service (desk), agency, the credit line that
 * opens the body, story code (کد خبر), sign-off and end marker (DESIGN.md §2).
 */
import { z } from 'zod';
import { KhabarError } from '../errors/index.js';

/** ninjs pubstatus: usable (published), withheld (embargoed or held back), canceled (killed). */
export const PUB_STATUSES = ['usable', 'withheld', 'canceled'] as const;
/** A {@link PUB_STATUSES} value. */
export type PubStatus = (typeof PUB_STATUSES)[number];

/** Longest headline, lead, paragraph… a story may carry (characters); a guard against garbage input. */
export const FIELD_LIMITS = {
  headline: 1_000,
  lead: 10_000,
  paragraph: 100_000,
  paragraphs: 5_000,
  short: 500,
  keywords: 200,
} as const;

/** An RFC 3339 date-time (what ninjs and NewsML-G2 require): seconds and a zone, a day that exists. */
function isRfc3339(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
const isoInstant = z.string().refine(isRfc3339, {
  message: 'must be an RFC 3339 date-time with seconds and a time zone, e.g. 2025-09-05T09:26:00Z',
});
const shortText = z.string().max(FIELD_LIMITS.short);

/** Where an imported story came from. */
export const storySourceSchema = z.object({
  /** The source's name or format: `wire`, `isna`, `hamshahri`, `farsnews`, `ninjs`, an agency name. */
  name: shortText.min(1),
  /** The story's id at the source (file name, DOCNO, news id); with `name`, the story's identity on import. */
  id: shortText.min(1),
  /** The story's address at the source, if it has one. */
  url: z.string().max(2_000).optional(),
}).strict();

/** A subject (category) with an optional controlled-vocabulary code. */
export const subjectSchema = z.object({
  name: shortText.min(1),
  code: shortText.optional(),
}).strict();

/**
 * How the story's wire text was laid out, so that writing it back gives the same text: the order of the
 * slug line («سرویس آذربایجان / خبرگزاری آران» or the other way round) and how the credit was joined to
 * the first paragraph (« : », «: », « - », or nothing).
 */
export const wireLayoutSchema = z.object({
  slug: z.enum(['service-agency', 'agency-service', 'none']).optional(),
  creditSeparator: z.string().max(10).optional(),
}).strict();

/** The story schema (zod). Use {@link validateStory} to check unknown input. */
export const storySchema = z.object({
  /** Globally unique identifier, e.g. `urn:khabar:story:1234567`. */
  uri: z.string().min(1).max(2_000),
  /** Story code (کد خبر): a positive integer the agency prints with the story; never changes. */
  code: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  /** Version number, 1 for the first published version. */
  version: z.number().int().positive(),
  /** When the story was first created. */
  firstCreated: isoInstant.optional(),
  /** When this version was created. */
  versionCreated: isoInstant.optional(),
  /** Publication status. */
  pubStatus: z.enum(PUB_STATUSES),
  /** News urgency 1 (flash) … 9 (lowest), as in ninjs and NewsML-G2. */
  urgency: z.number().int().min(1).max(9).optional(),
  /** The headline (تیتر). */
  headline: z.string().min(1).max(FIELD_LIMITS.headline),
  /** The lead paragraph (لید), if any. */
  lead: z.string().max(FIELD_LIMITS.lead).optional(),
  /** Body paragraphs, in order, without the credit that opens the first one. */
  body: z.array(z.string().max(FIELD_LIMITS.paragraph)).max(FIELD_LIMITS.paragraphs),
  /** The desk/service (سرویس), e.g. «سرویس آذربایجان». */
  service: shortText.optional(),
  /** The agency, e.g. «خبرگزاری آران». */
  agency: shortText.optional(),
  /** The credit that opens the first body paragraph, e.g. «خبرگزاری آران / سرویس آذربایجان». */
  credit: shortText.optional(),
  /** Byline: the reporter(s). */
  byline: shortText.optional(),
  /** Where the story happened (dateline place). */
  located: shortText.optional(),
  /** Free keywords / tags. */
  keywords: z.array(shortText.min(1)).max(FIELD_LIMITS.keywords),
  /** Subjects (categories). */
  subjects: z.array(subjectSchema).max(FIELD_LIMITS.keywords),
  /** Sign-off of the editor or reporter (initials, codes). */
  signOff: shortText.optional(),
  /** End-of-message marker as written, e.g. «پایان پیام.», «انتهای پیام/». */
  endMarker: shortText.optional(),
  /** This version corrects an earlier one: subscribers get it marked as a correction. */
  correction: z.boolean().optional(),
  /** Not to be published before this instant (pubStatus withheld until then). */
  embargoed: isoInstant.optional(),
  /** A correction or editor's note carried with this version. */
  edNote: z.string().max(FIELD_LIMITS.lead).optional(),
  /** Language (BCP 47); khabar's stories are Persian. */
  language: z.string().min(2).max(35),
  /** Where an imported story came from. */
  source: storySourceSchema.optional(),
  /** Wire-text layout details, for an exact round trip. */
  wire: wireLayoutSchema.optional(),
}).strict();

/** A story. */
export type Story = z.infer<typeof storySchema>;
/** A story's source. */
export type StorySource = z.infer<typeof storySourceSchema>;
/** A subject. */
export type Subject = z.infer<typeof subjectSchema>;

/**
 * Checks unknown input against the story schema.
 * @returns the story, typed.
 * @throws KhabarError INVALID_INPUT naming the first bad field, e.g. `story.body[2]: expected string`.
 */
export function validateStory(input: unknown): Story {
  const r = storySchema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = issue.path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}.${String(p)}`), 'story');
  throw new KhabarError('INVALID_INPUT', `${path}: ${issue.message}`, { field: path });
}

/** Fields a caller may leave out of {@link createStory}. */
export type StoryInit = Partial<Story> & Pick<Story, 'headline'>;

/**
 * Builds a valid story from the fields given, filling defaults: version 1, pubstatus usable, no body,
 * no keywords or subjects, language `fa`, and a `urn:khabar:story:` uri from the code when there is one.
 * @throws KhabarError INVALID_INPUT naming the first bad field.
 */
export function createStory(init: StoryInit): Story {
  const story = {
    version: 1,
    pubStatus: 'usable' as const,
    body: [],
    keywords: [],
    subjects: [],
    language: 'fa',
    ...init,
    uri: init.uri ?? (init.code !== undefined ? `urn:khabar:story:${init.code}` : `urn:khabar:story:${storyHash(init)}`),
  };
  return validateStory(stripUndefined(story));
}

/** A short stable hash of a story's text, for a uri when it has no code (FNV-1a, base 36). */
function storyHash(init: StoryInit): string {
  let h = 0x811c9dc5;
  const text = [init.source?.name, init.source?.id, init.headline, init.lead, ...(init.body ?? [])].join('\u0000');
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Drops keys whose value is undefined, so that strict schemas and deep equality agree. */
export function stripUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
