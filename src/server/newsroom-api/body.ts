/**
 * Request bodies: JSON only (`Content-Type: application/json`, which a cross-site HTML form cannot
 * send), read with a zod schema into a KhabarError INVALID_INPUT naming the first bad field.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { KhabarError } from '../../errors/index.js';

/** Reads the JSON body with `schema`; an empty body is `{}` when `optional`. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S, optional = false): Promise<z.output<S>> {
  const text = await c.req.text();
  let data: unknown = {};
  if (text.trim() !== '') {
    const type = c.req.header('Content-Type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new KhabarError('INVALID_INPUT', `the request body must be JSON (Content-Type: application/json), got ${JSON.stringify(type.slice(0, 60))}`);
    }
    try {
      data = JSON.parse(text);
    } catch {
      throw new KhabarError('INVALID_INPUT', 'the request body is not valid JSON');
    }
  } else if (!optional) {
    throw new KhabarError('INVALID_INPUT', 'the request needs a JSON body');
  }
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  throw new KhabarError('INVALID_INPUT', `${field === '' ? 'body' : `field ${field}`}: ${issue.message}`, { field });
}

const positive = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).positive({ error: 'must be positive' });
const revision = positive.optional();
const text = (max: number) => z.string({ error: 'must be text' }).max(max, { error: `must be at most ${max} characters` });

/** The story fields (limits are checked by the service, with messages naming them). */
const draftShape = {
  headline: z.string({ error: 'must be text' }),
  lead: z.string({ error: 'must be text' }).optional(),
  body: z.union([z.string(), z.array(z.string())], { error: 'must be text or a list of paragraphs' }).optional(),
  keywords: z.array(z.string(), { error: 'must be a list of text' }).optional(),
  urgency: z.number({ error: 'must be a number' }).optional(),
};

/** The bodies of the newsroom API. */
export const bodies = {
  login: z.strictObject({ username: text(200), password: text(1000) }),
  newUser: z.strictObject({ username: text(64), displayName: text(200), role: z.string(), password: text(1000) }),
  userPatch: z.strictObject({
    displayName: text(200).optional(), role: z.string().optional(), disabled: z.boolean({ error: 'must be true or false' }).optional(),
    password: text(1000).optional(), currentPassword: text(1000).optional(),
  }),
  newDesk: z.strictObject({ name: text(500) }),
  editors: z.strictObject({ editors: z.array(positive, { error: 'must be a list of user ids' }).max(1000) }),
  newItem: z.strictObject({ deskId: positive, ...draftShape }),
  save: z.strictObject({ revision: positive, ...draftShape }),
  move: z.strictObject({ revision }),
  note: z.strictObject({ note: z.string({ error: 'is required' }), revision }),
  schedule: z.strictObject({ at: z.string({ error: 'is required (an RFC 3339 date-time)' }), revision }),
  correct: z.strictObject({ note: z.string({ error: 'is required' }), draft: z.strictObject(draftShape).optional(), revision }),
  newWebhook: z.strictObject({ url: text(2000), secret: text(200) }),
};
