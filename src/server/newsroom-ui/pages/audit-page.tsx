/**
 * `/newsroom/audit?before=`: the audit log, newest first, 50 a page (the service refuses anyone but a
 * chief or admin). Each line: when (Jalali, Tehran), who, what, which item, and the entry's details.
 */
import type { Context } from 'hono';
import type { RequestAuth } from '../../newsroom-api/session.js';
import { faDigits, faShortDateTime } from '../../site/format.js';
import { NrLayout } from '../components/layout.js';
import { ACTIVITY_LABELS } from '../labels.js';
import { sendHtml } from '../send.js';
import type { UiContext } from '../ui-context.js';

/** Entries a page shows. */
export const AUDIT_PAGE_SIZE = 50;

/** The audit page. */
export async function auditPage(c: Context, ctx: UiContext, auth: RequestAuth): Promise<Response> {
  const b = c.req.query('before');
  const before = b !== undefined && /^[1-9]\d{0,14}$/.test(b) ? Number(b) : undefined;
  const rows = await ctx.newsroom.audit(auth.user, { limit: AUDIT_PAGE_SIZE + 1, ...(before !== undefined ? { before } : {}) });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const older = rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id : undefined;
  const names = await ctx.names(page.map((r) => r.userId));
  return sendHtml(c, (
    <NrLayout ctx={ctx} title="گزارش رویدادها" user={auth.user} csrf={auth.csrfToken} current="audit">
      <h1>گزارش رویدادها</h1>
      {page.length === 0 ? <p class="nr-empty">رویدادی نیست.</p> : (
        <div class="nr-table-wrap">
          <table class="nr-table" id="audit">
            <caption class="visually-hidden">رویدادهای اتاق خبر، تازه‌ترین نخست</caption>
            <thead><tr><th scope="col">شماره</th><th scope="col">زمان</th><th scope="col">کاربر</th><th scope="col">کار</th><th scope="col">خبر</th><th scope="col">جزئیات</th></tr></thead>
            <tbody>
              {page.map((r) => (
                <tr>
                  <td>{faDigits(r.id)}</td>
                  <td><time datetime={r.at}>{faShortDateTime(r.at)}</time></td>
                  <td>{r.userId !== undefined ? names.get(r.userId) ?? faDigits(r.userId) : 'سامانه'}</td>
                  <td>{ACTIVITY_LABELS[r.action] ?? r.action}</td>
                  <td>{r.itemId !== undefined ? <a href={`/newsroom/items/${r.itemId}`}>{faDigits(r.itemId)}</a> : '—'}</td>
                  <td><code dir="ltr">{r.detail ? JSON.stringify(r.detail) : ''}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="nr-pager" aria-label="صفحه‌های گزارش">
        {before !== undefined ? <a href="/newsroom/audit">تازه‌ترین‌ها</a> : null}
        {older !== undefined ? <a href={`/newsroom/audit?before=${older}`} rel="next">رویدادهای قدیمی‌تر</a> : null}
      </nav>
    </NrLayout>
  ));
}
