/**
 * Items on PostgreSQL (as sqlite/newsroom/items.ts): filing, reading, listing, saving, workflow moves,
 * revisions and the scheduler's due items; publishing is publish-item.ts. Every change locks the item's
 * row (lookups.ts `lockItem`) before checking the caller's expectation, so of two saves based on one
 * revision on two servers, the second waits for the first and is refused with CONFLICT.
 *
 * Filing and every move append an audit entry (`item.create`, `item.<action>`) in the same transaction;
 * saves are recorded by their revisions only. A move's `note` replaces the item's note; leaving
 * `scheduled` clears `scheduledAt`. A new item's uri must be nobody's: not another item's (checked, and
 * `items_uri_key` settles a concurrent filing), not an archive story's (checked; a story stored with that
 * uri concurrently makes the item's first publication refuse, as it would on SQLite for one stored later).
 */
import { KhabarError } from '../../../errors/index.js';
import type { ItemState, NewsroomItem, NewsroomStore } from '../../newsroom-store.js';
import { checkExpectation, checkId, checkInstant, checkInt, checkNote, checkObject, checkState, checkStates, checkStory, invalid, notFound } from '../../newsroom-checks.js';
import { ITEM_PAGE, MAX_NOTE } from '../../sqlite/newsroom/items.js';
import { appendAuditTx } from './audit.js';
import type { PgNewsroomContext, Sql } from './context.js';
import { checkItem, commitItem, draftText, insertRevision, scheduledMs } from './item-writes.js';
import { lockItem, requireDesk, requireUser } from './lookups.js';
import { at, num, toItem, toRevision, type ItemRow, type RevisionRow } from './rows.js';

/** A revision/audit action name (as sqlite/newsroom/items.ts, where it is not exported). */
const ACTION = /^[a-z][a-z0-9-]{0,62}$/;

type ItemMethods = Pick<NewsroomStore,
  'createItem' | 'getItem' | 'listItems' | 'saveItem' | 'transitionItem' | 'listRevisions' | 'dueScheduledItems'>;

/** A new item's uri must be nobody's yet: not another item's, not an archive story's. */
async function assertUriFree(sql: Sql, uri: string): Promise<void> {
  const item = (await sql.query<{ id: string }>('SELECT id FROM items WHERE uri = $1', [uri])).rows[0];
  if (item !== undefined) {
    throw new KhabarError('CONFLICT', `uri ${uri} belongs to item ${item.id}`, { field: 'input.draft.uri', uri, conflictingItemId: Number(item.id) });
  }
  const story = (await sql.query<{ id: string }>('SELECT id FROM stories WHERE uri = $1', [uri])).rows[0];
  if (story !== undefined) {
    throw new KhabarError('CONFLICT', `uri ${uri} belongs to archive story ${story.id}; an item's first publication creates its story`,
      { field: 'input.draft.uri', uri, conflictingId: Number(story.id) });
  }
}

