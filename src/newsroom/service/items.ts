/**
 * Items as people read and write them: filing a story into a desk, reading and listing (each user sees
 * what `item.read` allows: a reporter their own, an editor also their desks'), saving the working copy
 * (refused while another user holds the edit lock, and with CONFLICT when it is based on an old
 * revision, so no save is lost silently), revisions, the diff between two of them, and the audit log.
 */
import { randomUUID } from 'node:crypto';
import { KhabarError } from '../../errors/index.js';
import { createStory } from '../../story/index.js';
import type { AuditEntry, EditLock, ItemRevision, ItemState, NewsroomItem, User } from '../../store/index.js';
import { ITEM_STATES } from '../../store/index.js';
import { diffStories, type StoryDiff } from '../diff/story-diff.js';
import { authorize, can } from '../policy/permissions.js';
import { availableActions, fromStates, type WorkflowAction } from '../policy/workflow.js';
import { checkId, requireActor, type ServiceContext } from './context.js';
import { applyDraft, readDraftInput } from './draft-input.js';

/** An item as shown: the lock holder named, and what the viewer may do with it now. */
export interface ItemView extends Omit<NewsroomItem, 'lock'> {
  lock?: EditLock & { username: string; displayName: string; stale: boolean };
  /** Workflow actions the viewer may take now (permission and state both allow). */
  actions: WorkflowAction[];
}

/** Filters of {@link ItemActions.list}. */
export interface ItemQuery {
  deskId?: number;
  state?: ItemState;
  limit?: number;
  offset?: number;
}

/** The item actions. */
export interface ItemActions {
  /** Files a new draft into a desk: the desk's name is its service, the agency the newsroom's. */
  file(actor: User | undefined, deskId: number, input: unknown): Promise<ItemView>;
  get(actor: User | undefined, id: number): Promise<ItemView>;
  /** The items the actor may read, most recently updated first. */
  list(actor: User | undefined, query?: ItemQuery): Promise<ItemView[]>;
  /** Saves the working copy, based on `revision`. */
  save(actor: User | undefined, id: number, input: unknown, revision: number): Promise<ItemView>;
  revisions(actor: User | undefined, id: number): Promise<ItemRevision[]>;
  /** Revision `a` compared with revision `b` of one item, word by word. */
  diff(actor: User | undefined, id: number, a: number, b: number): Promise<StoryDiff>;
  /** The audit log, newest first (optionally of one item or one user). */
  audit(actor: User | undefined, query?: { itemId?: number; userId?: number; limit?: number; before?: number }): Promise<AuditEntry[]>;
  /** An item as the actor sees it (used by every action that returns an item). */
  view(actor: User, item: NewsroomItem): Promise<ItemView>;
}

/** Most items one list answers. */
export const ITEM_LIST_MAX = 200;

