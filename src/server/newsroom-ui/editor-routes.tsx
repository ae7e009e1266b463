/**
 * The story editor's routes: the new-story form and filing (`/items/new`, `POST /items`), the editor
 * (`GET /items/{id}`: opening it takes the edit lock when the user may save, so a second editor sees
 * who is editing), its one form endpoint (`POST /items/{id}` with `op` = the button pressed), and the
 * suggestions fragment for the editor's script (`POST /suggest`). Success redirects (POST-redirect-
 * GET) with a fixed `?done=` message; a refusal the user can act on (a lock, a stale revision, a missing
 * note, a bad field) re-renders the editor with their text and a Persian message.
 */
import { Hono, type Context } from 'hono';
import { KhabarError, isKhabarError } from '../../errors/index.js';
import { nextState, type ItemView, type WorkflowAction } from '../../newsroom/index.js';
import { parseJalaliDate } from '../../story/index.js';
import type { NewsroomEnv } from '../newsroom-api/session.js';
import { Suggestions } from './components/suggestions.js';
import { differsFrom, formOf, normalizeForm, readDraftForm, suggestionsFor, toDraftInput, type DraftForm } from './draft-form.js';
import { DONE_MESSAGES, OP_LABELS, persianError, type EditorOp } from './labels.js';
import { editorPage, type EditorState } from './pages/editor-page.js';
import { seeOther } from './send.js';
import type { UiContext } from './ui-context.js';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The item id in the path, or NOT_FOUND (a page, not a 400, for a mistyped address). */
function itemId(c: Context): number {
  const raw = c.req.param('id') ?? '';
  const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new KhabarError('NOT_FOUND', `no newsroom item ${JSON.stringify(raw.slice(0, 40))}`);
  return id;
}

/** Errors the editor shows on the page with the user's text kept. */
function recoverable(e: unknown): e is KhabarError {
  return isKhabarError(e) && (e.code === 'CONFLICT' || e.code === 'INVALID_INPUT');
}

