/**
 * The story editor (`/newsroom/items/new`, `/newsroom/items/{id}`): headline, lead, body (one textarea,
 * a blank line between paragraphs), tags, urgency, desk; the buttons of the workflow actions the
 * service says the user may take now (`ItemView.actions`); the lock holder («در حال ویرایش توسط …»);
 * the normalizer's suggestions with one button to apply them; and the wire text exactly as subscribers
 * will receive it (`writeWire`), in `<pre dir="rtl">`. After a refused save the user's text is shown
 * again, never lost.
 */
import type { Context } from 'hono';
import type { ItemView } from '../../../newsroom/index.js';
import type { Desk } from '../../../store/index.js';
import { writeWire } from '../../../story/index.js';
import type { RequestAuth } from '../../newsroom-api/session.js';
import { faDigits, faShortDateTime } from '../../site/format.js';
import { CsrfField } from '../components/csrf-field.js';
import { NrLayout } from '../components/layout.js';
import { Suggestions } from '../components/suggestions.js';
import { suggestionsFor, type DraftForm } from '../draft-form.js';
import { OP_LABELS, STATE_LABELS } from '../labels.js';
import { sendHtml } from '../send.js';
import type { UiContext } from '../ui-context.js';

/** What the editor shows. */
export interface EditorState {
  auth: RequestAuth;
  desks: Desk[];
  /** The item (absent for a new story). */
  item?: ItemView;
  form: DraftForm;
  /** The revision the form is based on. */
  revision?: number;
  /** A note and a schedule time typed before a refused action, shown again. */
  note?: string;
  at?: string;
  /** The new story's desk. */
  deskId?: number;
  message?: { kind: 'ok' | 'error' | 'warn'; text: string };
  /** The author's display name. */
  author?: string;
  /** Link to the published story on the site. */
  publicUrl?: string;
}

