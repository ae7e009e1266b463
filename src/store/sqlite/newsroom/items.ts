/**
 * Items: filing, reading, listing, saving, workflow moves, revisions and the scheduler's due items.
 * Publishing is publish-item.ts. The draft's uri is the item's archive identity for life: unique among
 * items, not an archive story's already, and never changed by a save.
 *
 * Filing and every workflow move append an audit entry (`item.create`, `item.<action>`) in the same
 * transaction; saves are recorded by their revisions only (who, when), not in the audit log.
 * A move's `note` replaces the item's note (a move without one clears it: the note says why the item is
 * where it is now); leaving `scheduled` clears `scheduledAt`.
 */
import { KhabarError } from '../../../errors/index.js';
import type { ItemState, NewsroomItem, NewsroomStore } from '../../newsroom-store.js';
import type { AuditAppender } from './audit.js';
import { checkExpectation, checkId, checkInstant, checkInt, checkNote, checkObject, checkState, checkStates, checkStory, invalid } from '../../newsroom-checks.js';
import type { NewsroomContext } from './context.js';
import type { ItemWrites } from './item-writes.js';
import type { NewsroomLookups } from './lookups.js';
import { toItem, toRevision, type ItemRow, type RevisionRow } from './rows.js';

/** Default and largest page of {@link NewsroomStore.listItems}. */
export const ITEM_PAGE = { default: 50, max: 1000 } as const;
/** Longest workflow note. */
export const MAX_NOTE = 10_000;
/** A revision/audit action name: lower-case words joined by hyphens (`submit`, `unschedule`). */
const ACTION = /^[a-z][a-z0-9-]{0,62}$/;

type ItemMethods = Pick<NewsroomStore,
  'createItem' | 'getItem' | 'listItems' | 'saveItem' | 'transitionItem' | 'listRevisions' | 'dueScheduledItems'>;