/** The item methods over `ctx`. */
export function createItemMethods(ctx: PgNewsroomContext): ItemMethods {
  return {
    createItem: (input) => ctx.run('createItem', async () => {
      const i = checkObject(input, 'input', ['deskId', 'authorId', 'draft']);
      const deskId = checkId(i['deskId'], 'input.deskId');
      const authorId = checkId(i['authorId'], 'input.authorId');
      const draft = checkStory(i['draft'], 'input.draft');
      const json = JSON.stringify(draft);
      return ctx.tx(async (c): Promise<NewsroomItem> => {
        await requireDesk(c, deskId);
        await requireUser(c, authorId);
        await assertUriFree(c, draft.uri);
        const now = await ctx.now(c);
        const row = (await c.query<ItemRow>(`INSERT INTO items (desk_id, author_id, uri, state, draft, revision, created_at, updated_at)
          VALUES ($1, $2, $3, 'draft', $4, 1, $5, $5) RETURNING *`, [deskId, authorId, draft.uri, json, at(now)])).rows[0]!;
        const id = num(row.id);
        await insertRevision(c, id, 1, json, authorId, 'create', now);
        await appendAuditTx(c, { at: now, userId: authorId, action: 'item.create', itemId: id, detail: { deskId } });
        return toItem(row);
      });
    }),
    getItem: (id) => ctx.run('getItem', async () => {
      const [row] = await ctx.rows<ItemRow>('SELECT * FROM items WHERE id = $1', [checkId(id, 'id')]);
      return row === undefined ? undefined : toItem(row);
    }),
    listItems: (query = {}) => ctx.run('listItems', async () => {
      const q = checkObject(query, 'query', ['deskId', 'states', 'authorId', 'limit', 'offset']);
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: (n: number) => string, value: unknown) => {
        params.push(value);
        where.push(sql(params.length));
      };
      if (q['deskId'] !== undefined) add((n) => `desk_id = $${n}`, checkId(q['deskId'], 'query.deskId'));
      if (q['states'] !== undefined) add((n) => `state = ANY($${n}::text[])`, checkStates(q['states'], 'query.states'));
      if (q['authorId'] !== undefined) add((n) => `author_id = $${n}`, checkId(q['authorId'], 'query.authorId'));
      const limit = checkInt(q['limit'], 'query.limit', 1, ITEM_PAGE.max, ITEM_PAGE.default);
      const offset = checkInt(q['offset'], 'query.offset', 0, Number.MAX_SAFE_INTEGER, 0);
      params.push(limit, offset);
      const rows = await ctx.rows<ItemRow>(`SELECT * FROM items ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY updated_at DESC, id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`, params);
      return rows.map(toItem);
    }),
    saveItem: (id, input) => ctx.run('saveItem', async () => {
      checkId(id, 'id');
      const i = checkObject(input, 'input', ['draft', 'userId', 'expect']);
      const draft = checkStory(i['draft'], 'input.draft');
      const userId = checkId(i['userId'], 'input.userId');
      const expect = checkExpectation(i['expect'], 'input.expect', true);
      return ctx.tx(async (c) => {
        const row = await lockItem(c, id);
        await requireUser(c, userId);
        await checkItem(c, row, expect);
        if (draft.uri !== row.uri) {
          throw invalid('input.draft.uri', `must stay the item's uri ${row.uri} (its archive identity), got ${draft.uri}`);
        }
        const next = await commitItem(c, row, {
          state: row.state, draft: JSON.stringify(draft), userId, action: 'save', note: row.note,
          scheduledAt: scheduledMs(row),
          storyId: row.story_id === null ? null : num(row.story_id),
          publishedVersion: row.published_version === null ? null : num(row.published_version),
        }, await ctx.now(c));
        return toItem(next);
      });
    }),
    transitionItem: (id, move) => ctx.run('transitionItem', async () => {
      checkId(id, 'id');
      const m = checkObject(move, 'move', ['to', 'userId', 'action', 'note', 'scheduledAt', 'expect']);
      const to: ItemState = checkState(m['to'], 'move.to');
      if (to === 'published' || to === 'killed') {
        throw invalid('move.to', `cannot be ${to}: publishItem publishes and kills (the archive story changes with the item)`);
      }
      const userId = checkId(m['userId'], 'move.userId');
      if (typeof m['action'] !== 'string' || !ACTION.test(m['action'])) {
        throw invalid('move.action', 'must be lower-case letters, digits and hyphens, starting with a letter, at most 63 characters (e.g. submit)');
      }
      const action = m['action'];
      const note = m['note'] === undefined ? null : checkNote(m['note'], 'move.note', MAX_NOTE);
      let scheduledAt: number | null = null;
      if (to === 'scheduled') scheduledAt = checkInstant(m['scheduledAt'], 'move.scheduledAt');
      else if (m['scheduledAt'] !== undefined) throw invalid('move.scheduledAt', `is only for a move to scheduled, not to ${to}`);
      const expect = checkExpectation(m['expect'], 'move.expect');
      return ctx.tx(async (c) => {
        const row = await lockItem(c, id);
        await requireUser(c, userId);
        await checkItem(c, row, expect);
        const now = await ctx.now(c);
        const next = await commitItem(c, row, {
          state: to, draft: draftText(row), userId, action, note, scheduledAt,
          storyId: row.story_id === null ? null : num(row.story_id),
          publishedVersion: row.published_version === null ? null : num(row.published_version),
        }, now);
        const detail: Record<string, unknown> = { from: row.state, to, revision: num(next.revision) };
        if (note !== null) detail['note'] = note;
        if (scheduledAt !== null) detail['scheduledAt'] = new Date(scheduledAt).toISOString();
        await appendAuditTx(c, { at: now, userId, action: `item.${action}`, itemId: id, detail });
        return toItem(next);
      });
    }),
    listRevisions: (itemId) => ctx.run('listRevisions', async () => {
      checkId(itemId, 'itemId');
      // One statement (one snapshot): the item's existence and its revisions.
      const rows = await ctx.rows<RevisionRow | { [K in keyof RevisionRow]: null }>(
        `SELECT r.* FROM items i LEFT JOIN item_revisions r ON r.item_id = i.id WHERE i.id = $1 ORDER BY r.revision`, [itemId]);
      if (rows.length === 0) throw notFound('item', itemId);
      return rows.filter((r): r is RevisionRow => r.revision !== null).map(toRevision);
    }),
    dueScheduledItems: (now) => ctx.run('dueScheduledItems', async () => {
      const rows = await ctx.rows<ItemRow>(
        `SELECT * FROM items WHERE state = 'scheduled' AND scheduled_at <= $1 ORDER BY scheduled_at, id`, [at(checkInstant(now, 'now'))]);
      return rows.map(toItem);
    }),
  };
}

