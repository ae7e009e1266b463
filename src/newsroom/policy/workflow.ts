/**
 * The item workflow (issue #6) as a state machine over {@link ITEM_STATES}: which action moves an item
 * from which state to which ({@link TRANSITIONS}), and what each move needs (a note, a time). Roles are
 * not considered here — {@link authorize} decides who; this decides whether the item can move at all.
 *
 *   draft ─submit→ submitted ─schedule→ scheduled ─(the scheduler, when due)→ published ─kill→ killed
 *   submitted ─return (note)→ returned ─submit→ submitted;  scheduled ─unschedule→ submitted
 *   draft | submitted | returned ─publish→ published;  published ─correct (note)→ published
 *
 * Decisions: an editor may publish a draft directly (their own story, or an urgent one); a scheduled
 * item is published only by the scheduler — to publish it now or change it, unschedule it first, so
 * what goes out at the embargo time is what was scheduled; save keeps the state and is allowed in
 * draft, submitted, returned and published — on a published item it prepares the next correction
 * (the archive changes only with `correct`; permissions leave that to the chief); killed is final.
 */
import { KhabarError } from '../../errors/index.js';
import { ITEM_STATES } from '../../store/index.js';
import type { ItemState, NewsroomItem } from '../../store/index.js';
import { FIELD_LIMITS } from '../../story/index.js';

/** Workflow actions; `item.<action>` is the permission and the store's revision action is `<action>`. */
export const WORKFLOW_ACTIONS = ['save', 'submit', 'return', 'publish', 'schedule', 'unschedule', 'correct', 'kill'] as const;
/** A {@link WORKFLOW_ACTIONS} value. */
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Every allowed move: action → from-state → to-state. A pair not listed is refused with CONFLICT. */
export const TRANSITIONS: Readonly<Record<WorkflowAction, Readonly<Partial<Record<ItemState, ItemState>>>>> = {
  save: { draft: 'draft', submitted: 'submitted', returned: 'returned', published: 'published' },
  submit: { draft: 'submitted', returned: 'submitted' },
  return: { submitted: 'returned' },
  // `scheduled` only with `scheduler: true` (see nextState).
  publish: { draft: 'published', submitted: 'published', returned: 'published', scheduled: 'published' },
  schedule: { submitted: 'scheduled' },
  unschedule: { scheduled: 'submitted' },
  correct: { published: 'published' },
  kill: { published: 'killed' },
};

/** Actions whose note is required, and what the note must say (used in the message when it is missing). */
export const NOTE_REQUIRED: Readonly<Partial<Record<WorkflowAction, string>>> = {
  return: 'returning a story needs a note telling the reporter what to change',
  correct: 'a correction needs a note saying what it corrects',
  kill: 'a kill needs a note saying why the story is withdrawn',
};

/** Longest workflow note (characters): a note may become the story's `edNote`, which has this limit. */
export const MAX_NOTE_LENGTH = FIELD_LIMITS.lead;

/** What a move may need besides the item. */
export interface WorkflowInput {
  /** Why it was returned, what a correction corrects, why it was killed. Required for those. */
  note?: string;
  /** `schedule`: when to publish, an RFC 3339 date-time after `now`. */
  scheduledAt?: string;
  /** The present, for `schedule` and the scheduler's `publish` (default: the clock). */
  now?: Date | string;
  /** `publish` by the scheduler: only a scheduled item, only once its time has come. */
  scheduler?: boolean;
}

/** The item fields the workflow looks at. */
export type WorkflowItem = Pick<NewsroomItem, 'state'> & Partial<Pick<NewsroomItem, 'id' | 'scheduledAt'>>;

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The state `action` moves `item` to.
 * @throws KhabarError CONFLICT when the item's state does not allow the action ("cannot publish a
 *   killed story: a kill is final"), INVALID_INPUT when the input is missing or bad ("a correction
 *   needs a note saying what it corrects", a time not in the future, an unknown action).
 */
