import { describe, expect, it } from 'vitest';
import { isKhabarError } from '../../errors/index.js';
import { ITEM_STATES } from '../../store/index.js';
import type { ItemState } from '../../store/index.js';
import { MAX_NOTE_LENGTH, WORKFLOW_ACTIONS, availableActions, fromStates, nextState } from './workflow.js';
import type { WorkflowAction, WorkflowInput } from './workflow.js';

const NOW = '2025-09-05T09:00:00Z';
const LATER = '2025-09-05T12:00:00Z';
const EARLIER = '2025-09-05T08:00:00Z';

/*
 * Every (state, action) pair, written out: the state it moves to, or '-' for refused (CONFLICT).
 * publish from scheduled is the scheduler's (input.scheduler); by hand it is refused (see below).
 */
type To = ItemState | '-';
function row(...to: To[]): Record<WorkflowAction, To> {
  return Object.fromEntries(WORKFLOW_ACTIONS.map((a, i) => [a, to[i]!])) as Record<WorkflowAction, To>;
}
//                save         submit       return       publish      schedule     unschedule   correct      kill
const TABLE: Record<ItemState, Record<WorkflowAction, To>> = {
  draft:      row('draft',     'submitted', '-',         'published', '-',         '-',         '-',         '-'),
  submitted:  row('submitted', '-',         'returned',  'published', 'scheduled', '-',         '-',         '-'),
  returned:   row('returned',  'submitted', '-',         'published', '-',         '-',         '-',         '-'),
  scheduled:  row('-',         '-',         '-',         'published', '-',         'submitted', '-',         '-'),
  published:  row('published', '-',         '-',         '-',         '-',         '-',         'published', 'killed'),
  killed:     row('-',         '-',         '-',         '-',         '-',         '-',         '-',         '-'),
};

/** Input that satisfies every action's needs. */
function goodInput(state: ItemState, action: WorkflowAction): WorkflowInput {
  const input: WorkflowInput = { now: NOW };
  if (action === 'return' || action === 'correct' || action === 'kill') input.note = 'عدد تلفات در بند دوم اصلاح شد';
  if (action === 'schedule') input.scheduledAt = LATER;
  if (action === 'publish' && state === 'scheduled') input.scheduler = true;
  return input;
}

function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isKhabarError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('not refused');
}

describe('nextState: every state × action', () => {
  for (const state of ITEM_STATES) {
    for (const action of WORKFLOW_ACTIONS) {
      const to = TABLE[state][action];
      it(`${action} on ${state} → ${to === '-' ? 'CONFLICT' : to}`, () => {
        const item = { id: 7, state, scheduledAt: state === 'scheduled' ? EARLIER : undefined };
        if (to !== '-') {
          expect(nextState(item, action, goodInput(state, action))).toBe(to);
          return;
        }
        const r = refusal(() => nextState(item, action, goodInput(state, action)));
        expect(r.code).toBe('CONFLICT');
        expect(r.message).toContain(`cannot ${action} a ${state} story`);
      });
    }
  }

  it('the table agrees with fromStates and availableActions', () => {
    const byHand = (s: ItemState, a: WorkflowAction): boolean => TABLE[s][a] !== '-' && !(a === 'publish' && s === 'scheduled');
    for (const action of WORKFLOW_ACTIONS) {
      expect(fromStates(action)).toEqual(ITEM_STATES.filter((s) => byHand(s, action)));
      expect(fromStates(action, true)).toEqual(action === 'publish' ? ['scheduled'] : []);
    }
    for (const state of ITEM_STATES) {
      expect(availableActions(state)).toEqual(WORKFLOW_ACTIONS.filter((a) => byHand(state, a)));
    }
    expect(availableActions('killed')).toEqual([]);
  });
});