const URGENCIES = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** The editor page. */
export function editorPage(c: Context, ctx: UiContext, s: EditorState, status = 200): Response {
  const { item, form, auth } = s;
  const me = auth.user;
  const desk = item ? s.desks.find((d) => d.id === item.deskId) : undefined;
  const canSave = item ? item.actions.includes('save') : true;
  const lockedByOther = item?.lock && item.lock.userId !== me.id && !item.lock.stale ? item.lock : undefined;
  const holdsLock = item?.lock?.userId === me.id;
  const chief = me.role === 'chief' || me.role === 'admin';
  const moves = item ? item.actions.filter((a) => a !== 'save') : [];
  const needsNote = moves.some((a) => a === 'return' || a === 'correct' || a === 'kill');
  const title = item ? `ویرایش خبر: ${item.draft.headline}` : 'خبر تازه';
  const wire = item ? writeWire({ ...item.draft, ...(desk ? { service: desk.name } : {}) }) : undefined;
  const action = item ? `/newsroom/items/${item.id}` : '/newsroom/items';
  const ro = !canSave;
  return sendHtml(c, (
    <NrLayout ctx={ctx} title={title} user={me} csrf={auth.csrfToken} current={item ? undefined : 'new'} editorScript>
      <h1>{item ? 'ویرایش خبر' : 'نوشتن خبر تازه'}</h1>
      {s.message ? <p class={`nr-msg ${s.message.kind === 'ok' ? '' : s.message.kind}`} role={s.message.kind === 'ok' ? 'status' : 'alert'} id="editor-message">{s.message.text}</p> : null}
      {item ? (
        <dl class="nr-facts">
          <dt>وضعیت</dt><dd id="item-state">{STATE_LABELS[item.state]}</dd>
          <dt>سرویس</dt><dd>{desk?.name ?? ''}</dd>
          {s.author ? <><dt>نویسنده</dt><dd>{s.author}</dd></> : null}
          <dt>آخرین تغییر</dt><dd><time datetime={item.updatedAt}>{faShortDateTime(item.updatedAt)}</time>{` (نسخهٔ ${faDigits(item.revision)})`}</dd>
          {item.scheduledAt ? <><dt>زمان انتشار</dt><dd><time datetime={item.scheduledAt}>{faShortDateTime(item.scheduledAt)}</time></dd></> : null}
          {item.note ? <><dt>یادداشت</dt><dd>{item.note}</dd></> : null}
          {item.draft.code !== undefined ? <><dt>کد خبر</dt><dd>{faDigits(item.draft.code)}</dd></> : null}
        </dl>
      ) : null}
      {item ? (
        <p class="nr-links">
          <a href={`/newsroom/items/${item.id}/history`}>تاریخچهٔ نسخه‌ها</a>
          {s.publicUrl ? <>{' · '}<a href={s.publicUrl}>خبر در سایت</a></> : null}
        </p>
      ) : null}
      {lockedByOther ? (
        <p class="nr-msg warn nr-lock" id="lock-holder" role="status">
          {`در حال ویرایش توسط ${lockedByOther.displayName} (از ${faShortDateTime(lockedByOther.at)})`}
        </p>
      ) : null}
      {item && !canSave ? <p class="nr-hint">در وضعیت کنونی، شما نمی‌توانید متن این خبر را تغییر دهید.</p> : null}

      <form class="nr-form" id="story-form" method="post" action={action} data-suggest="/newsroom/suggest">
        <CsrfField token={auth.csrfToken} />
        {s.revision !== undefined ? <input type="hidden" name="revision" value={String(s.revision)} /> : null}
        {item ? null : (
          <div>
            <label for="f-desk">سرویس</label>
            <select id="f-desk" name="deskId" required>
              {s.desks.map((d) => <option value={String(d.id)} selected={d.id === s.deskId}>{d.name}</option>)}
            </select>
          </div>
        )}
        <div>
          <label for="f-headline">تیتر</label>
          <input type="text" id="f-headline" name="headline" value={form.headline} required maxlength={1000} readonly={ro} dir="rtl" />
        </div>
        <div>
          <label for="f-lead">لید</label>
          <textarea id="f-lead" name="lead" readonly={ro} dir="rtl">{form.lead}</textarea>
        </div>
        <div>
          <label for="f-body">متن</label>
          <textarea id="f-body" name="body" readonly={ro} dir="rtl" aria-describedby="f-body-hint">{form.body}</textarea>
          <p class="nr-hint" id="f-body-hint">بندها را با یک سطر خالی از هم جدا کنید.</p>
        </div>
        <div>
          <label for="f-keywords">برچسب‌ها</label>
          <input type="text" id="f-keywords" name="keywords" value={form.keywords} readonly={ro} dir="rtl" aria-describedby="f-keywords-hint" />
          <p class="nr-hint" id="f-keywords-hint">برچسب‌ها را با «،» از هم جدا کنید.</p>
        </div>
        <div>
          <label for="f-urgency">فوریت</label>
          <select id="f-urgency" name="urgency" disabled={ro}>
            <option value="">بدون فوریت</option>
            {URGENCIES.map((u) => <option value={String(u)} selected={form.urgency === String(u)}>{u === 1 ? '۱ (فوری)' : faDigits(u)}</option>)}
          </select>
          {ro && form.urgency !== '' ? <input type="hidden" name="urgency" value={form.urgency} /> : null}
        </div>

        <section id="suggestions" class="nr-box" aria-labelledby="suggestions-title" aria-live="polite" data-apply={canSave ? '1' : '0'}>
          <Suggestions suggestions={suggestionsFor(form)} canApply={canSave} />
        </section>

        {needsNote ? (
          <div>
            <label for="f-note">یادداشت (برای بازگرداندن، اصلاحیه یا ابطال)</label>
            <textarea id="f-note" name="note" dir="rtl">{s.note ?? ''}</textarea>
          </div>
        ) : null}
        {moves.includes('schedule') ? (
          <div>
            <label for="f-at">زمان انتشار (برای زمان‌بندی)</label>
            <input type="text" id="f-at" name="at" value={s.at ?? ''} dir="rtl" aria-describedby="f-at-hint" />
            <p class="nr-hint" id="f-at-hint">تاریخ شمسی به وقت تهران، مثلاً «۱۴۰۴/۰۶/۱۴ ۱۲:۳۰»، یا ISO مانند <span dir="ltr">2025-09-05T09:26:00+03:30</span></p>
          </div>
        ) : null}

        <div class="nr-actions" role="group" aria-label="کارها">
          {canSave ? <button type="submit" name="op" value="save">{item ? OP_LABELS.save : 'ساخت خبر'}</button> : null}
          {moves.map((a) => (
            <button type="submit" name="op" value={a} class={a === 'kill' ? 'danger' : a === 'return' || a === 'unschedule' ? 'secondary' : undefined}>{OP_LABELS[a]}</button>
          ))}
          {lockedByOther && chief ? <button type="submit" name="op" value="break-lock" class="secondary">{OP_LABELS['break-lock']}</button> : null}
          {holdsLock ? <button type="submit" name="op" value="unlock" class="secondary">{OP_LABELS.unlock}</button> : null}
        </div>
      </form>

      {wire !== undefined ? (
        <section class="nr-box" aria-labelledby="wire-title">
          <h2 id="wire-title">پیش‌نمایش سیم خبر</h2>
          <p class="nr-hint">متن نسخهٔ ذخیره‌شده، دقیقاً همان‌گونه که مشترکان دریافت می‌کنند.</p>
          <pre dir="rtl" class="nr-wire" id="wire-preview">{wire}</pre>
        </section>
      ) : null}
    </NrLayout>
  ), status);
}