/** The item methods over `ctx`. */
export function createItemMethods(ctx: NewsroomContext, lookups: NewsroomLookups, writes: ItemWrites, audit: AuditAppender): ItemMethods {
  const { db } = ctx;
  const byId = db.prepare<[number], ItemRow>('SELECT * FROM items WHERE id = ?');
  const itemByUri = db.prepare<[string], number>('SELECT id FROM items WHERE uri = ?').pluck();
  const storyByUri = db.prepare<[string], number>('SELECT id FROM stories WHERE uri = ?').pluck();
  const insert = db.prepare(`INSERT INTO items (desk_id, author_id, uri, state, draft, revision, created_at, updated_at)
    VALUES (@deskId, @authorId, @uri, 'draft', @draft, 1, @now, @now)`);
  const revisions = db.prepare<[number], RevisionRow>('SELECT * FROM item_revisions WHERE item_id = ? ORDER BY revision');
  const due = db.prepare<[number], ItemRow>(
    `SELECT * FROM items WHERE state = 'scheduled' AND scheduled_at <= ? ORDER BY scheduled_at, id`);
  // One statement per filter combination, prepared on first use; states go in as one JSON array.
  const lists = new Map<string, { all(...params: Array<number | string>): ItemRow[] }>();
  function listStatement(desk: boolean, states: boolean, author: boolean) {
    const key = `${+desk}${+states}${+author}`;
    let stmt = lists.get(key);
    if (stmt === undefined) {
      const where = [desk && 'desk_id = ?', states && 'state IN (SELECT value FROM json_each(?))', author && 'author_id = ?']
        .filter(Boolean);
      stmt = db.prepare<Array<number | string>, ItemRow>(`SELECT * FROM items
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`);
      lists.set(key, stmt);
    }
    return stmt;
  }

  /** A new item's uri must be nobody's yet: not another item's, not an archive story's. */
  function assertUriFree(uri: string): void {
    const item = itemByUri.get(uri);
    if (item !== undefined) {
      throw new KhabarError('CONFLICT', `uri ${uri} belongs to item ${item}`, { field: 'input.draft.uri', uri, conflictingItemId: item });
    }
    const story = storyByUri.get(uri);
    if (story !== undefined) {
      throw new KhabarError('CONFLICT', `uri ${uri} belongs to archive story ${story}; an item's first publication creates its story`,
        { field: 'input.draft.uri', uri, conflictingId: story });
    }
  }

  return {
    createItem: (input) => ctx.run('createItem', () => {
      const i = checkObject(input, 'input', ['deskId', 'authorId', 'draft']);
      const deskId = checkId(i['deskId'], 'input.deskId');
      const authorId = checkId(i['authorId'], 'input.authorId');
      const draft = checkStory(i['draft'], 'input.draft');
      const json = JSON.stringify(draft);
      return ctx.immediate((): NewsroomItem => {
        lookups.requireDesk(deskId);
        lookups.requireUser(authorId);
        assertUriFree(draft.uri);
        const now = ctx.now();
        const id = Number(insert.run({ deskId, authorId, uri: draft.uri, draft: json, now }).lastInsertRowid);
        writes.firstRevision(id, json, authorId, now);
        audit({ at: now, userId: authorId, action: 'item.create', itemId: id, detail: { deskId } });
        return toItem(byId.get(id)!);
      });
    }),
    getItem: (id) => ctx.run('getItem', () => {
      const row = byId.get(checkId(id, 'id'));
      return row === undefined ? undefined : toItem(row);
    }),
    listItems: (query = {}) => ctx.run('listItems', () => {
      const q = checkObject(query, 'query', ['deskId', 'states', 'authorId', 'limit', 'offset']);
      const params: Array<number | string> = [];
      if (q['deskId'] !== undefined) params.push(checkId(q['deskId'], 'query.deskId'));
      if (q['states'] !== undefined) params.push(JSON.stringify(checkStates(q['states'], 'query.states')));
      if (q['authorId'] !== undefined) params.push(checkId(q['authorId'], 'query.authorId'));
      params.push(checkInt(q['limit'], 'query.limit', 1, ITEM_PAGE.max, ITEM_PAGE.default));
      params.push(checkInt(q['offset'], 'query.offset', 0, Number.MAX_SAFE_INTEGER, 0));
      return listStatement(q['deskId'] !== undefined, q['states'] !== undefined, q['authorId'] !== undefined)
        .all(...params).map(toItem);
    }),
    saveItem: (id, input) => ctx.run('saveItem', () => {
      checkId(id, 'id');
      const i = checkObject(input, 'input', ['draft', 'userId', 'expect']);
      const draft = checkStory(i['draft'], 'input.draft');
      const userId = checkId(i['userId'], 'input.userId');
      const expect = checkExpectation(i['expect'], 'input.expect', true);
      return ctx.immediate(() => {
        const row = lookups.requireItem(id);
        lookups.requireUser(userId);
        writes.check(row, expect);
        if (draft.uri !== row.uri) {
          throw invalid('input.draft.uri', `must stay the item's uri ${row.uri} (its archive identity), got ${draft.uri}`);
        }
        const next = writes.commit(row, {
          state: row.state, draft: JSON.stringify(draft), userId, action: 'save', note: row.note, scheduledAt: row.scheduled_at,
          storyId: row.story_id, publishedVersion: row.published_version,
        }, ctx.now());
        return toItem(next);
      });
    }),
    transitionItem: (id, move) => ctx.run('transitionItem', () => {
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
      return ctx.immediate(() => {
        const row = lookups.requireItem(id);
        lookups.requireUser(userId);
        writes.check(row, expect);
        const now = ctx.now();
        const next = writes.commit(row, {
          state: to, draft: row.draft, userId, action, note, scheduledAt, storyId: row.story_id, publishedVersion: row.published_version,
        }, now);
        const detail: Record<string, unknown> = { from: row.state, to, revision: next.revision };
        if (note !== null) detail['note'] = note;
        if (scheduledAt !== null) detail['scheduledAt'] = new Date(scheduledAt).toISOString();
        audit({ at: now, userId, action: `item.${action}`, itemId: id, detail });
        return toItem(next);
      });
    }),
    listRevisions: (itemId) => ctx.run('listRevisions', () => {
      checkId(itemId, 'itemId');
      return ctx.deferred(() => {
        lookups.requireItem(itemId);
        return revisions.all(itemId).map(toRevision);
      });
    }),
    dueScheduledItems: (now) => ctx.run('dueScheduledItems', () => due.all(checkInstant(now, 'now')).map(toItem)),
  };
}
