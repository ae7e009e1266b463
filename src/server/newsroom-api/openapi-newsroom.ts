/**
 * The newsroom API's part of the OpenAPI document (`/newsroom/...` under `/api/v1`): its paths, the
 * JSON Schemas of its bodies, and its security schemes — the session cookie (with the CSRF header for
 * unsafe methods) or a bearer token. api/openapi.ts merges these into the one document.
 */
import { ITEM_STATES, ROLES } from '../../store/index.js';
import { PUB_STATUSES } from '../../story/index.js';
import { CSRF_HEADER, SESSION_COOKIE } from './session.js';

type Obj = Record<string, unknown>;

const ref = (name: string): Obj => ({ $ref: `#/components/schemas/${name}` });
const resp = (name: string): Obj => ({ $ref: `#/components/responses/${name}` });
const json = (schema: Obj): Obj => ({ 'application/json': { schema } });
const str = (description: string, extra: Obj = {}): Obj => ({ type: 'string', description, ...extra });
const int = (description: string, extra: Obj = {}): Obj => ({ type: 'integer', description, ...extra });
const bool = (description: string): Obj => ({ type: 'boolean', description });
const dateTime = (description: string): Obj => str(description, { format: 'date-time' });
const obj = (properties: Record<string, Obj>, required: string[], description?: string, additional = false): Obj => ({
  type: 'object', ...(description ? { description } : {}), required, properties, additionalProperties: additional,
});
const list = (item: string, description: string): Obj => obj({ items: { type: 'array', items: ref(item) } }, ['items'], description);
const id = (description: string): Obj => int(description, { minimum: 1 });

const noStore: Obj = { 'Cache-Control': { description: 'Always `no-store`.', schema: { type: 'string' }, example: 'no-store' } };

/** The security schemes: cookie (browser) and bearer (scripts), and the CSRF header cookie users add. */
export function newsroomSecuritySchemes(): Obj {
  return {
    sessionCookie: {
      type: 'apiKey', in: 'cookie', name: SESSION_COOKIE,
      description: 'The session cookie set by `POST /newsroom/login` (HttpOnly, SameSite=Strict, Path=/, Secure on https).',
    },
    csrfHeader: {
      type: 'apiKey', in: 'header', name: CSRF_HEADER,
      description: 'The session\'s CSRF token (from login or `GET /newsroom/me`). Required with the cookie on POST, PUT, PATCH and DELETE.',
    },
    bearerToken: {
      type: 'http', scheme: 'bearer',
      description: 'The session token from `POST /newsroom/login` as `Authorization: Bearer <token>`. No CSRF token needed.',
    },
  };
}