/** The item actions over `ctx`. */
export function itemActions(ctx: ServiceContext): ItemActions {
  const { nr } = ctx;

  async function view(actor: User, item: NewsroomItem): Promise<ItemView> {
    const desk = await ctx.desk(item.deskId);
    const actions = availableActions(item.state).filter((a) => can(actor, `item.${a}`, { item, desk }));
    const { lock, ...rest } = item;
    const out: ItemView = { ...rest, actions };
    if (lock) {
      const holder = await nr.getUser(lock.userId);
      out.lock = {
        ...lock, username: holder?.username ?? '', displayName: holder?.displayName ?? '',
        stale: Date.parse(lock.at) + ctx.lockSeconds * 1000 <= ctx.now().getTime(),
      };
    }
    return out;
  }

  async function readable(actor: User, id: number): Promise<NewsroomItem> {
    const { item, desk } = await ctx.itemAndDesk(id);
    authorize(actor, 'item.read', { item, desk });
    return item;
  }

  return {
    view,

    async file(actor, deskId, input) {
      requireActor(actor, 'file items');
      checkId(deskId, 'deskId');
      const desk = await ctx.desk(deskId);
      authorize(actor, 'item.create', { desk });
      const draft = readDraftInput(input);
      const base = createStory({
        uri: `urn:khabar:newsroom:${randomUUID()}`, headline: draft.headline, service: desk.name, agency: ctx.agency,
        credit: `${ctx.agency} / ${desk.name}`, endMarker: ctx.endMarker,
      });
      const item = await nr.createItem({ deskId, authorId: actor.id, draft: applyDraft(base, draft) });
      return view(actor, item);
    },

    async get(actor, id) {
      requireActor(actor, 'read items');
      return view(actor, await readable(actor, id));
    },

    async list(actor, query = {}) {
      requireActor(actor, 'list items');
      const limit = query.limit ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > ITEM_LIST_MAX) {
        throw new KhabarError('INVALID_INPUT', `limit must be a whole number from 1 to ${ITEM_LIST_MAX}`, { field: 'limit' });
      }
      const offset = query.offset ?? 0;
      if (query.state !== undefined && !ITEM_STATES.includes(query.state)) {
        throw new KhabarError('INVALID_INPUT', `state must be one of ${ITEM_STATES.join(', ')}`, { field: 'state' });
      }
      const desks = new Map((await nr.listDesks()).map((d) => [d.id, d]));
      if (query.deskId !== undefined && !desks.has(query.deskId)) throw new KhabarError('NOT_FOUND', `no desk ${query.deskId}`, { deskId: query.deskId });
      const filter = {
        ...(query.deskId !== undefined ? { deskId: query.deskId } : {}),
        ...(query.state !== undefined ? { states: [query.state] } : {}),
      };
      // A reporter reads only their own items: ask the store for exactly those. Others read through
      // `item.read` item by item (an editor: own items and their desks'), paging over the filtered rows.
      if (actor.role === 'reporter') {
        const items = await nr.listItems({ ...filter, authorId: actor.id, limit, offset });
        return Promise.all(items.map((i) => view(actor, i)));
      }
      const out: NewsroomItem[] = [];
      let skipped = 0;
      for (let page = 0; out.length < limit; page += 1000) {
        const rows = await nr.listItems({ ...filter, limit: 1000, offset: page });
        for (const item of rows) {
          if (!can(actor, 'item.read', { item, desk: desks.get(item.deskId)! })) continue;
          if (skipped < offset) skipped++;
          else if (out.length < limit) out.push(item);
        }
        if (rows.length < 1000) break;
      }
      return Promise.all(out.map((i) => view(actor, i)));
    },

    async save(actor, id, input, revision) {
      requireActor(actor, 'save items');
      const { item, desk } = await ctx.itemAndDesk(id);
      authorize(actor, 'item.save', { item, desk });
      if (!fromStates('save').includes(item.state)) {
        throw new KhabarError('CONFLICT', `cannot save a ${item.state} story${item.state === 'scheduled' ? ': unschedule it first' : ''}`, { itemId: id, state: item.state });
      }
      if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 1) {
        throw new KhabarError('INVALID_INPUT', 'revision (the revision the change is based on) is required', { field: 'revision' });
      }
      if (ctx.lockedByOther(item, actor)) {
        const holder = await nr.getUser(item.lock!.userId);
        throw new KhabarError('CONFLICT',
          `item ${id} is being edited by «${holder?.displayName ?? item.lock!.userId}» (${holder?.username ?? '?'}) since ${item.lock!.at}; your change was not saved`,
          { itemId: id, lockedBy: item.lock!.userId });
      }
      if (revision !== item.revision) {
        throw new KhabarError('CONFLICT',
          `item ${id} changed since revision ${revision}: it is at revision ${item.revision}; reload it and apply your change again (nothing was saved)`,
          { itemId: id, revision: item.revision });
      }
      const draft = applyDraft(item.draft, readDraftInput(input));
      const saved = await nr.saveItem(id, { draft, userId: actor.id, expect: { revision, states: fromStates('save') } });
      // The store records saves as revisions only; the audit log says who saved which revision.
      await ctx.audit({ action: 'item.save', userId: actor.id, itemId: id, detail: { revision: saved.revision } });
      if (saved.lock?.userId === actor.id) await nr.acquireLock(id, actor.id, { now: ctx.nowIso() });
      return view(actor, (await nr.getItem(id))!);
    },

    async revisions(actor, id) {
      requireActor(actor, 'read items');
      await readable(actor, id);
      return nr.listRevisions(id);
    },

    async diff(actor, id, a, b) {
      requireActor(actor, 'read items');
      await readable(actor, id);
      const revs = await nr.listRevisions(id);
      const find = (n: number, name: string) => {
        const r = revs.find((x) => x.revision === n);
        if (!r) throw new KhabarError('NOT_FOUND', `item ${id} has no revision ${n} (${name}); it has 1 to ${revs.length}`, { field: name });
        return r.draft;
      };
      return diffStories(find(a, 'from'), find(b, 'to'));
    },

    async audit(actor, query = {}) {
      authorize(actor, 'audit.read');
      return nr.listAudit(query);
    },
  };
}