describe('refusals say why', () => {
  const at = (state: ItemState, action: WorkflowAction, input: WorkflowInput = {}) =>
    refusal(() => nextState({ id: 7, state, scheduledAt: state === 'scheduled' ? LATER : undefined }, action, { now: NOW, ...input }));

  it('wrong state: CONFLICT naming state and action, with the reason', () => {
    expect(at('killed', 'publish')).toEqual({ code: 'CONFLICT', message: 'cannot publish a killed story: a kill is final' });
    expect(at('draft', 'correct', { note: 'x' }).message).toBe('cannot correct a draft story: only a published story can be corrected');
    expect(at('submitted', 'kill', { note: 'x' }).message).toBe('cannot kill a submitted story: only a published story can be killed');
    expect(at('published', 'submit').message).toBe('cannot submit a published story: it is already published; a change goes out as a correction');
    expect(at('draft', 'return', { note: 'x' }).message).toBe('cannot return a draft story: return applies to submitted stories');
    expect(at('returned', 'schedule', { scheduledAt: LATER }).message)
      .toBe('cannot schedule a returned story: schedule applies to submitted stories');
    expect(at('scheduled', 'save').message).toBe(
      `cannot save a scheduled story: unschedule it first (it is due at ${LATER}), so that what goes out on time is what was scheduled`);
  });

  it('a scheduled story is published only by the scheduler, and only when due', () => {
    expect(at('scheduled', 'publish')).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('cannot publish a scheduled story: unschedule it first') });
    expect(at('scheduled', 'publish', { scheduler: true })).toEqual({
      code: 'CONFLICT', message: `cannot publish a scheduled story before its time (${LATER})`,
    });
    expect(nextState({ state: 'scheduled', scheduledAt: LATER }, 'publish', { scheduler: true, now: LATER })).toBe('published');
    expect(at('submitted', 'publish', { scheduler: true }).message)
      .toBe('the scheduler only publishes scheduled stories; cannot publish a submitted story on schedule');
    expect(at('scheduled', 'unschedule', { scheduler: true }).code).toBe('CONFLICT');
  });

  it('notes: required for return, correct and kill; blank is missing; a length limit', () => {
    expect(at('published', 'correct')).toEqual({ code: 'INVALID_INPUT', message: 'a correction needs a note saying what it corrects' });
    expect(at('published', 'correct', { note: ' \n\t' }).message).toBe('a correction needs a note saying what it corrects');
    expect(at('published', 'kill').message).toBe('a kill needs a note saying why the story is withdrawn');
    expect(at('submitted', 'return').message).toBe('returning a story needs a note telling the reporter what to change');
    expect(at('published', 'kill', { note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }).message)
      .toBe(`note is ${MAX_NOTE_LENGTH + 1} characters; the limit is ${MAX_NOTE_LENGTH}`);
    expect(at('published', 'kill', { note: 5 as unknown as string }).message).toBe('note must be a string, got number');
    // An optional note is checked when given, too.
    expect(at('draft', 'submit', { note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }).code).toBe('INVALID_INPUT');
    expect(nextState({ state: 'draft' }, 'submit', { note: 'لطفاً زود منتشر شود' })).toBe('submitted');
  });

  it('schedule needs a valid time in the future', () => {
    expect(at('submitted', 'schedule')).toEqual({ code: 'INVALID_INPUT', message: 'scheduling needs a time: scheduledAt is missing' });
    expect(at('submitted', 'schedule', { scheduledAt: 'فردا ساعت ۹' }).message)
      .toBe('scheduledAt must be an RFC 3339 date-time such as 2025-09-05T09:26:00Z, got "فردا ساعت ۹"');
    expect(at('submitted', 'schedule', { scheduledAt: '2025-09-05 12:00' }).code).toBe('INVALID_INPUT');
    expect(at('submitted', 'schedule', { scheduledAt: EARLIER }).message)
      .toBe('scheduledAt 2025-09-05T08:00:00Z is not in the future (now is 2025-09-05T09:00:00.000Z)');
    expect(at('submitted', 'schedule', { scheduledAt: NOW }).code).toBe('INVALID_INPUT');
    expect(nextState({ state: 'submitted' }, 'schedule', { scheduledAt: '2025-09-05T13:00:00+03:30', now: new Date(NOW) })).toBe('scheduled');
  });

  it('state is checked before input, and errors carry the action and state', () => {
    expect(at('killed', 'kill').code).toBe('CONFLICT');
    try {
      nextState({ id: 7, state: 'killed' }, 'correct', { note: 'x' });
      expect.unreachable();
    } catch (e) {
      expect(isKhabarError(e) && e.details).toEqual({ action: 'correct', state: 'killed', itemId: 7 });
    }
    expect(refusal(() => nextState({ state: 'draft' }, 'delete' as WorkflowAction)).code).toBe('INVALID_INPUT');
  });
});