export function nextState(item: WorkflowItem, action: WorkflowAction, input: WorkflowInput = {}): ItemState {
  if (!Object.hasOwn(TRANSITIONS, action)) {
    throw new KhabarError('INVALID_INPUT', `unknown workflow action ${JSON.stringify(action)}`, { action });
  }
  const from = item.state;
  const details = { action, state: from, ...(item.id !== undefined ? { itemId: item.id } : {}) };
  const scheduler = input.scheduler === true;
  if (scheduler && (action !== 'publish' || from !== 'scheduled')) {
    throw new KhabarError('CONFLICT',
      `the scheduler only publishes scheduled stories; cannot ${action} a ${from} story on schedule`, details);
  }
  const to = Object.hasOwn(TRANSITIONS[action], from) ? TRANSITIONS[action][from] : undefined;
  if (to === undefined || (action === 'publish' && from === 'scheduled' && !scheduler)) {
    throw new KhabarError('CONFLICT', refusal(from, action, item), details);
  }

  const needs = NOTE_REQUIRED[action];
  if (needs !== undefined) checkNote(input.note, needs, details);
  else if (input.note !== undefined) checkNote(input.note, undefined, details);

  if (action === 'schedule') {
    const at = checkTime(input.scheduledAt, 'scheduledAt', details);
    const now = clock(input.now);
    if (at <= now) {
      throw new KhabarError('INVALID_INPUT',
        `scheduledAt ${input.scheduledAt} is not in the future (now is ${new Date(now).toISOString()})`, details);
    }
  }
  if (scheduler && item.scheduledAt !== undefined) {
    const due = checkTime(item.scheduledAt, 'the item\'s scheduledAt', details);
    if (due > clock(input.now)) {
      throw new KhabarError('CONFLICT', `cannot publish a scheduled story before its time (${item.scheduledAt})`, details);
    }
  }
  return to;
}

/**
 * The states `action` applies to, by a person or (`scheduler` true) by the scheduler: what to pass
 * as the store's `expect.states`, so that a move made concurrently by someone else is refused (a
 * publish by hand never goes through on an item scheduled meanwhile).
 */
export function fromStates(action: WorkflowAction, scheduler = false): ItemState[] {
  if (scheduler) return action === 'publish' ? ['scheduled'] : [];
  return ITEM_STATES.filter((s) => Object.hasOwn(TRANSITIONS[action], s) && !(action === 'publish' && s === 'scheduled'));
}

/** The actions a person may take on an item in `state` (the scheduler's publish excluded). */
export function availableActions(state: ItemState): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => fromStates(a).includes(state));
}

/** "cannot submit a published story: it is already published; a change goes out as a correction". */
function refusal(from: ItemState, action: WorkflowAction, item: WorkflowItem): string {
  const head = `cannot ${action} a ${from} story`;
  if (from === 'killed') return `${head}: a kill is final`;
  if (action === 'correct' || action === 'kill') {
    return `${head}: only a published story can be ${action === 'kill' ? 'killed' : 'corrected'}`;
  }
  if (from === 'scheduled') {
    const due = item.scheduledAt ? ` (it is due at ${item.scheduledAt})` : '';
    return `${head}: unschedule it first${due}, so that what goes out on time is what was scheduled`;
  }
  if (from === 'published') return `${head}: it is already published; a change goes out as a correction`;
  return `${head}: ${action} applies to ${listOr(fromStates(action))} stories`;
}

function checkNote(note: unknown, needs: string | undefined, details: Record<string, unknown>): void {
  if (note === undefined || (typeof note === 'string' && note.trim() === '')) {
    if (needs !== undefined) throw new KhabarError('INVALID_INPUT', needs, { ...details, field: 'note' });
    return;
  }
  if (typeof note !== 'string') {
    throw new KhabarError('INVALID_INPUT', `note must be a string, got ${typeof note}`, { ...details, field: 'note' });
  }
  if (note.length > MAX_NOTE_LENGTH) {
    throw new KhabarError('INVALID_INPUT', `note is ${note.length} characters; the limit is ${MAX_NOTE_LENGTH}`,
      { ...details, field: 'note' });
  }
}

function checkTime(value: unknown, field: string, details: Record<string, unknown>): number {
  if (value === undefined) {
    throw new KhabarError('INVALID_INPUT', `scheduling needs a time: ${field} is missing`, { ...details, field });
  }
  const t = typeof value === 'string' && RFC3339.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(t)) {
    throw new KhabarError('INVALID_INPUT',
      `${field} must be an RFC 3339 date-time such as 2025-09-05T09:26:00Z, got ${JSON.stringify(value)}`, { ...details, field });
  }
  return t;
}

function clock(now: Date | string | undefined): number {
  const t = now === undefined ? Date.now() : typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (Number.isNaN(t)) throw new KhabarError('INVALID_INPUT', `now is not a valid time: ${String(now)}`, { field: 'now' });
  return t;
}

function listOr(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
