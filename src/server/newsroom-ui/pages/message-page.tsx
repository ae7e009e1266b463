/** A page that only says something: what was not allowed (403), not found (404), or another error. */
import type { Context } from 'hono';
import type { User } from '../../../store/index.js';
import { NrLayout } from '../components/layout.js';
import { sendHtml } from '../send.js';
import type { UiContext } from '../ui-context.js';

const TITLES: Record<number, string> = {
  400: 'درخواست نادرست',
  403: 'اجازهٔ این کار را ندارید',
  404: 'پیدا نشد',
  409: 'تعارض',
  429: 'تلاش‌های بیش از اندازه',
  500: 'خطای سرور',
};

/** The page with `status`, a Persian `text`, and (optionally) the service's own wording as a detail. */
export function messagePage(c: Context, ctx: UiContext, status: number, text: string, auth?: { user: User; csrfToken: string }, detail?: string): Response {
  const title = TITLES[status] ?? 'خطا';
  return sendHtml(c, (
    <NrLayout ctx={ctx} title={title} user={auth?.user} csrf={auth?.csrfToken}>
      <h1>{title}</h1>
      <p class="nr-msg error" role="alert">{text}</p>
      {detail ? <p class="nr-hint"><span>جزئیات: </span><span lang="en" dir="ltr">{detail}</span></p> : null}
      <p><a href="/newsroom">بازگشت به صف‌های سرویس</a></p>
    </NrLayout>
  ), status);
}