/** Schemas of the newsroom's bodies. */
export function newsroomSchemas(): Obj {
  const draftInput: Record<string, Obj> = {
    headline: str('Headline, 1–1000 characters, kept as written (markup is text).'),
    lead: str('Lead, up to 10,000 characters.'),
    body: { description: 'Paragraphs, or one text split at blank lines.', oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    keywords: { type: 'array', items: { type: 'string' }, description: 'Tags, at most 200.' },
    urgency: int('1 (flash) … 9.', { minimum: 1, maximum: 9 }),
  };
  const revision = id('The revision the request is based on; refused with 409 if the item changed since.');
  return {
    NewsroomUser: obj({
      id: id('User id.'), username: str('Login name.'), displayName: str('Name shown.'), role: str('Role.', { enum: [...ROLES] }),
      disabled: bool('A disabled user cannot log in.'), createdAt: dateTime('Created.'),
    }, ['id', 'username', 'displayName', 'role', 'disabled', 'createdAt']),
    NewsroomUserList: list('NewsroomUser', 'Users.'),
    LoginRequest: obj({ username: str('Login name.'), password: str('Password.') }, ['username', 'password']),
    LoginResult: obj({
      user: ref('NewsroomUser'), token: str('The session token (also set as the cookie); send as a bearer token.'),
      csrfToken: str(`Send in ${CSRF_HEADER} with cookie-authenticated unsafe requests.`), expiresAt: dateTime('The session ends.'),
    }, ['user', 'token', 'csrfToken', 'expiresAt']),
    Me: obj({ user: ref('NewsroomUser'), csrfToken: str('The session\'s CSRF token.'), expiresAt: dateTime('The session ends.') }, ['user', 'csrfToken', 'expiresAt']),
    LogoutEverywhereResult: obj({ sessions: int('Sessions ended.', { minimum: 0 }) }, ['sessions']),
    NewUser: obj({
      username: str('1–64: Latin letters, digits, `.`, `_`, `-` (stored lower-case).'), displayName: str('1–200 characters.'),
      role: str('Role.', { enum: [...ROLES] }), password: str('At least 10 characters.'),
    }, ['username', 'displayName', 'role', 'password']),
    UserPatch: obj({
      displayName: str('New display name.'), role: str('New role.', { enum: [...ROLES] }), disabled: bool('Disable (ends their sessions) or enable.'),
      password: str('New password (admin for anyone; a user for themselves with currentPassword). Ends every session of the user.'),
      currentPassword: str('The current password, when changing your own.'),
    }, []),
    Desk: obj({ id: id('Desk id.'), name: str('The service its stories carry.'), editors: { type: 'array', items: { type: 'integer' }, description: 'Editors\' user ids.' } }, ['id', 'name', 'editors']),
    DeskList: list('Desk', 'Desks.'),
    NewDesk: obj({ name: str('The service name, e.g. «سرویس آذربایجان».') }, ['name']),
    DeskEditors: obj({ editors: { type: 'array', items: { type: 'integer', minimum: 1 }, description: 'User ids (role editor).' } }, ['editors']),
    Draft: obj({
      uri: str('The item\'s archive identity for life.'), code: int('Story code, once published.'), version: int('Version.'),
      pubStatus: str('pubstatus.', { enum: [...PUB_STATUSES] }), headline: str('Headline.'), lead: str('Lead.'),
      body: { type: 'array', items: { type: 'string' } }, service: str('The desk\'s name.'), agency: str('Agency.'),
      keywords: { type: 'array', items: { type: 'string' } }, urgency: int('Urgency.'), correction: bool('A correction.'), edNote: str('Editorial note.'),
    }, ['uri', 'headline', 'body', 'pubStatus'], 'The working copy, a khabar Story.', true),
    NewsroomItem: obj({
      id: id('Item id.'), deskId: id('Desk.'), authorId: id('The reporter who filed it.'), state: str('Workflow state.', { enum: [...ITEM_STATES] }),
      draft: ref('Draft'), revision: id('Saved revisions so far.'), storyId: id('The archive story, once published.'),
      publishedVersion: id('Latest published version.'), note: str('The last workflow note.'), scheduledAt: dateTime('When it is to be published.'),
      lock: obj({
        userId: id('Holder.'), at: dateTime('Taken or refreshed.'), username: str('Holder\'s login.'), displayName: str('Holder\'s name.'),
        stale: bool('Older than the lock timeout: no longer blocks saves.'),
      }, ['userId', 'at', 'username', 'displayName', 'stale'], 'The edit lock, with who holds it.'),
      actions: { type: 'array', items: { type: 'string' }, description: 'Workflow actions the viewer may take now.' },
      createdAt: dateTime('Filed.'), updatedAt: dateTime('Last changed.'),
    }, ['id', 'deskId', 'authorId', 'state', 'draft', 'revision', 'actions', 'createdAt', 'updatedAt']),
    NewsroomItemList: list('NewsroomItem', 'Items, most recently updated first.'),
    NewItem: obj({ deskId: id('The desk to file into.'), ...draftInput }, ['deskId', 'headline']),
    SaveItem: obj({ revision, ...draftInput }, ['revision', 'headline']),
    MoveRequest: obj({ revision }, []),
    NoteRequest: obj({ note: str('Why (returned, killed).'), revision }, ['note']),
    ScheduleRequest: obj({ at: dateTime('When to publish (RFC 3339, future).'), revision }, ['at']),
    CorrectRequest: obj({ note: str('What the correction corrects (becomes edNote).'), draft: obj(draftInput, ['headline'], 'New text (optional).'), revision }, ['note']),
    ItemRevision: obj({
      itemId: id('Item.'), revision: id('Revision.'), draft: ref('Draft'), userId: id('Who.'), action: str('What made it.'), at: dateTime('When.'),
    }, ['itemId', 'revision', 'draft', 'userId', 'action', 'at']),
    ItemRevisionList: list('ItemRevision', 'Revisions, oldest first.'),
    StoryDiff: obj({
      headline: { type: 'array', items: { type: 'object' } }, lead: { type: 'array', items: { type: 'object' } },
      body: { type: 'array', items: { type: 'object' } }, keywords: { type: 'array', items: { type: 'object' } },
      urgency: { type: 'object' }, changed: bool('Any difference.'),
    }, ['headline', 'lead', 'body', 'keywords', 'urgency', 'changed'], 'Word-level diff: runs `{op: same|add|del, text}`.'),
    AuditEntry: obj({
      id: id('Entry id.'), at: dateTime('When.'), userId: id('Who (absent: the system).'), action: str('What, e.g. `item.publish`.'),
      itemId: id('Item.'), detail: { type: 'object', description: 'More.' },
    }, ['id', 'at', 'action']),
    AuditList: list('AuditEntry', 'Newest first.'),
    Webhook: obj({
      id: id('Webhook id.'), url: str('Subscriber URL.'), active: bool('Delivering.'), cursor: int('Last wire sequence delivered.', { minimum: 0 }),
      failures: int('Consecutive failures.', { minimum: 0 }), nextAttemptAt: dateTime('Backoff until.'), lastError: str('Last failure.'),
      createdAt: dateTime('Created.'),
    }, ['id', 'url', 'active', 'cursor', 'failures', 'createdAt'], 'A subscriber (the secret is never shown).'),
    WebhookList: list('Webhook', 'Webhook subscribers.'),
    NewWebhook: obj({ url: str('http(s) URL.'), secret: str('HMAC-SHA256 key, 16–200 characters.') }, ['url', 'secret']),
  };
}

/** Error responses of the newsroom. */
export function newsroomResponses(): Obj {
  const err = (description: string): Obj => ({ description, headers: noStore, content: json(ref('Error')) });
  return {
    NewsroomBadRequest: err('Invalid input (code `INVALID_INPUT`): the message names the field and the limit.'),
    Unauthenticated: err('No session, or an unknown, expired or malformed token (code `UNAUTHENTICATED`).'),
    Forbidden: err('The role may not do this (code `FORBIDDEN`; the message says why), or the CSRF header is missing or wrong, or a cross-site login.'),
    NewsroomNotFound: err('No such item, user, desk, webhook or revision (code `NOT_FOUND`).'),
    Conflict: err('The state does not allow it, the item changed since the given revision, another user holds the edit lock, or a name is taken (code `CONFLICT`).'),
    TooLarge: { description: 'The request body is over 1 MB (code `INPUT_TOO_LARGE`).', content: json(ref('Error')) },
    TooManyRequests: {
      description: 'Too many failed logins (code `TOO_MANY_REQUESTS`).',
      headers: { ...noStore, 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'string' } } },
      content: json(ref('Error')),
    },
  };
}

