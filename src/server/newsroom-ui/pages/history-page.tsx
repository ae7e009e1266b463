/**
 * `/newsroom/items/{id}/history?from=&to=`: every saved revision with who made it, how and when (Jalali,
 * Tehran), and the service's word-level diff between any two (`diff`: headline and lead word by word,
 * the body paragraph by paragraph, tags, urgency), RTL with `<del>`/`<ins>`.
 */
import type { Context } from 'hono';
import type { StoryDiff } from '../../../newsroom/index.js';
import type { RequestAuth } from '../../newsroom-api/session.js';
import { faDigits, faShortDateTime } from '../../site/format.js';
import { DiffRuns } from '../components/diff-runs.js';
import { NrLayout } from '../components/layout.js';
import { ACTIVITY_LABELS } from '../labels.js';
import { sendHtml } from '../send.js';
import type { UiContext } from '../ui-context.js';

const revParam = (v: string | undefined): number | undefined => (v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

/** The history page. */
export async function historyPage(c: Context, ctx: UiContext, auth: RequestAuth): Promise<Response> {
  const raw = c.req.param('id') ?? '';
  const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : 0;
  const item = await ctx.newsroom.get(auth.user, id);
  const revisions = await ctx.newsroom.revisions(auth.user, id);
  const last = revisions.length;
  const to = revParam(c.req.query('to')) ?? last;
  const from = revParam(c.req.query('from')) ?? Math.max(1, to - 1);
  const diff: StoryDiff | undefined = last >= 1 ? await ctx.newsroom.diff(auth.user, id, from, to) : undefined;
  const names = await ctx.names(revisions.map((r) => r.userId));
  const options = (selected: number) => revisions.map((r) => <option value={String(r.revision)} selected={r.revision === selected}>{`نسخهٔ ${faDigits(r.revision)}`}</option>);
  return sendHtml(c, (
    <NrLayout ctx={ctx} title={`تاریخچهٔ خبر: ${item.draft.headline}`} user={auth.user} csrf={auth.csrfToken}>
      <h1>تاریخچهٔ نسخه‌ها</h1>
      <p><a href={`/newsroom/items/${id}`}>{item.draft.headline}</a></p>
      <div class="nr-table-wrap">
        <table class="nr-table" id="revisions">
          <caption class="visually-hidden">نسخه‌های ذخیره‌شدهٔ خبر</caption>
          <thead><tr><th scope="col">نسخه</th><th scope="col">کار</th><th scope="col">توسط</th><th scope="col">زمان</th><th scope="col">تیتر</th><th scope="col">مقایسه</th></tr></thead>
          <tbody>
            {[...revisions].reverse().map((r) => (
              <tr>
                <td>{faDigits(r.revision)}</td>
                <td>{ACTIVITY_LABELS[r.action] ?? r.action}</td>
                <td>{names.get(r.userId) ?? ''}</td>
                <td><time datetime={r.at}>{faShortDateTime(r.at)}</time></td>
                <td>{r.draft.headline}</td>
                <td>{r.revision > 1 ? <a href={`?from=${r.revision - 1}&to=${r.revision}`}>{`با نسخهٔ ${faDigits(r.revision - 1)}`}</a> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>مقایسهٔ دو نسخه</h2>
      <form class="nr-filter" method="get" action={`/newsroom/items/${id}/history`}>
        <div><label for="f-from">از</label>{' '}<select id="f-from" name="from">{options(from)}</select></div>
        <div><label for="f-to">تا</label>{' '}<select id="f-to" name="to">{options(to)}</select></div>
        <button class="nr-button" type="submit">مقایسه</button>
      </form>
      {diff ? (
        <section class="nr-box nr-diff" aria-label={`تفاوت نسخهٔ ${faDigits(from)} و نسخهٔ ${faDigits(to)}`} id="diff">
          {!diff.changed ? <p class="nr-empty">این دو نسخه تفاوتی ندارند.</p> : null}
          <dl>
            <dt>تیتر</dt><dd><DiffRuns runs={diff.headline} /></dd>
            <dt>لید</dt><dd><DiffRuns runs={diff.lead} /></dd>
            <dt>متن</dt>
            <dd>
              {diff.body.map((p) => (
                <p class={`para-${p.op}`}>
                  {p.op === 'add' ? <ins>{p.runs.map((r) => r.text).join('')}</ins>
                    : p.op === 'del' ? <del>{p.runs.map((r) => r.text).join('')}</del>
                      : <DiffRuns runs={p.runs} />}
                </p>
              ))}
            </dd>
            <dt>برچسب‌ها</dt>
            <dd>{diff.keywords.map((k, i) => <>{i > 0 ? '، ' : ''}{k.op === 'add' ? <ins>{k.text}</ins> : k.op === 'del' ? <del>{k.text}</del> : k.text}</>)}</dd>
            <dt>فوریت</dt>
            <dd>{diff.urgency.changed ? <><del>{diff.urgency.a !== undefined ? faDigits(diff.urgency.a) : '—'}</del>{' '}<ins>{diff.urgency.b !== undefined ? faDigits(diff.urgency.b) : '—'}</ins></> : (diff.urgency.b !== undefined ? faDigits(diff.urgency.b) : '—')}</dd>
          </dl>
        </section>
      ) : null}
    </NrLayout>
  ));
}
