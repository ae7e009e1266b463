/**
 * The workflow moves: submit, return (with a note), publish, schedule/unschedule, correct, kill, and the
 * scheduler's publishing of due items. Each one: the item and its desk, `authorize` (who), `nextState`
 * (whether the item can move), then the store with what was read (`expect.revision` and
 * `expect.states`), so that a move made meanwhile by someone else is refused with CONFLICT, not
 * overwritten. The store appends the audit entry in the same transaction.
 *
 * What goes to the archive: publish → the working copy as the story's first version, `versionCreated`
 * now, no correction flag; correct → the working copy (optionally
 * changed in the same call) with `correction: true` and the note as `edNote`; kill → the latest
 * published version with pubStatus `canceled` and the note as `edNote` (a kill notice on the wire).
 */
import { KhabarError, isKhabarError } from '../../errors/index.js';
import type { Desk, NewsroomItem, User } from '../../store/index.js';
import type { Story } from '../../story/index.js';
import { authorize } from '../policy/permissions.js';
import { fromStates, nextState, type WorkflowAction } from '../policy/workflow.js';
import { requireActor, type ServiceContext } from './context.js';
import { applyDraft, readDraftInput } from './draft-input.js';
import type { ItemActions, ItemView } from './items.js';

/** Options every move accepts. */
export interface MoveOptions {
  /** The revision the actor saw; the move is refused with CONFLICT if the item changed since. */
  revision?: number;
}

/** The workflow actions. */
export interface WorkflowActions {
  submit(actor: User | undefined, id: number, options?: MoveOptions): Promise<ItemView>;
  /** Back to the reporter with a note saying what to change. */
  returnToReporter(actor: User | undefined, id: number, note: string, options?: MoveOptions): Promise<ItemView>;
  publish(actor: User | undefined, id: number, options?: MoveOptions): Promise<ItemView>;
  /** Published by the scheduler at `at` (RFC 3339, in the future). */
  schedule(actor: User | undefined, id: number, at: string, options?: MoveOptions): Promise<ItemView>;
  unschedule(actor: User | undefined, id: number, options?: MoveOptions): Promise<ItemView>;
  /** A new published version marked as a correction; `draft` (optional) changes the text in the same step. */
  correct(actor: User | undefined, id: number, draft: unknown, note: string, options?: MoveOptions): Promise<ItemView>;
  /** Withdraws a published story: pubstatus canceled everywhere, a kill notice on the wire. */
  kill(actor: User | undefined, id: number, note: string, options?: MoveOptions): Promise<ItemView>;
  /** The system's move: publishes every scheduled item whose time has come; returns the items published. */
  runScheduled(now?: Date): Promise<NewsroomItem[]>;
}