const AUTH = [{ sessionCookie: [] }, { bearerToken: [] }];
const AUTH_UNSAFE = [{ sessionCookie: [], csrfHeader: [] }, { bearerToken: [] }];
const pathId = (name: string, description: string): Obj => ({ name, in: 'path', required: true, description, schema: { type: 'integer', minimum: 1 }, example: 1 });
const q = (name: string, description: string, schema: Obj, required = false): Obj => ({ name, in: 'query', required, description, schema, ...(required ? { example: 1 } : {}) });

interface OpSpec {
  id: string;
  summary: string;
  ok: [status: number, schema: string | undefined, description: string];
  body?: string;
  params?: Obj[];
  errors: number[];
  description?: string;
  auth?: false;
}

function op(method: string, s: OpSpec): Obj {
  const unsafe = method !== 'get';
  const errors: Record<number, string> = {
    400: 'NewsroomBadRequest', 401: 'Unauthenticated', 403: 'Forbidden', 404: 'NewsroomNotFound', 409: 'Conflict', 413: 'TooLarge', 429: 'TooManyRequests',
  };
  const [status, schema, description] = s.ok;
  const responses: Obj = {
    [status]: { description, headers: noStore, ...(schema ? { content: json(ref(schema)) } : {}) },
  };
  for (const e of s.errors) responses[e] = resp(errors[e]!);
  return {
    operationId: s.id, tags: ['newsroom'], summary: s.summary, ...(s.description ? { description: s.description } : {}),
    security: s.auth === false ? [] : unsafe ? AUTH_UNSAFE : AUTH,
    ...(s.params ? { parameters: s.params } : {}),
    ...(s.body ? { requestBody: { required: !['MoveRequest'].includes(s.body), content: json(ref(s.body)) } } : {}),
    responses,
  };
}