/** The editor routes. */
export function editorRoutes(ctx: UiContext): Hono<NewsroomEnv> {
  const app = new Hono<NewsroomEnv>();
  const { newsroom } = ctx;

  /** The editor for `item`, with `extra` (the user's form after a refusal, or a message). */
  async function render(c: Context<NewsroomEnv>, item: ItemView, extra: Partial<EditorState> = {}, status = 200): Promise<Response> {
    const auth = c.get('auth')!;
    const desks = await newsroom.listDesks(auth.user);
    const names = await ctx.names([item.authorId]);
    const code = item.state === 'published' && item.draft.code !== undefined ? item.draft.code : undefined;
    return editorPage(c, ctx, {
      auth, desks, item, form: formOf(item.draft), revision: item.revision,
      ...(names.get(item.authorId) ? { author: names.get(item.authorId)! } : {}),
      ...(code !== undefined ? { publicUrl: `/story/${code}` } : {}),
      ...extra,
    }, status);
  }

  app.get('/items/new', async (c) => {
    const auth = c.get('auth')!;
    const desks = await newsroom.listDesks(auth.user);
    const deskId = Number(c.req.query('desk'));
    return editorPage(c, ctx, {
      auth, desks, form: { headline: '', lead: '', body: '', keywords: '', urgency: '' },
      ...(Number.isSafeInteger(deskId) ? { deskId } : {}),
    });
  });

  app.post('/items', async (c) => {
    const auth = c.get('auth')!;
    const posted = await c.req.parseBody();
    const form = readDraftForm(posted);
    const deskId = Number(text(posted['deskId']));
    try {
      const item = await newsroom.file(auth.user, deskId, toDraftInput(form));
      return seeOther(c, `/newsroom/items/${item.id}?done=created`);
    } catch (e) {
      if (!recoverable(e)) throw e;
      const desks = await newsroom.listDesks(auth.user);
      return editorPage(c, ctx, { auth, desks, form, deskId, message: { kind: 'error', text: persianError(e) } }, 400);
    }
  });

  app.get('/items/:id', async (c) => {
    const auth = c.get('auth')!;
    const id = itemId(c);
    let item = await newsroom.get(auth.user, id);
    if (item.actions.includes('save')) {
      // Opening the editor takes the lock (refreshes it if held); held by another, it stays theirs.
      try {
        item = (await newsroom.lock(auth.user, id)).item;
      } catch (e) {
        if (!isKhabarError(e) || (e.code !== 'CONFLICT' && e.code !== 'FORBIDDEN')) throw e;
      }
    }
    const done = DONE_MESSAGES[c.req.query('done') ?? ''];
    return render(c, item, done ? { message: { kind: 'ok', text: done } } : {});
  });

  app.post('/items/:id', async (c) => {
    const auth = c.get('auth')!;
    const user = auth.user;
    const id = itemId(c);
    const posted = await c.req.parseBody();
    const op = text(posted['op']) as EditorOp;
    if (!Object.hasOwn(OP_LABELS, op)) throw new KhabarError('INVALID_INPUT', `unknown editor operation ${JSON.stringify(op.slice(0, 40))}`);
    const form = readDraftForm(posted);
    const revision = Number(text(posted['revision']));
    const note = text(posted['note']);
    const at = text(posted['at']);
    const current = await newsroom.get(user, id);
    const rev = Number.isSafeInteger(revision) && revision > 0 ? revision : current.revision;
    // Saves the form first when it changed and the user may save, so a move acts on what they see —
    // but only once the move itself is possible (permitted, the state allows it, note and time given):
    // a refused move saves nothing.
    const saveFirst = async (f: DraftForm, action: WorkflowAction, input: { note?: string; scheduledAt?: string } = {}): Promise<number> => {
      if (!current.actions.includes(action)) return rev;
      nextState(current, action, input);
      if (!current.actions.includes('save') || !differsFrom(f, current.draft)) return rev;
      return (await newsroom.save(user, id, toDraftInput(f), rev)).revision;
    };
    try {
      switch (op) {
        case 'save': await newsroom.save(user, id, toDraftInput(form), rev); break;
        case 'normalize': await newsroom.save(user, id, toDraftInput(normalizeForm(form)), rev); break;
        case 'submit': await newsroom.submit(user, id, { revision: await saveFirst(form, 'submit') }); break;
        case 'publish': await newsroom.publish(user, id, { revision: await saveFirst(form, 'publish') }); break;
        case 'schedule': {
          const when = readScheduleTime(at);
          await newsroom.schedule(user, id, when, { revision: await saveFirst(form, 'schedule', { scheduledAt: when }) });
          break;
        }
        case 'unschedule': await newsroom.unschedule(user, id, { revision: rev }); break;
        case 'return': await newsroom.returnToReporter(user, id, note, { revision: await saveFirst(form, 'return', { note }) }); break;
        case 'correct': await newsroom.correct(user, id, toDraftInput(form), note, { revision: rev }); break;
        case 'kill': await newsroom.kill(user, id, note, { revision: rev }); break;
        case 'break-lock': await newsroom.breakLock(user, id); break;
        case 'unlock': await newsroom.unlock(user, id); break;
      }
    } catch (e) {
      if (!recoverable(e)) throw e;
      const fresh = await newsroom.get(user, id);
      const holder = fresh.lock?.displayName;
      // The user's text comes back as they wrote it; the form is now based on the current revision,
      // and the message says that saving again replaces what the other person saved.
      return render(c, fresh, { form, note, at, message: { kind: 'error', text: persianError(e, holder) } }, e.code === 'CONFLICT' ? 409 : 400);
    }
    // A workflow move hands the item on (to the editor, the reporter, the wire): the mover's edit lock
    // is let go, so the next person is not told someone is still editing it.
    if (op !== 'save' && op !== 'normalize' && op !== 'break-lock' && op !== 'unlock') await newsroom.unlock(user, id);
    return seeOther(c, `/newsroom/items/${id}?done=${op}`);
  });

  app.post('/suggest', async (c) => {
    const posted = await c.req.parseBody();
    const form = readDraftForm(posted);
    const html = String(<Suggestions suggestions={suggestionsFor(form)} canApply={text(posted['apply']) !== '0'} />);
    return c.body(html, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  });

  return app;
}

/** A schedule time typed as Jalali (Tehran time) or ISO, as the RFC 3339 instant the service takes. */
function readScheduleTime(at: string): string {
  if (at.trim() === '') throw new KhabarError('INVALID_INPUT', 'scheduling needs a time', { field: 'scheduledAt' });
  try {
    return parseJalaliDate(at).toISOString();
  } catch (e) {
    throw new KhabarError('INVALID_INPUT', isKhabarError(e) ? e.message : 'unreadable time', { field: 'scheduledAt' });
  }
}