/** The workflow actions over `ctx`. */
export function workflowActions(ctx: ServiceContext, items: ItemActions): WorkflowActions {
  const { nr } = ctx;

  /** Reads, authorizes and checks the move; returns the item, its desk and the state it moves to. */
  async function prepare(actor: User | undefined, id: number, action: WorkflowAction, options: MoveOptions,
    input: { note?: string; scheduledAt?: string } = {}): Promise<{ actor: User; item: NewsroomItem; desk: Desk; to: ReturnType<typeof nextState> }> {
    requireActor(actor, `${action} items`);
    const { item, desk } = await ctx.itemAndDesk(id);
    authorize(actor, `item.${action}`, { item, desk });
    const to = nextState(item, action, { ...input, now: ctx.now() });
    if (options.revision !== undefined && options.revision !== item.revision) {
      throw new KhabarError('CONFLICT', `item ${id} changed since revision ${options.revision}: it is at revision ${item.revision}; reload it`,
        { itemId: id, revision: item.revision });
    }
    return { actor, item, desk, to };
  }

  async function move(actor: User | undefined, id: number, action: 'submit' | 'return' | 'schedule' | 'unschedule',
    options: MoveOptions, input: { note?: string; scheduledAt?: string } = {}): Promise<ItemView> {
    const p = await prepare(actor, id, action, options, input);
    const next = await nr.transitionItem(id, {
      to: p.to, userId: p.actor.id, action,
      ...(input.note !== undefined ? { note: input.note.trim() } : {}),
      ...(input.scheduledAt !== undefined ? { scheduledAt: input.scheduledAt } : {}),
      expect: { revision: p.item.revision, states: fromStates(action) },
    });
    return items.view(p.actor, next);
  }

  /** The working copy as it goes out first: this desk's service, timestamps, no correction marks. */
  function forPublication(item: NewsroomItem, desk: Desk, now: string): Story {
    const { correction: _c, edNote: _e, ...draft } = item.draft;
    return { ...draft, service: desk.name, pubStatus: 'usable', firstCreated: draft.firstCreated ?? now, versionCreated: now };
  }

  async function published(actor: User, next: NewsroomItem): Promise<ItemView> {
    await ctx.wrote();
    return items.view(actor, next);
  }

  return {
    submit: (actor, id, options = {}) => move(actor, id, 'submit', options),
    returnToReporter: (actor, id, note, options = {}) => move(actor, id, 'return', options, { note }),
    schedule: (actor, id, at, options = {}) => move(actor, id, 'schedule', options, { scheduledAt: at }),
    unschedule: (actor, id, options = {}) => move(actor, id, 'unschedule', options),

    async publish(actor, id, options = {}) {
      const p = await prepare(actor, id, 'publish', options);
      const { item } = await nr.publishItem(id, {
        story: forPublication(p.item, p.desk, ctx.nowIso()), userId: p.actor.id, action: 'publish',
        expect: { revision: p.item.revision, states: fromStates('publish') },
      });
      return published(p.actor, item);
    },

    async correct(actor, id, draft, note, options = {}) {
      const p = await prepare(actor, id, 'correct', options, { note });
      const base = draft === undefined || draft === null ? p.item.draft : applyDraft(p.item.draft, readDraftInput(draft));
      const story: Story = { ...base, service: p.desk.name, pubStatus: 'usable', correction: true, edNote: note.trim(), versionCreated: ctx.nowIso() };
      const { item } = await nr.publishItem(id, {
        story, userId: p.actor.id, action: 'correct', note: note.trim(),
        expect: { revision: p.item.revision, states: fromStates('correct') },
      });
      return published(p.actor, item);
    },

    async kill(actor, id, note, options = {}) {
      const p = await prepare(actor, id, 'kill', options, { note });
      // The version subscribers have, not a correction being prepared in the working copy.
      const stored = p.item.storyId !== undefined ? await ctx.store.getStory({ id: p.item.storyId }) : undefined;
      const { correction: _c, ...latest } = stored?.story ?? p.item.draft;
      const story: Story = { ...latest, pubStatus: 'canceled', edNote: note.trim(), versionCreated: ctx.nowIso() };
      const { item } = await nr.publishItem(id, {
        story, userId: p.actor.id, action: 'kill', note: note.trim(),
        expect: { revision: p.item.revision, states: fromStates('kill') },
      });
      return published(p.actor, item);
    },

    async runScheduled(now = ctx.now()) {
      const at = now.toISOString();
      const out: NewsroomItem[] = [];
      for (const due of await nr.dueScheduledItems(at)) {
        try {
          nextState(due, 'publish', { scheduler: true, now });
          const desk = await ctx.desk(due.deskId);
          const { item } = await nr.publishItem(due.id, {
            story: forPublication(due, desk, at), userId: undefined, action: 'publish',
            expect: { revision: due.revision, states: fromStates('publish', true) },
          });
          out.push(item);
        } catch (e) {
          // Unscheduled or changed meanwhile: not due any more; the next run sees the new state.
          if (!(isKhabarError(e) && e.code === 'CONFLICT')) throw e;
        }
      }
      if (out.length > 0) await ctx.wrote();
      return out;
    },
  };
}