function updateUser(): Obj {
  const o = op('patch', {
    id: 'updateUser', summary: 'Change a user (admin), or your own password.', body: 'UserPatch', params: [pathId('id', 'The user\'s id.')],
    ok: [200, 'NewsroomUser', 'The user, changed.'], errors: [400, 401, 403, 404, 409, 413],
  });
  (o['responses'] as Obj)[204] = { description: 'Only the password changed (every session of the user ended).', headers: noStore };
  return o;
}

/** The newsroom paths, relative to the API root. */
export function newsroomPaths(): Obj {
  const itemId = pathId('id', 'The item\'s id.');
  const R = [401, 403, 404]; // reads of one item
  const W = [400, 401, 403, 404, 409, 413]; // writes to one item
  const move = (action: string, summary: string, body: string, errors = W): Obj => ({
    post: op('post', { id: `${action.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Item`, summary, body, params: [itemId], ok: [200, 'NewsroomItem', 'The item after the move.'], errors }),
  });
  return {
    '/newsroom/login': {
      post: op('post', {
        id: 'newsroomLogin', summary: 'Log in: sets the session cookie and returns the token and CSRF token.', body: 'LoginRequest', auth: false,
        description: 'A new session every time (a cookie presented here is ended, never reused). A cross-site `Origin` is refused. '
          + '5 failures per username (20 per address) in 15 minutes → 429.',
        ok: [200, 'LoginResult', 'Logged in.'], errors: [400, 401, 403, 413, 429],
      }),
    },
    '/newsroom/logout': { post: op('post', { id: 'newsroomLogout', summary: 'End this session.', ok: [204, undefined, 'Logged out; the cookie is cleared.'], errors: [401, 403] }) },
    '/newsroom/logout-everywhere': {
      post: op('post', { id: 'newsroomLogoutEverywhere', summary: 'End every session of this user.', ok: [200, 'LogoutEverywhereResult', 'Sessions ended.'], errors: [401, 403] }),
    },
    '/newsroom/me': { get: op('get', { id: 'newsroomMe', summary: 'The session\'s user and CSRF token.', ok: [200, 'Me', 'The session.'], errors: [401] }) },
    '/newsroom/users': {
      get: op('get', { id: 'listUsers', summary: 'Users (admin).', ok: [200, 'NewsroomUserList', 'Users.'], errors: [401, 403] }),
      post: op('post', { id: 'createUser', summary: 'Create a user (admin).', body: 'NewUser', ok: [201, 'NewsroomUser', 'Created.'], errors: [400, 401, 403, 409, 413] }),
    },
    '/newsroom/users/{id}': { patch: updateUser() },
    '/newsroom/desks': {
      get: op('get', { id: 'listDesks', summary: 'Desks (everyone logged in).', ok: [200, 'DeskList', 'Desks.'], errors: [401] }),
      post: op('post', { id: 'createDesk', summary: 'Create a desk (admin).', body: 'NewDesk', ok: [201, 'Desk', 'Created.'], errors: [400, 401, 403, 409, 413] }),
    },
    '/newsroom/desks/{id}/editors': {
      put: op('put', { id: 'setDeskEditors', summary: 'Choose a desk\'s editors (admin).', body: 'DeskEditors', params: [pathId('id', 'The desk\'s id.')], ok: [200, 'Desk', 'The desk.'], errors: [400, 401, 403, 404, 413] }),
    },
    '/newsroom/items': {
      get: op('get', {
        id: 'listItems', summary: 'Items the user may read (a reporter: their own; an editor: also their desks\').',
        params: [q('desk', 'Only this desk.', { type: 'integer', minimum: 1 }), q('state', 'Only this state.', { type: 'string', enum: [...ITEM_STATES] }),
          q('limit', 'Page size.', { type: 'integer', minimum: 1, maximum: 200, default: 50 }), q('offset', 'Skip.', { type: 'integer', minimum: 0, maximum: 100000 })],
        ok: [200, 'NewsroomItemList', 'Items.'], errors: [400, 401, 404],
      }),
      post: op('post', { id: 'fileItem', summary: 'File a new draft into a desk.', body: 'NewItem', ok: [201, 'NewsroomItem', 'Filed.'], errors: [400, 401, 403, 404, 413] }),
    },
    '/newsroom/items/{id}': {
      get: op('get', { id: 'getItem', summary: 'One item, with its lock holder and the actions the user may take.', params: [itemId], ok: [200, 'NewsroomItem', 'The item.'], errors: R }),
      put: op('put', {
        id: 'saveItem', summary: 'Save the working copy (based on `revision`).', body: 'SaveItem', params: [itemId], ok: [200, 'NewsroomItem', 'Saved.'], errors: W,
        description: '409 when the item changed since `revision` or another user holds the edit lock: nothing is saved, nothing lost silently.',
      }),
    },
    '/newsroom/items/{id}/submit': move('submit', 'Submit your own draft to the desk.', 'MoveRequest'),
    '/newsroom/items/{id}/return': move('return', 'Return to the reporter with a note.', 'NoteRequest'),
    '/newsroom/items/{id}/publish': move('publish', 'Publish: the archive, the feeds, the live wire and webhooks.', 'MoveRequest'),
    '/newsroom/items/{id}/schedule': move('schedule', 'Publish at a time (embargo).', 'ScheduleRequest'),
    '/newsroom/items/{id}/unschedule': move('unschedule', 'Cancel a scheduled publication.', 'MoveRequest'),
    '/newsroom/items/{id}/correct': move('correct', 'Publish a correction (chief).', 'CorrectRequest'),
    '/newsroom/items/{id}/kill': move('kill', 'Kill a published story (chief).', 'NoteRequest'),
    '/newsroom/items/{id}/lock': move('lock', 'Take the edit lock (409 names the holder).', 'MoveRequest'),
    '/newsroom/items/{id}/unlock': move('unlock', 'Release your edit lock.', 'MoveRequest', [401, 403, 404]),
    '/newsroom/items/{id}/break-lock': move('break-lock', 'Break another user\'s edit lock (chief).', 'MoveRequest', [401, 403, 404]),
    '/newsroom/items/{id}/revisions': {
      get: op('get', { id: 'listItemRevisions', summary: 'Every saved revision.', params: [itemId], ok: [200, 'ItemRevisionList', 'Revisions.'], errors: R }),
    },
    '/newsroom/items/{id}/diff': {
      get: op('get', {
        id: 'diffItemRevisions', summary: 'Word-level diff between two revisions.',
        params: [itemId, q('from', 'Older revision.', { type: 'integer', minimum: 1 }, true), q('to', 'Newer revision.', { type: 'integer', minimum: 1 }, true)],
        ok: [200, 'StoryDiff', 'The diff.'], errors: [400, 401, 403, 404],
      }),
    },
    '/newsroom/audit': {
      get: op('get', {
        id: 'listAudit', summary: 'The audit log (chief, admin), newest first.',
        params: [q('item', 'Only this item.', { type: 'integer', minimum: 1 }), q('user', 'Only this user.', { type: 'integer', minimum: 1 }),
          q('before', 'Entries before this id (paging).', { type: 'integer', minimum: 1 }), q('limit', 'Page size.', { type: 'integer', minimum: 1, maximum: 500, default: 100 })],
        ok: [200, 'AuditList', 'Entries.'], errors: [400, 401, 403],
      }),
    },
    '/newsroom/webhooks': {
      get: op('get', { id: 'listWebhooks', summary: 'Webhook subscribers (admin).', ok: [200, 'WebhookList', 'Webhooks.'], errors: [401, 403] }),
      post: op('post', { id: 'createWebhook', summary: 'Add a subscriber (admin); it receives what is published from now on.', body: 'NewWebhook', ok: [201, 'Webhook', 'Created.'], errors: [400, 401, 403, 413] }),
    },
    '/newsroom/webhooks/{id}': {
      delete: op('delete', { id: 'deleteWebhook', summary: 'Remove a subscriber (admin).', params: [pathId('id', 'The webhook\'s id.')], ok: [204, undefined, 'Removed.'], errors: [401, 403, 404] }),
    },
  };
}
