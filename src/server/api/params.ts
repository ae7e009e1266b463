/**
 * Query and path parameters of the API, checked with zod. Every parameter arrives as text; each schema
 * here reads one parameter strictly (`limit=1e2`, `limit=010x` and `facets=maybe` are refused, not
 * guessed at) and a failure becomes a KhabarError INVALID_INPUT that names the parameter, what it must
 * be and what it was — the server maps it to 400.
 */
import { z } from 'zod';
import { KhabarError } from '../../errors/index.js';
import { MAX_QUERY_LENGTH, parseDateBound } from '../../search/index.js';
import { FIELD_LIMITS, toAsciiDigits } from '../../story/index.js';

/** Limits of the API's parameters (the OpenAPI document states the same numbers). */
export const API_LIMITS = {
  /** Page size of lists and searches. */
  limit: { min: 1, max: 100, listDefault: 20, searchDefault: 10 },
  /** Deepest page: the search store refuses offsets over 100,000 (sqlite-search.ts), the list follows suit. */
  offset: { max: 100_000 },
  /** Related stories. */
  related: { min: 1, max: 50, default: 5 },
  /** Longest `q`: the query language's own limit (search/query-parse.ts). */
  q: MAX_QUERY_LENGTH,
  /** Longest service, agency or tag name (the story schema's short-text limit). */
  name: FIELD_LIMITS.short,
  /** Longest `from`/`to` text. */
  date: 100,
  /** Longest query string (bytes, percent-encoded) before the API answers 414 without reading it. */
  queryString: 8 * 1024,
} as const;

/**
 * A whole number in decimal digits only, within [min, max]. Persian and Arabic-Indic digits count as
 * digits: a story code is printed «کد خبر: ۱۰۰۰۰۴۲» and readers paste it as they see it.
 */
export function intParam(min: number, max: number) {
  const error = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .transform(toAsciiDigits)
    .pipe(z.string().regex(/^\d{1,16}$/, { error }))
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n) && n >= min && n <= max, { error });
}

/** `true` or `false`, nothing else. */
export const boolParam = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((s) => s === 'true');

/** A name filter: service, agency or tag, as stored (not blank, at most the story schema's short-text length). */
export const nameParam = z
  .string()
  .refine((s) => s.trim() !== '', { error: 'must not be empty' })
  .refine((s) => s.length <= API_LIMITS.name, { error: `must be at most ${API_LIMITS.name} characters` });

/**
 * A date bound, Jalali or Gregorian, in any digit script (۱۴۰۳/۰۵/۱۲, 1403-05-12, «۱۲ مرداد ۱۴۰۳»,
 * 2024-08-02, 2024-08-02T10:00:00Z), read by the search module's parser into an ISO instant: a date
 * alone is the start of that Tehran day for `from` and its end for `to`.
 */
function dateParam(bound: 'from' | 'to') {
  return z.string().transform((s, ctx) => {
    if (s.length > API_LIMITS.date) {
      ctx.addIssue({ code: 'custom', message: `must be a date of at most ${API_LIMITS.date} characters` });
      return z.NEVER;
    }
    try {
      return parseDateBound(s, bound);
    } catch (e) {
      // The parser's message repeats the text; keep only its reason, in the parentheses at the end.
      const message = e instanceof Error ? e.message : String(e);
      const reason = /\(([^()]*)\)\)?$/.exec(message)?.[1] ?? message;
      ctx.addIssue({ code: 'custom', message: `must be a Jalali or Gregorian date or an ISO 8601 date-time (${reason})` });
      return z.NEVER;
    }
  });
}

/** The filters `/stories` and `/search` share. */
const filterShape = {
  service: nameParam.optional(),
  agency: nameParam.optional(),
  tag: nameParam.optional(),
  from: dateParam('from').optional(),
  to: dateParam('to').optional(),
  offset: intParam(0, API_LIMITS.offset.max).optional(),
};

/** `GET /stories`. */
export const listParams = z.object({
  ...filterShape,
  limit: intParam(API_LIMITS.limit.min, API_LIMITS.limit.max).optional(),
});

/** `GET /search`. */
export const searchParams = z.object({
  ...filterShape,
  q: z.string().max(API_LIMITS.q, { error: `must be at most ${API_LIMITS.q} characters` }).optional(),
  sort: z.enum(['relevance', 'date'], { error: 'must be relevance or date' }).optional(),
  limit: intParam(API_LIMITS.limit.min, API_LIMITS.limit.max).optional(),
  facets: boolParam.optional(),
  highlight: boolParam.optional(),
});

/** Story representations. */
export const STORY_FORMATS = ['json', 'ninjs', 'newsml', 'wire'] as const;
/** A {@link STORY_FORMATS} value. */
export type StoryFormat = (typeof STORY_FORMATS)[number];

/** `GET /stories/{id}` and `/stories/code/{code}`. */
export const storyParams = z.object({
  format: z.enum(STORY_FORMATS, { error: `must be one of ${STORY_FORMATS.join(', ')}` }).optional(),
});

/** `GET /stories/{id}/related`. */
export const relatedParams = z.object({
  limit: intParam(API_LIMITS.related.min, API_LIMITS.related.max).optional(),
});

/** A story id or code in the path: a positive safe integer. */
export const idParam = intParam(1, Number.MAX_SAFE_INTEGER);

/** Quotes a parameter's value for a message, cut to 60 characters so a huge value cannot flood the log. */
function quote(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value);
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}

/**
 * Reads `input` (query parameters by name, or path parameters) with `schema`.
 * @param where `query parameter` or `path parameter`, for the message.
 * @throws KhabarError INVALID_INPUT naming the first bad parameter: `query parameter limit: must be a
 *   whole number from 1 to 100, got "abc"`, with `details.parameter`.
 */
export function readParams<S extends z.ZodType>(schema: S, input: Record<string, string>, where = 'query parameter'): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const name = issue.path.map(String).join('.');
  const got = name in input ? `, got ${quote(input[name])}` : '';
  throw new KhabarError('INVALID_INPUT', `${where} ${name}: ${issue.message}${got}`, { parameter: name });
}

/** Reads one path parameter (story id or code). */
export function readId(name: 'id' | 'code', raw: string): number {
  return readParams(z.object({ [name]: idParam }), { [name]: raw }, 'path parameter')[name] as number;
}
